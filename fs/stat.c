/*
 * stat, lstat, fstat, newfstatat and statx (fs/stat.c in Linux).
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/stat.h>
#include <uapi/linux/stat.h>
#include "internal.h"

/** generic_fillattr - a kstat straight from the inode's fields. */
void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1U << inode->i_blkbits;
	stat->blocks = inode->i_blocks;
	stat->result_mask |= STATX_BASIC_STATS;
}

/**
 * vfs_getattr - the attributes of the file @path names.
 * @path: the file
 * @stat: filled in
 * @request_mask: STATX_* wanted (filesystems may give more)
 * @query_flags: AT_STATX_* sync mode
 *
 * Returns 0 or the filesystem's error.
 */
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;
	int ret = 0;

	memset(stat, 0, sizeof(*stat));
	stat->result_mask |= STATX_BASIC_STATS;
	if (inode->i_op->getattr)
		ret = inode->i_op->getattr(path, stat, request_mask,
					   query_flags);
	else
		generic_fillattr(inode, stat);
	if (path->dentry == path->mnt->mnt_root)
		stat->attributes |= STATX_ATTR_MOUNT_ROOT;
	stat->attributes_mask |= STATX_ATTR_MOUNT_ROOT;
	if (IS_APPEND(inode))
		stat->attributes |= STATX_ATTR_APPEND;
	if (IS_IMMUTABLE(inode))
		stat->attributes |= STATX_ATTR_IMMUTABLE;
	stat->attributes_mask |= STATX_ATTR_APPEND | STATX_ATTR_IMMUTABLE;
	return ret;
}

/** vfs_fstat - attributes of the file behind @fd (O_PATH fds too). */
int vfs_fstat(int fd, struct kstat *stat)
{
	struct fd f = fdget_raw(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = vfs_getattr(&f.file->f_path, stat, STATX_BASIC_STATS, 0);
	fdput(f);
	return error;
}

/**
 * vfs_statx - stat a name.
 * @dfd: start of a relative name (or the file itself with AT_EMPTY_PATH)
 * @filename: the name (not consumed)
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT,
 *	AT_STATX_*
 * @stat: the result
 * @request_mask: STATX_* wanted
 *
 * Returns 0, -EINVAL (unknown flags), or the lookup error.
 */
int vfs_statx(int dfd, struct filename *filename, int flags, struct kstat *stat,
	      u32 request_mask)
{
	unsigned int lookup_flags = 0;
	struct path path;
	int error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (!(flags & AT_SYMLINK_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = filename_lookup(dfd, filename, lookup_flags, &path, NULL);
	if (error)
		return error;
	error = vfs_getattr(&path, stat, request_mask,
			    flags & AT_STATX_SYNC_TYPE);
	path_put(&path);
	return error;
}

/** vfs_fstatat - vfs_statx() of a kernel string with STATX_BASIC_STATS. */
int vfs_fstatat(int dfd, const char *filename, struct kstat *stat, int flags)
{
	struct filename *name = getname_kernel(filename);
	int ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = vfs_statx(dfd, name, flags, stat, STATX_BASIC_STATS);
	putname(name);
	return ret;
}

/** do_statx_kern - vfs_statx() consuming @filename (init_stat, tests). */
int do_statx_kern(int dfd, struct filename *filename, unsigned int flags,
		  unsigned int mask, struct kstat *stat)
{
	int ret;

	if (IS_ERR(filename))
		return PTR_ERR(filename);
	ret = vfs_statx(dfd, filename, flags, stat, mask);
	putname(filename);
	return ret;
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	tmp.st_blocks = stat->blocks;
	tmp.st_blksize = stat->blksize;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static int user_fstatat(int dfd, const char __user *filename,
			struct stat __user *statbuf, int flags)
{
	int lf = (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0;
	struct kstat stat;
	int error;

	error = do_statx_kern(dfd, getname_flags(filename, lf, NULL), flags,
			      STATX_BASIC_STATS, &stat);
	if (error)
		return error;
	return cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *,
		statbuf)
{
	return user_fstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *,
		statbuf)
{
	return user_fstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return user_fstatat(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int error = vfs_fstat(fd, &stat);

	if (error)
		return error;
	return cp_new_stat(&stat, statbuf);
}

static int cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = stat->result_mask & STATX_BASIC_STATS;
	tmp.stx_blksize = stat->blksize;
	tmp.stx_attributes = stat->attributes;
	tmp.stx_nlink = stat->nlink;
	tmp.stx_uid = stat->uid;
	tmp.stx_gid = stat->gid;
	tmp.stx_mode = stat->mode;
	tmp.stx_ino = stat->ino;
	tmp.stx_size = stat->size;
	tmp.stx_blocks = stat->blocks;
	tmp.stx_attributes_mask = stat->attributes_mask;
	tmp.stx_atime.tv_sec = stat->atime.tv_sec;
	tmp.stx_atime.tv_nsec = stat->atime.tv_nsec;
	tmp.stx_mtime.tv_sec = stat->mtime.tv_sec;
	tmp.stx_mtime.tv_nsec = stat->mtime.tv_nsec;
	tmp.stx_ctime.tv_sec = stat->ctime.tv_sec;
	tmp.stx_ctime.tv_nsec = stat->ctime.tv_nsec;
	tmp.stx_rdev_major = MAJOR(stat->rdev);
	tmp.stx_rdev_minor = MINOR(stat->rdev);
	tmp.stx_dev_major = MAJOR(stat->dev);
	tmp.stx_dev_minor = MINOR(stat->dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int,
		flags, unsigned int, mask, struct statx __user *, buffer)
{
	int lf = (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0;
	struct kstat stat;
	int error;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	error = do_statx_kern(dfd, getname_flags(filename, lf, NULL), flags,
			      mask, &stat);
	if (error)
		return error;
	return cp_statx(&stat, buffer);
}
