/*
 * Line discipline glue.  Linux lets TIOCSETD switch disciplines at run
 * time; here every tty runs N_TTY from its first open to its last
 * close, so the glue only opens, closes, flushes and forwards input.
 */
#include <linux/kernel.h>
#include <linux/tty.h>

/** tty_ldisc_init - give a new tty the N_TTY discipline (not open yet). */
int tty_ldisc_init(struct tty_struct *tty)
{
	tty->ldisc.ops = &n_tty_ops;
	tty->ldisc.tty = tty;
	return 0;
}

void tty_ldisc_deinit(struct tty_struct *tty)
{
	tty->ldisc.ops = NULL;
}

/** tty_ldisc_setup - open the discipline at the first open of @tty. */
int tty_ldisc_setup(struct tty_struct *tty)
{
	int err = 0;

	mutex_lock(&tty->ldisc_lock);
	if (!test_bit(TTY_LDISC_OPEN, &tty->flags)) {
		if (tty->ldisc.ops->open)
			err = tty->ldisc.ops->open(tty);
		if (!err)
			set_bit(TTY_LDISC_OPEN, &tty->flags);
	}
	mutex_unlock(&tty->ldisc_lock);
	return err;
}

/** tty_ldisc_release - close it at the last close. */
void tty_ldisc_release(struct tty_struct *tty)
{
	if (tty->port)
		tty_buffer_cancel_work(tty->port);
	mutex_lock(&tty->ldisc_lock);
	if (test_and_clear_bit(TTY_LDISC_OPEN, &tty->flags) &&
	    tty->ldisc.ops->close)
		tty->ldisc.ops->close(tty);
	mutex_unlock(&tty->ldisc_lock);
}

/** tty_ldisc_flush - drop pending input (flip buffer and ldisc). */
void tty_ldisc_flush(struct tty_struct *tty)
{
	tty_buffer_flush(tty);
	if (test_bit(TTY_LDISC_OPEN, &tty->flags) &&
	    tty->ldisc.ops->flush_buffer)
		tty->ldisc.ops->flush_buffer(tty);
}

/** tty_ldisc_hangup - drop all data and wake every sleeper. */
void tty_ldisc_hangup(struct tty_struct *tty)
{
	tty_ldisc_flush(tty);
	tty_driver_flush_buffer(tty);
	if (test_bit(TTY_LDISC_OPEN, &tty->flags) && tty->ldisc.ops->hangup)
		tty->ldisc.ops->hangup(tty);
	wake_up_interruptible_all(&tty->read_wait);
	wake_up_interruptible_all(&tty->write_wait);
}

/**
 * tty_ldisc_receive_buf - feed input to the discipline.
 * @tty: the tty
 * @cp: bytes
 * @fp: their TTY_* flags, or NULL
 * @count: how many
 *
 * Process context (the flip worker, TIOCSTI).  Returns bytes taken.
 */
size_t tty_ldisc_receive_buf(struct tty_struct *tty, const u8 *cp, const u8 *fp,
			     size_t count)
{
	if (!test_bit(TTY_LDISC_OPEN, &tty->flags) ||
	    !tty->ldisc.ops->receive_buf)
		return count; /* nobody to give it to: dropped */
	return tty->ldisc.ops->receive_buf(tty, cp, fp, count);
}
