/*
 * /proc/<pid>/ and /proc/<pid>/task/<tid>/: directories made on lookup
 * from the pid table, one inode per (task, file) holding a reference
 * to the task.  Once the pid is released (release_task), the task's
 * dentries fail revalidation and its open files read -ESRCH.
 *
 * Access: the files are owned by the task's effective uid/gid; those
 * that expose another process's memory or files (environ, maps, fd/,
 * cwd, root, exe) also need ptrace-level access: the same uids and
 * gids all round, or CAP_SYS_PTRACE.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include "internal.h"

/* Where the pids start in /proc's readdir positions (root.c agrees). */
#define FIRST_PROCESS_ENTRY 256

/* --- tasks behind inodes ---------------------------------------------- */

/** proc_task_alive - is @task's pid still its own (not yet released)? */
bool proc_task_alive(struct task_struct *task)
{
	return find_task_by_pid(task->pid) == task;
}

/**
 * get_proc_task - the live task behind a pid inode, with a reference.
 * Returns NULL once the task was released.
 */
struct task_struct *get_proc_task(const struct inode *inode)
{
	struct task_struct *task = PROC_I(inode)->task;

	if (!task || !proc_task_alive(task))
		return NULL;
	get_task_struct(task);
	return task;
}

/**
 * proc_may_access - may current look into @task's memory and files?
 *
 * Linux's ptrace_may_access(PTRACE_MODE_READ_FSCREDS) without LSMs:
 * its own thread group; or current's fsuid/fsgid equal to all of the
 * target's uids/gids; or CAP_SYS_PTRACE.
 */
bool proc_may_access(struct task_struct *task)
{
	const struct cred *cred = current_cred();
	const struct cred *tcred;
	bool ok;

	if (task->tgid == current->tgid)
		return true;
	tcred = get_task_cred(task);
	ok = cred->fsuid == tcred->uid && cred->fsuid == tcred->euid &&
	     cred->fsuid == tcred->suid && cred->fsgid == tcred->gid &&
	     cred->fsgid == tcred->egid && cred->fsgid == tcred->sgid;
	put_cred(tcred);
	return ok || capable(CAP_SYS_PTRACE);
}

/** pid_update_inode - give @inode the owner of @task (its euid/egid). */
void pid_update_inode(struct task_struct *task, struct inode *inode)
{
	const struct cred *cred = get_task_cred(task);

	inode->i_uid = cred->euid;
	inode->i_gid = cred->egid;
	put_cred(cred);
}

static const struct inode_operations proc_def_inode_operations = {
	.setattr = NULL,
};

/**
 * proc_pid_make_inode - a new inode of @sb for a file of @task.
 * @mode: S_IF* | permission bits
 *
 * Process context.  Returns the inode (holding a task reference) or
 * NULL without memory.
 */
struct inode *proc_pid_make_inode(struct super_block *sb,
				  struct task_struct *task, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	inode->i_mtime = inode->i_atime = inode->i_ctime = current_time(inode);
	inode->i_op = &proc_def_inode_operations;
	get_task_struct(task);
	PROC_I(inode)->task = task;
	pid_update_inode(task, inode);
	return inode;
}

/** pid_revalidate - ->d_revalidate: still the same, unreleased task. */
int pid_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;

	if (!inode)
		return 0;
	task = get_proc_task(inode);
	if (!task)
		return 0;
	pid_update_inode(task, inode);
	put_task_struct(task);
	return 1;
}

const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
	.d_delete = always_delete_dentry,
};

/* --- tables of entries ------------------------------------------------ */

#define NOD(NAME, MODE, IOP, FOP, OP)                                    \
	{                                                                \
		.name = (NAME), .len = sizeof(NAME) - 1, .mode = MODE, \
		.iop = IOP, .fop = FOP, .op = OP,                        \
	}
#define DIR(NAME, MODE, iops, fops) NOD(NAME, (S_IFDIR | (MODE)), &iops, &fops, {})
#define LNK(NAME, get_link)                                          \
	NOD(NAME, (S_IFLNK | S_IRWXUGO), &proc_pid_link_inode_operations, \
	    NULL, { .proc_get_link = get_link })
#define REG(NAME, MODE, fops) NOD(NAME, (S_IFREG | (MODE)), NULL, &fops, {})
#define ONE(NAME, MODE, show)                                  \
	NOD(NAME, (S_IFREG | (MODE)), NULL, &proc_single_file_operations, \
	    { .proc_show = show })

