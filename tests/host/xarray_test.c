/*
 * Host tests for lib/xarray.c: stores, loads, erases and searches against
 * a plain reference array, with every node allocation counted so a test
 * can check that erasing everything frees every node.
 *
 * host-test-sources: lib/xarray.c
 * host-test-lib-cflags: -ffreestanding
 */
#define _ISOC11_SOURCE

#include <linux/kernel.h>
#include <linux/xarray.h>

#include "hosttest.h"

static long live_nodes;
static int fail_after = -1; /* allocations until one fails; -1: never */

void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *p);

void *__kmalloc(size_t size, gfp_t flags)
{
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	live_nodes++;
	return calloc(1, size);
}

void __warn(const char *file, int line, const char *fmt, ...);

void __warn(const char *file, int line, const char *fmt, ...)
{
	printf("    # WARNING at %s:%d\n", file, line);
}

void kfree(const void *p)
{
	if (p)
		live_nodes--;
	free((void *)p);
}

/* A distinct aligned non-NULL pointer for each small @i. */
static void *val(unsigned long i)
{
	return (void *)((i + 1) << 3);
}

HOST_TEST(xarray_index0_needs_no_node)
{
	struct xarray xa = XARRAY_INIT(xa);

	HT_EXPECT(xa_store(&xa, 0, val(0), 0) == NULL);
	HT_EXPECT_EQ(live_nodes, 0);
	HT_EXPECT(xa_load(&xa, 0) == val(0));
	HT_EXPECT(xa_load(&xa, 1) == NULL);
	HT_EXPECT(xa_erase(&xa, 0) == val(0));
	HT_EXPECT(xa_empty(&xa));
}

HOST_TEST(xarray_store_returns_old)
{
	struct xarray xa = XARRAY_INIT(xa);

	HT_EXPECT(xa_store(&xa, 5, val(5), 0) == NULL);
	HT_EXPECT(xa_store(&xa, 5, val(6), 0) == val(5));
	HT_EXPECT(xa_load(&xa, 5) == val(6));
	HT_EXPECT(xa_erase(&xa, 5) == val(6));
	HT_EXPECT(xa_erase(&xa, 5) == NULL);
	HT_EXPECT(xa_empty(&xa));
	HT_EXPECT_EQ(live_nodes, 0);
}

HOST_TEST(xarray_huge_indices_grow_and_shrink)
{
	struct xarray xa = XARRAY_INIT(xa);
	unsigned long big[] = {
		0, 63, 64, 4095, 4096, 1UL << 40, ~0UL, ~0UL - 1
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(big); i++)
		HT_EXPECT(xa_store(&xa, big[i], val(i), 0) == NULL);
	for (i = 0; i < ARRAY_SIZE(big); i++)
		HT_EXPECT(xa_load(&xa, big[i]) == val(i));
	HT_EXPECT(xa_load(&xa, 65) == NULL);
	HT_EXPECT(xa_load(&xa, 1UL << 41) == NULL);
	for (i = 0; i < ARRAY_SIZE(big); i++)
		HT_EXPECT(xa_erase(&xa, big[i]) == val(i));
	HT_EXPECT(xa_empty(&xa));
	HT_EXPECT_EQ(live_nodes, 0);
}

HOST_TEST(xarray_find_walks_in_order)
{
	struct xarray xa = XARRAY_INIT(xa);
	unsigned long idx[] = { 3, 64, 200, 4097, 1UL << 30, ~0UL };
	unsigned long index;
	unsigned int i = 0;
	void *entry;

	for (i = 0; i < ARRAY_SIZE(idx); i++)
		xa_store(&xa, idx[i], val(i), 0);
	i = 0;
	xa_for_each(&xa, index, entry)
	{
		HT_ASSERT(i < ARRAY_SIZE(idx));
		HT_EXPECT_EQ(index, idx[i]);
		HT_EXPECT(entry == val(i));
		i++;
	}
	HT_EXPECT_EQ(i, ARRAY_SIZE(idx));
	index = 65;
	HT_EXPECT(xa_find(&xa, &index, 4096) == val(2));
	HT_EXPECT_EQ(index, 200);
	index = 201;
	HT_EXPECT(xa_find(&xa, &index, 4096) == NULL);
	index = 4097;
	HT_EXPECT(xa_find(&xa, &index, 4097) == val(3));
	xa_destroy(&xa);
	HT_EXPECT_EQ(live_nodes, 0);
}

HOST_TEST(xarray_nomem_leaves_array_unchanged)
{
	struct xarray xa = XARRAY_INIT(xa);
	void *r;

	xa_store(&xa, 1, val(1), 0);
	fail_after = 1; /* the second node of a deeper path fails */
	r = xa_store(&xa, 1UL << 20, val(2), 0);
	fail_after = -1;
	HT_EXPECT(xa_is_err(r));
	HT_EXPECT_EQ(xa_err(r), -ENOMEM);
	HT_EXPECT(xa_load(&xa, 1) == val(1));
	HT_EXPECT(xa_load(&xa, 1UL << 20) == NULL);
	xa_erase(&xa, 1);
	HT_EXPECT(xa_empty(&xa));
	HT_EXPECT_EQ(live_nodes, 0);
}

/* Random stores and erases checked against a flat array. */
HOST_TEST(xarray_random_matches_reference)
{
	enum { N = 5000 };
	static void *ref[N];
	struct xarray xa = XARRAY_INIT(xa);
	unsigned long index, count = 0, seen = 0;
	unsigned int seed = 12345, i;
	void *entry;

	memset(ref, 0, sizeof(ref));
	for (i = 0; i < 40000; i++) {
		unsigned long k;

		seed = seed * 1103515245 + 12345;
		k = (seed >> 8) % N;
		if ((seed >> 4) & 1) {
			HT_EXPECT(xa_store(&xa, k, val(k), 0) == ref[k]);
			ref[k] = val(k);
		} else {
			HT_EXPECT(xa_erase(&xa, k) == ref[k]);
			ref[k] = NULL;
		}
	}
	for (i = 0; i < N; i++) {
		HT_EXPECT(xa_load(&xa, i) == ref[i]);
		count += ref[i] != NULL;
	}
	xa_for_each(&xa, index, entry)
	{
		HT_EXPECT(ref[index] == entry);
		seen++;
	}
	HT_EXPECT_EQ(seen, count);
	for (i = 0; i < N; i++)
		xa_erase(&xa, i);
	HT_EXPECT(xa_empty(&xa));
	HT_EXPECT_EQ(live_nodes, 0);
}

static const struct host_test host_tests[] = {
	HOST_CASE(xarray_index0_needs_no_node),
	HOST_CASE(xarray_store_returns_old),
	HOST_CASE(xarray_huge_indices_grow_and_shrink),
	HOST_CASE(xarray_find_walks_in_order),
	HOST_CASE(xarray_nomem_leaves_array_unchanged),
	HOST_CASE(xarray_random_matches_reference),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
