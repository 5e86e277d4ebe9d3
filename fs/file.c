/*
 * File descriptor tables (linux/fdtable.h; seed 004).
 *
 * alloc_fd() finds the lowest free descriptor with find_next_zero_bit
 * on open_fds, starting at next_fd (nothing below it is free), and
 * grows the table when the bitmap is full -- up to RLIMIT_NOFILE,
 * beyond which the process gets EMFILE.  Lookups (fget) take file_lock;
 * replaced tables are freed once nobody can be looking at them, which
 * the lock guarantees.
 */
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/find.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include "internal.h"

/* The most descriptors any process may have (Linux's fs.nr_open). */
static unsigned int sysctl_nr_open = NR_OPEN;

struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
};

/*
 * RLIMIT_NOFILE of current.  Kernel threads have no signal_struct (no
 * rlimits) and get Linux's default soft limit.
 */
static unsigned int nofile_limit(void)
{
	unsigned long lim = current->signal ? rlimit(RLIMIT_NOFILE) :
					      INR_OPEN_CUR;

	return min_t(unsigned long, lim, sysctl_nr_open);
}

static void free_fdtable(struct fdtable *fdt)
{
	kvfree(fdt->fd);
	kvfree(fdt->open_fds);
	kfree(fdt);
}

/* A table for at least @nr + 1 descriptors, a power of two, empty. */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	struct fdtable *fdt;
	unsigned int size = NR_OPEN_DEFAULT;

	while (size <= nr)
		size *= 2;
	if (size > sysctl_nr_open)
		size = ALIGN(sysctl_nr_open, BITS_PER_LONG);
	fdt = kmalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	fdt->max_fds = size;
	fdt->fd = kvcalloc(size, sizeof(struct file *), GFP_KERNEL);
	/* open_fds and close_on_exec share one allocation. */
	fdt->open_fds =
		kvzalloc(2 * BITS_TO_LONGS(size) * sizeof(long), GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		free_fdtable(fdt);
		return NULL;
	}
	fdt->close_on_exec = fdt->open_fds + BITS_TO_LONGS(size);
	return fdt;
}

static void copy_fdtable(struct fdtable *nfdt, const struct fdtable *ofdt)
{
	unsigned int n = ofdt->max_fds;

	memcpy(nfdt->fd, ofdt->fd, n * sizeof(struct file *));
	memcpy(nfdt->open_fds, ofdt->open_fds, BITS_TO_LONGS(n) * sizeof(long));
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec,
	       BITS_TO_LONGS(n) * sizeof(long));
}

/*
 * Make room for descriptor @nr.  file_lock held; it is dropped while
 * allocating.  Returns 0 (it fits), 1 (the table changed: look again)
 * or -EMFILE/-ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *new, *old;

	if (nr < files->fdt->max_fds)
		return 0;
	if (nr >= sysctl_nr_open)
		return -EMFILE;
	spin_unlock(&files->file_lock);
	new = alloc_fdtable(nr);
	spin_lock(&files->file_lock);
	if (!new)
		return -ENOMEM;
	old = files->fdt;
	if (nr < old->max_fds) { /* someone else grew it meanwhile */
		spin_unlock(&files->file_lock);
		free_fdtable(new);
		spin_lock(&files->file_lock);
		return 1;
	}
	copy_fdtable(new, old);
	files->fdt = new;
	if (old != &files->fdtab) {
		spin_unlock(&files->file_lock);
		free_fdtable(old);
		spin_lock(&files->file_lock);
	}
	return 1;
}

static void __set_close_on_exec(unsigned int fd, struct fdtable *fdt, bool set)
{
	if (set)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
}

/* Reserve the lowest free fd in [start, end).  fd or -EMFILE/-ENOMEM. */
static int alloc_fd(unsigned int start, unsigned int end, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	unsigned int fd;
	int error;

	if (!files)
		return -EMFILE;
	spin_lock(&files->file_lock);
repeat:
	fdt = files->fdt;
	fd = max(start, files->next_fd);
	if (fd < fdt->max_fds)
		fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, fd);
	error = -EMFILE;
	if (fd >= end)
		goto out;
	error = expand_files(files, fd);
	if (error < 0)
		goto out;
	if (error)
		goto repeat;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_bit(fd, fdt->open_fds);
	__set_close_on_exec(fd, fdt, flags & O_CLOEXEC);
	error = fd;
out:
	spin_unlock(&files->file_lock);
	return error;
}

