/* The sysfs filesystem type: every mount shows the one kernfs tree. */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sysfs.h>
#include "sysfs.h"

struct kernfs_node *sysfs_root_kn;

static int sysfs_fill_super(struct super_block *sb, void *data, int silent)
{
	return kernfs_fill_super(sb, sysfs_root_kn, SYSFS_MAGIC);
}

static struct dentry *sysfs_mount(struct file_system_type *fs_type,
				  int flags, const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, sysfs_fill_super);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
	.kill_sb = kill_anon_super,
};

/** sysfs_init - the root of /sys and the filesystem type.  Boot. */
void __init sysfs_init(void)
{
	sysfs_root_kn = kernfs_create_root();
	BUG_ON(!sysfs_root_kn);
	if (register_filesystem(&sysfs_fs_type))
		pr_err("sysfs: cannot register the filesystem\n");
}
