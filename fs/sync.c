/*
 * sync, syncfs, fsync, fdatasync.  Our filesystems live in memory, so
 * these mostly reach ->sync_fs/->fsync hooks that have nothing to do;
 * the interfaces are here for the disk filesystems to come.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include "internal.h"

static void sync_one_sb(struct super_block *sb, void *arg)
{
	if (!(sb->s_flags & SB_RDONLY))
		sync_filesystem(sb);
}

/** ksys_sync - write everything out (sync(2)). */
void ksys_sync(void)
{
	iterate_supers(sync_one_sb, NULL);
}

SYSCALL_DEFINE0(sync)
{
	ksys_sync();
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct fd f = fdget(fd);
	int ret;

	if (!f.file)
		return -EBADF;
	ret = sync_filesystem(f.file->f_path.dentry->d_sb);
	fdput(f);
	return ret;
}

/**
 * vfs_fsync_range - ->fsync of [@start, @end].
 * Returns its result, or -EINVAL if the file cannot be synced.
 */
int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, datasync);
}

/** vfs_fsync - vfs_fsync_range() of the whole file. */
int vfs_fsync(struct file *file, int datasync)
{
	return vfs_fsync_range(file, 0, MAX_LFS_FILESIZE, datasync);
}

static int do_fsync(unsigned int fd, int datasync)
{
	struct fd f = fdget(fd);
	int ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_fsync(f.file, datasync);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}