static struct dentry *proc_pident_instantiate(struct dentry *dentry,
					      struct task_struct *task,
					      const struct pid_entry *p)
{
	struct inode *inode =
		proc_pid_make_inode(dentry->d_sb, task, p->mode);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (S_ISDIR(inode->i_mode))
		set_nlink(inode, 2);
	if (p->iop)
		inode->i_op = p->iop;
	if (p->fop)
		inode->i_fop = p->fop;
	PROC_I(inode)->op = p->op;
	d_set_d_op(dentry, &pid_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

/**
 * proc_pident_lookup - ->lookup in a table of pid entries [@p, @end).
 * Returns NULL (found) or ERR_PTR(-ENOENT/-ENOMEM).
 */
struct dentry *proc_pident_lookup(struct inode *dir, struct dentry *dentry,
				  const struct pid_entry *p,
				  const struct pid_entry *end)
{
	struct task_struct *task = get_proc_task(dir);
	struct dentry *res = ERR_PTR(-ENOENT);

	if (!task)
		return res;
	for (; p < end; p++) {
		if (p->len == dentry->d_name.len &&
		    !memcmp(dentry->d_name.name, p->name, p->len)) {
			res = proc_pident_instantiate(dentry, task, p);
			break;
		}
	}
	put_task_struct(task);
	return res;
}

/* ".", ".." of a pid directory; false if the reader's buffer filled. */
static bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dentry);
		u64 ino = d_inode(parent)->i_ino;

		dput(parent);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/**
 * proc_fill_cache - emit one entry of a made-up directory.  The inode
 * number is a guess (the real one is made at lookup); ls -i is the only
 * one to notice.
 */
bool proc_fill_cache(struct file *file, struct dir_context *ctx,
		     const char *name, unsigned int len, unsigned char type,
		     u64 ino)
{
	return dir_emit(ctx, name, len, ino ? ino : 1, type);
}

/** proc_pident_readdir - ->iterate_shared of a table of pid entries. */
int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			const struct pid_entry *ents, unsigned int nents)
{
	struct task_struct *task = get_proc_task(file_inode(file));

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		goto out;
	for (; ctx->pos - 2 < nents; ctx->pos++) {
		const struct pid_entry *p = &ents[ctx->pos - 2];

		if (!proc_fill_cache(file, ctx, p->name, p->len, p->mode >> 12,
				     0))
			break;
	}
out:
	put_task_struct(task);
	return 0;
}

/* --- ONE(): files that are one show() call ---------------------------- */

static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	int ret;

	if (!task)
		return -ESRCH;
	ret = PROC_I(inode)->op.proc_show(m, task);
	put_task_struct(task);
	return ret;
}

static int proc_single_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, proc_single_show, inode);
}

static const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* --- cmdline, environ: the process's own memory ------------------------ */

/* Which of the two ranges a memory file reads. */
enum { MEM_ARGS, MEM_ENV };

/*
 * Read [start, end) of @task's memory at offset *@ppos into @iter.
 * Returns bytes read (0 at the end or for a kernel thread) or -errno.
 */
static ssize_t proc_read_mm_range(struct task_struct *task, int which,
				  struct iov_iter *iter, loff_t *ppos)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long start, end, pos;
	ssize_t copied = 0;
	char *page;

	if (!mm)
		return 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page) {
		mmput(mm);
		return -ENOMEM;
	}
	start = which == MEM_ARGS ? mm->arg_start : mm->env_start;
	end = which == MEM_ARGS ? mm->arg_end : mm->env_end;
	pos = start + *ppos;
	while (pos < end && iov_iter_count(iter)) {
		size_t chunk = min_t(unsigned long, PAGE_SIZE, end - pos);
		size_t n;
		int got;

		chunk = min(chunk, iov_iter_count(iter));
		got = access_remote_vm(mm, pos, page, chunk, 0);
		if (got <= 0)
			break;
		n = copy_to_iter(page, got, iter);
		copied += n;
		pos += n;
		if (n < (size_t)got) {
			if (!copied)
				copied = -EFAULT;
			break;
		}
	}
	free_page((unsigned long)page);
	mmput(mm);
	if (copied > 0)
		*ppos += copied;
	return copied;
}

