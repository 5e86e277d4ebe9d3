/*
 * /proc/sys: each registered ctl_table entry becomes a proc entry whose
 * reads and writes call the entry's handler with a kernel buffer.
 * Writing needs CAP_SYS_ADMIN besides the file's mode (root's 0644).
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/uio.h>
#include "internal.h"

static struct proc_dir_entry *proc_sys_root;
static DEFINE_MUTEX(sysctl_register_mutex);

/* Reads and writes of one call: up to a page, as Linux's sysctls. */
#define SYSCTL_IO_MAX PAGE_SIZE

static ssize_t proc_sys_read(struct kiocb *iocb, struct iov_iter *iter)
{
	struct ctl_table *table = pde_data(file_inode(iocb->ki_filp));
	size_t count = min_t(size_t, iov_iter_count(iter), SYSCTL_IO_MAX);
	loff_t pos = iocb->ki_pos;
	char *kbuf;
	int err;

	if (!table->proc_handler)
		return -EINVAL;
	if (!count)
		return 0;
	kbuf = kzalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	err = table->proc_handler(table, 0, kbuf, &count, &pos);
	if (!err) {
		count = copy_to_iter(kbuf, count, iter);
		iocb->ki_pos += count;
	}
	kfree(kbuf);
	return err ? err : (ssize_t)count;
}

static ssize_t proc_sys_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct ctl_table *table = pde_data(file_inode(iocb->ki_filp));
	size_t count = iov_iter_count(from);
	loff_t pos = iocb->ki_pos;
	char *kbuf;
	int err;

	if (!table->proc_handler)
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (count >= SYSCTL_IO_MAX)
		return -E2BIG;
	kbuf = kzalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_iter(kbuf, count, from) != count) {
		kfree(kbuf);
		return -EFAULT;
	}
	err = table->proc_handler(table, 1, kbuf, &count, &pos);
	kfree(kbuf);
	if (err)
		return err;
	iocb->ki_pos = pos;
	return count;
}

/*
 * The mode alone decides, as Linux's sysctl test_perm: root is held to
 * the owner bits (no CAP_DAC_OVERRIDE past a read-only 0444), members
 * of group 0 to the group bits, others to the rest.
 */
static int proc_sys_permission(struct inode *inode, int mask)
{
	int mode = inode->i_mode;

	if (current_euid() == 0)
		mode >>= 6;
	else if (in_egroup_p(0))
		mode >>= 3;
	if ((mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) == 0)
		return 0;
	return -EACCES;
}

static const struct inode_operations proc_sys_inode_operations = {
	.permission = proc_sys_permission,
	.getattr = proc_getattr,
};

static const struct proc_ops proc_sys_file_operations = {
	.proc_read_iter = proc_sys_read,
	.proc_write_iter = proc_sys_write,
	.proc_lseek = default_llseek,
};

/* The directory @path under /proc/sys, made if missing. */
static struct proc_dir_entry *sysctl_mkdir_p(const char *path)
{
	struct proc_dir_entry *dir = proc_sys_root;
	char name[64];

	while (*path) {
		const char *slash = strchr(path, '/');
		struct proc_dir_entry *de;
		size_t len;

		if (!slash)
			slash = path + strlen(path);
		len = slash - path;

		if (!len || len >= sizeof(name))
			return NULL;
		memcpy(name, path, len);
		name[len] = '\0';
		down_read(&proc_subdir_sem);
		list_for_each_entry(de, &dir->subdir, subdir_node)
			if (de->namelen == len && !memcmp(de->name, name, len))
				break;
		up_read(&proc_subdir_sem);
		if (&de->subdir_node == &dir->subdir)
			de = proc_mkdir(name, dir);
		if (!de || !S_ISDIR(de->mode))
			return NULL;
		dir = de;
		path = *slash ? slash + 1 : slash;
	}
	return dir;
}

/**
 * register_sysctl - add @table's entries under /proc/sys/@path.
 * @path: "kernel", "kernel/random"...
 * @table: entries ended by one with a NULL procname; must stay alive
 *
 * Process context.  Returns a handle, or NULL (no memory, a name
 * already there).
 */
struct ctl_table_header *register_sysctl(const char *path,
					 struct ctl_table *table)
{
	struct ctl_table_header *head = kzalloc(sizeof(*head), GFP_KERNEL);
	struct proc_dir_entry *dir;
	struct ctl_table *t;

	if (!head)
		return NULL;
	head->ctl_table = table;
	mutex_lock(&sysctl_register_mutex);
	dir = sysctl_mkdir_p(path);
	for (t = table; dir && t->procname; t++) {
		struct proc_dir_entry *de =
			proc_create_data(t->procname, t->mode & S_IALLUGO, dir,
					 &proc_sys_file_operations, t);

		if (!de)
			dir = NULL;
		else
			de->proc_iops = &proc_sys_inode_operations;
	}
	mutex_unlock(&sysctl_register_mutex);
	if (!dir) {
		pr_err("sysctl: cannot register %s\n", path);
		kfree(head);
		return NULL;
	}
	return head;
}

/** proc_sys_init - make /proc/sys.  Boot. */
void __init proc_sys_init(void)
{
	proc_sys_root = proc_mkdir("sys", NULL);
}
