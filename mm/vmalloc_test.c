/*
 * In-kernel tests for mm/vmalloc.c, mm/util.c (kvmalloc) and
 * arch/x86/mm/ioremap.c: real page tables, real faults.  The tree of
 * areas is tested in depth on the host (tests/host/vmap_area_test.c).
 *
 * A vmalloc(2 * PAGE_SIZE) area, and what the tests probe:
 *
 *	addr            addr + PAGE_SIZE    addr + 2 * PAGE_SIZE
 *	| page 0         | page 1            | guard (unmapped) | next area
 *	  vmalloc_to_page() of each = a page   copy_*_nofault() -> -EFAULT
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <ktest/test.h>

static u32 vmalloc_test_rng_state = 2463534242u;

static u32 vmalloc_test_rng(void)
{
	/* xorshift32 */
	u32 x = vmalloc_test_rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	vmalloc_test_rng_state = x;
	return x;
}

/* A value that differs per page and per test, to catch swapped pages. */
static unsigned long page_tag(unsigned long i, unsigned long seed)
{
	return (i + 1) * 0x9e3779b97f4a7c15UL ^ seed;
}

static void vmalloc_test_large_area_every_page(struct ktest *test)
{
	unsigned long i, size = 8UL << 20, nr = size / PAGE_SIZE;
	unsigned long *p = vmalloc(size);
	unsigned long per_page = PAGE_SIZE / sizeof(*p);
	unsigned long bad = 0;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	for (i = 0; i < nr; i++) {
		p[i * per_page] = page_tag(i, 1);
		p[i * per_page + per_page - 1] = page_tag(i, 2);
	}
	for (i = 0; i < nr; i++) {
		bad += p[i * per_page] != page_tag(i, 1);
		bad += p[i * per_page + per_page - 1] != page_tag(i, 2);
	}
	KTEST_EXPECT_EQ(test, bad, 0);
	vfree(p);
}

/* The pages of a dirtied, freed area are likely the ones vzalloc gets. */
static void vmalloc_test_vzalloc_zeroed(struct ktest *test)
{
	unsigned long i, size = 64 * PAGE_SIZE, nonzero = 0;
	unsigned char *p = vmalloc(size);

	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xa5, size);
	vfree(p);
	p = vzalloc(size);
	KTEST_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < size; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(test, nonzero, 0);
	vfree(p);
}

static void vmalloc_test_to_page_round_trip(struct ktest *test)
{
	unsigned long i, nr = 16;
	unsigned char *p = vmalloc(nr * PAGE_SIZE);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < nr; i++)
		memset(p + i * PAGE_SIZE, (int)i + 1, PAGE_SIZE);
	for (i = 0; i < nr; i++) {
		page = vmalloc_to_page(p + i * PAGE_SIZE + 123);
		KTEST_ASSERT_NOT_NULL(test, page);
		KTEST_EXPECT_TRUE(test, PageVmalloc(page));
		KTEST_EXPECT_MEMEQ(test, page_address(page), p + i * PAGE_SIZE,
				   PAGE_SIZE);
	}
	KTEST_EXPECT_NULL(test, vmalloc_to_page(p + nr * PAGE_SIZE));
	vfree(p);
}

static void vmalloc_test_guard_page_faults(struct ktest *test)
{
	unsigned char *p = vmalloc(PAGE_SIZE);
	unsigned char c = 0x5a;

	KTEST_ASSERT_NOT_NULL(test, p);
	p[PAGE_SIZE - 1] = c;
	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(&c, p + PAGE_SIZE - 1, 1), 0);
	KTEST_EXPECT_EQ(test, c, 0x5a);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, p + PAGE_SIZE, 1),
			-EFAULT);
	KTEST_EXPECT_EQ(test, copy_to_kernel_nofault(p + PAGE_SIZE, &c, 1),
			-EFAULT);
	vfree(p);
}

/* Without a TLB flush in vfree() the old translation would still work. */
static void vmalloc_test_freed_area_faults(struct ktest *test)
{
	unsigned char *p = vmalloc(2 * PAGE_SIZE);
	unsigned char c;

	KTEST_ASSERT_NOT_NULL(test, p);
	p[0] = 1;
	p[PAGE_SIZE] = 2;
	vfree(p);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, p, 1), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, p + PAGE_SIZE, 1),
			-EFAULT);
	KTEST_EXPECT_NULL(test, find_vm_area(p));
}

/*
 * nr_free_pages() counts the buddy lists only; pages sitting on the
 * per-CPU lists are free too, so empty those first.
 */