static ssize_t proc_mem_range_read(struct kiocb *iocb, struct iov_iter *iter,
				   int which)
{
	struct task_struct *task = get_proc_task(file_inode(iocb->ki_filp));
	ssize_t ret;

	if (!task)
		return -ESRCH;
	ret = proc_read_mm_range(task, which, iter, &iocb->ki_pos);
	put_task_struct(task);
	return ret;
}

static ssize_t proc_pid_cmdline_read(struct kiocb *iocb, struct iov_iter *iter)
{
	return proc_mem_range_read(iocb, iter, MEM_ARGS);
}

static const struct file_operations proc_pid_cmdline_ops = {
	.read_iter = proc_pid_cmdline_read,
	.llseek = generic_file_llseek,
};

/* Opening another's environ, maps or fd/ needs ptrace access. */
static int proc_access_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);
	bool ok;

	if (!task)
		return -ESRCH;
	ok = proc_may_access(task);
	put_task_struct(task);
	return ok ? 0 : -EACCES;
}

static ssize_t proc_environ_read(struct kiocb *iocb, struct iov_iter *iter)
{
	return proc_mem_range_read(iocb, iter, MEM_ENV);
}

static const struct file_operations proc_environ_operations = {
	.open = proc_access_open,
	.read_iter = proc_environ_read,
	.llseek = generic_file_llseek,
};

static int proc_pid_auxv(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned int n = 0;

	if (!proc_may_access(task))
		return -EACCES;
	mm = get_task_mm(task);
	if (!mm)
		return 0;
	while (n + 2 <= ARRAY_SIZE(mm->saved_auxv) && mm->saved_auxv[n])
		n += 2;
	if (n + 2 <= ARRAY_SIZE(mm->saved_auxv))
		n += 2; /* the AT_NULL pair ends it */
	seq_write(m, mm->saved_auxv, n * sizeof(mm->saved_auxv[0]));
	mmput(mm);
	return 0;
}

/* --- comm -------------------------------------------------------------- */

static int comm_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	char comm[TASK_COMM_LEN];

	if (!task)
		return -ESRCH;
	get_task_comm(comm, task);
	seq_printf(m, "%s\n", comm);
	put_task_struct(task);
	return 0;
}

static int comm_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, comm_show, inode);
}

/* Only a thread of the same process may rename one (Linux's rule). */
static ssize_t comm_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	size_t count = iov_iter_count(from);
	char buffer[TASK_COMM_LEN] = {};
	struct task_struct *task;
	size_t len = min(count, sizeof(buffer) - 1);
	ssize_t ret = count;

	if (copy_from_iter(buffer, len, from) != len)
		return -EFAULT;
	if (len && buffer[len - 1] == '\n')
		buffer[len - 1] = '\0';
	task = get_proc_task(inode);
	if (!task)
		return -ESRCH;
	if (task->tgid == current->tgid)
		set_task_comm(task, buffer);
	else
		ret = -EINVAL;
	put_task_struct(task);
	return ret;
}

static const struct file_operations proc_pid_set_comm_operations = {
	.open = comm_open,
	.read_iter = seq_read_iter,
	.write_iter = comm_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* --- oom_score_adj, oom_score ------------------------------------------ */

#define OOM_SCORE_ADJ_MIN (-1000)
#define OOM_SCORE_ADJ_MAX 1000

static int oom_score_adj_show(struct seq_file *m, void *v)
{
	struct task_struct *task = get_proc_task(m->private);

	if (!task)
		return -ESRCH;
	seq_printf(m, "%d\n", READ_ONCE(task->signal->oom_score_adj));
	put_task_struct(task);
	return 0;
}

static int oom_score_adj_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, oom_score_adj_show, inode);
}

/*
 * Any value in [-1000, 1000]; making a process less likely to be
 * chosen than it was needs CAP_SYS_RESOURCE.
 */
static ssize_t oom_score_adj_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);
	char buffer[16] = {};
	struct task_struct *task;
	size_t len = min(count, sizeof(buffer) - 1);
	ssize_t ret = count;
	int adj;

	if (copy_from_iter(buffer, len, from) != len)
		return -EFAULT;
	if (kstrtoint(strim(buffer), 0, &adj))
		return -EINVAL;
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	task = get_proc_task(file_inode(iocb->ki_filp));
	if (!task)
		return -ESRCH;
	if (adj < task->signal->oom_score_adj && !capable(CAP_SYS_RESOURCE))
		ret = -EACCES;
	else
		WRITE_ONCE(task->signal->oom_score_adj, adj);
	put_task_struct(task);
	return ret;
}

