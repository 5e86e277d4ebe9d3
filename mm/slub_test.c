/*
 * In-kernel tests for the slab allocator: mm/slub.c ("slub") and the
 * kmalloc() layer of mm/slab_common.c ("kmalloc").
 *
 * Every case is wrapped in a leak check (slab_test_init/exit): the
 * objects handed out by all caches must be as many after the case as
 * before.  The cases that feed the allocator bad frees or damaged
 * objects make it print "BUG <cache>: ..." reports and WARNINGs on
 * purpose; each announces the report it expects with a ktest_info line
 * just before, and checks that it came by the slab_errors (or
 * warn_count) counter.
 *
 * A slab of a cache of 64-byte objects, as the cases picture it:
 *
 *	page_address(page)
 *	| obj 0 | obj 1 | obj 2 | ... | obj objects-1 | waste |
 *	  page->freelist -> obj 0 -> obj 1 -> ... -> NULL   (fresh slab)
 */
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <ktest/test.h>

#include "slab.h"

#define STRESS_NR 10000

static void *stress_objs[STRESS_NR];
static unsigned long slab_test_objects_before;
static u32 slab_test_rng_state = 2463534242u;

static u32 slab_test_rng(void)
{
	/* xorshift32 */
	u32 x = slab_test_rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	slab_test_rng_state = x;
	return x;
}

/* Puts @a[0..n) in a random order (Fisher-Yates). */
static void shuffle(void **a, unsigned int n)
{
	unsigned int i, j;

	for (i = n - 1; i > 0; i--) {
		j = slab_test_rng() % (i + 1);
		swap(a[i], a[j]);
	}
}

static int slab_test_init(struct ktest *test)
{
	slab_test_objects_before = slab_objects_total();
	return 0;
}

/* The leak check: no case may keep objects it did not have before. */
static void slab_test_exit(struct ktest *test)
{
	unsigned long now = slab_objects_total();

	if (now != slab_test_objects_before)
		ktest_fail(
			test, __FILE__, __LINE__,
			"leak check: %lu slab objects live before, %lu after",
			slab_test_objects_before, now);
}

/* ---- slub ---- */

#define CTOR_MAGIC 0xc7c7c7c7u

struct ctor_obj {
	u32 magic;
	u32 uses;
	char pad[40];
};

static unsigned int ctor_calls;

static void ctor_obj_ctor(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->uses = 0;
	ctor_calls++;
}

/*
 * The constructor runs once per object when a slab is made, not at each
 * allocation: an object freed in its constructed state comes back as it
 * was.
 */
static void slub_test_ctor_runs_per_object(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create(
		"test_ctor", sizeof(struct ctor_obj), 0, 0, ctor_obj_ctor);
	struct ctor_obj *a, *b;

	KTEST_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_EXPECT_EQ(test, ctor_calls, s->objects);
	KTEST_EXPECT_EQ(test, a->magic, CTOR_MAGIC);
	a->uses = 7;
	kmem_cache_free(s, a);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, b, a);
	KTEST_EXPECT_EQ(test, b->uses, 7);
	KTEST_EXPECT_EQ(test, ctor_calls, s->objects);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* Allocates @nr objects of @s; true if each is aligned to @align. */
static bool all_aligned(struct kmem_cache *s, unsigned int nr,
			unsigned long align)
{
	void *objs[64];
	bool ok = true;
	unsigned int i;

	for (i = 0; i < nr && i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ok &= objs[i] && IS_ALIGNED((unsigned long)objs[i], align);
	}
	while (i--)
		kmem_cache_free(s, objs[i]);
	return ok;
}

