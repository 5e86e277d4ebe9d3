/*
 * The 8250/16550 UART tty driver: /dev/ttyS0..3 (major 4, minors 64+).
 *
 * Receive is interrupt driven: the line's handler drains the RX FIFO
 * into the port's flip buffer, flags errors (break, parity, framing,
 * overrun) per byte, and pushes it to the line discipline.  Transmit
 * goes through a ring: write() only queues bytes and enables the
 * transmitter-empty interrupt, whose handler refills the 16-byte FIFO,
 * so a writer never spins on the UART with interrupts off.  c_cflag
 * sets speed, size, stop bits and parity.
 *
 * The printk console uses the same port synchronously (polled, under
 * the port lock, only tried during an oops), pausing the interrupt
 * transmitter around its bytes.  If the port is in loopback (the MCR
 * LOOP bit, used by the tests), the console briefly leaves loopback
 * so kernel messages still reach the wire instead of our own receiver.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>
#include <asm/io.h>

#include "8250.h"

#define TTY_MAJOR 4
#define SERIAL_MINOR_START 64

#define PORT_INIT(n, io, i)                                             \
	{                                                               \
		.iobase = (io), .irq = (i), .line = (n),                \
		.lock = __SPIN_LOCK_UNLOCKED(serial8250_ports[n].lock), \
	}

struct uart_8250_port serial8250_ports[UART_NR] = {
	PORT_INIT(0, 0x3f8, 4),
	PORT_INIT(1, 0x2f8, 3),
	PORT_INIT(2, 0x3e8, 4),
	PORT_INIT(3, 0x2e8, 3),
};

struct tty_driver *serial8250_driver;

#define XMIT_MASK (UART_XMIT_SIZE - 1)

static inline unsigned int xmit_used(struct uart_8250_port *up)
{
	return up->xmit_head - up->xmit_tail;
}

static inline struct uart_8250_port *to_up(struct tty_struct *tty)
{
	return &serial8250_ports[tty->index];
}

static void serial_out(struct uart_8250_port *up, int reg, u8 v)
{
	outb(v, up->iobase + reg);
}

static u8 serial_in(struct uart_8250_port *up, int reg)
{
	return inb(up->iobase + reg);
}

static void wait_for_xmitr(struct uart_8250_port *up, u8 bits)
{
	unsigned int timeout = 100000;

	while ((serial_in(up, UART_LSR) & bits) != bits && --timeout)
		asm volatile("pause");
}

/**
 * serial8250_console_write - print @n bytes synchronously on @up.
 * @up: the port
 * @s: the text; '\n' goes out as "\r\n"
 * @n: its length
 *
 * Any context, including NMI-like oops paths.
 */
void serial8250_console_write(struct uart_8250_port *up, const char *s,
			      unsigned int n)
{
	unsigned long flags;
	bool locked = true;
	u8 ier, mcr;

	if (oops_in_progress)
		locked = spin_trylock_irqsave(&up->lock, flags);
	else
		spin_lock_irqsave(&up->lock, flags);
	ier = serial_in(up, UART_IER);
	serial_out(up, UART_IER, 0);
	mcr = up->mcr;
	if (mcr & UART_MCR_LOOP) {
		wait_for_xmitr(up, UART_LSR_TEMT);
		serial_out(up, UART_MCR, mcr & ~UART_MCR_LOOP);
	}
	while (n--) {
		if (*s == '\n') {
			wait_for_xmitr(up, UART_LSR_THRE);
			serial_out(up, UART_TX, '\r');
		}
		wait_for_xmitr(up, UART_LSR_THRE);
		serial_out(up, UART_TX, *s++);
	}
	wait_for_xmitr(up, UART_LSR_TEMT);
	if (mcr & UART_MCR_LOOP)
		serial_out(up, UART_MCR, mcr);
	serial_out(up, UART_IER, ier);
	if (locked)
		spin_unlock_irqrestore(&up->lock, flags);
}

/* ------------------------------------------------------------------ */
/* Interrupts                                                         */