static const struct file_operations proc_oom_score_adj_operations = {
	.open = oom_score_adj_open,
	.read_iter = seq_read_iter,
	.write_iter = oom_score_adj_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/*
 * The OOM killer's view of @task: its share of RAM in thousandths,
 * moved by oom_score_adj, as Linux's oom_badness() scales it.
 */
static int proc_oom_score(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long total = totalram_pages();
	long points = 0;

	if (mm) {
		points = get_mm_rss(mm) + atomic_long_read(&mm->pgtables_bytes) /
						  PAGE_SIZE;
		mmput(mm);
		points = total ? points * 1000 / total : 0;
		points += task->signal->oom_score_adj;
		if (points < 0)
			points = 0;
	}
	seq_printf(m, "%ld\n", points);
	return 0;
}

/* --- limits ------------------------------------------------------------ */

static const struct limit_names {
	const char *name;
	const char *unit;
} lnames[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

static void limit_value(struct seq_file *m, unsigned long v)
{
	if (v == RLIM_INFINITY)
		seq_printf(m, "%-20s ", "unlimited");
	else
		seq_printf(m, "%-20lu ", v);
}

static int proc_pid_limits(struct seq_file *m, struct task_struct *task)
{
	struct rlimit rlim[RLIM_NLIMITS];
	unsigned long flags;
	unsigned int i;

	if (!lock_task_sighand(task, &flags))
		return 0;
	memcpy(rlim, task->signal->rlim, sizeof(rlim));
	unlock_task_sighand(task, &flags);
	seq_printf(m, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		   "Hard Limit", "Units");
	for (i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(m, "%-25s ", lnames[i].name);
		limit_value(m, rlim[i].rlim_cur);
		limit_value(m, rlim[i].rlim_max);
		if (lnames[i].unit)
			seq_printf(m, "%-10s\n", lnames[i].unit);
		else
			seq_putc(m, '\n');
	}
	return 0;
}

/* --- mounts, mountinfo: as seen from the task's root ------------------- */

static int get_task_root(struct task_struct *task, struct path *root)
{
	int ret = -ENOENT;

	task_lock(task);
	if (task->fs) {
		get_fs_root(task->fs, root);
		ret = 0;
	}
	task_unlock(task);
	return ret;
}

static int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
{
	struct path root;

	if (get_task_root(task, &root))
		return 0;
	mounts_proc_show(m, &root);
	path_put(&root);
	return 0;
}

static int proc_pid_mountinfo(struct seq_file *m, struct task_struct *task)
{
	struct path root;

	if (get_task_root(task, &root))
		return 0;
	mountinfo_proc_show(m, &root);
	path_put(&root);
	return 0;
}

/* --- cwd, root, exe: magic links -------------------------------------- */

static int proc_cwd_link(struct dentry *dentry, struct path *path)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	int ret = -ENOENT;

	if (!task)
		return ret;
	task_lock(task);
	if (task->fs) {
		get_fs_pwd(task->fs, path);
		ret = 0;
	}
	task_unlock(task);
	put_task_struct(task);
	return ret;
}

static int proc_root_link(struct dentry *dentry, struct path *path)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	int ret;

	if (!task)
		return -ENOENT;
	ret = get_task_root(task, path);
	put_task_struct(task);
	return ret;
}

static int proc_exe_link(struct dentry *dentry, struct path *path)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	struct mm_struct *mm;
	int ret = -ENOENT;

	if (!task)
		return ret;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return ret;
	if (mm->exe_file) {
		*path = mm->exe_file->f_path;
		path_get(path);
		ret = 0;
	}
	mmput(mm);
	return ret;
}

/*
 * ->get_link of every magic link (cwd, root, exe, fd/N): during a path
 * walk, move it to the target itself (so even a deleted file or a pipe
 * opens); for readlink(2), the target's name.  The name is kmalloc'd
 * into *@cookie, which the VFS frees.
 */
static const char *proc_pid_get_link(struct dentry *dentry,
				     struct inode *inode, void **cookie)
{
	struct task_struct *task = get_proc_task(inode);
	struct path path;
	char *buf, *name;
	bool ok;
	int error;

