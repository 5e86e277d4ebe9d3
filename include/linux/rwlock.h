#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

/* Part of <linux/spinlock.h>, which includes it at its end. */
#include <linux/spinlock.h>

/*
 * Reader-writer spinlocks: any number of readers or one writer.
 * Readers may recurse, and a reader in an interrupt gets in even past a
 * waiting writer, so an interrupt handler may read_lock() a lock its
 * CPU already holds for reading.  The layering is spinlock.h's:
 * arch_*(), then __raw_*() with preemption, irqs and lockdep, then the
 * API.
 */

/* --- the lock (slow paths in kernel/locking/qrwlock.c) ------------------- */

void queued_read_lock_slowpath(arch_rwlock_t *lock);
void queued_write_lock_slowpath(arch_rwlock_t *lock);

static __always_inline void arch_read_lock(arch_rwlock_t *lock)
{
	u32 cnts = __atomic_add_fetch(&lock->cnts, RW_READER_BIAS,
				      __ATOMIC_ACQUIRE);

	if (likely(!(cnts & RW_WRITER_MASK)))
		return;
	queued_read_lock_slowpath(lock);
}

static __always_inline void arch_write_lock(arch_rwlock_t *lock)
{
	u32 old = 0;

	if (likely(__atomic_compare_exchange_n(
		    &lock->cnts, &old, RW_WRITER_LOCKED, false,
		    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)))
		return;
	queued_write_lock_slowpath(lock);
}

static __always_inline bool arch_read_trylock(arch_rwlock_t *lock)
{
	u32 cnts = __atomic_load_n(&lock->cnts, __ATOMIC_RELAXED);

	while (!(cnts & RW_WRITER_MASK)) {
		if (__atomic_compare_exchange_n(
			    &lock->cnts, &cnts, cnts + RW_READER_BIAS, false,
			    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	}
	return false;
}

static __always_inline bool arch_write_trylock(arch_rwlock_t *lock)
{
	u32 old = 0;

	return __atomic_compare_exchange_n(&lock->cnts, &old, RW_WRITER_LOCKED,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static __always_inline void arch_read_unlock(arch_rwlock_t *lock)
{
	__atomic_sub_fetch(&lock->cnts, RW_READER_BIAS, __ATOMIC_RELEASE);
}

/* Readers in interrupts may have added their bias meanwhile: no store. */
static __always_inline void arch_write_unlock(arch_rwlock_t *lock)
{
	__atomic_sub_fetch(&lock->cnts, RW_WRITER_LOCKED, __ATOMIC_RELEASE);
}

/* --- preemption, interrupts, lockdep ------------------------------------- */

static inline void __rwlock_init(rwlock_t *lock, const char *name,
				 struct lock_class_key *key)
{
	lock->raw_lock = (arch_rwlock_t)__ARCH_RW_LOCK_UNLOCKED;
	lockdep_init_map(&lock->dep_map, name, key, 0);
}

static __always_inline void __raw_read_lock(rwlock_t *lock)
{
	preempt_disable();
	rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
	arch_read_lock(&lock->raw_lock);
}

static __always_inline void __raw_write_lock(rwlock_t *lock)
{
	preempt_disable();
	rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	arch_write_lock(&lock->raw_lock);
}

static __always_inline void __raw_read_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	__raw_read_lock(lock);
}

static __always_inline void __raw_write_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	__raw_write_lock(lock);
}

static __always_inline unsigned long __raw_read_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__raw_read_lock(lock);
	return flags;
}

static __always_inline unsigned long __raw_write_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__raw_write_lock(lock);
	return flags;
}

static __always_inline void __raw_read_lock_bh(rwlock_t *lock)
{
	local_bh_disable();
	rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
	arch_read_lock(&lock->raw_lock);
}

static __always_inline void __raw_write_lock_bh(rwlock_t *lock)
{
	local_bh_disable();
	rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	arch_write_lock(&lock->raw_lock);
}

