/*
 * execve: replace the calling process's program (seeds 000 and 002).
 *
 * In two halves around the "point of no return".  Before it, anything
 * may fail and execve returns an error to the old program: the file is
 * opened and checked, its first bytes read, the argument and
 * environment strings copied out of the old address space into kernel
 * buffers, and a binary format recognises the file.  Then
 * begin_new_exec() throws the old image away (other threads, the
 * address space, caught signal handlers, close-on-exec files) and the
 * format maps the new program and builds its stack; a failure from
 * there on can only kill the process.
 */
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mman.h>
#include <linux/sched/task.h>
#include <uapi/linux/limits.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/futex.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/mmu_context.h>

extern spinlock_t tasklist_lock;

static LIST_HEAD(formats);
static DEFINE_SPINLOCK(binfmt_lock);

/**
 * register_binfmt - add a binary format; tried in registration order.
 * @fmt: the format, static
 */
void register_binfmt(struct linux_binfmt *fmt)
{
	spin_lock(&binfmt_lock);
	list_add_tail(&fmt->lh, &formats);
	spin_unlock(&binfmt_lock);
}

/* Room for @need more bytes in @s; the buffer doubles as it grows. */
static int strings_reserve(struct binprm_strings *s, unsigned long need)
{
	unsigned long cap = s->cap ? s->cap : 4096;
	char *buf;

	if (s->len + need <= s->cap)
		return 0;
	while (cap < s->len + need)
		cap *= 2;
	buf = kvmalloc(cap, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (s->buf) {
		memcpy(buf, s->buf, s->len);
		kvfree(s->buf);
	}
	s->buf = buf;
	s->cap = cap;
	return 0;
}

static void strings_free(struct binprm_strings *s)
{
	kvfree(s->buf);
	s->buf = NULL;
	s->len = s->cap = 0;
	s->count = 0;
}

/*
 * The limit on argv + envp, as Linux: a quarter of the stack rlimit
 * (at most 3/4 of the default 8 MiB stack), and never below 32 pages.
 */
static unsigned long strings_limit(struct linux_binprm *bprm)
{
	unsigned long limit = bprm->rlim_stack_cur / 4;

	if (limit > _STK_LIM / 4 * 3)
		limit = _STK_LIM / 4 * 3;
	if (limit < 32 * PAGE_SIZE)
		limit = 32 * PAGE_SIZE;
	return limit;
}

/* Account one string of @len bytes (with its NUL) and its pointer. */
static int strings_account(struct linux_binprm *bprm, unsigned long len)
{
	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	bprm->total_strings += len + sizeof(void *);
	if (bprm->total_strings > strings_limit(bprm))
		return -E2BIG;
	return 0;
}

/* Append the kernel string @str to @s. */
static int strings_add(struct linux_binprm *bprm, struct binprm_strings *s,
		       const char *str)
{
	unsigned long len = strlen(str) + 1;
	int err = strings_account(bprm, len);

	if (!err)
		err = strings_reserve(s, len);
	if (err)
		return err;
	memcpy(s->buf + s->len, str, len);
	s->len += len;
	s->count++;
	return 0;
}

/* Copy a NULL-terminated user array of user strings (argv or envp). */
static int copy_strings_user(struct linux_binprm *bprm,
			     struct binprm_strings *s,
			     const char __user *const __user *vec)
{
	int i, err;

	if (!vec)
		return 0; /* Linux treats NULL argv/envp as empty */
	for (i = 0;; i++) {
		const char __user *str;
		long len;

		if (i >= MAX_ARG_STRINGS)
			return -E2BIG;
		if (get_user(str, vec + i))
			return -EFAULT;
		if (!str)
			break;
		len = strnlen_user(str, MAX_ARG_STRLEN);
		if (!len)
			return -EFAULT;
		err = strings_account(bprm, len);
		if (!err)
			err = strings_reserve(s, len);
		if (err)
			return err;
		if (copy_from_user(s->buf + s->len, str, len))
			return -EFAULT;
		/* Another thread may have changed it meanwhile: terminate. */
		s->buf[s->len + len - 1] = '\0';
		s->len += strlen(s->buf + s->len) + 1;
		s->count++;
		if (fatal_signal_pending(current))
			return -ERESTARTNOHAND;
		cond_resched();
	}
	return 0;
}

static int copy_strings_kernel(struct linux_binprm *bprm,
			       struct binprm_strings *s,
			       const char *const *vec)
{
	int err;

	for (; vec && *vec; vec++) {
		err = strings_add(bprm, s, *vec);
		if (err)
			return err;
	}
	return 0;
}

/**
 * bprm_remove_first_arg - drop argv[0] (a "#!" script's own name, which
 * the interpreter line replaces).
 * @bprm: the exec in progress
 */
void bprm_remove_first_arg(struct linux_binprm *bprm)
{
	struct binprm_strings *s = &bprm->argv;
	unsigned long len;

	if (!s->count)
		return;
	len = strlen(s->buf) + 1;
	memmove(s->buf, s->buf + len, s->len - len);
	s->len -= len;
	s->count--;
	bprm->total_strings -= len + sizeof(void *);
}

/**
 * bprm_prepend_arg - insert @arg before argv[0].
 * @bprm: the exec in progress
 * @arg: a kernel string
 *
 * Returns 0, -E2BIG or -ENOMEM.
 */
int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg)
{
	struct binprm_strings *s = &bprm->argv;
	unsigned long len = strlen(arg) + 1;
	int err = strings_account(bprm, len);

	if (!err)
		err = strings_reserve(s, len);
	if (err)
		return err;
	memmove(s->buf + len, s->buf, s->len);
	memcpy(s->buf, arg, len);
	s->len += len;
	s->count++;
	return 0;
}

