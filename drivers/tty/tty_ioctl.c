/*
 * Terminal attribute ioctls: TCGETS/TCSETS* (struct termios, 19
 * control characters), TCGETS2/TCSETS2* (with explicit speeds), the
 * soft-carrier flag, flushing, and the baud rate encoding of c_cflag.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define TERMIOS_FLUSH 1
#define TERMIOS_WAIT 2
#define TERMIOS_OLD 8 /* struct termios, not termios2 */

/* The B* codes' speeds: B0..B38400, then the CBAUDEX ones. */
static const speed_t baud_table[] = {
	0,	 50,	  75,	   110,	    134,     150,     200,     300,
	600,	 1200,	  1800,	   2400,    4800,    9600,    19200,   38400,
	57600,	 115200,  230400,  460800,  500000,  576000,  921600,  1000000,
	1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
};

static speed_t decode_baud(tcflag_t cflag, speed_t other)
{
	unsigned int cbaud = cflag & CBAUD;

	if (cbaud == BOTHER)
		return other;
	if (cbaud & CBAUDEX) {
		cbaud &= ~CBAUDEX;
		cbaud += 15;
	}
	return cbaud < ARRAY_SIZE(baud_table) ? baud_table[cbaud] : 0;
}

/** tty_termios_baud_rate - the output speed @termios asks for. */
speed_t tty_termios_baud_rate(const struct ktermios *termios)
{
	return decode_baud(termios->c_cflag, termios->c_ospeed);
}

/* The input speed: CIBAUD, or the output speed when that is B0. */
static speed_t tty_termios_input_baud_rate(const struct ktermios *termios)
{
	tcflag_t ibaud = (termios->c_cflag & CIBAUD) >> IBSHIFT;

	if (!ibaud)
		return tty_termios_baud_rate(termios);
	return decode_baud(ibaud, termios->c_ispeed);
}

static tcflag_t encode_baud(speed_t speed)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(baud_table); i++)
		if (baud_table[i] == speed)
			return i < 16 ? i : (i - 15) | CBAUDEX;
	return BOTHER;
}

/**
 * tty_termios_encode_baud_rate - store speeds into @termios.
 * @termios: the attributes
 * @ibaud: input speed
 * @obaud: output speed
 *
 * Standard rates become B* codes; others BOTHER with the number.
 */
void tty_termios_encode_baud_rate(struct ktermios *termios, speed_t ibaud,
				  speed_t obaud)
{
	termios->c_ispeed = ibaud;
	termios->c_ospeed = obaud;
	termios->c_cflag &= ~(CBAUD | CIBAUD);
	termios->c_cflag |= encode_baud(obaud);
	if (ibaud != obaud)
		termios->c_cflag |= encode_baud(ibaud) << IBSHIFT;
}

/**
 * tty_wait_until_sent - sleep until the driver sent its output queue.
 * @tty: the tty
 * @timeout: jiffies, 0 for no limit
 *
 * Returns early on a signal.
 */
void tty_wait_until_sent(struct tty_struct *tty, long timeout)
{
	if (!timeout)
		timeout = MAX_SCHEDULE_TIMEOUT;
	timeout = wait_event_interruptible_timeout(
		tty->write_wait, !tty_chars_in_buffer(tty), timeout);
	if (timeout > 0 && tty->ops->wait_until_sent)
		tty->ops->wait_until_sent(tty, timeout);
}

/**
 * tty_set_termios - install new attributes and tell driver and ldisc.
 * @tty: the tty
 * @new: the attributes
 *
 * The driver may adjust the hardware part (c_cflag) to what it can do.
 */
int tty_set_termios(struct tty_struct *tty, struct ktermios *new)
{
	struct ktermios old;

	down_write(&tty->termios_rwsem);
	old = tty->termios;
	tty->termios = *new;
	tty->termios.c_line = N_TTY;
	if (tty->ops->set_termios)
		tty->ops->set_termios(tty, &old);
	up_write(&tty->termios_rwsem);
	if (test_bit(TTY_LDISC_OPEN, &tty->flags) &&
	    tty->ldisc.ops->set_termios)
		tty->ldisc.ops->set_termios(tty, &old);
	return 0;
}

