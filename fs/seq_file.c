/*
 * seq_file: output helpers, and the file operations that read a text
 * file record by record.  A buffer that fills up is marked overflowed
 * (count == size) and takes no more; seq_read_iter() then retries the
 * record with a buffer twice as large.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>
/* tests/host links the output helpers alone, without the VFS. */
#ifndef __HOST_TEST__
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uio.h>
#endif

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

/** seq_put_decimal_ull - append @delimiter then @num in decimal. */
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num)
{
	seq_printf(m, "%s%llu", delimiter, num);
}

/** seq_put_decimal_ll - the signed counterpart of seq_put_decimal_ull(). */
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num)
{
	seq_printf(m, "%s%lld", delimiter, num);
}

/**
 * seq_pad - pad the current line with @c to @width bytes (the path
 * column of /proc/<pid>/maps).  A line already that long is left alone.
 */
void seq_pad(struct seq_file *m, char c, size_t width)
{
	size_t start = m->count;
	size_t len;

	while (start > 0 && m->buf[start - 1] != '\n')
		start--;
	for (len = m->count - start; len < width; len++)
		seq_putc(m, c);
}

#ifndef __HOST_TEST__
/** seq_path - append @path's name (d_path), escaping the bytes of @esc. */
int seq_path(struct seq_file *m, const struct path *path, const char *esc)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	char *p;

	if (!page) {
		seq_set_overflow(m);
		return -ENOMEM;
	}
	p = d_path(path, page, PATH_MAX);
	if (IS_ERR(p)) {
		kfree(page);
		return PTR_ERR(p);
	}
	seq_escape(m, p, esc);
	kfree(page);
	return 0;
}

/* --- seq_file as a file ------------------------------------------------ */

/*
 * A read walks the iterator from m->index, filling m->buf with whole
 * records; what the reader did not take stays in buf[from, from+count)
 * for the next read.  m->read_pos is the file position of buf + from,
 * so a read at any other position (pread, lseek) replays the records
 * from the start up to it (traverse).
 */

static void *seq_buf_alloc(size_t size)
{
	return kvmalloc(size, GFP_KERNEL);
}

/* Drop the buffer for one twice as large (a record did not fit). */
static int seq_grow(struct seq_file *m)
{
	kvfree(m->buf);
	m->count = 0;
	m->size <<= 1;
	m->buf = seq_buf_alloc(m->size);
	return m->buf ? 0 : -ENOMEM;
}

/*
 * Position @m at byte @offset of the file: replay the records before it
 * and keep the rest of the one containing it in the buffer.  Returns 0
 * or -errno.  m->lock held.
 */
static int traverse(struct seq_file *m, loff_t offset)
{
	loff_t pos = 0;
	int error = 0;
	void *p;

	m->index = 0;
	m->count = m->from = 0;
	if (!offset)
		return 0;
	if (!m->buf) {
		m->buf = seq_buf_alloc(m->size = PAGE_SIZE);
		if (!m->buf)
			return -ENOMEM;
	}
	p = m->op->start(m, &m->index);
	while (p) {
		error = PTR_ERR(p);
		if (IS_ERR(p))
			break;
		error = m->op->show(m, p);
		if (error < 0)
			break;
		if (unlikely(error)) {
			error = 0;
			m->count = 0;
		}
		if (seq_has_overflowed(m)) {
			m->op->stop(m, p);
			error = seq_grow(m);
			if (error)
				return error;
			p = m->op->start(m, &m->index);
			continue;
		}
		p = m->op->next(m, p, &m->index);
		if (pos + m->count > offset) {
			m->from = offset - pos;
			m->count -= m->from;
			break;
		}
		pos += m->count;
		m->count = 0;
		if (pos == offset)
			break;
	}
	m->op->stop(m, p);
	return error;
}

/*
 * Get at least one record into the empty buffer.  Returns the iterator
 * position after it (still started: the caller goes on with next and
 * calls stop), NULL at the end of the file (stopped), or an ERR_PTR
 * (stopped).
 */
static void *seq_fill_first(struct seq_file *m)
{
	void *p;
	int error;

	m->from = 0;
	p = m->op->start(m, &m->index);
	for (;;) {
		if (!p || IS_ERR(p))
			break;
		error = m->op->show(m, p);
		if (error < 0) {
			p = ERR_PTR(error);
			break;
		}
		if (error > 0)
			m->count = 0;
		if (!m->count) {
			p = m->op->next(m, p, &m->index);
			continue;
		}
		if (!seq_has_overflowed(m))
			return p;
		m->op->stop(m, p);
		error = seq_grow(m);
		if (error)
			return ERR_PTR(error);
		p = m->op->start(m, &m->index);
	}
	m->op->stop(m, p);
	m->count = 0;
	return p;
}

/* Add whole records after @p while they fit and the reader wants more. */
static void seq_fill_more(struct seq_file *m, void *p, size_t want)
{
	for (;;) {
		size_t offs = m->count;
		loff_t pos = m->index;
		int error;

		p = m->op->next(m, p, &m->index);
		if (pos == m->index) /* a next() that forgot to advance */
			m->index++;
		if (!p || IS_ERR(p))
			break;
		if (m->count >= want)
			break;
		error = m->op->show(m, p);
		if (error > 0) {
			m->count = offs;
		} else if (error || seq_has_overflowed(m)) {
			m->count = offs;
			break;
		}
	}
	m->op->stop(m, p);
}

