/*
 * Mutexes (<linux/mutex.h>).
 *
 * Paths into the lock:
 *  - the fast path: one acquire compare-and-swap of @owner from 0 to
 *    current; any flag bit makes it fail;
 *  - optimistic spinning: while the owner runs on another CPU, poll
 *    for it to let go instead of sleeping;
 *  - the slow path: queue on @wait_list under @wait_lock, set
 *    MUTEX_FLAG_WAITERS, and sleep until the lock is free.
 *
 * A woken waiter competes with newcomers, which is fast but can starve
 * it.  So a first waiter that wakes and still loses sets
 * MUTEX_FLAG_HANDOFF: newcomers then keep out, and the next unlock
 * writes the waiter's own address into @owner before waking it.  The
 * flag is set and cleared only under @wait_lock.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

/**
 * __mutex_init - set up an unlocked mutex.
 * @lock: the mutex
 * @name: its name for lockdep
 * @key: its lockdep class
 *
 * Use mutex_init(), which supplies a key per call site.
 */
void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	atomic_long_set(&lock->owner, 0);
	raw_spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lockdep_init_map(&lock->dep_map, name, key, 0);
}

static struct task_struct *__owner_task(unsigned long owner)
{
	return (struct task_struct *)(owner & ~MUTEX_FLAGS);
}

/**
 * mutex_owner - the task holding @lock, or NULL.
 * @lock: the mutex
 *
 * A snapshot: the owner may change at once.
 */
struct task_struct *mutex_owner(struct mutex *lock)
{
	return __owner_task(atomic_long_read(&lock->owner));
}

/*
 * Take the lock if it is free.  A handoff, when pending, reserves the
 * lock for the first waiter (@first); it may also have been completed
 * already, @owner naming that waiter.
 */
static bool __mutex_trylock(struct mutex *lock, bool first)
{
	long owner = atomic_long_read(&lock->owner);
	long me = (long)current;

	for (;;) {
		long flags = owner & MUTEX_FLAGS;
		struct task_struct *task = __owner_task(owner);

		if (task)
			return first && task == current;
		if ((flags & MUTEX_FLAG_HANDOFF) && !first)
			return false;
		if (first)
			flags &= ~MUTEX_FLAG_HANDOFF;
		if (atomic_long_try_cmpxchg_acquire(&lock->owner, &owner,
						    me | flags))
			return true;
	}
}

static bool __mutex_trylock_fast(struct mutex *lock)
{
	long zero = 0;

	return atomic_long_try_cmpxchg_acquire(&lock->owner, &zero,
					       (long)current);
}

static bool __mutex_unlock_fast(struct mutex *lock)
{
	long me = (long)current;

	return atomic_long_try_cmpxchg_release(&lock->owner, &me, 0);
}

/*
 * Spin while the owner is running: it will likely unlock before a
 * sleep and a wake-up would be over.  Stop when it sleeps, when we
 * should give up the CPU, or when a handoff reserves the lock.
 * Preemption stays off so the owner seen cannot be switched in on
 * this CPU behind our back.
 */
static bool mutex_optimistic_spin(struct mutex *lock)
{
	bool taken = false;

	preempt_disable();
	while (!need_resched()) {
		unsigned long owner = atomic_long_read(&lock->owner);
		struct task_struct *task = __owner_task(owner);

		if (owner & MUTEX_FLAG_HANDOFF)
			break;
		if (!task) {
			taken = __mutex_trylock(lock, false);
			if (taken)
				break;
		} else if (!READ_ONCE(task->on_cpu) || task == current) {
			break;
		}
		cpu_relax();
	}
	preempt_enable();
	return taken;
}

static bool mutex_is_first(struct mutex *lock, struct mutex_waiter *waiter)
{
	return list_first_entry(&lock->wait_list, struct mutex_waiter, list) ==
	       waiter;
}

/* Leave the queue, tidying the flags.  Under @wait_lock. */
static void mutex_remove_waiter(struct mutex *lock, struct mutex_waiter *waiter)
{
	bool first = mutex_is_first(lock, waiter);

	list_del(&waiter->list);
	if (list_empty(&lock->wait_list))
		atomic_long_andnot(MUTEX_FLAG_WAITERS | MUTEX_FLAG_HANDOFF,
				   &lock->owner);
	else if (first)
		atomic_long_andnot(MUTEX_FLAG_HANDOFF, &lock->owner);
}

/*
 * Queue and sleep until the lock is ours, or a signal @state admits.
 * With WAITERS set every unlock goes through @wait_lock, so the owner
 * cannot let go while we hold it; and we set our state before dropping
 * it, so the unlocker's wake-up cannot fall between our last try and
 * our sleep.
 */
