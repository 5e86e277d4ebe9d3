/*
 * Host tests for <linux/bitops.h>, <linux/log2.h>, <linux/bitmap.h> with
 * lib/bitmap.c, and <linux/find.h> with lib/find_bit.c.
 *
 * host-test-sources: lib/bitmap.c lib/find_bit.c
 *
 * Most cases compare against a naive bit-at-a-time model over many sizes,
 * deliberately including sizes that are not multiples of BITS_PER_LONG,
 * and with random junk in the bits past the size, which no query may
 * look at.
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/find.h>
#include <linux/log2.h>
#include <linux/kernel.h>

#include "hosttest.h"

#define MAXBITS 320
#define MAXWORDS BITS_TO_LONGS(MAXBITS)

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u64 rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* The model: bit @i of @map, read the slow way. */
static bool nb(const unsigned long *map, unsigned int i)
{
	return (map[i / 64] >> (i % 64)) & 1;
}

static void nb_set(unsigned long *map, unsigned int i, bool v)
{
	if (v)
		map[i / 64] |= 1UL << (i % 64);
	else
		map[i / 64] &= ~(1UL << (i % 64));
}

/* Random map; @density in 1/8ths decides how many bits are set. */
static void random_map(unsigned long *map, int density)
{
	unsigned int i;

	for (i = 0; i < MAXBITS; i++)
		nb_set(map, i, (int)(rng() % 8) < density);
}

static unsigned long naive_next(const unsigned long *map, unsigned long size,
				unsigned long off, bool want)
{
	for (; off < size; off++)
		if (nb(map, off) == want)
			return off;
	return size;
}

HOST_TEST(bitops_set_clear_change_single_bits)
{
	unsigned long map[3] = { 0 };
	long nr[] = { 0, 1, 31, 32, 63, 64, 65, 127, 128, 191 };
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(nr); i++) {
		set_bit(nr[i], map);
		HT_EXPECT(test_bit(nr[i], map));
		HT_EXPECT(nb(map, nr[i]));
	}
	HT_EXPECT_EQ(map[0], 0x8000000180000003UL);
	HT_EXPECT_EQ(map[1], 0x8000000000000003UL);
	HT_EXPECT_EQ(map[2], 0x8000000000000001UL);
	for (i = 0; i < (int)ARRAY_SIZE(nr); i++) {
		clear_bit(nr[i], map);
		HT_EXPECT(!test_bit(nr[i], map));
	}
	HT_EXPECT(!map[0] && !map[1] && !map[2]);
	change_bit(70, map);
	HT_EXPECT(test_bit(70, map));
	change_bit(70, map);
	HT_EXPECT(!test_bit(70, map));
	__set_bit(5, map);
	__change_bit(6, map);
	HT_EXPECT_EQ(map[0], 0x60);
	__clear_bit(5, map);
	__change_bit(6, map);
	HT_EXPECT_EQ(map[0], 0);
	HT_EXPECT(!test_bit_acquire(6, map));
}

HOST_TEST(bitops_test_and_ops_return_old_value)
{
	unsigned long map[2] = { 0 };

	HT_EXPECT(!test_and_set_bit(66, map));
	HT_EXPECT(test_and_set_bit(66, map));
	HT_EXPECT(test_and_clear_bit(66, map));
	HT_EXPECT(!test_and_clear_bit(66, map));
	HT_EXPECT(!test_and_change_bit(3, map));
	HT_EXPECT(test_and_change_bit(3, map));
	HT_EXPECT(!__test_and_set_bit(64, map));
	HT_EXPECT(__test_and_set_bit(64, map));
	HT_EXPECT(__test_and_clear_bit(64, map));
	HT_EXPECT(!__test_and_clear_bit(64, map));
	HT_EXPECT(!__test_and_change_bit(0, map));
	HT_EXPECT(__test_and_change_bit(0, map));
	HT_EXPECT(!map[0] && !map[1]);

	/* A bit lock: taken once, refused while held, free after unlock. */
	HT_EXPECT(!test_and_set_bit_lock(9, map));
	HT_EXPECT(test_and_set_bit_lock(9, map));
	clear_bit_unlock(9, map);
	HT_EXPECT(!test_and_set_bit_lock(9, map));
	__clear_bit_unlock(9, map);
	HT_EXPECT(!map[0]);
}

