#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

/*
 * kobject (lib/kobject.c): a named, refcounted object with a parent,
 * shown as a directory in sysfs.  A kset is a kobject that groups
 * others (its members' default parent).  The kobj_type says how to
 * free the containing object and how its attributes read and write.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>

struct kset;
struct kernfs_node;

struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
};

struct kobject {
	const char *name;
	struct list_head entry; /* in kset->list */
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	struct kernfs_node *sd; /* its sysfs directory */
	refcount_t refcount;
	unsigned int state_initialized : 1;
	unsigned int state_in_sysfs : 1;
};

struct kset {
	struct list_head list;
	spinlock_t list_lock;
	struct kobject kobj;
};

static inline struct kset *to_kset(struct kobject *kobj)
{
	return kobj ? container_of(kobj, struct kset, kobj) : NULL;
}

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

extern const struct sysfs_ops kobj_sysfs_ops;
/* /sys/kernel, /sys/fs, /sys/firmware's parents (lib/kobject.c). */
extern struct kobject *kernel_kobj;
extern struct kobject *fs_kobj;

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
	__printf(2, 3);
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...) __printf(3, 4);
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
	__printf(4, 5);
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent);
void kobject_del(struct kobject *kobj);
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
char *kobject_get_path(const struct kobject *kobj, gfp_t gfp);

void kset_init(struct kset *kset);
int kset_register(struct kset *kset);
void kset_unregister(struct kset *kset);
struct kset *kset_create_and_add(const char *name, struct kobject *parent);
struct kobject *kset_find_obj(struct kset *kset, const char *name);

void kobject_kernel_init(void);

#endif /* _LINUX_KOBJECT_H */
