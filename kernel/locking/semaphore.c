/*
 * Counting semaphores (<linux/semaphore.h>), seed 001's P and V.
 *
 *	down() = P: if count > 0, count--; else sleep until up() hands
 *	            over a unit
 *	up()   = V: if someone sleeps, hand the unit to the first
 *	            sleeper; else count++
 *
 * Everything happens under @lock with irqs saved, since up() may come
 * from an interrupt.  A sleeper learns it was handed a unit from its
 * waiter's @up flag, which up() sets before waking it.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>

struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up;
};

/**
 * __sema_init - set up a semaphore with @val units.
 * @sem: the semaphore
 * @val: the initial count
 * @name: its lock's name for lockdep
 * @key: its lock's lockdep class
 *
 * Use sema_init(), which supplies a key per call site.
 */
void __sema_init(struct semaphore *sem, int val, const char *name,
		 struct lock_class_key *key)
{
	__raw_spin_lock_init(&sem->lock, name, key);
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

/*
 * Sleep, lock held, until up() hands us a unit, @timeout jiffies pass
 * (-ETIME) or a signal @state admits arrives (-EINTR).
 */
static int __down_common(struct semaphore *sem, unsigned int state,
			 long timeout)
{
	struct semaphore_waiter waiter = { .task = current };

	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		if (signal_pending_state(state, current))
			goto interrupted;
		if (timeout <= 0)
			goto timed_out;
		__set_current_state(state);
		raw_spin_unlock_irq(&sem->lock);
		timeout = schedule_timeout(timeout);
		raw_spin_lock_irq(&sem->lock);
		if (waiter.up)
			return 0;
	}
timed_out:
	list_del(&waiter.list);
	return -ETIME;
interrupted:
	list_del(&waiter.list);
	return -EINTR;
}

static int down_common(struct semaphore *sem, unsigned int state, long timeout)
{
	unsigned long flags;
	int ret = 0;

	might_sleep();
	raw_spin_lock_irqsave(&sem->lock, flags);
	if (likely(sem->count > 0))
		sem->count--;
	else
		ret = __down_common(sem, state, timeout);
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

/**
 * down - take a unit of @sem, sleeping until one is free.
 * @sem: the semaphore
 *
 * Process context, may sleep; not interruptible.  Prefer
 * down_interruptible() or down_killable() where the caller can fail.
 */
void down(struct semaphore *sem)
{
	down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}

/**
 * down_interruptible - take a unit unless a signal comes first.
 * @sem: the semaphore
 *
 * Returns 0 with the unit taken, or -EINTR without it.
 */
int down_interruptible(struct semaphore *sem)
{
	return down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}

/**
 * down_killable - take a unit unless a fatal signal comes first.
 * @sem: the semaphore
 *
 * Returns 0 with the unit taken, or -EINTR without it.
 */
int down_killable(struct semaphore *sem)
{
	return down_common(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);
}

/**
 * down_timeout - take a unit, waiting at most @timeout jiffies.
 * @sem: the semaphore
 * @timeout: in jiffies
 *
 * Returns 0 with the unit taken, or -ETIME without it.
 */
int down_timeout(struct semaphore *sem, long timeout)
{
	return down_common(sem, TASK_UNINTERRUPTIBLE, timeout);
}

/**
 * down_trylock - take a unit if one is free, without sleeping.
 * @sem: the semaphore
 *
 * Any context.  Returns 0 if taken and 1 if not: the opposite of
 * spin_trylock() and mutex_trylock().
 */
int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int busy;

	raw_spin_lock_irqsave(&sem->lock, flags);
	busy = !sem->count;
	if (!busy)
		sem->count--;
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return busy;
}

/**
 * up - give back a unit of @sem.
 * @sem: the semaphore
 *
 * Any context, also from a task that did not take it.  The first
 * sleeper, if any, gets the unit and is woken.
 */
void up(struct semaphore *sem)
{
	struct semaphore_waiter *waiter;
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->lock, flags);
	if (list_empty(&sem->wait_list)) {
		sem->count++;
	} else {
		waiter = list_first_entry(&sem->wait_list,
					  struct semaphore_waiter, list);
		list_del(&waiter->list);
		waiter->up = true;
		wake_up_process(waiter->task);
	}
	raw_spin_unlock_irqrestore(&sem->lock, flags);
}