/* Drain the RX FIFO into the flip buffer.  Port lock held. */
static bool serial8250_rx_chars(struct uart_8250_port *up, u8 lsr)
{
	int max = 256;
	bool got = false;

	do {
		u8 ch = 0, flag = TTY_NORMAL;

		if (lsr & UART_LSR_DR)
			ch = serial_in(up, UART_RX);
		if (lsr & UART_LSR_BI)
			flag = TTY_BREAK;
		else if (lsr & UART_LSR_PE)
			flag = TTY_PARITY;
		else if (lsr & UART_LSR_FE)
			flag = TTY_FRAME;
		if (!up->ignore_rx) {
			up->rx_count++;
			if (!tty_insert_flip_char(&up->port, ch, flag))
				up->overruns++;
			if (lsr & UART_LSR_OE) {
				up->overruns++;
				tty_insert_flip_char(&up->port, 0, TTY_OVERRUN);
			}
			got = true;
		}
		lsr = serial_in(up, UART_LSR);
	} while ((lsr & (UART_LSR_DR | UART_LSR_BI)) && --max);
	return got;
}

/* Refill the TX FIFO from the ring.  Port lock held.  Returns true
 * when ring space was freed. */
static bool serial8250_tx_chars(struct uart_8250_port *up)
{
	struct tty_struct *tty = up->port.tty;
	int count = UART_FIFO_SIZE;
	bool sent = false;

	if (tty && tty->stopped)
		goto stop;
	while (count-- > 0 && xmit_used(up)) {
		serial_out(up, UART_TX, up->xmit[up->xmit_tail & XMIT_MASK]);
		up->xmit_tail++;
		up->tx_count++;
		sent = true;
	}
	if (xmit_used(up))
		return sent;
stop:
	up->ier &= ~UART_IER_THRI;
	serial_out(up, UART_IER, up->ier);
	return sent;
}

static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	struct uart_8250_port *up = dev_id;
	bool rx = false, tx = false;
	int handled = 0, loops = 256;

	spin_lock(&up->lock);
	while (loops--) {
		u8 iir = serial_in(up, UART_IIR), lsr;

		if (iir & UART_IIR_NO_INT)
			break;
		handled = 1;
		lsr = serial_in(up, UART_LSR);
		if (lsr & (UART_LSR_DR | UART_LSR_BI))
			rx |= serial8250_rx_chars(up, lsr);
		if ((lsr & UART_LSR_THRE) && (up->ier & UART_IER_THRI))
			tx |= serial8250_tx_chars(up);
		serial_in(up, UART_MSR); /* clears a modem status interrupt */
	}
	spin_unlock(&up->lock);
	if (rx)
		tty_flip_buffer_push(&up->port);
	if (tx)
		tty_port_tty_wakeup(&up->port);
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

/* ------------------------------------------------------------------ */
/* tty_port and termios                                               */

/* c_cflag -> divisor and line control; the chosen speed is written
 * back into @termios.  Port lock held. */
static void serial8250_program(struct uart_8250_port *up,
			       struct ktermios *termios)
{
	tcflag_t cflag = termios->c_cflag;
	unsigned int baud = tty_termios_baud_rate(termios), divisor;
	u8 lcr;

	if (!baud) /* B0: hang up -- drop DTR, keep the old speed */
		baud = up->baud ? up->baud : 9600;
	if (baud > BASE_BAUD)
		baud = BASE_BAUD;
	divisor = BASE_BAUD / baud;
	if (divisor > 0xffff)
		divisor = 0xffff;
	baud = BASE_BAUD / divisor;
	switch (cflag & CSIZE) {
	case CS5:
		lcr = 0;
		break;
	case CS6:
		lcr = 1;
		break;
	case CS7:
		lcr = 2;
		break;
	default:
		lcr = 3;
	}
	if (cflag & CSTOPB)
		lcr |= UART_LCR_STOP;
	if (cflag & PARENB) {
		lcr |= UART_LCR_PARITY;
		if (!(cflag & PARODD))
			lcr |= UART_LCR_EPAR;
		if (cflag & CMSPAR)
			lcr |= UART_LCR_SPAR;
	}
	up->lcr = lcr;
	up->baud = baud;
	up->ignore_rx = !(cflag & CREAD);
	if ((cflag & CBAUD) == B0)
		up->mcr &= ~(UART_MCR_DTR | UART_MCR_RTS);
	else
		up->mcr |= UART_MCR_DTR | UART_MCR_RTS;
	serial_out(up, UART_LCR, lcr | UART_LCR_DLAB);
	serial_out(up, UART_DLL, divisor & 0xff);
	serial_out(up, UART_DLM, divisor >> 8);
	serial_out(up, UART_LCR, lcr);
	serial_out(up, UART_MCR, up->mcr);
	if ((cflag & CBAUD) != B0)
		tty_termios_encode_baud_rate(termios, baud, baud);
}

