#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

/*
 * The device model, minimal (drivers/base/): devices and classes as
 * kobjects, so /sys/devices, /sys/class/<class>/<name> and the "dev"
 * and "uevent" files exist for what the drivers register.  A class
 * device without a parent lives in /sys/devices/virtual/<class>/.
 *
 * Linnet's device_create() makes the sysfs view only; the drivers
 * still make their /dev node with devtmpfs_create_node().
 */
#include <linux/types.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/kdev_t.h>

struct device;

struct class {
	const char *name;
	const struct attribute_group **dev_groups;
	void (*dev_release)(struct device *dev);
	/* private: */
	struct kset *p; /* /sys/class/<name> */
	struct kobject *virtual_dir; /* /sys/devices/virtual/<name> */
	struct list_head devices;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	struct class *class;
	dev_t devt;
	void *driver_data;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	struct list_head class_node; /* in class->devices */
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr,
			char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)

static inline const char *dev_name(const struct device *dev)
{
	return kobject_name(&dev->kobj);
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

/* drivers/base/core.c */
extern struct kset *devices_kset;
void device_initialize(struct device *dev);
int device_add(struct device *dev);
int device_register(struct device *dev);
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
int dev_set_name(struct device *dev, const char *fmt, ...) __printf(2, 3);
struct device *device_create(struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
	__printf(5, 6);
void device_destroy(struct class *cls, dev_t devt);
int device_create_file(struct device *dev,
		       const struct device_attribute *attr);
void device_remove_file(struct device *dev,
			const struct device_attribute *attr);

/* drivers/base/class.c */
int class_register(struct class *cls);
void class_unregister(struct class *cls);
struct class *class_create(const char *name);
void class_destroy(struct class *cls);
struct device *class_find_device_by_devt(struct class *cls, dev_t devt);

/* drivers/base/init.c: the device model's start, before the initcalls. */
void driver_init(void);

#endif /* _LINUX_DEVICE_H */
