/*
 * Ending tasks.  A kernel thread that exits is released at once (its
 * parent, kthreadd, never waits for children); the processes issue
 * adds zombies, wait4 and reparenting of user processes.
 */
#include <linux/bug.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>

/* Unlink @p from the task list and its parent; its children go to init. */
static void release_task(struct task_struct *p)
{
	struct task_struct *child, *next, *reaper;
	unsigned long flags;

	free_pid(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	reaper = list_first_entry_or_null(&init_task.children,
					  struct task_struct, sibling);
	list_for_each_entry_safe(child, next, &p->children, sibling) {
		child->real_parent = child->parent = reaper ? reaper :
							      &init_task;
		list_move_tail(&child->sibling, &child->parent->children);
	}
	list_del(&p->tasks);
	list_del(&p->sibling);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&p->real_cred->user->processes);
	__exit_signal(p);
}

/**
 * do_exit - end the current task with @code.
 *
 * Process context.  Never returns: the task's last schedule() switches
 * away for good and the next task frees its stack.
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	WARN_ON(is_idle_task(tsk));
	exit_signals(tsk); /* sets PF_EXITING: no more signals for us */
	tsk->exit_code = code;
	exit_files(tsk); /* closes its files */
	exit_fs(tsk);
	tsk->exit_state = EXIT_DEAD;
	release_task(tsk);
	do_task_dead();
}

/*
 * exit(2): end the calling task with status @error_code (the low 8 bits,
 * in wait's encoding).  TODO(merge): the processes code adds thread
 * groups (exit_group), zombies and wait.
 */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}
