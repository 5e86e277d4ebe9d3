/*
 * Pipes and FIFOs: a ring of page buffers (include/linux/pipe_fs_i.h)
 * with readers and writers that sleep on two wait queues.
 *
 * pipe(2) makes an inode on the internal pipefs mount and two files on
 * it, a read end and a write end; mkfifo makes a named inode whose
 * pipe is created by the first open() (fifo_open) and freed with the
 * last file.  Both use pipefifo_fops.
 *
 * The rules are POSIX's and Linux's:
 *  - read returns what is there (at least one byte), sleeping while the
 *    pipe is empty and has writers; 0 (end of file) once it has none.
 *  - a write of at most PIPE_BUF bytes is atomic: it goes into one
 *    slot (appended to the last one if it fits there whole), or waits
 *    until a slot is free, never interleaving with another writer.
 *    Larger writes may be split and may sleep between pieces.
 *  - a write without readers fails with EPIPE and sends SIGPIPE.
 *  - O_NONBLOCK turns every sleep into EAGAIN (or a short count).
 *  - O_DIRECT ("packet mode"): each write of up to a page is one
 *    message; a read returns at most one message and drops what of it
 *    does not fit in the buffer.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/sysctl.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/linux/limits.h>
#include "internal.h"

#define PIPEFS_MAGIC 0x50495045

/* /proc/sys/fs/pipe-max-size: 1 MiB, as Linux. */
unsigned int pipe_max_size = 1048576;

static struct vfsmount *pipe_mnt;

/** pipe_lock - take the pipe's mutex (splice and friends).  May sleep. */
void pipe_lock(struct pipe_inode_info *pipe)
{
	mutex_lock(&pipe->mutex);
}

/** pipe_unlock - release it. */
void pipe_unlock(struct pipe_inode_info *pipe)
{
	mutex_unlock(&pipe->mutex);
}

/* A drained slot's page: keep one for the next write, free the rest. */
static void pipe_buf_release(struct pipe_inode_info *pipe,
			     struct pipe_buffer *buf)
{
	struct page *page = buf->page;

	buf->page = NULL;
	if (!pipe->tmp_page)
		pipe->tmp_page = page;
	else
		__free_page(page);
}

/**
 * alloc_pipe_info - an empty pipe with PIPE_DEF_BUFFERS slots.
 *
 * Process context.  Returns it with no reader, writer or file counted,
 * or NULL without memory.
 */
struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(struct pipe_buffer),
			     GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->r_counter = 1;
	pipe->w_counter = 1;
	pipe->ring_size = PIPE_DEF_BUFFERS;
	pipe->max_usage = PIPE_DEF_BUFFERS;
	return pipe;
}

/** free_pipe_info - free a pipe nobody uses any more, and its pages. */
void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int mask = pipe->ring_size - 1;
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe->bufs[i & mask].page);
	if (pipe->tmp_page)
		__free_page(pipe->tmp_page);
	kfree(pipe->bufs);
	kfree(pipe);
}

/* One file fewer on the pipe of @inode; the last frees it. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last = false;

	spin_lock(&inode->i_lock);
	if (!--pipe->files) {
		inode->i_pipe = NULL;
		last = true;
	}
	spin_unlock(&inode->i_lock);
	if (last)
		free_pipe_info(pipe);
}

/* Lockless: the wait conditions, re-checked under the mutex after. */
static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	unsigned int head = READ_ONCE(pipe->head);
	unsigned int tail = READ_ONCE(pipe->tail);

	return !pipe_empty(head, tail) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(const struct pipe_inode_info *pipe)
{
	unsigned int head = READ_ONCE(pipe->head);
	unsigned int tail = READ_ONCE(pipe->tail);

	return !pipe_full(head, tail, READ_ONCE(pipe->max_usage)) ||
	       !READ_ONCE(pipe->readers);
}

static bool is_packetized(const struct file *file)
{
	return file->f_flags & O_DIRECT;
}

static void wake_writers(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_sync_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
}

static void wake_readers(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_sync_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
}

