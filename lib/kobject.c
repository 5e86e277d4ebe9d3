/*
 * kobjects and ksets: named, refcounted objects in a tree that sysfs
 * shows.  The last kobject_put() takes the object out of sysfs and
 * calls its type's release, which frees the structure it is in.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <stdarg.h>

struct kobject *kernel_kobj;
struct kobject *fs_kobj;

static char *kvasprintf_name(const char *fmt, va_list args)
{
	va_list aq;
	char *name, *p;
	int len;

	va_copy(aq, args);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	name = kmalloc(len + 1, GFP_KERNEL);
	if (!name)
		return NULL;
	vsnprintf(name, len + 1, fmt, args);
	/* A '/' cannot be in a sysfs name: "pts/0" becomes "pts!0". */
	for (p = name; (p = strchr(p, '/')) != NULL;)
		*p = '!';
	return name;
}

static int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
				  va_list args)
{
	char *name = kvasprintf_name(fmt, args);

	if (!name)
		return -ENOMEM;
	kfree(kobj->name);
	kobj->name = name;
	return 0;
}

/** kobject_set_name - name @kobj (printf-style).  0 or -ENOMEM. */
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list args;
	int err;

	va_start(args, fmt);
	err = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	return err;
}

/**
 * kobject_init - set up @kobj with one reference and type @ktype.
 * The structure must be zeroed.
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	refcount_set(&kobj->refcount, 1);
	INIT_LIST_HEAD(&kobj->entry);
	kobj->ktype = ktype;
	kobj->state_initialized = 1;
}

static int kobject_add_internal(struct kobject *kobj)
{
	int err;

	if (!kobj->name || !*kobj->name)
		return -EINVAL;
	if (kobj->kset) {
		if (!kobj->parent)
			kobj->parent = &kobj->kset->kobj;
		spin_lock(&kobj->kset->list_lock);
		list_add_tail(&kobj->entry, &kobj->kset->list);
		spin_unlock(&kobj->kset->list_lock);
	}
	kobject_get(kobj->parent);
	err = sysfs_create_dir_ns(kobj, NULL);
	if (!err && kobj->ktype && kobj->ktype->default_groups)
		err = sysfs_create_groups(kobj, kobj->ktype->default_groups);
	if (err) {
		sysfs_remove_dir(kobj);
		if (kobj->kset) {
			spin_lock(&kobj->kset->list_lock);
			list_del_init(&kobj->entry);
			spin_unlock(&kobj->kset->list_lock);
		}
		kobject_put(kobj->parent);
		kobj->parent = NULL;
		return err;
	}
	kobj->state_in_sysfs = 1;
	return 0;
}

/**
 * kobject_add - name @kobj and show it in sysfs under @parent (or its
 * kset, or the root).
 *
 * Process context.  Returns 0 or -errno; on failure the caller still
 * owns its reference (kobject_put() to free).
 */
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...)
{
	va_list args;
	int err;

	if (!kobj || !kobj->state_initialized)
		return -EINVAL;
	va_start(args, fmt);
	err = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	if (err)
		return err;
	kobj->parent = parent;
	return kobject_add_internal(kobj);
}

/** kobject_init_and_add - kobject_init() then kobject_add(). */
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int err;

	kobject_init(kobj, ktype);
	va_start(args, fmt);
	err = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	if (err)
		return err;
	kobj->parent = parent;
	return kobject_add_internal(kobj);
}

/** kobject_del - take @kobj out of sysfs (its reference stays). */
void kobject_del(struct kobject *kobj)
{
	struct kobject *parent;

	if (!kobj || !kobj->state_in_sysfs)
		return;
	sysfs_remove_dir(kobj);
	kobj->state_in_sysfs = 0;
	if (kobj->kset) {
		spin_lock(&kobj->kset->list_lock);
		list_del_init(&kobj->entry);
		spin_unlock(&kobj->kset->list_lock);
	}
	parent = kobj->parent;
	kobj->parent = NULL;
	kobject_put(parent);
}

/** kobject_get - another reference (NULL allowed). */
struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		refcount_inc(&kobj->refcount);
	return kobj;
}

