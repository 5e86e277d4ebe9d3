#ifndef _FS_SYSFS_H
#define _FS_SYSFS_H

#include <linux/kernfs.h>

/* The root of the tree every sysfs mount shows. */
extern struct kernfs_node *sysfs_root_kn;

#endif /* _FS_SYSFS_H */