/**
 * bprm_change_interp - remember that @interp is the file run now.
 * @interp: path of the interpreter (copied)
 * @bprm: the exec in progress
 */
int bprm_change_interp(const char *interp, struct linux_binprm *bprm)
{
	char *copy = kstrdup(interp, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	bprm->interp = copy;
	return 0;
}

/**
 * open_exec - open a file to execute (a "#!" or ELF interpreter).
 * @name: kernel path
 *
 * The file must be a regular file with execute permission on a mount
 * without MS_NOEXEC: anything else is -EACCES, as Linux.
 */
struct file *open_exec(const char *name)
{
	struct filename *fname = getname_kernel(name);
	struct file *file;

	if (IS_ERR(fname))
		return ERR_CAST(fname);
	file = vfs_open_exec(AT_FDCWD, fname, 0);
	putname(fname);
	return file;
}

/* Set-user-ID bits do not count on a nosuid mount. */
static bool path_nosuid(const struct path *path)
{
	return path->mnt->mnt_flags & MNT_NOSUID;
}

/**
 * prepare_binprm - read the head of bprm->file into bprm->buf and work
 * out the credentials of the new image (set-user-ID and set-group-ID
 * files on a mount without MS_NOSUID).
 * @bprm: the exec in progress
 */
int prepare_binprm(struct linux_binprm *bprm)
{
	struct inode *inode = file_inode(bprm->file);
	struct cred *new = bprm->cred;
	loff_t pos = 0;
	ssize_t n;

	if (!path_nosuid(&bprm->file->f_path)) {
		if (inode->i_mode & S_ISUID) {
			new->euid = new->fsuid = inode->i_uid;
			bprm->secureexec |= new->euid != new->uid;
		}
		if ((inode->i_mode & (S_ISGID | S_IXGRP)) ==
		    (S_ISGID | S_IXGRP)) {
			new->egid = new->fsgid = inode->i_gid;
			bprm->secureexec |= new->egid != new->gid;
		}
	}
	memset(bprm->buf, 0, BINPRM_BUF_SIZE);
	n = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	return n < 0 ? n : 0;
}

/*
 * Capabilities across exec, Linux's rules without file capabilities:
 * a process that is root (real or effective) after the exec gets the
 * bounding set as permitted, and as effective only if euid is root;
 * anyone else keeps only the ambient set.
 */
static void bprm_fill_caps(struct cred *new)
{
	if (new->euid == 0 || new->uid == 0) {
		new->cap_permitted = new->cap_bset;
		new->cap_effective =
			new->euid == 0 ? new->cap_permitted : CAP_EMPTY_SET;
	} else {
		new->cap_permitted = new->cap_ambient;
		new->cap_effective = new->cap_ambient;
	}
}

/**
 * set_task_comm - name a task (exec: the file's basename; PR_SET_NAME).
 * @tsk: the task
 * @name: its new name, truncated to TASK_COMM_LEN - 1
 */
void set_task_comm(struct task_struct *tsk, const char *name)
{
	strscpy(tsk->comm, name, sizeof(tsk->comm));
}

/*
 * Become the only thread of the process: SIGKILL the others and wait
 * until they are gone.  A thread other than the leader then takes the
 * leader's place, as Linux does: it gets the leader's pid (the tgid),
 * its parent and its exit signal, and the old leader, a zombie by now,
 * is released with the thread's old pid.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader;
	unsigned long flags;

	if (!sig || thread_group_empty(tsk))
		return 0;
	spin_lock_irq(&tsk->sighand->siglock);
	if (signal_group_exit(sig)) {
		spin_unlock_irq(&tsk->sighand->siglock);
		return -EAGAIN; /* another thread is already ending us */
	}
	sig->group_exec_task = tsk;
	zap_other_threads(tsk);
	spin_unlock_irq(&tsk->sighand->siglock);
	leader = tsk->group_leader;
	/* Left: us, and a leader that stays a zombie while we live. */
	for (;;) {
		int want = leader == tsk ? 1 : 2;

		if (READ_ONCE(sig->nr_threads) <= want &&
		    (leader == tsk || READ_ONCE(leader->exit_state)))
			break;
		if (fatal_signal_pending(tsk)) {
			sig->group_exec_task = NULL;
			return -EINTR;
		}
		schedule_timeout_uninterruptible(1);
	}
	if (leader != tsk) {
		spin_lock_irqsave(&tasklist_lock, flags);
		exchange_pids(tsk, leader);
		tsk->tgid = tsk->pid;
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->real_parent = leader->real_parent;
		tsk->parent = leader->parent;
		tsk->exit_signal = leader->exit_signal;
		leader->exit_signal = -1;
		{
			struct task_struct *child;

			/* Our parent's child is now us, at the leader's place. */
			list_del_init(&tsk->sibling);
			list_replace_init(&leader->sibling, &tsk->sibling);
			/* The old leader's children become ours. */
			list_for_each_entry(child, &leader->children, sibling)
				child->real_parent = child->parent = tsk;
			list_splice_tail_init(&leader->children, &tsk->children);
		}
		tsk->start_time = leader->start_time;
		leader->exit_state = EXIT_DEAD;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		release_task(leader);
	}
	sig->group_exec_task = NULL;
	return 0;
}

