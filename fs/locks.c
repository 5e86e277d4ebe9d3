/*
 * POSIX record locks for fcntl(F_GETLK/F_SETLK/F_SETLKW)
 * (linux/filelock.h).
 *
 * Each inode with locks has a file_lock_context listing them.  Setting
 * a lock first checks for a conflicting one (another owner, an
 * overlapping range, one of the two a write lock); then the owner's
 * own locks in the range are cut back or split and the new one merged
 * with its same-type neighbours:
 *
 *	owner A holds  [0 ............ 99] WR
 *	A unlocks             [40..59]
 *	A holds        [0..39] WR      [60..99] WR
 *
 * F_SETLKW sleeps until the conflict goes away, after checking that
 * the owner it waits for is not (transitively) waiting for us: that
 * would be a deadlock, reported as EDEADLK.
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include "internal.h"

static struct kmem_cache *filelock_cache;
static atomic_long_t nr_locks = ATOMIC_LONG_INIT(0);

/* Who waits for whom (F_SETLKW), for deadlock detection. */
struct lock_waiter {
	struct list_head list;
	void *owner;
	void *blocker;
};

static LIST_HEAD(blocked_list);
static DEFINE_SPINLOCK(blocked_lock);
static DECLARE_WAIT_QUEUE_HEAD(lock_wait);

#define MAX_DEADLK_ITERATIONS 10

static struct file_lock *locks_alloc_lock(void)
{
	struct file_lock *fl;

	fl = kmem_cache_zalloc(filelock_cache, GFP_KERNEL);
	if (fl) {
		INIT_LIST_HEAD(&fl->fl_list);
		atomic_long_inc(&nr_locks);
	}
	return fl;
}

static void locks_free_lock(struct file_lock *fl)
{
	if (!fl)
		return;
	atomic_long_dec(&nr_locks);
	kmem_cache_free(filelock_cache, fl);
}

/** filelock_init - the file_lock cache.  Boot. */
void __init filelock_init(void)
{
	filelock_cache = kmem_cache_create("file_lock_cache",
					   sizeof(struct file_lock), 0,
					   SLAB_PANIC, NULL);
}

/** locks_count - POSIX locks in existence (tests, /proc/locks). */
unsigned long locks_count(void)
{
	return atomic_long_read(&nr_locks);
}

static struct file_lock_context *locks_get_lock_context(struct inode *inode)
{
	struct file_lock_context *ctx = READ_ONCE(inode->i_flctx), *new;

	if (ctx)
		return ctx;
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return NULL;
	spin_lock_init(&new->flc_lock);
	INIT_LIST_HEAD(&new->flc_posix);
	spin_lock(&inode->i_lock);
	if (!inode->i_flctx) {
		inode->i_flctx = new;
		new = NULL;
	}
	ctx = inode->i_flctx;
	spin_unlock(&inode->i_lock);
	kfree(new);
	return ctx;
}

/** locks_free_lock_context - the inode is being freed: drop its context. */
void locks_free_lock_context(struct inode *inode)
{
	struct file_lock_context *ctx = inode->i_flctx;

	if (!ctx)
		return;
	WARN_ON_ONCE(!list_empty(&ctx->flc_posix));
	inode->i_flctx = NULL;
	kfree(ctx);
}

static bool locks_overlap(const struct file_lock *a, const struct file_lock *b)
{
	return a->fl_end >= b->fl_start && b->fl_end >= a->fl_start;
}

static bool posix_locks_conflict(const struct file_lock *caller,
				 const struct file_lock *sys)
{
	if (caller->fl_owner == sys->fl_owner)
		return false;
	if (!locks_overlap(caller, sys))
		return false;
	return caller->fl_type == F_WRLCK || sys->fl_type == F_WRLCK;
}

static void locks_copy_conflock(struct file_lock *dst,
				const struct file_lock *src)
{
	dst->fl_owner = src->fl_owner;
	dst->fl_pid = src->fl_pid;
	dst->fl_type = src->fl_type;
	dst->fl_start = src->fl_start;
	dst->fl_end = src->fl_end;
}

