#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * Atomic counters (seed 001: "原子操作 ... 需要硬件支持"; seed 002:
 * atomic_t, atomic_read(), atomic_set(), atomic_add()).
 *
 * Ordering follows Linux's rules, written with the compiler's atomics:
 *
 *  - atomic_read()/atomic_set() are READ_ONCE()/WRITE_ONCE(): atomic,
 *    not ordered;
 *  - operations that return nothing (atomic_inc(), atomic_or()) are
 *    atomic but promise no ordering (pair with smp_mb__before_atomic()
 *    or smp_mb__after_atomic());
 *  - operations that return a value (atomic_inc_return(),
 *    atomic_cmpxchg(), atomic_dec_and_test()) are fully ordered, like
 *    smp_mb() on both sides; their _acquire, _release and _relaxed
 *    forms order only what the name says.
 *
 * On x86 every read-modify-write is a lock-prefixed instruction, which
 * is a full barrier whatever the suffix; the weaker forms document
 * intent and matter on other machines.
 *
 * The same operations exist for atomic_t (int), atomic_long_t (long)
 * and atomic64_t (s64).
 */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct {
	s64 counter;
} atomic64_t;

/* clang-format off */
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }

/* One operation in the four orderings: full, acquire, release, relaxed. */
#define __ATOMIC_ORDERS(gen, prefix, type, val_t)                           \
	gen(prefix, type, val_t, , __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)       \
	gen(prefix, type, val_t, _acquire, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE) \
	gen(prefix, type, val_t, _release, __ATOMIC_RELEASE, __ATOMIC_RELAXED) \
	gen(prefix, type, val_t, _relaxed, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
/* clang-format on */

/* x_return(i, v): the new value; fetch_x(i, v): the old one. */
#define __ATOMIC_GEN_ARITH(prefix, type, val_t, sfx, order, fail)              \
	static __always_inline val_t prefix##_add_return##sfx(val_t i,         \
							      type *v)         \
	{                                                                      \
		return __atomic_add_fetch(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_sub_return##sfx(val_t i,         \
							      type *v)         \
	{                                                                      \
		return __atomic_sub_fetch(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_inc_return##sfx(type *v)         \
	{                                                                      \
		return __atomic_add_fetch(&v->counter, 1, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_dec_return##sfx(type *v)         \
	{                                                                      \
		return __atomic_sub_fetch(&v->counter, 1, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_add##sfx(val_t i, type *v) \
	{                                                                      \
		return __atomic_fetch_add(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_sub##sfx(val_t i, type *v) \
	{                                                                      \
		return __atomic_fetch_sub(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_inc##sfx(type *v)          \
	{                                                                      \
		return __atomic_fetch_add(&v->counter, 1, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_dec##sfx(type *v)          \
	{                                                                      \
		return __atomic_fetch_sub(&v->counter, 1, order);              \
	}

#define __ATOMIC_GEN_BITS(prefix, type, val_t, sfx, order, fail)               \
	static __always_inline val_t prefix##_fetch_and##sfx(val_t i, type *v) \
	{                                                                      \
		return __atomic_fetch_and(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_or##sfx(val_t i, type *v)  \
	{                                                                      \
		return __atomic_fetch_or(&v->counter, i, order);               \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_xor##sfx(val_t i, type *v) \
	{                                                                      \
		return __atomic_fetch_xor(&v->counter, i, order);              \
	}                                                                      \
	static __always_inline val_t prefix##_fetch_andnot##sfx(val_t i,       \
								type *v)       \
	{                                                                      \
		return __atomic_fetch_and(&v->counter, ~i, order);             \
	}

/*
 * xchg, cmpxchg (returns the old value) and try_cmpxchg (returns
 * success, and on failure stores the value found in *@old, ready for
 * the next try of a loop).
 */
#define __ATOMIC_GEN_XCHG(prefix, type, val_t, sfx, order, fail)               \
	static __always_inline val_t prefix##_xchg##sfx(type *v, val_t new)    \
	{                                                                      \
		return __atomic_exchange_n(&v->counter, new, order);           \
	}                                                                      \
	static __always_inline val_t prefix##_cmpxchg##sfx(type *v, val_t old, \
							   val_t new)          \
	{                                                                      \
		__atomic_compare_exchange_n(&v->counter, &old, new, false,     \
					    order, fail);                      \
		return old;                                                    \
	}                                                                      \
	static __always_inline bool prefix##_try_cmpxchg##sfx(                 \
		type *v, val_t *old, val_t new)                                \
	{                                                                      \
		return __atomic_compare_exchange_n(&v->counter, old, new,      \
						   false, order, fail);        \
	}

/* Operations without a result, and the rest, built on the above. */
#define __ATOMIC_GEN_OTHERS(prefix, type, val_t)                            \
	static __always_inline val_t prefix##_read(const type *v)           \
	{                                                                   \
		return READ_ONCE(v->counter);                               \
	}                                                                   \
	static __always_inline val_t prefix##_read_acquire(const type *v)   \
	{                                                                   \
		return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);      \
	}                                                                   \
	static __always_inline void prefix##_set(type *v, val_t i)          \
	{                                                                   \
		WRITE_ONCE(v->counter, i);                                  \
	}                                                                   \
	static __always_inline void prefix##_set_release(type *v, val_t i)  \
	{                                                                   \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);         \
	}                                                                   \
	static __always_inline void prefix##_add(val_t i, type *v)          \
	{                                                                   \
		__atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);       \
	}                                                                   \
	static __always_inline void prefix##_sub(val_t i, type *v)          \
	{                                                                   \
		__atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);       \
	}                                                                   \
	static __always_inline void prefix##_inc(type *v)                   \
	{                                                                   \
		prefix##_add(1, v);                                         \
	}                                                                   \
	static __always_inline void prefix##_dec(type *v)                   \
	{                                                                   \
		prefix##_sub(1, v);                                         \
	}                                                                   \
	static __always_inline void prefix##_and(val_t i, type *v)          \
	{                                                                   \
		__atomic_and_fetch(&v->counter, i, __ATOMIC_SEQ_CST);       \
	}                                                                   \
	static __always_inline void prefix##_or(val_t i, type *v)           \
	{                                                                   \
		__atomic_or_fetch(&v->counter, i, __ATOMIC_SEQ_CST);        \
	}                                                                   \
	static __always_inline void prefix##_xor(val_t i, type *v)          \
	{                                                                   \
		__atomic_xor_fetch(&v->counter, i, __ATOMIC_SEQ_CST);       \
	}                                                                   \
	static __always_inline void prefix##_andnot(val_t i, type *v)       \
	{                                                                   \
		__atomic_and_fetch(&v->counter, ~i, __ATOMIC_SEQ_CST);      \
	}                                                                   \
	static __always_inline bool prefix##_dec_and_test(type *v)          \
	{                                                                   \
		return prefix##_dec_return(v) == 0;                         \
	}                                                                   \
	static __always_inline bool prefix##_inc_and_test(type *v)          \
	{                                                                   \
		return prefix##_inc_return(v) == 0;                         \
	}                                                                   \
	static __always_inline bool prefix##_sub_and_test(val_t i, type *v) \
	{                                                                   \
		return prefix##_sub_return(i, v) == 0;                      \
	}                                                                   \
	static __always_inline bool prefix##_add_negative(val_t i, type *v) \
	{                                                                   \
		return prefix##_add_return(i, v) < 0;                       \
	}                                                                   \
	/* Add @a unless the value is @u; returns the old value. */         \
	static __always_inline val_t prefix##_fetch_add_unless(             \
		type *v, val_t a, val_t u)                                  \
	{                                                                   \
		val_t c = prefix##_read(v);                                 \
                                                                            \
		do {                                                        \
			if (c == u)                                         \
				break;                                      \
		} while (!prefix##_try_cmpxchg(v, &c, c + a));              \
		return c;                                                   \
	}                                                                   \
	static __always_inline bool prefix##_add_unless(type *v, val_t a,   \
							val_t u)            \
	{                                                                   \
		return prefix##_fetch_add_unless(v, a, u) != u;             \
	}                                                                   \
	static __always_inline bool prefix##_inc_not_zero(type *v)          \
	{                                                                   \
		return prefix##_add_unless(v, 1, 0);                        \
	}                                                                   \
	static __always_inline bool prefix##_inc_unless_negative(type *v)   \
	{                                                                   \
		val_t c = prefix##_read(v);                                 \
                                                                            \
		do {                                                        \
			if (c < 0)                                          \
				return false;                               \
		} while (!prefix##_try_cmpxchg(v, &c, c + 1));              \
		return true;                                                \
	}                                                                   \
	static __always_inline bool prefix##_dec_unless_positive(type *v)   \
	{                                                                   \
		val_t c = prefix##_read(v);                                 \
                                                                            \
		do {                                                        \
			if (c > 0)                                          \
				return false;                               \
		} while (!prefix##_try_cmpxchg(v, &c, c - 1));              \
		return true;                                                \
	}                                                                   \
	/* Decrement if that leaves it >= 0; returns the would-be value. */ \
	static __always_inline val_t prefix##_dec_if_positive(type *v)      \
	{                                                                   \
		val_t c = prefix##_read(v);                                 \
                                                                            \
		do {                                                        \
			if (c - 1 < 0)                                      \
				break;                                      \
		} while (!prefix##_try_cmpxchg(v, &c, c - 1));              \
		return c - 1;                                               \
	}

#define __ATOMIC_TYPE(prefix, type, val_t)                       \
	__ATOMIC_ORDERS(__ATOMIC_GEN_ARITH, prefix, type, val_t) \
	__ATOMIC_ORDERS(__ATOMIC_GEN_BITS, prefix, type, val_t)  \
	__ATOMIC_ORDERS(__ATOMIC_GEN_XCHG, prefix, type, val_t)  \
	__ATOMIC_GEN_OTHERS(prefix, type, val_t)

__ATOMIC_TYPE(atomic, atomic_t, int)
__ATOMIC_TYPE(atomic_long, atomic_long_t, long)
__ATOMIC_TYPE(atomic64, atomic64_t, s64)

#undef __ATOMIC_TYPE
#undef __ATOMIC_GEN_OTHERS
#undef __ATOMIC_GEN_XCHG
#undef __ATOMIC_GEN_BITS
#undef __ATOMIC_GEN_ARITH
#undef __ATOMIC_ORDERS

/*
 * xchg/cmpxchg on plain variables (any 1/2/4/8-byte scalar or pointer),
 * fully ordered like the atomic_t ones.
 */
#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, old, new)                                          \
	({                                                              \
		__typeof__(*(ptr)) __old = (old);                       \
		__atomic_compare_exchange_n((ptr), &__old, (new), false, \
					    __ATOMIC_SEQ_CST,           \
					    __ATOMIC_SEQ_CST);          \
		__old;                                                  \
	})

#endif /* _LINUX_ATOMIC_H */