HOST_TEST(bitops_find_in_word_edges)
{
	HT_EXPECT_EQ(__ffs(1UL), 0);
	HT_EXPECT_EQ(__ffs(0x8000000000000000UL), 63);
	HT_EXPECT_EQ(__ffs(0xf0UL), 4);
	HT_EXPECT_EQ(ffz(0UL), 0);
	HT_EXPECT_EQ(ffz(0x7fffffffffffffffUL), 63);
	HT_EXPECT_EQ(ffz(0xffUL), 8);
	HT_EXPECT_EQ(__fls(1UL), 0);
	HT_EXPECT_EQ(__fls(~0UL), 63);
	HT_EXPECT_EQ(__fls(0x1100UL), 12);
	HT_EXPECT_EQ(ffs(0), 0);
	HT_EXPECT_EQ(ffs(1), 1);
	HT_EXPECT_EQ(ffs(0x80), 8);
	HT_EXPECT_EQ(ffs((int)0x80000000U), 32);
	HT_EXPECT_EQ(fls(0), 0);
	HT_EXPECT_EQ(fls(1), 1);
	HT_EXPECT_EQ(fls(0x80000000U), 32);
	HT_EXPECT_EQ(fls(0x00f00000U), 24);
	HT_EXPECT_EQ(fls64(0), 0);
	HT_EXPECT_EQ(fls64(1), 1);
	HT_EXPECT_EQ(fls64(0x8000000000000000ULL), 64);
	HT_EXPECT_EQ(fls_long(0x100000000UL), 33);
	HT_EXPECT_EQ(__ffs64(0x100000000ULL), 32);
	HT_EXPECT_EQ(get_count_order(0), -1);
	HT_EXPECT_EQ(get_count_order(1), 0);
	HT_EXPECT_EQ(get_count_order(2), 1);
	HT_EXPECT_EQ(get_count_order(3), 2);
	HT_EXPECT_EQ(get_count_order(4), 2);
	HT_EXPECT_EQ(get_count_order(5), 3);
	HT_EXPECT_EQ(get_count_order_long(1UL << 40), 40);
	HT_EXPECT_EQ(get_count_order_long((1UL << 40) + 1), 41);
}

HOST_TEST(bitops_hweight_matches_naive)
{
	volatile u64 w;
	unsigned int i, naive, b;

	/* Constants fold through the builtin... */
	HT_EXPECT_EQ(hweight8(0xff), 8);
	HT_EXPECT_EQ(hweight16(0xf0f0), 8);
	HT_EXPECT_EQ(hweight32(0xffffffff), 32);
	HT_EXPECT_EQ(hweight64(0xffffffffffffffffULL), 64);
	/* ...variables go through the bit-parallel count. */
	for (i = 0; i < 2000; i++) {
		w = rng() >> (i % 64);
		naive = 0;
		for (b = 0; b < 64; b++)
			naive += (w >> b) & 1;
		HT_EXPECT_EQ(hweight64(w), naive);
		HT_EXPECT_EQ(hweight_long(w), naive);
		naive = 0;
		for (b = 0; b < 32; b++)
			naive += ((u32)w >> b) & 1;
		HT_EXPECT_EQ(hweight32((u32)w), naive);
	}
	w = 0;
	HT_EXPECT_EQ(hweight64(w), 0);
	w = ~0ULL;
	HT_EXPECT_EQ(hweight64(w), 64);
	HT_EXPECT_EQ(hweight32((u32)w), 32);
	HT_EXPECT_EQ(hweight16((u16)w), 16);
	HT_EXPECT_EQ(hweight8((u8)w), 8);
}