static void slub_test_align_argument(struct ktest *test)
{
	struct kmem_cache *s32 =
		kmem_cache_create("test_align32", 24, 32, 0, NULL);
	struct kmem_cache *s256 =
		kmem_cache_create("test_align256", 100, 256, 0, NULL);

	KTEST_ASSERT_NOT_NULL(test, s32);
	KTEST_ASSERT_NOT_NULL(test, s256);
	KTEST_EXPECT_EQ(test, s32->align, 32);
	KTEST_EXPECT_TRUE(test, all_aligned(s32, 64, 32));
	KTEST_EXPECT_EQ(test, s256->size % 256, 0);
	KTEST_EXPECT_TRUE(test, all_aligned(s256, 64, 256));
	kmem_cache_destroy(s32);
	kmem_cache_destroy(s256);
}

/*
 * SLAB_HWCACHE_ALIGN: a 40-byte object gets a 64-byte line; a 20-byte
 * one only half a line, so that two of them still share a line.
 */
static void slub_test_hwcache_align(struct ktest *test)
{
	struct kmem_cache *big = kmem_cache_create("test_hwalign40", 40, 0,
						   SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *small = kmem_cache_create("test_hwalign20", 20, 0,
						     SLAB_HWCACHE_ALIGN, NULL);

	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_ASSERT_NOT_NULL(test, small);
	KTEST_EXPECT_EQ(test, big->align, 64);
	KTEST_EXPECT_EQ(test, small->align, 32);
	KTEST_EXPECT_TRUE(test, all_aligned(big, 64, 64));
	KTEST_EXPECT_TRUE(test, all_aligned(small, 64, 32));
	KTEST_EXPECT_EQ(test, kmem_cache_size(big), 40);
	kmem_cache_destroy(big);
	kmem_cache_destroy(small);
}

static void slub_test_zalloc_zeroes(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_zalloc", 200, 0, 0, NULL);
	static const u8 zero[200];
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kmem_cache_free(s, p);
	p = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_MEMEQ(test, p, zero, 200);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/* A fresh object of a SLAB_POISON cache is all POISON_FREE, then END. */
static void slub_test_poison_fills_objects(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_poison_fill", 50, 0, SLAB_POISON, NULL);
	u8 *p;
	int i, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 49; i++)
		bad += p[i] != POISON_FREE;
	KTEST_EXPECT_EQ(test, bad, 0);
	KTEST_EXPECT_EQ(test, p[49], POISON_END);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * A write into a freed object of a SLAB_POISON cache is found when the
 * next allocation looks at it.  The damaged slab is then taken out of
 * service as Linux does: the poison is restored, the slab counts as
 * full, and the allocation is served by a fresh slab, so the damaged
 * object is not handed out.
 */
static void slub_test_poison_catches_use_after_free(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_poison", 64, 0, SLAB_POISON, NULL);
	unsigned long errors = slab_errors;
	u8 *a, *b;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	kmem_cache_free(s, a);
	a[10] = 0x42; /* the use after free */
	ktest_info(test, "expected below: BUG test_poison: Poison overwritten");
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, b != a);
	KTEST_EXPECT_EQ(test, a[10], POISON_FREE);
	KTEST_EXPECT_EQ(test, b[10], POISON_FREE);
	kmem_cache_free(s, b);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

/*
 * One byte written past a 30-byte object lands in its red zone (bytes
 * 30 and 31, up to the next word) and is reported when it is freed.
 * The red zone is repaired and the object freed all the same.
 */
static void slub_test_redzone_catches_overflow(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_redzone", 30, 0, SLAB_RED_ZONE, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, p[30], SLUB_RED_ACTIVE);
	p[30] = 0; /* the overflow */
	ktest_info(test,
		   "expected below: BUG test_redzone: Redzone overwritten");
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

/*
 * Freeing the object at the head of the freelist again is caught even
 * on the fast path; the freelist stays sound, so two allocations after
 * it return two different objects.  Irqs stay off so both frees run on
 * the same CPU (and so meet the same CPU freelist).
 *
 *	after free(a):  freelist -> a -> ...
 *	free(a) again:  "Object already free", freelist unchanged
 */
static void slub_test_double_free_at_head(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_double_free", 48, 0, 0, NULL);
	unsigned long errors = slab_errors, flags;
	void *a, *b, *x, *y;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	ktest_info(test,
		   "expected below: BUG test_double_free: Object already free");
	local_irq_save(flags);
	kmem_cache_free(s, a);
	kmem_cache_free(s, a);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(test, x && y && x != y);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/*
 * With SLAB_CONSISTENCY_CHECKS the whole freelist is searched, so a
 * double free is caught wherever the object sits on it.
 *
 *	after free(a), free(b):  freelist -> b -> a -> ...
 *	free(a) again:           found behind b: "Object already free"
 */
static void slub_test_double_free_anywhere_debug(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("test_double_free_dbg", 48, 0,
						 SLAB_CONSISTENCY_CHECKS, NULL);
	unsigned long errors = slab_errors;
	void *a, *b, *x, *y;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	ktest_info(
		test,
		"expected below: BUG test_double_free_dbg: Object already free");
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(test, x && y && x != y);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_destroy(s);
}

/*
 * A free pointer overwritten with garbage is caught before it is
 * followed: the slab is taken out of service and the allocation comes
 * from a fresh one.
 */
static void slub_test_corrupt_freepointer_caught(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("test_freeptr", 64, 0,
						 SLAB_CONSISTENCY_CHECKS, NULL);
	unsigned long errors = slab_errors;
	u8 *a, *b, *x;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	kmem_cache_free(s, a);
	*(unsigned long *)(a + s->offset) = 0x1234; /* the corruption */
	ktest_info(test,
		   "expected below: BUG test_freeptr: Freepointer corrupt");
	x = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, x);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, x != a);
	KTEST_EXPECT_TRUE(test, virt_to_page(x) != virt_to_page(a));
	kmem_cache_free(s, x);
	kmem_cache_free(s, b);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

/* Frees of what is not an object of the cache are refused, not done. */
static void slub_test_invalid_free_refused(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_invalid", 64, 0, 0, NULL);
	struct kmem_cache *t =
		kmem_cache_create("test_invalid2", 64, 0, 0, NULL);
	unsigned long errors = slab_errors;
	int not_slab;
	u8 *a;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_NOT_NULL(test, t);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	ktest_info(
		test,
		"expected below: 4 x BUG test_invalid*: Invalid object pointer");
	kmem_cache_free(s, a + 8);
	kmem_cache_free(t, a);
	kmem_cache_free(s, &not_slab);
	kfree(a + 8);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 4);
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 4);
	kmem_cache_destroy(s);
	kmem_cache_destroy(t);
}

/*
 * Destroying a cache whose objects are still out warns and keeps the
 * cache; once they are freed it can be destroyed.
 */
static void slub_test_destroy_with_live_objects_warns(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_destroy_busy", 100, 0, 0, NULL);
	unsigned long warns = warn_count;
	void *a, *b;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	ktest_info(
		test,
		"expected below: WARNING: kmem_cache_destroy test_destroy_busy: Slab cache still has objects");
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_EQ(test, kmem_cache_live_objects(s), 1);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/*
 * Freed slabs beyond min_partial go back at once; kmem_cache_shrink()
 * gives back the rest.
 */
static void slub_test_shrink_frees_empty_slabs(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_shrink", 512, 0, 0, NULL);
	unsigned long pages;
	unsigned int i, nr;

	KTEST_ASSERT_NOT_NULL(test, s);
	pages = slab_pages_total(); /* making @s may have taken a slab */
	nr = min(20 * s->objects, (unsigned int)STRESS_NR);
	for (i = 0; i < nr; i++) {
		stress_objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, stress_objs[i]);
	}
	KTEST_EXPECT_GE(test, atomic_long_read(&s->node.nr_slabs), 20);
	KTEST_EXPECT_GE(test, slab_pages_total(), pages + (20 << s->order));
	for (i = 0; i < nr; i++)
		kmem_cache_free(s, stress_objs[i]);
	KTEST_EXPECT_LE(test, atomic_long_read(&s->node.nr_slabs),
			s->min_partial + 1);
	KTEST_EXPECT_EQ(test, kmem_cache_shrink(s), 0);
	KTEST_EXPECT_EQ(test, atomic_long_read(&s->node.nr_slabs), 0);
	KTEST_EXPECT_EQ(test, slab_pages_total(), pages);
	kmem_cache_destroy(s);
}

/* Checks that each object still holds the tag written when allocated. */
static unsigned int stress_bad_tags(unsigned int nr)
{
	unsigned int i, bad = 0;

	for (i = 0; i < nr; i++)
		bad += *(unsigned long *)stress_objs[i] !=
		       (unsigned long)stress_objs[i];
	return bad;
}

static bool stress_fill(struct kmem_cache *s, unsigned int from,
			unsigned int to)
{
	unsigned int i;

	for (i = from; i < to; i++) {
		stress_objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!stress_objs[i])
			return false;
		*(unsigned long *)stress_objs[i] =
			(unsigned long)stress_objs[i];
	}
	return true;
}

