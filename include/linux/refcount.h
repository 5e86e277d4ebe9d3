#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/spinlock_types.h>
#include <asm/barrier.h>

/*
 * Reference counts that cannot wrap.  An atomic_t counting references
 * can be driven past INT_MAX by a leak (or by an attacker), wrap to 0
 * and free an object still in use.  A refcount_t that overflows, or is
 * incremented from 0 (the object is already being freed), or goes
 * below 0, instead saturates: it is parked at REFCOUNT_SATURATED, half
 * way down the negative range, with a warning.  A saturated count is
 * never freed -- a leak instead of a use-after-free -- and stays
 * saturated however many increments or decrements race with it.
 *
 * Ordering: increments are relaxed (the caller already holds a
 * reference, or a lock, that keeps the object alive); a decrement is a
 * release, and the one that reaches 0 is also an acquire, so the
 * freeing code sees every access made under the other references.
 */
/* @a + @b wrapped to int, with no signed-overflow undefined behaviour. */
#define __refcount_wrap(a, b) ((int)((unsigned int)(a) + (unsigned int)(b)))

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)               \
	{                              \
		.refs = ATOMIC_INIT(n) \
	}
#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

/* lib/refcount.c */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);
bool refcount_dec_if_one(refcount_t *r);
bool refcount_dec_not_one(refcount_t *r);
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock);
bool refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock,
				   unsigned long *flags);

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

/**
 * refcount_add_not_zero - add @i unless the count is 0
 * @i: references to add
 * @r: the count
 *
 * For lookups that may find an object already on its way out.
 * Returns false, adding nothing, if the count was 0.
 */
static inline bool refcount_add_not_zero(int i, refcount_t *r)
{
	int old = refcount_read(r);

	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg_relaxed(&r->refs, &old,
					     __refcount_wrap(old, i)));
	if (unlikely(old < 0 || __refcount_wrap(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old;
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

/**
 * refcount_add - add @i references
 * @i: references to add
 * @r: the count; the caller must already hold a reference
 *
 * Saturates, with a warning, on overflow or when the count was 0.
 */
static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add_relaxed(i, &r->refs);

	if (unlikely(!old))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || __refcount_wrap(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/**
 * refcount_sub_and_test - drop @i references; true if they were the last
 * @i: references to drop
 * @r: the count
 *
 * The caller that gets true frees the object.  Saturates, with a
 * warning, if the count would go below 0.
 */
static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_fetch_sub_release(i, &r->refs);

	if (old == i) {
		smp_acquire__after_ctrl_dep();
		return true;
	}
	if (unlikely(old < 0 || __refcount_wrap(old, -i) < 0))
		refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
	return false;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/* Drop a reference that is known not to be the last. */
static inline void refcount_dec(refcount_t *r)
{
	if (unlikely(atomic_fetch_sub_release(1, &r->refs) <= 1))
		refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

#endif /* _LINUX_REFCOUNT_H */
