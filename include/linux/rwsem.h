#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/spinlock_types.h>

/*
 * Reader-writer semaphores (seed 001: "semaphore.h，rwsem.h"): sleeping
 * locks held by any number of readers or by one writer.
 *
 * @count packs the state:
 *
 *	bit 0		RWSEM_WRITER_LOCKED: a writer holds it
 *	bit 1		RWSEM_FLAG_WAITERS: @wait_list is not empty
 *	bits 8 and up	the readers holding it, RWSEM_READER_BIAS each
 *
 * With no one waiting, a reader takes it with one atomic add and a
 * writer with one compare-and-swap.  Once anyone waits, newcomers queue
 * behind, and each release hands the lock to the head of the queue (a
 * writer, or every reader up to the next writer), so neither side
 * starves the other (seed 001: "当有大量读锁被占有时，可能导致写者
 * 饥饿" -- not here).
 */
struct rw_semaphore {
	atomic_long_t count;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
	struct task_struct *owner; /* the writer, for debugging */
	struct lockdep_map dep_map;
};

#define RWSEM_WRITER_LOCKED 0x1L
#define RWSEM_FLAG_WAITERS 0x2L
#define RWSEM_READER_SHIFT 8
#define RWSEM_READER_BIAS (1L << RWSEM_READER_SHIFT)
#define RWSEM_READER_MASK (~(RWSEM_READER_BIAS - 1))

#if CONFIG_LOCKDEP
#define __RWSEM_DEP_MAP_INIT(lockname) .dep_map = { .name = #lockname },
#else
#define __RWSEM_DEP_MAP_INIT(lockname)
#endif

#define __RWSEM_INITIALIZER(name)                                             \
	{                                                                     \
		.count = ATOMIC_LONG_INIT(0),                                 \
		.wait_lock = __RAW_SPIN_LOCK_INITIALIZER(name.wait_lock),     \
		.wait_list = LIST_HEAD_INIT((name).wait_list), .owner = NULL, \
		__RWSEM_DEP_MAP_INIT(name)                                    \
	}

#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key);

/* One lockdep class for the rwsems set up at one call site. */
#define init_rwsem(sem)                             \
	do {                                        \
		static struct lock_class_key __key; \
		__init_rwsem((sem), #sem, &__key);  \
	} while (0)

/* Is it held, by readers or a writer?  A snapshot. */
static inline bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return atomic_long_read(&sem->count) &
	       (RWSEM_READER_MASK | RWSEM_WRITER_LOCKED);
}

static inline bool rwsem_is_contended(struct rw_semaphore *sem)
{
	return atomic_long_read(&sem->count) & RWSEM_FLAG_WAITERS;
}

/* kernel/locking/rwsem.c */
void down_read(struct rw_semaphore *sem);
void down_read_nested(struct rw_semaphore *sem, int subclass);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void down_write_nested(struct rw_semaphore *sem, int subclass);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

#endif /* _LINUX_RWSEM_H */