HOST_TEST(bitops_masks_sizes_rotations)
{
	HT_EXPECT_EQ(BITS_PER_LONG, 64);
	HT_EXPECT_EQ(BIT_WORD(63), 0);
	HT_EXPECT_EQ(BIT_WORD(64), 1);
	HT_EXPECT_EQ(BIT_MASK(65), 2);
	HT_EXPECT_EQ(BITS_TO_LONGS(0), 0);
	HT_EXPECT_EQ(BITS_TO_LONGS(1), 1);
	HT_EXPECT_EQ(BITS_TO_LONGS(64), 1);
	HT_EXPECT_EQ(BITS_TO_LONGS(65), 2);
	HT_EXPECT_EQ(BITS_TO_U32(33), 2);
	HT_EXPECT_EQ(BITS_TO_BYTES(9), 2);
	HT_EXPECT_EQ(GENMASK(7, 4), 0xf0);
	HT_EXPECT_EQ(GENMASK(63, 0), ~0UL);
	HT_EXPECT_EQ(GENMASK(0, 0), 1);
	HT_EXPECT_EQ(GENMASK_ULL(39, 21), 0xffffe00000ULL);
	HT_EXPECT_EQ(rol32(0x80000001U, 1), 3);
	HT_EXPECT_EQ(ror32(3U, 1), 0x80000001U);
	HT_EXPECT_EQ(rol64(1ULL, 64), 1);
	HT_EXPECT_EQ(ror64(1ULL, 4), 0x1000000000000000ULL);
	HT_EXPECT_EQ(sign_extend32(0x80, 7), -128);
	HT_EXPECT_EQ(sign_extend32(0x7f, 7), 127);
	HT_EXPECT_EQ(sign_extend64(0xfffffULL, 19), -1);
}

HOST_TEST(log2_helpers)
{
	volatile unsigned long v;
	unsigned long i;
	int naive;

	HT_EXPECT_EQ(ilog2(1), 0);
	HT_EXPECT_EQ(ilog2(2), 1);
	HT_EXPECT_EQ(ilog2(4095), 11);
	HT_EXPECT_EQ(ilog2(4096), 12);
	HT_EXPECT_EQ(ilog2(1ULL << 63), 63);
	HT_EXPECT_EQ(roundup_pow_of_two(1), 1);
	HT_EXPECT_EQ(roundup_pow_of_two(3), 4);
	HT_EXPECT_EQ(roundup_pow_of_two(4096), 4096);
	HT_EXPECT_EQ(rounddown_pow_of_two(4097), 4096);
	HT_EXPECT_EQ(order_base_2(0), 0);
	HT_EXPECT_EQ(order_base_2(1), 0);
	HT_EXPECT_EQ(order_base_2(5), 3);
	HT_EXPECT_EQ(bits_per(0), 1);
	HT_EXPECT_EQ(bits_per(255), 8);
	HT_EXPECT_EQ(bits_per(256), 9);
	HT_EXPECT(is_power_of_2(1));
	HT_EXPECT(is_power_of_2(1UL << 63));
	HT_EXPECT(!is_power_of_2(0));
	HT_EXPECT(!is_power_of_2(6));

	/* The run-time forms agree with the constant ones and the naive. */
	for (i = 1; i < 5000; i++) {
		v = i;
		naive = -1;
		while ((1UL << (naive + 1)) <= i)
			naive++;
		HT_EXPECT_EQ(ilog2(v), naive);
		HT_EXPECT_EQ(rounddown_pow_of_two(v), 1UL << naive);
		HT_EXPECT_EQ(roundup_pow_of_two(v),
			     (1UL << naive) == i ? i : 1UL << (naive + 1));
		HT_EXPECT_EQ(order_base_2(v),
			     (1UL << naive) == i ? naive : naive + 1);
		HT_EXPECT_EQ(bits_per(v), naive + 1);
		HT_EXPECT_EQ(is_power_of_2(v), (1UL << naive) == i);
	}
	v = 0;
	HT_EXPECT_EQ(order_base_2(v), 0);
	HT_EXPECT_EQ(bits_per(v), 1);
}

