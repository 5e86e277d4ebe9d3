#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

/*
 * sysfs (fs/sysfs/): kobjects as directories, their attributes as
 * files, links between them as symlinks, over kernfs.  An attribute's
 * file calls the kobject type's sysfs_ops with the attribute.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stringify.h>

struct kobject;
struct kernfs_node;

struct attribute {
	const char *name;
	umode_t mode;
};

struct attribute_group {
	const char *name; /* a subdirectory, or NULL for the kobject's own */
	struct attribute **attrs; /* NULL-terminated */
};

struct sysfs_ops {
	ssize_t (*show)(struct kobject *, struct attribute *, char *buf);
	ssize_t (*store)(struct kobject *, struct attribute *, const char *buf,
			 size_t count);
};

/* A kobject attribute with its own show/store (kobj_sysfs_ops). */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count);
};

#define __ATTR(_name, _mode, _show, _store)                              \
	{                                                                \
		.attr = { .name = __stringify(_name), .mode = _mode }, \
		.show = _show, .store = _store,                          \
	}
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)

#define SYSFS_MAGIC 0x62656572

int sysfs_create_dir_ns(struct kobject *kobj, const void *ns);
void sysfs_remove_dir(struct kobject *kobj);
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_group(struct kobject *kobj,
		       const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj,
			const struct attribute_group **groups);
int sysfs_create_link(struct kobject *kobj, struct kobject *target,
		      const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);
void sysfs_init(void);

#endif /* _LINUX_SYSFS_H */
