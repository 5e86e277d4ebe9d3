#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <asm/current.h>

/*
 * Wait queues (seed 002: "等待队列"): a list of sleeping tasks, each
 * waiting for a condition that another task or an interrupt will make
 * true and then announce with wake_up().
 *
 *	waiter					waker
 *	wait_event(wq, done);			done = true;
 *						wake_up(&wq);
 *
 * An entry is either plain, and every wake-up wakes it, or exclusive
 * (WQ_FLAG_EXCLUSIVE, queued at the tail): wake_up() wakes all the
 * plain entries but only one exclusive one (wake_up_nr(): nr of them,
 * wake_up_all(): every one).  Exclusive waits avoid waking a herd of
 * tasks of which only one can have what they wait for.
 *
 * The waker calls each entry's function with the queue lock held;
 * default_wake_function() wakes the entry's task, and the
 * autoremove_wake_function() of DEFINE_WAIT() also unqueues it.
 */

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

/**
 * struct wait_queue_entry - one waiter
 * @flags: WQ_FLAG_*
 * @private: the waiting task (for the default functions)
 * @func: called by wake-ups, queue lock held; non-zero means "woken"
 * @entry: in the queue's list
 */
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

typedef struct wait_queue_entry wait_queue_entry_t;
typedef struct wait_queue_head wait_queue_head_t;

/* kernel/sched/wait.c */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			int flags, void *key);

#define __WAITQUEUE_INITIALIZER(name, tsk)                                \
	{                                                                 \
		.private = tsk, .func = default_wake_function, .entry = { \
			NULL,                                             \
			NULL                                              \
		}                                                         \
	}

#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                     \
	{                                                       \
		.lock = __RAW_SPIN_LOCK_INITIALIZER(name.lock), \
		.head = LIST_HEAD_INIT(name.head)               \
	}

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);

/* One lockdep class for the queues set up at one call site. */
#define init_waitqueue_head(wq_head)                                \
	do {                                                        \
		static struct lock_class_key __key;                 \
		__init_waitqueue_head((wq_head), #wq_head, &__key); \
	} while (0)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

/*
 * waitqueue_active - is anyone waiting?  Unlocked, so only safe where
 * the waker has a full barrier between setting the condition and this
 * test; otherwise use wq_has_sleeper().
 */
static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/*
 * wq_has_sleeper - waitqueue_active() for a waker that just set the
 * condition.  The barrier pairs with the waiter's set_current_state():
 *
 *	waker				waiter
 *	cond = true			queue itself; set state (mb)
 *	smp_mb()			if (!cond) schedule()
 *	if (queue non-empty) wake
 *
 * either the waker sees the waiter queued, or the waiter sees cond.
 */
static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	smp_mb();
	return waitqueue_active(wq_head);
}

static inline bool wq_has_single_sleeper(struct wait_queue_head *wq_head)
{
	return list_is_singular(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);

/* The same, for a caller that holds wq_head->lock. */
static inline void __add_wait_queue(struct wait_queue_head *wq_head,
				    struct wait_queue_entry *wq_entry)
{
	list_add(&wq_entry->entry, &wq_head->head);
}

static inline void
__add_wait_queue_entry_tail(struct wait_queue_head *wq_head,
			    struct wait_queue_entry *wq_entry)
{
	list_add_tail(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_exclusive(struct wait_queue_head *wq_head,
					      struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue_entry_tail(wq_head, wq_entry);
}

static inline void __remove_wait_queue(struct wait_queue_head *wq_head,
				       struct wait_queue_entry *wq_entry)
{
	list_del(&wq_entry->entry);
}

/* --- waking ---------------------------------------------------------------- */

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr);
void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode,
			  void *key);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x) __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x) __wake_up_locked((x), TASK_NORMAL, 0)

#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) \
	__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * Poll wake-ups pass the events that happened as the key, so a poll or
 * epoll entry that waits for other events can ignore them (fs/select.c,
 * fs/eventpoll.c).
 */
