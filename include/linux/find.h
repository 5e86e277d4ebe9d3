#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

/*
 * Searching bitmaps (lib/find_bit.c).  Every search covers bits
 * [0, @size) and returns @size when it finds nothing, so callers test
 * "result >= size".  Bits at or past @size, in the last word, are never
 * looked at.
 */

#include <linux/types.h>
#include <linux/bitops.h>

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2, unsigned long size,
				unsigned long offset);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size);
unsigned long find_first_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long size);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);

/* Visit each set bit of @addr below @size, lowest first. */
#define for_each_set_bit(bit, addr, size)                                  \
	for ((bit) = 0;                                                    \
	     (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)

/* As for_each_set_bit(), starting at the current value of @bit. */
#define for_each_set_bit_from(bit, addr, size)                               \
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)

/* Visit each clear bit of @addr below @size, lowest first. */
#define for_each_clear_bit(bit, addr, size)                                \
	for ((bit) = 0; (bit) = find_next_zero_bit((addr), (size), (bit)), \
	    (bit) < (size);                                                \
	     (bit)++)

#define for_each_clear_bit_from(bit, addr, size)                  \
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), \
	       (bit) < (size);                                    \
	     (bit)++)

/* Visit each bit set in both @addr1 and @addr2 below @size. */
#define for_each_and_bit(bit, addr1, addr2, size)                        \
	for ((bit) = 0;                                                  \
	     (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), \
	    (bit) < (size);                                              \
	     (bit)++)

#endif /* _LINUX_FIND_H */
