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
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

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
static struct task_struct *copy_process(int (*fn)(void *), void *arg)
{
	struct task_struct *p = dup_task_struct(current);
	unsigned long flags;

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->flags = (current->flags & ~(PF_IDLE | PF_EXITING)) | PF_KTHREAD;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	p->kthread = NULL;
	p->lockdep = NULL;
	p->mm = NULL;
	p->active_mm = NULL;
	p->exit_code = p->exit_state = 0;
	p->start_time = local_clock();
	get_cred(p->real_cred);
	get_cred(p->cred);
	/* Kernel threads share root, cwd and fds (CLONE_FS | CLONE_FILES). */
	copy_fs(0x00000200, p);
	copy_files(0x00000400, p);
	sched_fork(p);
	copy_thread(p, fn, arg);
	if (alloc_pid(p) < 0) {
		exit_files(p);
		exit_fs(p);
		put_cred(p->real_cred);
		put_cred(p->cred);
		free_thread_stack(p->stack);
		kmem_cache_free(task_struct_cachep, p);
		return ERR_PTR(-EAGAIN);
	}
	/* Nothing can fail from here on. */
	p->tgid = p->pid;
	p->group_leader = p;
	p->real_parent = p->parent = current;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg).
 * @fn: the thread's function; its return value is the exit code
 * @arg: its argument
 * @flags: clone flags (unused for kernel threads)
 *
 * Process context, may sleep.  Returns the new pid or -errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct task_struct *p = copy_process(fn, arg);
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
