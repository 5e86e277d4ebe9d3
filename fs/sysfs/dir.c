/* sysfs directories: one per kobject in sysfs, under its parent's. */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include "sysfs.h"

/**
 * sysfs_create_dir_ns - make @kobj's directory under its parent's (or
 * the root).  Returns 0, -EEXIST, -ENOENT or -ENOMEM.
 */
int sysfs_create_dir_ns(struct kobject *kobj, const void *ns)
{
	struct kernfs_node *parent, *kn;

	parent = kobj->parent ? kobj->parent->sd : sysfs_root_kn;
	if (!parent)
		return -ENOENT;
	kn = kernfs_create_dir(parent, kobject_name(kobj), 0755, kobj);
	if (IS_ERR(kn))
		return PTR_ERR(kn);
	kobj->sd = kn;
	return 0;
}

/** sysfs_remove_dir - remove @kobj's directory and all in it. */
void sysfs_remove_dir(struct kobject *kobj)
{
	struct kernfs_node *kn = kobj->sd;

	kobj->sd = NULL;
	kernfs_remove(kn);
}