static int serial8250_activate(struct tty_port *port, struct tty_struct *tty)
{
	struct uart_8250_port *up =
		container_of(port, struct uart_8250_port, port);
	unsigned long flags;

	if (!up->present || !up->xmit)
		return -EIO;
	spin_lock_irqsave(&up->lock, flags);
	serial_out(up, UART_FCR, UART_FCR_ENABLE);
	serial_in(up, UART_LSR);
	serial_in(up, UART_RX);
	serial_in(up, UART_IIR);
	serial_in(up, UART_MSR);
	up->xmit_head = up->xmit_tail = 0;
	up->mcr |= UART_MCR_OUT2;
	serial8250_program(up, &tty->termios);
	up->ier = UART_IER_RDI | UART_IER_RLSI;
	serial_out(up, UART_IER, up->ier);
	spin_unlock_irqrestore(&up->lock, flags);
	return 0;
}

static void serial8250_shutdown(struct tty_port *port)
{
	struct uart_8250_port *up =
		container_of(port, struct uart_8250_port, port);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->ier = 0;
	serial_out(up, UART_IER, 0);
	up->xmit_head = up->xmit_tail = 0;
	spin_unlock_irqrestore(&up->lock, flags);
}

static const struct tty_port_operations serial8250_port_ops = {
	.activate = serial8250_activate,
	.shutdown = serial8250_shutdown,
};

/* ------------------------------------------------------------------ */
/* tty operations                                                     */

static int serial8250_open(struct tty_struct *tty, struct file *filp)
{
	return tty_port_open(&to_up(tty)->port, tty, filp);
}

static void serial8250_close(struct tty_struct *tty, struct file *filp)
{
	/* A hung-up file's open was already forgotten by the hangup. */
	if (!tty_hung_up_p(filp))
		tty_port_close(&to_up(tty)->port, tty, filp);
}

/* Start the transmitter if it is idle.  Port lock held. */
static void serial8250_start_tx(struct uart_8250_port *up)
{
	if (!(up->ier & UART_IER_THRI) && xmit_used(up)) {
		up->ier |= UART_IER_THRI;
		serial_out(up, UART_IER, up->ier);
	}
}

static int serial8250_write(struct tty_struct *tty, const u8 *buf, int count)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;
	int n = 0;

	if (!up->xmit)
		return 0;
	spin_lock_irqsave(&up->lock, flags);
	while (n < count && xmit_used(up) < UART_XMIT_SIZE) {
		up->xmit[up->xmit_head & XMIT_MASK] = buf[n++];
		up->xmit_head++;
	}
	if (!tty->stopped)
		serial8250_start_tx(up);
	spin_unlock_irqrestore(&up->lock, flags);
	return n;
}

static unsigned int serial8250_write_room(struct tty_struct *tty)
{
	struct uart_8250_port *up = to_up(tty);

	return up->xmit ? UART_XMIT_SIZE - READ_ONCE(up->xmit_head) +
				  READ_ONCE(up->xmit_tail) :
			  0;
}

static unsigned int serial8250_chars_in_buffer(struct tty_struct *tty)
{
	struct uart_8250_port *up = to_up(tty);

	return READ_ONCE(up->xmit_head) - READ_ONCE(up->xmit_tail);
}

static void serial8250_flush_buffer(struct tty_struct *tty)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->xmit_tail = up->xmit_head;
	spin_unlock_irqrestore(&up->lock, flags);
	tty_wakeup(tty);
}

