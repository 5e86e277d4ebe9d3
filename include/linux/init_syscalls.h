#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

/*
 * The file syscalls for kernel callers (fs/init.c): the initramfs
 * unpacker and do_mounts, working on kernel strings relative to the
 * calling task's root and cwd.  Each returns 0 or -errno, like the
 * syscall.  Unlike Linux they are not __init, so ktest can call them
 * after boot.
 */
#include <linux/types.h>
#include <linux/time64.h>

struct kstat;
struct file;

int init_mount(const char *dev_name, const char *dir_name,
	       const char *type_page, unsigned long flags, void *data_page);
int init_umount(const char *name, int flags);
int init_chdir(const char *filename);
int init_chroot(const char *filename);
int init_chown(const char *filename, uid_t user, gid_t group, int flags);
int init_chmod(const char *filename, umode_t mode);
int init_eaccess(const char *filename);
int init_stat(const char *filename, struct kstat *stat, int flags);
/* @dev in the user encoding (new_encode_dev), as cpio and mknod(2) use. */
int init_mknod(const char *filename, umode_t mode, unsigned int dev);
int init_link(const char *oldname, const char *newname);
int init_symlink(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_mkdir(const char *pathname, umode_t mode);
int init_rmdir(const char *pathname);
int init_utimes(char *filename, struct timespec64 *ts);
int init_dup(struct file *file);

#endif /* _LINUX_INIT_SYSCALLS_H */
