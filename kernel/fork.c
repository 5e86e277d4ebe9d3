/*
 * Creating tasks: fork, vfork and clone for processes and threads,
 * kernel_thread for the kernel.  copy_process() duplicates the calling
 * task and then, resource by resource, shares or copies what the clone
 * flags say: files, fs (root/cwd/umask), signal handlers, the thread
 * group's signal state, the address space (a copy-on-write duplicate
 * unless CLONE_VM).
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/futex.h>
#include <linux/uaccess.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <uapi/linux/sched.h>
#include <asm/pgalloc.h>

static struct kmem_cache *task_struct_cachep;
DEFINE_SPINLOCK(tasklist_lock);
unsigned long total_forks;

/** fork_init - the task_struct cache.  Boot. */
void __init fork_init(void)
{
	task_struct_cachep =
		kmem_cache_create("task_struct", sizeof(struct task_struct), 0,
				  SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
	pid_init();
	signals_init(); /* rlimits that depend on memory */
}

static void *alloc_thread_stack(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	return page ? page_address(page) : NULL;
}

static void free_thread_stack(void *stack)
{
	free_pages((unsigned long)stack, THREAD_SIZE_ORDER);
}

/**
 * __put_task_struct - free a task whose last reference went away.
 *
 * It has exited and been switched away from for the last time.
 */
void __put_task_struct(struct task_struct *t)
{
	WARN_ON(!(t->__state & TASK_DEAD) && !(t->flags & PF_EXITING));
	lockdep_free_task(t);
	put_signal_struct(t->signal);
	put_cred(t->real_cred);
	put_cred(t->cred);
	free_thread_stack(t->stack);
	kfree(t->kthread);
	kmem_cache_free(task_struct_cachep, t);
}

/* A copy of @orig with its own stack, canary and one reference. */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk =
		kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	void *stack;

	if (!tsk)
		return NULL;
	stack = alloc_thread_stack();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = stack;
	spin_lock_init(&tsk->alloc_lock);
	tsk->nameidata = NULL;
	set_task_stack_end_magic(tsk);
	atomic_set(&tsk->usage, 1);
	tsk->thread_info.flags = 0;
	return tsk;
}

int nr_threads; /* tasks in the task list */

/* Tasks whose real uid is @uid (RLIMIT_NPROC). */
static unsigned long nr_processes_of(uid_t uid)
{
	struct task_struct *p;
	unsigned long n = 0, flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks)
		n += p->real_cred->uid == uid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/* The vfork child is done with the parent's mm: let the parent run. */
static void complete_vfork_done(struct task_struct *tsk)
{
	struct completion *vfork = xchg(&tsk->vfork_done, NULL);

	if (vfork)
		complete(vfork);
}

/*
 * The vfork parent waits, killably.  If it is killed it withdraws the
 * completion; if the child already took it, the completion is about to
 * fire and the parent must wait for it (it lives on this stack).
 */
static void wait_for_vfork_done(struct task_struct *child,
				struct completion *vfork)
{
	if (!wait_for_completion_killable(vfork))
		return;
	if (xchg(&child->vfork_done, NULL) == NULL)
		wait_for_completion(vfork);
}

static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	int __user *tidptr = tsk->clear_child_tid;

	/*
	 * CLONE_CHILD_CLEARTID: tell threads sharing the mm that this one
	 * is gone -- zero the tid word and wake a futex waiter on it
	 * (pthread_join).  Nobody to tell if the mm dies with us.
	 */
	if (tidptr) {
		tsk->clear_child_tid = NULL;
		if (mm && atomic_read(&mm->mm_users) > 1 &&
		    !put_user(0, tidptr))
			futex_wake_tid((u32 __user *)tidptr);
	}
	if (tsk->vfork_done)
		complete_vfork_done(tsk);
}

/**
 * exit_mm_release - the task is exiting: release robust futexes, clear
 * its tid word, and wake a vfork parent.
 * @tsk: current
 * @mm: its address space (may be NULL)
 */
void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exit_release(tsk);
	mm_release(tsk, mm);
}

/** exec_mm_release - the same when the address space is replaced. */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exec_release(tsk);
	mm_release(tsk, mm);
}

/* Free what copy_process() took, in reverse order, on failure. */
static void copy_process_cleanup(struct task_struct *p, int stage)
{
	switch (stage) {
	case 6:
		exit_mm_release(p, p->mm);
		if (p->mm)
			mmput(p->mm);
		fallthrough;
	case 5:
		put_signal_struct(p->signal);
		fallthrough;
	case 4:
		__cleanup_sighand(p->sighand);
		fallthrough;
	case 3:
		exit_fs(p);
		fallthrough;
	case 2:
		exit_files(p);
		fallthrough;
	case 1:
		put_cred(p->real_cred);
		put_cred(p->cred);
		free_thread_stack(p->stack);
		kmem_cache_free(task_struct_cachep, p);
	}
}

/* Share the parent's address space (CLONE_VM) or copy it for COW. */
static int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm;
	struct mm_struct *mm;

	p->mm = NULL;
	p->active_mm = NULL;
	if (!oldmm)
		return 0; /* a kernel thread */
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(p, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	p->mm = mm;
	p->active_mm = mm;
	return 0;
}

