#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

/*
 * Integer base-2 logarithms and powers of two.  Each macro folds to a
 * constant when its argument is one, so it may size arrays.
 */

#include <linux/types.h>
#include <linux/bitops.h>

static __always_inline int __ilog2_u32(u32 n)
{
	return fls(n) - 1;
}

static __always_inline int __ilog2_u64(u64 n)
{
	return fls64(n) - 1;
}

/**
 * is_power_of_2 - whether @n is a power of two (0 is not)
 * @n: the value
 */
static __always_inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* 2^k >= @n for the smallest k; @n must be at least 1. */
static inline unsigned long __roundup_pow_of_two(unsigned long n)
{
	return 1UL << fls_long(n - 1);
}

/* 2^k <= @n for the largest k; @n must be at least 1. */
static inline unsigned long __rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls_long(n) - 1);
}

/*
 * ilog2 - floor(log2(@n)).  Undefined for 0 (gives -1 at run time, 0 for a
 * constant), as in Linux.
 */
#define ilog2(n)                                           \
	(__builtin_constant_p(n) ?                         \
		 ((n) < 2 ? 0 : 63 - __builtin_clzll(n)) : \
		 (sizeof(n) <= 4 ? __ilog2_u32(n) : __ilog2_u64(n)))

/* roundup_pow_of_two - smallest power of two >= @n; @n >= 1. */
#define roundup_pow_of_two(n)                                   \
	(__builtin_constant_p(n) ?                              \
		 ((n) == 1 ? 1 : (1UL << (ilog2((n)-1) + 1))) : \
		 __roundup_pow_of_two(n))

/* rounddown_pow_of_two - largest power of two <= @n; @n >= 1. */
#define rounddown_pow_of_two(n)                        \
	(__builtin_constant_p(n) ? (1UL << ilog2(n)) : \
				   __rounddown_pow_of_two(n))

static inline int __order_base_2(unsigned long n)
{
	return n > 1 ? ilog2(n - 1) + 1 : 0;
}

/*
 * order_base_2 - ceil(log2(@n)): the order of the smallest power of two
 * holding @n; 0 and 1 both give 0.
 */
#define order_base_2(n)                                            \
	(__builtin_constant_p(n) ?                                 \
		 (((n) == 0 || (n) == 1) ? 0 : ilog2((n)-1) + 1) : \
		 __order_base_2(n))

/* bits_per - number of bits needed to hold @n (at least 1). */
#define bits_per(n)                                            \
	(__builtin_constant_p(n) ?                             \
		 (((n) == 0 || (n) == 1) ? 1 : ilog2(n) + 1) : \
		 __bits_per(n))

static inline int __bits_per(unsigned long n)
{
	return n < 2 ? 1 : ilog2(n) + 1;
}

#endif /* _LINUX_LOG2_H */
