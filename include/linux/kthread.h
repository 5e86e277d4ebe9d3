#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

/*
 * Kernel threads (kernel/kthread.c).  kthreadd (pid 2) creates them on
 * request; a new thread sleeps until woken (kthread_run wakes it at
 * once) and runs threadfn(data); kthread_stop() asks it to return and
 * waits for its result.
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, int cpu,
					  const char *namefmt);
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);

#define kthread_run(threadfn, data, namefmt, ...)                \
	({                                                       \
		struct task_struct *__k = kthread_create(        \
			threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                \
			wake_up_process(__k);                    \
		__k;                                             \
	})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void *kthread_data(struct task_struct *k);
int kthreadd(void *unused);
__noreturn void kthread_exit(long result);

extern struct task_struct *kthreadd_task;

#endif /* _LINUX_KTHREAD_H */