#define poll_to_key(m) ((void *)(unsigned long)(m))
#define key_to_poll(k) ((__poll_t)(unsigned long)(k))
#define wake_up_poll(x, m) __wake_up(x, TASK_NORMAL, 1, poll_to_key(m))
#define wake_up_interruptible_poll(x, m) \
	__wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))
#define wake_up_interruptible_sync_poll(x, m) wake_up_interruptible_poll(x, m)
#define wake_up_locked_poll(x, m) \
	__wake_up_locked_key((x), TASK_NORMAL, poll_to_key(m))

/* --- waiting by hand ------------------------------------------------------ */

#define DEFINE_WAIT_FUNC(name, function)               \
	struct wait_queue_entry name = {               \
		.private = current,                    \
		.func = function,                      \
		.entry = LIST_HEAD_INIT((name).entry), \
	}

#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

#define init_wait(wait)                                  \
	do {                                             \
		(wait)->private = current;               \
		(wait)->func = autoremove_wake_function; \
		INIT_LIST_HEAD(&(wait)->entry);          \
		(wait)->flags = 0;                       \
	} while (0)

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);
long wait_woken(struct wait_queue_entry *wq_entry, unsigned int mode,
		long timeout);

/* --- wait_event ------------------------------------------------------------ */

/*
 * ___wait_event - the loop behind every wait_event*().
 *
 * Each pass queues the entry (if a wake-up took it off), sets @state,
 * and only then tests @condition: a waker that makes @condition true
 * and then wakes either ran before the test (which sees it) or finds
 * the entry queued with the state set (and wakes it).  A pending
 * signal, for the states that allow one, ends the wait with
 * -ERESTARTSYS.  @cmd sleeps (schedule()); the timeout variants keep
 * what is left of the timeout in __ret, which @cmd updates.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) \
	({                                                            \
		struct wait_queue_entry __wq_entry;                   \
		long __ret = ret;                                     \
                                                                      \
		init_wait_entry(&__wq_entry,                          \
				(exclusive) ? WQ_FLAG_EXCLUSIVE : 0); \
		for (;;) {                                            \
			long __sig = prepare_to_wait_event(           \
				&(wq_head), &__wq_entry, state);      \
			if (condition)                                \
				break;                                \
			if (__sig) {                                  \
				__ret = __sig;                        \
				break;                                \
			}                                             \
			cmd;                                          \
		}                                                     \
		finish_wait(&(wq_head), &__wq_entry);                 \
		__ret;                                                \
	})

/* For the timeout variants: the condition, or the time is up. */
#define ___wait_cond_timeout(condition)    \
	({                                 \
		bool __cond = (condition); \
		if (__cond && !__ret)      \
			__ret = 1;         \
		__cond || !__ret;          \
	})

#define __wait_event(wq_head, condition)                                    \
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
			    schedule())

/**
 * wait_event - sleep until @condition is true
 * @wq_head: the queue to wait on
 * @condition: a C expression, re-evaluated after each wake-up
 *
 * Process context, may sleep; signals do not interrupt it.  Whoever
 * changes @condition must wake_up(@wq_head) after.
 */
#define wait_event(wq_head, condition)            \
	do {                                      \
		might_sleep();                    \
		if (condition)                    \
			break;                    \
		__wait_event(wq_head, condition); \
	} while (0)

/* Sleeping without counting in the load average (kernel threads' idle waits). */
#define wait_event_idle(wq_head, condition)                                   \
	do {                                                                  \
		might_sleep();                                                \
		if (!(condition))                                             \
			(void)___wait_event(wq_head, condition, TASK_IDLE, 0, \
					    0, schedule());                   \
	} while (0)

