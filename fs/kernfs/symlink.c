/*
 * kernfs symlinks point at nodes; their body is the relative path from
 * the link's directory to the target ("../../devices/virtual/tty/tty"),
 * as Linux's sysfs links are.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "kernfs-internal.h"

static int kernfs_depth(const struct kernfs_node *from,
			const struct kernfs_node *to)
{
	int depth = 0;

	for (; to != from && to; to = to->parent)
		depth++;
	return depth;
}

/* The deepest node that is an ancestor of both (or either itself). */
static const struct kernfs_node *kernfs_common_ancestor(
	const struct kernfs_node *a, const struct kernfs_node *b)
{
	const struct kernfs_node *x, *y;

	for (x = a; x; x = x->parent)
		for (y = b; y; y = y->parent)
			if (x == y)
				return x;
	return NULL;
}

/* "../" for each level from @parent up to the common ancestor, then down. */
static int kernfs_get_target_path(const struct kernfs_node *parent,
				  const struct kernfs_node *target, char *path,
				  size_t size)
{
	const struct kernfs_node *base = kernfs_common_ancestor(parent, target);
	const struct kernfs_node *kn;
	size_t len = 0, total;
	int up = kernfs_depth(base, parent);
	char *p;

	if (!base)
		return -EINVAL;
	while (up--) {
		if (len + 3 >= size)
			return -ENAMETOOLONG;
		memcpy(path + len, "../", 3);
		len += 3;
	}
	total = len;
	for (kn = target; kn != base; kn = kn->parent)
		total += strlen(kn->name) + 1;
	if (total >= size)
		return -ENAMETOOLONG;
	/* Write the names from the end backwards. */
	p = path + total;
	*p = '\0';
	for (kn = target; kn != base; kn = kn->parent) {
		size_t n = strlen(kn->name);

		*--p = '/';
		p -= n;
		memcpy(p, kn->name, n);
	}
	path[total - 1] = '\0'; /* drop the trailing slash */
	return 0;
}

static const char *kernfs_iop_get_link(struct dentry *dentry,
				       struct inode *inode, void **cookie)
{
	struct kernfs_node *kn = kernfs_node_of(inode);
	char *body = kmalloc(PATH_MAX, GFP_KERNEL);
	int err;

	if (!body)
		return ERR_PTR(-ENOMEM);
	down_read(&kernfs_rwsem);
	err = kn->removed || !kn->parent ?
		      -ENOENT :
		      kernfs_get_target_path(kn->parent, kn->target, body,
					     PATH_MAX);
	up_read(&kernfs_rwsem);
	if (err) {
		kfree(body);
		return ERR_PTR(err);
	}
	*cookie = body;
	return body;
}

const struct inode_operations kernfs_symlink_iops = {
	.get_link = kernfs_iop_get_link,
};
