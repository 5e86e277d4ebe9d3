/*
 * /proc/kmsg: the kernel log for one reader (klogd), which consumes
 * what it reads; do_syslog() checks the caller may (CAP_SYSLOG or
 * CAP_SYS_ADMIN), and the file is root's, mode 0400.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>

static int kmsg_open(struct inode *inode, struct file *file)
{
	return do_syslog(SYSLOG_ACTION_OPEN, NULL, 0, SYSLOG_FROM_PROC);
}

static int kmsg_release(struct inode *inode, struct file *file)
{
	do_syslog(SYSLOG_ACTION_CLOSE, NULL, 0, SYSLOG_FROM_PROC);
	return 0;
}

static ssize_t kmsg_read(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	if ((file->f_flags & O_NONBLOCK) &&
	    !do_syslog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0, SYSLOG_FROM_PROC))
		return -EAGAIN;
	return do_syslog(SYSLOG_ACTION_READ, buf, min_t(size_t, count, INT_MAX),
			 SYSLOG_FROM_PROC);
}

static const struct proc_ops kmsg_proc_ops = {
	.proc_flags = PROC_ENTRY_PERMANENT,
	.proc_read = kmsg_read,
	.proc_open = kmsg_open,
	.proc_release = kmsg_release,
	.proc_lseek = generic_file_llseek,
};

static int __init proc_kmsg_init(void)
{
	proc_create("kmsg", 0400, NULL, &kmsg_proc_ops);
	return 0;
}
fs_initcall(proc_kmsg_init);
