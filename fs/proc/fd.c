/*
 * /proc/<pid>/fd/ (a magic link per open descriptor) and fdinfo/ (the
 * descriptor's position, flags and mount).  Both list the descriptors
 * open at the time of the read; an entry whose descriptor was closed
 * fails revalidation.
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "../mount.h"
#include "internal.h"

/* @task's file at @fd with a reference, or NULL. */
static struct file *task_fget(struct task_struct *task, unsigned int fd,
			      bool *cloexec)
{
	struct files_struct *files = get_files_struct(task);
	struct file *file;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	file = files_lookup_fd_raw(files, fd);
	if (file) {
		get_file(file);
		if (cloexec)
			*cloexec = test_bit(fd, files->fdt->close_on_exec);
	}
	spin_unlock(&files->file_lock);
	put_files_struct(files);
	return file;
}

/* The lowest open descriptor >= @fd of @task, or -1. */
static int task_next_fd(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files = get_files_struct(task);
	int found = -1;

	if (!files)
		return -1;
	spin_lock(&files->file_lock);
	for (; fd < files->fdt->max_fds; fd++)
		if (files->fdt->fd[fd]) {
			found = fd;
			break;
		}
	spin_unlock(&files->file_lock);
	put_files_struct(files);
	return found;
}

/* fd/N and fdinfo/N: valid while the task lives and N is open. */
static int tid_fd_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;
	struct file *file;

	if (!inode)
		return 0;
	task = get_proc_task(inode);
	if (!task)
		return 0;
	file = task_fget(task, PROC_I(inode)->fd, NULL);
	if (file) {
		pid_update_inode(task, inode);
		fput(file);
	}
	put_task_struct(task);
	return file != NULL;
}

static const struct dentry_operations tid_fd_dentry_operations = {
	.d_revalidate = tid_fd_revalidate,
	.d_delete = always_delete_dentry,
};

static int proc_fd_link(struct dentry *dentry, struct path *path)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = get_proc_task(inode);
	struct file *file;

	if (!task)
		return -ENOENT;
	file = task_fget(task, PROC_I(inode)->fd, NULL);
	put_task_struct(task);
	if (!file)
		return -ENOENT;
	*path = file->f_path;
	path_get(path);
	fput(file);
	return 0;
}

typedef struct dentry *instantiate_t(struct dentry *, struct task_struct *,
				     unsigned int fd, struct file *);

