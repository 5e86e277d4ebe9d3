#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/timer.h>

/*
 * Workqueues (seed 001: "workqueue ... 可以阻塞, 由内核线程代为执行"):
 * deferred work that runs in process context, in a kernel thread (a
 * kworker), so it may sleep.  A work item is a function and a list
 * entry; queueing it on a workqueue hands it to a pool of kworkers
 * (one pool per CPU and priority, plus unbound pools) that run it.
 *
 *	static void my_fn(struct work_struct *work);
 *	static DECLARE_WORK(my_work, my_fn);
 *
 *	schedule_work(&my_work);	(any context: runs soon, on a kworker)
 *	flush_work(&my_work);		(process context: waits until it ran)
 *
 * Rules, as in Linux: a work item is queued at most once at a time
 * (queueing a pending one does nothing and returns false); it may be
 * queued again while it runs, and then runs again afterwards; it never
 * runs on two CPUs at once.  kernel/workqueue.c explains the pools.
 */

struct work_struct;
struct workqueue_struct;

typedef void (*work_func_t)(struct work_struct *work);

/*
 * work->data: the low bits are flags; the rest points to the
 * pool_workqueue the work is queued on (WORK_STRUCT_PWQ set), or, off
 * queue, holds the id of the pool it last ran in.
 */
enum {
	WORK_STRUCT_PENDING_BIT = 0, /* queued, or about to be */
	WORK_STRUCT_INACTIVE_BIT = 1, /* held back by max_active */
	WORK_STRUCT_PWQ_BIT = 2, /* data points to a pool_workqueue */
	WORK_STRUCT_LINKED_BIT = 3, /* the next work (a barrier) follows */
	WORK_STRUCT_COLOR_SHIFT = 4, /* flush color, two bits */
	WORK_STRUCT_COLOR_BITS = 2,
	WORK_STRUCT_FLAG_BITS =
		WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS,

	WORK_NR_COLORS = 2, /* flush_workqueue() alternates two colors */
	WORK_NO_COLOR = 3, /* flush barriers: counted by nobody */

	/* Off queue (WORK_STRUCT_PWQ clear), above the flag bits: */
	WORK_OFFQ_CANCELING_BIT = WORK_STRUCT_FLAG_BITS,
	WORK_OFFQ_POOL_SHIFT = WORK_OFFQ_CANCELING_BIT + 1,
	WORK_OFFQ_POOL_BITS = 31,

	WORK_CPU_UNBOUND = NR_CPUS, /* "the local CPU" for queue_work_on() */
};

#define WORK_STRUCT_PENDING (1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_STRUCT_INACTIVE (1UL << WORK_STRUCT_INACTIVE_BIT)
#define WORK_STRUCT_PWQ (1UL << WORK_STRUCT_PWQ_BIT)
#define WORK_STRUCT_LINKED (1UL << WORK_STRUCT_LINKED_BIT)
#define WORK_STRUCT_COLOR_MASK \
	(((1UL << WORK_STRUCT_COLOR_BITS) - 1) << WORK_STRUCT_COLOR_SHIFT)
#define WORK_STRUCT_FLAG_MASK ((1UL << WORK_STRUCT_FLAG_BITS) - 1)
#define WORK_STRUCT_WQ_DATA_MASK (~WORK_STRUCT_FLAG_MASK)
#define WORK_OFFQ_CANCELING (1UL << WORK_OFFQ_CANCELING_BIT)
#define WORK_OFFQ_POOL_NONE ((1UL << WORK_OFFQ_POOL_BITS) - 1)
#define WORK_STRUCT_NO_POOL (WORK_OFFQ_POOL_NONE << WORK_OFFQ_POOL_SHIFT)

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

/* A work item queued by a timer after a delay (in jiffies). */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq; /* where the timer will queue it */
	int cpu; /* and on which CPU, or WORK_CPU_UNBOUND */
};

void delayed_work_timer_fn(struct timer_list *t);

#define WORK_DATA_INIT() ATOMIC_LONG_INIT(WORK_STRUCT_NO_POOL)

