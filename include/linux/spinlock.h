#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <asm/processor.h>

/*
 * A ticket lock: fair (FIFO) under contention.  Each locker takes the
 * next ticket and waits until "owner" reaches it.  This is the boot
 * version; the scheduler issue adds preempt_count and lockdep.
 */
typedef struct {
	union {
		u32 val; /* both halves, for trylock's cmpxchg */
		struct {
			u16 owner;
			u16 next;
		};
	};
} arch_spinlock_t;

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
} raw_spinlock_t;

typedef raw_spinlock_t spinlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED         \
	{                                \
		{                        \
			{                \
				.val = 0 \
			}                \
		}                        \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw_lock.val = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	u16 ticket =
		__atomic_fetch_add(&lock->raw_lock.next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->raw_lock.owner, __ATOMIC_ACQUIRE) !=
	       ticket)
		cpu_relax();
}

static inline bool spin_trylock(spinlock_t *lock)
{
	u32 owner = __atomic_load_n(&lock->raw_lock.owner, __ATOMIC_RELAXED);
	u32 old = owner | owner << 16; /* free: next == owner */
	u32 new = owner | (u32)(u16)(owner + 1) << 16;

	return __atomic_compare_exchange_n(&lock->raw_lock.val, &old, new,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->raw_lock.owner, lock->raw_lock.owner + 1,
			 __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	arch_spinlock_t v = { { .val = READ_ONCE(lock->raw_lock.val) } };

	return v.owner != v.next;
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

#define spin_lock_irqsave(lock, flags) \
	do {                           \
		local_irq_save(flags); \
		spin_lock(lock);       \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#define raw_spin_lock spin_lock
#define raw_spin_unlock spin_unlock
#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore
#define raw_spin_lock_irq spin_lock_irq
#define raw_spin_unlock_irq spin_unlock_irq

#endif /* _LINUX_SPINLOCK_H */
