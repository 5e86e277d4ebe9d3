#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page_types.h>

#define TASK_COMM_LEN 16
#define STACK_END_MAGIC 0x57AC6E9D /* seed 003 */

/*
 * The process descriptor.  Only what boot needs so far; the scheduler
 * issue grows it (prio arrays, mm, signals...).
 */
struct task_struct {
	volatile long state;
	void *stack; /* the THREAD_SIZE kernel stack (thread_union) */
	pid_t pid;
	pid_t tgid;
	unsigned int flags;
	char comm[TASK_COMM_LEN];
};

/* Seed 003: the stack and, at its lowest word, the overflow canary. */
union thread_union {
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

extern struct task_struct init_task;
extern union thread_union init_thread_union;

static inline unsigned long *end_of_stack(const struct task_struct *p)
{
	return (unsigned long *)p->stack;
}

void set_task_stack_end_magic(struct task_struct *tsk);

/* kernel/sched/core.c: the tick's and the IPI's way into the scheduler. */
void scheduler_tick(void);
void scheduler_ipi(void);

static inline bool task_stack_end_corrupted(const struct task_struct *p)
{
	return *end_of_stack(p) != STACK_END_MAGIC;
}

#endif /* _LINUX_SCHED_H */
