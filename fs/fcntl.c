/*
 * fcntl(2): descriptor flags, file status flags, duplication and POSIX
 * record locks.
 */
#include <linux/capability.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/* The status flags F_SETFL may change; the others are fixed at open. */
#define SETFL_MASK \
	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME | FASYNC)

static int setfl(int fd, struct file *filp, unsigned int arg)
{
	struct inode *inode = file_inode(filp);
	int error;

	/* Append-only files stay append-only. */
	if (IS_APPEND(inode) && !(arg & O_APPEND))
		return -EPERM;
	if ((arg & O_NOATIME) && !(filp->f_flags & O_NOATIME) &&
	    !inode_owner_or_capable(inode))
		return -EPERM;
	if (arg & O_DIRECT)
		return -EINVAL; /* no direct I/O on our filesystems */
	if (((arg ^ filp->f_flags) & FASYNC) && filp->f_op->fasync) {
		error = filp->f_op->fasync(fd, filp, (arg & FASYNC) != 0);
		if (error < 0)
			return error;
	}
	spin_lock(&filp->f_lock);
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	spin_unlock(&filp->f_lock);
	return 0;
}

/* Hook for the pipe code: F_GETPIPE_SZ/F_SETPIPE_SZ on a pipe. */
long __weak pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	return -EINVAL;
}

static long fcntl_lock_user(unsigned int fd, struct file *filp,
			    unsigned int cmd, struct flock __user *argp)
{
	struct flock flock;
	int err;

	if (copy_from_user(&flock, argp, sizeof(flock)))
		return -EFAULT;
	if (cmd == F_GETLK) {
		err = fcntl_getlk(filp, cmd, &flock);
		if (!err && copy_to_user(argp, &flock, sizeof(flock)))
			err = -EFAULT;
		return err;
	}
	return fcntl_setlk(fd, filp, cmd, &flock);
}

/**
 * do_fcntl - the commands of fcntl(2) on an open file.
 * @fd: the descriptor
 * @cmd: F_*
 * @arg: its argument (a user pointer for the lock commands)
 * @filp: the file
 *
 * Returns the command's result or -EINVAL for commands we do not have.
 */
long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(fd, filp, arg);
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return fcntl_lock_user(fd, filp, cmd,
				       (struct flock __user *)arg);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(filp, cmd, arg);
	default:
		pr_warn_once("fcntl: command %u is not supported\n", cmd);
		return -EINVAL;
	}
}

/* O_PATH descriptors only know these. */
static bool check_fcntl_cmd(unsigned int cmd)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_GETFD:
	case F_SETFD:
	case F_GETFL:
		return true;
	}
	return false;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct fd f = fdget_raw(fd);
	long err = -EBADF;

	if (!f.file)
		return err;
	if ((f.file->f_mode & FMODE_PATH) && !check_fcntl_cmd(cmd))
		goto out;
	err = do_fcntl(fd, cmd, arg, f.file);
out:
	fdput(f);
	return err;
}