/*
 * Copy out of the tail slot; *@packet says it was a whole message.
 * Returns the bytes taken, 0 if the pipe is empty, or -EFAULT (nothing
 * is consumed then).
 */
static ssize_t pipe_read_slot(struct pipe_inode_info *pipe, struct iov_iter *to,
			      size_t want, bool *packet)
{
	struct pipe_buffer *buf;
	size_t chars;

	if (pipe_empty(pipe->head, pipe->tail))
		return 0;
	buf = &pipe->bufs[pipe->tail & (pipe->ring_size - 1)];
	*packet = buf->flags & PIPE_BUF_FLAG_PACKET;
	chars = min_t(size_t, buf->len, want);
	if (copy_page_to_iter(buf->page, buf->offset, chars, to) < chars)
		return -EFAULT;
	buf->offset += chars;
	buf->len -= chars;
	if (*packet)
		buf->len = 0; /* the rest of the message is dropped */
	if (!buf->len) {
		pipe_buf_release(pipe, buf);
		pipe->tail++;
	}
	return chars;
}

/*
 * read(2) on a pipe.  Readers queue exclusively on rd_wait: one is
 * woken per write, and it passes the wake-up on if data is left.
 */
static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(to);
	bool was_full, wake_next_reader = false;
	ssize_t ret = 0;

	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	was_full = pipe_full(pipe->head, pipe->tail, pipe->max_usage);
	for (;;) {
		bool packet = false;
		ssize_t n = pipe_read_slot(pipe, to, total_len, &packet);

		if (n < 0) {
			if (!ret)
				ret = n;
			break;
		}
		if (n) {
			ret += n;
			total_len -= n;
			if (!total_len || packet)
				break;
			continue;
		}
		if (!pipe->writers || ret)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		/* A writer may wait for the room we made before sleeping. */
		if (was_full)
			wake_writers(pipe);
		if (wait_event_interruptible_exclusive(pipe->rd_wait,
						       pipe_readable(pipe)) < 0)
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
		was_full = pipe_full(pipe->head, pipe->tail, pipe->max_usage);
		wake_next_reader = true;
	}
	if (pipe_empty(pipe->head, pipe->tail))
		wake_next_reader = false;
	mutex_unlock(&pipe->mutex);
	if (was_full)
		wake_writers(pipe);
	if (wake_next_reader)
		wake_readers(pipe);
	return ret;
}

/*
 * A write of less than a page appends to the last slot if it fits
 * there whole (and the slot may be merged into).  Returns the bytes
 * written, 0 if it does not fit, -EFAULT.
 */
static ssize_t pipe_write_merge(struct pipe_inode_info *pipe,
				struct iov_iter *from, size_t chars)
{
	struct pipe_buffer *buf;
	size_t offset;

	if (pipe_empty(pipe->head, pipe->tail))
		return 0;
	buf = &pipe->bufs[(pipe->head - 1) & (pipe->ring_size - 1)];
	offset = buf->offset + buf->len;
	if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE) ||
	    offset + chars > PAGE_SIZE)
		return 0;
	if (copy_page_from_iter(buf->page, offset, chars, from) < chars)
		return -EFAULT;
	buf->len += chars;
	return chars;
}

/*
 * Fill a new head slot with up to a page.  The pipe is not full.
 * Returns the bytes written, -ENOMEM or -EFAULT (a fault after some
 * bytes keeps those bytes and returns their count).
 */
static ssize_t pipe_write_slot(struct pipe_inode_info *pipe, struct file *filp,
			       struct iov_iter *from)
{
	size_t want = min_t(size_t, iov_iter_count(from), PAGE_SIZE);
	struct page *page = pipe->tmp_page;
	struct pipe_buffer *buf;
	size_t copied;

	if (!page) {
		page = alloc_page(GFP_HIGHUSER);
		if (!page)
			return -ENOMEM;
		pipe->tmp_page = page;
	}
	copied = copy_page_from_iter(page, 0, want, from);
	if (!copied)
		return -EFAULT;
	pipe->tmp_page = NULL;
	buf = &pipe->bufs[pipe->head & (pipe->ring_size - 1)];
	buf->page = page;
	buf->offset = 0;
	buf->len = copied;
	buf->flags = is_packetized(filp) ? PIPE_BUF_FLAG_PACKET :
					   PIPE_BUF_FLAG_CAN_MERGE;
	pipe->head++;
	return copied;
}

