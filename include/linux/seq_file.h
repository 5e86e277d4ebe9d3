#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <stdarg.h>
#include <linux/compiler.h>

/*
 * seq_file: build a text file into a buffer with printf-like calls.
 * /proc files are written as show(struct seq_file *m, void *v)
 * functions; the procfs issue adds open/read/lseek on top.  Output past
 * the buffer is dropped and remembered (seq_has_overflowed()).
 */
struct seq_file {
	char *buf;
	size_t size;
	size_t count;
	void *private;
};

/* Point @m at @buf of @size bytes, empty. */
static inline void seq_buf_init(struct seq_file *m, char *buf, size_t size)
{
	m->buf = buf;
	m->size = size;
	m->count = 0;
	m->private = NULL;
}

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_escape(struct seq_file *m, const char *s, const char *esc);

#endif /* _LINUX_SEQ_FILE_H */
