/*
 * Host tests for the slab allocator (mm/slub.c, mm/slab_common.c), built
 * into this program together with small stand-ins for what they use:
 *
 *	page allocator	an arena of ARENA_PAGES pages with its own struct
 *			page array; freed pages are poisoned for ASan, so
 *			a slab touched after it went back faults at once
 *	CPUs, irqs	smp_processor_id() is cpu_number, which a test
 *			changes between calls to play several CPUs;
 *			local_irq_save/restore track a flag
 *	printk		lines to stdout, each starting with "# "
 *
 * The in-kernel tests (mm/slub_test.c) cover the API one CPU at a time;
 * these play the cross-CPU paths (objects freed into another CPU's
 * slab, slabs going from CPU to partial list to CPU) and run long
 * random sequences under ASan.
 *
 * host-test-sources:
 */

/* Plain ISO C from glibc: its sys/types.h clashes with the kernel's. */
#define _ISOC11_SOURCE

#include "hosttest.h"

#include <stdarg.h>
#include <stdint.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(addr, size) ((void)(addr), (void)(size))
#define ASAN_UNPOISON_MEMORY_REGION(addr, size) ((void)(addr), (void)(size))
#endif

/*
 * tests/host/include/asm/ stands in for the x86 headers: "physical
 * memory" starts at host_phys_base, struct pages at host_vmemmap_base,
 * smp_processor_id() is cpu_number and irqs are host_irqs_disabled.
 */
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/vmstat.h>

#include "../../mm/slub.c"
#include "../../mm/slab_common.c"

#define ARENA_PAGES 16384 /* 64 MiB */
#define HOST_CPUS 4 /* the CPUs the tests play */

char *host_phys_base;
unsigned long host_vmemmap_base;
bool host_irqs_disabled;
int cpu_number;
static struct page *host_memmap;

static unsigned char host_page_used[ARENA_PAGES];
static unsigned char host_page_comp[ARENA_PAGES];
static long host_pages_allocated;
static int host_fail_allocs; /* fail this many alloc_pages() calls */
static long host_node_state[NR_VM_NODE_STAT_ITEMS];

unsigned long max_pfn, max_low_pfn;
unsigned long warn_count;
/* The arena is pfns 0..ARENA_PAGES-1, all in memory section 0. */
unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))] = { 1 };

/* ---- Stand-ins for the rest of the kernel ---- */