static void pipe_sigpipe(void)
{
	send_sig(SIGPIPE, current, 0);
}

/*
 * write(2) on a pipe.  The mutex is held from the first byte to the
 * last except while sleeping for room, and a write of at most
 * PIPE_BUF bytes never sleeps after its first byte went in: that is
 * the atomicity guarantee.
 */
static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(from);
	bool was_empty, wake_next_writer = false;
	size_t chars = total_len & (PAGE_SIZE - 1);
	ssize_t ret = 0, n;

	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		pipe_sigpipe();
		ret = -EPIPE;
		goto out;
	}
	was_empty = pipe_empty(pipe->head, pipe->tail);
	if (chars && !is_packetized(filp)) {
		ret = pipe_write_merge(pipe, from, chars);
		if (ret < 0 || !iov_iter_count(from))
			goto out;
	}
	for (;;) {
		if (!pipe->readers) {
			pipe_sigpipe();
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage)) {
			size_t want =
				min_t(size_t, iov_iter_count(from), PAGE_SIZE);

			n = pipe_write_slot(pipe, filp, from);
			if (n < 0) {
				if (!ret)
					ret = n;
				break;
			}
			ret += n;
			if (n < want) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			if (!iov_iter_count(from))
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (was_empty)
			wake_readers(pipe);
		/* A signal is seen at the top of the loop if still full. */
		(void)wait_event_interruptible_exclusive(pipe->wr_wait,
							 pipe_writable(pipe));
		mutex_lock(&pipe->mutex);
		was_empty = pipe_empty(pipe->head, pipe->tail);
		wake_next_writer = true;
	}
out:
	if (pipe_full(pipe->head, pipe->tail, pipe->max_usage))
		wake_next_writer = false;
	mutex_unlock(&pipe->mutex);
	/* Edge-triggered epoll wants a wake-up for every write. */
	if (ret > 0 && (was_empty || READ_ONCE(pipe->poll_usage)))
		wake_readers(pipe);
	if (wake_next_writer)
		wake_writers(pipe);
	if (ret > 0)
		file_update_time(filp);
	return ret;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int head, tail;
	__poll_t mask = 0;

	WRITE_ONCE(pipe->poll_usage, true);
	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);
	head = READ_ONCE(pipe->head);
	tail = READ_ONCE(pipe->tail);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(head, tail))
			mask |= EPOLLIN | EPOLLRDNORM;
		/*
		 * f_version: a FIFO opened O_RDONLY|O_NONBLOCK before any
		 * writer does not hang up until a writer came and went.
		 */
		if (!READ_ONCE(pipe->writers) &&
		    filp->f_version != READ_ONCE(pipe->w_counter))
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(head, tail, READ_ONCE(pipe->max_usage)))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int i, count = 0;

	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	mutex_lock(&pipe->mutex);
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe->bufs[i & (pipe->ring_size - 1)].len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

/* Everyone sleeping on either side looks again (an end went away). */
static void wake_up_partner(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	/* Readers see EOF, writers EPIPE, pollers HUP/ERR. */
	if (!pipe->readers != !pipe->writers)
		wake_up_partner(pipe);
	mutex_unlock(&pipe->mutex);
	put_pipe_info(inode, pipe);
	return 0;
}

/*
 * A FIFO open waits for the other side: until *@cnt (the partner's open
 * count) moves.  Called with the mutex held; drops it while asleep.
 */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;
	DEFINE_WAIT(rdwait);
	DEFINE_WAIT(wrwait);

	while (cur == *cnt) {
		prepare_to_wait(&pipe->rd_wait, &rdwait, TASK_INTERRUPTIBLE);
		prepare_to_wait(&pipe->wr_wait, &wrwait, TASK_INTERRUPTIBLE);
		mutex_unlock(&pipe->mutex);
		schedule();
		finish_wait(&pipe->rd_wait, &rdwait);
		finish_wait(&pipe->wr_wait, &wrwait);
		mutex_lock(&pipe->mutex);
		if (signal_pending(current))
			break;
	}
	return cur == *cnt ? -ERESTARTSYS : 0;
}

