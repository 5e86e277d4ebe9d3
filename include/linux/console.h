#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct tty_driver;

/*
 * A console prints kernel messages: printk() writes each message to
 * every registered console whose level filter lets it through.
 */
struct console {
	char name[16];
	void (*write)(struct console *con, const char *s, unsigned int n);
	int index;
	unsigned long data; /* the driver's own (e.g. the I/O port) */
	/* The tty behind this console, for /dev/console; optional. */
	struct tty_driver *(*device)(struct console *con, int *index);
	struct console *next;
};

void register_console(struct console *con);
struct tty_driver *console_device(int *index);

#endif /* _LINUX_CONSOLE_H */