static void kobject_release(struct kobject *kobj)
{
	const char *name = kobj->name;

	kobject_del(kobj);
	kobj->name = NULL;
	if (kobj->ktype && kobj->ktype->release)
		kobj->ktype->release(kobj);
	kfree(name);
}

/** kobject_put - drop a reference; the last releases @kobj.  May sleep. */
void kobject_put(struct kobject *kobj)
{
	if (kobj && refcount_dec_and_test(&kobj->refcount))
		kobject_release(kobj);
}

/** kobject_get_path - "/devices/virtual/tty/tty" (kfree it), or NULL. */
char *kobject_get_path(const struct kobject *kobj, gfp_t gfp)
{
	const struct kobject *k;
	size_t len = 0;
	char *path, *p;

	for (k = kobj; k; k = k->parent)
		len += strlen(kobject_name(k)) + 1;
	path = kmalloc(len + 1, gfp);
	if (!path)
		return NULL;
	p = path + len;
	*p = '\0';
	for (k = kobj; k; k = k->parent) {
		size_t n = strlen(kobject_name(k));

		p -= n;
		memcpy(p, kobject_name(k), n);
		*--p = '/';
	}
	return path;
}

/* --- kobjects that are just directories ------------------------------ */

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr,
			      char *buf)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->show ? ka->show(kobj, ka, buf) : -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr,
			       const char *buf, size_t count)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->store ? ka->store(kobj, ka, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kobj_attr_show,
	.store = kobj_attr_store,
};

static const struct kobj_type dynamic_kobj_ktype = {
	.release = dynamic_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

/**
 * kobject_create_and_add - a bare directory @name under @parent.
 * Process context.  Returns it or NULL.
 */
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent)
{
	struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);

	if (!kobj)
		return NULL;
	if (kobject_init_and_add(kobj, &dynamic_kobj_ktype, parent, "%s",
				 name)) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}

/* --- ksets ------------------------------------------------------------- */

/** kset_init - set up @kset's list and kobject. */
void kset_init(struct kset *kset)
{
	kobject_init(&kset->kobj, kset->kobj.ktype);
	INIT_LIST_HEAD(&kset->list);
	spin_lock_init(&kset->list_lock);
}

/** kset_register - kset_init() and add it (named already). */
int kset_register(struct kset *kset)
{
	kset_init(kset);
	return kobject_add_internal(&kset->kobj);
}

void kset_unregister(struct kset *kset)
{
	if (!kset)
		return;
	kobject_del(&kset->kobj);
	kobject_put(&kset->kobj);
}

static void kset_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct kset, kobj));
}

static const struct kobj_type kset_ktype = {
	.release = kset_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

/**
 * kset_create_and_add - a kset @name under @parent.
 * Process context.  Returns it or NULL.
 */
struct kset *kset_create_and_add(const char *name, struct kobject *parent)
{
	struct kset *kset = kzalloc(sizeof(*kset), GFP_KERNEL);

	if (!kset)
		return NULL;
	kset->kobj.ktype = &kset_ktype;
	kset->kobj.parent = parent;
	if (kobject_set_name(&kset->kobj, "%s", name) ||
	    kset_register(kset)) {
		kfree(kset->kobj.name);
		kfree(kset);
		return NULL;
	}
	return kset;
}

/** kset_find_obj - the member @name of @kset with a reference, or NULL. */
struct kobject *kset_find_obj(struct kset *kset, const char *name)
{
	struct kobject *k, *found = NULL;

	spin_lock(&kset->list_lock);
	list_for_each_entry(k, &kset->list, entry)
		if (kobject_name(k) && !strcmp(kobject_name(k), name)) {
			found = kobject_get(k);
			break;
		}
	spin_unlock(&kset->list_lock);
	return found;
}

/** kobject_kernel_init - /sys/kernel and /sys/fs.  Boot. */
void __init kobject_kernel_init(void)
{
	kernel_kobj = kobject_create_and_add("kernel", NULL);
	fs_kobj = kobject_create_and_add("fs", NULL);
}