#define __WORK_INITIALIZER(n, f)                                               \
	{                                                                      \
		.data = WORK_DATA_INIT(), .entry = { &(n).entry, &(n).entry }, \
		.func = (f)                                                    \
	}

#define __DELAYED_WORK_INITIALIZER(n, f)                             \
	{                                                            \
		.work = __WORK_INITIALIZER((n).work, (f)),           \
		.timer = { .entry = { .next = NULL, .pprev = NULL }, \
			   .function = delayed_work_timer_fn,        \
			   .flags = TIMER_IRQSAFE },                 \
		.cpu = WORK_CPU_UNBOUND,                             \
	}

#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f)

#define INIT_WORK(_work, _func)                                       \
	do {                                                          \
		atomic_long_set(&(_work)->data, WORK_STRUCT_NO_POOL); \
		INIT_LIST_HEAD(&(_work)->entry);                      \
		(_work)->func = (_func);                              \
	} while (0)

#define INIT_DELAYED_WORK(_work, _func)                             \
	do {                                                        \
		INIT_WORK(&(_work)->work, (_func));                 \
		timer_setup(&(_work)->timer, delayed_work_timer_fn, \
			    TIMER_IRQSAFE);                         \
		(_work)->wq = NULL;                                 \
		(_work)->cpu = WORK_CPU_UNBOUND;                    \
	} while (0)

#define INIT_WORK_ONSTACK(_work, _func) INIT_WORK(_work, _func)
#define INIT_DELAYED_WORK_ONSTACK(_work, _func) INIT_DELAYED_WORK(_work, _func)

#define work_data_bits(work) ((unsigned long *)(&(work)->data))

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/* Is @work queued (or on a delayed work's timer)?  A snapshot. */
static inline bool work_pending(struct work_struct *work)
{
	return test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
}

static inline bool delayed_work_pending(struct delayed_work *dwork)
{
	return work_pending(&dwork->work);
}

/*
 * alloc_workqueue() flags, with Linux's values.  WQ_UNBOUND runs the
 * work on unbound kworkers, any CPU; WQ_HIGHPRI on kworkers at nice
 * -20.  WQ_FREEZABLE, WQ_MEM_RECLAIM, WQ_CPU_INTENSIVE, WQ_SYSFS and
 * WQ_POWER_EFFICIENT are accepted and change nothing yet: there is no
 * freezer, no rescuer thread for memory pressure, no sysfs.
 */
enum {
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,

	__WQ_DRAINING = 1 << 16, /* internal: being drained */
	__WQ_ORDERED = 1 << 17, /* internal: one work at a time, in order */

	WQ_MAX_ACTIVE = 512,
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};

#define WQ_NAME_LEN 24

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...) __printf(1, 4);

/* Runs its work items one at a time, in the order they were queued. */
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)

void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay);

void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

struct work_struct *current_work(void);

int workqueue_online_cpu(unsigned int cpu);

/**
 * queue_work - queue @work on @wq, on this CPU's pool (any CPU if unbound).
 * @wq: the workqueue
 * @work: the work item
 *
 * Any context.  Returns false if @work was already pending.
 */
static inline bool queue_work(struct workqueue_struct *wq,
			      struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

/**
 * queue_delayed_work - queue @dwork on @wq after @delay jiffies.
 * @wq: the workqueue
 * @dwork: the delayed work item
 * @delay: jiffies to wait; 0 queues at once
 *
 * Any context.  Returns false if @dwork was already pending.
 */
static inline bool queue_delayed_work(struct workqueue_struct *wq,
				      struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

/**
 * mod_delayed_work - queue @dwork after @delay, or move its timer there.
 * @wq: the workqueue
 * @dwork: the delayed work item
 * @delay: jiffies from now
 *
 * Any context.  Returns true if @dwork was pending (and is re-armed),
 * false if it was idle (and is now queued).
 */
static inline bool mod_delayed_work(struct workqueue_struct *wq,
				    struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

/* The same on system_wq, the workqueue for everyone's small jobs. */
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

#endif /* _LINUX_WORKQUEUE_H */