HOST_TEST(find_bit_at_word_boundaries)
{
	unsigned long map[MAXWORDS];
	unsigned long sizes[] = { 1, 63, 64, 65, 127, 128, 129, 200, 320 };
	unsigned long where[] = { 0, 62, 63, 64, 65, 127, 128, 199, 319 };
	unsigned int s, w;
	unsigned long size, bit, expect;

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		size = sizes[s];
		for (w = 0; w < ARRAY_SIZE(where); w++) {
			bit = where[w];
			memset(map, 0, sizeof(map));
			nb_set(map, bit, 1);
			expect = bit < size ? bit : size;
			HT_EXPECT_EQ(find_first_bit(map, size), expect);
			HT_EXPECT_EQ(find_last_bit(map, size), expect);
			HT_EXPECT_EQ(find_next_bit(map, size, bit), expect);
			if (bit + 1 <= size)
				HT_EXPECT_EQ(find_next_bit(map, size, bit + 1),
					     size);
			memset(map, 0xff, sizeof(map));
			nb_set(map, bit, 0);
			HT_EXPECT_EQ(find_first_zero_bit(map, size), expect);
			HT_EXPECT_EQ(find_next_zero_bit(map, size, bit),
				     expect);
		}
	}
}

HOST_TEST(find_next_bit_matches_naive)
{
	unsigned long map[MAXWORDS];
	unsigned long size, off;
	int round;

	for (round = 0; round < 8; round++) {
		random_map(map, round % 4 == 0 ? 0 : round % 8);
		for (size = 0; size <= MAXBITS; size++)
			for (off = 0; off <= size + 2; off++)
				HT_ASSERT(find_next_bit(map, size, off) ==
					  naive_next(map, size, off, 1));
	}
}

HOST_TEST(find_next_zero_bit_matches_naive)
{
	unsigned long map[MAXWORDS];
	unsigned long size, off;
	int round;

	for (round = 0; round < 8; round++) {
		random_map(map, round % 4 == 0 ? 8 : round % 8);
		for (size = 0; size <= MAXBITS; size++)
			for (off = 0; off <= size + 2; off++)
				HT_ASSERT(find_next_zero_bit(map, size, off) ==
					  naive_next(map, size, off, 0));
	}
}

HOST_TEST(find_last_bit_matches_naive)
{
	unsigned long map[MAXWORDS];
	unsigned long size, naive;
	long i;
	int round;

	for (round = 0; round < 32; round++) {
		random_map(map, round % 3);
		for (size = 0; size <= MAXBITS; size++) {
			naive = size;
			for (i = (long)size - 1; i >= 0; i--)
				if (nb(map, i)) {
					naive = i;
					break;
				}
			HT_ASSERT(find_last_bit(map, size) == naive);
		}
	}
}

HOST_TEST(find_ignores_bits_past_size)
{
	unsigned long map[2] = { 0, ~0UL << 6 }; /* bits 70.. set */

	HT_EXPECT_EQ(find_first_bit(map, 70), 70);
	HT_EXPECT_EQ(find_next_bit(map, 70, 3), 70);
	HT_EXPECT_EQ(find_last_bit(map, 70), 70);
	HT_EXPECT_EQ(find_first_bit(map, 71), 70);
	map[0] = ~0UL;
	map[1] = 0x3f; /* bits 0..69 set, then clear */
	HT_EXPECT_EQ(find_first_zero_bit(map, 70), 70);
	HT_EXPECT_EQ(find_next_zero_bit(map, 70, 69), 70);
	HT_EXPECT_EQ(find_first_zero_bit(map, 71), 70);
	HT_EXPECT_EQ(find_first_bit(map, 0), 0);
	HT_EXPECT_EQ(find_last_bit(map, 0), 0);
}

