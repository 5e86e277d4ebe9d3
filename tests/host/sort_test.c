/*
 * Host tests for lib/sort.c: in-place heapsort.
 *
 * host-test-sources: lib/sort.c
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/sort.h>
#include <linux/kernel.h>

#include "hosttest.h"

static u64 rng_state = 0x0123456789abcdefULL;

static u32 rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (u32)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static unsigned long comparisons;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	comparisons++;
	return (x > y) - (x < y);
}

/* Sorted, and a permutation of the input (same sum and xor of hashes). */
static bool sorted_perm_of(const int *a, size_t n, u64 sum, u64 mix)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sum -= (u64)a[i];
		mix ^= (u64)a[i] * 0x9E3779B97F4A7C15ULL;
		if (i && a[i - 1] > a[i])
			return false;
	}
	return sum == 0 && mix == 0;
}

static void fingerprint(const int *a, size_t n, u64 *sum, u64 *mix)
{
	size_t i;

	*sum = 0;
	*mix = 0;
	for (i = 0; i < n; i++) {
		*sum += (u64)a[i];
		*mix ^= (u64)a[i] * 0x9E3779B97F4A7C15ULL;
	}
}

HOST_TEST(sort_random_ints_every_size)
{
	static int a[600];
	size_t n, i;
	u64 sum, mix;

	for (n = 0; n <= 600; n += (n < 40 ? 1 : 37)) {
		for (i = 0; i < n; i++)
			a[i] = (int)(rng() >> 1) - (int)(rng() >> 1);
		fingerprint(a, n, &sum, &mix);
		sort(a, n, sizeof(int), cmp_int, NULL);
		HT_ASSERT(sorted_perm_of(a, n, sum, mix));
	}
}

HOST_TEST(sort_sorted_reversed_and_equal_inputs)
{
	static int a[1000];
	u64 sum, mix;
	int i;

	for (i = 0; i < 1000; i++)
		a[i] = i;
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	for (i = 0; i < 1000; i++)
		HT_ASSERT(a[i] == i);
	for (i = 0; i < 1000; i++)
		a[i] = 1000 - i;
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	for (i = 0; i < 1000; i++)
		HT_ASSERT(a[i] == i + 1);
	for (i = 0; i < 1000; i++)
		a[i] = (int)(rng() % 3);
	fingerprint(a, 1000, &sum, &mix);
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	HT_EXPECT(sorted_perm_of(a, 1000, sum, mix));
}

HOST_TEST(sort_empty_and_single_touch_nothing)
{
	int a[2] = { 5, 3 };

	comparisons = 0;
	sort(a, 0, sizeof(int), cmp_int, NULL);
	sort(a, 1, sizeof(int), cmp_int, NULL);
	HT_EXPECT_EQ(comparisons, 0);
	HT_EXPECT(a[0] == 5 && a[1] == 3);
	sort(a, 2, sizeof(int), cmp_int, NULL);
	HT_EXPECT(a[0] == 3 && a[1] == 5);
}

HOST_TEST(sort_comparisons_are_n_log_n)
{
	static int a[4096];
	int i;

	/* Heapsort needs at most about 2 n log2 n comparisons, any input. */
	for (i = 0; i < 4096; i++)
		a[i] = (int)rng();
	comparisons = 0;
	sort(a, 4096, sizeof(int), cmp_int, NULL);
	HT_EXPECT(comparisons <= 2UL * 4096 * 12);
	for (i = 0; i < 4096; i++)
		a[i] = 4096 - i;
	comparisons = 0;
	sort(a, 4096, sizeof(int), cmp_int, NULL);
	HT_EXPECT(comparisons <= 2UL * 4096 * 12);
}

struct rec3 {
	u8 key;
	u8 tag[2];
};

static int cmp_rec3(const void *a, const void *b)
{
	return ((const struct rec3 *)a)->key - ((const struct rec3 *)b)->key;
}

struct rec12 {
	u32 key;
	u32 check; /* key * 3, so a torn swap shows */
	u32 pad;
};

static int cmp_rec12(const void *a, const void *b)
{
	u32 x = ((const struct rec12 *)a)->key,
	    y = ((const struct rec12 *)b)->key;

	return (x > y) - (x < y);
}

/* Compares 8-byte keys that may sit at any address. */
static int cmp_u64_bytes(const void *a, const void *b)
{
	u64 x, y;

	memcpy(&x, a, 8);
	memcpy(&y, b, 8);
	return (x > y) - (x < y);
}