/**
 * seq_read_iter - ->read_iter of a seq_file.
 * @iocb: the file and position
 * @iter: where the bytes go
 *
 * Process context, may sleep.  Returns the bytes read, 0 at the end, or
 * -errno (-ENOMEM, or a show()'s error before anything was read).
 */
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	size_t copied = 0, n;
	ssize_t ret = 0;
	void *p;

	if (!iov_iter_count(iter))
		return 0;
	mutex_lock(&m->lock);
	if (iocb->ki_pos != m->read_pos) {
		ret = traverse(m, iocb->ki_pos);
		if (ret) {
			m->read_pos = 0;
			m->index = 0;
			m->count = 0;
			goto out;
		}
		m->read_pos = iocb->ki_pos;
	}
	if (!m->buf) {
		m->buf = seq_buf_alloc(m->size = PAGE_SIZE);
		if (!m->buf) {
			ret = -ENOMEM;
			goto out;
		}
	}
	if (m->count) {
		n = copy_to_iter(m->buf + m->from, m->count, iter);
		m->count -= n;
		m->from += n;
		copied += n;
		if (m->count || !iov_iter_count(iter))
			goto done;
		if (n == 0) {
			ret = -EFAULT;
			goto out;
		}
	}
	p = seq_fill_first(m);
	if (IS_ERR(p)) {
		ret = PTR_ERR(p);
		goto done;
	}
	if (!p)
		goto done;
	seq_fill_more(m, p, iov_iter_count(iter));
	n = copy_to_iter(m->buf, m->count, iter);
	copied += n;
	m->count -= n;
	m->from = n;
	if (!n && !copied)
		ret = -EFAULT;
done:
	if (copied) {
		ret = copied;
		m->read_pos += copied;
		iocb->ki_pos = m->read_pos;
	}
out:
	mutex_unlock(&m->lock);
	return ret;
}

/**
 * seq_read - ->read of a seq_file: seq_read_iter() on one user buffer.
 */
ssize_t seq_read(struct file *file, char __user *buf, size_t size,
		 loff_t *ppos)
{
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos };
	struct iov_iter iter;
	ssize_t ret;

	iov_iter_init(&iter, ITER_DEST, &iov, 1, size);
	ret = seq_read_iter(&kiocb, &iter);
	*ppos = kiocb.ki_pos;
	return ret;
}

/**
 * seq_lseek - ->llseek of a seq_file: SEEK_SET and SEEK_CUR.
 *
 * Returns the new position, or -EINVAL (negative, SEEK_END...).
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;

	mutex_lock(&m->lock);
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset < 0)
			break;
		ret = offset;
		if (offset != m->read_pos) {
			ret = traverse(m, offset);
			if (ret) {
				m->read_pos = 0;
				m->index = 0;
				m->count = 0;
				file->f_pos = 0;
				break;
			}
			m->read_pos = offset;
			ret = offset;
		}
		file->f_pos = offset;
	}
	mutex_unlock(&m->lock);
	return ret;
}

/**
 * seq_open - make @file a seq_file driven by @op (->open of the file).
 *
 * Returns 0 or -ENOMEM.  file->private_data becomes the seq_file, whose
 * ->private the caller may set.
 */
int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	mutex_init(&m->lock);
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

/** seq_release - ->release of a seq_file: free the buffer and it. */
int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kvfree(m->buf);
	kfree(m);
	return 0;
}

/**
 * __seq_open_private - seq_open() with a zeroed private area of @psize.
 * Returns the area (also m->private) or NULL without memory.
 */
void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize)
{
	void *private = kzalloc(psize, GFP_KERNEL);

	if (!private)
		return NULL;
	if (seq_open(file, op)) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}

/** seq_open_private - __seq_open_private() returning 0 or -ENOMEM. */
int seq_open_private(struct file *file, const struct seq_operations *op,
		     int psize)
{
	return __seq_open_private(file, op, psize) ? 0 : -ENOMEM;
}

/** seq_release_private - seq_release() for seq_open_private(). */
int seq_release_private(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->private);
	m->private = NULL;
	return seq_release(inode, file);
}

/* single_open: one record, v = (void *)1, shown by the given function. */
static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos ? NULL : (void *)1;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

/**
 * single_open - a seq_file whose whole text is one show(@data) call.
 * @file: being opened
 * @show: writes the file; m->private is @data
 * @data: for @show
 *
 * Returns 0 or -ENOMEM.  Release with single_release().
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int error;

	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	error = seq_open(file, op);
	if (error) {
		kfree(op);
		return error;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

/** single_open_size - single_open() with a first buffer of @size bytes. */
int single_open_size(struct file *file,
		     int (*show)(struct seq_file *, void *), void *data,
		     size_t size)
{
	struct seq_file *m;
	int error = single_open(file, show, data);

	if (error)
		return error;
	m = file->private_data;
	m->buf = seq_buf_alloc(size);
	if (!m->buf) {
		single_release(file_inode(file), file);
		return -ENOMEM;
	}
	m->size = size;
	return 0;
}

/** single_release - ->release of a single_open() file. */
int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op =
		((struct seq_file *)file->private_data)->op;
	int ret = seq_release(inode, file);

	kfree(op);
	return ret;
}

/** seq_list_start - the node at @pos of @head, or NULL past the end. */
struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *lh;

	list_for_each(lh, head)
		if (pos-- == 0)
			return lh;
	return NULL;
}

/** seq_list_start_head - seq_list_start() with @head itself at 0. */
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
	if (!pos)
		return head;
	return seq_list_start(head, pos - 1);
}

/** seq_list_next - the node after @v, or NULL at @head. */
struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
#endif /* !__HOST_TEST__ */
