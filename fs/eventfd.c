/*
 * eventfd: a 64-bit counter behind a file descriptor, for one thread
 * (or the kernel) to wake another through read/poll/epoll.
 *
 *	write(8 bytes n)  count += n; blocks while count + n would reach
 *	                  2^64 - 1 (the value itself is never allowed)
 *	read(8 bytes)     returns count and zeroes it, or with
 *	                  EFD_SEMAPHORE returns 1 and decrements; blocks
 *	                  while count is 0
 *	poll              EPOLLIN if count > 0, EPOLLOUT if a write of 1
 *	                  would not block, EPOLLERR at the overflow value
 *
 * ctx->lock guards count; wqh holds the readers, writers and pollers.
 */
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/wait.h>

struct eventfd_ctx {
	refcount_t refs; /* the file, and eventfd_ctx_fdget() users */
	spinlock_t lock;
	wait_queue_head_t wqh;
	u64 count;
	unsigned int flags; /* EFD_SEMAPHORE */
};

static const struct file_operations eventfd_fops;

static void eventfd_free_ctx(struct eventfd_ctx *ctx)
{
	kfree(ctx);
}

/** eventfd_ctx_put - drop a reference taken by eventfd_ctx_fdget(). */
void eventfd_ctx_put(struct eventfd_ctx *ctx)
{
	if (refcount_dec_and_test(&ctx->refs))
		eventfd_free_ctx(ctx);
}

/**
 * eventfd_ctx_fileget - the counter of an eventfd file, referenced.
 * @file: any file
 *
 * Returns the context or ERR_PTR(-EINVAL) if @file is not an eventfd.
 */
struct eventfd_ctx *eventfd_ctx_fileget(struct file *file)
{
	struct eventfd_ctx *ctx;

	if (file->f_op != &eventfd_fops)
		return ERR_PTR(-EINVAL);
	ctx = file->private_data;
	refcount_inc(&ctx->refs);
	return ctx;
}

/**
 * eventfd_ctx_fdget - eventfd_ctx_fileget() of a descriptor.
 * @fd: the descriptor
 *
 * Process context.  Returns the context, ERR_PTR(-EBADF) or -EINVAL.
 */
struct eventfd_ctx *eventfd_ctx_fdget(int fd)
{
	struct eventfd_ctx *ctx;
	struct fd f = fdget(fd);

	if (!f.file)
		return ERR_PTR(-EBADF);
	ctx = eventfd_ctx_fileget(f.file);
	fdput(f);
	return ctx;
}

/**
 * eventfd_signal - add @n to the counter from the kernel.
 * @ctx: the counter
 * @n: how much; the sum saturates at 2^64 - 2
 *
 * Any context.  Wakes readers and pollers.
 */
void eventfd_signal(struct eventfd_ctx *ctx, u64 n)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	if (U64_MAX - 1 - ctx->count < n)
		n = U64_MAX - 1 - ctx->count;
	ctx->count += n;
	spin_unlock_irqrestore(&ctx->lock, flags);
	wake_up_poll(&ctx->wqh, EPOLLIN);
}

static int eventfd_release(struct inode *inode, struct file *file)
{
	struct eventfd_ctx *ctx = file->private_data;

	wake_up_poll(&ctx->wqh, EPOLLHUP);
	eventfd_ctx_put(ctx);
	return 0;
}

static __poll_t eventfd_poll(struct file *file, poll_table *wait)
{
	struct eventfd_ctx *ctx = file->private_data;
	__poll_t events = 0;
	u64 count;

	/*
	 * poll_wait() queued us (taking and dropping the queue lock) before
	 * count is read: a write after our read wakes us.
	 */
	poll_wait(file, &ctx->wqh, wait);
	count = READ_ONCE(ctx->count);
	if (count > 0)
		events |= EPOLLIN | EPOLLRDNORM;
	if (count == U64_MAX)
		events |= EPOLLERR;
	if (U64_MAX - 1 > count)
		events |= EPOLLOUT | EPOLLWRNORM;
	return events;
}

static ssize_t eventfd_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct eventfd_ctx *ctx = file->private_data;
	u64 ucnt;
	int err;

	if (iov_iter_count(to) < sizeof(ucnt))
		return -EINVAL;
	spin_lock_irq(&ctx->lock);
	if (!ctx->count) {
		if (file->f_flags & O_NONBLOCK) {
			spin_unlock_irq(&ctx->lock);
			return -EAGAIN;
		}
		err = wait_event_interruptible_lock_irq(ctx->wqh, ctx->count,
							ctx->lock);
		if (err) {
			spin_unlock_irq(&ctx->lock);
			return -ERESTARTSYS;
		}
	}
	ucnt = (ctx->flags & EFD_SEMAPHORE) ? 1 : ctx->count;
	ctx->count -= ucnt;
	spin_unlock_irq(&ctx->lock);
	wake_up_poll(&ctx->wqh, EPOLLOUT);
	if (copy_to_iter(&ucnt, sizeof(ucnt), to) != sizeof(ucnt))
		return -EFAULT;
	return sizeof(ucnt);
}

static ssize_t eventfd_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct eventfd_ctx *ctx = file->private_data;
	u64 ucnt;
	int err;

	if (iov_iter_count(from) < sizeof(ucnt))
		return -EINVAL;
	if (copy_from_iter(&ucnt, sizeof(ucnt), from) != sizeof(ucnt))
		return -EFAULT;
	if (ucnt == U64_MAX)
		return -EINVAL;
	spin_lock_irq(&ctx->lock);
	if (U64_MAX - ctx->count <= ucnt) {
		if (file->f_flags & O_NONBLOCK) {
			spin_unlock_irq(&ctx->lock);
			return -EAGAIN;
		}
		err = wait_event_interruptible_lock_irq(
			ctx->wqh, U64_MAX - ctx->count > ucnt, ctx->lock);
		if (err) {
			spin_unlock_irq(&ctx->lock);
			return -ERESTARTSYS;
		}
	}
	ctx->count += ucnt;
	spin_unlock_irq(&ctx->lock);
	wake_up_poll(&ctx->wqh, EPOLLIN);
	return sizeof(ucnt);
}

static const struct file_operations eventfd_fops = {
	.release = eventfd_release,
	.poll = eventfd_poll,
	.read_iter = eventfd_read,
	.write_iter = eventfd_write,
	.llseek = noop_llseek,
	.name = "eventfd",
};

static int do_eventfd(unsigned int count, int flags)
{
	struct eventfd_ctx *ctx;
	int fd;

	if (flags & ~EFD_FLAGS_SET) {
		pr_warn_once("eventfd2: unsupported flags %#x\n", flags);
		return -EINVAL;
	}
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	refcount_set(&ctx->refs, 1);
	spin_lock_init(&ctx->lock);
	init_waitqueue_head(&ctx->wqh);
	ctx->count = count;
	ctx->flags = flags & EFD_SEMAPHORE;
	fd = anon_inode_getfd("[eventfd]", &eventfd_fops, ctx,
			      O_RDWR | (flags & EFD_SHARED_FCNTL_FLAGS));
	if (fd < 0)
		eventfd_free_ctx(ctx);
	return fd;
}

SYSCALL_DEFINE2(eventfd2, unsigned int, count, int, flags)
{
	return do_eventfd(count, flags);
}

SYSCALL_DEFINE1(eventfd, unsigned int, count)
{
	return do_eventfd(count, 0);
}
