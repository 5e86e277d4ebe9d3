/*
 * The out-of-line half of refcount_t (<linux/refcount.h>): the warning
 * on saturation, and the decrements that need a loop or a lock.
 */
#include <linux/bug.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

/**
 * refcount_warn_saturate - park @r at REFCOUNT_SATURATED and say why.
 * @r: the count that went wrong
 * @t: what went wrong
 *
 * Any context.  Each kind of misuse is reported once.
 */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);
	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
	case REFCOUNT_ADD_OVF:
		WARN_ONCE(
			1,
			"refcount_t: overflow, saturated: the object will leak\n");
		break;
	case REFCOUNT_ADD_UAF:
		WARN_ONCE(1, "refcount_t: increment from 0: use after free\n");
		break;
	case REFCOUNT_SUB_UAF:
		WARN_ONCE(1, "refcount_t: decrement below 0: use after free\n");
		break;
	case REFCOUNT_DEC_LEAK:
		WARN_ONCE(
			1,
			"refcount_t: refcount_dec() reached 0: the object will leak\n");
		break;
	}
}

/**
 * refcount_dec_if_one - go from 1 to 0, or do nothing.
 * @r: the count
 *
 * For freeing an object only if nobody else holds it.  Returns true if
 * the count was 1 (now 0).
 */
bool refcount_dec_if_one(refcount_t *r)
{
	int one = 1;

	return atomic_try_cmpxchg_release(&r->refs, &one, 0);
}

/**
 * refcount_dec_not_one - drop a reference unless it is the last.
 * @r: the count
 *
 * Returns false, changing nothing, if the count is 1.  A saturated
 * count stays saturated.
 */
bool refcount_dec_not_one(refcount_t *r)
{
	int old = refcount_read(r);

	do {
		if (old == REFCOUNT_SATURATED)
			return true;
		if (old == 1)
			return false;
		if (old <= 0) {
			refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
			return true;
		}
	} while (!atomic_try_cmpxchg_release(&r->refs, &old, old - 1));
	return true;
}

/**
 * refcount_dec_and_lock - drop a reference; if it was the last, lock @lock.
 * @r: the count
 * @lock: the lock that protects the lookups of the object
 *
 * Returns true with @lock held if the count reached 0, so the caller
 * can unpublish and free the object before a lookup finds it again.
 * Takes the lock only for the last reference.
 */
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock)
{
	if (refcount_dec_not_one(r))
		return false;
	spin_lock(lock);
	if (!refcount_dec_and_test(r)) {
		spin_unlock(lock);
		return false;
	}
	return true;
}

/**
 * refcount_dec_and_lock_irqsave - refcount_dec_and_lock() with irqs saved.
 * @r: the count
 * @lock: the lock
 * @flags: where the irq state is saved when the lock is taken
 */
bool refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock,
				   unsigned long *flags)
{
	unsigned long f;

	if (refcount_dec_not_one(r))
		return false;
	spin_lock_irqsave(lock, f);
	if (!refcount_dec_and_test(r)) {
		spin_unlock_irqrestore(lock, f);
		return false;
	}
	*flags = f;
	return true;
}
