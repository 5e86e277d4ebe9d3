#ifndef _FS_KERNFS_INTERNAL_H
#define _FS_KERNFS_INTERNAL_H

#include <linux/fs.h>
#include <linux/kernfs.h>
#include <linux/rwsem.h>

/* Guards every node's children, parent and removed flag. */
extern struct rw_semaphore kernfs_rwsem;

extern const struct inode_operations kernfs_dir_iops;
extern const struct file_operations kernfs_dir_fops;
extern const struct file_operations kernfs_file_fops;
extern const struct inode_operations kernfs_symlink_iops;
extern const struct dentry_operations kernfs_dops;

static inline struct kernfs_node *kernfs_node_of(const struct inode *inode)
{
	return inode->i_private;
}

struct inode *kernfs_get_inode(struct super_block *sb, struct kernfs_node *kn);

#endif /* _FS_KERNFS_INTERNAL_H */