int vprintk(const char *fmt, va_list args)
{
	if (fmt[0] == KERN_SOH_ASCII && fmt[1])
		fmt += 2;
	printf("# ");
	return vprintf(fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (n < 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

void dump_stack(void)
{
}

void __warn(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	warn_count++;
	printf("# WARNING at %s:%d\n", file, line);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
}

void __bug(const char *file, int line)
{
	printf("# BUG at %s:%d\n", file, line);
	abort();
}

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	abort();
}

void mod_node_page_state(enum node_stat_item item, long delta)
{
	host_node_state[item] += delta;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
	va_end(args);
	m->count += (size_t)n < m->size - m->count ? (size_t)n :
						     m->size - m->count;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

/* ---- The page allocator stand-in ---- */

static bool arena_range_free(unsigned long pfn, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		if (host_page_used[pfn + i])
			return false;
	return true;
}

static void prep_page(unsigned long pfn, unsigned int order, gfp_t gfp)
{
	unsigned long i, nr = 1UL << order;
	struct page *page = &host_memmap[pfn];
	char *addr = host_phys_base + pfn * PAGE_SIZE;

	memset(page, 0, nr * sizeof(*page));
	for (i = 0; i < nr; i++) {
		host_page_used[pfn + i] = 1;
		page_mapcount_reset(page + i);
	}
	set_page_count(page, 1);
	set_page_zone(page, gfp_zone(gfp));
	host_page_comp[pfn] = (gfp & __GFP_COMP) && order;
	if (host_page_comp[pfn]) {
		__SetPageHead(page);
		for (i = 1; i < nr; i++)
			page[i].compound_head = (unsigned long)page | 1;
		page[1].compound_order = order;
	}
	ASAN_UNPOISON_MEMORY_REGION(addr, nr * PAGE_SIZE);
	memset(addr, gfp & __GFP_ZERO ? 0 : 0xa7, nr * PAGE_SIZE);
	host_pages_allocated += nr;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long pfn, nr = 1UL << order;

	/* The slab allocator must not call in here with irqs off. */
	HT_EXPECT(!host_irqs_disabled);
	if (host_fail_allocs) {
		host_fail_allocs--;
		return NULL;
	}
	for (pfn = 0; pfn + nr <= ARENA_PAGES; pfn += nr) {
		if (arena_range_free(pfn, nr)) {
			prep_page(pfn, order, gfp);
			return &host_memmap[pfn];
		}
	}
	return NULL;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;
	unsigned long pfn = page - host_memmap;

	HT_ASSERT(pfn < ARENA_PAGES && pfn % nr == 0);
	HT_EXPECT(!PageSlab(page));
	HT_EXPECT(page->mapping == NULL);
	HT_EXPECT(!!PageHead(page) == !!host_page_comp[pfn]);
	if (PageHead(page))
		HT_EXPECT_EQ(compound_order(page), order);
	for (i = 0; i < nr; i++) {
		HT_EXPECT(host_page_used[pfn + i]);
		host_page_used[pfn + i] = 0;
	}
	memset(page, 0, nr * sizeof(*page));
	ASAN_POISON_MEMORY_REGION(host_phys_base + pfn * PAGE_SIZE,
				  nr * PAGE_SIZE);
	host_pages_allocated -= nr;
}

unsigned long nr_free_pages(void)
{
	return ARENA_PAGES - host_pages_allocated;
}

static void host_mm_init(void)
{
	host_phys_base = aligned_alloc(PAGE_SIZE, ARENA_PAGES * PAGE_SIZE);
	host_memmap = calloc(ARENA_PAGES, sizeof(struct page));
	if (!host_phys_base || !host_memmap)
		abort();
	host_vmemmap_base = (unsigned long)host_memmap;
	ASAN_POISON_MEMORY_REGION(host_phys_base, ARENA_PAGES * PAGE_SIZE);
	max_pfn = max_low_pfn = ARENA_PAGES;
	kmem_cache_init();
}

/* ---- Helpers ---- */

static u32 rng_state = 2463534242u;

static u32 rng(void)
{
	/* xorshift32 */
	u32 x = rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rng_state = x;
	return x;
}

/* After every call into the allocator: no irq or lock left behind. */
static void expect_quiet(struct kmem_cache *s)
{
	HT_EXPECT(!host_irqs_disabled);
	if (s)
		HT_EXPECT(!spin_is_locked(&s->node.list_lock));
}

static struct page *slab_of(void *obj)
{
	return compound_head(virt_to_page(obj));
}

/* ---- Cases ---- */

/*
 * CPU 1 frees objects of CPU 0's (frozen) slab: they wait on the slab's
 * own freelist, and CPU 0 takes them back once its CPU freelist runs
 * dry, without a second slab.
 *
 *	CPU 0: c->page = A (frozen), c->freelist empty (all handed out)
 *	CPU 1: free(o0..o9)  ->  A->freelist = o9 -> ... -> o0
 *	CPU 0: alloc x10     ->  the same ten objects, still one slab
 */
HOST_TEST(remote_frees_return_to_the_cpu_slab)
{
	struct kmem_cache *s = kmem_cache_create("host_remote", 64, 0, 0, NULL);
	long pages = host_pages_allocated;
	void *objs[512];
	struct page *a;
	unsigned int i, j, n;

	HT_ASSERT(s);
	n = s->objects;
	HT_ASSERT(n >= 20 && n <= 512);
	cpu_number = 0;
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		HT_ASSERT(objs[i]);
	}
	a = slab_of(objs[0]);
	HT_EXPECT(slab_of(objs[n - 1]) == a);
	HT_EXPECT(a->frozen);
	cpu_number = 1;
	for (i = 0; i < 10; i++)
		kmem_cache_free(s, objs[i]);
	HT_EXPECT(a->frozen);
	HT_EXPECT_EQ(a->inuse, n - 10);
	HT_EXPECT_EQ(s->node.nr_partial, 0);
	cpu_number = 0;
	for (i = 0; i < 10; i++) {
		void *p = kmem_cache_alloc(s, GFP_KERNEL);
		bool found = false;

		for (j = 0; j < 10; j++)
			found |= p == objs[j];
		HT_EXPECT(found);
	}
	HT_EXPECT_EQ(atomic_long_read(&s->node.nr_slabs), 1);
	cpu_number = 2;
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	HT_EXPECT_EQ(kmem_cache_live_objects(s), 0);
	cpu_number = 0;
	HT_EXPECT_EQ(kmem_cache_shrink(s), 0);
	kmem_cache_destroy(s);
	HT_EXPECT_EQ(host_pages_allocated, pages);
	expect_quiet(NULL);
}

/*
 * A full CPU slab is let go onto no list; the first free into it puts
 * it on the partial list, where another CPU picks it up.
 */
HOST_TEST(full_slab_goes_partial_then_to_another_cpu)
{
	struct kmem_cache *s = kmem_cache_create("host_full", 128, 0, 0, NULL);
	void *objs[256], *extra, *p;
	struct page *a;
	unsigned int i, n;

	HT_ASSERT(s);
	n = s->objects;
	HT_ASSERT(n <= 256);
	cpu_number = 0;
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	a = slab_of(objs[0]);
	extra = kmem_cache_alloc(s, GFP_KERNEL); /* lets go of A */
	HT_ASSERT(extra);
	HT_EXPECT(slab_of(extra) != a);
	HT_EXPECT(!a->frozen);
	HT_EXPECT_EQ(s->node.nr_partial, 0);
	cpu_number = 1;
	kmem_cache_free(s, objs[5]);
	HT_EXPECT_EQ(s->node.nr_partial, 1);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	HT_EXPECT(p == objs[5]);
	HT_EXPECT(a->frozen);
	HT_EXPECT(s->cpu_slab[1].page == a);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_free(s, extra);
	kmem_cache_destroy(s);
	expect_quiet(NULL);
}

HOST_TEST(page_allocation_failure_is_null_and_harmless)
{
	struct kmem_cache *s = kmem_cache_create("host_fail", 300, 0, 0, NULL);
	void *p;

	HT_ASSERT(s);
	host_fail_allocs = 1;
	HT_EXPECT(kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN) == NULL);
	HT_EXPECT_EQ(kmem_cache_live_objects(s), 0);
	expect_quiet(s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	HT_EXPECT(p != NULL);
	kmem_cache_free(s, p);
	host_fail_allocs = 1;
	HT_EXPECT(kmalloc(100000, GFP_KERNEL) == NULL);
	kmem_cache_destroy(s);
	host_fail_allocs = 0;
}

struct live_obj {
	void *p;
	unsigned int cache;
	unsigned int size;
	u64 tag;
};

#define NR_LIVE 2048
#define NR_OPS 200000

static struct live_obj live[NR_LIVE];

/* A tag in the first 8 bytes of the object and, past them, its last 8. */
static void tag_object(struct live_obj *o, u64 tag)
{
	o->tag = tag;
	memcpy(o->p, &tag, sizeof(tag));
	if (o->size >= 2 * sizeof(tag))
		memcpy((char *)o->p + o->size - sizeof(tag), &tag, sizeof(tag));
}

static bool tag_intact(const struct live_obj *o)
{
	u64 a, b = o->tag;

	memcpy(&a, o->p, sizeof(a));
	if (o->size >= 2 * sizeof(b))
		memcpy(&b, (char *)o->p + o->size - sizeof(b), sizeof(b));
	return a == o->tag && b == o->tag;
}

/*
 * Random allocations and frees on four CPUs over several caches (one of
 * them with a single object per slab) and kmalloc: no object is handed
 * out twice (each keeps its tag) and everything goes back at the end.
 */
static void random_ops(unsigned int flags, const char *const *names)
{
	static const unsigned int sizes[] = { 8, 56, 200, 1000, 3000, 20000 };
	struct kmem_cache *caches[ARRAY_SIZE(sizes)];
	unsigned long errors = slab_errors, warns = warn_count;
	long pages = host_pages_allocated;
	unsigned int i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		caches[i] =
			kmem_cache_create(names[i], sizes[i], 0, flags, NULL);
		HT_ASSERT(caches[i]);
	}
	for (i = 0; i < NR_OPS; i++) {
		struct live_obj *o = &live[rng() % NR_LIVE];
		unsigned int c = rng() % (ARRAY_SIZE(sizes) + 1);

		cpu_number = rng() % HOST_CPUS;
		if (o->p) {
			bad += !tag_intact(o);
			if (o->cache < ARRAY_SIZE(sizes))
				kmem_cache_free(caches[o->cache], o->p);
			else
				kfree(o->p);
			o->p = NULL;
		} else if (c < ARRAY_SIZE(sizes)) {
			o->p = kmem_cache_alloc(caches[c], GFP_KERNEL);
			o->cache = c;
			o->size = sizes[c];
		} else {
			o->size = 8 + rng() % 12000;
			o->p = kmalloc(o->size, GFP_KERNEL);
			o->cache = c;
		}
		if (o->p)
			tag_object(o, ((u64)i << 16) | (o - live));
		if (rng() % 5000 == 0)
			kmem_cache_shrink(caches[rng() % ARRAY_SIZE(sizes)]);
		expect_quiet(NULL);
	}
	for (i = 0; i < NR_LIVE; i++) {
		if (!live[i].p)
			continue;
		bad += !tag_intact(&live[i]);
		if (live[i].cache < ARRAY_SIZE(sizes))
			kmem_cache_free(caches[live[i].cache], live[i].p);
		else
			kfree(live[i].p);
		live[i].p = NULL;
	}
	HT_EXPECT_EQ(bad, 0);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		HT_EXPECT_EQ(kmem_cache_live_objects(caches[i]), 0);
		kmem_cache_destroy(caches[i]);
	}
	HT_EXPECT_EQ(slab_errors, errors);
	HT_EXPECT_EQ(warn_count, warns);
	/* kmalloc caches may keep a few empty slabs (min_partial). */
	HT_EXPECT(host_pages_allocated - pages < 512);
	cpu_number = 0;
}

