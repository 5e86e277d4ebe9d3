/*
 * statfs(2) and fstatfs(2): the filesystem's numbers (->statfs) and the
 * mount's flags as ST_*.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/stat.h>
#include "internal.h"

static long calculate_f_flags(const struct vfsmount *mnt)
{
	long flags = ST_VALID;
	int m = mnt->mnt_flags;

	if (__mnt_is_readonly(mnt))
		flags |= ST_RDONLY;
	if (m & MNT_NOSUID)
		flags |= ST_NOSUID;
	if (m & MNT_NODEV)
		flags |= ST_NODEV;
	if (m & MNT_NOEXEC)
		flags |= ST_NOEXEC;
	if (m & MNT_NOATIME)
		flags |= ST_NOATIME;
	if (m & MNT_NODIRATIME)
		flags |= ST_NODIRATIME;
	if (m & MNT_RELATIME)
		flags |= ST_RELATIME;
	if (mnt->mnt_sb->s_flags & SB_SYNCHRONOUS)
		flags |= ST_SYNCHRONOUS;
	return flags;
}

/**
 * vfs_statfs - the numbers of the filesystem @path is on.
 * Returns 0, -ENOSYS (the filesystem has no ->statfs), or its error.
 */
int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int error;

	memset(buf, 0, sizeof(*buf));
	if (!sb->s_op || !sb->s_op->statfs)
		return -ENOSYS;
	error = sb->s_op->statfs(path->dentry, buf);
	if (error)
		return error;
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = calculate_f_flags(path->mnt);
	return 0;
}

/** user_statfs_kern - statfs(2) of a kernel path name. */
int user_statfs_kern(const char *pathname, struct kstatfs *st)
{
	struct path path;
	int error = kern_path(pathname, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	error = vfs_statfs(&path, st);
	path_put(&path);
	return error;
}

/** fd_statfs - fstatfs(2). */
int fd_statfs(int fd, struct kstatfs *st)
{
	struct fd f = fdget_raw(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = vfs_statfs(&f.file->f_path, st);
	fdput(f);
	return error;
}

static int do_statfs_native(const struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_fsid.val[0] = st->f_fsid.val[0];
	buf.f_fsid.val[1] = st->f_fsid.val[1];
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *,
		buf)
{
	struct kstatfs st;
	struct path path;
	int error;

	error = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (error)
		return error;
	error = vfs_statfs(&path, &st);
	path_put(&path);
	if (!error)
		error = do_statfs_native(&st, buf);
	return error;
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct kstatfs st;
	int error = fd_statfs(fd, &st);

	if (!error)
		error = do_statfs_native(&st, buf);
	return error;
}