/* Make @mm the address space of current; drop the old one. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	struct mm_struct *active_mm;

	/* A thread with CLONE_CHILD_CLEARTID is told its old image died. */
	exec_mm_release(tsk, old_mm);
	preempt_disable();
	active_mm = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	activate_mm(active_mm, mm);
	preempt_enable();
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm); /* a kernel thread's borrowed mm (pid 1) */
}

/**
 * begin_new_exec - the point of no return.
 * @bprm: the exec in progress, with a recognised file
 *
 * Kills the other threads, gives current a fresh empty address space,
 * resets caught signals, closes close-on-exec files and installs the
 * new credentials.  Returns 0, or an error if it failed before anything
 * was destroyed.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	struct mm_struct *mm;
	int err;

	err = de_thread(me);
	if (err)
		return err;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	err = unshare_files();
	if (!err)
		err = unshare_fs_struct();
	if (err) {
		mmput(mm);
		return err;
	}
	bprm->point_of_no_return = 1;
	mm->exe_file = get_file(bprm->file); /* /proc/<pid>/exe */
	exec_mmap(mm);
	me->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	flush_thread();
	do_close_on_exec(me->files);
	flush_signal_handlers(me, 0);
	me->sas_ss_sp = 0;
	me->sas_ss_size = 0;
	me->sas_ss_flags = SS_DISABLE;
	if (bprm->secureexec)
		me->pdeath_signal = 0;
	bprm_fill_caps(bprm->cred);
	commit_creds(bprm->cred);
	bprm->cred = NULL;
	set_task_comm(me, kbasename(bprm->filename));
	return 0;
}

/**
 * setup_new_exec - lay out the fresh address space (mmap base, size).
 * @bprm: the exec in progress, past begin_new_exec()
 */
void setup_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;

	struct rlimit rlim_stack = { bprm->rlim_stack_cur, bprm->rlim_stack_cur };

	mm->task_size = TASK_SIZE_MAX;
	arch_pick_mmap_layout(mm, &rlim_stack);
}

