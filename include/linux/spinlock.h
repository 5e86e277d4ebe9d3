#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bottom_half.h>
#include <linux/bug.h>
#include <linux/instruction_pointer.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/spinlock_types.h>
#include <linux/typecheck.h>
#include <asm/processor.h>

/*
 * Spinlocks (seed 001: "自旋锁", DESIGN.md section 5).
 *
 * A holder must not sleep, so taking the lock disables preemption: the
 * holder is never switched out while others spin for it.  A lock also
 * taken by an interrupt handler must be taken with that interrupt off
 * everywhere else (seed 001: "中断处理程序获取自旋锁之前，需要禁止本地
 * 中断"), or the handler may spin on its own CPU forever:
 *
 *	spin_lock_irqsave(&lock, flags);	any context
 *	spin_lock_irq(&lock);			irqs known to be on
 *	spin_lock_bh(&lock);			shared with a softirq only
 *	spin_lock(&lock);			never taken in an interrupt
 *
 * Three layers: arch_spin_*() is the bare ticket lock; __raw_spin_*()
 * adds preemption, irq/bh control and the lockdep annotations; the
 * _raw_spin_*() functions are those, out of line in
 * kernel/locking/spinlock.c when lockdep is on, so that lockdep records
 * the caller's address.  spin_lock() and raw_spin_lock() are the API.
 */

/* --- the ticket lock ------------------------------------------------------ */

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	/* Acquire: the critical section stays after this load. */
	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static __always_inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	u32 old = owner | owner << 16; /* free: next == owner */
	u32 new = owner | (u32)(u16)(owner + 1) << 16;

	return __atomic_compare_exchange_n(&lock->val, &old, new, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	/* Only the holder writes @owner; release orders the section. */
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1),
			 __ATOMIC_RELEASE);
}

static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { .val = READ_ONCE(lock->val) } };

	return v.owner != v.next;
}

/* Someone is waiting besides the holder. */
static __always_inline bool arch_spin_is_contended(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { .val = READ_ONCE(lock->val) } };

	return (u16)(v.next - v.owner) > 1;
}

/* --- preemption, interrupts, lockdep ------------------------------------- */

static inline void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name,
					struct lock_class_key *key)
{
	lock->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	lockdep_init_map(&lock->dep_map, name, key, 0);
}

/*
 * lockdep hears of the lock before we spin on it, so an inversion is
 * reported even on the run where it deadlocks.
 */
static __always_inline void __raw_spin_lock_nested(raw_spinlock_t *lock,
						   unsigned int subclass)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline void __raw_spin_lock(raw_spinlock_t *lock)
{
	__raw_spin_lock_nested(lock, 0);
}

static __always_inline void __raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	__raw_spin_lock_nested(lock, 0);
}

static __always_inline unsigned long
__raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__raw_spin_lock_nested(lock, 0);
	return flags;
}

