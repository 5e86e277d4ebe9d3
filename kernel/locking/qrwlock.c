/*
 * The contended paths of the reader-writer spinlock (the fast paths and
 * the lock word are in <linux/rwlock.h> and <linux/rwlock_types.h>).
 *
 * Contended lockers line up on the lock's ticket lock @wait_lock, so
 * they get in in arrival order.  The one exception is a reader in an
 * interrupt: it must not wait behind a writer that waits for the very
 * reader this interrupt interrupted, so it only waits for a writer that
 * holds the lock.
 */
#include <linux/preempt.h>
#include <linux/spinlock.h>

static void rwlock_wait_no_writer(arch_rwlock_t *lock)
{
	while (__atomic_load_n(&lock->cnts, __ATOMIC_ACQUIRE) &
	       RW_WRITER_LOCKED)
		cpu_relax();
}

/**
 * queued_read_lock_slowpath - wait for a reader's turn.
 * @lock: the lock; the caller's reader bias is already counted in it
 *
 * Called from arch_read_lock() when it found a writer holding or
 * waiting.  Preemption is disabled by the caller.
 */
void queued_read_lock_slowpath(arch_rwlock_t *lock)
{
	if (in_interrupt()) {
		rwlock_wait_no_writer(lock);
		return;
	}
	/*
	 * Step back out, queue, and count ourselves in again.  With the
	 * wait lock held no writer can be waiting (a waiting writer holds
	 * it), so the only one to wait for is one that holds the lock.
	 */
	__atomic_sub_fetch(&lock->cnts, RW_READER_BIAS, __ATOMIC_RELAXED);
	arch_spin_lock(&lock->wait_lock);
	__atomic_add_fetch(&lock->cnts, RW_READER_BIAS, __ATOMIC_RELAXED);
	rwlock_wait_no_writer(lock);
	arch_spin_unlock(&lock->wait_lock);
}

/**
 * queued_write_lock_slowpath - wait until the lock is free, then take it.
 * @lock: the lock
 *
 * Called from arch_write_lock() when the lock was busy.  Marks the
 * writer waiting, which turns new readers away, and waits for the
 * readers inside to leave.  Preemption is disabled by the caller.
 */
void queued_write_lock_slowpath(arch_rwlock_t *lock)
{
	u32 cnts = 0;

	arch_spin_lock(&lock->wait_lock);
	if (__atomic_compare_exchange_n(&lock->cnts, &cnts, RW_WRITER_LOCKED,
					false, __ATOMIC_ACQUIRE,
					__ATOMIC_RELAXED))
		goto out;
	__atomic_fetch_or(&lock->cnts, RW_WRITER_WAITING, __ATOMIC_RELAXED);
	for (;;) {
		cnts = RW_WRITER_WAITING;
		if (__atomic_compare_exchange_n(
			    &lock->cnts, &cnts, RW_WRITER_LOCKED, false,
			    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
		cpu_relax();
	}
out:
	arch_spin_unlock(&lock->wait_lock);
}