HOST_TEST(random_ops_on_four_cpus)
{
	static const char *const names[] = { "r8",    "r56",   "r200",
					     "r1000", "r3000", "r20000" };

	random_ops(0, names);
}

HOST_TEST(random_ops_on_four_cpus_debug_caches)
{
	static const char *const names[] = { "d8",    "d56",   "d200",
					     "d1000", "d3000", "d20000" };

	random_ops(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON,
		   names);
}

/* A cache that is destroyed gives every page back, CPU slabs too. */
HOST_TEST(destroy_returns_every_page)
{
	long pages = host_pages_allocated;
	unsigned long warns = warn_count;
	struct kmem_cache *s =
		kmem_cache_create("host_destroy", 512, 0, 0, NULL);
	void *objs[HOST_CPUS][40];
	int cpu, i;

	HT_ASSERT(s);
	for (cpu = 0; cpu < HOST_CPUS; cpu++) {
		cpu_number = cpu;
		for (i = 0; i < 40; i++)
			objs[cpu][i] = kmem_cache_alloc(s, GFP_KERNEL);
	}
	for (cpu = 0; cpu < HOST_CPUS; cpu++) {
		cpu_number = HOST_CPUS - 1 - cpu;
		for (i = 0; i < 40; i++)
			kmem_cache_free(s, objs[cpu][i]);
	}
	cpu_number = 0;
	kmem_cache_destroy(s);
	HT_EXPECT_EQ(warn_count, warns);
	/* The struct kmem_cache may keep its slab in kmem_cache. */
	HT_EXPECT(host_pages_allocated - pages <= 4);
	HT_EXPECT_EQ(atomic_long_read(&slab_pages),
		     host_node_state[NR_SLAB_UNRECLAIMABLE_B]);
}

/* The size classes, on the host as in the kernel. */
HOST_TEST(kmalloc_sizes_pick_their_class)
{
	size_t n;
	unsigned int bad = 0;

	for (n = 1; n <= KMALLOC_MAX_CACHE_SIZE; n++) {
		void *p = kmalloc(n, GFP_KERNEL);
		size_t k = ksize(p);

		bad += k < n || (n > 8 && k >= 2 * n + 64) ||
		       !IS_ALIGNED((unsigned long)p, 8);
		kfree(p);
	}
	HT_EXPECT_EQ(bad, 0);
}

static const struct host_test host_tests[] = {
	HOST_CASE(remote_frees_return_to_the_cpu_slab),
	HOST_CASE(full_slab_goes_partial_then_to_another_cpu),
	HOST_CASE(page_allocation_failure_is_null_and_harmless),
	HOST_CASE(random_ops_on_four_cpus),
	HOST_CASE(random_ops_on_four_cpus_debug_caches),
	HOST_CASE(destroy_returns_every_page),
	HOST_CASE(kmalloc_sizes_pick_their_class),
};

int main(void)
{
	host_mm_init();
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