HOST_TEST(find_next_and_bit_matches_naive)
{
	unsigned long a[MAXWORDS], b[MAXWORDS], both[MAXWORDS];
	unsigned long size, off;
	unsigned int i;

	random_map(a, 3);
	random_map(b, 3);
	for (i = 0; i < MAXWORDS; i++)
		both[i] = a[i] & b[i];
	for (size = 0; size <= MAXBITS; size += 7)
		for (off = 0; off <= size; off++)
			HT_ASSERT(find_next_and_bit(a, b, size, off) ==
				  naive_next(both, size, off, 1));
	HT_EXPECT_EQ(find_first_and_bit(a, b, MAXBITS),
		     naive_next(both, MAXBITS, 0, 1));
}

HOST_TEST(for_each_bit_visits_each_once)
{
	unsigned long map[MAXWORDS];
	unsigned long bit, prev;
	unsigned int set = 0, clear = 0, i;
	bool ok = true;

	random_map(map, 4);
	prev = 0;
	for_each_set_bit(bit, map, 250) {
		if (!nb(map, bit) || (set && bit <= prev))
			ok = false;
		prev = bit;
		set++;
	}
	for_each_clear_bit(bit, map, 250) {
		if (nb(map, bit))
			ok = false;
		clear++;
	}
	HT_EXPECT(ok);
	HT_EXPECT_EQ(set + clear, 250);
	for (i = 0, bit = 0; bit < 250; bit++)
		i += nb(map, bit);
	HT_EXPECT_EQ(set, i);
	bit = 200;
	i = 0;
	/* for_each_set_bit_from is not (yet) in the ForEachMacros list. */
	/* clang-format off */
	for_each_set_bit_from(bit, map, 250)
		i++;
	/* clang-format on */
	HT_EXPECT_EQ(i, bitmap_weight(map, 250) - bitmap_weight(map, 200));
}

HOST_TEST(bitmap_zero_fill_empty_full)
{
	unsigned long map[MAXWORDS];
	DECLARE_BITMAP(small, 10);
	unsigned int n;

	for (n = 1; n <= MAXBITS; n++) {
		memset(map, 0x5a, sizeof(map));
		bitmap_zero(map, n);
		HT_ASSERT(bitmap_empty(map, n));
		HT_ASSERT(n == 0 || !bitmap_full(map, n));
		bitmap_fill(map, n);
		HT_ASSERT(bitmap_full(map, n));
		HT_ASSERT(!bitmap_empty(map, n));
		HT_ASSERT(bitmap_weight(map, n) == n);
	}
	/* Constant small sizes take the one-word inline path. */
	bitmap_zero(small, 10);
	HT_EXPECT(bitmap_empty(small, 10));
	small[0] = ~0UL << 10; /* junk past the end only */
	HT_EXPECT(bitmap_empty(small, 10));
	bitmap_fill(small, 10);
	HT_EXPECT(bitmap_full(small, 10));
	HT_EXPECT_EQ(bitmap_weight(small, 10), 10);
}

HOST_TEST(bitmap_set_clear_ranges_match_naive)
{
	unsigned long map[MAXWORDS], model[MAXWORDS];
	unsigned int start, len, i, round;

	memset(map, 0, sizeof(map));
	memset(model, 0, sizeof(model));
	for (round = 0; round < 3000; round++) {
		start = rng() % MAXBITS;
		len = rng() % (MAXBITS - start + 1);
		if (round % 2) {
			bitmap_set(map, start, len);
			for (i = start; i < start + len; i++)
				nb_set(model, i, 1);
		} else {
			bitmap_clear(map, start, len);
			for (i = start; i < start + len; i++)
				nb_set(model, i, 0);
		}
		HT_ASSERT(memcmp(map, model, sizeof(map)) == 0);
	}
	bitmap_zero(map, MAXBITS);
	bitmap_set(map, 63, 2);
	HT_EXPECT_EQ(map[0], 1UL << 63);
	HT_EXPECT_EQ(map[1], 1);
	bitmap_set(map, 7, 1);
	bitmap_clear(map, 63, 1);
	HT_EXPECT_EQ(map[0], 0x80);
}

