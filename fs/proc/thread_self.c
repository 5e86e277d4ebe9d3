/* /proc/thread-self: "<tgid>/task/<tid>" of the reader. */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include "internal.h"

static const char *proc_thread_self_get_link(struct dentry *dentry,
					     struct inode *inode,
					     void **cookie)
{
	char *name = kasprintf(GFP_KERNEL, "%d/task/%d", current->tgid,
			       current->pid);

	if (!name)
		return ERR_PTR(-ENOMEM);
	*cookie = name;
	return name;
}

static const struct inode_operations proc_thread_self_inode_operations = {
	.get_link = proc_thread_self_get_link,
};

/** proc_thread_self_init - register /proc/thread-self.  Boot. */
void __init proc_thread_self_init(void)
{
	struct proc_dir_entry *de = proc_symlink("thread-self", NULL, "");

	if (de)
		de->proc_iops = &proc_thread_self_inode_operations;
}
