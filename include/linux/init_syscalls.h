#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

#include <linux/types.h>
#include <linux/time64.h>

/*
 * The file system calls the kernel makes for itself while booting
 * (fs/init.c): the initramfs unpacker and the code that mounts the
 * root.  Each works like the system call of the same name, relative to
 * the caller's root and working directory, on kernel-space strings,
 * and returns 0 or a negative errno.  Process context; may sleep.
 *
 * init_mknod() takes @dev in new_encode_dev() form, as mknod(2) does;
 * init_chown() takes AT_SYMLINK_NOFOLLOW in @flags (lchown);
 * init_utimes() takes two times, access and modification.
 */
int init_mkdir(const char *pathname, umode_t mode);
int init_mknod(const char *filename, umode_t mode, unsigned int dev);
int init_symlink(const char *oldname, const char *newname);
int init_link(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_rmdir(const char *pathname);
int init_chown(const char *filename, uid_t user, gid_t group, int flags);
int init_chmod(const char *filename, umode_t mode);
int init_utimes(char *filename, struct timespec64 *ts);

#endif /* _LINUX_INIT_SYSCALLS_H */
