#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/spinlock_types.h>

struct task_struct;

/*
 * Mutexes: sleeping locks with an owner.  Only the task that locked a
 * mutex may unlock it; it may sleep while holding it; it must not take
 * it recursively, nor hold it when it exits.  Only process context may
 * use them (not interrupts: the lock may sleep).
 *
 * @owner holds the owning task's address, or 0 when free, and in its
 * low bits, which a task_struct's alignment leaves zero:
 *
 *	MUTEX_FLAG_WAITERS	someone sleeps on @wait_list: the unlock
 *				must wake one
 *	MUTEX_FLAG_HANDOFF	the first waiter has waited long: the
 *				unlock hands it the lock instead of letting
 *				a newcomer take it first
 *
 * Lock and unlock are one compare-and-swap when uncontended.  A
 * contended locker first spins while the owner is running on another
 * CPU (it will likely release soon and a sleep costs two context
 * switches), then queues on @wait_list, in order, and sleeps.
 */
struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
	struct lockdep_map dep_map;
};

#define MUTEX_FLAG_WAITERS 0x01UL
#define MUTEX_FLAG_HANDOFF 0x02UL
#define MUTEX_FLAGS 0x07UL

#if CONFIG_LOCKDEP
#define __DEP_MAP_MUTEX_INITIALIZER(lockname) .dep_map = { .name = #lockname },
#else
#define __DEP_MAP_MUTEX_INITIALIZER(lockname)
#endif

#define __MUTEX_INITIALIZER(lockname)                                         \
	{                                                                     \
		.owner = ATOMIC_LONG_INIT(0),                                 \
		.wait_lock = __RAW_SPIN_LOCK_INITIALIZER(lockname.wait_lock), \
		.wait_list = LIST_HEAD_INIT(lockname.wait_list),              \
		__DEP_MAP_MUTEX_INITIALIZER(lockname)                         \
	}

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);

/* One lockdep class for the mutexes set up at one call site. */
#define mutex_init(mutex)                              \
	do {                                           \
		static struct lock_class_key __key;    \
		__mutex_init((mutex), #mutex, &__key); \
	} while (0)

/**
 * mutex_is_locked - is @lock held by anyone?
 * @lock: the mutex
 *
 * A snapshot, for assertions and heuristics.
 */
static inline bool mutex_is_locked(struct mutex *lock)
{
	return atomic_long_read(&lock->owner) & ~MUTEX_FLAGS;
}

/* kernel/locking/mutex.c */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
struct task_struct *mutex_owner(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
