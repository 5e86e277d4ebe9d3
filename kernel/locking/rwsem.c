/*
 * Reader-writer semaphores (<linux/rwsem.h>).
 *
 * Fast paths, with no one queued: a reader adds RWSEM_READER_BIAS and
 * keeps it if it saw no writer and no waiters; a writer swaps @count
 * from 0 to RWSEM_WRITER_LOCKED.
 *
 * Everyone else queues on @wait_list (RWSEM_FLAG_WAITERS set, which
 * makes both fast paths fail), and from then on the lock is only
 * granted, under @wait_lock, by rwsem_grant(): to the writer at the
 * head once no one holds it, or to the readers at the head, up to the
 * first writer, once no writer holds it.  A grant updates @count on the
 * waiters' behalf, then sets their @granted and wakes them.
 *
 *	queue: R1 R2 W1 R3		held by writer W0
 *	up_write(W0):  R1, R2 granted		(R3 stays behind W1)
 *	last up_read:  W1 granted
 *	up_write(W1):  R3 granted
 *
 * Whoever may have left the lock free while waiters exist calls
 * rwsem_wake(): the last reader leaving, a writer leaving, a reader
 * backing out of its fast path, a waiter giving up.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	bool writer;
	bool granted;
};

#define RWSEM_HELD (RWSEM_READER_MASK | RWSEM_WRITER_LOCKED)

/**
 * __init_rwsem - set up an unlocked rw_semaphore.
 * @sem: the semaphore
 * @name: its name for lockdep
 * @key: its lockdep class
 *
 * Use init_rwsem(), which supplies a key per call site.
 */
void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	atomic_long_set(&sem->count, 0);
	raw_spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	sem->owner = NULL;
	lockdep_init_map(&sem->dep_map, name, key, 0);
}

static void rwsem_grant_waiter(struct rwsem_waiter *waiter)
{
	list_del(&waiter->list);
	waiter->granted = true;
	wake_up_process(waiter->task);
}

/* The head is a writer: give it the lock if no one holds it. */
static void rwsem_grant_writer(struct rw_semaphore *sem,
			       struct rwsem_waiter *waiter)
{
	long count = atomic_long_read(&sem->count);
	long new = RWSEM_WRITER_LOCKED;

	if (!list_is_singular(&sem->wait_list))
		new |= RWSEM_FLAG_WAITERS;
	do {
		if (count & RWSEM_HELD)
			return;
	} while (!atomic_long_try_cmpxchg_acquire(&sem->count, &count, new));
	sem->owner = waiter->task;
	rwsem_grant_waiter(waiter);
}

/* The head is a reader: let in it and the readers behind it. */
static void rwsem_grant_readers(struct rw_semaphore *sem)
{
	struct rwsem_waiter *waiter, *next;
	long adjust = 0;

	if (atomic_long_read(&sem->count) & RWSEM_WRITER_LOCKED)
		return;
	list_for_each_entry(waiter, &sem->wait_list, list) {
		if (waiter->writer)
			break;
		adjust += RWSEM_READER_BIAS;
	}
	if (list_entry_is_head(waiter, &sem->wait_list, list))
		adjust -= RWSEM_FLAG_WAITERS; /* the queue will be empty */
	atomic_long_add(adjust, &sem->count);
	list_for_each_entry_safe(waiter, next, &sem->wait_list, list) {
		if (waiter->writer)
			break;
		rwsem_grant_waiter(waiter);
	}
}

/*
 * Hand the lock to the head of the queue if it can have it now.  No
 * one but a grant can take the lock while waiters are queued, so what
 * we read under @wait_lock stays true, except that readers may pass
 * through their fast path, and back out, meanwhile.
 */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct rwsem_waiter *head;

	lockdep_assert_held(&sem->wait_lock);
	head = list_first_entry_or_null(&sem->wait_list, struct rwsem_waiter,
					list);
	if (!head)
		return;
	if (head->writer)
		rwsem_grant_writer(sem, head);
	else
		rwsem_grant_readers(sem);
}

static void rwsem_wake(struct rw_semaphore *sem)
{
	raw_spin_lock(&sem->wait_lock);
	rwsem_grant(sem);
	raw_spin_unlock(&sem->wait_lock);
}

