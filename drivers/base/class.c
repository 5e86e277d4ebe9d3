/* Device classes: /sys/class/<name>, with a link per member device. */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include "base.h"

DEFINE_MUTEX(class_mutex);
static struct kset *class_kset;

/**
 * class_register - show @cls as /sys/class/<name>.
 * Process context.  Returns 0 or -errno.
 */
int class_register(struct class *cls)
{
	if (!class_kset)
		return -ENODEV;
	INIT_LIST_HEAD(&cls->devices);
	cls->p = kset_create_and_add(cls->name, &class_kset->kobj);
	return cls->p ? 0 : -ENOMEM;
}

void class_unregister(struct class *cls)
{
	kobject_put(cls->virtual_dir);
	cls->virtual_dir = NULL;
	kset_unregister(cls->p);
	cls->p = NULL;
}

/** class_create - a new class @name.  Returns it or an ERR_PTR. */
struct class *class_create(const char *name)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
	int err;

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	err = class_register(cls);
	if (err) {
		kfree(cls);
		return ERR_PTR(err);
	}
	/*
	 * Its /sys/devices/virtual/<name> directory now rather than with
	 * the first device: it stays until class_destroy(), so making it
	 * on first use would leave it behind a device that came and went.
	 */
	class_virtual_dir(cls);
	return cls;
}

void class_destroy(struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	class_unregister(cls);
	kfree(cls);
}

/** class_find_device_by_devt - @cls's device @devt, referenced, or NULL. */
struct device *class_find_device_by_devt(struct class *cls, dev_t devt)
{
	struct device *dev, *found = NULL;

	if (IS_ERR_OR_NULL(cls) || !cls->p)
		return NULL;
	mutex_lock(&class_mutex);
	list_for_each_entry(dev, &cls->devices, class_node)
		if (dev->devt == devt) {
			found = get_device(dev);
			break;
		}
	mutex_unlock(&class_mutex);
	return found;
}

/** classes_init - /sys/class.  Boot. */
int __init classes_init(void)
{
	class_kset = kset_create_and_add("class", NULL);
	return class_kset ? 0 : -ENOMEM;
}
