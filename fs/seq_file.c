/*
 * seq_file output helpers.  A buffer that fills up is marked overflowed
 * (count == size) and takes no more; the reader retries with a bigger
 * one, as Linux's seq_read() does.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

/** seq_vprintf - append formatted text to @m.  Any context. */
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room = m->size - m->count;
	int len;

	if (room) {
		len = vsnprintf(m->buf + m->count, room, fmt, args);
		if ((size_t)len < room) {
			m->count += len;
			return;
		}
	}
	seq_set_overflow(m);
}

/** seq_printf - append formatted text to @m.  Any context. */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

/** seq_write - append @len raw bytes to @m. */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return;
	}
	seq_set_overflow(m);
}

/** seq_puts - append a string to @m. */
void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

/** seq_putc - append one character to @m. */
void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

/**
 * seq_escape - write @s with each byte of @esc (and backslash) written
 * as a backslash and three octal digits, as /proc/mounts does with
 * spaces in paths.
 * @m: where
 * @s: the string
 * @esc: the bytes to escape
 */
void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '\\' || strchr(esc, c))
			seq_printf(m, "\\%03o", c);
		else
			seq_putc(m, c);
	}
}