/* After dropping @count's share: wake the queue if that freed the lock. */
static void rwsem_check_wake(struct rw_semaphore *sem, long count)
{
	if ((count & RWSEM_FLAG_WAITERS) && !(count & RWSEM_HELD))
		rwsem_wake(sem);
}

/* Leave the queue without the lock.  Under @wait_lock. */
static void rwsem_cancel_wait(struct rw_semaphore *sem,
			      struct rwsem_waiter *waiter)
{
	list_del(&waiter->list);
	if (list_empty(&sem->wait_list))
		atomic_long_andnot(RWSEM_FLAG_WAITERS, &sem->count);
	else
		rwsem_grant(sem); /* we may have been holding others up */
}

/*
 * Queue and sleep until granted, or a signal @state admits arrives.
 * Granting happens under @wait_lock, which we hold whenever we look at
 * @granted, and our state is set before we drop it: no lost wake-up.
 */
static int rwsem_wait(struct rw_semaphore *sem, bool writer, unsigned int state)
{
	struct rwsem_waiter waiter = { .task = current, .writer = writer };
	int ret = 0;

	raw_spin_lock(&sem->wait_lock);
	list_add_tail(&waiter.list, &sem->wait_list);
	atomic_long_or(RWSEM_FLAG_WAITERS, &sem->count);
	rwsem_grant(sem); /* it may have become free before the flag */
	while (!waiter.granted) {
		if (signal_pending_state(state, current)) {
			rwsem_cancel_wait(sem, &waiter);
			ret = -EINTR;
			break;
		}
		set_current_state(state);
		raw_spin_unlock(&sem->wait_lock);
		schedule();
		raw_spin_lock(&sem->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	raw_spin_unlock(&sem->wait_lock);
	return ret;
}

static bool rwsem_read_trylock_fast(struct rw_semaphore *sem)
{
	long count =
		atomic_long_add_return_acquire(RWSEM_READER_BIAS, &sem->count);

	if (likely(!(count & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS))))
		return true;
	count = atomic_long_sub_return_release(RWSEM_READER_BIAS, &sem->count);
	rwsem_check_wake(sem, count);
	return false;
}

static int __down_read(struct rw_semaphore *sem, unsigned int state,
		       int subclass, unsigned long ip)
{
	int ret = 0;

	might_sleep();
	rwsem_acquire_read(&sem->dep_map, subclass, 0, ip);
	if (!rwsem_read_trylock_fast(sem))
		ret = rwsem_wait(sem, false, state);
	if (ret)
		rwsem_release(&sem->dep_map, ip);
	return ret;
}

/**
 * down_read - take @sem for reading, sleeping while a writer has it.
 * @sem: the semaphore
 *
 * Process context, may sleep.  Do not take it for reading twice: a
 * writer queued in between would deadlock both.
 */
void down_read(struct rw_semaphore *sem)
{
	__down_read(sem, TASK_UNINTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * down_read_nested - down_read() of an rwsem nested in its own class.
 * @sem: the semaphore
 * @subclass: lockdep nesting level
 */
void down_read_nested(struct rw_semaphore *sem, int subclass)
{
	__down_read(sem, TASK_UNINTERRUPTIBLE, subclass, _RET_IP_);
}

/**
 * down_read_interruptible - down_read() unless a signal comes first.
 * @sem: the semaphore
 *
 * Returns 0 with the lock held, or -EINTR without it.
 */
int down_read_interruptible(struct rw_semaphore *sem)
{
	return __down_read(sem, TASK_INTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * down_read_killable - down_read() unless a fatal signal comes first.
 * @sem: the semaphore
 *
 * Returns 0 with the lock held, or -EINTR without it.
 */
int down_read_killable(struct rw_semaphore *sem)
{
	return __down_read(sem, TASK_KILLABLE, 0, _RET_IP_);
}

/**
 * down_read_trylock - take @sem for reading if that needs no wait.
 * @sem: the semaphore
 *
 * Never sleeps.  Fails if a writer holds or waits.  Returns 1 if taken.
 */
int down_read_trylock(struct rw_semaphore *sem)
{
	long count = atomic_long_read(&sem->count);

	do {
		if (count & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS))
			return 0;
	} while (!atomic_long_try_cmpxchg_acquire(&sem->count, &count,
						  count + RWSEM_READER_BIAS));
	rwsem_acquire_read(&sem->dep_map, 0, 1, _RET_IP_);
	return 1;
}

/**
 * up_read - release @sem held for reading.
 * @sem: the semaphore
 *
 * The last reader out hands the lock to the queue.
 */
void up_read(struct rw_semaphore *sem)
{
	long count;

	rwsem_release(&sem->dep_map, _RET_IP_);
	count = atomic_long_sub_return_release(RWSEM_READER_BIAS, &sem->count);
	WARN_ON_ONCE(count < 0);
	rwsem_check_wake(sem, count);
}

static int __down_write(struct rw_semaphore *sem, unsigned int state,
			int subclass, unsigned long ip)
{
	long zero = 0;
	int ret = 0;

	might_sleep();
	rwsem_acquire(&sem->dep_map, subclass, 0, ip);
	if (atomic_long_try_cmpxchg_acquire(&sem->count, &zero,
					    RWSEM_WRITER_LOCKED))
		sem->owner = current;
	else
		ret = rwsem_wait(sem, true, state);
	if (ret)
		rwsem_release(&sem->dep_map, ip);
	return ret;
}

/**
 * down_write - take @sem for writing, sleeping while anyone has it.
 * @sem: the semaphore
 *
 * Process context, may sleep.
 */
void down_write(struct rw_semaphore *sem)
{
	__down_write(sem, TASK_UNINTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * down_write_nested - down_write() of an rwsem nested in its own class.
 * @sem: the semaphore
 * @subclass: lockdep nesting level
 */
void down_write_nested(struct rw_semaphore *sem, int subclass)
{
	__down_write(sem, TASK_UNINTERRUPTIBLE, subclass, _RET_IP_);
}

/**
 * down_write_killable - down_write() unless a fatal signal comes first.
 * @sem: the semaphore
 *
 * Returns 0 with the lock held, or -EINTR without it.
 */
int down_write_killable(struct rw_semaphore *sem)
{
	return __down_write(sem, TASK_KILLABLE, 0, _RET_IP_);
}

/**
 * down_write_trylock - take @sem for writing if it is free.
 * @sem: the semaphore
 *
 * Never sleeps.  Returns 1 if taken.
 */
int down_write_trylock(struct rw_semaphore *sem)
{
	long zero = 0;

	if (!atomic_long_try_cmpxchg_acquire(&sem->count, &zero,
					     RWSEM_WRITER_LOCKED))
		return 0;
	sem->owner = current;
	rwsem_acquire(&sem->dep_map, 0, 1, _RET_IP_);
	return 1;
}

/**
 * up_write - release @sem held for writing.
 * @sem: the semaphore
 *
 * Hands the lock to the queue, if anyone waits.
 */
void up_write(struct rw_semaphore *sem)
{
	long count;

	rwsem_release(&sem->dep_map, _RET_IP_);
	WARN_ONCE(sem->owner != current, "up_write: %s/%d is not the writer\n",
		  current->comm, current->pid);
	sem->owner = NULL;
	count = atomic_long_fetch_sub_release(RWSEM_WRITER_LOCKED, &sem->count);
	rwsem_check_wake(sem, count - RWSEM_WRITER_LOCKED);
}

/**
 * downgrade_write - turn a write hold of @sem into a read hold.
 * @sem: the semaphore, held for writing by the caller
 *
 * Never sleeps.  Readers queued at the head get in alongside.
 */
void downgrade_write(struct rw_semaphore *sem)
{
	long count;

	sem->owner = NULL;
	count = atomic_long_add_return_release(
		RWSEM_READER_BIAS - RWSEM_WRITER_LOCKED, &sem->count);
	/* Now a reader in lockdep's eyes too. */
	rwsem_release(&sem->dep_map, _RET_IP_);
	rwsem_acquire_read(&sem->dep_map, 0, 1, _RET_IP_);
	if (count & RWSEM_FLAG_WAITERS)
		rwsem_wake(sem);
}