/* The pipe of a FIFO inode, made by its first opener; counts a file. */
static struct pipe_inode_info *fifo_get_pipe(struct inode *inode)
{
	struct pipe_inode_info *pipe, *fresh;

	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe) {
		pipe->files++;
		spin_unlock(&inode->i_lock);
		return pipe;
	}
	spin_unlock(&inode->i_lock);
	fresh = alloc_pipe_info();
	if (!fresh)
		return NULL;
	fresh->files = 1;
	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe) { /* another opener was faster */
		pipe->files++;
		spin_unlock(&inode->i_lock);
		free_pipe_info(fresh);
		return pipe;
	}
	inode->i_pipe = fresh;
	spin_unlock(&inode->i_lock);
	return fresh;
}

static int fifo_open_read(struct file *filp, struct pipe_inode_info *pipe,
			  bool is_pipe)
{
	pipe->r_counter++;
	if (pipe->readers++ == 0)
		wake_up_partner(pipe);
	if (is_pipe || pipe->writers)
		return 0;
	if (filp->f_flags & O_NONBLOCK) {
		/* No EPOLLHUP until a writer has come (see pipe_poll). */
		filp->f_version = pipe->w_counter;
		return 0;
	}
	if (!wait_for_partner(pipe, &pipe->w_counter))
		return 0;
	if (!--pipe->readers)
		wake_up_interruptible(&pipe->wr_wait);
	return -ERESTARTSYS;
}

static int fifo_open_write(struct file *filp, struct pipe_inode_info *pipe,
			   bool is_pipe)
{
	if (!is_pipe && (filp->f_flags & O_NONBLOCK) && !pipe->readers)
		return -ENXIO;
	pipe->w_counter++;
	if (!pipe->writers++)
		wake_up_partner(pipe);
	if (is_pipe || pipe->readers)
		return 0;
	if (!wait_for_partner(pipe, &pipe->r_counter))
		return 0;
	if (!--pipe->writers)
		wake_up_interruptible_all(&pipe->rd_wait);
	return -ERESTARTSYS;
}

/*
 * open(2) of a FIFO (or of a pipe through /proc/<pid>/fd): O_RDONLY
 * waits for a writer, O_WRONLY for a reader (ENXIO at once with
 * O_NONBLOCK), O_RDWR never waits.
 */
static int fifo_open(struct inode *inode, struct file *filp)
{
	bool is_pipe = inode->i_sb->s_magic == PIPEFS_MAGIC;
	struct pipe_inode_info *pipe;
	int ret;

	stream_open(inode, filp);
	pipe = fifo_get_pipe(inode);
	if (!pipe)
		return -ENOMEM;
	filp->private_data = pipe;
	mutex_lock(&pipe->mutex);
	filp->f_version = 0;
	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		ret = fifo_open_read(filp, pipe, is_pipe);
		break;
	case FMODE_WRITE:
		ret = fifo_open_write(filp, pipe, is_pipe);
		break;
	case FMODE_READ | FMODE_WRITE:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up_partner(pipe);
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&pipe->mutex);
	if (ret)
		put_pipe_info(inode, pipe);
	return ret;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
	.name = "pipe",
};

/**
 * get_pipe_info - the pipe behind @file, or NULL if it is not one.
 * @file: any open file
 * @for_splice: unused (Linux refuses watch-queue pipes there)
 */
struct pipe_inode_info *get_pipe_info(struct file *file, bool for_splice)
{
	if (file->f_op != &pipefifo_fops)
		return NULL;
	return file->private_data;
}

/**
 * round_pipe_size - the ring size F_SETPIPE_SZ makes of @size.
 *
 * At least a page, else the next power of two; 0 (invalid) above 2 GiB.
 */
unsigned int round_pipe_size(unsigned long size)
{
	if (size > (1UL << 31))
		return 0;
	if (size < PAGE_SIZE)
		return PAGE_SIZE;
	return roundup_pow_of_two(size);
}

