/*
 * /proc/self: a symlink whose body is the reader's own process id, so
 * "/proc/self/status" is always the caller's.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include "internal.h"

static const char *proc_self_get_link(struct dentry *dentry,
				      struct inode *inode, void **cookie)
{
	char *name = kasprintf(GFP_KERNEL, "%d", current->tgid);

	if (!name)
		return ERR_PTR(-ENOMEM);
	*cookie = name;
	return name;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

/** proc_self_init - register /proc/self.  Boot. */
void __init proc_self_init(void)
{
	struct proc_dir_entry *de = proc_symlink("self", NULL, "");

	if (de)
		de->proc_iops = &proc_self_inode_operations;
}
