#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

/*
 * Bitmaps: arrays of unsigned long holding @nbits bits (seed 004), as
 * used for fd tables, CPU masks and allocators.  Bits past @nbits in the
 * last word are "don't care": operations may set them (bitmap_fill(),
 * bitmap_complement()) and queries ignore them.  For one-bit operations
 * see <linux/bitops.h>; for searches, <linux/find.h>.
 *
 * Maps of at most BITS_PER_LONG bits known at compile time are handled
 * inline in one word; anything else calls lib/bitmap.c.  None of these
 * operations is atomic.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/string.h>

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* Mask of the bits of word BIT_WORD(start) at or above @start. */
#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))

/* Mask of the bits of the last word that lie below @nbits. */
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

/* Whether a map of @nbits bits is one word whose size is a constant. */
#define small_const_nbits(nbits) \
	(__builtin_constant_p(nbits) && (nbits) <= BITS_PER_LONG && (nbits) > 0)

/* Bytes in a map of @nbits bits: whole words. */
#define bitmap_size(nbits) (BITS_TO_LONGS(nbits) * sizeof(unsigned long))

bool __bitmap_equal(const unsigned long *src1, const unsigned long *src2,
		    unsigned int nbits);
bool __bitmap_intersects(const unsigned long *src1, const unsigned long *src2,
			 unsigned int nbits);
bool __bitmap_subset(const unsigned long *src1, const unsigned long *src2,
		     unsigned int nbits);
bool __bitmap_and(unsigned long *dst, const unsigned long *src1,
		  const unsigned long *src2, unsigned int nbits);
void __bitmap_or(unsigned long *dst, const unsigned long *src1,
		 const unsigned long *src2, unsigned int nbits);
void __bitmap_xor(unsigned long *dst, const unsigned long *src1,
		  const unsigned long *src2, unsigned int nbits);
bool __bitmap_andnot(unsigned long *dst, const unsigned long *src1,
		     const unsigned long *src2, unsigned int nbits);
void __bitmap_complement(unsigned long *dst, const unsigned long *src,
			 unsigned int nbits);
unsigned int __bitmap_weight(const unsigned long *src, unsigned int nbits);
void __bitmap_set(unsigned long *map, unsigned int start, int len);
void __bitmap_clear(unsigned long *map, unsigned int start, int len);
void bitmap_shift_right(unsigned long *dst, const unsigned long *src,
			unsigned int shift, unsigned int nbits);
void bitmap_shift_left(unsigned long *dst, const unsigned long *src,
		       unsigned int shift, unsigned int nbits);
unsigned long bitmap_find_next_zero_area_off(
	unsigned long *map, unsigned long size, unsigned long start,
	unsigned int nr, unsigned long align_mask, unsigned long align_offset);

/**
 * bitmap_find_next_zero_area - find @nr consecutive clear bits
 * @map: the bitmap
 * @size: its size in bits
 * @start: lowest index to consider
 * @nr: number of clear bits wanted
 * @align_mask: the area starts at a multiple of @align_mask + 1 (a power
 *	of two), or anywhere for 0
 *
 * Returns the index of the first such area.  When there is none the
 * result is greater than @size - @nr, so callers test
 * "index + nr > size".
 */
static inline unsigned long bitmap_find_next_zero_area(unsigned long *map,
						       unsigned long size,
						       unsigned long start,
						       unsigned int nr,
						       unsigned long align_mask)
{
	return bitmap_find_next_zero_area_off(map, size, start, nr, align_mask,
					      0);
}

/**
 * bitmap_zero - clear every bit of @dst
 * @dst: the bitmap
 * @nbits: its size in bits
 */
static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = 0;
	else
		memset(dst, 0, bitmap_size(nbits));
}

/**
 * bitmap_fill - set every bit of @dst (the tail bits too)
 * @dst: the bitmap
 * @nbits: its size in bits
 */
static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = ~0UL;
	else
		memset(dst, 0xff, bitmap_size(nbits));
}

/**
 * bitmap_copy - copy @src to @dst (whole words)
 * @dst: destination
 * @src: source
 * @nbits: size of both in bits
 */
static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = *src;
	else
		memcpy(dst, src, bitmap_size(nbits));
}

/**
 * bitmap_and - @dst = @src1 & @src2
 * @dst: destination, may be a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 *
 * Returns whether any bit of the result is set.
 */
static inline bool bitmap_and(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return (*dst = *src1 & *src2 & BITMAP_LAST_WORD_MASK(nbits)) !=
		       0;
	return __bitmap_and(dst, src1, src2, nbits);
}

/**
 * bitmap_or - @dst = @src1 | @src2
 * @dst: destination, may be a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 */
static inline void bitmap_or(unsigned long *dst, const unsigned long *src1,
			     const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = *src1 | *src2;
	else
		__bitmap_or(dst, src1, src2, nbits);
}