/* The clone flag combinations Linux refuses, with its errors. */
static int clone_flags_valid(u64 flags)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_PARENT) && current->signal &&
	    (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL; /* init cannot have siblings */
	if (flags & CLONE_NAMESPACES) {
		pr_warn_once("linnet: clone: namespaces are not supported\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * copy_process - a new task, not yet runnable.
 * @args: what to share and where the child starts
 *
 * Everything that can fail happens before the task is linked into the
 * task list and its parent's children; after that point nothing fails.
 */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	unsigned long flags;
	int err, stage = 1;

	err = clone_flags_valid(clone_flags);
	if (err)
		return ERR_PTR(err);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	/* One reference for release_task(), one for the last switch away. */
	atomic_set(&p->usage, 2);
	p->flags = current->flags & ~(PF_IDLE | PF_EXITING | PF_WQ_WORKER);
	if (args->fn)
		p->flags |= PF_KTHREAD;
	p->flags |= PF_FORKNOEXEC;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	p->kthread = NULL;
	p->lockdep = NULL;
	p->exit_code = p->exit_state = 0;
	p->utime = p->stime = p->sum_exec_runtime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = local_clock();
	p->set_child_tid =
		clone_flags & CLONE_CHILD_SETTID ? args->child_tid : NULL;
	p->clear_child_tid =
		clone_flags & CLONE_CHILD_CLEARTID ? args->child_tid : NULL;
	p->robust_list = NULL;
	get_cred(p->real_cred);
	get_cred(p->cred);
	init_task_signal_state(p, clone_flags);

	err = -EAGAIN;
	if (p->signal && !args->fn && task_rlimit(current, RLIMIT_NPROC) !=
	    RLIM_INFINITY && current_uid() != 0 &&
	    nr_processes_of(current_uid()) >= task_rlimit(current, RLIMIT_NPROC))
		goto fail;
	err = copy_files(clone_flags, p);
	if (err)
		goto fail;
	stage = 2;
	err = copy_fs(clone_flags, p);
	if (err)
		goto fail;
	stage = 3;
	err = copy_sighand(clone_flags, p);
	if (err)
		goto fail;
	stage = 4;
	err = copy_signal(clone_flags, p);
	if (err)
		goto fail;
	stage = 5;
	err = copy_mm(clone_flags, p);
	if (err)
		goto fail;
	stage = 6;
	sched_fork(p);
	/* Kernel threads pass fn/arg where users pass stack/tls. */
	if (args->fn)
		err = copy_thread(p, clone_flags, (unsigned long)args->fn,
				  (unsigned long)args->fn_arg);
	else
		err = copy_thread(p, clone_flags, args->stack, args->tls);
	if (err)
		goto fail;
	if (alloc_pid(p) < 0) {
		err = -EAGAIN;
		goto fail;
	}

	/* Nothing can fail from here on. */
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(p->pid, args->parent_tid); /* errors ignored, as Linux */
	spin_lock_irqsave(&tasklist_lock, flags);
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		p->exit_signal = clone_flags & CLONE_THREAD ?
					 -1 :
					 current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
		p->exit_signal = args->exit_signal;
	}
	p->parent = p->real_parent;
	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
	} else {
		p->tgid = p->pid;
		p->group_leader = p;
	}
	if (p->pid == 1)
		p->signal->flags |= SIGNAL_UNKILLABLE; /* init */
	atomic_inc(&p->real_cred->user->processes);
	signal_link_thread(p);
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	total_forks++;
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
fail:
	copy_process_cleanup(p, stage);
	return ERR_PTR(err);
}

/**
 * kernel_clone - create a task as fork/vfork/clone ask.
 * @args: flags, exit signal, stack, tls and tid pointers
 *
 * Returns the child's pid in the parent, or -errno.  With CLONE_VFORK
 * the parent sleeps until the child execs or exits.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p;
	pid_t pid;

	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK) {
		wait_for_vfork_done(p, &vfork);
		put_task_struct(p);
	}
	return pid;
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg).
 * @fn: the thread's function; its return value is the exit code
 * @arg: its argument
 * @flags: clone flags (CLONE_FS, CLONE_FILES ... to share with init)
 *
 * Process context, may sleep.  Returns the new pid or -errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags & ~CSIGNAL) | CLONE_VM | CLONE_UNTRACED,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86_64's argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.tls = tls,
	};

	if (args.exit_signal >= _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}

/*
 * fork_idle() (SMP bring-up, see arch/x86/kernel/smpboot.c): the idle
 * tasks of the other CPUs, made like the boot CPU's init_task.
 */