static void serial8250_stop(struct tty_struct *tty)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->ier &= ~UART_IER_THRI;
	serial_out(up, UART_IER, up->ier);
	spin_unlock_irqrestore(&up->lock, flags);
}

static void serial8250_start(struct tty_struct *tty)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	serial8250_start_tx(up);
	spin_unlock_irqrestore(&up->lock, flags);
}

static void serial8250_set_termios(struct tty_struct *tty,
				   const struct ktermios *old)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	serial8250_program(up, &tty->termios);
	spin_unlock_irqrestore(&up->lock, flags);
}

/* The FIFO and shift register: tcdrain waits for the wire too. */
static void serial8250_wait_until_sent(struct tty_struct *tty, int timeout)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long end = jiffies + (timeout > 0 ? timeout : HZ);

	while (!(serial_in(up, UART_LSR) & UART_LSR_TEMT)) {
		if (signal_pending(current) || time_after(jiffies, end))
			break;
		schedule_timeout_interruptible(1);
	}
}

static int serial8250_break_ctl(struct tty_struct *tty, int state)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	if (state)
		up->lcr |= UART_LCR_SBC;
	else
		up->lcr &= ~UART_LCR_SBC;
	serial_out(up, UART_LCR, up->lcr);
	spin_unlock_irqrestore(&up->lock, flags);
	return 0;
}

static int serial8250_tiocmget(struct uart_8250_port *up)
{
	u8 msr = serial_in(up, UART_MSR), mcr = up->mcr;

	return (mcr & UART_MCR_DTR ? TIOCM_DTR : 0) |
	       (mcr & UART_MCR_RTS ? TIOCM_RTS : 0) |
	       (mcr & UART_MCR_OUT1 ? TIOCM_OUT1 : 0) |
	       (mcr & UART_MCR_OUT2 ? TIOCM_OUT2 : 0) |
	       (mcr & UART_MCR_LOOP ? TIOCM_LOOP : 0) |
	       (msr & UART_MSR_DCD ? TIOCM_CAR : 0) |
	       (msr & UART_MSR_RI ? TIOCM_RNG : 0) |
	       (msr & UART_MSR_DSR ? TIOCM_DSR : 0) |
	       (msr & UART_MSR_CTS ? TIOCM_CTS : 0);
}

/**
 * serial8250_set_mctrl - change the modem control lines.
 * @up: the port
 * @set: TIOCM_DTR/RTS/OUT1/OUT2/LOOP bits to raise
 * @clear: bits to drop
 */
void serial8250_set_mctrl(struct uart_8250_port *up, unsigned int set,
			  unsigned int clear);
void serial8250_set_mctrl(struct uart_8250_port *up, unsigned int set,
			  unsigned int clear)
{
	static const struct {
		unsigned int tiocm;
		u8 mcr;
	} map[] = {
		{ TIOCM_DTR, UART_MCR_DTR },   { TIOCM_RTS, UART_MCR_RTS },
		{ TIOCM_OUT1, UART_MCR_OUT1 }, { TIOCM_OUT2, UART_MCR_OUT2 },
		{ TIOCM_LOOP, UART_MCR_LOOP },
	};
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	for (unsigned int i = 0; i < ARRAY_SIZE(map); i++) {
		if (clear & map[i].tiocm)
			up->mcr &= ~map[i].mcr;
		if (set & map[i].tiocm)
			up->mcr |= map[i].mcr;
	}
	serial_out(up, UART_MCR, up->mcr);
	spin_unlock_irqrestore(&up->lock, flags);
}

