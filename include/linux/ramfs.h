#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

/* ramfs: files that live only in the page cache, with no size limit. */
#include <linux/fs.h>

#define RAMFS_MAGIC 0x858458f6

struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev);
int ramfs_fill_super(struct super_block *sb, void *data, int silent);
extern const struct file_operations ramfs_file_operations;
void init_ramfs_fs(void);

#endif /* _LINUX_RAMFS_H */