/**
 * bitmap_xor - @dst = @src1 ^ @src2
 * @dst: destination, may be a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 */
static inline void bitmap_xor(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = *src1 ^ *src2;
	else
		__bitmap_xor(dst, src1, src2, nbits);
}

/**
 * bitmap_andnot - @dst = @src1 & ~@src2
 * @dst: destination, may be a source
 * @src1: operand
 * @src2: the bits to take away
 * @nbits: size in bits
 *
 * Returns whether any bit of the result is set.
 */
static inline bool bitmap_andnot(unsigned long *dst, const unsigned long *src1,
				 const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return (*dst = *src1 & ~*src2 & BITMAP_LAST_WORD_MASK(nbits)) !=
		       0;
	return __bitmap_andnot(dst, src1, src2, nbits);
}

/**
 * bitmap_complement - @dst = ~@src
 * @dst: destination, may be @src
 * @src: operand
 * @nbits: size in bits
 */
static inline void bitmap_complement(unsigned long *dst,
				     const unsigned long *src,
				     unsigned int nbits)
{
	if (small_const_nbits(nbits))
		*dst = ~*src;
	else
		__bitmap_complement(dst, src, nbits);
}

/**
 * bitmap_equal - whether the first @nbits bits of two maps agree
 * @src1: one map
 * @src2: the other
 * @nbits: number of bits compared
 */
static inline bool bitmap_equal(const unsigned long *src1,
				const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return !((*src1 ^ *src2) & BITMAP_LAST_WORD_MASK(nbits));
	return __bitmap_equal(src1, src2, nbits);
}

/**
 * bitmap_intersects - whether some bit is set in both maps
 * @src1: one map
 * @src2: the other
 * @nbits: number of bits compared
 */
static inline bool bitmap_intersects(const unsigned long *src1,
				     const unsigned long *src2,
				     unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return (*src1 & *src2 & BITMAP_LAST_WORD_MASK(nbits)) != 0;
	return __bitmap_intersects(src1, src2, nbits);
}

/**
 * bitmap_subset - whether every bit set in @src1 is set in @src2
 * @src1: the candidate subset
 * @src2: the candidate superset
 * @nbits: number of bits compared
 */
static inline bool bitmap_subset(const unsigned long *src1,
				 const unsigned long *src2, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return !(*src1 & ~*src2 & BITMAP_LAST_WORD_MASK(nbits));
	return __bitmap_subset(src1, src2, nbits);
}

/**
 * bitmap_empty - whether no bit below @nbits is set
 * @src: the map
 * @nbits: its size in bits
 */
static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return !(*src & BITMAP_LAST_WORD_MASK(nbits));
	return find_first_bit(src, nbits) >= nbits;
}

/**
 * bitmap_full - whether every bit below @nbits is set
 * @src: the map
 * @nbits: its size in bits
 */
static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return !(~*src & BITMAP_LAST_WORD_MASK(nbits));
	return find_first_zero_bit(src, nbits) >= nbits;
}

/**
 * bitmap_weight - number of bits set below @nbits
 * @src: the map
 * @nbits: its size in bits
 */
static inline unsigned int bitmap_weight(const unsigned long *src,
					 unsigned int nbits)
{
	if (small_const_nbits(nbits))
		return hweight_long(*src & BITMAP_LAST_WORD_MASK(nbits));
	return __bitmap_weight(src, nbits);
}

/**
 * bitmap_set - set bits [@start, @start + @nbits)
 * @map: the map
 * @start: first bit
 * @nbits: how many bits
 */
static inline void bitmap_set(unsigned long *map, unsigned int start,
			      unsigned int nbits)
{
	if (__builtin_constant_p(nbits) && nbits == 1)
		__set_bit(start, map);
	else
		__bitmap_set(map, start, nbits);
}

/**
 * bitmap_clear - clear bits [@start, @start + @nbits)
 * @map: the map
 * @start: first bit
 * @nbits: how many bits
 */
static inline void bitmap_clear(unsigned long *map, unsigned int start,
				unsigned int nbits)
{
	if (__builtin_constant_p(nbits) && nbits == 1)
		__clear_bit(start, map);
	else
		__bitmap_clear(map, start, nbits);
}

/**
 * bitmap_from_u64 - set the first 64 bits of @dst from @mask
 * @dst: the map, at least 64 bits
 * @mask: bit i of @mask becomes bit i of @dst
 */
static inline void bitmap_from_u64(unsigned long *dst, u64 mask)
{
	dst[0] = (unsigned long)mask;
	if (sizeof(mask) > sizeof(unsigned long))
		dst[1] = (unsigned long)(mask >> 32);
}

#endif /* _LINUX_BITMAP_H */
