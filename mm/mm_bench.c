/*
 * ktest=bench_mm: how long the allocators take, in ns per operation
 * (local_clock(), i.e. the TSC).  A manual suite: it measures, it does
 * not judge, so it only fails if an allocation fails.  Under TCG the
 * absolute numbers mean little; compare runs of the same QEMU.
 * Each result is one line "# bench_mm: <name> <ns> ns/op".
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/vmalloc.h>
#include <ktest/test.h>

#define BENCH_ITERS 20000
#define BENCH_ITERS_SLOW 500

static void bench_report(struct ktest *test, const char *name, u64 start,
			 unsigned long iters)
{
	u64 ns = local_clock() - start;

	printk(KERN_INFO "# bench_mm: %s %llu ns/op\n", name, ns / iters);
}

static void bench_mm_alloc_page(struct ktest *test)
{
	u64 t = local_clock();
	unsigned long i;

	for (i = 0; i < BENCH_ITERS; i++) {
		struct page *p = alloc_page(GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		__free_page(p);
	}
	bench_report(test, "alloc_page+free", t, BENCH_ITERS);
}

static void bench_mm_order3(struct ktest *test)
{
	u64 t = local_clock();
	unsigned long i;

	for (i = 0; i < BENCH_ITERS; i++) {
		struct page *p = alloc_pages(GFP_KERNEL, 3);

		KTEST_ASSERT_NOT_NULL(test, p);
		__free_pages(p, 3);
	}
	bench_report(test, "alloc_pages(order-3)+free", t, BENCH_ITERS);
}

static void bench_kmalloc(struct ktest *test, size_t size, const char *name)
{
	u64 t = local_clock();
	unsigned long i;

	for (i = 0; i < BENCH_ITERS; i++) {
		void *p = kmalloc(size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		kfree(p);
	}
	bench_report(test, name, t, BENCH_ITERS);
}

static void bench_mm_kmalloc64(struct ktest *test)
{
	bench_kmalloc(test, 64, "kmalloc(64)+kfree");
}

static void bench_mm_kmalloc4096(struct ktest *test)
{
	bench_kmalloc(test, 4096, "kmalloc(4096)+kfree");
}

struct bench_obj {
	long payload[24];
};

static void bench_mm_kmem_cache(struct ktest *test)
{
	struct kmem_cache *c = kmem_cache_create(
		"bench_obj", sizeof(struct bench_obj), 0, 0, NULL);
	unsigned long i;
	u64 t;

	KTEST_ASSERT_NOT_NULL(test, c);
	t = local_clock();
	for (i = 0; i < BENCH_ITERS; i++) {
		void *p = kmem_cache_alloc(c, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		kmem_cache_free(c, p);
	}
	bench_report(test, "kmem_cache_alloc+free", t, BENCH_ITERS);
	kmem_cache_destroy(c);
}

static void bench_mm_vmalloc(struct ktest *test)
{
	u64 t = local_clock();
	unsigned long i;

	for (i = 0; i < BENCH_ITERS_SLOW; i++) {
		void *p = vmalloc(64 << 10);

		KTEST_ASSERT_NOT_NULL(test, p);
		vfree(p);
	}
	bench_report(test, "vmalloc(64K)+vfree", t, BENCH_ITERS_SLOW);
}

static struct ktest_case bench_mm_cases[] = { KTEST_CASE(bench_mm_alloc_page),
					      KTEST_CASE(bench_mm_order3),
					      KTEST_CASE(bench_mm_kmalloc64),
					      KTEST_CASE(bench_mm_kmalloc4096),
					      KTEST_CASE(bench_mm_kmem_cache),
					      KTEST_CASE(bench_mm_vmalloc),
					      {} };

static struct ktest_suite bench_mm_suite = {
	.name = "bench_mm",
	.test_cases = bench_mm_cases,
	.manual = true,
};
ktest_suite(bench_mm_suite);