static unsigned long free_pages_drained(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

/*
 * A first round allocates the page tables and slab objects that stay;
 * the second must then give back exactly what it took.
 */
static void vmalloc_test_vfree_returns_pages(struct ktest *test)
{
	unsigned long nr = 256, free_before, used_before;
	void *p;

	vfree(vmalloc(nr * PAGE_SIZE));
	free_before = free_pages_drained();
	used_before = vmalloc_nr_pages();

	p = vmalloc(nr * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used_before + nr);
	KTEST_EXPECT_LE(test, free_pages_drained() + nr, free_before);
	vfree(p);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used_before);
	KTEST_EXPECT_EQ(test, free_pages_drained(), free_before);
}

#define NR_LIVE 64
#define NR_ROUNDS 10000

/*
 * Random sizes freed in random order.  With areas always placed in the
 * lowest hole, the addresses stay within a few times the live set
 * (NR_LIVE areas of at most 9 pages with the guard, about 2 MiB); a
 * leaked area per round would need tens of MiB.  Once all are freed,
 * the lowest free address is the first one handed out.
 */
static void vmalloc_test_address_space_reused(struct ktest *test)
{
	static void *live[NR_LIVE];
	unsigned long lo = ULONG_MAX, hi = 0, a, size;
	void *first = vmalloc(PAGE_SIZE);
	int i, slot;

	KTEST_ASSERT_NOT_NULL(test, first);
	vfree(first);
	for (i = 0; i < NR_ROUNDS; i++) {
		slot = vmalloc_test_rng() % NR_LIVE;
		vfree(live[slot]);
		size = (1 + vmalloc_test_rng() % 8) * PAGE_SIZE -
		       vmalloc_test_rng() % PAGE_SIZE;
		live[slot] = vmalloc(size);
		KTEST_ASSERT_NOT_NULL(test, live[slot]);
		a = (unsigned long)live[slot];
		lo = min(lo, a);
		hi = max(hi, a + size);
	}
	for (slot = 0; slot < NR_LIVE; slot++) {
		vfree(live[slot]);
		live[slot] = NULL;
	}
	KTEST_EXPECT_LE(test, hi - lo, 8UL << 20);
	KTEST_EXPECT_EQ(test, lo, (unsigned long)first);
	first = vmalloc(PAGE_SIZE);
	KTEST_EXPECT_EQ(test, lo, (unsigned long)first);
	vfree(first);
}

static void vmalloc_test_vmap_shows_pages(struct ktest *test)
{
	struct page *pages[4] = { NULL };
	unsigned char *p, c;
	int i;

	for (i = 0; i < 4; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, pages[i]);
		memset(page_address(pages[i]), 0x10 + i, PAGE_SIZE);
	}
	p = vmap(pages, 4, VM_MAP, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 4; i++) {
		KTEST_EXPECT_MEMEQ(test, p + i * PAGE_SIZE,
				   page_address(pages[i]), PAGE_SIZE);
		KTEST_EXPECT_PTR_EQ(test, vmalloc_to_page(p + i * PAGE_SIZE),
				    pages[i]);
	}
	p[3 * PAGE_SIZE + 7] = 0xee;
	KTEST_EXPECT_EQ(test, ((unsigned char *)page_address(pages[3]))[7],
			0xee);
	vunmap(p);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, p, 1), -EFAULT);
	for (i = 0; i < 4; i++)
		__free_page(pages[i]);
}

/*
 * RAM seen through an uncached alias.  The direct map caches the same
 * frame; QEMU and CPUs that snoop their own caches keep the two views
 * coherent, which is all this test needs.
 */
static void vmalloc_test_ioremap_ram_page(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	volatile u32 *io;
	struct vm_struct *area;
	u32 *kaddr;
	int i, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, page);
	kaddr = page_address(page);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		kaddr[i] = i * 3 + 1;
	io = ioremap(page_to_phys(page) + 256, 512);
	KTEST_ASSERT_NOT_NULL(test, io);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr((void *)io));
	KTEST_EXPECT_EQ(test, (unsigned long)io & ~PAGE_MASK, 256);
	area = find_vm_area((void *)io);
	KTEST_ASSERT_NOT_NULL(test, area);
	KTEST_EXPECT_TRUE(test, area->flags & VM_IOREMAP);
	KTEST_EXPECT_EQ(test, area->phys_addr, page_to_phys(page));
	for (i = 0; i < 128; i++)
		bad += io[i] != kaddr[64 + i];
	KTEST_EXPECT_EQ(test, bad, 0);
	io[5] = 0xdeadbeef;
	KTEST_EXPECT_EQ(test, kaddr[64 + 5], 0xdeadbeef);
	iounmap(io);
	KTEST_EXPECT_NULL(test, find_vm_area((void *)io));
	__free_page(page);
}