static int serial8250_ioctl(struct tty_struct *tty, unsigned int cmd,
			    unsigned long arg)
{
	struct uart_8250_port *up = to_up(tty);
	unsigned int __user *p = (unsigned int __user *)arg;
	unsigned int val;

	switch (cmd) {
	case TIOCMGET:
		return put_user(serial8250_tiocmget(up), p);
	case TIOCMSET:
	case TIOCMBIS:
	case TIOCMBIC:
		if (get_user(val, p))
			return -EFAULT;
		if (cmd == TIOCMSET)
			serial8250_set_mctrl(up, val, ~val);
		else if (cmd == TIOCMBIS)
			serial8250_set_mctrl(up, val, 0);
		else
			serial8250_set_mctrl(up, 0, val);
		return 0;
	case TIOCSERGETLSR:
		val = serial_in(up, UART_LSR) & UART_LSR_TEMT ? TIOCSER_TEMT :
								0;
		return put_user(val, p);
	}
	return -ENOIOCTLCMD;
}

static void serial8250_hangup(struct tty_struct *tty)
{
	tty_port_hangup(&to_up(tty)->port);
}

static const struct tty_operations serial8250_ops = {
	.open = serial8250_open,
	.close = serial8250_close,
	.write = serial8250_write,
	.write_room = serial8250_write_room,
	.chars_in_buffer = serial8250_chars_in_buffer,
	.flush_buffer = serial8250_flush_buffer,
	.stop = serial8250_stop,
	.start = serial8250_start,
	.set_termios = serial8250_set_termios,
	.wait_until_sent = serial8250_wait_until_sent,
	.break_ctl = serial8250_break_ctl,
	.ioctl = serial8250_ioctl,
	.hangup = serial8250_hangup,
};

/* A UART answers its scratch register; an absent port reads 0xff. */
static bool serial8250_probe(struct uart_8250_port *up)
{
	u8 old = serial_in(up, UART_SCR);
	bool ok;

	serial_out(up, UART_SCR, 0x5a);
	ok = serial_in(up, UART_SCR) == 0x5a;
	serial_out(up, UART_SCR, 0xa5);
	ok = ok && serial_in(up, UART_SCR) == 0xa5;
	serial_out(up, UART_SCR, old);
	return ok;
}

static char irq_names[UART_NR][8];

static int __init serial8250_init(void)
{
	struct tty_driver *driver;
	int err;

	driver = tty_alloc_driver(UART_NR,
				  TTY_DRIVER_REAL_RAW | TTY_DRIVER_DYNAMIC_DEV);
	if (IS_ERR(driver))
		return PTR_ERR(driver);
	driver->driver_name = "serial";
	driver->name = "ttyS";
	driver->major = TTY_MAJOR;
	driver->minor_start = SERIAL_MINOR_START;
	driver->type = TTY_DRIVER_TYPE_SERIAL;
	driver->init_termios = tty_std_termios;
	driver->init_termios.c_cflag = B9600 | CS8 | CREAD | HUPCL | CLOCAL;
	driver->init_termios.c_ispeed = driver->init_termios.c_ospeed = 9600;
	tty_set_operations(driver, &serial8250_ops);

	for (int i = 0; i < UART_NR; i++) {
		struct uart_8250_port *up = &serial8250_ports[i];

		tty_port_init(&up->port);
		up->port.ops = &serial8250_port_ops;
		tty_port_link_device(&up->port, driver, i);
		if (!up->present) {
			up->present = serial8250_probe(up);
			if (up->present)
				serial8250_hw_init(up, BASE_BAUD);
		}
		if (!up->present)
			continue;
		up->xmit = kmalloc(UART_XMIT_SIZE, GFP_KERNEL);
		snprintf(irq_names[i], sizeof(irq_names[i]), "ttyS%d", i);
		err = request_irq(up->irq, serial8250_interrupt, IRQF_SHARED,
				  irq_names[i], up);
		up->irq_claimed = !err;
		if (err)
			pr_warn("serial: ttyS%d: irq %d: %d\n", i, up->irq,
				err);
		pr_info("serial8250: ttyS%d at I/O 0x%x (irq = %d) is a 16550A\n",
			i, up->iobase, up->irq);
	}
	err = tty_register_driver(driver);
	if (err) {
		pr_err("serial: cannot register ttyS: %d\n", err);
		return err;
	}
	serial8250_driver = driver;
	for (int i = 0; i < UART_NR; i++)
		if (serial8250_ports[i].present)
			tty_register_device(driver, i);
	return 0;
}
device_initcall(serial8250_init);
