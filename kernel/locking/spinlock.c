/*
 * The spinlock and rwlock operations, out of line (the bodies are the
 * __raw_*() inlines of <linux/spinlock.h> and <linux/rwlock.h>).
 *
 * They exist so that lockdep sees a real call: _RET_IP_ in the inlined
 * body is then the caller of spin_lock(), which is what a report must
 * name.  Without lockdep the header inlines the bodies instead and this
 * file is empty.
 */
#include <linux/spinlock.h>

#if !CONFIG_INLINE_SPINLOCKS
/**
 * _raw_spin_lock - take @lock, spinning; disables preemption.
 * @lock: the lock
 *
 * Any context, but a lock also taken in an interrupt needs the _irq
 * or _irqsave form.
 */
void _raw_spin_lock(raw_spinlock_t *lock)
{
	__raw_spin_lock(lock);
}

/**
 * _raw_spin_lock_nested - take @lock while holding another of its class.
 * @lock: the lock
 * @subclass: lockdep subclass telling the nesting levels apart
 */
void _raw_spin_lock_nested(raw_spinlock_t *lock, unsigned int subclass)
{
	__raw_spin_lock_nested(lock, subclass);
}

/**
 * _raw_spin_lock_irq - disable local irqs, then take @lock.
 * @lock: the lock
 *
 * Only where irqs are known to be enabled: the unlock enables them.
 */
void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	__raw_spin_lock_irq(lock);
}

/**
 * _raw_spin_lock_irqsave - save and disable local irqs, then take @lock.
 * @lock: the lock
 *
 * Any context.  Returns the saved flags for the unlock.
 */
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	return __raw_spin_lock_irqsave(lock);
}

/**
 * _raw_spin_lock_bh - disable softirqs, then take @lock.
 * @lock: the lock shared with softirqs, never with hardirqs
 */
void _raw_spin_lock_bh(raw_spinlock_t *lock)
{
	__raw_spin_lock_bh(lock);
}

/**
 * _raw_spin_trylock - take @lock if it is free.
 * @lock: the lock
 *
 * Any context; never spins.  Returns true if the caller now holds it.
 */
bool _raw_spin_trylock(raw_spinlock_t *lock)
{
	return __raw_spin_trylock(lock);
}

/**
 * _raw_spin_trylock_bh - take @lock if it is free, with softirqs disabled.
 * @lock: the lock
 *
 * Returns true if taken; softirqs stay disabled only then.
 */
bool _raw_spin_trylock_bh(raw_spinlock_t *lock)
{
	return __raw_spin_trylock_bh(lock);
}

/**
 * _raw_spin_unlock - release @lock and re-enable preemption.
 * @lock: a lock the caller holds
 */
void _raw_spin_unlock(raw_spinlock_t *lock)
{
	__raw_spin_unlock(lock);
}

/**
 * _raw_spin_unlock_irq - release @lock and enable local irqs.
 * @lock: a lock the caller holds
 */
void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	__raw_spin_unlock_irq(lock);
}

/**
 * _raw_spin_unlock_irqrestore - release @lock and restore the irq state.
 * @lock: a lock the caller holds
 * @flags: what the _irqsave lock returned
 */
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	__raw_spin_unlock_irqrestore(lock, flags);
}

/**
 * _raw_spin_unlock_bh - release @lock and re-enable softirqs.
 * @lock: a lock the caller holds
 *
 * Runs the softirqs raised meanwhile; irqs must be on.
 */
void _raw_spin_unlock_bh(raw_spinlock_t *lock)
{
	__raw_spin_unlock_bh(lock);
}

/**
 * _raw_read_lock - take @lock as a reader, spinning.
 * @lock: the rwlock
 */
void _raw_read_lock(rwlock_t *lock)
{
	__raw_read_lock(lock);
}

/**
 * _raw_read_lock_irq - disable local irqs and take @lock as a reader.
 * @lock: the rwlock
 */
void _raw_read_lock_irq(rwlock_t *lock)
{
	__raw_read_lock_irq(lock);
}

