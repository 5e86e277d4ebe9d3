/*
 * fs_struct: a task's root, working directory and umask (linux/fs_struct.h).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

/* init_task's, shared by every kernel thread (CLONE_FS). */
struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

/**
 * set_fs_root - chroot: make @path @fs's root.
 * @fs: the fs_struct
 * @path: the new root (a reference is taken)
 */
void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/** set_fs_pwd - chdir: make @path @fs's working directory. */
void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/** free_fs_struct - release an fs_struct nobody uses. */
void free_fs_struct(struct fs_struct *fs)
{
	path_put(&fs->root);
	path_put(&fs->pwd);
	if (fs != &init_fs)
		kfree(fs);
}

/**
 * exit_fs - @tsk lets go of its fs_struct.
 *
 * Process context.  The last user frees it.
 */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	bool kill;

	if (!fs)
		return;
	task_lock(tsk);
	spin_lock(&fs->lock);
	tsk->fs = NULL;
	kill = !--fs->users;
	spin_unlock(&fs->lock);
	task_unlock(tsk);
	if (kill)
		free_fs_struct(fs);
}

/**
 * copy_fs_struct - a private copy of @old for a new process.
 *
 * Returns the copy (one user) or NULL without memory.
 */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->in_exec = 0;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	path_get(&fs->root);
	fs->pwd = old->pwd;
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

/**
 * copy_fs - fork's step for the fs_struct.
 * @clone_flags: CLONE_FS shares the parent's, else it is copied
 * @tsk: the child, whose ->fs still points at the parent's
 *
 * Returns 0 or -ENOMEM.
 */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		tsk->fs = NULL;
		return 0;
	}
	if (clone_flags & CLONE_FS) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		tsk->fs = fs;
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/**
 * unshare_fs_struct - give current a private copy of a shared fs_struct
 * (unshare(CLONE_FS), and exec of a thread).  0 or -ENOMEM.
 */
int unshare_fs_struct(void)
{
	struct fs_struct *fs = current->fs;
	struct fs_struct *new;
	bool kill;

	if (!fs || fs->users == 1)
		return 0;
	new = copy_fs_struct(fs);
	if (!new)
		return -ENOMEM;
	task_lock(current);
	spin_lock(&fs->lock);
	kill = !--fs->users;
	current->fs = new;
	spin_unlock(&fs->lock);
	task_unlock(current);
	if (kill)
		free_fs_struct(fs);
	return 0;
}

/** current_umask - the umask applied to new files. */
int current_umask(void)
{
	return current->fs ? current->fs->umask : 0022;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}
