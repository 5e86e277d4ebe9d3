#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

/*
 * seq_file: a text file produced record by record into a buffer with
 * printf-like calls.  Two uses:
 *
 *  - a bare buffer (seq_buf_init): show functions write into it and
 *    the caller reads m->buf (tests, boot-time dumps); output past the
 *    end is dropped and remembered (seq_has_overflowed());
 *  - a file (seq_open/single_open): read(2) drives an iterator
 *    (struct seq_operations: start, next, stop, show), refilling a
 *    buffer that doubles whenever one record does not fit, so a file
 *    of any size reads back whole through reads of any size.
 */
#include <linux/types.h>
#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/mutex.h>

struct file;
struct inode;
struct kiocb;
struct iov_iter;
struct path;
struct list_head;

struct seq_file {
	char *buf;
	size_t size;
	size_t from; /* the first byte of buf not yet read */
	size_t count; /* bytes in buf */
	loff_t index; /* the iterator's position (record number) */
	loff_t read_pos; /* the file position of buf + from */
	struct mutex lock; /* one reader at a time (files only) */
	const struct seq_operations *op;
	struct file *file;
	void *private;
};

/*
 * The iterator.  start(m, pos) returns the record at *pos (or NULL at
 * the end, or an ERR_PTR); next(m, v, pos) steps to the one after @v
 * and advances *pos; stop() undoes what start took (locks); show()
 * writes one record: 0, SEQ_SKIP (write nothing for it) or -errno.
 */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP 1

/* Point @m at @buf of @size bytes, empty (no file, no iterator). */
static inline void seq_buf_init(struct seq_file *m, char *buf, size_t size)
{
	__builtin_memset(m, 0, sizeof(*m));
	m->buf = buf;
	m->size = size;
}

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/* Output helpers (any context for a bare buffer). */
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_escape(struct seq_file *m, const char *s, const char *esc);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num);
void seq_pad(struct seq_file *m, char c, size_t width);
int seq_path(struct seq_file *m, const struct path *path, const char *esc);

/* seq_file as a file (process context; these may sleep). */
int seq_open(struct file *file, const struct seq_operations *op);
int seq_open_private(struct file *file, const struct seq_operations *op,
		     int psize);
void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize);
ssize_t seq_read(struct file *file, char __user *buf, size_t size,
		 loff_t *ppos);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data);
int single_open_size(struct file *file,
		     int (*show)(struct seq_file *, void *), void *data,
		     size_t size);
int single_release(struct inode *inode, struct file *file);

/* Iterating a list_head: the records are the list's nodes. */
struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos);

#endif /* _LINUX_SEQ_FILE_H */