/* The first lock conflicting with @fl, or NULL.  flc_lock held. */
static struct file_lock *find_conflict(struct file_lock_context *ctx,
				       const struct file_lock *fl)
{
	struct file_lock *sys;

	list_for_each_entry(sys, &ctx->flc_posix, fl_list)
		if (posix_locks_conflict(fl, sys))
			return sys;
	return NULL;
}

/*
 * Apply @request (its owner's new state for its range) to the inode's
 * list.  @spare holds two preallocated locks (for a split and for the
 * new lock); used ones are set to NULL.  flc_lock held.
 */
static void posix_apply(struct file_lock_context *ctx,
			struct file_lock *request, struct file_lock **spare)
{
	struct file_lock *fl, *tmp, *new = NULL;
	loff_t start = request->fl_start, end = request->fl_end;

	/* Same-type neighbours (touching or overlapping) merge into us. */
	if (request->fl_type != F_UNLCK) {
		list_for_each_entry_safe(fl, tmp, &ctx->flc_posix, fl_list) {
			if (fl->fl_owner != request->fl_owner ||
			    fl->fl_type != request->fl_type)
				continue;
			if (fl->fl_end < start - 1 ||
			    (end != OFFSET_MAX && fl->fl_start > end + 1))
				continue;
			if (fl->fl_start < start)
				start = fl->fl_start;
			if (fl->fl_end > end)
				end = fl->fl_end;
			list_del(&fl->fl_list);
			locks_free_lock(fl);
		}
	}
	/* Cut the owner's other locks back to outside [start, end]. */
	list_for_each_entry_safe(fl, tmp, &ctx->flc_posix, fl_list) {
		if (fl->fl_owner != request->fl_owner)
			continue;
		if (fl->fl_end < start || fl->fl_start > end)
			continue;
		if (fl->fl_start < start && fl->fl_end > end) {
			/* It spans the whole range: split in two. */
			struct file_lock *right = spare[0];

			spare[0] = NULL;
			locks_copy_conflock(right, fl);
			right->fl_file = fl->fl_file;
			right->fl_start = end + 1;
			fl->fl_end = start - 1;
			list_add(&right->fl_list, &fl->fl_list);
			break;
		}
		if (fl->fl_start < start) {
			fl->fl_end = start - 1;
		} else if (fl->fl_end > end) {
			fl->fl_start = end + 1;
		} else {
			list_del(&fl->fl_list);
			locks_free_lock(fl);
		}
	}
	if (request->fl_type != F_UNLCK) {
		new = spare[1];
		spare[1] = NULL;
		locks_copy_conflock(new, request);
		new->fl_file = request->fl_file;
		new->fl_start = start;
		new->fl_end = end;
		list_add_tail(&new->fl_list, &ctx->flc_posix);
	}
}

/**
 * posix_lock_file - set, change or remove a POSIX lock, without waiting.
 * @filp: the file the request came through
 * @fl: the request (owner, pid, type, range)
 * @conflock: if not NULL, filled with the conflicting lock
 *
 * Process context.  Returns 0, -EAGAIN (a conflict) or -ENOMEM.
 */
int posix_lock_file(struct file *filp, struct file_lock *fl,
		    struct file_lock *conflock)
{
	struct inode *inode = file_inode(filp);
	struct file_lock *spare[2] = { NULL, NULL };
	struct file_lock_context *ctx;
	struct file_lock *conflict;
	int error = 0;

	if (fl->fl_type == F_UNLCK) {
		ctx = READ_ONCE(inode->i_flctx);
		if (!ctx)
			return 0;
	} else {
		ctx = locks_get_lock_context(inode);
		if (!ctx)
			return -ENOMEM;
	}
	spare[0] = locks_alloc_lock();
	spare[1] = locks_alloc_lock();
	if (!spare[0] || !spare[1]) {
		error = -ENOMEM;
		goto out;
	}
	spin_lock(&ctx->flc_lock);
	conflict = fl->fl_type != F_UNLCK ? find_conflict(ctx, fl) : NULL;
	if (conflict) {
		if (conflock)
			locks_copy_conflock(conflock, conflict);
		error = -EAGAIN;
	} else {
		posix_apply(ctx, fl, spare);
	}
	spin_unlock(&ctx->flc_lock);
	if (!error)
		wake_up_all(&lock_wait);
out:
	locks_free_lock(spare[0]);
	locks_free_lock(spare[1]);
	return error;
}

