/*
 * sysfs attribute files: a read calls the kobject type's ->show with
 * the attribute, a write ->store.  The node's priv is the attribute,
 * its parent's the kobject (or, for a group subdirectory, the kobject
 * one level up).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/mm.h>
#include <linux/sysfs.h>
#include "sysfs.h"

static struct kobject *sysfs_file_kobj(struct kernfs_node *kn)
{
	struct kernfs_node *dir = kn->parent;

	while (dir && !dir->priv)
		dir = dir->parent;
	return dir ? dir->priv : NULL;
}

static ssize_t sysfs_kf_show(struct kernfs_node *kn, char *buf)
{
	struct kobject *kobj = sysfs_file_kobj(kn);
	const struct sysfs_ops *ops = kobj->ktype->sysfs_ops;

	if (!ops || !ops->show)
		return -EIO;
	return ops->show(kobj, kn->priv, buf);
}

static ssize_t sysfs_kf_store(struct kernfs_node *kn, const char *buf,
			      size_t count)
{
	struct kobject *kobj = sysfs_file_kobj(kn);
	const struct sysfs_ops *ops = kobj->ktype->sysfs_ops;

	if (!ops || !ops->store)
		return -EIO;
	return ops->store(kobj, kn->priv, buf, count);
}

static const struct kernfs_ops sysfs_file_kfops = {
	.show = sysfs_kf_show,
	.store = sysfs_kf_store,
};

static int sysfs_add_file(struct kernfs_node *parent,
			  const struct attribute *attr)
{
	struct kernfs_node *kn = kernfs_create_file(
		parent, attr->name, attr->mode & 0777, &sysfs_file_kfops,
		(void *)attr);

	return IS_ERR(kn) ? PTR_ERR(kn) : 0;
}

/** sysfs_create_file - the file of @attr in @kobj's directory. */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	if (!kobj->sd)
		return -ENOENT;
	return sysfs_add_file(kobj->sd, attr);
}

/** sysfs_remove_file - remove what sysfs_create_file() made. */
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	if (kobj->sd)
		kernfs_remove_by_name(kobj->sd, attr->name);
}

/** sysfs_create_group - @grp's files, in a subdirectory if it is named. */
int sysfs_create_group(struct kobject *kobj,
		       const struct attribute_group *grp)
{
	struct kernfs_node *dir = kobj->sd;
	struct attribute **attr;
	int err;

	if (!dir)
		return -ENOENT;
	if (grp->name) {
		dir = kernfs_create_dir(kobj->sd, grp->name, 0755, NULL);
		if (IS_ERR(dir))
			return PTR_ERR(dir);
	}
	for (attr = grp->attrs; attr && *attr; attr++) {
		err = sysfs_add_file(dir, *attr);
		if (err)
			return err;
	}
	return 0;
}

/** sysfs_create_groups - sysfs_create_group() for a NULL-ended list. */
int sysfs_create_groups(struct kobject *kobj,
			const struct attribute_group **groups)
{
	int err = 0;

	for (; groups && *groups && !err; groups++)
		err = sysfs_create_group(kobj, *groups);
	return err;
}

/**
 * sysfs_emit - format an attribute's text into the page @buf.
 * Returns the length.
 */
int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}
