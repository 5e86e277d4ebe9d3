#ifndef _LINUX_TTY_DRIVER_H
#define _LINUX_TTY_DRIVER_H

/*
 * A tty driver: a family of terminals (ttyS0..3, the pty masters,
 * the pty slaves) under one major, with the operations the tty core
 * calls on each of them.  A driver is created by tty_alloc_driver(),
 * filled in, and published with tty_register_driver(); its devices
 * get /dev nodes with tty_register_device().
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/cdev.h>
#include <uapi/linux/termios.h>

struct tty_struct;
struct tty_port;
struct file;
struct tty_driver;

struct tty_operations {
	/* Set up a new tty_struct (pty: create its pair); optional. */
	int (*install)(struct tty_driver *driver, struct tty_struct *tty);
	/* Undo install() before the tty is freed; optional. */
	void (*remove)(struct tty_driver *driver, struct tty_struct *tty);
	int (*open)(struct tty_struct *tty, struct file *filp);
	void (*close)(struct tty_struct *tty, struct file *filp);
	/* Last reference gone: free driver_data; optional. */
	void (*cleanup)(struct tty_struct *tty);
	/*
	 * Queue bytes for output: returns how many were taken (0 when
	 * full).  Never sleeps; may be called with a spinlock held
	 * (echo from the receive path).
	 */
	int (*write)(struct tty_struct *tty, const u8 *buf, int count);
	unsigned int (*write_room)(struct tty_struct *tty);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd,
		     unsigned long arg);
	/* Apply tty->termios (speed, size, parity); @old for comparison. */
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
	/* The reader made room: input may flow again (pty). */
	void (*unthrottle)(struct tty_struct *tty);
	/* Flow control: ^S / ^Q or TCXONC. */
	void (*stop)(struct tty_struct *tty);
	void (*start)(struct tty_struct *tty);
	void (*hangup)(struct tty_struct *tty);
	/* Discard queued output (TCOFLUSH, ^C without NOFLSH). */
	void (*flush_buffer)(struct tty_struct *tty);
	/* Sleep until the output queue drained (TCSETSW, TCSBRK). */
	void (*wait_until_sent)(struct tty_struct *tty, int timeout);
	int (*break_ctl)(struct tty_struct *tty, int state);
};

struct tty_driver {
	const char *driver_name; /* "serial", "pty" */
	const char *name; /* node prefix: "ttyS", "pts/" */
	int name_base; /* index of the first node's number */
	int major;
	int minor_start;
	unsigned int num; /* how many devices */
	short type; /* TTY_DRIVER_TYPE_* */
	short subtype; /* PTY_TYPE_* */
	struct ktermios init_termios; /* a new tty starts with these */
	unsigned long flags; /* TTY_DRIVER_* */
	const struct tty_operations *ops;
	struct tty_struct **ttys; /* open ttys by index */
	struct tty_port **ports; /* the driver's ports, if it uses them */
	struct ktermios **termios; /* saved across closes, by index */
	struct tty_driver *other; /* pty: the other half */
	struct cdev cdev; /* serves all num minors */
	struct list_head tty_drivers; /* in tty_drivers (tty_io.c) */
	void *driver_state;
};

/* tty_driver.type */
#define TTY_DRIVER_TYPE_SYSTEM 0x0001
#define TTY_DRIVER_TYPE_CONSOLE 0x0002
#define TTY_DRIVER_TYPE_SERIAL 0x0003
#define TTY_DRIVER_TYPE_PTY 0x0004

/* tty_driver.subtype for ptys */
#define PTY_TYPE_MASTER 0x0001
#define PTY_TYPE_SLAVE 0x0002

/* tty_driver.flags */
#define TTY_DRIVER_INSTALLED 0x0001
#define TTY_DRIVER_RESET_TERMIOS 0x0002 /* fresh termios at each open */
#define TTY_DRIVER_REAL_RAW 0x0004
#define TTY_DRIVER_DYNAMIC_DEV 0x0008 /* nodes made per device later */
#define TTY_DRIVER_DEVPTS_MEM 0x0010 /* pty: nodes in /dev/pts */

struct tty_driver *__tty_alloc_driver(unsigned int lines, unsigned long flags);
#define tty_alloc_driver(lines, flags) __tty_alloc_driver(lines, flags)
/* Linux's old name: ERR_PTR on failure there too. */
static inline struct tty_driver *alloc_tty_driver(unsigned int lines)
{
	return __tty_alloc_driver(lines, 0);
}
void tty_driver_kref_put(struct tty_driver *driver);
#define put_tty_driver tty_driver_kref_put
void tty_set_operations(struct tty_driver *driver,
			const struct tty_operations *op);
int tty_register_driver(struct tty_driver *driver);
void tty_unregister_driver(struct tty_driver *driver);
int tty_register_device(struct tty_driver *driver, unsigned int index);
void tty_unregister_device(struct tty_driver *driver, unsigned int index);

extern const struct ktermios tty_std_termios;

#endif /* _LINUX_TTY_DRIVER_H */
