#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

/*
 * procfs's own structures.
 *
 *   proc_dir_entry (pde): one node of the registered tree (/proc/meminfo,
 *   /proc/sys/kernel/...), children on a list under proc_subdir_sem,
 *   refcounted: an inode showing it holds a reference, so a removed
 *   entry stays readable by whoever has it open.
 *
 *   proc_inode: a VFS inode with what the file shows -- its pde, or for
 *   /proc/<pid>/... the task (a reference; the file goes stale, and
 *   its dentry fails revalidation, once the pid is released).
 *
 * Dentries are never kept unused (d_delete always): a lookup asks the
 * tree or the pid table again, so what /proc shows is always current.
 */
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/seq_file.h>

struct ctl_table;

#define PROC_ROOT_INO 1
#define PROC_SUPER_MAGIC 0x9fa0

struct proc_dir_entry {
	refcount_t refcnt;
	unsigned int low_ino;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	loff_t size;
	unsigned int flags; /* proc_ops->proc_flags */
	const struct inode_operations *proc_iops;
	union {
		const struct proc_ops *proc_ops; /* regular files */
		const struct file_operations *proc_dir_ops; /* directories */
	};
	const struct seq_operations *seq_ops; /* proc_create_seq */
	int (*single_show)(struct seq_file *, void *); /* proc_create_single */
	void *data;
	unsigned int state_size; /* seq_file private bytes */
	struct proc_dir_entry *parent;
	struct list_head subdir; /* children, in creation order */
	struct list_head subdir_node; /* in parent->subdir */
	bool removed;
	u8 namelen;
	char name[]; /* namelen bytes + NUL */
};

/* What a pid file shows (Linux's union proc_op). */
union proc_op {
	int (*proc_get_link)(struct dentry *, struct path *);
	int (*proc_show)(struct seq_file *m, struct task_struct *task);
};

struct proc_inode {
	struct task_struct *task; /* pid files: a reference */
	int fd; /* fd/N, fdinfo/N */
	union proc_op op;
	struct proc_dir_entry *pde;
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

static inline struct proc_dir_entry *PDE(const struct inode *inode)
{
	return PROC_I(inode)->pde;
}

/* generic.c: the tree */
extern struct proc_dir_entry proc_root;
extern struct rw_semaphore proc_subdir_sem;
struct proc_dir_entry *pde_get(struct proc_dir_entry *de);
void pde_put(struct proc_dir_entry *de);
struct proc_dir_entry *proc_create_reg(const char *name, umode_t mode,
				       struct proc_dir_entry **parent,
				       void *data);
struct proc_dir_entry *proc_register(struct proc_dir_entry *dir,
				     struct proc_dir_entry *de);
struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
			   unsigned int flags);
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de);
int proc_readdir(struct file *file, struct dir_context *ctx);
int proc_readdir_de(struct file *file, struct dir_context *ctx,
		    struct proc_dir_entry *de);
int proc_getattr(const struct path *path, struct kstat *stat,
		 u32 request_mask, unsigned int query_flags);
extern const struct dentry_operations proc_misc_dentry_ops;

/* inode.c */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de);
void proc_init_kmemcache(void);
extern const struct super_operations proc_sops;
extern const struct inode_operations proc_link_inode_operations;

/* root.c */
extern struct file_system_type proc_fs_type;

/* base.c: /proc/<pid> */
struct pid_entry {
	const char *name;
	unsigned int len;
	umode_t mode;
	const struct inode_operations *iop;
	const struct file_operations *fop;
	union proc_op op;
};

struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags);
int proc_pid_readdir(struct file *file, struct dir_context *ctx);
struct inode *proc_pid_make_inode(struct super_block *sb,
				  struct task_struct *task, umode_t mode);
struct task_struct *get_proc_task(const struct inode *inode);
bool proc_task_alive(struct task_struct *task);
bool proc_may_access(struct task_struct *task);
struct dentry *proc_pident_lookup(struct inode *dir, struct dentry *dentry,
				  const struct pid_entry *p,
				  const struct pid_entry *end);
int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			const struct pid_entry *ents, unsigned int nents);
bool proc_fill_cache(struct file *file, struct dir_context *ctx,
		     const char *name, unsigned int len, unsigned char type,
		     u64 ino);
int pid_revalidate(struct dentry *dentry, unsigned int flags);
extern const struct dentry_operations pid_dentry_operations;
extern const struct inode_operations proc_pid_link_inode_operations;
void pid_update_inode(struct task_struct *task, struct inode *inode);

/* fd.c */
extern const struct file_operations proc_fd_operations;
extern const struct inode_operations proc_fd_inode_operations;
extern const struct file_operations proc_fdinfo_operations;
extern const struct inode_operations proc_fdinfo_inode_operations;

/* array.c */
int proc_tid_stat(struct seq_file *m, struct task_struct *task);
int proc_tgid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
const char *get_task_state(struct task_struct *tsk);

/* task_mmu.c */
void task_mem(struct seq_file *m, struct mm_struct *mm);
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared,
			 unsigned long *text, unsigned long *data,
			 unsigned long *resident);
unsigned long task_vsize(struct mm_struct *mm);
extern const struct file_operations proc_pid_maps_operations;
extern const struct file_operations proc_pid_smaps_rollup_operations;

/* self.c, thread_self.c */
void proc_self_init(void);
void proc_thread_self_init(void);

/* proc_sysctl.c */
void proc_sys_init(void);

/* The file operations of a registered regular file (inode.c). */
extern const struct file_operations proc_reg_file_ops;

#endif /* _FS_PROC_INTERNAL_H */