static __always_inline bool __raw_read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(&lock->raw_lock)) {
		rwlock_acquire_read(&lock->dep_map, 0, 1, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

static __always_inline bool __raw_write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_write_trylock(&lock->raw_lock)) {
		rwlock_acquire(&lock->dep_map, 0, 1, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

static __always_inline void __raw_read_unlock(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_read_unlock(&lock->raw_lock);
	preempt_enable();
}

static __always_inline void __raw_write_unlock(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_write_unlock(&lock->raw_lock);
	preempt_enable();
}

static __always_inline void __raw_read_unlock_irq(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_read_unlock(&lock->raw_lock);
	local_irq_enable();
	preempt_enable();
}

static __always_inline void __raw_write_unlock_irq(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_write_unlock(&lock->raw_lock);
	local_irq_enable();
	preempt_enable();
}

static __always_inline void __raw_read_unlock_irqrestore(rwlock_t *lock,
							 unsigned long flags)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_read_unlock(&lock->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}

static __always_inline void __raw_write_unlock_irqrestore(rwlock_t *lock,
							  unsigned long flags)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_write_unlock(&lock->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}

static __always_inline void __raw_read_unlock_bh(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_read_unlock(&lock->raw_lock);
	local_bh_enable();
}

static __always_inline void __raw_write_unlock_bh(rwlock_t *lock)
{
	rwlock_release(&lock->dep_map, _RET_IP_);
	arch_write_unlock(&lock->raw_lock);
	local_bh_enable();
}

#if CONFIG_INLINE_SPINLOCKS
#define _raw_read_lock(lock) __raw_read_lock(lock)
#define _raw_write_lock(lock) __raw_write_lock(lock)
#define _raw_read_lock_irq(lock) __raw_read_lock_irq(lock)
#define _raw_write_lock_irq(lock) __raw_write_lock_irq(lock)
#define _raw_read_lock_irqsave(lock) __raw_read_lock_irqsave(lock)
#define _raw_write_lock_irqsave(lock) __raw_write_lock_irqsave(lock)
#define _raw_read_lock_bh(lock) __raw_read_lock_bh(lock)
#define _raw_write_lock_bh(lock) __raw_write_lock_bh(lock)
#define _raw_read_trylock(lock) __raw_read_trylock(lock)
#define _raw_write_trylock(lock) __raw_write_trylock(lock)
#define _raw_read_unlock(lock) __raw_read_unlock(lock)
#define _raw_write_unlock(lock) __raw_write_unlock(lock)
#define _raw_read_unlock_irq(lock) __raw_read_unlock_irq(lock)
#define _raw_write_unlock_irq(lock) __raw_write_unlock_irq(lock)
#define _raw_read_unlock_irqrestore(lock, flags) \
	__raw_read_unlock_irqrestore(lock, flags)
#define _raw_write_unlock_irqrestore(lock, flags) \
	__raw_write_unlock_irqrestore(lock, flags)
#define _raw_read_unlock_bh(lock) __raw_read_unlock_bh(lock)
#define _raw_write_unlock_bh(lock) __raw_write_unlock_bh(lock)
#else
void _raw_read_lock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_read_lock_irq(rwlock_t *lock);
void _raw_write_lock_irq(rwlock_t *lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_read_lock_bh(rwlock_t *lock);
void _raw_write_lock_bh(rwlock_t *lock);
bool _raw_read_trylock(rwlock_t *lock);
bool _raw_write_trylock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
void _raw_read_unlock_irq(rwlock_t *lock);
void _raw_write_unlock_irq(rwlock_t *lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_read_unlock_bh(rwlock_t *lock);
void _raw_write_unlock_bh(rwlock_t *lock);
#endif

/* --- the API -------------------------------------------------------------- */

#define rwlock_init(lock)                             \
	do {                                          \
		static struct lock_class_key __key;   \
		__rwlock_init((lock), #lock, &__key); \
	} while (0)

#define read_lock(lock) _raw_read_lock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define read_lock_irq(lock) _raw_read_lock_irq(lock)
#define write_lock_irq(lock) _raw_write_lock_irq(lock)
#define read_lock_irqsave(lock, flags)                \
	do {                                          \
		typecheck(unsigned long, flags);      \
		flags = _raw_read_lock_irqsave(lock); \
	} while (0)
#define write_lock_irqsave(lock, flags)                \
	do {                                           \
		typecheck(unsigned long, flags);       \
		flags = _raw_write_lock_irqsave(lock); \
	} while (0)
#define read_lock_bh(lock) _raw_read_lock_bh(lock)
#define write_lock_bh(lock) _raw_write_lock_bh(lock)
#define read_trylock(lock) _raw_read_trylock(lock)
#define write_trylock(lock) _raw_write_trylock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define read_unlock_irq(lock) _raw_read_unlock_irq(lock)
#define write_unlock_irq(lock) _raw_write_unlock_irq(lock)
#define read_unlock_irqrestore(lock, flags)               \
	do {                                              \
		typecheck(unsigned long, flags);          \
		_raw_read_unlock_irqrestore(lock, flags); \
	} while (0)
#define write_unlock_irqrestore(lock, flags)               \
	do {                                               \
		typecheck(unsigned long, flags);           \
		_raw_write_unlock_irqrestore(lock, flags); \
	} while (0)
#define read_unlock_bh(lock) _raw_read_unlock_bh(lock)
#define write_unlock_bh(lock) _raw_write_unlock_bh(lock)

#endif /* _LINUX_RWLOCK_H */