/**
 * get_unused_fd_flags - reserve the lowest free descriptor.
 * @flags: O_CLOEXEC or 0
 *
 * Process context.  Install a file with fd_install() or give the number
 * back with put_unused_fd().  Returns the fd, -EMFILE at RLIMIT_NOFILE,
 * or -ENOMEM.
 */
int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, nofile_limit(), flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files->fdt->open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

/** put_unused_fd - release a reserved, never installed descriptor. */
void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

/**
 * fd_install - make reserved descriptor @fd refer to @file.
 * @fd: from get_unused_fd_flags()
 * @file: its reference passes to the table
 */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	WARN_ON(files->fdt->fd[fd]);
	files->fdt->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/* Take @fd out of the table.  file_lock held.  The file or NULL. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;
	struct file *file;

	if (fd >= fdt->max_fds)
		return NULL;
	file = fdt->fd[fd];
	if (file) {
		fdt->fd[fd] = NULL;
		__clear_bit(fd, fdt->close_on_exec);
		__put_unused_fd(files, fd);
	}
	return file;
}

/**
 * close_fd - close(2): remove @fd and drop its file.
 *
 * Process context.  Returns 0, -EBADF, or the ->flush error.
 */
int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	spin_lock(&files->file_lock);
	file = pick_file(files, fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

static unsigned int last_open_fd(struct fdtable *fdt, unsigned int from,
				 unsigned int to)
{
	return find_next_bit(fdt->open_fds, min(to, fdt->max_fds), from);
}

/**
 * __close_range - close_range(2).
 * @fd: first descriptor
 * @max_fd: last (inclusive)
 * @flags: CLOSE_RANGE_UNSHARE, CLOSE_RANGE_CLOEXEC
 *
 * Returns 0 or -EINVAL/-ENOMEM.
 */
int __close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	struct files_struct *files;
	unsigned int i;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if (flags & CLOSE_RANGE_UNSHARE) {
		int err = unshare_files();

		if (err)
			return err;
	}
	files = current->files;
	spin_lock(&files->file_lock);
	for (i = fd; i <= max_fd; i++) {
		struct fdtable *fdt = files->fdt;
		struct file *file;

		i = last_open_fd(fdt, i, max_fd == ~0U ? max_fd : max_fd + 1);
		if (i >= fdt->max_fds || i > max_fd)
			break;
		if (flags & CLOSE_RANGE_CLOEXEC) {
			__set_bit(i, fdt->close_on_exec);
			continue;
		}
		file = pick_file(files, i);
		if (!file)
			continue; /* reserved, not yet installed */
		spin_unlock(&files->file_lock);
		filp_close(file, files);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
	return 0;
}

/* A file in @files, no reference.  file_lock held. */
struct file *files_lookup_fd_raw(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

static struct file *__fget_files(struct files_struct *files, unsigned int fd,
				 fmode_t mask)
{
	struct file *file;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	file = files_lookup_fd_raw(files, fd);
	if (file && (file->f_mode & mask))
		file = NULL;
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

/**
 * fget - the file behind @fd, with a reference, or NULL.
 *
 * O_PATH descriptors do not count (they cannot be read or written);
 * fget_raw() returns those too.
 */
struct file *fget(unsigned int fd)
{
	return __fget_files(current->files, fd, FMODE_PATH);
}

struct file *fget_raw(unsigned int fd)
{
	return __fget_files(current->files, fd, 0);
}

/** fget_task - fget_raw() in another task's table (/proc/<pid>/fd). */
struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	return __fget_files(task->files, fd, 0);
}

struct fd fdget(unsigned int fd)
{
	struct file *file = fget(fd);

	return (struct fd){ file, file ? FDPUT_FPUT : 0 };
}

struct fd fdget_raw(unsigned int fd)
{
	struct file *file = fget_raw(fd);

	return (struct fd){ file, file ? FDPUT_FPUT : 0 };
}

void fdput(struct fd f)
{
	if (f.flags & FDPUT_FPUT)
		fput(f.file);
}

/**
 * fdget_pos - fdget() for read/write/lseek: also takes f_pos_lock, so
 * threads sharing the file see each read and write move f_pos whole.
 */
struct fd fdget_pos(unsigned int fd)
{
	struct fd f = fdget(fd);

	if (f.file && (f.file->f_mode & FMODE_ATOMIC_POS)) {
		mutex_lock(&f.file->f_pos_lock);
		f.flags |= FDPUT_POS_UNLOCK;
	}
	return f;
}

void fdput_pos(struct fd f)
{
	if (f.flags & FDPUT_POS_UNLOCK)
		mutex_unlock(&f.file->f_pos_lock);
	fdput(f);
}

/** set_close_on_exec - FD_CLOEXEC on or off for @fd. */
void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds)
		__set_close_on_exec(fd, files->fdt, flag);
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool res;

	spin_lock(&files->file_lock);
	res = fd < files->fdt->max_fds &&
	      test_bit(fd, files->fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	return res;
}

/*
 * Put @file at @fd, closing what was there (dup2).  file_lock held on
 * entry, released on return.  Returns @fd or -EBUSY (reserved by a
 * concurrent open).
 */
static int do_dup2(struct files_struct *files, struct file *file,
		   unsigned int fd, unsigned int flags)
{
	struct fdtable *fdt = files->fdt;
	struct file *tofree = fdt->fd[fd];

	if (!tofree && test_bit(fd, fdt->open_fds)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	get_file(file);
	fdt->fd[fd] = file;
	__set_bit(fd, fdt->open_fds);
	__set_close_on_exec(fd, fdt, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree, files);
	return fd;
}

/**
 * replace_fd - put @file at @fd whatever was there.
 * @fd: the descriptor
 * @file: a reference is taken
 * @flags: O_CLOEXEC or 0
 *
 * Returns @fd or -EBADF (over RLIMIT_NOFILE), -EBUSY, -ENOMEM.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	int err;

	if (fd >= nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	err = expand_files(files, fd);
	if (err < 0) {
		spin_unlock(&files->file_lock);
		return err;
	}
	return do_dup2(files, file, fd, flags);
}

/** ksys_dup3 - dup3(2) (and dup2 with distinct descriptors). */
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file;
	int err;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	err = expand_files(files, newfd);
	file = files_lookup_fd_raw(files, oldfd);
	if (!file) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	if (err < 0) {
		spin_unlock(&files->file_lock);
		return err == -EMFILE ? -EBADF : err;
	}
	return do_dup2(files, file, newfd, flags);
}

/** ksys_dup - dup(2): the lowest free descriptor for the same file. */
int ksys_dup(unsigned int fildes)
{
	struct file *file = fget_raw(fildes);
	int ret;

	if (!file)
		return -EBADF;
	ret = get_unused_fd_flags(0);
	if (ret >= 0)
		fd_install(ret, file);
	else
		fput(file);
	return ret;
}

/**
 * f_dupfd - F_DUPFD: the lowest free descriptor >= @from.
 * Returns it, or -EINVAL (@from over the limit), -EMFILE.
 */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	unsigned int limit = nofile_limit();
	int err;

	if (from >= limit)
		return -EINVAL;
	err = alloc_fd(from, limit, flags);
	if (err >= 0) {
		get_file(file);
		fd_install(err, file);
	}
	return err;
}

