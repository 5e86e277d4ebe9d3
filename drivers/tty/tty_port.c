/*
 * tty_port: the per-line state a driver keeps across opens.  The first
 * open activates the hardware, the last close (or a hangup) shuts it
 * down; port->tty is the open tty, for the driver's interrupt handler
 * to reach (through tty_port_tty_get, which takes a reference).
 */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>

/** tty_port_init - prepare @port (and its flip buffer). */
void tty_port_init(struct tty_port *port)
{
	memset(port, 0, sizeof(*port));
	tty_buffer_init(port);
	spin_lock_init(&port->lock);
	mutex_init(&port->mutex);
}

/** tty_port_destroy - free what tty_port_init() allocated. */
void tty_port_destroy(struct tty_port *port)
{
	tty_buffer_free_all(port);
}

/** tty_port_tty_get - the open tty with a reference, or NULL. */
struct tty_struct *tty_port_tty_get(struct tty_port *port)
{
	struct tty_struct *tty;
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	tty = tty_kref_get(port->tty);
	spin_unlock_irqrestore(&port->lock, flags);
	return tty;
}

/** tty_port_tty_set - bind @tty (or NULL) to @port, moving the reference. */
void tty_port_tty_set(struct tty_port *port, struct tty_struct *tty)
{
	struct tty_struct *old;
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	old = port->tty;
	port->tty = tty_kref_get(tty);
	spin_unlock_irqrestore(&port->lock, flags);
	tty_kref_put(old);
}

/** tty_port_link_device - @port serves @driver's line @index. */
void tty_port_link_device(struct tty_port *port, struct tty_driver *driver,
			  unsigned int index)
{
	if (index < driver->num && driver->ports)
		driver->ports[index] = port;
}

/** tty_port_install - default install(): bind @port to a new @tty. */
int tty_port_install(struct tty_port *port, struct tty_driver *driver,
		     struct tty_struct *tty)
{
	tty->port = port;
	driver->ttys[tty->index] = tty;
	return 0;
}

/**
 * tty_port_open - count an open; the first activates the hardware.
 * @port: the port
 * @tty: the tty being opened
 * @filp: its file
 *
 * Returns 0 or the activate() error.
 */
int tty_port_open(struct tty_port *port, struct tty_struct *tty,
		  struct file *filp)
{
	int err = 0;

	mutex_lock(&port->mutex);
	spin_lock_irq(&port->lock);
	port->count++;
	spin_unlock_irq(&port->lock);
	tty_port_tty_set(port, tty);
	if (!test_bit(TTY_PORT_INITIALIZED, &port->flags)) {
		if (port->ops && port->ops->activate)
			err = port->ops->activate(port, tty);
		if (!err)
			set_bit(TTY_PORT_INITIALIZED, &port->flags);
	}
	mutex_unlock(&port->mutex);
	return err;
}

static void tty_port_shutdown(struct tty_port *port)
{
	if (test_and_clear_bit(TTY_PORT_INITIALIZED, &port->flags) &&
	    port->ops && port->ops->shutdown)
		port->ops->shutdown(port);
}

/**
 * tty_port_close - count a close; the last shuts the hardware down.
 * @port: the port
 * @tty: the tty being closed
 * @filp: its file
 */
void tty_port_close(struct tty_port *port, struct tty_struct *tty,
		    struct file *filp)
{
	bool last;

	mutex_lock(&port->mutex);
	spin_lock_irq(&port->lock);
	if (port->count > 0)
		port->count--;
	last = !port->count;
	spin_unlock_irq(&port->lock);
	if (last) {
		tty_port_shutdown(port);
		tty_port_tty_set(port, NULL);
	}
	mutex_unlock(&port->mutex);
}

/** tty_port_hangup - the line dropped: forget the opens, shut down. */
void tty_port_hangup(struct tty_port *port)
{
	mutex_lock(&port->mutex);
	spin_lock_irq(&port->lock);
	port->count = 0;
	spin_unlock_irq(&port->lock);
	tty_port_shutdown(port);
	tty_port_tty_set(port, NULL);
	mutex_unlock(&port->mutex);
}

/** tty_port_tty_wakeup - the driver can take output: wake writers. */
void tty_port_tty_wakeup(struct tty_port *port)
{
	struct tty_struct *tty = tty_port_tty_get(port);

	if (tty) {
		tty_wakeup(tty);
		tty_kref_put(tty);
	}
}

/** tty_port_tty_hangup - hang up the port's tty, if open. */
void tty_port_tty_hangup(struct tty_port *port)
{
	struct tty_struct *tty = tty_port_tty_get(port);

	if (tty) {
		tty_hangup(tty);
		tty_kref_put(tty);
	}
}
