#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

/*
 * The scheduler's private types (seed 001: the O(1) scheduler).
 *
 * Every CPU has a runqueue.  Runnable tasks sit in priority arrays: a
 * bitmap with one bit per priority and one list per priority, so the
 * next task is "first set bit, first task on that list" -- O(1) however
 * many tasks there are.  Scheduling classes are consulted in order:
 *
 *	rt (SCHED_FIFO/RR, prio 0..99) -> fair (O(1) normal, 100..139)
 *	-> idle (the per-CPU idle task)
 *
 * The fair class keeps two arrays: "active" holds tasks with time
 * slice left, "expired" those that used theirs up; when active runs
 * dry the two pointers swap.
 */
#include <linux/bitmap.h>
#include <linux/bug.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/find.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

/* One bit per priority plus a delimiter bit that is always set. */
struct prio_array {
	unsigned int nr_active;
	unsigned long bitmap[BITS_TO_LONGS(MAX_PRIO + 1)];
	struct list_head queue[MAX_PRIO];
};

struct rt_rq {
	struct prio_array array; /* only priorities 0..99 are used */
	unsigned int rt_nr_running;
};

struct rq {
	raw_spinlock_t lock;
	unsigned int nr_running; /* all classes, the running task included */
	unsigned long nr_uninterruptible;
	u64 nr_switches;
	u64 clock; /* ns, updated under the lock */
	struct task_struct *curr;
	struct task_struct *idle;
	struct task_struct *stop; /* unused: no stop class */
	struct mm_struct *prev_mm; /* to drop after a lazy-TLB switch */
	int cpu;

	/* fair class (O(1)) */
	struct prio_array *active, *expired, arrays[2];
	unsigned long expired_timestamp; /* jiffies of the first expiry */
	int best_expired_prio;
	unsigned int fair_nr_running;

	struct rt_rq rt;

	/* load balancing and load average */
	unsigned long next_balance; /* jiffies */
	unsigned long calc_load_update; /* jiffies */
	long calc_load_active;
};

DECLARE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) per_cpu_ptr(&runqueues, (cpu))
#define this_rq() this_cpu_ptr(&runqueues)
#define task_rq(p) cpu_rq(task_cpu(p))

/*
 * A scheduling class: how its tasks are queued and picked.  All hooks
 * run with the runqueue lock held and irqs off.
 */
struct sched_class {
	const struct sched_class *next; /* the next lower class */
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*yield_task)(struct rq *rq);
	/* Should @p (just woken) preempt rq->curr? */
	void (*check_preempt_curr)(struct rq *rq, struct task_struct *p);
	struct task_struct *(*pick_next_task)(struct rq *rq);
	/* The previous task is leaving the CPU; requeue it if it must. */
	void (*put_prev_task)(struct rq *rq, struct task_struct *p);
	void (*task_tick)(struct rq *rq, struct task_struct *p);
	void (*task_fork)(struct task_struct *p);
	void (*prio_changed)(struct rq *rq, struct task_struct *p, int oldprio);
};

#define ENQUEUE_WAKEUP 0x01
#define ENQUEUE_HEAD 0x02
#define DEQUEUE_SLEEP 0x01

extern const struct sched_class rt_sched_class;
extern const struct sched_class fair_sched_class;
extern const struct sched_class idle_sched_class;

#define sched_class_highest (&rt_sched_class)
#define for_each_class(class) \
	for (class = sched_class_highest; class; class = class->next)

/* Priority arrays (kernel/sched/core.c). */
void prio_array_init(struct prio_array *array);
void prio_array_enqueue(struct prio_array *array, struct task_struct *p,
			bool head);
void prio_array_dequeue(struct prio_array *array, struct task_struct *p);
void prio_array_requeue(struct prio_array *array, struct task_struct *p);

/* The first set bit: the highest priority present (or MAX_PRIO). */
static inline int sched_find_first_bit(const unsigned long *bitmap)
{
	return find_first_bit(bitmap, MAX_PRIO + 1);
}

static inline bool fair_policy(unsigned int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	       policy == SCHED_IDLE;
}

static inline bool rt_policy(unsigned int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

void resched_curr(struct rq *rq);
void activate_task(struct rq *rq, struct task_struct *p, int flags);
void deactivate_task(struct rq *rq, struct task_struct *p, int flags);
void update_rq_clock(struct rq *rq);
void double_rq_lock(struct rq *rq1, struct rq *rq2);
void double_rq_unlock(struct rq *rq1, struct rq *rq2);
void set_task_cpu(struct task_struct *p, unsigned int cpu);
bool task_allowed_on(const struct task_struct *p, int cpu);

/* fair.c */
#define DEF_TIMESLICE_MS 100
#define MIN_TIMESLICE_MS 5
#define RR_TIMESLICE ((100 * HZ + 999) / 1000) /* SCHED_RR: 100 ms */
#define MAX_BONUS 10
#define MAX_SLEEP_AVG_NS ((u64)DEF_TIMESLICE_MS * MAX_BONUS * 1000000)
void fair_init_rq(struct rq *rq);
int fair_effective_prio(const struct task_struct *p);
void fair_load_balance(struct rq *this_rq, bool idle);

/* rt.c */
void rt_init_rq(struct rq *rq);

/* RCU's quiescent states (kernel/rcu/; weak no-ops until it exists). */
void rcu_note_context_switch(bool preempt);
void rcu_idle_enter(void);
void rcu_idle_exit(void);

/* core.c: statistics for loadavg and /proc/stat. */
void calc_global_load_tick(struct rq *rq);

#endif /* _KERNEL_SCHED_SCHED_H */