/* Is waiting for @blocker a deadlock for @owner?  blocked_lock held. */
static bool posix_locks_deadlock(void *owner, void *blocker)
{
	int i = 0;

	while (blocker && i++ < MAX_DEADLK_ITERATIONS) {
		struct lock_waiter *w;
		void *next = NULL;

		if (blocker == owner)
			return true;
		list_for_each_entry(w, &blocked_list, list) {
			if (w->owner == blocker) {
				next = w->blocker;
				break;
			}
		}
		blocker = next;
	}
	return false;
}

/* F_SETLKW: try, and sleep until the conflict goes away. */
static int posix_lock_file_wait(struct file *filp, struct file_lock *fl)
{
	struct lock_waiter waiter = { .owner = fl->fl_owner };
	struct file_lock conflock;
	int error;

	for (;;) {
		DEFINE_WAIT(wait);

		prepare_to_wait(&lock_wait, &wait, TASK_INTERRUPTIBLE);
		error = posix_lock_file(filp, fl, &conflock);
		if (error != -EAGAIN) {
			finish_wait(&lock_wait, &wait);
			break;
		}
		spin_lock(&blocked_lock);
		if (posix_locks_deadlock(fl->fl_owner, conflock.fl_owner)) {
			spin_unlock(&blocked_lock);
			finish_wait(&lock_wait, &wait);
			error = -EDEADLK;
			break;
		}
		waiter.blocker = conflock.fl_owner;
		list_add(&waiter.list, &blocked_list);
		spin_unlock(&blocked_lock);
		if (!signal_pending(current))
			schedule();
		finish_wait(&lock_wait, &wait);
		spin_lock(&blocked_lock);
		list_del(&waiter.list);
		spin_unlock(&blocked_lock);
		if (signal_pending(current)) {
			error = -ERESTARTSYS;
			break;
		}
	}
	return error;
}

