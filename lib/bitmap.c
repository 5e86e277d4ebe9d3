/*
 * Bitmap operations on maps of any length (seed 004); the one-word
 * constant-size cases are inline in <linux/bitmap.h>.
 *
 * Whole words are processed first, then the last word under
 * BITMAP_LAST_WORD_MASK(): bits past @nbits never change a result, and
 * operations that produce a map may leave anything in them.
 */

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/kernel.h>

/* Number of words all of whose bits lie below @nbits. */
static inline unsigned int full_words(unsigned int nbits)
{
	return nbits / BITS_PER_LONG;
}

/* Whether @nbits ends part-way through a word. */
static inline bool has_tail(unsigned int nbits)
{
	return nbits % BITS_PER_LONG;
}

/**
 * __bitmap_equal - whether the first @nbits bits of two maps agree
 * @src1: one map
 * @src2: the other
 * @nbits: number of bits compared
 */
bool __bitmap_equal(const unsigned long *src1, const unsigned long *src2,
		    unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits);

	for (k = 0; k < lim; k++)
		if (src1[k] != src2[k])
			return false;
	if (has_tail(nbits) &&
	    ((src1[k] ^ src2[k]) & BITMAP_LAST_WORD_MASK(nbits)))
		return false;
	return true;
}

/**
 * __bitmap_intersects - whether some bit below @nbits is set in both maps
 * @src1: one map
 * @src2: the other
 * @nbits: number of bits compared
 */
bool __bitmap_intersects(const unsigned long *src1, const unsigned long *src2,
			 unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits);

	for (k = 0; k < lim; k++)
		if (src1[k] & src2[k])
			return true;
	if (has_tail(nbits) &&
	    (src1[k] & src2[k] & BITMAP_LAST_WORD_MASK(nbits)))
		return true;
	return false;
}

/**
 * __bitmap_subset - whether every bit set in @src1 is also set in @src2
 * @src1: the candidate subset
 * @src2: the candidate superset
 * @nbits: number of bits compared
 */
bool __bitmap_subset(const unsigned long *src1, const unsigned long *src2,
		     unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits);

	for (k = 0; k < lim; k++)
		if (src1[k] & ~src2[k])
			return false;
	if (has_tail(nbits) &&
	    (src1[k] & ~src2[k] & BITMAP_LAST_WORD_MASK(nbits)))
		return false;
	return true;
}

/**
 * __bitmap_and - @dst = @src1 & @src2 over BITS_TO_LONGS(@nbits) words
 * @dst: destination, may alias a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 *
 * Returns whether any bit below @nbits is set in the result.
 */
bool __bitmap_and(unsigned long *dst, const unsigned long *src1,
		  const unsigned long *src2, unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits);
	unsigned long any = 0;

	for (k = 0; k < lim; k++)
		any |= (dst[k] = src1[k] & src2[k]);
	if (has_tail(nbits))
		any |= (dst[k] = src1[k] & src2[k] &
				 BITMAP_LAST_WORD_MASK(nbits));
	return any != 0;
}

/**
 * __bitmap_or - @dst = @src1 | @src2 over BITS_TO_LONGS(@nbits) words
 * @dst: destination, may alias a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 */
void __bitmap_or(unsigned long *dst, const unsigned long *src1,
		 const unsigned long *src2, unsigned int nbits)
{
	unsigned int k, nr = BITS_TO_LONGS(nbits);

	for (k = 0; k < nr; k++)
		dst[k] = src1[k] | src2[k];
}

/**
 * __bitmap_xor - @dst = @src1 ^ @src2 over BITS_TO_LONGS(@nbits) words
 * @dst: destination, may alias a source
 * @src1: operand
 * @src2: operand
 * @nbits: size in bits
 */
void __bitmap_xor(unsigned long *dst, const unsigned long *src1,
		  const unsigned long *src2, unsigned int nbits)
{
	unsigned int k, nr = BITS_TO_LONGS(nbits);

	for (k = 0; k < nr; k++)
		dst[k] = src1[k] ^ src2[k];
}

/**
 * __bitmap_andnot - @dst = @src1 & ~@src2 over BITS_TO_LONGS(@nbits) words
 * @dst: destination, may alias a source
 * @src1: operand
 * @src2: the bits to take away
 * @nbits: size in bits
 *
 * Returns whether any bit below @nbits is set in the result.
 */
bool __bitmap_andnot(unsigned long *dst, const unsigned long *src1,
		     const unsigned long *src2, unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits);
	unsigned long any = 0;

	for (k = 0; k < lim; k++)
		any |= (dst[k] = src1[k] & ~src2[k]);
	if (has_tail(nbits))
		any |= (dst[k] = src1[k] & ~src2[k] &
				 BITMAP_LAST_WORD_MASK(nbits));
	return any != 0;
}

/**
 * __bitmap_complement - @dst = ~@src over BITS_TO_LONGS(@nbits) words
 * @dst: destination, may be @src
 * @src: operand
 * @nbits: size in bits
 */
void __bitmap_complement(unsigned long *dst, const unsigned long *src,
			 unsigned int nbits)
{
	unsigned int k, nr = BITS_TO_LONGS(nbits);

	for (k = 0; k < nr; k++)
		dst[k] = ~src[k];
}

