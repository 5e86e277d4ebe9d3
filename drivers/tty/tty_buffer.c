/*
 * Flip buffers: the handoff of received bytes from a driver to the
 * line discipline.
 *
 * Drivers insert from any context (the 8250 from its interrupt) into a
 * ring owned by the tty_port; tty_flip_buffer_push() queues a worker
 * that feeds the ring to the ldisc's receive_buf() in process context,
 * where the ldisc may sleep, echo and signal.  What the ldisc cannot
 * take now stays in the ring; the ldisc's reader calls
 * tty_buffer_restart_work() once it made room (flow control instead of
 * loss).  When the ring itself is full, new bytes are dropped -- the
 * same as a UART overrun.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>

#define RING_MASK (TTY_BUFFER_SIZE - 1)

/** tty_buffer_space_avail - bytes the port's ring can still take. */
unsigned int tty_buffer_space_avail(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	return TTY_BUFFER_SIZE - (READ_ONCE(buf->head) - READ_ONCE(buf->tail));
}

/** tty_buffer_count - bytes waiting for the line discipline. */
unsigned int tty_buffer_count(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	return READ_ONCE(buf->head) - READ_ONCE(buf->tail);
}

/**
 * tty_buffer_request_room - how much of @size the ring can take now.
 * @port: the port
 * @size: bytes wanted
 */
int tty_buffer_request_room(struct tty_port *port, size_t size)
{
	return min_t(size_t, size, tty_buffer_space_avail(port));
}

/**
 * tty_insert_flip_string_flags - queue received bytes with their flags.
 * @port: the port
 * @chars: the bytes
 * @flags: a TTY_* flag per byte, or NULL for all TTY_NORMAL
 * @size: how many
 *
 * Any context.  Returns how many were queued (fewer when full).
 */
int tty_insert_flip_string_flags(struct tty_port *port, const u8 *chars,
				 const u8 *flags, size_t size)
{
	struct tty_bufhead *buf = &port->buf;
	unsigned long irqflags;
	size_t n, i;

	if (!buf->data)
		return 0;
	spin_lock_irqsave(&buf->lock, irqflags);
	n = min_t(size_t, size, TTY_BUFFER_SIZE - (buf->head - buf->tail));
	for (i = 0; i < n; i++) {
		unsigned int at = (buf->head + i) & RING_MASK;

		buf->data[at] = chars[i];
		buf->flags[at] = flags ? flags[i] : TTY_NORMAL;
	}
	smp_wmb(); /* bytes before the head that publishes them */
	buf->head += n;
	spin_unlock_irqrestore(&buf->lock, irqflags);
	return n;
}

/** tty_insert_flip_string_fixed_flag - queue bytes all flagged @flag. */
int tty_insert_flip_string_fixed_flag(struct tty_port *port, const u8 *chars,
				      u8 flag, size_t size)
{
	struct tty_bufhead *buf = &port->buf;
	unsigned long irqflags;
	size_t n, i;

	if (!buf->data)
		return 0;
	spin_lock_irqsave(&buf->lock, irqflags);
	n = min_t(size_t, size, TTY_BUFFER_SIZE - (buf->head - buf->tail));
	for (i = 0; i < n; i++) {
		unsigned int at = (buf->head + i) & RING_MASK;

		buf->data[at] = chars[i];
		buf->flags[at] = flag;
	}
	smp_wmb();
	buf->head += n;
	spin_unlock_irqrestore(&buf->lock, irqflags);
	return n;
}

/**
 * tty_flip_buffer_push - hand the queued bytes to the line discipline.
 * @port: the port
 *
 * Any context: the handoff runs later on a worker.
 */
void tty_flip_buffer_push(struct tty_port *port)
{
	if (port->buf.data)
		queue_work(system_unbound_wq, &port->buf.work);
}

/* Let the ring flow again after the ldisc made room. */
void tty_buffer_restart_work(struct tty_port *port)
{
	if (port->buf.data && tty_buffer_count(port))
		queue_work(system_unbound_wq, &port->buf.work);
}

/*
 * The worker: feed the ring to the ldisc in chunks until it is empty
 * or the ldisc stops taking bytes.  Without an open tty the bytes are
 * dropped, as a closed terminal drops its input.
 */
static void flush_to_ldisc(struct work_struct *work)
{
	struct tty_port *port = container_of(work, struct tty_port, buf.work);
	struct tty_bufhead *buf = &port->buf;
	struct tty_struct *tty;
	u8 cp[128], fp[128];

	mutex_lock(&buf->lock_ldisc);
	tty = tty_port_tty_get(port);
	for (;;) {
		unsigned int tail = buf->tail, count, i;
		size_t taken;

		smp_rmb();
		count = min_t(unsigned int, READ_ONCE(buf->head) - tail,
			      sizeof(cp));
		if (!count)
			break;
		for (i = 0; i < count; i++) {
			cp[i] = buf->data[(tail + i) & RING_MASK];
			fp[i] = buf->flags[(tail + i) & RING_MASK];
		}
		taken = tty ? tty_ldisc_receive_buf(tty, cp, fp, count) : count;
		spin_lock_irq(&buf->lock);
		if (buf->tail == tail) /* unless tty_buffer_flush() ran */
			buf->tail = tail + taken;
		spin_unlock_irq(&buf->lock);
		/* Ring space freed: a pty writer on the other side may go on. */
		if (taken && tty && tty->ops->unthrottle)
			tty->ops->unthrottle(tty);
		if (taken < count)
			break;
	}
	tty_kref_put(tty);
	mutex_unlock(&buf->lock_ldisc);
}

/** tty_buffer_flush - discard what the driver received but nobody read. */
void tty_buffer_flush(struct tty_struct *tty)
{
	struct tty_port *port = tty->port;
	unsigned long flags;

	if (!port || !port->buf.data)
		return;
	spin_lock_irqsave(&port->buf.lock, flags);
	port->buf.tail = port->buf.head;
	spin_unlock_irqrestore(&port->buf.lock, flags);
}

/** tty_buffer_flush_work - wait for the pending handoff to finish. */
void tty_buffer_flush_work(struct tty_port *port)
{
	if (port->buf.data)
		flush_work(&port->buf.work);
}

void tty_buffer_cancel_work(struct tty_port *port)
{
	if (port->buf.data)
		cancel_work_sync(&port->buf.work);
}

/**
 * tty_buffer_init - give @port its ring; part of tty_port_init().
 * @port: the port
 *
 * Without memory the port works but drops all input.
 */
void tty_buffer_init(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	spin_lock_init(&buf->lock);
	mutex_init(&buf->lock_ldisc);
	INIT_WORK(&buf->work, flush_to_ldisc);
	buf->head = buf->tail = 0;
	buf->data = kmalloc(2 * TTY_BUFFER_SIZE, GFP_KERNEL);
	buf->flags = buf->data ? buf->data + TTY_BUFFER_SIZE : NULL;
}

/** tty_buffer_free_all - stop the worker and free the ring. */
void tty_buffer_free_all(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	tty_buffer_cancel_work(port);
	kfree(buf->data);
	buf->data = buf->flags = NULL;
	buf->head = buf->tail = 0;
}
