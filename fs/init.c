/*
 * The file syscalls for kernel callers (linux/init_syscalls.h): the
 * initramfs unpacker and do_mounts run them on kernel strings, in the
 * calling task's root and cwd.
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <uapi/linux/stat.h>
#include "internal.h"

/** init_mount - mount(2). */
int init_mount(const char *dev_name, const char *dir_name,
	       const char *type_page, unsigned long flags, void *data_page)
{
	return do_mount(dev_name, dir_name, type_page, flags, data_page);
}

/** init_umount - umount2(2). */
int init_umount(const char *name, int flags)
{
	return do_umount_path(name, flags);
}

/** init_chdir - chdir(2). */
int init_chdir(const char *filename)
{
	return set_fs_path_common(getname_kernel(filename), 0);
}

/** init_chroot - chroot(2). */
int init_chroot(const char *filename)
{
	return set_fs_path_common(getname_kernel(filename), 1);
}

/** init_chown - fchownat(AT_FDCWD, ...): @flags AT_SYMLINK_NOFOLLOW. */
int init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	return do_fchownat(AT_FDCWD, getname_kernel(filename), user, group,
			   flags);
}

/** init_chmod - chmod(2). */
int init_chmod(const char *filename, umode_t mode)
{
	return do_fchmodat(AT_FDCWD, getname_kernel(filename), mode);
}

/** init_eaccess - may current (effective ids) execute @filename? */
int init_eaccess(const char *filename)
{
	return do_faccessat(AT_FDCWD, getname_kernel(filename), MAY_EXEC,
			    AT_EACCESS);
}

/** init_stat - fstatat(2) into a kstat. */
int init_stat(const char *filename, struct kstat *stat, int flags)
{
	return do_statx_kern(AT_FDCWD, getname_kernel(filename), flags,
			     STATX_BASIC_STATS, stat);
}

/** init_mknod - mknod(2); @dev in the user encoding. */
int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return do_mknodat(AT_FDCWD, getname_kernel(filename), mode, dev);
}

/** init_link - link(2). */
int init_link(const char *oldname, const char *newname)
{
	return do_linkat(AT_FDCWD, getname_kernel(oldname), AT_FDCWD,
			 getname_kernel(newname), 0);
}

/** init_symlink - symlink(2). */
int init_symlink(const char *oldname, const char *newname)
{
	return do_symlinkat(getname_kernel(oldname), AT_FDCWD,
			    getname_kernel(newname));
}

/** init_unlink - unlink(2). */
int init_unlink(const char *pathname)
{
	return do_unlinkat(AT_FDCWD, getname_kernel(pathname));
}

/** init_mkdir - mkdir(2). */
int init_mkdir(const char *pathname, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, getname_kernel(pathname), mode);
}

/** init_rmdir - rmdir(2). */
int init_rmdir(const char *pathname)
{
	return do_rmdir(AT_FDCWD, getname_kernel(pathname));
}

/** init_utimes - utimes(2) with nanosecond @ts[2] (atime, mtime). */
int init_utimes(char *filename, struct timespec64 *ts)
{
	return do_utimes(AT_FDCWD, getname_kernel(filename), ts, 0);
}

/** init_dup - install @file at the lowest free fd (dup(2) of it). */
int init_dup(struct file *file)
{
	int fd = get_unused_fd_flags(0);

	if (fd < 0)
		return fd;
	fd_install(fd, get_file(file));
	return 0;
}
