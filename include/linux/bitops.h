#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

/*
 * Bit operations on arrays of unsigned long (seed 004: bitmaps).
 *
 * Bit @nr lives in word nr / BITS_PER_LONG at position
 * nr % BITS_PER_LONG, counting from the least significant bit, on every
 * architecture.  set_bit() and friends are atomic read-modify-writes;
 * the __-prefixed forms are plain ones, for bitmaps the caller owns or
 * has locked.  The test_and_* forms are fully ordered, as in Linux; the
 * plain atomic ones are ordered too here (seq_cst builtins), which is
 * stronger than Linux promises and never weaker.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/const.h>

#ifndef BITS_PER_LONG
#define BITS_PER_LONG (__SIZEOF_LONG__ * 8)
#endif
#define BITS_PER_LONG_LONG 64
#define BITS_PER_BYTE 8
#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)

#define __BITS_TO(nr, bits) (((nr) + (bits)-1) / (bits))
#define BITS_TO_LONGS(nr) __BITS_TO(nr, BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) __BITS_TO(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) __BITS_TO(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) __BITS_TO(nr, BITS_PER_TYPE(char))

/* Which word of a bitmap holds bit @nr, and its mask in that word. */
#define BIT_MASK(nr) (UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr) (ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr) ((nr) / BITS_PER_LONG_LONG)

/* Bits @l..@h inclusive, @h >= @l: GENMASK(7, 4) == 0xf0. */
#define GENMASK(h, l) ((~UL(0) << (l)) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) \
	((~ULL(0) << (l)) & (~ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h))))

/*
 * Atomic operations.  The compiler emits a locked instruction (or an
 * LL/SC loop) for each; a CPU never sees half an update.
 */

/**
 * set_bit - atomically set bit @nr of @addr
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * clear_bit - atomically clear bit @nr of @addr
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + BIT_WORD(nr), ~BIT_MASK(nr),
			   __ATOMIC_SEQ_CST);
}

/**
 * change_bit - atomically flip bit @nr of @addr
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * test_and_set_bit - atomically set bit @nr and return its old value
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool test_and_set_bit(long nr,
					     volatile unsigned long *addr)
{
	unsigned long old;

	old = __atomic_fetch_or(addr + BIT_WORD(nr), BIT_MASK(nr),
				__ATOMIC_SEQ_CST);
	return old & BIT_MASK(nr);
}

/**
 * test_and_clear_bit - atomically clear bit @nr and return its old value
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool test_and_clear_bit(long nr,
					       volatile unsigned long *addr)
{
	unsigned long old;

	old = __atomic_fetch_and(addr + BIT_WORD(nr), ~BIT_MASK(nr),
				 __ATOMIC_SEQ_CST);
	return old & BIT_MASK(nr);
}

/**
 * test_and_change_bit - atomically flip bit @nr and return its old value
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool test_and_change_bit(long nr,
						volatile unsigned long *addr)
{
	unsigned long old;

	old = __atomic_fetch_xor(addr + BIT_WORD(nr), BIT_MASK(nr),
				 __ATOMIC_SEQ_CST);
	return old & BIT_MASK(nr);
}

/**
 * test_and_set_bit_lock - take a bit lock: set @nr with acquire ordering
 * @nr: bit number
 * @addr: start of the bitmap
 *
 * Returns the old value: false means the caller now holds the bit.
 */
static __always_inline bool test_and_set_bit_lock(long nr,
						  volatile unsigned long *addr)
{
	unsigned long old;

	old = __atomic_fetch_or(addr + BIT_WORD(nr), BIT_MASK(nr),
				__ATOMIC_ACQUIRE);
	return old & BIT_MASK(nr);
}

/**
 * clear_bit_unlock - release a bit lock taken by test_and_set_bit_lock()
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void clear_bit_unlock(long nr,
					     volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + BIT_WORD(nr), ~BIT_MASK(nr),
			   __ATOMIC_RELEASE);
}

/*
 * Non-atomic operations: a concurrent update of another bit of the same
 * word may be lost.
 */

/**
 * __set_bit - set bit @nr of @addr, non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void __set_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

/**
 * __clear_bit - clear bit @nr of @addr, non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/**
 * __change_bit - flip bit @nr of @addr, non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void __change_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

/**
 * __test_and_set_bit - set bit @nr and return its old value, non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool __test_and_set_bit(long nr,
					       volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old | BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

/**
 * __test_and_clear_bit - clear bit @nr and return its old value,
 * non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool __test_and_clear_bit(long nr,
						 volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old & ~BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

/**
 * __test_and_change_bit - flip bit @nr and return its old value,
 * non-atomically
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool __test_and_change_bit(long nr,
						  volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old ^ BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

/**
 * __clear_bit_unlock - release a bit lock when no one else writes the word
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline void __clear_bit_unlock(long nr,
					       volatile unsigned long *addr)
{
	unsigned long val = addr[BIT_WORD(nr)] & ~BIT_MASK(nr);

	__atomic_store_n(addr + BIT_WORD(nr), val, __ATOMIC_RELEASE);
}

/**
 * test_bit - whether bit @nr of @addr is set
 * @nr: bit number
 * @addr: start of the bitmap
 *
 * A single load: atomic with respect to the atomic operations above, but
 * it orders nothing around it.
 */