static int mutex_lock_slowpath(struct mutex *lock, unsigned int state)
{
	struct mutex_waiter waiter = { .task = current };
	bool slept = false;
	int ret = 0;

	raw_spin_lock(&lock->wait_lock);
	list_add_tail(&waiter.list, &lock->wait_list);
	atomic_long_or(MUTEX_FLAG_WAITERS, &lock->owner);
	for (;;) {
		bool first = mutex_is_first(lock, &waiter);

		if (__mutex_trylock(lock, first))
			break;
		if (signal_pending_state(state, current)) {
			ret = -EINTR;
			break;
		}
		/* Woken before and beaten to it: newcomers must wait now. */
		if (first && slept)
			atomic_long_or(MUTEX_FLAG_HANDOFF, &lock->owner);
		set_current_state(state);
		raw_spin_unlock(&lock->wait_lock);
		schedule();
		raw_spin_lock(&lock->wait_lock);
		slept = true;
	}
	__set_current_state(TASK_RUNNING);
	mutex_remove_waiter(lock, &waiter);
	raw_spin_unlock(&lock->wait_lock);
	return ret;
}

static int __mutex_lock(struct mutex *lock, unsigned int state,
			unsigned int subclass, unsigned long ip)
{
	int ret;

	might_sleep();
	mutex_acquire(&lock->dep_map, subclass, 0, ip);
	if (__mutex_trylock_fast(lock) || mutex_optimistic_spin(lock))
		return 0;
	ret = mutex_lock_slowpath(lock, state);
	if (ret)
		mutex_release(&lock->dep_map, ip);
	return ret;
}

/**
 * mutex_lock - take @lock, sleeping until it is free.
 * @lock: the mutex
 *
 * Process context, may sleep.  Not interruptible.
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * mutex_lock_nested - mutex_lock() of a mutex nested in its own class.
 * @lock: the mutex
 * @subclass: lockdep nesting level
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, subclass, _RET_IP_);
}

/**
 * mutex_lock_interruptible - take @lock unless a signal comes first.
 * @lock: the mutex
 *
 * Process context, may sleep.  Returns 0 with the lock held, or -EINTR
 * without it.
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * mutex_lock_interruptible_nested - the same, with a lockdep subclass.
 * @lock: the mutex
 * @subclass: lockdep nesting level
 */
int mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, subclass, _RET_IP_);
}

/**
 * mutex_lock_killable - take @lock unless a fatal signal comes first.
 * @lock: the mutex
 *
 * Returns 0 with the lock held, or -EINTR without it.
 */
int mutex_lock_killable(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_KILLABLE, 0, _RET_IP_);
}

/**
 * mutex_lock_killable_nested - the same, with a lockdep subclass.
 * @lock: the mutex
 * @subclass: lockdep nesting level
 */
int mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass)
{
	return __mutex_lock(lock, TASK_KILLABLE, subclass, _RET_IP_);
}

/**
 * mutex_trylock - take @lock if it is free.
 * @lock: the mutex
 *
 * Process context; never sleeps.  Returns 1 if taken, 0 if not.
 */
int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock, false))
		return 0;
	mutex_acquire(&lock->dep_map, 0, 1, _RET_IP_);
	return 1;
}

/*
 * The lock has waiters: release it (or hand it to the first waiter,
 * if it asked) and wake that waiter.
 */
static void mutex_unlock_slowpath(struct mutex *lock)
{
	struct mutex_waiter *waiter;
	long owner;

	raw_spin_lock(&lock->wait_lock);
	owner = atomic_long_read(&lock->owner);
	waiter = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter,
					  list);
	for (;;) {
		long new = owner &MUTEX_FLAGS;

		if ((owner & MUTEX_FLAG_HANDOFF) && waiter)
			new = (long)waiter->task | (owner & MUTEX_FLAG_WAITERS);
		if (atomic_long_try_cmpxchg_release(&lock->owner, &owner, new))
			break;
	}
	if (waiter)
		wake_up_process(waiter->task);
	raw_spin_unlock(&lock->wait_lock);
}

/**
 * mutex_unlock - release @lock.
 * @lock: a mutex the caller holds
 *
 * Process context.  Wakes the first waiter, if any.
 */
void mutex_unlock(struct mutex *lock)
{
	mutex_release(&lock->dep_map, _RET_IP_);
	WARN_ONCE(mutex_owner(lock) != current,
		  "mutex_unlock: %s/%d does not own the mutex\n", current->comm,
		  current->pid);
	if (__mutex_unlock_fast(lock))
		return;
	mutex_unlock_slowpath(lock);
}
