/*
 * Until the VFS lands: the file system calls the initramfs unpacker
 * makes, as weak stubs that say there is no file system (-ENOSYS), so
 * populate_rootfs() parses the archive, logs and carries on.
 *
 * TODO(merge): fs/init.c and fs/open.c, fs/read_write.c define the real
 * ones; then this file goes.
 */
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>

int __weak init_mkdir(const char *pathname, umode_t mode)
{
	return -ENOSYS;
}

int __weak init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return -ENOSYS;
}

int __weak init_symlink(const char *oldname, const char *newname)
{
	return -ENOSYS;
}

int __weak init_link(const char *oldname, const char *newname)
{
	return -ENOSYS;
}

int __weak init_unlink(const char *pathname)
{
	return -ENOSYS;
}

int __weak init_rmdir(const char *pathname)
{
	return -ENOSYS;
}

int __weak init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	return -ENOSYS;
}

int __weak init_chmod(const char *filename, umode_t mode)
{
	return -ENOSYS;
}

int __weak init_utimes(char *filename, struct timespec64 *ts)
{
	return -ENOSYS;
}

struct file *__weak filp_open(const char *filename, int flags, umode_t mode)
{
	return ERR_PTR(-ENOSYS);
}

int __weak filp_close(struct file *filp, void *id)
{
	return -ENOSYS;
}

ssize_t __weak kernel_write(struct file *file, const void *buf, size_t count,
			    loff_t *pos)
{
	return -ENOSYS;
}