static int set_termios(struct tty_struct *tty, void __user *arg, int opt)
{
	struct ktermios tmp;
	int retval;

	retval = tty_check_change(tty);
	if (retval)
		return retval;
	down_read(&tty->termios_rwsem);
	tmp = tty->termios;
	up_read(&tty->termios_rwsem);
	if (opt & TERMIOS_OLD) {
		if (copy_from_user(&tmp, arg, sizeof(struct termios)))
			return -EFAULT;
		tmp.c_ispeed = tty_termios_input_baud_rate(&tmp);
		tmp.c_ospeed = tty_termios_baud_rate(&tmp);
	} else {
		if (copy_from_user(&tmp, arg, sizeof(struct termios2)))
			return -EFAULT;
	}
	if (opt & TERMIOS_FLUSH)
		tty_ldisc_flush(tty); /* TCSAFLUSH drops unread input */
	if (opt & TERMIOS_WAIT) {
		tty_wait_until_sent(tty, 0);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
	return tty_set_termios(tty, &tmp);
}

static int get_termios(struct tty_struct *tty, void __user *arg, size_t size)
{
	struct ktermios kt;

	down_read(&tty->termios_rwsem);
	kt = tty->termios;
	up_read(&tty->termios_rwsem);
	return copy_to_user(arg, &kt, size) ? -EFAULT : 0;
}

/**
 * tty_perform_flush - TCFLSH: drop input, output or both.
 * @tty: the tty
 * @arg: TCIFLUSH, TCOFLUSH or TCIOFLUSH
 */
int tty_perform_flush(struct tty_struct *tty, unsigned long arg)
{
	switch (arg) {
	case TCIFLUSH:
		tty_ldisc_flush(tty);
		return 0;
	case TCIOFLUSH:
		tty_ldisc_flush(tty);
		tty_driver_flush_buffer(tty);
		return 0;
	case TCOFLUSH:
		tty_driver_flush_buffer(tty);
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * tty_mode_ioctl - the termios ioctls.
 * @tty: the tty the file refers to (a pty master acts on its slave)
 * @cmd: ioctl
 * @arg: user pointer or value
 *
 * Returns 0, an errno, or -ENOIOCTLCMD when @cmd is not one of these.
 */
int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	struct tty_struct *real_tty = tty;
	struct ktermios kt;
	int ret;

	if (tty->driver->type == TTY_DRIVER_TYPE_PTY &&
	    tty->driver->subtype == PTY_TYPE_MASTER && tty->link)
		real_tty = tty->link;

	switch (cmd) {
	case TCGETS:
		return get_termios(real_tty, p, sizeof(struct termios));
	case TCGETS2:
		return get_termios(real_tty, p, sizeof(struct termios2));
	case TCSETS:
		return set_termios(real_tty, p, TERMIOS_OLD);
	case TCSETSW:
		return set_termios(real_tty, p, TERMIOS_WAIT | TERMIOS_OLD);
	case TCSETSF:
		return set_termios(real_tty, p,
				   TERMIOS_FLUSH | TERMIOS_WAIT | TERMIOS_OLD);
	case TCSETS2:
		return set_termios(real_tty, p, 0);
	case TCSETSW2:
		return set_termios(real_tty, p, TERMIOS_WAIT);
	case TCSETSF2:
		return set_termios(real_tty, p, TERMIOS_FLUSH | TERMIOS_WAIT);
	case TIOCGSOFTCAR:
		return put_user(C_CLOCAL(real_tty) ? 1 : 0, (int __user *)p);
	case TIOCSSOFTCAR: {
		int on;

		if (get_user(on, (int __user *)p))
			return -EFAULT;
		down_read(&real_tty->termios_rwsem);
		kt = real_tty->termios;
		up_read(&real_tty->termios_rwsem);
		kt.c_cflag = (kt.c_cflag & ~CLOCAL) | (on ? CLOCAL : 0);
		ret = tty_set_termios(real_tty, &kt);
		return ret;
	}
	default:
		return -ENOIOCTLCMD;
	}
}
