#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

/*
 * tmpfs (mm/shmem.c): ramfs with limits -- size= (pages), nr_inodes=,
 * mode=, uid=, gid= -- ENOSPC when they are reached, and statfs numbers
 * that say how full it is.
 */
#include <linux/fs.h>
#include <linux/spinlock.h>

#define TMPFS_MAGIC 0x01021994

struct shmem_sb_info {
	unsigned long max_blocks; /* pages; 0 = no limit */
	unsigned long used_blocks;
	unsigned long max_inodes; /* 0 = no limit */
	unsigned long free_inodes;
	spinlock_t stat_lock;
	umode_t mode; /* of the root directory */
	uid_t uid;
	gid_t gid;
};

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

int shmem_fill_super(struct super_block *sb, void *data, int silent);
void shmem_kill_sb(struct super_block *sb);
struct file *shmem_file_setup(const char *name, loff_t size,
			      unsigned long flags);
void init_tmpfs(void);
extern struct file_system_type shmem_fs_type;

#endif /* _LINUX_SHMEM_FS_H */