static __always_inline bool test_bit(long nr,
				     const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/**
 * test_bit_acquire - test_bit() with acquire ordering
 * @nr: bit number
 * @addr: start of the bitmap
 */
static __always_inline bool test_bit_acquire(long nr,
					     const volatile unsigned long *addr)
{
	unsigned long val =
		__atomic_load_n(addr + BIT_WORD(nr), __ATOMIC_ACQUIRE);

	return (val >> (nr % BITS_PER_LONG)) & 1;
}

/*
 * Finding bits in a word.  __ffs(), ffz() and __fls() count from 0 and
 * are undefined when there is nothing to find; ffs(), fls() and fls64()
 * count from 1 and return 0 for an empty word.
 */

/**
 * __ffs - index of the lowest set bit of @word, which must not be 0
 * @word: the word
 */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* Index of the lowest clear bit; @x must not be ~0UL. */
#define ffz(x) __ffs(~(x))

/**
 * __fls - index of the highest set bit of @word, which must not be 0
 * @word: the word
 */
static __always_inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

/**
 * ffs - 1 + index of the lowest set bit of @x, or 0 if @x is 0
 * @x: the word
 *
 * Defined like the C library's ffs(): ffs(1) == 1, ffs(0x80) == 8.
 */
static __always_inline int ffs(int x)
{
	return __builtin_ffs(x);
}

/**
 * fls - 1 + index of the highest set bit of @x, or 0 if @x is 0
 * @x: the word
 *
 * fls(1) == 1, fls(0x80000000) == 32.
 */
static __always_inline int fls(unsigned int x)
{
	return x ? (int)BITS_PER_TYPE(x) - __builtin_clz(x) : 0;
}

/**
 * fls64 - 1 + index of the highest set bit of @x, or 0 if @x is 0
 * @x: the word
 */
static __always_inline int fls64(u64 x)
{
	return x ? (int)BITS_PER_TYPE(x) - __builtin_clzll(x) : 0;
}

/**
 * fls_long - fls() of an unsigned long
 * @l: the word
 */
static __always_inline unsigned int fls_long(unsigned long l)
{
	if (sizeof(l) == 4)
		return fls(l);
	return fls64(l);
}

/**
 * __ffs64 - index of the lowest set bit of @word, which must not be 0
 * @word: the word
 */
static __always_inline unsigned long __ffs64(u64 word)
{
	return __builtin_ctzll(word);
}

/**
 * get_count_order - smallest order with 2^order >= @count
 * @count: the count; 0 gives -1
 */
static inline int get_count_order(unsigned int count)
{
	return count ? fls(count - 1) : -1;
}

/**
 * get_count_order_long - get_count_order() for an unsigned long
 * @l: the count; 0 gives -1
 */
static inline int get_count_order_long(unsigned long l)
{
	return l ? (int)fls_long(l - 1) : -1;
}

/*
 * Population count.  Without -mpopcnt the compiler turns
 * __builtin_popcount() of a variable into a libgcc call the kernel does
 * not link, so only constants go through the builtin; variables are
 * counted in parallel inside the register: sums of 2-, 4-, then 8-bit
 * fields, and one multiply adds all the bytes into the top byte.
 */
static __always_inline unsigned int __sw_hweight64(u64 w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned int)((w * 0x0101010101010101ULL) >> 56);
}

static __always_inline unsigned int __sw_hweight32(u32 w)
{
	w -= (w >> 1) & 0x55555555U;
	w = (w & 0x33333333U) + ((w >> 2) & 0x33333333U);
	w = (w + (w >> 4)) & 0x0f0f0f0fU;
	return (w * 0x01010101U) >> 24;
}

#define hweight64(w)                                                       \
	(__builtin_constant_p(w) ? (unsigned int)__builtin_popcountll(w) : \
				   __sw_hweight64(w))
#define hweight32(w)                                                     \
	(__builtin_constant_p(w) ? (unsigned int)__builtin_popcount(w) : \
				   __sw_hweight32(w))
#define hweight16(w) hweight32((u16)(w))
#define hweight8(w) hweight32((u8)(w))

/**
 * hweight_long - number of set bits in @w
 * @w: the word
 */
static __always_inline unsigned long hweight_long(unsigned long w)
{
	return sizeof(w) == 4 ? hweight32(w) : hweight64(w);
}

/* Rotations; @shift is taken modulo the width. */
static inline u64 rol64(u64 word, unsigned int shift)
{
	return (word << (shift & 63)) | (word >> ((-shift) & 63));
}

static inline u64 ror64(u64 word, unsigned int shift)
{
	return (word >> (shift & 63)) | (word << ((-shift) & 63));
}

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

/**
 * sign_extend32 - sign-extend @value from bit @index
 * @value: the value
 * @index: 0-based position of its sign bit
 */
static inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

/**
 * sign_extend64 - sign-extend @value from bit @index
 * @value: the value
 * @index: 0-based position of its sign bit
 */
static inline s64 sign_extend64(u64 value, int index)
{
	u8 shift = 63 - index;

	return (s64)(value << shift) >> shift;
}

#endif /* _LINUX_BITOPS_H */
