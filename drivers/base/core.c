/*
 * Devices: each a kobject under /sys/devices (its parent's directory,
 * or /sys/devices/virtual/<class>/ for a class device without one),
 * with "dev" and "uevent" files, a "subsystem" link to its class and
 * the class's link back to it.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <stdarg.h>
#include "base.h"

struct kset *devices_kset;
static struct kobject *virtual_kobj;

#define to_dev_attr(a) container_of(a, struct device_attribute, attr)

static ssize_t dev_attr_show(struct kobject *kobj, struct attribute *attr,
			     char *buf)
{
	struct device_attribute *da = to_dev_attr(attr);

	return da->show ? da->show(kobj_to_dev(kobj), da, buf) : -EIO;
}

static ssize_t dev_attr_store(struct kobject *kobj, struct attribute *attr,
			      const char *buf, size_t count)
{
	struct device_attribute *da = to_dev_attr(attr);

	return da->store ? da->store(kobj_to_dev(kobj), da, buf, count) : -EIO;
}

static const struct sysfs_ops dev_sysfs_ops = {
	.show = dev_attr_show,
	.store = dev_attr_store,
};

static void device_release(struct kobject *kobj)
{
	struct device *dev = kobj_to_dev(kobj);

	if (dev->release)
		dev->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		WARN(1, "device '%s' has no release()\n", dev_name(dev));
}

static const struct kobj_type device_ktype = {
	.release = device_release,
	.sysfs_ops = &dev_sysfs_ops,
};

/* "8:1" */
static ssize_t dev_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	return sysfs_emit(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}
static struct device_attribute dev_attr_dev = __ATTR_RO(dev);

/* What a hotplug event of the device would carry. */
static ssize_t uevent_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	char name[64];
	char *p;
	int len = 0;

	if (dev->devt) {
		strscpy(name, dev_name(dev), sizeof(name));
		for (p = name; (p = strchr(p, '!')) != NULL;)
			*p = '/';
		len = sysfs_emit(buf, "MAJOR=%u\nMINOR=%u\nDEVNAME=%s\n",
				 MAJOR(dev->devt), MINOR(dev->devt), name);
	}
	return len;
}

/* Writing "add" or "change" would replay the event: nobody listens yet. */
static ssize_t uevent_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	return count;
}
static struct device_attribute dev_attr_uevent = __ATTR_RW(uevent);

/** device_initialize - set @dev up (zeroed) with one reference. */
void device_initialize(struct device *dev)
{
	dev->kobj.kset = devices_kset;
	kobject_init(&dev->kobj, &device_ktype);
	INIT_LIST_HEAD(&dev->class_node);
}

/** dev_set_name - name @dev (printf-style).  0 or -ENOMEM. */
int dev_set_name(struct device *dev, const char *fmt, ...)
{
	char name[64];
	va_list args;

	va_start(args, fmt);
	vsnprintf(name, sizeof(name), fmt, args);
	va_end(args);
	return kobject_set_name(&dev->kobj, "%s", name);
}

static struct kobject *device_parent_kobj(struct device *dev)
{
	if (dev->parent)
		return &dev->parent->kobj;
	if (dev->class)
		return class_virtual_dir(dev->class);
	return NULL; /* the kset: /sys/devices */
}

static int device_add_class_symlinks(struct device *dev)
{
	int err;

	if (!dev->class)
		return 0;
	err = sysfs_create_link(&dev->kobj, &dev->class->p->kobj, "subsystem");
	if (!err)
		err = sysfs_create_link(&dev->class->p->kobj, &dev->kobj,
					dev_name(dev));
	return err;
}

/**
 * device_add - show @dev (initialized and named) in sysfs.
 *
 * Process context.  Returns 0 or -errno (-EEXIST for a name in use).
 */