/* local_bh_disable() raises preempt_count, so preemption is off too. */
static __always_inline void __raw_spin_lock_bh(raw_spinlock_t *lock)
{
	local_bh_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline bool __raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock)) {
		spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

static __always_inline bool __raw_spin_trylock_bh(raw_spinlock_t *lock)
{
	local_bh_disable();
	if (arch_spin_trylock(&lock->raw_lock)) {
		spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
		return true;
	}
	local_bh_enable();
	return false;
}

static __always_inline void __raw_spin_unlock(raw_spinlock_t *lock)
{
	spin_release(&lock->dep_map, _RET_IP_);
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

static __always_inline void __raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	spin_release(&lock->dep_map, _RET_IP_);
	arch_spin_unlock(&lock->raw_lock);
	local_irq_enable();
	preempt_enable();
}

static __always_inline void __raw_spin_unlock_irqrestore(raw_spinlock_t *lock,
							 unsigned long flags)
{
	spin_release(&lock->dep_map, _RET_IP_);
	arch_spin_unlock(&lock->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}

static __always_inline void __raw_spin_unlock_bh(raw_spinlock_t *lock)
{
	spin_release(&lock->dep_map, _RET_IP_);
	arch_spin_unlock(&lock->raw_lock);
	local_bh_enable();
}

/*
 * With lockdep off the locks are inlined: the same bodies, without a
 * call.
 */
#define CONFIG_INLINE_SPINLOCKS (!CONFIG_LOCKDEP)

#if CONFIG_INLINE_SPINLOCKS
#define _raw_spin_lock(lock) __raw_spin_lock(lock)
#define _raw_spin_lock_nested(lock, subclass) \
	__raw_spin_lock_nested(lock, subclass)
#define _raw_spin_lock_irq(lock) __raw_spin_lock_irq(lock)
#define _raw_spin_lock_irqsave(lock) __raw_spin_lock_irqsave(lock)
#define _raw_spin_lock_bh(lock) __raw_spin_lock_bh(lock)
#define _raw_spin_trylock(lock) __raw_spin_trylock(lock)
#define _raw_spin_trylock_bh(lock) __raw_spin_trylock_bh(lock)
#define _raw_spin_unlock(lock) __raw_spin_unlock(lock)
#define _raw_spin_unlock_irq(lock) __raw_spin_unlock_irq(lock)
#define _raw_spin_unlock_irqrestore(lock, flags) \
	__raw_spin_unlock_irqrestore(lock, flags)
#define _raw_spin_unlock_bh(lock) __raw_spin_unlock_bh(lock)
#else
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_nested(raw_spinlock_t *lock, unsigned int subclass);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
bool _raw_spin_trylock(raw_spinlock_t *lock);
bool _raw_spin_trylock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
#endif

/* --- the API -------------------------------------------------------------- */

/* One lockdep class per call site: the static key names it. */
#define raw_spin_lock_init(lock)                             \
	do {                                                 \
		static struct lock_class_key __key;          \
		__raw_spin_lock_init((lock), #lock, &__key); \
	} while (0)

#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_lock_nested(lock, subclass) \
	_raw_spin_lock_nested(lock, subclass)
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags)            \
	do {                                          \
		typecheck(unsigned long, flags);      \
		flags = _raw_spin_lock_irqsave(lock); \
	} while (0)
#define raw_spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define raw_spin_trylock(lock) _raw_spin_trylock(lock)
#define raw_spin_trylock_bh(lock) _raw_spin_trylock_bh(lock)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags)           \
	do {                                              \
		typecheck(unsigned long, flags);          \
		_raw_spin_unlock_irqrestore(lock, flags); \
	} while (0)
#define raw_spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)

#define raw_spin_trylock_irq(lock)                 \
	({                                         \
		local_irq_disable();               \
		raw_spin_trylock(lock) ? true : ({ \
			local_irq_enable();        \
			false;                     \
		});                                \
	})

#define raw_spin_trylock_irqsave(lock, flags)      \
	({                                         \
		local_irq_save(flags);             \
		raw_spin_trylock(lock) ? true : ({ \
			local_irq_restore(flags);  \
			false;                     \
		});                                \
	})

#define raw_spin_is_locked(lock) arch_spin_is_locked(&(lock)->raw_lock)
#define raw_spin_is_contended(lock) arch_spin_is_contended(&(lock)->raw_lock)

#define spin_lock_init(lock) raw_spin_lock_init(lock)
#define spin_lock(lock) raw_spin_lock(lock)
#define spin_lock_nested(lock, subclass) raw_spin_lock_nested(lock, subclass)
#define spin_lock_irq(lock) raw_spin_lock_irq(lock)
#define spin_lock_irqsave(lock, flags) raw_spin_lock_irqsave(lock, flags)
#define spin_lock_bh(lock) raw_spin_lock_bh(lock)
#define spin_trylock(lock) raw_spin_trylock(lock)
#define spin_trylock_bh(lock) raw_spin_trylock_bh(lock)
#define spin_trylock_irq(lock) raw_spin_trylock_irq(lock)
#define spin_trylock_irqsave(lock, flags) raw_spin_trylock_irqsave(lock, flags)
#define spin_unlock(lock) raw_spin_unlock(lock)
#define spin_unlock_irq(lock) raw_spin_unlock_irq(lock)
#define spin_unlock_irqrestore(lock, flags) \
	raw_spin_unlock_irqrestore(lock, flags)
#define spin_unlock_bh(lock) raw_spin_unlock_bh(lock)

/*
 * spin_is_locked - is @lock held by anyone?
 *
 * Only a hint for assertions: by the time the caller looks, it may have
 * changed.  To check that the caller holds it, lockdep_assert_held().
 */
static inline bool spin_is_locked(spinlock_t *lock)
{
	return raw_spin_is_locked(lock);
}

static inline bool spin_is_contended(spinlock_t *lock)
{
	return raw_spin_is_contended(lock);
}

/* Die if @lock is free: the caller must hold it (or someone must). */
#define assert_raw_spin_locked(lock) BUG_ON(!raw_spin_is_locked(lock))
#define assert_spin_locked(lock) assert_raw_spin_locked(lock)

#include <linux/rwlock.h>

#endif /* _LINUX_SPINLOCK_H */
