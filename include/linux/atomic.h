#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * Atomic counters.  Plain reads and writes are READ_ONCE/WRITE_ONCE;
 * read-modify-write operations are fully ordered (x86's lock prefix),
 * as Linux's value-returning atomics are.  The scheduler issue adds the
 * _acquire/_release/_relaxed variants and refcount_t.
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

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

#define __ATOMIC_OPS(prefix, type, val_t)                                    \
	static inline val_t prefix##_read(const type *v)                     \
	{                                                                    \
		return READ_ONCE(v->counter);                                \
	}                                                                    \
	static inline void prefix##_set(type *v, val_t i)                    \
	{                                                                    \
		WRITE_ONCE(v->counter, i);                                   \
	}                                                                    \
	static inline val_t prefix##_add_return(val_t i, type *v)            \
	{                                                                    \
		return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); \
	}                                                                    \
	static inline val_t prefix##_sub_return(val_t i, type *v)            \
	{                                                                    \
		return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); \
	}                                                                    \
	static inline val_t prefix##_fetch_add(val_t i, type *v)             \
	{                                                                    \
		return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); \
	}                                                                    \
	static inline void prefix##_add(val_t i, type *v)                    \
	{                                                                    \
		__atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);        \
	}                                                                    \
	static inline void prefix##_sub(val_t i, type *v)                    \
	{                                                                    \
		__atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);        \
	}                                                                    \
	static inline void prefix##_inc(type *v)                             \
	{                                                                    \
		prefix##_add(1, v);                                          \
	}                                                                    \
	static inline void prefix##_dec(type *v)                             \
	{                                                                    \
		prefix##_sub(1, v);                                          \
	}                                                                    \
	static inline val_t prefix##_inc_return(type *v)                     \
	{                                                                    \
		return prefix##_add_return(1, v);                            \
	}                                                                    \
	static inline val_t prefix##_dec_return(type *v)                     \
	{                                                                    \
		return prefix##_sub_return(1, v);                            \
	}                                                                    \
	static inline bool prefix##_dec_and_test(type *v)                    \
	{                                                                    \
		return prefix##_sub_return(1, v) == 0;                       \
	}                                                                    \
	static inline bool prefix##_inc_and_test(type *v)                    \
	{                                                                    \
		return prefix##_add_return(1, v) == 0;                       \
	}                                                                    \
	static inline val_t prefix##_xchg(type *v, val_t new)                \
	{                                                                    \
		return __atomic_exchange_n(&v->counter, new,                 \
					   __ATOMIC_SEQ_CST);                \
	}                                                                    \
	static inline val_t prefix##_cmpxchg(type *v, val_t old, val_t new)  \
	{                                                                    \
		__atomic_compare_exchange_n(&v->counter, &old, new, false,   \
					    __ATOMIC_SEQ_CST,                \
					    __ATOMIC_SEQ_CST);               \
		return old;                                                  \
	}

__ATOMIC_OPS(atomic, atomic_t, int)
__ATOMIC_OPS(atomic_long, atomic_long_t, long)
__ATOMIC_OPS(atomic64, atomic64_t, s64)

#undef __ATOMIC_OPS

#endif /* _LINUX_ATOMIC_H */
