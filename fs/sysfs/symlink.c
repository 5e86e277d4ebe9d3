/* sysfs links between kobjects: /sys/class/tty/ttyS0 -> ../../devices/... */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include "sysfs.h"

/**
 * sysfs_create_link - @name in @kobj's directory (the root if NULL)
 * pointing at @target's.  Returns 0 or -errno.
 */
int sysfs_create_link(struct kobject *kobj, struct kobject *target,
		      const char *name)
{
	struct kernfs_node *parent = kobj ? kobj->sd : sysfs_root_kn;
	struct kernfs_node *kn;

	if (!parent || !target->sd)
		return -ENOENT;
	kn = kernfs_create_link(parent, name, target->sd);
	return IS_ERR(kn) ? PTR_ERR(kn) : 0;
}

/** sysfs_remove_link - remove the link @name of @kobj's directory. */
void sysfs_remove_link(struct kobject *kobj, const char *name)
{
	struct kernfs_node *parent = kobj ? kobj->sd : sysfs_root_kn;

	if (parent)
		kernfs_remove_by_name(parent, name);
}