/* Move the occupied slots into a ring of @nr_slots.  Mutex held. */
static int pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int n = pipe_occupancy(pipe->head, pipe->tail);
	unsigned int mask = pipe->ring_size - 1;
	struct pipe_buffer *bufs;
	unsigned int i;

	if (nr_slots < n)
		return -EBUSY;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		bufs[i] = pipe->bufs[(pipe->tail + i) & mask];
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = nr_slots;
	pipe->max_usage = nr_slots;
	return 0;
}

static long pipe_set_size(struct pipe_inode_info *pipe, unsigned int arg)
{
	unsigned long size = round_pipe_size(arg);
	unsigned int nr_slots = size >> PAGE_SHIFT;
	int ret;

	if (!nr_slots)
		return -EINVAL;
	/* Growing past pipe-max-size takes CAP_SYS_RESOURCE. */
	if (nr_slots > pipe->max_usage && size > pipe_max_size &&
	    !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	ret = pipe_resize_ring(pipe, nr_slots);
	if (ret)
		return ret;
	return pipe->max_usage * PAGE_SIZE;
}

/**
 * pipe_fcntl - F_GETPIPE_SZ and F_SETPIPE_SZ (the hook of fs/fcntl.c).
 * @file: the file fcntl was called on
 * @cmd: F_GETPIPE_SZ or F_SETPIPE_SZ
 * @arg: the new size in bytes for F_SETPIPE_SZ
 *
 * Process context.  Returns the size in bytes, or -EBADF (not a pipe),
 * -EINVAL (size above 2 GiB, other command), -EPERM (above pipe-max-size
 * without CAP_SYS_RESOURCE), -EBUSY (smaller than the data held),
 * -ENOMEM.
 */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file, false);
	long ret;

	if (!pipe)
		return -EBADF;
	mutex_lock(&pipe->mutex);
	switch (cmd) {
	case F_SETPIPE_SZ:
		ret = pipe_set_size(pipe, arg);
		break;
	case F_GETPIPE_SZ:
		ret = pipe->max_usage * PAGE_SIZE;
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&pipe->mutex);
	/* A bigger ring is room for writers waiting on a full pipe. */
	if (ret > 0 && cmd == F_SETPIPE_SZ)
		wake_writers(pipe);
	return ret;
}

/**
 * proc_dopipe_max_size - the handler of /proc/sys/fs/pipe-max-size.
 *
 * A written size is rounded as F_SETPIPE_SZ rounds it (a page at
 * least, a power of two); above 2 GiB is -EINVAL.  Process context.
 */
int proc_dopipe_max_size(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	unsigned int val = READ_ONCE(pipe_max_size);
	struct ctl_table t = *table;
	int err;

	t.data = &val;
	t.maxlen = sizeof(val);
	err = proc_douintvec(&t, write, buffer, lenp, ppos);
	if (err || !write)
		return err;
	val = round_pipe_size(val);
	if (!val)
		return -EINVAL;
	WRITE_ONCE(pipe_max_size, val);
	return 0;
}

/* /proc/<pid>/fd shows "pipe:[ino]". */
static char *pipefs_dname(struct dentry *dentry, char *buffer, int buflen)
{
	char name[32];
	int len = snprintf(name, sizeof(name), "pipe:[%lu]",
			   dentry->d_inode->i_ino) +
		  1;

	if (len > buflen)
		return ERR_PTR(-ENAMETOOLONG);
	memcpy(buffer + buflen - len, name, len);
	return buffer + buflen - len;
}

static const struct dentry_operations pipefs_dentry_operations = {
	.d_dname = pipefs_dname,
};

/* A pipefs inode holding a new pipe with one reader and one writer. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_ino = get_next_ino();
	inode->i_pipe = pipe;
	pipe->files = 2;
	pipe->readers = 1;
	pipe->writers = 1;
	inode->i_fop = &pipefifo_fops;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* A second open file on @base's dentry (the read end of a pipe). */
static struct file *pipe_file_clone(struct file *base, int flags)
{
	struct file *f = alloc_empty_file(flags, current_cred());

