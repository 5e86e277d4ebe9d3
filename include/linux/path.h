#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H

#include <linux/types.h>

struct dentry;
struct vfsmount;

/* A place in the tree: which mount, and which dentry inside it. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->dentry == b->dentry && a->mnt == b->mnt;
}

#endif /* _LINUX_PATH_H */
