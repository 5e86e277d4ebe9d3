/*
 * utimensat, utimes, futimesat, utime: setting a file's access and
 * modification times.
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

#define UTIME_NOW ((1L << 30) - 1L)
#define UTIME_OMIT ((1L << 30) - 2L)

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

/**
 * vfs_utimes - set @path's times.
 * @path: the file
 * @times: atime and mtime (tv_nsec may be UTIME_NOW or UTIME_OMIT), or
 *	NULL for "both now"
 *
 * Explicit times need ownership (or CAP_FOWNER); "now" needs write
 * permission or ownership.  Returns 0 or -EPERM, -EACCES, -EROFS.
 */
int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs;
	int error;

	error = mnt_want_write(path->mnt);
	if (error)
		return error;
	newattrs.ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME;
	if (times && times[0].tv_nsec == UTIME_NOW &&
	    times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT) {
			newattrs.ia_valid &= ~ATTR_ATIME;
		} else if (times[0].tv_nsec != UTIME_NOW) {
			newattrs.ia_atime = times[0];
			newattrs.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT) {
			newattrs.ia_valid &= ~ATTR_MTIME;
		} else if (times[1].tv_nsec != UTIME_NOW) {
			newattrs.ia_mtime = times[1];
			newattrs.ia_valid |= ATTR_MTIME_SET;
		}
		newattrs.ia_valid |= ATTR_TIMES_SET;
	} else {
		newattrs.ia_valid |= ATTR_TOUCH;
	}
	error = -EPERM;
	if (IS_IMMUTABLE(inode))
		goto out;
	if ((newattrs.ia_valid & ATTR_TOUCH) &&
	    !inode_owner_or_capable(inode)) {
		error = inode_permission(inode, MAY_WRITE);
		if (error)
			goto out;
	}
	inode_lock(inode);
	error = notify_change(path->dentry, &newattrs, NULL);
	inode_unlock(inode);
out:
	mnt_drop_write(path->mnt);
	return error;
}

/**
 * do_utimes - utimensat(2) on a kernel filename (consumed; NULL with a
 * real @dfd means the file @dfd itself).
 */
int do_utimes(int dfd, struct filename *filename, struct timespec64 *times,
	      int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int error = -EINVAL;

	if (times &&
	    (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
		goto out;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		goto out;
	if (times && times[0].tv_nsec == UTIME_OMIT &&
	    times[1].tv_nsec == UTIME_OMIT) {
		error = 0;
		goto out;
	}
	if (!filename && dfd != AT_FDCWD) {
		struct fd f;

		error = -EINVAL;
		if (flags)
			goto out;
		f = fdget(dfd);
		error = -EBADF;
		if (!f.file)
			goto out;
		error = vfs_utimes(&f.file->f_path, times);
		fdput(f);
		goto out;
	}
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = -EFAULT;
	if (!filename)
		goto out;
	error = filename_lookup(dfd, filename, lookup_flags, &path, NULL);
	if (error)
		goto out;
	error = vfs_utimes(&path, times);
	path_put(&path);
out:
	putname(filename);
	return error;
}

struct __kernel_timespec_user {
	long long tv_sec;
	long long tv_nsec;
};

struct timeval_user {
	long tv_sec;
	long tv_usec;
};

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec_user __user *, utimes, int, flags)
{
	struct __kernel_timespec_user ut[2];
	struct timespec64 tstimes[2];
	struct filename *name = NULL;

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		tstimes[0].tv_sec = ut[0].tv_sec;
		tstimes[0].tv_nsec = ut[0].tv_nsec;
		tstimes[1].tv_sec = ut[1].tv_sec;
		tstimes[1].tv_nsec = ut[1].tv_nsec;
	}
	if (filename) {
		name = getname_flags(filename,
				     (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0,
				     NULL);
		if (IS_ERR(name))
			return PTR_ERR(name);
	}
	return do_utimes(dfd, name, utimes ? tstimes : NULL, flags);
}

static long do_futimesat(int dfd, const char __user *filename,
			 struct timeval_user __user *utimes)
{
	struct timeval_user times[2];
	struct timespec64 tstimes[2];

	if (utimes) {
		if (copy_from_user(&times, utimes, sizeof(times)))
			return -EFAULT;
		if (times[0].tv_usec >= 1000000 || times[0].tv_usec < 0 ||
		    times[1].tv_usec >= 1000000 || times[1].tv_usec < 0)
			return -EINVAL;
		tstimes[0].tv_sec = times[0].tv_sec;
		tstimes[0].tv_nsec = 1000 * times[0].tv_usec;
		tstimes[1].tv_sec = times[1].tv_sec;
		tstimes[1].tv_nsec = 1000 * times[1].tv_usec;
	}
	return do_utimes(dfd, getname(filename), utimes ? tstimes : NULL, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct timeval_user __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, char __user *, filename, struct timeval_user __user *,
		utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

SYSCALL_DEFINE2(utime, char __user *, filename, long __user *, times)
{
	struct timespec64 tv[2];
	long t[2];

	if (times) {
		if (copy_from_user(t, times, sizeof(t)))
			return -EFAULT;
		tv[0].tv_sec = t[0];
		tv[0].tv_nsec = 0;
		tv[1].tv_sec = t[1];
		tv[1].tv_nsec = 0;
	}
	return do_utimes(AT_FDCWD, getname(filename), times ? tv : NULL, 0);
}