	if (!task)
		return ERR_PTR(-ENOENT);
	ok = proc_may_access(task);
	put_task_struct(task);
	if (!ok)
		return ERR_PTR(-EACCES);
	error = PROC_I(inode)->op.proc_get_link(dentry, &path);
	if (error)
		return ERR_PTR(error);
	if (!nd_jump_link(&path)) {
		path_put(&path);
		return NULL;
	}
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		path_put(&path);
		return ERR_PTR(-ENOMEM);
	}
	name = d_path(&path, buf, PATH_MAX);
	path_put(&path);
	if (IS_ERR(name)) {
		kfree(buf);
		return name;
	}
	memmove(buf, name, strlen(name) + 1);
	*cookie = buf;
	return buf;
}

const struct inode_operations proc_pid_link_inode_operations = {
	.get_link = proc_pid_get_link,
};

/* --- task/ --------------------------------------------------------------- */

static const struct pid_entry tid_base_stuff[];
static const struct inode_operations proc_tid_base_inode_operations;
static const struct file_operations proc_tid_base_operations;
static unsigned int tid_base_count(void);

static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct task_struct *leader = get_proc_task(dir);
	struct task_struct *task = NULL;
	struct dentry *res = ERR_PTR(-ENOENT);
	struct inode *inode;
	unsigned int tid;

	if (!leader)
		return res;
	if (kstrtouint((const char *)dentry->d_name.name, 10, &tid) || !tid)
		goto out;
	task = find_get_task_by_pid(tid);
	if (!task)
		goto out;
	if (task->tgid != leader->tgid)
		goto out_put;
	inode = proc_pid_make_inode(dir->i_sb, task,
				    S_IFDIR | S_IRUGO | S_IXUGO);
	if (!inode) {
		res = ERR_PTR(-ENOMEM);
		goto out_put;
	}
	inode->i_op = &proc_tid_base_inode_operations;
	inode->i_fop = &proc_tid_base_operations;
	set_nlink(inode, 2 + 2); /* fd, fdinfo */
	d_set_d_op(dentry, &pid_dentry_operations);
	d_add(dentry, inode);
	res = NULL;
out_put:
	put_task_struct(task);
out:
	put_task_struct(leader);
	return res;
}

/* The tid of the @n-th thread of @leader's group, or 0. */
static pid_t nth_thread_tid(struct task_struct *leader, loff_t n)
{
	struct task_struct *t;
	unsigned long flags;
	pid_t tid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_thread(leader, t) {
		if (n-- == 0) {
			tid = t->pid;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return tid;
}

static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *leader = get_proc_task(file_inode(file));
	char name[16];

	if (!leader)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		goto out;
	for (;; ctx->pos++) {
		pid_t tid = nth_thread_tid(leader, ctx->pos - 2);
		int len;

		if (!tid)
			break;
		len = snprintf(name, sizeof(name), "%d", tid);
		if (!proc_fill_cache(file, ctx, name, len, DT_DIR, 0))
			break;
	}
out:
	put_task_struct(leader);
	return 0;
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

static const struct file_operations proc_task_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_task_readdir,
	.llseek = generic_file_llseek,
};

/* --- the entries of /proc/<pid>/ and /proc/<pid>/task/<tid>/ ------------- */

static const struct pid_entry tgid_base_stuff[] = {
	DIR("task", S_IRUGO | S_IXUGO, proc_task_inode_operations,
	    proc_task_operations),
	DIR("fd", S_IRUSR | S_IXUSR, proc_fd_inode_operations,
	    proc_fd_operations),
	DIR("fdinfo", S_IRUGO | S_IXUGO, proc_fdinfo_inode_operations,
	    proc_fdinfo_operations),
	REG("environ", S_IRUSR, proc_environ_operations),
	ONE("auxv", S_IRUSR, proc_pid_auxv),
	ONE("status", S_IRUGO, proc_pid_status),
	ONE("limits", S_IRUGO, proc_pid_limits),
	REG("comm", S_IRUGO | S_IWUSR, proc_pid_set_comm_operations),
	REG("cmdline", S_IRUGO, proc_pid_cmdline_ops),
	ONE("stat", S_IRUGO, proc_tgid_stat),
	ONE("statm", S_IRUGO, proc_pid_statm),
	REG("maps", S_IRUGO, proc_pid_maps_operations),
	ONE("mounts", S_IRUGO, proc_pid_mounts),
	ONE("mountinfo", S_IRUGO, proc_pid_mountinfo),
	REG("smaps_rollup", S_IRUGO, proc_pid_smaps_rollup_operations),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
	ONE("oom_score", S_IRUGO, proc_oom_score),
	REG("oom_score_adj", S_IRUGO | S_IWUSR, proc_oom_score_adj_operations),
};

static struct dentry *proc_tgid_base_lookup(struct inode *dir,
					    struct dentry *dentry,
					    unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, tgid_base_stuff,
				  tgid_base_stuff + ARRAY_SIZE(tgid_base_stuff));
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tgid_base_stuff,
				   ARRAY_SIZE(tgid_base_stuff));
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
	.llseek = generic_file_llseek,
};

