/*
 * TODO(merge): weak stand-ins for functions other parts of the kernel
 * provide, so drivers/char and drivers/tty link and can be tested
 * before those parts are merged.  Each real definition overrides its
 * stub; delete a stub once its owner is in.
 */
#include <linux/cdev.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/err.h>

/* TODO(merge): these three come from <linux/file.h> (the VFS's). */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);

/* TODO(merge): the VFS's devtmpfs (fs/) creates /dev/@name. */
__weak int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	return 0;
}

/* TODO(merge): devtmpfs: remove /dev/@name (ptys, misc_deregister). */
__weak int devtmpfs_delete_node(const char *name)
{
	return 0;
}

/* TODO(merge): kernel/signal.c: send @sig to every process in @pgrp. */
__weak int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return -ESRCH;
}

/* TODO(merge): kernel/signal.c. */
__weak int send_sig(int sig, struct task_struct *p, int priv)
{
	return -ESRCH;
}

/* TODO(merge): kernel/signal.c or exit.c: POSIX orphaned process group. */
__weak bool is_current_pgrp_orphaned(void)
{
	return false;
}

/* TODO(merge): kernel/signal.c: @sig blocked or SIG_IGN for current. */
__weak bool is_ignored(int sig)
{
	return false;
}

/* TODO(merge): fs/file.c: fd allocation for TIOCGPTPEER. */
__weak int get_unused_fd_flags(unsigned int flags)
{
	return -EMFILE;
}

__weak void put_unused_fd(unsigned int fd)
{
}

__weak void fd_install(unsigned int fd, struct file *file)
{
}

/* TODO(merge): fs/open.c: open a path from the kernel (TIOCGPTPEER). */
__weak struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return ERR_PTR(-ENOSYS);
}
