/*
 * Creating tasks.  For now kernel threads only (kernel_thread); fork
 * and clone of user processes build on copy_process() in the processes
 * issue.
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/pgalloc.h>
#include <uapi/linux/sched.h>

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
	put_cred(t->real_cred);
	put_cred(t->cred);
	put_signal_struct(t->signal);
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
	set_task_stack_end_magic(tsk);
	atomic_set(&tsk->usage, 1);
	tsk->thread_info.flags = 0;
	return tsk;
}

/*
 * copy_process - a new task, not yet runnable.
 *
 * Everything that can fail happens before the task is linked into the
 * task list and the parent's children; after that point nothing fails.
 */
static struct task_struct *copy_process(int (*fn)(void *), void *arg,
					unsigned long clone_flags)
{
	struct task_struct *p = dup_task_struct(current);
	unsigned long flags;
	int err;

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->flags = (current->flags & ~(PF_IDLE | PF_EXITING)) | PF_KTHREAD |
		   PF_FORKNOEXEC;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	p->kthread = NULL;
	p->lockdep = NULL;
	p->mm = NULL;
	p->active_mm = NULL;
	p->exit_code = p->exit_state = 0;
	p->utime = p->stime = p->sum_exec_runtime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = local_clock();
	get_cred(p->real_cred);
	get_cred(p->cred);
	init_task_signal_state(p, clone_flags);
	err = copy_sighand(clone_flags, p);
	if (err)
		goto err_free;
	err = copy_signal(clone_flags, p);
	if (err)
		goto err_sighand;
	/* Kernel threads share root, cwd and fds (CLONE_FS | CLONE_FILES). */
	copy_fs(0x00000200, p);
	copy_files(0x00000400, p);
	sched_fork(p);
	copy_thread(p, 0, (unsigned long)fn, (unsigned long)arg);
	err = -EAGAIN;
	if (alloc_pid(p) < 0) {
		exit_files(p);
		exit_fs(p);
		goto err_signal;
	}
	/* Nothing can fail from here on. */
	p->tgid = p->pid;
	p->group_leader = p;
	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
	}
	p->real_parent = p->parent = current;
	if (p->pid == 1)
		p->signal->flags |= SIGNAL_UNKILLABLE; /* init */
	atomic_inc(&p->real_cred->user->processes);
	spin_lock_irqsave(&tasklist_lock, flags);
	signal_link_thread(p);
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

err_signal:
	put_signal_struct(p->signal);
err_sighand:
	__cleanup_sighand(p->sighand);
err_free:
	put_cred(p->real_cred);
	put_cred(p->cred);
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
	return ERR_PTR(err);
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg).
 * @fn: the thread's function; its return value is the exit code
 * @arg: its argument
 * @flags: clone flags: CLONE_SIGHAND and CLONE_THREAD share the
 *	caller's handlers and thread group (tests); others are ignored
 *
 * Process context, may sleep.  Returns the new pid or -errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct task_struct *p = copy_process(fn, arg, flags);
	pid_t pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	wake_up_new_task(p);
	return pid;
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
