#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>
#include <linux/lockdep_types.h>

/*
 * A ticket lock (seed 001: "自旋锁最多只能被一个线程持有"): fair, FIFO
 * under contention.  A locker takes the next ticket from @next and
 * spins until @owner reaches it; unlock advances @owner.  Free when the
 * two halves are equal, so trylock can compare-and-swap the whole word.
 * Written with the compiler's atomics, it is the same on every
 * architecture.
 */
typedef struct {
	union {
		u32 val;
		struct {
			u16 owner;
			u16 next;
		};
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		{                 \
			.val = 0  \
		}                 \
	}

/*
 * raw_spinlock_t is the lock itself.  Linux makes spinlock_t a sleeping
 * lock on PREEMPT_RT; without RT the two are the same, and here they
 * are one type, so either name works with either set of functions.
 */
typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
	struct lockdep_map dep_map; /* empty without CONFIG_LOCKDEP */
} raw_spinlock_t;

typedef raw_spinlock_t spinlock_t;

#if CONFIG_LOCKDEP
#define SPIN_DEP_MAP_INIT(lockname) .dep_map = { .name = #lockname },
#else
#define SPIN_DEP_MAP_INIT(lockname)
#endif

#define __RAW_SPIN_LOCK_INITIALIZER(lockname)          \
	{                                              \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, \
		SPIN_DEP_MAP_INIT(lockname)            \
	}

#define __RAW_SPIN_LOCK_UNLOCKED(lockname) \
	((raw_spinlock_t)__RAW_SPIN_LOCK_INITIALIZER(lockname))
#define __SPIN_LOCK_UNLOCKED(lockname) __RAW_SPIN_LOCK_UNLOCKED(lockname)

#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)
#define DEFINE_SPINLOCK(x) spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)

#include <linux/rwlock_types.h>

#endif /* _LINUX_SPINLOCK_TYPES_H */