/*
 * 10000 objects over many slabs, freed in random order, half of them
 * allocated again in between: no object is handed out twice (each
 * keeps its tag), and the cache is empty again at the end.
 */
static void slub_test_stress_random_order(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("test_stress", 72, 0, 0, NULL);
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_TRUE(test, stress_fill(s, 0, STRESS_NR));
	KTEST_EXPECT_GE(test, atomic_long_read(&s->node.nr_slabs),
			STRESS_NR / s->objects);
	KTEST_EXPECT_EQ(test, stress_bad_tags(STRESS_NR), 0);
	shuffle(stress_objs, STRESS_NR);
	for (i = 0; i < STRESS_NR / 2; i++)
		kmem_cache_free(s, stress_objs[i]);
	KTEST_ASSERT_TRUE(test, stress_fill(s, 0, STRESS_NR / 2));
	KTEST_EXPECT_EQ(test, stress_bad_tags(STRESS_NR), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_live_objects(s), STRESS_NR);
	shuffle(stress_objs, STRESS_NR);
	for (i = 0; i < STRESS_NR; i++)
		kmem_cache_free(s, stress_objs[i]);
	KTEST_EXPECT_EQ(test, kmem_cache_live_objects(s), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_shrink(s), 0);
	kmem_cache_destroy(s);
}

