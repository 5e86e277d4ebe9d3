#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

/*
 * Multiplicative (Fibonacci) hashing: multiply by 2^w / phi and keep the
 * top @bits bits, which mix in every bit of the key.  The constants are
 * Linux's, so bucket indices match between the two kernels.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>

#define GOLDEN_RATIO_32 0x61C88647
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

#if BITS_PER_LONG == 64
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_64
#define hash_long(val, bits) hash_64(val, bits)
#else
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_32
#define hash_long(val, bits) hash_32(val, bits)
#endif

/**
 * __hash_32 - all 32 bits of the multiplicative hash of @val
 * @val: the key
 */
static inline u32 __hash_32(u32 val)
{
	return val * GOLDEN_RATIO_32;
}

/**
 * hash_32 - hash @val into @bits bits
 * @val: the key
 * @bits: width of the result, 1..32
 *
 * Returns a value in [0, 2^@bits).
 */
static inline u32 hash_32(u32 val, unsigned int bits)
{
	return __hash_32(val) >> (32 - bits);
}

/**
 * hash_64 - hash @val into @bits bits
 * @val: the key
 * @bits: width of the result, 1..32
 *
 * Returns a value in [0, 2^@bits).
 */
static __always_inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

/**
 * hash_ptr - hash a pointer into @bits bits
 * @ptr: the key
 * @bits: width of the result, 1..32
 */
static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

/**
 * hash32_ptr - fold a pointer into 32 bits (not spread; feed to hash_32)
 * @ptr: the key
 */
static inline u32 hash32_ptr(const void *ptr)
{
	unsigned long val = (unsigned long)ptr;

#if BITS_PER_LONG == 64
	val ^= val >> 32;
#endif
	return (u32)val;
}

#endif /* _LINUX_HASH_H */