/**
 * __bitmap_weight - number of bits set below @nbits
 * @src: the map
 * @nbits: its size in bits
 */
unsigned int __bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int k, lim = full_words(nbits), weight = 0;

	for (k = 0; k < lim; k++)
		weight += hweight_long(src[k]);
	if (has_tail(nbits))
		weight += hweight_long(src[k] & BITMAP_LAST_WORD_MASK(nbits));
	return weight;
}

/**
 * __bitmap_set - set @len bits starting at @start
 * @map: the map
 * @start: first bit
 * @len: number of bits; 0 or less does nothing
 */
void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	unsigned long *p = map + BIT_WORD(start);
	unsigned int end = start + len;
	unsigned long mask = BITMAP_FIRST_WORD_MASK(start);

	if (len <= 0)
		return;
	/* Every word from the first up to the one holding bit end - 1. */
	while (p < map + BIT_WORD(end - 1)) {
		*p++ |= mask;
		mask = ~0UL;
	}
	*p |= mask & BITMAP_LAST_WORD_MASK(end);
}

/**
 * __bitmap_clear - clear @len bits starting at @start
 * @map: the map
 * @start: first bit
 * @len: number of bits; 0 or less does nothing
 */
void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	unsigned long *p = map + BIT_WORD(start);
	unsigned int end = start + len;
	unsigned long mask = BITMAP_FIRST_WORD_MASK(start);

	if (len <= 0)
		return;
	while (p < map + BIT_WORD(end - 1)) {
		*p++ &= ~mask;
		mask = ~0UL;
	}
	*p &= ~(mask & BITMAP_LAST_WORD_MASK(end));
}

/* Word @k of @src with the bits at or past @nbits cleared, 0 past the end. */
static unsigned long clean_word(const unsigned long *src, unsigned int k,
				unsigned int nbits)
{
	unsigned int nr = BITS_TO_LONGS(nbits);

	if (k >= nr)
		return 0;
	if (k == nr - 1)
		return src[k] & BITMAP_LAST_WORD_MASK(nbits);
	return src[k];
}

/**
 * bitmap_shift_right - @dst = @src >> @shift, as one @nbits-bit number
 * @dst: destination, may be @src
 * @src: source
 * @shift: how far; bit @shift of @src becomes bit 0 of @dst
 * @nbits: size of both in bits
 *
 * The top @shift bits of @dst come out clear.
 */
void bitmap_shift_right(unsigned long *dst, const unsigned long *src,
			unsigned int shift, unsigned int nbits)
{
	unsigned int k, nr = BITS_TO_LONGS(nbits);
	unsigned int off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;
	unsigned long lo, hi;

	/* Ascending order: word k reads only words k + off and above. */
	for (k = 0; k < nr; k++) {
		lo = clean_word(src, k + off, nbits);
		hi = clean_word(src, k + off + 1, nbits);
		if (rem)
			dst[k] = (lo >> rem) | (hi << (BITS_PER_LONG - rem));
		else
			dst[k] = lo;
	}
}

/**
 * bitmap_shift_left - @dst = @src << @shift, as one @nbits-bit number
 * @dst: destination, may be @src
 * @src: source
 * @shift: how far; bit 0 of @src becomes bit @shift of @dst
 * @nbits: size of both in bits
 *
 * Bits pushed past @nbits are lost; the low @shift bits come out clear.
 */
void bitmap_shift_left(unsigned long *dst, const unsigned long *src,
		       unsigned int shift, unsigned int nbits)
{
	unsigned int k, nr = BITS_TO_LONGS(nbits);
	unsigned int off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;
	unsigned long lo, hi;

	/* Descending order: word k reads only words k - off and below. */
	for (k = nr; k-- > 0;) {
		if (k < off) {
			dst[k] = 0;
			continue;
		}
		hi = src[k - off];
		lo = k > off ? src[k - off - 1] : 0;
		if (rem)
			dst[k] = (hi << rem) | (lo >> (BITS_PER_LONG - rem));
		else
			dst[k] = hi;
	}
	if (nr)
		dst[nr - 1] &= BITMAP_LAST_WORD_MASK(nbits);
}

/**
 * bitmap_find_next_zero_area_off - find an aligned run of clear bits
 * @map: the bitmap
 * @size: its size in bits
 * @start: lowest index to consider
 * @nr: number of clear bits wanted
 * @align_mask: the run starts where (index + @align_offset) has none of
 *	these bits set; a power of two minus one, or 0
 * @align_offset: bias applied before aligning
 *
 * Returns the index of the first such run.  When there is none, the
 * result is greater than @size - @nr.
 */
unsigned long bitmap_find_next_zero_area_off(
	unsigned long *map, unsigned long size, unsigned long start,
	unsigned int nr, unsigned long align_mask, unsigned long align_offset)
{
	unsigned long index, end, busy;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		index = ((index + align_offset + align_mask) & ~align_mask) -
			align_offset;
		end = index + nr;
		if (end > size)
			return end;
		/* A set bit inside the candidate run: restart past it. */
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}
