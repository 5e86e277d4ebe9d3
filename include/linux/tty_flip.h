#ifndef _LINUX_TTY_FLIP_H
#define _LINUX_TTY_FLIP_H

/*
 * The receive path of a tty driver: bytes (and per-byte error flags)
 * go into the port's flip buffer from any context, interrupt handlers
 * included; tty_flip_buffer_push() then has a worker hand them to the
 * line discipline in process context.
 */
#include <linux/types.h>

struct tty_port;
struct tty_struct;

/* Per-byte flags */
#define TTY_NORMAL 0
#define TTY_BREAK 1
#define TTY_FRAME 2
#define TTY_PARITY 3
#define TTY_OVERRUN 4

int tty_insert_flip_string_flags(struct tty_port *port, const u8 *chars,
				 const u8 *flags, size_t size);
int tty_insert_flip_string_fixed_flag(struct tty_port *port, const u8 *chars,
				      u8 flag, size_t size);
int tty_buffer_request_room(struct tty_port *port, size_t size);
void tty_flip_buffer_push(struct tty_port *port);

static inline int tty_insert_flip_char(struct tty_port *port, u8 ch, u8 flag)
{
	return tty_insert_flip_string_fixed_flag(port, &ch, flag, 1);
}

static inline int tty_insert_flip_string(struct tty_port *port, const u8 *chars,
					 size_t size)
{
	return tty_insert_flip_string_fixed_flag(port, chars, TTY_NORMAL, size);
}

/* Wait until everything pushed so far reached the line discipline. */
void tty_buffer_flush_work(struct tty_port *port);

#endif /* _LINUX_TTY_FLIP_H */