static struct dentry *proc_fd_instantiate(struct dentry *dentry,
					  struct task_struct *task,
					  unsigned int fd, struct file *file)
{
	umode_t mode = S_IFLNK;
	struct inode *inode;

	if (file->f_mode & FMODE_READ)
		mode |= S_IRUSR | S_IXUSR;
	if (file->f_mode & FMODE_WRITE)
		mode |= S_IWUSR | S_IXUSR;
	inode = proc_pid_make_inode(dentry->d_sb, task, mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_op = &proc_pid_link_inode_operations;
	inode->i_size = 64;
	PROC_I(inode)->fd = fd;
	PROC_I(inode)->op.proc_get_link = proc_fd_link;
	d_set_d_op(dentry, &tid_fd_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

static const struct file_operations proc_fdinfo_file_operations;

static struct dentry *proc_fdinfo_instantiate(struct dentry *dentry,
					      struct task_struct *task,
					      unsigned int fd,
					      struct file *file)
{
	struct inode *inode =
		proc_pid_make_inode(dentry->d_sb, task, S_IFREG | S_IRUGO);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_fop = &proc_fdinfo_file_operations;
	PROC_I(inode)->fd = fd;
	d_set_d_op(dentry, &tid_fd_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

static struct dentry *proc_lookupfd_common(struct inode *dir,
					  struct dentry *dentry,
					  instantiate_t instantiate)
{
	struct task_struct *task = get_proc_task(dir);
	struct dentry *res = ERR_PTR(-ENOENT);
	struct file *file;
	unsigned int fd;

	if (!task)
		return res;
	if (kstrtouint((const char *)dentry->d_name.name, 10, &fd))
		goto out;
	file = task_fget(task, fd, NULL);
	if (!file)
		goto out;
	res = instantiate(dentry, task, fd, file);
	fput(file);
out:
	put_task_struct(task);
	return res;
}

static int proc_readfd_common(struct file *file, struct dir_context *ctx,
			      unsigned char type)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	struct dentry *dentry = file->f_path.dentry;
	char name[16];

	if (!task)
		return -ENOENT;
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			goto out;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dentry);
		u64 ino = d_inode(parent)->i_ino;

		dput(parent);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			goto out;
		ctx->pos = 2;
	}
	for (;;) {
		int fd = task_next_fd(task, ctx->pos - 2);
		int len;

		if (fd < 0)
			break;
		ctx->pos = fd + 2;
		len = snprintf(name, sizeof(name), "%d", fd);
		if (!proc_fill_cache(file, ctx, name, len, type, 0))
			break;
		ctx->pos++;
	}
out:
	put_task_struct(task);
	return 0;
}

static struct dentry *proc_lookupfd(struct inode *dir, struct dentry *dentry,
				    unsigned int flags)
{
	return proc_lookupfd_common(dir, dentry, proc_fd_instantiate);
}

static int proc_readfd(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_LNK);
}

/*
 * fd/ is mode 0500 and owned by the task's user; a thread may always
 * look at its own process's, whatever the mode.
 */
static int proc_fd_permission(struct inode *inode, int mask)
{
	int rv = generic_permission(inode, mask);
	struct task_struct *task;

	if (rv == 0)
		return 0;
	task = get_proc_task(inode);
	if (task) {
		if (task->tgid == current->tgid)
			rv = 0;
		put_task_struct(task);
	}
	return rv;
}

const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_lookupfd,
	.permission = proc_fd_permission,
};

const struct file_operations proc_fd_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_readfd,
	.llseek = generic_file_llseek,
};

static struct dentry *proc_lookupfdinfo(struct inode *dir,
					struct dentry *dentry,
					unsigned int flags)
{
	return proc_lookupfd_common(dir, dentry, proc_fdinfo_instantiate);
}

static int proc_readfdinfo(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_REG);
}

const struct inode_operations proc_fdinfo_inode_operations = {
	.lookup = proc_lookupfdinfo,
};

const struct file_operations proc_fdinfo_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_readfdinfo,
	.llseek = generic_file_llseek,
};

/* fdinfo/N: "pos:", "flags:" (octal, O_CLOEXEC folded in), "mnt_id:", "ino:" */
static int seq_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	unsigned int flags;
	struct file *file;
	bool cloexec = false;

	if (!task)
		return -ENOENT;
	file = task_fget(task, PROC_I(inode)->fd, &cloexec);
	put_task_struct(task);
	if (!file)
		return -ENOENT;
	flags = file->f_flags;
	if (cloexec)
		flags |= O_CLOEXEC;
	seq_printf(m, "pos:\t%lli\nflags:\t0%o\nmnt_id:\t%i\nino:\t%lu\n",
		   (long long)file->f_pos, flags,
		   real_mount(file->f_path.mnt)->mnt_id,
		   file_inode(file)->i_ino);
	fput(file);
	return 0;
}

static int seq_fdinfo_open(struct inode *inode, struct file *file)
{
	return single_open(file, seq_show, inode);
}

/* Another user's fdinfo needs ptrace access, as Linux's does. */
static int proc_fdinfo_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);
	bool ok;

	if (!task)
		return -ENOENT;
	ok = proc_may_access(task);
	put_task_struct(task);
	if (!ok)
		return -EACCES;
	return seq_fdinfo_open(inode, file);
}

static const struct file_operations proc_fdinfo_file_operations = {
	.open = proc_fdinfo_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};
