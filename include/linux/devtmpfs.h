#ifndef _LINUX_DEVTMPFS_H
#define _LINUX_DEVTMPFS_H

/*
 * devtmpfs (drivers/base/devtmpfs.c): one tmpfs instance the kernel
 * fills with a node per device, mounted with
 * "mount -t devtmpfs devtmpfs /dev" (every mount shows the same tree).
 */
#include <linux/types.h>

/*
 * Create /dev/@name ("ttyS0", "pts/0": missing directories are made)
 * with @mode (S_IFCHR | 0600 ...) and device @dev, owned by root.
 * Process context.  0, -EEXIST, or -errno.
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
/* Create the directory /dev/@name ("pts"), mode 0755.  0 if it exists. */
int devtmpfs_create_dir(const char *name);
/* Remove it again.  0, -ENOENT, or -errno. */
int devtmpfs_delete_node(const char *name);
int devtmpfs_init(void);

#endif /* _LINUX_DEVTMPFS_H */