HOST_TEST(bitmap_weight_counts_below_nbits)
{
	unsigned long map[MAXWORDS];
	unsigned int n, i, naive;

	random_map(map, 5);
	for (n = 0; n <= MAXBITS; n++) {
		naive = 0;
		for (i = 0; i < n; i++)
			naive += nb(map, i);
		HT_ASSERT(bitmap_weight(map, n) == naive);
	}
}

HOST_TEST(bitmap_logic_ops_match_naive)
{
	unsigned long a[MAXWORDS], b[MAXWORDS], d[MAXWORDS];
	unsigned int n, i;
	bool any, ok = true;

	for (n = 1; n <= MAXBITS; n += 13) {
		random_map(a, 3);
		random_map(b, 5);

		any = bitmap_and(d, a, b, n);
		for (i = 0; i < n; i++)
			ok &= nb(d, i) == (nb(a, i) && nb(b, i));
		ok &= any == !bitmap_empty(d, n);

		bitmap_or(d, a, b, n);
		for (i = 0; i < n; i++)
			ok &= nb(d, i) == (nb(a, i) || nb(b, i));

		bitmap_xor(d, a, b, n);
		for (i = 0; i < n; i++)
			ok &= nb(d, i) == (nb(a, i) != nb(b, i));

		any = bitmap_andnot(d, a, b, n);
		for (i = 0; i < n; i++)
			ok &= nb(d, i) == (nb(a, i) && !nb(b, i));
		ok &= any == !bitmap_empty(d, n);

		bitmap_complement(d, a, n);
		for (i = 0; i < n; i++)
			ok &= nb(d, i) == !nb(a, i);

		bitmap_copy(d, a, n);
		ok &= bitmap_equal(d, a, n);
	}
	HT_EXPECT(ok);
	/* and/andnot report an empty result even with junk in the tail. */
	a[0] = a[1] = ~0UL;
	b[0] = 0;
	b[1] = ~0UL << 6;
	HT_EXPECT(!bitmap_and(d, a, b, 70));
	HT_EXPECT(!bitmap_andnot(d, b, a, 70));
}

HOST_TEST(bitmap_compare_ignores_tail)
{
	unsigned long a[2] = { 0x1234, 0x1 };
	unsigned long b[2] = { 0x1234, 0xff01 };
	DECLARE_BITMAP(c, 8);
	DECLARE_BITMAP(d, 8);

	HT_EXPECT(bitmap_equal(a, b, 72));
	HT_EXPECT(!bitmap_equal(a, b, 73));
	HT_EXPECT(bitmap_equal(a, b, 64));
	HT_EXPECT(bitmap_subset(b, a, 72));
	HT_EXPECT(!bitmap_subset(b, a, 80));
	HT_EXPECT(bitmap_intersects(a, b, 65));
	b[0] = ~0x1234UL;
	b[1] = 0xfe;
	HT_EXPECT(!bitmap_intersects(a, b, 65));
	HT_EXPECT(bitmap_intersects(a, b, 66) == false);
	/* One-word inline versions. */
	c[0] = 0x1ff;
	d[0] = 0x0ff;
	HT_EXPECT(bitmap_equal(c, d, 8));
	HT_EXPECT(bitmap_subset(c, d, 8));
	HT_EXPECT(bitmap_intersects(c, d, 8));
}

