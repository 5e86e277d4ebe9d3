#ifndef _KERNEL_WORKQUEUE_INTERNAL_H
#define _KERNEL_WORKQUEUE_INTERNAL_H

#include <linux/list.h>
#include <linux/workqueue.h>

struct task_struct;
struct worker_pool;
struct pool_workqueue;

/*
 * A kworker: one kernel thread of a worker_pool.  It is idle (on the
 * pool's idle list) or busy: running a work item (@current_work), or
 * creating a new worker for the pool (the pool's manager).  Fields
 * marked L are under the pool's lock.
 */
struct worker {
	struct list_head entry; /* L: in the idle list, or a cull list */
	struct list_head node; /* L: in pool->workers */
	struct work_struct *current_work; /* L: running this... */
	work_func_t current_func; /* L: ...with this function */
	struct pool_workqueue *current_pwq; /* L: queued through this */
	struct list_head scheduled; /* L: to run next, before the pool's */
	struct task_struct *task;
	struct worker_pool *pool;
	unsigned int flags; /* L: WORKER_* */
	int id; /* M in "kworker/N:M" */
	unsigned long last_active; /* L: jiffies when it last went idle */
};

/*
 * The scheduler's hook: @task, a kworker (PF_WQ_WORKER), is about to
 * sleep in schedule().  If it was running a work item and more wait
 * in its pool with no other worker running, wake an idle one, so that
 * a sleeping work item does not hold up the others.  Call it before
 * __schedule(), with preemption off and no runqueue lock held.
 */
void wq_worker_sleeping(struct task_struct *task);

/*
 * For tests: stop every idle kworker beyond what each pool keeps
 * (two idle workers), now rather than after IDLE_WORKER_TIMEOUT, so
 * that a test that made pools grow leaves memory as it found it.
 * Process context; returns how many workers were stopped.
 */
int wq_cull_idle_workers(void);

/* For tests: the number of kworkers in all pools. */
int wq_nr_workers(void);

#endif /* _KERNEL_WORKQUEUE_INTERNAL_H */