static const struct pid_entry tid_base_stuff[] = {
	DIR("fd", S_IRUSR | S_IXUSR, proc_fd_inode_operations,
	    proc_fd_operations),
	DIR("fdinfo", S_IRUGO | S_IXUGO, proc_fdinfo_inode_operations,
	    proc_fdinfo_operations),
	REG("environ", S_IRUSR, proc_environ_operations),
	ONE("auxv", S_IRUSR, proc_pid_auxv),
	ONE("status", S_IRUGO, proc_pid_status),
	ONE("limits", S_IRUGO, proc_pid_limits),
	REG("comm", S_IRUGO | S_IWUSR, proc_pid_set_comm_operations),
	REG("cmdline", S_IRUGO, proc_pid_cmdline_ops),
	ONE("stat", S_IRUGO, proc_tid_stat),
	ONE("statm", S_IRUGO, proc_pid_statm),
	REG("maps", S_IRUGO, proc_pid_maps_operations),
	ONE("mounts", S_IRUGO, proc_pid_mounts),
	ONE("mountinfo", S_IRUGO, proc_pid_mountinfo),
	REG("smaps_rollup", S_IRUGO, proc_pid_smaps_rollup_operations),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
	ONE("oom_score", S_IRUGO, proc_oom_score),
	REG("oom_score_adj", S_IRUGO | S_IWUSR, proc_oom_score_adj_operations),
};

static unsigned int tid_base_count(void)
{
	return ARRAY_SIZE(tid_base_stuff);
}

static struct dentry *proc_tid_base_lookup(struct inode *dir,
					   struct dentry *dentry,
					   unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, tid_base_stuff,
				  tid_base_stuff + tid_base_count());
}

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tid_base_stuff, tid_base_count());
}

static const struct inode_operations proc_tid_base_inode_operations = {
	.lookup = proc_tid_base_lookup,
};

static const struct file_operations proc_tid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tid_base_readdir,
	.llseek = generic_file_llseek,
};

/* --- /proc/<pid> in the root ----------------------------------------------- */

/**
 * proc_pid_lookup - the root's lookup of a number: the process (or,
 * not listed by readdir but reachable as on Linux, the thread) @name.
 * Returns NULL (found) or ERR_PTR(-ENOENT/-ENOMEM).
 */
struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags)
{
	struct task_struct *task;
	struct inode *inode;
	unsigned int pid;

	if (kstrtouint((const char *)dentry->d_name.name, 10, &pid) || !pid)
		return ERR_PTR(-ENOENT);
	task = find_get_task_by_pid(pid);
	if (!task)
		return ERR_PTR(-ENOENT);
	inode = proc_pid_make_inode(dentry->d_sb, task,
				    S_IFDIR | S_IRUGO | S_IXUGO);
	put_task_struct(task);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	set_nlink(inode, 2 + 3); /* task, fd, fdinfo */
	d_set_d_op(dentry, &pid_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

/* The smallest process id >= @start, or 0. */
static pid_t next_tgid(pid_t start)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->pid != p->tgid || p->pid < start)
			continue;
		if (!best || p->pid < best)
			best = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/**
 * proc_pid_readdir - the process directories of the root, in pid
 * order, at positions FIRST_PROCESS_ENTRY + pid.
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	char name[16];

	if (ctx->pos < FIRST_PROCESS_ENTRY)
		ctx->pos = FIRST_PROCESS_ENTRY;
	for (;;) {
		pid_t tgid = next_tgid(ctx->pos - FIRST_PROCESS_ENTRY);
		int len;

		if (!tgid)
			break;
		ctx->pos = FIRST_PROCESS_ENTRY + tgid;
		len = snprintf(name, sizeof(name), "%d", tgid);
		if (!proc_fill_cache(file, ctx, name, len, DT_DIR, 0))
			return 0;
		ctx->pos++;
	}
	ctx->pos = FIRST_PROCESS_ENTRY + (loff_t)INT_MAX;
	return 0;
}
