#ifndef _FS_VFS_TEST_H
#define _FS_VFS_TEST_H

/*
 * Helpers for the VFS ktest suites: each case runs in a private
 * fs_struct and fd table, inside a fresh tmpfs mounted on a directory
 * of rootfs, and leaves nothing behind (the run ends with a page and
 * slab leak check).  The t_*() wrappers call the syscalls' kernel
 * bodies with kernel strings and buffers.
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include <ktest/test.h>
#include "internal.h"

struct vfs_test_env {
	struct fs_struct *saved_fs;
	struct files_struct *saved_files;
	const struct cred *saved_cred;
	char dir[32];
};

static struct vfs_test_env vfs_env;

static inline int t_open(const char *path, int flags, umode_t mode)
{
	return do_sys_openat_kernel(AT_FDCWD, getname_kernel(path), flags,
				    mode);
}

static inline int t_openat(int dfd, const char *path, int flags, umode_t mode)
{
	return do_sys_openat_kernel(dfd, getname_kernel(path), flags, mode);
}

static inline int t_close(int fd)
{
	return close_fd(fd);
}

/* read/write at the file position, as read(2)/write(2) do. */
static inline ssize_t t_rw(int fd, void *buf, size_t n, bool write)
{
	struct fd f = fdget_pos(fd);
	ssize_t ret;

	if (!f.file)
		return -EBADF;
	if (write)
		ret = kernel_write(f.file, buf, n, &f.file->f_pos);
	else
		ret = kernel_read(f.file, buf, n, &f.file->f_pos);
	fdput_pos(f);
	return ret;
}

static inline ssize_t t_read(int fd, void *buf, size_t n)
{
	return t_rw(fd, buf, n, false);
}

static inline ssize_t t_write(int fd, const void *buf, size_t n)
{
	return t_rw(fd, (void *)buf, n, true);
}

static inline ssize_t t_pread(int fd, void *buf, size_t n, loff_t pos)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = kernel_read(f, buf, n, &pos);
	fput(f);
	return ret;
}

static inline loff_t t_lseek(int fd, loff_t off, int whence)
{
	struct fd f = fdget_pos(fd);
	loff_t ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_llseek(f.file, off, whence);
	fdput_pos(f);
	return ret;
}

static inline int t_mkdir(const char *path, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, getname_kernel(path), mode);
}

static inline int t_rmdir(const char *path)
{
	return do_rmdir(AT_FDCWD, getname_kernel(path));
}

static inline int t_unlink(const char *path)
{
	return do_unlinkat(AT_FDCWD, getname_kernel(path));
}

static inline int t_rename(const char *from, const char *to, unsigned int flags)
{
	return do_renameat2(AT_FDCWD, getname_kernel(from), AT_FDCWD,
			    getname_kernel(to), flags);
}

static inline int t_link(const char *from, const char *to)
{
	return do_linkat(AT_FDCWD, getname_kernel(from), AT_FDCWD,
			 getname_kernel(to), 0);
}

static inline int t_symlink(const char *target, const char *path)
{
	return do_symlinkat(getname_kernel(target), AT_FDCWD,
			    getname_kernel(path));
}

static inline int t_stat(const char *path, struct kstat *st)
{
	return vfs_fstatat(AT_FDCWD, path, st, 0);
}

static inline int t_lstat(const char *path, struct kstat *st)
{
	return vfs_fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

/* Write @s to a new file @path. */
static inline int t_mkfile(const char *path, const char *s)
{
	int fd = t_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = t_write(fd, s, strlen(s));
	t_close(fd);
	return n < 0 ? n : 0;
}

static inline int t_chdir(const char *path)
{
	return set_fs_path_common(getname_kernel(path), 0);
}

/* Act as uid/gid 1000 with no capabilities until vfs_test_exit(). */
static inline void vfs_test_become_user(struct ktest *test)
{
	struct cred *c = prepare_creds();

	KTEST_ASSERT_NOT_NULL(test, c);
	vfs_env.saved_cred = get_cred(current->cred);
	c->uid = c->euid = c->suid = c->fsuid = 1000;
	c->gid = c->egid = c->sgid = c->fsgid = 1000;
	c->cap_effective = CAP_EMPTY_SET;
	c->cap_permitted = CAP_EMPTY_SET;
	commit_creds(c);
}

/*
 * Private fs_struct and files, a tmpfs mounted at /ktest-vfs (with
 * @opts), and the cwd there.
 */
static inline int vfs_test_enter(struct ktest *test, const char *opts)
{
	int err, n;

	vfs_env.saved_cred = NULL;
	vfs_env.saved_fs = current->fs;
	current->fs = copy_fs_struct(vfs_env.saved_fs);
	if (!current->fs) {
		current->fs = vfs_env.saved_fs;
		return -ENOMEM;
	}
	current->fs->umask = 022;
	vfs_env.saved_files = current->files;
	current->files = dup_fd(vfs_env.saved_files, &n);
	if (!current->files) {
		current->files = vfs_env.saved_files;
		return n;
	}
	strscpy(vfs_env.dir, "/ktest-vfs", sizeof(vfs_env.dir));
	err = init_mkdir(vfs_env.dir, 0755);
	if (!err)
		err = init_mount("tmpfs", vfs_env.dir, "tmpfs", 0,
				 (void *)opts);
	if (!err)
		err = t_chdir(vfs_env.dir);
	return err;
}

static inline void vfs_test_exit(struct ktest *test)
{
	struct fs_struct *fs = current->fs;
	struct files_struct *files = current->files;
	int err;

	if (vfs_env.saved_cred)
		commit_creds((struct cred *)vfs_env.saved_cred);
	vfs_env.saved_cred = NULL;
	t_chdir("/");
	current->files = vfs_env.saved_files;
	put_files_struct(files);
	err = init_umount(vfs_env.dir, 0);
	if (err)
		ktest_fail(test, __FILE__, __LINE__,
			   "unmounting the test tmpfs: %d", err);
	init_rmdir(vfs_env.dir);
	current->fs = vfs_env.saved_fs;
	free_fs_struct(fs);
}

#endif /* _FS_VFS_TEST_H */