	if (IS_ERR(f))
		return f;
	f->f_path = base->f_path;
	path_get(&f->f_path);
	f->f_inode = base->f_inode;
	f->f_mapping = base->f_mapping;
	f->f_op = base->f_op;
	f->f_mode |= FMODE_OPENED | FMODE_CAN_READ;
	f->private_data = base->private_data;
	stream_open(f->f_inode, f);
	return f;
}

/**
 * create_pipe_files - a new pipe: @res[0] reads it, @res[1] writes it.
 * @res: receives the two files
 * @flags: O_NONBLOCK and O_DIRECT apply to both
 *
 * Process context.  Returns 0, -ENFILE or -ENOMEM.
 */
int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct file *f;

	if (!inode)
		return -ENFILE;
	f = alloc_file_pseudo(inode, pipe_mnt, "",
			      O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)),
			      &pipefifo_fops);
	if (IS_ERR(f)) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		return PTR_ERR(f);
	}
	d_set_d_op(f->f_path.dentry, &pipefs_dentry_operations);
	f->private_data = inode->i_pipe;
	stream_open(inode, f);
	res[0] = pipe_file_clone(f,
				 O_RDONLY | (flags & (O_NONBLOCK | O_DIRECT)));
	if (IS_ERR(res[0])) {
		/* The read end never existed: count it out by hand. */
		mutex_lock(&inode->i_pipe->mutex);
		inode->i_pipe->readers--;
		mutex_unlock(&inode->i_pipe->mutex);
		put_pipe_info(inode, inode->i_pipe);
		fput(f);
		return PTR_ERR(res[0]);
	}
	res[1] = f;
	return 0;
}

/* Two files and two reserved (not installed) descriptors. */
static int __do_pipe_flags(int *fd, struct file **files, int flags)
{
	int error, fdw, fdr;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) {
		pr_warn_once("pipe2: unsupported flags %#x\n", flags);
		return -EINVAL;
	}
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	error = get_unused_fd_flags(flags);
	if (error < 0)
		goto err_put_files;
	fdr = error;
	error = get_unused_fd_flags(flags);
	if (error < 0)
		goto err_put_fdr;
	fdw = error;
	fd[0] = fdr;
	fd[1] = fdw;
	return 0;

err_put_fdr:
	put_unused_fd(fdr);
err_put_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

/**
 * do_pipe_flags - pipe2(2) without the syscall wrapper.
 * @fildes: user array of two ints for the read and write descriptors
 * @flags: O_CLOEXEC, O_NONBLOCK, O_DIRECT
 *
 * Process context.  The descriptors are installed only once @fildes was
 * written, so a bad pointer leaves no descriptor behind.  Returns 0 or
 * -EINVAL, -EFAULT, -EMFILE, -ENFILE, -ENOMEM.
 */
int do_pipe_flags(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2];
	int error;

	error = __do_pipe_flags(fd, files, flags);
	if (error)
		return error;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		fput(files[0]);
		fput(files[1]);
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		return -EFAULT;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe_flags(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe_flags(fildes, 0);
}

/* pipefs: one root directory; its inodes go as soon as unused. */
static const struct super_operations pipefs_ops = {
	.drop_inode = generic_delete_inode,
	.statfs = simple_statfs,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	sb->s_magic = PIPEFS_MAGIC;
	sb->s_op = &pipefs_ops;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_time_gran = 1;
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0600;
	root->i_op = &simple_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	set_nlink(root, 2);
	root->i_atime = root->i_mtime = root->i_ctime = current_time(root);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags | SB_NOUSER, data, pipefs_fill_super);
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
};

/* Boot: register pipefs and mount it where pipe(2) finds it. */
static int __init init_pipe_fs(void)
{
	int err = register_filesystem(&pipe_fs_type);

	if (err)
		return err;
	pipe_mnt = kern_mount(&pipe_fs_type);
	if (IS_ERR(pipe_mnt)) {
		err = PTR_ERR(pipe_mnt);
		unregister_filesystem(&pipe_fs_type);
		panic("pipefs: cannot mount (%d)", err);
	}
	return 0;
}
fs_initcall(init_pipe_fs);
