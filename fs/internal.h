#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

/* What the files of fs/ share with each other and nobody else. */
#include <linux/fs.h>
#include <linux/namei.h>

struct open_flags {
	int open_flag; /* O_* as the file will keep them */
	umode_t mode; /* for O_CREAT/O_TMPFILE, umask applied */
	int acc_mode; /* MAY_* the open needs */
	int intent; /* LOOKUP_OPEN | LOOKUP_CREATE ... */
	int lookup_flags; /* LOOKUP_FOLLOW, LOOKUP_DIRECTORY */
};

/* namei.c */
void names_cache_init(void);
struct file *do_filp_open(int dfd, struct filename *pathname,
			  const struct open_flags *op);
struct file *do_file_open_root(const struct path *root, const char *name,
			       const struct open_flags *op);
int may_linkat(const struct path *link);
int lookup_dotdot_parent(struct path *path);

/* open.c */
int build_open_flags(int flags, umode_t mode, struct open_flags *op);
int do_dentry_open(struct file *f, struct inode *inode,
		   int (*open)(struct inode *, struct file *));
long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode);
int do_faccessat(int dfd, struct filename *name, int mode, int flags);
int chmod_common(const struct path *path, umode_t mode);
int chown_common(const struct path *path, uid_t user, gid_t group);
int do_fchmodat(int dfd, struct filename *name, umode_t mode);
int do_fchownat(int dfd, struct filename *name, uid_t user, gid_t group,
		int flag);
long do_sys_ftruncate(unsigned int fd, loff_t length, int small);
int do_sys_truncate(struct filename *name, loff_t length);
int set_fs_path_common(struct filename *name, int chroot);
long do_sys_openat_kernel(int dfd, struct filename *name, int flags,
			  umode_t mode);

/* inode.c */
void inode_init(void);
void inode_sb_list_add(struct inode *inode);
bool inode_is_busy_at_umount(struct super_block *sb);

/* file_table.c */
void __fput_sync(struct file *file);

/* super.c */
struct dentry *mount_fs(struct file_system_type *type, int flags,
			const char *name, void *data);
int reconfigure_super(struct super_block *sb, int sb_flags, void *data);

/* namespace.c */
int mnt_is_readonly(const struct vfsmount *mnt);
extern spinlock_t mount_lock;

/* locks.c */
void locks_remove_posix(struct file *filp, void *owner);
void locks_remove_file(struct file *filp);
void locks_free_lock_context(struct inode *inode);
void filelock_init(void);

/* utimes.c */
int do_utimes(int dfd, struct filename *filename, struct timespec64 *times,
	      int flags);
int vfs_utimes(const struct path *path, struct timespec64 *times);

/* stat.c */
int do_statx_kern(int dfd, struct filename *filename, unsigned int flags,
		  unsigned int mask, struct kstat *stat);

/* fcntl.c */
long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *filp);

/* d_path.c */
int get_cwd_kernel(char *buf, unsigned long size);

#endif /* _FS_INTERNAL_H */