/**
 * setup_arg_pages - map the new stack below @stack_top.
 * @bprm: the exec in progress
 * @stack_top: highest stack address + 1
 *
 * The mapping is big enough for the strings and vectors plus Linux's
 * 128 KiB of room; later it grows down on faults up to RLIMIT_STACK.
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top)
{
	unsigned long size = PAGE_ALIGN(bprm->total_strings + 4 * PAGE_SIZE) +
			     128 * 1024;
	unsigned long addr;

	addr = vm_mmap(NULL, stack_top - size, size,
		       PROT_READ | PROT_WRITE |
			       (bprm->executable_stack ? PROT_EXEC : 0),
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       0);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	current->mm->start_stack = stack_top;
	bprm->p = stack_top;
	return 0;
}

/* Try each format; a "#!" script loops back here with its interpreter. */
static int exec_binprm(struct linux_binprm *bprm)
{
	struct linux_binfmt *fmt;
	int err;

	for (;;) {
		if (bprm->recursion_depth > BINPRM_MAX_RECURSION)
			return -ELOOP;
		err = prepare_binprm(bprm);
		if (err)
			return err;
		err = -ENOEXEC;
		list_for_each_entry(fmt, &formats, lh) {
			struct file *before = bprm->file;

			err = fmt->load_binary(bprm);
			if (err == -ENOEXEC)
				continue;
			/* A script swapped in its interpreter: go round. */
			if (!err && bprm->file != before &&
			    !bprm->point_of_no_return)
				break;
			return err;
		}
		if (err == -ENOEXEC)
			return err;
		bprm->recursion_depth++;
	}
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->file)
		fput(bprm->file);
	if (bprm->executable)
		fput(bprm->executable);
	if (bprm->cred)
		abort_creds(bprm->cred);
	strings_free(&bprm->argv);
	strings_free(&bprm->envp);
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	kfree(bprm->filename);
	kfree(bprm);
}

/* Where the vectors come from: user memory, or a kernel array. */
struct exec_args {
	const char __user *const __user *uargv, *const __user *uenvp;
	const char *const *kargv, *const *kenvp;
};

static int do_execve_common(int dfd, struct filename *name,
			    struct exec_args *args, int flags)
{
	struct linux_binprm *bprm;
	struct file *file;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	err = -ENOMEM;
	if (!bprm)
		goto out_name;
	/*
	 * AT_EXECFN and the interpreter see a name that reopens the file:
	 * as given if absolute or cwd-relative, else through /dev/fd/N.
	 */
	if (dfd == AT_FDCWD || name->name[0] == '/')
		bprm->filename = kstrdup(name->name, GFP_KERNEL);
	else if (!name->name[0])
		bprm->filename = kasprintf(GFP_KERNEL, "/dev/fd/%d", dfd);
	else
		bprm->filename = kasprintf(GFP_KERNEL, "/dev/fd/%d/%s", dfd,
					   name->name);
	bprm->interp = bprm->filename;
	bprm->cred = prepare_creds();
	if (!bprm->filename || !bprm->cred)
		goto out;
	bprm->rlim_stack_cur =
		current->signal ? rlimit(RLIMIT_STACK) : _STK_LIM;
	file = vfs_open_exec(dfd, name, flags);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out;
	}
	bprm->file = file;
	if (args->kargv || args->kenvp) {
		err = copy_strings_kernel(bprm, &bprm->argv, args->kargv);
		if (!err)
			err = copy_strings_kernel(bprm, &bprm->envp,
						  args->kenvp);
	} else {
		err = copy_strings_user(bprm, &bprm->argv, args->uargv);
		if (!err)
			err = copy_strings_user(bprm, &bprm->envp,
						args->uenvp);
	}
	if (err)
		goto out;
	err = exec_binprm(bprm);
	if (err && bprm->point_of_no_return) {
		/* The old image is gone and the new one is broken. */
		force_sig(SIGSEGV);
	}
out:
	free_bprm(bprm);
out_name:
	putname(name);
	return err;
}

/**
 * kernel_execve - exec from a kernel thread (pid 1 running /init).
 * @filename: kernel path
 * @argv: NULL-terminated kernel array
 * @envp: NULL-terminated kernel array
 *
 * On success the calling kernel thread has become a user process: when
 * its thread function returns, ret_from_fork leaves for user mode
 * through the registers start_thread() set.
 */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct exec_args args = { .kargv = argv, .kenvp = envp };

	return do_execve_common(AT_FDCWD, getname_kernel(filename), &args, 0);
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct exec_args args = { .uargv = argv, .uenvp = envp };

	return do_execve_common(AT_FDCWD, getname(filename), &args, 0);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	struct exec_args args = { .uargv = argv, .uenvp = envp };
	int lookup = flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0;

	return do_execve_common(fd, getname_flags(filename, lookup, NULL),
				&args, flags);
}