/* The line /proc/slabinfo shows for @s, in Linux's column layout. */
static void expected_slabinfo_line(char *buf, size_t size, struct kmem_cache *s,
				   unsigned long active, unsigned long slabs)
{
	snprintf(
		buf, size,
		"\n%-17s %6lu %6lu %6u %4u %4d : tunables    0    0    0 : slabdata %6lu %6lu      0\n",
		s->name, active, slabs * s->objects, s->size, s->objects,
		1 << s->order, slabs, slabs);
}

static const char slabinfo_header[] =
	"slabinfo - version: 2.1\n# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

static void slub_test_slabinfo_format(struct ktest *test)
{
	struct kmem_cache *s =
		kmem_cache_create("test_slabinfo", 200, 0, 0, NULL);
	char *buf = kmalloc(PAGE_SIZE * 4, GFP_KERNEL);
	char line[160];
	struct seq_file m;
	void *a;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_NOT_NULL(test, buf);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	seq_buf_init(&m, buf, PAGE_SIZE * 4 - 1);
	KTEST_EXPECT_EQ(test, slabinfo_show(&m, NULL), 0);
	KTEST_EXPECT_FALSE(test, seq_has_overflowed(&m));
	buf[m.count] = '\0';
	KTEST_EXPECT_EQ(test,
			strncmp(buf, slabinfo_header, strlen(slabinfo_header)),
			0);
	expected_slabinfo_line(line, sizeof(line), s, 1, 1);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, line));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\nkmalloc-8k "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\ndma-kmalloc-64 "));
	kmem_cache_free(s, a);
	kmem_cache_destroy(s);
	seq_buf_init(&m, buf, PAGE_SIZE * 4 - 1);
	slabinfo_show(&m, NULL);
	buf[m.count] = '\0';
	KTEST_EXPECT_NULL(test, strstr(buf, "\ntest_slabinfo "));
	kfree(buf);
}