/**
 * _raw_read_lock_irqsave - save and disable local irqs, take @lock as a reader.
 * @lock: the rwlock
 *
 * Returns the saved flags.
 */
unsigned long _raw_read_lock_irqsave(rwlock_t *lock)
{
	return __raw_read_lock_irqsave(lock);
}

/**
 * _raw_read_lock_bh - disable softirqs and take @lock as a reader.
 * @lock: the rwlock
 */
void _raw_read_lock_bh(rwlock_t *lock)
{
	__raw_read_lock_bh(lock);
}

/**
 * _raw_read_trylock - take @lock as a reader if possible without waiting.
 * @lock: the rwlock
 *
 * Returns true if taken.
 */
bool _raw_read_trylock(rwlock_t *lock)
{
	return __raw_read_trylock(lock);
}

/**
 * _raw_read_unlock - release @lock held as a reader.
 * @lock: the rwlock
 */
void _raw_read_unlock(rwlock_t *lock)
{
	__raw_read_unlock(lock);
}

/**
 * _raw_read_unlock_irq - release @lock held as a reader, enable local irqs.
 * @lock: the rwlock
 */
void _raw_read_unlock_irq(rwlock_t *lock)
{
	__raw_read_unlock_irq(lock);
}

/**
 * _raw_read_unlock_irqrestore - release @lock held as a reader, restore irqs.
 * @lock: the rwlock
 * @flags: what the _irqsave lock returned
 */
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	__raw_read_unlock_irqrestore(lock, flags);
}

/**
 * _raw_read_unlock_bh - release @lock held as a reader, re-enable softirqs.
 * @lock: the rwlock
 */
void _raw_read_unlock_bh(rwlock_t *lock)
{
	__raw_read_unlock_bh(lock);
}

/**
 * _raw_write_lock - take @lock as the writer, spinning.
 * @lock: the rwlock
 */
void _raw_write_lock(rwlock_t *lock)
{
	__raw_write_lock(lock);
}

/**
 * _raw_write_lock_irq - disable local irqs and take @lock as the writer.
 * @lock: the rwlock
 */
void _raw_write_lock_irq(rwlock_t *lock)
{
	__raw_write_lock_irq(lock);
}

/**
 * _raw_write_lock_irqsave - save and disable local irqs, take @lock as the writer.
 * @lock: the rwlock
 *
 * Returns the saved flags.
 */
unsigned long _raw_write_lock_irqsave(rwlock_t *lock)
{
	return __raw_write_lock_irqsave(lock);
}

/**
 * _raw_write_lock_bh - disable softirqs and take @lock as the writer.
 * @lock: the rwlock
 */
void _raw_write_lock_bh(rwlock_t *lock)
{
	__raw_write_lock_bh(lock);
}

/**
 * _raw_write_trylock - take @lock as the writer if possible without waiting.
 * @lock: the rwlock
 *
 * Returns true if taken.
 */
bool _raw_write_trylock(rwlock_t *lock)
{
	return __raw_write_trylock(lock);
}

/**
 * _raw_write_unlock - release @lock held as the writer.
 * @lock: the rwlock
 */
void _raw_write_unlock(rwlock_t *lock)
{
	__raw_write_unlock(lock);
}

/**
 * _raw_write_unlock_irq - release @lock held as the writer, enable local irqs.
 * @lock: the rwlock
 */
void _raw_write_unlock_irq(rwlock_t *lock)
{
	__raw_write_unlock_irq(lock);
}

/**
 * _raw_write_unlock_irqrestore - release @lock held as the writer, restore irqs.
 * @lock: the rwlock
 * @flags: what the _irqsave lock returned
 */
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	__raw_write_unlock_irqrestore(lock, flags);
}

/**
 * _raw_write_unlock_bh - release @lock held as the writer, re-enable softirqs.
 * @lock: the rwlock
 */
void _raw_write_unlock_bh(rwlock_t *lock)
{
	__raw_write_unlock_bh(lock);
}

#endif /* !CONFIG_INLINE_SPINLOCKS */
