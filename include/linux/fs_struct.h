#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

/*
 * A task's place in the tree: its root (chroot) and working directory,
 * and its umask.  Shared between tasks by CLONE_FS (users counts them);
 * fork without CLONE_FS copies it (copy_fs_struct).
 */
#include <linux/path.h>
#include <linux/spinlock.h>

struct task_struct;

struct fs_struct {
	int users; /* under lock */
	spinlock_t lock; /* root, pwd, umask */
	int umask;
	int in_exec;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);
int unshare_fs_struct(void);
int current_umask(void);

/* Copies with references, so the caller may use them after the lock. */
static inline void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

static inline void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/* fork: share (CLONE_FS) or copy.  0 or -ENOMEM. */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);

#endif /* _LINUX_FS_STRUCT_H */