/**
 * fork_idle - create the idle task of @cpu.
 * @cpu: a CPU about to be brought up
 *
 * Process context, may sleep.  The task copies init_task's identity:
 * pid 0, named "swapper/<cpu>", on neither the task list nor the pid
 * hash, borrowing init_mm.  It never starts through ret_from_fork: the
 * CPU enters start_secondary() directly on its stack.  init_idle()
 * makes it @cpu's idle task and current task of @cpu's runqueue.
 * Returns the task or ERR_PTR(-ENOMEM).
 */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *p = dup_task_struct(&init_task);

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->flags = PF_KTHREAD;
	INIT_LIST_HEAD(&p->run_list);
	p->array = NULL;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_HLIST_NODE(&p->pid_link);
	INIT_LIST_HEAD(&p->thread_node); /* shares init_task's signals */
	init_sigpending(&p->pending);
	p->kthread = NULL;
	p->lockdep = NULL;
	p->utime = p->stime = p->sum_exec_runtime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = local_clock();
	p->mm = NULL;
	p->active_mm = &init_mm;
	mmgrab(&init_mm);
	p->real_parent = p->parent = &init_task;
	p->group_leader = p;
	snprintf(p->comm, sizeof(p->comm), "swapper/%d", cpu);
	init_idle(p, cpu);
	return p;
}

/*
 * Address spaces (mm_struct): created empty for exec (mm_alloc), copied
 * for fork (dup_mm), shared by CLONE_VM threads.  mm_users counts the
 * tasks using one; when it drops to zero the mappings go (exit_mmap).
 * mm_count counts references to the structure itself -- all users
 * together hold one, and each lazy-TLB borrower another; at zero the
 * pgd and the structure are freed (__mmdrop).
 */
static struct kmem_cache *mm_cachep;

static int __init mm_cache_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
	return 0;
}
core_initcall(mm_cache_init);

/* Reset what belongs to one mm only and give it page tables. */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	int i;

	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap_list);
	INIT_LIST_HEAD(&mm->mmlist);
	mm->mmap_cache = NULL;
	mm->map_count = 0;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	for (i = 0; i < NR_MM_COUNTERS; i++)
		atomic_long_set(&mm->rss_stat[i], 0);
	atomic_long_set(&mm->pgtables_bytes, 0);
	mm->hiwater_rss = mm->hiwater_vm = 0;
	cpumask_clear(mm_cpumask(mm));
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/**
 * mm_alloc - a new, empty address space (exec).
 *
 * May sleep.  No VMAs; the kernel half of its page tables is shared;
 * mmap_base is set for an 8 MiB stack (exec calls
 * arch_pick_mmap_layout() again with the real rlimit).  One user
 * reference (mmput() it).  Returns NULL when out of memory.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	if (!mm_init(mm))
		return NULL;
	arch_pick_mmap_layout(mm, NULL);
	return mm;
}

/* Linux's "BUG: Bad rss-counter state": a page accounted but not freed. */
static void check_mm(struct mm_struct *mm)
{
	static const char *const names[NR_MM_COUNTERS] = {
		"MM_FILEPAGES", "MM_ANONPAGES", "MM_SWAPENTS", "MM_SHMEMPAGES"
	};
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++) {
		long x = atomic_long_read(&mm->rss_stat[i]);

		if (x)
			pr_alert(
				"BUG: Bad rss-counter state mm:%p type:%s val:%ld\n",
				mm, names[i], x);
	}
	if (atomic_long_read(&mm->pgtables_bytes) != PAGE_SIZE)
		pr_alert("BUG: non-zero pgtables_bytes on freeing mm: %ld\n",
			 atomic_long_read(&mm->pgtables_bytes) - PAGE_SIZE);
}

/**
 * __mmdrop - free an mm whose last reference went away.
 * @mm: no task uses it and no CPU has it loaded
 *
 * Any context that may free pages (the scheduler calls it after a
 * switch away from a lazy-TLB mm).
 */
void __mmdrop(struct mm_struct *mm)
{
	if (WARN_ON_ONCE(mm == &init_mm))
		return;
	check_mm(mm);
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/**
 * mmput - drop a user reference to @mm.
 * @mm: the address space
 *
 * May sleep.  The last user's drop unmaps everything (exit_mmap) and
 * releases /proc/<pid>/exe's file; the structure lives on while
 * lazy-TLB references remain.
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mm->exe_file = NULL;
	mmdrop(mm);
}

/**
 * get_task_mm - @task's address space with a user reference.
 * @task: any task
 *
 * Process context.  task_lock keeps exit and exec from swapping the mm
 * away between the read and the reference.  Returns the mm (mmput() it)
 * or NULL for a kernel thread or a task past exit_mm().
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	task_lock(task);
	mm = task->mm;
	if (mm && ((task->flags & PF_KTHREAD) || !mmget_not_zero(mm)))
		mm = NULL;
	task_unlock(task);
	return mm;
}

/**
 * dup_mm - fork's copy of @oldmm for @tsk.
 * @tsk: the child (not used yet: no per-task mm state)
 * @oldmm: the parent's address space
 *
 * May sleep.  Copies the layout fields (brk, stack, args...) and every
 * VMA but VM_DONTCOPY ones; private pages become copy-on-write in both
 * (dup_mmap()).  Returns the new mm with one user, or NULL when out of
 * memory.
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);

	(void)tsk;
	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm))
		return NULL;
	if (mm->exe_file)
		get_file(mm->exe_file);
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
}
