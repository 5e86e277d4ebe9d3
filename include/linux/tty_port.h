#ifndef _LINUX_TTY_PORT_H
#define _LINUX_TTY_PORT_H

/*
 * A tty_port is the hardware side of a terminal, which outlives the
 * tty_struct of any one open: it holds the flip buffer of received
 * bytes, counts opens, and brings the hardware up on the first open
 * and down on the last close (activate/shutdown).
 */
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct tty_struct;
struct tty_port;
struct tty_driver;
struct file;

/* Flip buffer: a ring of received bytes and their TTY_* flags. */
#define TTY_BUFFER_SIZE 4096

struct tty_bufhead {
	struct work_struct work; /* flush_to_ldisc */
	spinlock_t lock; /* irq-safe: drivers insert from interrupts */
	u8 *data;
	u8 *flags;
	unsigned int head, tail; /* free-running; size is a power of 2 */
	struct mutex lock_ldisc; /* one flush_to_ldisc at a time */
};

struct tty_port_operations {
	/* First open: bring the hardware up (irq, RX on). */
	int (*activate)(struct tty_port *port, struct tty_struct *tty);
	/* Last close or hangup: bring it down. */
	void (*shutdown)(struct tty_port *port);
};

struct tty_port {
	struct tty_bufhead buf;
	struct tty_struct *tty; /* the open tty, or NULL (lock) */
	const struct tty_port_operations *ops;
	spinlock_t lock; /* tty, count */
	int count; /* opens */
	unsigned long flags; /* TTY_PORT_* bits */
	struct mutex mutex; /* open/close/hangup */
	void *client_data;
};

#define TTY_PORT_INITIALIZED 0 /* activate() done */

void tty_port_init(struct tty_port *port);
void tty_port_destroy(struct tty_port *port);
struct tty_struct *tty_port_tty_get(struct tty_port *port);
void tty_port_tty_set(struct tty_port *port, struct tty_struct *tty);
int tty_port_open(struct tty_port *port, struct tty_struct *tty,
		  struct file *filp);
void tty_port_close(struct tty_port *port, struct tty_struct *tty,
		    struct file *filp);
void tty_port_hangup(struct tty_port *port);
void tty_port_tty_wakeup(struct tty_port *port);
void tty_port_tty_hangup(struct tty_port *port);
void tty_port_link_device(struct tty_port *port, struct tty_driver *driver,
			  unsigned int index);
int tty_port_install(struct tty_port *port, struct tty_driver *driver,
		     struct tty_struct *tty);

#endif /* _LINUX_TTY_PORT_H */
