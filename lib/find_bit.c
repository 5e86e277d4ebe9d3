/*
 * Bitmap searches (seed 004): the first set or clear bit at or after an
 * offset, or the last set bit.  A search reads one word at a time; the
 * first word is masked below @offset and the last one above @size, so a
 * bitmap whose size is not a multiple of BITS_PER_LONG may hold anything
 * in its tail bits.
 */

#include <linux/find.h>
#include <linux/bitops.h>

/* Bits of a word at or above position @start (0 <= start < BITS_PER_LONG). */
#define WORD_MASK_FROM(start) (~0UL << ((start) % BITS_PER_LONG))

/* Bits of a word below position @end, with end % BITS_PER_LONG == 0 all. */
#define WORD_MASK_BELOW(end) (~0UL >> (-(end) % BITS_PER_LONG))

/*
 * The one loop behind every forward search: word i of the bitmap is
 * addr1[i], inverted when looking for zeros, and-ed with addr2[i] when
 * there is a second bitmap.  @invert and @addr2 are constants at every
 * call site, so the compiler drops what a caller does not use.
 */
static __always_inline unsigned long
find_next_common(const unsigned long *addr1, const unsigned long *addr2,
		 unsigned long size, unsigned long offset, bool invert)
{
	unsigned long i, word, found;

	if (offset >= size)
		return size;

	i = BIT_WORD(offset);
	word = invert ? ~addr1[i] : addr1[i];
	if (addr2)
		word &= addr2[i];
	word &= WORD_MASK_FROM(offset);

	while (!word) {
		i++;
		if (i * BITS_PER_LONG >= size)
			return size;
		word = invert ? ~addr1[i] : addr1[i];
		if (addr2)
			word &= addr2[i];
	}

	found = i * BITS_PER_LONG + __ffs(word);
	return found < size ? found : size;
}

/**
 * find_next_bit - first set bit at or after @offset
 * @addr: the bitmap
 * @size: its size in bits
 * @offset: where to start
 *
 * Returns the bit number, or @size if there is none.  Safe in any
 * context; the caller keeps the bitmap stable if it must be.
 */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	return find_next_common(addr, NULL, size, offset, false);
}

/**
 * find_next_zero_bit - first clear bit at or after @offset
 * @addr: the bitmap
 * @size: its size in bits
 * @offset: where to start
 *
 * Returns the bit number, or @size if there is none.
 */
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return find_next_common(addr, NULL, size, offset, true);
}

/**
 * find_next_and_bit - first bit at or after @offset set in both bitmaps
 * @addr1: one bitmap
 * @addr2: the other, at least as long
 * @size: their size in bits
 * @offset: where to start
 *
 * Returns the bit number, or @size if there is none.
 */
unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2, unsigned long size,
				unsigned long offset)
{
	return find_next_common(addr1, addr2, size, offset, false);
}

/**
 * find_first_bit - lowest set bit
 * @addr: the bitmap
 * @size: its size in bits
 *
 * Returns the bit number, or @size if no bit is set.
 */
unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_common(addr, NULL, size, 0, false);
}

/**
 * find_first_zero_bit - lowest clear bit
 * @addr: the bitmap
 * @size: its size in bits
 *
 * Returns the bit number, or @size if every bit is set.
 */
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_common(addr, NULL, size, 0, true);
}

/**
 * find_first_and_bit - lowest bit set in both bitmaps
 * @addr1: one bitmap
 * @addr2: the other
 * @size: their size in bits
 *
 * Returns the bit number, or @size if there is none.
 */
unsigned long find_first_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2, unsigned long size)
{
	return find_next_common(addr1, addr2, size, 0, false);
}

/**
 * find_last_bit - highest set bit
 * @addr: the bitmap
 * @size: its size in bits
 *
 * Returns the bit number, or @size if no bit is set.
 */
unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long i, word;

	if (!size)
		return size;

	i = BIT_WORD(size - 1);
	word = addr[i] & WORD_MASK_BELOW(size);
	for (;;) {
		if (word)
			return i * BITS_PER_LONG + __fls(word);
		if (!i)
			return size;
		word = addr[--i];
	}
}
