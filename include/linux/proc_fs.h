#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

/*
 * procfs (fs/proc/): a tree of struct proc_dir_entry that subsystems
 * add their files to, shown as the "proc" filesystem, plus the
 * per-process directories /proc/<pid>/ made on demand from the pid
 * table.  A file is either a seq_file (proc_create_seq,
 * proc_create_single: the usual case) or a struct proc_ops of its own.
 */
#include <linux/types.h>
#include <linux/compiler.h>

struct file;
struct inode;
struct kiocb;
struct iov_iter;
struct seq_file;
struct seq_operations;
struct poll_table_struct;
struct proc_dir_entry;

typedef unsigned int __poll_t;

/*
 * The operations of a /proc file (Linux's struct proc_ops).  Reads may
 * come as proc_read (a user buffer) or proc_read_iter; either serves
 * both read(2) and kernel_read().  proc_write_iter is Linnet's: the
 * same for writes, so kernel_write() reaches sysctls.
 */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *, struct file *);
	ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*proc_write)(struct file *, const char __user *, size_t,
			      loff_t *);
	ssize_t (*proc_write_iter)(struct kiocb *, struct iov_iter *);
	loff_t (*proc_lseek)(struct file *, loff_t, int);
	int (*proc_release)(struct inode *, struct file *);
	__poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
};

/* proc_flags */
#define PROC_ENTRY_PERMANENT 1U /* never removed */

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       void *data);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data);
struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_seq_private(
	const char *name, umode_t mode, struct proc_dir_entry *parent,
	const struct seq_operations *ops, unsigned int state_size, void *data);
#define proc_create_seq_data(name, mode, parent, ops, data) \
	proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) \
	proc_create_seq_private(name, mode, parent, ops, 0, NULL)
struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
struct proc_dir_entry *proc_symlink(const char *name,
				    struct proc_dir_entry *parent,
				    const char *dest);
void proc_set_size(struct proc_dir_entry *de, loff_t size);
void proc_set_user(struct proc_dir_entry *de, uid_t uid, gid_t gid);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *de);

/* The data given at creation, from an open file's inode. */
void *pde_data(const struct inode *inode);
#define PDE_DATA(inode) pde_data(inode)

void proc_root_init(void);

#endif /* _LINUX_PROC_FS_H */
