#ifndef _LINUX_TTY_LDISC_H
#define _LINUX_TTY_LDISC_H

/*
 * A line discipline sits between a tty's driver and its readers and
 * writers: it receives the driver's input (receive_buf), edits and
 * echoes it, and formats output.  Only N_TTY (drivers/tty/n_tty.c)
 * exists; read and write work on kernel buffers, tty_io.c does the
 * user copies.
 */
#include <linux/types.h>
#include <linux/poll.h>
#include <uapi/linux/termios.h>

struct tty_struct;
struct file;

struct tty_ldisc_ops {
	int num;
	const char *name;
	int (*open)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty);
	/* Drop unread input (TCIFLUSH, ISIG without NOFLSH). */
	void (*flush_buffer)(struct tty_struct *tty);
	ssize_t (*read)(struct tty_struct *tty, struct file *file, u8 *buf,
			size_t nr);
	ssize_t (*write)(struct tty_struct *tty, struct file *file,
			 const u8 *buf, size_t nr);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd,
		     unsigned long arg);
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
	__poll_t (*poll)(struct tty_struct *tty, struct file *file,
			 struct poll_table_struct *wait);
	/*
	 * Input from the driver (via the flip buffer): @fp holds a TTY_*
	 * flag per byte, or is NULL.  Returns how many bytes were taken;
	 * the rest stay in the flip buffer until the reader makes room.
	 */
	size_t (*receive_buf)(struct tty_struct *tty, const u8 *cp,
			      const u8 *fp, size_t count);
	/* The driver can take output again. */
	void (*write_wakeup)(struct tty_struct *tty);
	/* Bytes a read() could return now (FIONREAD). */
	size_t (*chars_in_buffer)(struct tty_struct *tty);
	void (*hangup)(struct tty_struct *tty);
};

struct tty_ldisc {
	const struct tty_ldisc_ops *ops;
	struct tty_struct *tty;
};

extern const struct tty_ldisc_ops n_tty_ops;

#endif /* _LINUX_TTY_LDISC_H */