static void slub_test_bad_create_arguments(struct ktest *test)
{
	unsigned long objects = slab_objects_total();

	ktest_info(
		test,
		"expected below: 4 x kmem_cache_create(...) failed with error -22");
	KTEST_EXPECT_NULL(test, kmem_cache_create("test_bad", 0, 0, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create("test_bad", 64, 24, 0, NULL));
	KTEST_EXPECT_NULL(test,
			  kmem_cache_create("test_bad", 64, 0, 1u << 31, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create(NULL, 64, 0, 0, NULL));
	KTEST_EXPECT_EQ(test, slab_objects_total(), objects);
}

static struct ktest_case slub_test_cases[] = {
	KTEST_CASE(slub_test_ctor_runs_per_object),
	KTEST_CASE(slub_test_align_argument),
	KTEST_CASE(slub_test_hwcache_align),
	KTEST_CASE(slub_test_zalloc_zeroes),
	KTEST_CASE(slub_test_poison_fills_objects),
	KTEST_CASE(slub_test_poison_catches_use_after_free),
	KTEST_CASE(slub_test_redzone_catches_overflow),
	KTEST_CASE(slub_test_double_free_at_head),
	KTEST_CASE(slub_test_double_free_anywhere_debug),
	KTEST_CASE(slub_test_corrupt_freepointer_caught),
	KTEST_CASE(slub_test_invalid_free_refused),
	KTEST_CASE(slub_test_destroy_with_live_objects_warns),
	KTEST_CASE(slub_test_shrink_frees_empty_slabs),
	KTEST_CASE(slub_test_stress_random_order),
	KTEST_CASE(slub_test_slabinfo_format),
	KTEST_CASE(slub_test_bad_create_arguments),
	{}
};

static struct ktest_suite slub_test_suite = {
	.name = "slub",
	.init = slab_test_init,
	.exit = slab_test_exit,
	.test_cases = slub_test_cases,
};
ktest_suite(slub_test_suite);

/* ---- kmalloc ---- */

static const unsigned int kmalloc_classes[] = { 8,    16,   32,	 64,  96,
						128,  192,  256, 512, 1024,
						2048, 4096, 8192 };

/* The size class kmalloc(@n) must use: the smallest that holds @n. */
static unsigned int expected_class(size_t n)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++)
		if (n <= kmalloc_classes[i])
			return kmalloc_classes[i];
	return 0;
}

static void class_name(char *buf, size_t size, const char *prefix,
		       unsigned int class)
{
	if (class >= 1024)
		snprintf(buf, size, "%skmalloc-%uk", prefix, class / 1024);
	else
		snprintf(buf, size, "%skmalloc-%u", prefix, class);
}

/* Every size from 1 to 8 KiB lands in its class, and ksize() says so. */
static void kmalloc_test_size_classes(struct ktest *test)
{
	unsigned int bad = 0;
	char name[32];
	size_t n;

	for (n = 1; n <= KMALLOC_MAX_CACHE_SIZE; n++) {
		void *p = kmalloc(n, GFP_KERNEL);
		struct kmem_cache *s = virt_to_cache(p);

		KTEST_ASSERT_NOT_NULL(test, p);
		class_name(name, sizeof(name), "", expected_class(n));
		if (ksize(p) != expected_class(n) || !s ||
		    strcmp(s->name, name)) {
			if (!bad++)
				ktest_info(test,
					   "kmalloc(%zu): ksize %zu in %s", n,
					   ksize(p), s ? s->name : "no cache");
		}
		kfree(p);
	}
	KTEST_EXPECT_EQ(test, bad, 0);
}