int device_add(struct device *dev)
{
	struct kobject *parent;
	int err;

	if (!devices_kset)
		return -ENODEV; /* before driver_init() */
	parent = device_parent_kobj(dev);
	if (dev->class && !parent)
		return -ENOMEM;
	dev->kobj.parent = parent;
	err = kobject_add(&dev->kobj, parent, "%s", dev_name(dev));
	if (err)
		return err;
	err = device_create_file(dev, &dev_attr_uevent);
	if (!err && dev->devt)
		err = device_create_file(dev, &dev_attr_dev);
	if (!err)
		err = device_add_class_symlinks(dev);
	if (!err && dev->class && dev->class->dev_groups)
		err = sysfs_create_groups(&dev->kobj, dev->class->dev_groups);
	if (!err && dev->groups)
		err = sysfs_create_groups(&dev->kobj, dev->groups);
	if (err) {
		device_del(dev);
		return err;
	}
	if (dev->class) {
		mutex_lock(&class_mutex);
		list_add_tail(&dev->class_node, &dev->class->devices);
		mutex_unlock(&class_mutex);
	}
	return 0;
}

/** device_register - device_initialize() and device_add(). */
int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

/** device_del - take @dev out of sysfs and its class. */
void device_del(struct device *dev)
{
	if (dev->class) {
		mutex_lock(&class_mutex);
		list_del_init(&dev->class_node);
		mutex_unlock(&class_mutex);
		sysfs_remove_link(&dev->class->p->kobj, dev_name(dev));
	}
	kobject_del(&dev->kobj);
}

struct device *get_device(struct device *dev)
{
	if (dev)
		kobject_get(&dev->kobj);
	return dev;
}

void put_device(struct device *dev)
{
	if (dev)
		kobject_put(&dev->kobj);
}

/** device_unregister - device_del() and drop the caller's reference. */
void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

/** device_create_file - @attr's file in @dev's directory. */
int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	return sysfs_create_file(&dev->kobj, &attr->attr);
}

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	sysfs_remove_file(&dev->kobj, &attr->attr);
}

static void device_create_release(struct device *dev)
{
	kfree(dev);
}

/**
 * device_create - a device of @cls with number @devt, named by @fmt.
 * @parent: its parent device, or NULL (/sys/devices/virtual/<class>)
 * @drvdata: for dev_get_drvdata()
 *
 * Process context.  Returns the device or an ERR_PTR.
 */
struct device *device_create(struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
{
	struct device *dev;
	char name[64];
	va_list args;
	int err;

	if (IS_ERR_OR_NULL(cls))
		return ERR_PTR(-ENODEV);
	va_start(args, fmt);
	vsnprintf(name, sizeof(name), fmt, args);
	va_end(args);
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	device_initialize(dev);
	dev->devt = devt;
	dev->class = cls;
	dev->parent = parent;
	dev->driver_data = drvdata;
	dev->release = device_create_release;
	err = dev_set_name(dev, "%s", name);
	if (!err)
		err = device_add(dev);
	if (err) {
		put_device(dev);
		return ERR_PTR(err);
	}
	return dev;
}

/** device_destroy - unregister the device of @cls with number @devt. */
void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev = class_find_device_by_devt(cls, devt);

	if (!dev)
		return;
	put_device(dev); /* the lookup's */
	device_unregister(dev);
}

/** devices_init - /sys/devices and /sys/devices/virtual.  Boot. */
int __init devices_init(void)
{
	devices_kset = kset_create_and_add("devices", NULL);
	if (!devices_kset)
		return -ENOMEM;
	virtual_kobj = kobject_create_and_add("virtual", &devices_kset->kobj);
	return virtual_kobj ? 0 : -ENOMEM;
}

/* /sys/devices/virtual/<class>, made on first use. */
struct kobject *class_virtual_dir(struct class *cls)
{
	struct kobject *dir;

	mutex_lock(&class_mutex);
	if (!cls->virtual_dir && virtual_kobj)
		cls->virtual_dir = kobject_create_and_add(cls->name,
							  virtual_kobj);
	dir = cls->virtual_dir;
	mutex_unlock(&class_mutex);
	return dir;
}