/* struct flock (relative to whence) to an absolute inclusive range. */
static int flock_to_posix_lock(struct file *filp, struct file_lock *fl,
			       const struct flock *l)
{
	loff_t start;

	switch (l->l_whence) {
	case SEEK_SET:
		start = 0;
		break;
	case SEEK_CUR:
		start = filp->f_pos;
		break;
	case SEEK_END:
		start = i_size_read(file_inode(filp));
		break;
	default:
		return -EINVAL;
	}
	if (l->l_start > OFFSET_MAX - start)
		return -EOVERFLOW;
	start += l->l_start;
	if (start < 0)
		return -EINVAL;
	if (l->l_len > 0) {
		if (l->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		fl->fl_end = start + l->l_len - 1;
	} else if (l->l_len < 0) {
		fl->fl_end = start - 1;
		start += l->l_len;
		if (start < 0)
			return -EINVAL;
	} else {
		fl->fl_end = OFFSET_MAX;
	}
	fl->fl_start = start;
	fl->fl_owner = current->files;
	fl->fl_pid = current->tgid;
	fl->fl_file = filp;
	switch (l->l_type) {
	case F_RDLCK:
	case F_WRLCK:
	case F_UNLCK:
		fl->fl_type = l->l_type;
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * fcntl_getlk - F_GETLK: would @flock's lock be granted?
 * @filp: the file
 * @cmd: F_GETLK
 * @flock: in: the lock; out: the first conflicting lock, or l_type
 *	F_UNLCK if there is none
 *
 * Returns 0 or -EINVAL, -EOVERFLOW.
 */
int fcntl_getlk(struct file *filp, unsigned int cmd, struct flock *flock)
{
	struct inode *inode = file_inode(filp);
	struct file_lock fl = {};
	struct file_lock_context *ctx;
	struct file_lock *conflict = NULL;
	int error;

	error = flock_to_posix_lock(filp, &fl, flock);
	if (error)
		return error;
	if (fl.fl_type == F_UNLCK)
		return -EINVAL;
	ctx = READ_ONCE(inode->i_flctx);
	if (ctx) {
		spin_lock(&ctx->flc_lock);
		conflict = find_conflict(ctx, &fl);
		if (conflict)
			locks_copy_conflock(&fl, conflict);
		spin_unlock(&ctx->flc_lock);
	}
	if (!conflict) {
		flock->l_type = F_UNLCK;
		return 0;
	}
	flock->l_type = fl.fl_type;
	flock->l_whence = SEEK_SET;
	flock->l_start = fl.fl_start;
	flock->l_len = fl.fl_end == OFFSET_MAX ? 0 :
						 fl.fl_end - fl.fl_start + 1;
	flock->l_pid = fl.fl_pid;
	return 0;
}

/**
 * fcntl_setlk - F_SETLK / F_SETLKW for current's files_struct.
 * @fd: the descriptor (rechecked after sleeping: a racing close wins)
 * @filp: the file
 * @cmd: F_SETLK or F_SETLKW
 * @flock: the request
 *
 * Returns 0, -EAGAIN (F_SETLK conflict), -EDEADLK, -EBADF (a read lock
 * on a file not open for reading, or a write lock without write
 * access), -EINVAL, -ERESTARTSYS (signal while waiting).
 */
int fcntl_setlk(unsigned int fd, struct file *filp, unsigned int cmd,
		struct flock *flock)
{
	struct file_lock fl = {};
	int error;

	error = flock_to_posix_lock(filp, &fl, flock);
	if (error)
		return error;
	if (fl.fl_type == F_RDLCK && !(filp->f_mode & FMODE_READ))
		return -EBADF;
	if (fl.fl_type == F_WRLCK && !(filp->f_mode & FMODE_WRITE))
		return -EBADF;
	if (cmd == F_SETLKW && fl.fl_type != F_UNLCK)
		error = posix_lock_file_wait(filp, &fl);
	else
		error = posix_lock_file(filp, &fl, NULL);
	/* A close raced with us: the lock must not outlive the fd. */
	if (!error && fl.fl_type != F_UNLCK && current->files) {
		struct file *f;

		spin_lock(&current->files->file_lock);
		f = files_lookup_fd_raw(current->files, fd);
		spin_unlock(&current->files->file_lock);
		if (f != filp) {
			fl.fl_type = F_UNLCK;
			posix_lock_file(filp, &fl, NULL);
			error = -EBADF;
		}
	}
	return error;
}

/**
 * locks_remove_posix - close(): drop every lock @owner holds on the
 * file's inode.
 */
void locks_remove_posix(struct file *filp, void *owner)
{
	struct file_lock fl = {
		.fl_owner = owner,
		.fl_type = F_UNLCK,
		.fl_start = 0,
		.fl_end = OFFSET_MAX,
		.fl_file = filp,
	};
	struct inode *inode = file_inode(filp);

	if (!inode || !READ_ONCE(inode->i_flctx))
		return;
	posix_lock_file(filp, &fl, NULL);
}

/**
 * locks_remove_file - the last fput(): locks taken through this file by
 * an owner that never closed it (a kernel user) go too.
 */
void locks_remove_file(struct file *filp)
{
	struct inode *inode = file_inode(filp);
	struct file_lock_context *ctx;
	struct file_lock *fl, *tmp;
	bool removed = false;

	if (!inode)
		return;
	ctx = READ_ONCE(inode->i_flctx);
	if (!ctx)
		return;
	spin_lock(&ctx->flc_lock);
	list_for_each_entry_safe(fl, tmp, &ctx->flc_posix, fl_list) {
		if (fl->fl_file == filp) {
			list_del(&fl->fl_list);
			locks_free_lock(fl);
			removed = true;
		}
	}
	spin_unlock(&ctx->flc_lock);
	if (removed)
		wake_up_all(&lock_wait);
}