static void vmalloc_test_kvmalloc_small_is_kmalloc(struct ktest *test)
{
	void *p = kvmalloc(100, GFP_KERNEL);
	void *z = kvzalloc(3000, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, z);
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(p));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(z));
	KTEST_EXPECT_EQ(test, ((unsigned char *)z)[2999], 0);
	kvfree(p);
	kvfree(z);
}

/* Beyond KMALLOC_MAX_SIZE kmalloc cannot serve: vmalloc must. */
static void vmalloc_test_kvmalloc_large_is_vmalloc(struct ktest *test)
{
	unsigned long size = 2 * KMALLOC_MAX_SIZE;
	unsigned char *p = kvmalloc(size, GFP_KERNEL);
	unsigned char *z = kvzalloc(size, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, z);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(z));
	p[0] = 1;
	p[size - 1] = 2;
	KTEST_EXPECT_EQ(test, p[0] + p[size - 1], 3);
	KTEST_EXPECT_EQ(test, z[size / 2] | z[size - 1], 0);
	kvfree(p);
	kvfree(z);
	/* Without sleeping, vmalloc is not an option. */
	KTEST_EXPECT_NULL(test, kvmalloc(size, GFP_ATOMIC));
	KTEST_EXPECT_NULL(test, kvcalloc(ULONG_MAX / 2, 4, GFP_KERNEL));
}

static void vmalloc_test_bad_vfree_warns(struct ktest *test)
{
	unsigned long warns = warn_count;
	void *k = kmalloc(64, GFP_KERNEL);
	unsigned char *p = vmalloc(2 * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, k);
	KTEST_ASSERT_NOT_NULL(test, p);
	vfree(NULL);
	KTEST_EXPECT_EQ(test, warn_count, warns);
	vfree(k);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	vfree(p + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, warn_count, warns + 2);
	p[2 * PAGE_SIZE - 1] = 7; /* still mapped */
	KTEST_EXPECT_PTR_EQ(test, find_vm_area(p + PAGE_SIZE), find_vm_area(p));
	vfree(p);
	kfree(k);
}

static void vmalloc_test_sizes(struct ktest *test)
{
	unsigned char *p;

	KTEST_EXPECT_NULL(test, vmalloc(0));
	KTEST_EXPECT_NULL(test, vmalloc(ULONG_MAX));
	KTEST_EXPECT_NULL(test, vmalloc((totalram_pages() + 1) << PAGE_SHIFT));
	p = vmalloc(1);
	KTEST_ASSERT_NOT_NULL(test, p);
	p[PAGE_SIZE - 1] = 1; /* a whole page */
	KTEST_EXPECT_EQ(test, find_vm_area(p)->size, 2 * PAGE_SIZE);
	vfree(p);
}

/*
 * Ask for more pages than are free: the allocation fails part way and
 * must give back every page it took.
 */
static void vmalloc_test_failure_unwinds(struct ktest *test)
{
	unsigned long free_before, used_before, nr;
	void *p;

	vfree(vmalloc(PAGE_SIZE));
	free_before = free_pages_drained();
	used_before = vmalloc_nr_pages();
	nr = free_before + 64;
	if (nr > totalram_pages()) {
		ktest_skip(test, "free memory is too close to total memory");
		return;
	}
	p = __vmalloc(nr << PAGE_SHIFT, GFP_KERNEL | __GFP_NOWARN);
	KTEST_EXPECT_NULL(test, p);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used_before);
	KTEST_EXPECT_EQ(test, free_pages_drained(), free_before);
	p = vmalloc(PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(test, p);
	vfree(p);
}

static struct ktest_case vmalloc_test_cases[] = {
	KTEST_CASE(vmalloc_test_large_area_every_page),
	KTEST_CASE(vmalloc_test_vzalloc_zeroed),
	KTEST_CASE(vmalloc_test_to_page_round_trip),
	KTEST_CASE(vmalloc_test_guard_page_faults),
	KTEST_CASE(vmalloc_test_freed_area_faults),
	KTEST_CASE(vmalloc_test_vfree_returns_pages),
	KTEST_CASE(vmalloc_test_address_space_reused),
	KTEST_CASE(vmalloc_test_vmap_shows_pages),
	KTEST_CASE(vmalloc_test_ioremap_ram_page),
	KTEST_CASE(vmalloc_test_kvmalloc_small_is_kmalloc),
	KTEST_CASE(vmalloc_test_kvmalloc_large_is_vmalloc),
	KTEST_CASE(vmalloc_test_bad_vfree_warns),
	KTEST_CASE(vmalloc_test_sizes),
	KTEST_CASE(vmalloc_test_failure_unwinds),
	{}
};

static struct ktest_suite vmalloc_test_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_test_cases,
};
ktest_suite(vmalloc_test_suite);