/** receive_fd - install @file (a reference is taken) at a new fd. */
int receive_fd(struct file *file, unsigned int o_flags)
{
	int fd = get_unused_fd_flags(o_flags);

	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

static unsigned int count_open_files(struct fdtable *fdt)
{
	unsigned int i = BITS_TO_LONGS(fdt->max_fds);

	while (i > 0 && !fdt->open_fds[i - 1])
		i--;
	return i * BITS_PER_LONG;
}

static struct files_struct *alloc_files_struct(void)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);

	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	newf->fdtab.max_fds = NR_OPEN_DEFAULT;
	newf->fdtab.fd = newf->fd_array;
	newf->fdtab.close_on_exec = newf->close_on_exec_init;
	newf->fdtab.open_fds = newf->open_fds_init;
	newf->fdt = &newf->fdtab;
	return newf;
}

/**
 * dup_fd - a copy of @oldf for fork: same files (each referenced once
 * more), same close-on-exec bits.
 * @oldf: the table to copy
 * @errorp: -ENOMEM on failure
 *
 * Process context.  Returns the copy or NULL.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = alloc_files_struct();
	struct fdtable *old_fdt, *new_fdt;
	unsigned int open_files, i;

	*errorp = -ENOMEM;
	if (!newf)
		return NULL;
	spin_lock(&oldf->file_lock);
	for (;;) {
		old_fdt = oldf->fdt;
		open_files = count_open_files(old_fdt);
		if (open_files <= newf->fdt->max_fds)
			break;
		spin_unlock(&oldf->file_lock);
		new_fdt = alloc_fdtable(open_files - 1);
		if (!new_fdt) {
			put_files_struct(newf);
			return NULL;
		}
		if (newf->fdt != &newf->fdtab)
			free_fdtable(newf->fdt);
		newf->fdt = new_fdt;
		spin_lock(&oldf->file_lock);
	}
	new_fdt = newf->fdt;
	memcpy(new_fdt->open_fds, old_fdt->open_fds, open_files / 8);
	memcpy(new_fdt->close_on_exec, old_fdt->close_on_exec, open_files / 8);
	for (i = 0; i < open_files; i++) {
		struct file *f = old_fdt->fd[i];

		if (f)
			get_file(f);
		else /* reserved by an open in progress: not the child's */
			__clear_bit(i, new_fdt->open_fds);
		new_fdt->fd[i] = f;
	}
	spin_unlock(&oldf->file_lock);
	*errorp = 0;
	return newf;
}