HOST_TEST(sort_odd_element_sizes)
{
	static struct rec3 r3[301];
	static struct rec12 r12[301];
	static u64 r8[300];
	static char raw[1 + 300 * 8];
	u64 *unaligned;
	int i;

	for (i = 0; i < 301; i++) {
		r3[i].key = rng() % 256;
		r3[i].tag[0] = r3[i].key ^ 0x55;
		r3[i].tag[1] = r3[i].key ^ 0xaa;
		r12[i].key = rng();
		r12[i].check = r12[i].key * 3;
	}
	sort(r3, 301, sizeof(r3[0]), cmp_rec3, NULL);
	sort(r12, 301, sizeof(r12[0]), cmp_rec12, NULL);
	for (i = 0; i < 301; i++) {
		HT_ASSERT(r3[i].tag[0] == (r3[i].key ^ 0x55));
		HT_ASSERT(r3[i].tag[1] == (r3[i].key ^ 0xaa));
		HT_ASSERT(i == 0 || r3[i - 1].key <= r3[i].key);
		HT_ASSERT(r12[i].check == r12[i].key * 3);
		HT_ASSERT(i == 0 || r12[i - 1].key <= r12[i].key);
	}

	/* 8-byte elements at an odd address take the byte-wise swap. */
	unaligned = (u64 *)(raw + 1);
	for (i = 0; i < 300; i++) {
		r8[i] = ((u64)rng() << 32) | rng();
		memcpy(raw + 1 + i * 8, &r8[i], 8);
	}
	sort(unaligned, 300, 8, cmp_u64_bytes, NULL);
	for (i = 1; i < 300; i++) {
		u64 x, y;

		memcpy(&x, raw + 1 + (i - 1) * 8, 8);
		memcpy(&y, raw + 1 + i * 8, 8);
		HT_ASSERT(x <= y);
	}
}

struct rec24 {
	u64 key;
	u64 check[2]; /* ~key and key + 1: a torn swap shows */
};

static int cmp_rec24(const void *a, const void *b)
{
	u64 x = ((const struct rec24 *)a)->key,
	    y = ((const struct rec24 *)b)->key;

	return (x > y) - (x < y);
}

HOST_TEST(sort_wide_aligned_elements)
{
	static struct rec24 r[257];
	static u64 w[257];
	int i;

	for (i = 0; i < 257; i++) {
		r[i].key = ((u64)rng() << 32) | rng();
		r[i].check[0] = ~r[i].key;
		r[i].check[1] = r[i].key + 1;
		w[i] = r[i].key;
	}
	sort(r, 257, sizeof(r[0]), cmp_rec24, NULL);
	sort(w, 257, sizeof(w[0]), cmp_u64_bytes, NULL);
	for (i = 0; i < 257; i++) {
		HT_ASSERT(r[i].check[0] == ~r[i].key);
		HT_ASSERT(r[i].check[1] == r[i].key + 1);
		HT_ASSERT(i == 0 || r[i - 1].key <= r[i].key);
		HT_ASSERT(w[i] == r[i].key);
	}
}

static int swaps;

static void swap_int_counting(void *a, void *b, int size)
{
	int t = *(int *)a;

	HT_EXPECT_EQ(size, sizeof(int));
	*(int *)a = *(int *)b;
	*(int *)b = t;
	swaps++;
}

HOST_TEST(sort_uses_custom_swap)
{
	int a[100], i;

	for (i = 0; i < 100; i++)
		a[i] = 100 - i;
	swaps = 0;
	sort(a, 100, sizeof(int), cmp_int, swap_int_counting);
	HT_EXPECT(swaps > 0);
	for (i = 0; i < 100; i++)
		HT_ASSERT(a[i] == i + 1);
}

static int cmp_by_table(const void *a, const void *b, const void *priv)
{
	const int *rank = priv;

	return rank[*(const u8 *)a] - rank[*(const u8 *)b];
}

static int swap_r_calls;

static void swap_u8_r(void *a, void *b, int size, const void *priv)
{
	u8 t = *(u8 *)a;

	HT_EXPECT(priv != NULL);
	*(u8 *)a = *(u8 *)b;
	*(u8 *)b = t;
	swap_r_calls++;
}

HOST_TEST(sort_r_passes_priv)
{
	int rank[256];
	u8 v[256];
	int i;

	/* Order bytes by a private ranking: descending value. */
	for (i = 0; i < 256; i++) {
		rank[i] = 255 - i;
		v[i] = (u8)(i * 37);
	}
	sort_r(v, 256, 1, cmp_by_table, NULL, rank);
	for (i = 0; i < 256; i++)
		HT_ASSERT(v[i] == 255 - i);
	swap_r_calls = 0;
	for (i = 0; i < 256; i++)
		v[i] = (u8)i;
	sort_r(v, 256, 1, cmp_by_table, swap_u8_r, rank);
	HT_EXPECT(swap_r_calls > 0);
	for (i = 0; i < 256; i++)
		HT_ASSERT(v[i] == 255 - i);
}

static const struct host_test host_tests[] = {
	HOST_CASE(sort_random_ints_every_size),
	HOST_CASE(sort_sorted_reversed_and_equal_inputs),
	HOST_CASE(sort_empty_and_single_touch_nothing),
	HOST_CASE(sort_comparisons_are_n_log_n),
	HOST_CASE(sort_odd_element_sizes),
	HOST_CASE(sort_wide_aligned_elements),
	HOST_CASE(sort_uses_custom_swap),
	HOST_CASE(sort_r_passes_priv),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
