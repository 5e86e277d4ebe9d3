/*
 * ioctl(2): the generic requests every file understands, then the
 * file's own ->unlocked_ioctl.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm-generic/ioctls.h>
#include "internal.h"

/**
 * vfs_ioctl - the file's own ioctl.
 *
 * Returns its result, or -ENOTTY if it has none or does not know @cmd.
 */
int vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long error;

	if (!filp->f_op->unlocked_ioctl)
		return -ENOTTY;
	error = filp->f_op->unlocked_ioctl(filp, cmd, arg);
	if (error == -ENOIOCTLCMD)
		error = -ENOTTY;
	return error;
}

static int ioctl_fionbio(struct file *filp, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	spin_lock(&filp->f_lock);
	if (on)
		filp->f_flags |= O_NONBLOCK;
	else
		filp->f_flags &= ~O_NONBLOCK;
	spin_unlock(&filp->f_lock);
	return 0;
}

static int ioctl_fioasync(unsigned int fd, struct file *filp, int __user *argp)
{
	unsigned int flag;
	int on, error = 0;

	if (get_user(on, argp))
		return -EFAULT;
	flag = on ? FASYNC : 0;
	if ((flag ^ filp->f_flags) & FASYNC) {
		if (!filp->f_op->fasync)
			return -ENOTTY;
		error = filp->f_op->fasync(fd, filp, on);
	}
	if (error < 0)
		return error;
	spin_lock(&filp->f_lock);
	filp->f_flags = (filp->f_flags & ~FASYNC) | flag;
	spin_unlock(&filp->f_lock);
	return 0;
}

/* The requests the VFS answers itself; -ENOIOCTLCMD for the rest. */
static int do_vfs_ioctl(struct file *filp, unsigned int fd, unsigned int cmd,
			unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct inode *inode = file_inode(filp);

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		return 0;
	case FIONBIO:
		return ioctl_fionbio(filp, argp);
	case FIOASYNC:
		return ioctl_fioasync(fd, filp, argp);
	case FIOQSIZE:
		if (S_ISDIR(inode->i_mode) || S_ISREG(inode->i_mode) ||
		    S_ISLNK(inode->i_mode))
			return put_user(i_size_read(inode),
					(loff_t __user *)argp) ?
				       -EFAULT :
				       0;
		return -ENOTTY;
	case FIONREAD:
		if (!S_ISREG(inode->i_mode))
			return -ENOIOCTLCMD;
		return put_user((int)min_t(loff_t, INT_MAX,
					   i_size_read(inode) - filp->f_pos),
				(int __user *)argp) ?
			       -EFAULT :
			       0;
	}
	return -ENOIOCTLCMD;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct fd f = fdget(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = do_vfs_ioctl(f.file, fd, cmd, arg);
	if (error == -ENOIOCTLCMD)
		error = vfs_ioctl(f.file, cmd, arg);
	fdput(f);
	return error;
}