/**
 * put_files_struct - drop a reference; the last closes every file.
 *
 * Process context, may sleep.
 */
void put_files_struct(struct files_struct *files)
{
	struct fdtable *fdt;
	unsigned int i;

	if (!atomic_dec_and_test(&files->count))
		return;
	fdt = files->fdt;
	for (i = 0; i < fdt->max_fds; i++) {
		struct file *file = fdt->fd[i];

		if (file) {
			fdt->fd[i] = NULL;
			filp_close(file, files);
		}
	}
	if (fdt != &files->fdtab)
		free_fdtable(fdt);
	if (files != &init_files)
		kfree(files);
}

/** get_files_struct - @task's table with a reference, or NULL. */
struct files_struct *get_files_struct(struct task_struct *task)
{
	struct files_struct *files;

	task_lock(task);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(task);
	return files;
}

/** exit_files - @tsk lets go of its descriptor table (exit). */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(files);
	}
}

/**
 * copy_files - fork's step for the descriptor table.
 * @clone_flags: CLONE_FILES shares, else the table is copied
 * @tsk: the child, whose ->files still points at the parent's
 */
int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files;
	int error = 0;

	if (!oldf) {
		tsk->files = NULL;
		return 0;
	}
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		tsk->files = oldf;
		return 0;
	}
	tsk->files = dup_fd(oldf, &error);
	return error;
}

/** unshare_files - give current a private copy of its table. */
int unshare_files(void)
{
	struct files_struct *old = current->files, *new;
	int error;

	if (!old || atomic_read(&old->count) == 1)
		return 0;
	new = dup_fd(old, &error);
	if (!new)
		return error;
	task_lock(current);
	current->files = new;
	task_unlock(current);
	put_files_struct(old);
	return 0;
}

/**
 * do_close_on_exec - exec closes every FD_CLOEXEC descriptor.
 *
 * Process context; @files is current's and not shared any more.
 */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int i;

	spin_lock(&files->file_lock);
	for (i = 0;; i++) {
		struct fdtable *fdt = files->fdt;
		struct file *file;

		i = find_next_bit(fdt->close_on_exec, fdt->max_fds, i);
		if (i >= fdt->max_fds)
			break;
		file = pick_file(files, i);
		__clear_bit(i, fdt->close_on_exec);
		if (!file)
			continue;
		spin_unlock(&files->file_lock);
		filp_close(file, files);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
}

/**
 * iterate_fd - call @f on each open file of @files from fd @n on until
 * it returns non-zero.  Returns that value or 0.  @f runs under
 * file_lock and must not sleep.
 */
int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*f)(const void *, struct file *, unsigned int),
	       const void *p)
{
	int res = 0;

	if (!files)
		return 0;
	spin_lock(&files->file_lock);
	for (; n < files->fdt->max_fds; n++) {
		struct file *file = files->fdt->fd[n];

		if (file) {
			res = f(p, file, n);
			if (res)
				break;
		}
	}
	spin_unlock(&files->file_lock);
	return res;
}

/** files_nr_open - how many descriptors @files has open. */
int files_nr_open(struct files_struct *files)
{
	int n;

	spin_lock(&files->file_lock);
	n = bitmap_weight(files->fdt->open_fds, files->fdt->max_fds);
	spin_unlock(&files->file_lock);
	return n;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int retval = close_fd(fd);

	/* The fd is gone whatever ->flush said; restarting would be wrong. */
	if (retval == -ERESTARTSYS || retval == -ERESTARTNOINTR ||
	    retval == -ERESTARTNOHAND || retval == -ERESTART_RESTARTBLOCK)
		retval = -EINTR;
	return retval;
}

SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd,
		unsigned int, flags)
{
	return __close_range(fd, max_fd, flags);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget_raw(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}