HOST_TEST(bitmap_find_next_zero_area_finds_runs)
{
	unsigned long map[MAXWORDS];
	unsigned long idx;

	bitmap_zero(map, 200);
	bitmap_set(map, 0, 10);
	bitmap_set(map, 14, 2);
	/* Free: 10..13, 16..199. */
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 4, 0), 10);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 5, 0), 16);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 11, 3, 0), 11);
	/* Aligned to 8: 16 is the first multiple of 8 with room. */
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 4, 7), 16);
	/* Aligned to 64, 70 bits: 64..133. */
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 70, 63), 64);
	/* Across a word boundary. */
	bitmap_set(map, 16, 44);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 8, 0), 60);
	/* No room: the result lies past size - nr. */
	idx = bitmap_find_next_zero_area(map, 200, 0, 150, 0);
	HT_EXPECT(idx + 150 > 200);
	bitmap_fill(map, 200);
	idx = bitmap_find_next_zero_area(map, 200, 0, 1, 0);
	HT_EXPECT(idx + 1 > 200);
	bitmap_clear(map, 199, 1);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 200, 0, 1, 0), 199);
	HT_EXPECT_EQ(bitmap_find_next_zero_area_off(map, 200, 0, 1, 3, 1), 199);
}

HOST_TEST(bitmap_shift_right_matches_naive)
{
	unsigned long src[MAXWORDS], dst[MAXWORDS];
	unsigned int n, shift, i;
	bool ok = true;

	for (n = 1; n <= MAXBITS; n += 11) {
		for (shift = 0; shift <= n + 3; shift += 5) {
			random_map(src, 4);
			bitmap_shift_right(dst, src, shift, n);
			for (i = 0; i < n; i++)
				ok &= nb(dst, i) ==
				      (i + shift < n && nb(src, i + shift));
			/* In place gives the same. */
			bitmap_shift_right(src, src, shift, n);
			ok &= bitmap_equal(src, dst, n);
		}
	}
	HT_EXPECT(ok);
}

HOST_TEST(bitmap_shift_left_matches_naive)
{
	unsigned long src[MAXWORDS], dst[MAXWORDS];
	unsigned int n, shift, i;
	bool ok = true;

	for (n = 1; n <= MAXBITS; n += 11) {
		for (shift = 0; shift <= n + 3; shift += 5) {
			random_map(src, 4);
			bitmap_shift_left(dst, src, shift, n);
			for (i = 0; i < n; i++)
				ok &= nb(dst, i) ==
				      (i >= shift && nb(src, i - shift));
			bitmap_shift_left(src, src, shift, n);
			ok &= bitmap_equal(src, dst, n);
		}
	}
	HT_EXPECT(ok);
}

static const struct host_test host_tests[] = {
	HOST_CASE(bitops_set_clear_change_single_bits),
	HOST_CASE(bitops_test_and_ops_return_old_value),
	HOST_CASE(bitops_find_in_word_edges),
	HOST_CASE(bitops_hweight_matches_naive),
	HOST_CASE(bitops_masks_sizes_rotations),
	HOST_CASE(log2_helpers),
	HOST_CASE(find_bit_at_word_boundaries),
	HOST_CASE(find_next_bit_matches_naive),
	HOST_CASE(find_next_zero_bit_matches_naive),
	HOST_CASE(find_last_bit_matches_naive),
	HOST_CASE(find_ignores_bits_past_size),
	HOST_CASE(find_next_and_bit_matches_naive),
	HOST_CASE(for_each_bit_visits_each_once),
	HOST_CASE(bitmap_zero_fill_empty_full),
	HOST_CASE(bitmap_set_clear_ranges_match_naive),
	HOST_CASE(bitmap_weight_counts_below_nbits),
	HOST_CASE(bitmap_logic_ops_match_naive),
	HOST_CASE(bitmap_compare_ignores_tail),
	HOST_CASE(bitmap_find_next_zero_area_finds_runs),
	HOST_CASE(bitmap_shift_right_matches_naive),
	HOST_CASE(bitmap_shift_left_matches_naive),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