/**
 * wait_event_timeout - sleep until @condition is true or @timeout passes
 * @wq_head: the queue to wait on
 * @condition: a C expression, re-evaluated after each wake-up
 * @timeout: in jiffies
 *
 * Process context, may sleep.  Returns 0 if @condition was still false
 * when the time ran out, otherwise the jiffies left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout)                   \
	({                                                                \
		long __ret = timeout;                                     \
		might_sleep();                                            \
		if (!___wait_cond_timeout(condition))                     \
			__ret = ___wait_event(                            \
				wq_head, ___wait_cond_timeout(condition), \
				TASK_UNINTERRUPTIBLE, 0, timeout,         \
				__ret = schedule_timeout(__ret));         \
		__ret;                                                    \
	})

/**
 * wait_event_interruptible - sleep until @condition is true or a signal
 * @wq_head: the queue to wait on
 * @condition: a C expression, re-evaluated after each wake-up
 *
 * Process context, may sleep.  Returns 0, or -ERESTARTSYS if a signal
 * arrived first.
 */
#define wait_event_interruptible(wq_head, condition)                    \
	({                                                              \
		int __ret = 0;                                          \
		might_sleep();                                          \
		if (!(condition))                                       \
			__ret = ___wait_event(wq_head, condition,       \
					      TASK_INTERRUPTIBLE, 0, 0, \
					      schedule());              \
		__ret;                                                  \
	})

/**
 * wait_event_interruptible_timeout - both of the above
 * @wq_head: the queue to wait on
 * @condition: a C expression, re-evaluated after each wake-up
 * @timeout: in jiffies
 *
 * Returns -ERESTARTSYS on a signal, 0 when the time ran out with
 * @condition false, otherwise the jiffies left (at least 1).
 */
#define wait_event_interruptible_timeout(wq_head, condition, timeout)     \
	({                                                                \
		long __ret = timeout;                                     \
		might_sleep();                                            \
		if (!___wait_cond_timeout(condition))                     \
			__ret = ___wait_event(                            \
				wq_head, ___wait_cond_timeout(condition), \
				TASK_INTERRUPTIBLE, 0, timeout,           \
				__ret = schedule_timeout(__ret));         \
		__ret;                                                    \
	})

/* Exclusive: one of these waiters is woken per wake_up(). */
#define wait_event_interruptible_exclusive(wq_head, condition)          \
	({                                                              \
		int __ret = 0;                                          \
		might_sleep();                                          \
		if (!(condition))                                       \
			__ret = ___wait_event(wq_head, condition,       \
					      TASK_INTERRUPTIBLE, 1, 0, \
					      schedule());              \
		__ret;                                                  \
	})

#define wait_event_exclusive(wq_head, condition)                        \
	do {                                                            \
		might_sleep();                                          \
		if (!(condition))                                       \
			(void)___wait_event(wq_head, condition,         \
					    TASK_UNINTERRUPTIBLE, 1, 0, \
					    schedule());                \
	} while (0)

/* Only a fatal signal interrupts it; returns 0 or -ERESTARTSYS. */
#define wait_event_killable(wq_head, condition)                    \
	({                                                         \
		int __ret = 0;                                     \
		might_sleep();                                     \
		if (!(condition))                                  \
			__ret = ___wait_event(wq_head, condition,  \
					      TASK_KILLABLE, 0, 0, \
					      schedule());         \
		__ret;                                             \
	})

/*
 * wait_event_lock_irq - wait_event() for a caller holding @lock with
 * irqs off; the lock is dropped while sleeping and held again when
 * @condition is tested and on return.
 */
#define wait_event_lock_irq(wq_head, condition, lock)                         \
	do {                                                                  \
		if (condition)                                                \
			break;                                                \
		(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				    0, 0, ({                                  \
					    spin_unlock_irq(&lock);           \
					    schedule();                       \
					    spin_lock_irq(&lock);             \
				    }));                                      \
	} while (0)

#define wait_event_interruptible_lock_irq(wq_head, condition, lock)           \
	({                                                                    \
		int __ret = 0;                                                \
		if (!(condition))                                             \
			__ret = ___wait_event(wq_head, condition,             \
					      TASK_INTERRUPTIBLE, 0, 0, ({    \
						      spin_unlock_irq(&lock); \
						      schedule();             \
						      spin_lock_irq(&lock);   \
					      }));                            \
		__ret;                                                        \
	})

#endif /* _LINUX_WAIT_H */