static void kmalloc_test_zero_size(struct ktest *test)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KTEST_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(test, ksize(p), 0);
	kfree(p);
	kfree(NULL);
	KTEST_EXPECT_PTR_EQ(test, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
}

/* Linux's promise: a power-of-two size is aligned to itself. */
static void kmalloc_test_natural_alignment(struct ktest *test)
{
	unsigned int bad = 0;
	size_t size;
	int i;

	for (size = 8; size <= KMALLOC_MAX_CACHE_SIZE; size *= 2) {
		void *p[4];

		for (i = 0; i < 4; i++) {
			p[i] = kmalloc(size, GFP_KERNEL);
			bad += !p[i] || !IS_ALIGNED((unsigned long)p[i], size);
		}
		for (i = 0; i < 4; i++)
			kfree(p[i]);
	}
	KTEST_EXPECT_EQ(test, bad, 0);
}

static void fill_pattern(u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(i * 7 + 3);
}

static bool check_pattern(const u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (u8)(i * 7 + 3))
			return false;
	return true;
}

/*
 * krealloc keeps the contents: in place while the block is big enough,
 * by copying when it grows past its class, from slab to pages and back.
 */
static void kmalloc_test_krealloc_keeps_contents(struct ktest *test)
{
	u8 *p = kmalloc(20, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	fill_pattern(p, 20);
	q = krealloc(p, 10, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	q = krealloc(q, 32, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	q = krealloc(q, 200, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_EQ(test, ksize(q), 256);
	KTEST_EXPECT_TRUE(test, check_pattern(q, 20));
	fill_pattern(q, 200);
	p = krealloc(q, 20000, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, virt_to_cache(p));
	KTEST_EXPECT_TRUE(test, check_pattern(p, 200));
	q = krealloc(p, 100, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	KTEST_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = krealloc(NULL, 50, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, ksize(p), 64);
	kfree(p);
}

/*
 * Above KMALLOC_MAX_CACHE_SIZE kmalloc() takes a compound page from the
 * page allocator and kfree() gives it back.
 */
static void kmalloc_test_large_uses_pages(struct ktest *test)
{
	unsigned long free_before = nr_free_pages();
	unsigned long slab_before = slab_pages_total();
	u8 *p = kzalloc(64 * 1024, GFP_KERNEL);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(test, p);
	page = virt_to_page(p);
	KTEST_EXPECT_FALSE(test, PageSlab(page));
	KTEST_EXPECT_TRUE(test, PageHead(page));
	KTEST_EXPECT_EQ(test, compound_order(page), 4);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	KTEST_EXPECT_EQ(test, ksize(p), 64 * 1024);
	KTEST_EXPECT_EQ(test, p[0] | p[64 * 1024 - 1], 0);
	KTEST_EXPECT_GE(test, free_before - nr_free_pages(), 16);
	KTEST_EXPECT_EQ(test, slab_pages_total(), slab_before + 16);
	kfree(p);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);
	KTEST_EXPECT_EQ(test, slab_pages_total(), slab_before);
}

static void kmalloc_test_too_large_fails(struct ktest *test)
{
	unsigned long warns = warn_count;

	KTEST_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1,
					GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(test, warn_count, warns);
	ktest_info(
		test,
		"expected below: WARNING: kmalloc: 4194305 bytes is over KMALLOC_MAX_SIZE");
	KTEST_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static void kmalloc_test_kcalloc_overflow(struct ktest *test)
{
	static const u8 zero[16 * 8];
	void *p;

	KTEST_EXPECT_NULL(test, kcalloc(1UL << 62, 8, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kmalloc_array(~0UL, 2, GFP_KERNEL));
	p = kcalloc(16, 8, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_MEMEQ(test, p, zero, sizeof(zero));
	kfree(p);
}

static void kmalloc_test_kzalloc_zeroes(struct ktest *test)
{
	static const u8 zero[100];
	void *p = kmalloc(100, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 100);
	kfree(p);
	p = kzalloc(100, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_MEMEQ(test, p, zero, 100);
	kfree(p);
}

/* __GFP_DMA: the dma-kmalloc caches, whose pages are in ZONE_DMA. */
static void kmalloc_test_dma_caches(struct ktest *test)
{
	void *p = kmalloc(64, GFP_KERNEL | GFP_DMA);
	void *q = kmalloc(96, GFP_KERNEL | GFP_DMA);

	if (!p || !q) {
		kfree(p);
		kfree(q);
		ktest_skip(test, "no ZONE_DMA memory");
		return;
	}
	KTEST_EXPECT_STREQ(test, virt_to_cache(p)->name, "dma-kmalloc-64");
	KTEST_EXPECT_STREQ(test, virt_to_cache(q)->name, "dma-kmalloc-128");
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(p)), ZONE_DMA);
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(q)), ZONE_DMA);
	kfree(p);
	kfree(q);
}

/* kfree() of a pointer into the middle of an object is refused. */
static void kmalloc_test_kfree_bad_pointer(struct ktest *test)
{
	unsigned long errors = slab_errors;
	u8 *p = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	ktest_info(test,
		   "expected below: BUG kmalloc-64: Invalid object pointer");
	kfree(p + 16);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	kfree(p);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
}

/* A random size, mostly small, now and then a large one. */
static size_t stress_size(void)
{
	u32 r = slab_test_rng();

	if (r % 16 == 0)
		return KMALLOC_MAX_CACHE_SIZE + r % (3 * PAGE_SIZE * 4);
	return 1 + r % 2048;
}

/*
 * 10000 random allocations and frees of random sizes over 512 slots;
 * every block keeps a tag at both ends for as long as it is held.
 */
static void kmalloc_test_stress_random_sizes(struct ktest *test)
{
	static size_t sizes[512];
	unsigned int i, slot, bad = 0;
	void **slots = stress_objs;

	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		slots[i] = NULL;
	for (i = 0; i < STRESS_NR; i++) {
		u8 *p;

		slot = slab_test_rng() % ARRAY_SIZE(sizes);
		p = slots[slot];
		if (p) {
			bad += p[0] != (u8)slot ||
			       p[sizes[slot] - 1] != (u8)~slot;
			kfree(p);
			slots[slot] = NULL;
			continue;
		}
		sizes[slot] = stress_size();
		p = kmalloc(sizes[slot], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		p[0] = slot;
		p[sizes[slot] - 1] = ~slot;
		slots[slot] = p;
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		kfree(slots[i]);
	KTEST_EXPECT_EQ(test, bad, 0);
}

static struct ktest_case kmalloc_test_cases[] = {
	KTEST_CASE(kmalloc_test_size_classes),
	KTEST_CASE(kmalloc_test_zero_size),
	KTEST_CASE(kmalloc_test_natural_alignment),
	KTEST_CASE(kmalloc_test_krealloc_keeps_contents),
	KTEST_CASE(kmalloc_test_large_uses_pages),
	KTEST_CASE(kmalloc_test_too_large_fails),
	KTEST_CASE(kmalloc_test_kcalloc_overflow),
	KTEST_CASE(kmalloc_test_kzalloc_zeroes),
	KTEST_CASE(kmalloc_test_dma_caches),
	KTEST_CASE(kmalloc_test_kfree_bad_pointer),
	KTEST_CASE(kmalloc_test_stress_random_sizes),
	{}
};

static struct ktest_suite kmalloc_test_suite = {
	.name = "kmalloc",
	.init = slab_test_init,
	.exit = slab_test_exit,
	.test_cases = kmalloc_test_cases,
};
ktest_suite(kmalloc_test_suite);
