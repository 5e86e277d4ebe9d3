#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

/* Creating and ending tasks (kernel/fork.c, kernel/exit.c). */
#include <linux/compiler.h> /* __user */
#include <linux/types.h>
#include <uapi/linux/sched.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct task_struct;
struct mm_struct;
struct rusage;

#define CLONE_NAMESPACES                                                 \
	(CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |    \
	 CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET)

/* What fork, vfork, clone and kernel_thread ask of copy_process(). */
struct kernel_clone_args {
	u64 flags; /* CLONE_*, without the exit signal */
	int __user *parent_tid;
	int __user *child_tid;
	int exit_signal;
	unsigned long stack; /* new user stack pointer, or 0 */
	unsigned long tls; /* CLONE_SETTLS: the new FS base */
	int (*fn)(void *); /* kernel thread: run this ... */
	void *fn_arg; /* ... with this */
};

extern unsigned long total_forks;
extern int nr_threads;

pid_t kernel_clone(struct kernel_clone_args *args);
void release_task(struct task_struct *p);
void wake_up_parent(struct task_struct *p);
void do_group_exit(int exit_code);
long kernel_wait4(pid_t upid, int __user *stat_addr, int options,
		  struct rusage __user *ru);
/* The mm is going away (exit) or being replaced (exec). */
void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm);
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);

/*
 * task_lock - hold @p's mm, files, fs and comm still (Linux's
 * alloc_lock).  Nests inside nothing; irqs stay on.
 */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/* @task's mm with a user reference (mmput), or NULL (kernel thread, exited). */
struct mm_struct *get_task_mm(struct task_struct *task);

#endif /* _LINUX_SCHED_TASK_H */
