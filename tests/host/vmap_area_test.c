/*
 * Host tests for the address-space half of mm/vmalloc.c: the tree of
 * busy vmap areas, augmented with the largest free gap of each subtree.
 *
 * host-test-sources: lib/rbtree.c
 * host-test-cflags: -Iarch/x86/include
 *
 * mm/vmalloc.c is compiled into this file, so its static functions are
 * reachable; the page allocator, slab and page tables are shims.  Only
 * alloc_vmap_area(), free_vmap_area() and the lookups are driven: they
 * never touch a page table.  check_tree() recomputes every cached gap
 * and compares each placement with a first-fit scan of the list.
 */

/* Keep glibc to ISO C, as in rbtree_test.c: its types clash otherwise. */
#define _ISOC11_SOURCE

#include "../../mm/vmalloc.c"

#include "hosttest.h"

/* ---- shims for what vmalloc.c links against ---- */

/*
 * "Physical memory" is NR_PHYS host pages at host_phys_base with their
 * struct pages at host_vmemmap_base, so page tables built by vmalloc.c
 * are real tables that the walks below can follow.
 */
#define NR_PHYS 8192

char *host_phys_base;
unsigned long host_vmemmap_base;
pgd_t init_top_pgt[PTRS_PER_PGD];
u64 __supported_pte_mask = ~0ULL;
unsigned long max_pfn = NR_PHYS;
unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))] = {
	1 /* section 0: all of NR_PHYS */
};
atomic_long_t _totalram_pages = { NR_PHYS };
unsigned long warn_count;

static bool pfn_used[NR_PHYS];
static unsigned long nr_free_phys, nr_table_pages;
static long page_alloc_budget = -1; /* pages until alloc_pages() fails */
static long nr_live_allocs;
static unsigned long nr_flushes, flushed_start, flushed_end;

static void phys_init(void)
{
	host_phys_base = aligned_alloc(PAGE_SIZE, NR_PHYS * PAGE_SIZE);
	host_vmemmap_base = (unsigned long)calloc(NR_PHYS, sizeof(struct page));
	memset(host_phys_base, 0xaa, NR_PHYS * PAGE_SIZE);
	/* pfn 0 stays used: page_address() of it would be the buffer. */
	pfn_used[0] = true;
	nr_free_phys = NR_PHYS - 1;
}

static void phys_exit(void)
{
	free(host_phys_base);
	free((void *)host_vmemmap_base);
}

static unsigned long phys_alloc(void)
{
	unsigned long pfn;

	for (pfn = 1; pfn < NR_PHYS; pfn++) {
		if (!pfn_used[pfn]) {
			pfn_used[pfn] = true;
			nr_free_phys--;
			return pfn;
		}
	}
	return 0;
}

static void phys_free(unsigned long pfn)
{
	HT_ASSERT(pfn && pfn < NR_PHYS && pfn_used[pfn]);
	pfn_used[pfn] = false;
	nr_free_phys++;
}

void *__kmalloc(size_t size, gfp_t flags)
{
	void *p = malloc(size);

	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		nr_live_allocs++;
	return p;
}

void kfree(const void *p)
{
	if (p)
		nr_live_allocs--;
	free((void *)p);
}

void *kvmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

void kvfree(const void *p)
{
	kfree(p);
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	unsigned long pfn = phys_alloc();

	if (!pfn)
		return 0;
	nr_table_pages++;
	memset(__va(PFN_PHYS(pfn)), 0, PAGE_SIZE);
	return (unsigned long)__va(PFN_PHYS(pfn));
}

void free_pages(unsigned long addr, unsigned int order)
{
	nr_table_pages--;
	phys_free(PHYS_PFN(__pa(addr)));
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;
	unsigned long pfn;

	if (page_alloc_budget == 0)
		return NULL;
	if (page_alloc_budget > 0)
		page_alloc_budget--;
	pfn = phys_alloc();
	if (!pfn)
		return NULL;
	page = pfn_to_page(pfn);
	page->flags = 0;
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	HT_EXPECT(!PageVmalloc(page));
	phys_free(page_to_pfn(page));
}

/* Kernel page-table pages vmalloc keeps, as counted for meminfo. */
static long pgtable_pages;

void mod_node_page_state(enum node_stat_item item, long delta)
{
	if (item == NR_PAGETABLE)
		pgtable_pages += delta;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	nr_flushes++;
	flushed_start = start;
	flushed_end = end;
}

void __warn(const char *file, int line, const char *fmt, ...)
{
	warn_count++;
	printf("    # WARN at %s:%d\n", file, line);
}

int printk(const char *fmt, ...)
{
	return 0;
}

void panic(const char *fmt, ...)
{
	printf("    # panic: %s\n", fmt);
	abort();
}

/* ---- helpers ---- */

static u64 rng_state;

static u32 rng(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (u32)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* Reserve @size bytes; returns the start address or 0. */
static unsigned long reserve(unsigned long size, struct vm_struct **vmp)
{
	struct vm_struct *vm = calloc(1, sizeof(*vm));

	if (alloc_vmap_area(vm, size, GFP_KERNEL | __GFP_NOWARN)) {
		free(vm);
		return 0;
	}
	if (vmp)
		*vmp = vm;
	return (unsigned long)vm->addr;
}

static void release(unsigned long addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area(addr);
	spin_unlock(&vmap_area_lock);
	HT_ASSERT(va && va->va_start == addr);
	free(va->vm);
	free_vmap_area(va);
}

/* The lowest gap of @size found by walking the list from the bottom. */
static unsigned long first_fit(unsigned long size)
{
	struct vmap_area *va;

	list_for_each_entry(va, &vmap_area_list, list)
		if (va_gap(va) >= size)
			return va_gap_start(va);
	return 0;
}

static const char *tree_error;

/* Check the subtree under @n; return its largest gap. */
static unsigned long check_subtree(struct rb_node *n, struct rb_node *parent)
{
	struct vmap_area *va;
	unsigned long max, sub;

	if (!n)
		return 0;
	va = va_of(n);
	if (rb_parent(n) != parent)
		tree_error = "bad parent link";
	max = va_gap(va);
	sub = check_subtree(n->rb_left, n);
	if (n->rb_left && va_of(n->rb_left)->va_start >= va->va_start)
		tree_error = "left child not below";
	max = sub > max ? sub : max;
	sub = check_subtree(n->rb_right, n);
	if (n->rb_right && va_of(n->rb_right)->va_start <= va->va_start)
		tree_error = "right child not above";
	max = sub > max ? sub : max;
	if (va->subtree_max_gap != max)
		tree_error = "stale subtree_max_gap";
	return max;
}

/* Tree and list hold the same areas, in order, without overlaps. */
static void check_tree(void)
{
	struct rb_node *n = rb_first(&vmap_area_root);
	struct vmap_area *va;
	unsigned long prev_end = VMALLOC_START;

	tree_error = NULL;
	check_subtree(vmap_area_root.rb_node, NULL);
	list_for_each_entry(va, &vmap_area_list, list) {
		if (!n || va_of(n) != va)
			tree_error = "list and tree disagree";
		if (va->va_start < prev_end || va->va_end < va->va_start)
			tree_error = "areas overlap";
		prev_end = va->va_end;
		n = n ? rb_next(n) : NULL;
	}
	if (n)
		tree_error = "tree has more nodes than the list";
	if (tree_error)
		printf("    # tree: %s\n", tree_error);
	HT_ASSERT(!tree_error);
}

/* ---- cases ---- */

HOST_TEST(vmap_area_first_fits_from_bottom)
{
	unsigned long a, b, c, d;

	a = reserve(3 * PAGE_SIZE, NULL);
	b = reserve(PAGE_SIZE, NULL);
	c = reserve(2 * PAGE_SIZE, NULL);
	HT_EXPECT_EQ(a, VMALLOC_START);
	HT_EXPECT_EQ(b, a + 3 * PAGE_SIZE);
	HT_EXPECT_EQ(c, b + PAGE_SIZE);
	check_tree();

	/* [a: 3][b: 1][c: 2] -> [hole: 3][b][c]; 2 pages fit the hole. */
	release(a);
	d = reserve(2 * PAGE_SIZE, NULL);
	HT_EXPECT_EQ(d, a);
	/* [d: 2][hole: 1][b][c]; 2 more pages only fit above c. */
	a = reserve(2 * PAGE_SIZE, NULL);
	HT_EXPECT_EQ(a, c + 2 * PAGE_SIZE);
	check_tree();
	release(a);
	release(b);
	release(c);
	release(d);
	check_tree();
	HT_EXPECT_EQ(first_fit(PAGE_SIZE), VMALLOC_START);
}

HOST_TEST(vmap_area_freed_neighbours_merge)
{
	unsigned long a, b, c, d;

	a = reserve(PAGE_SIZE, NULL);
	b = reserve(PAGE_SIZE, NULL);
	c = reserve(PAGE_SIZE, NULL);
	d = reserve(PAGE_SIZE, NULL);
	/* Free b then c: one 2-page hole between a and d. */
	release(b);
	release(c);
	check_tree();
	HT_EXPECT_EQ(reserve(2 * PAGE_SIZE, NULL), b);
	release(b);
	release(a);
	release(d);
	check_tree();
}

HOST_TEST(vmap_area_lookup_covers_guard)
{
	struct vm_struct *vm;
	struct vmap_area *va;
	unsigned long a;

	a = reserve(2 * PAGE_SIZE, &vm);
	spin_lock(&vmap_area_lock);
	va = __find_vmap_area(a + 2 * PAGE_SIZE - 1);
	HT_EXPECT(va && va->vm == vm);
	HT_EXPECT(!__find_vmap_area(a + 2 * PAGE_SIZE));
	HT_EXPECT(!__find_vmap_area(VMAP_AREA_END));
	HT_EXPECT(!__find_vmap_area(a - 1));
	spin_unlock(&vmap_area_lock);
	release(a);
}

HOST_TEST(vmap_area_whole_space_once)
{
	unsigned long all = VMAP_AREA_END - VMALLOC_START;
	unsigned long a;

	a = reserve(all, NULL);
	HT_EXPECT_EQ(a, VMALLOC_START);
	HT_EXPECT_EQ(reserve(PAGE_SIZE, NULL), 0);
	check_tree();
	release(a);
	HT_EXPECT_EQ(reserve(all + PAGE_SIZE, NULL), 0);
	a = reserve(PAGE_SIZE, NULL);
	HT_EXPECT_EQ(a, VMALLOC_START);
	release(a);
}

#define NR_SLOTS 300

/*
 * Random reservations and releases; every placement must be the lowest
 * hole that fits, and the tree must stay exact throughout.
 */
HOST_TEST(vmap_area_random_matches_first_fit)
{
	unsigned long addr[NR_SLOTS] = { 0 };
	unsigned long size, want, got, hi = 0;
	int i, op, live = 0;

	rng_state = 0x9e3779b97f4a7c15ULL;
	for (op = 0; op < 20000; op++) {
		i = rng() % NR_SLOTS;
		if (addr[i]) {
			release(addr[i]);
			addr[i] = 0;
			live--;
		} else {
			size = (1 + rng() % 16) * PAGE_SIZE;
			if (rng() % 64 == 0)
				size <<= 10;
			want = first_fit(size);
			got = reserve(size, NULL);
			HT_ASSERT(got == want);
			addr[i] = got;
			live++;
			if (got + size > hi)
				hi = got + size;
		}
		if (op % 97 == 0)
			check_tree();
	}
	check_tree();
	for (i = 0; i < NR_SLOTS; i++)
		if (addr[i])
			release(addr[i]);
	check_tree();
	printf("    # highest end %#lx above VMALLOC_START, %d live at the end\n",
	       hi - VMALLOC_START, live);
	HT_EXPECT_EQ(first_fit(PAGE_SIZE), VMALLOC_START);
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

/* ---- the page tables, through vmalloc() itself ---- */

HOST_TEST(vmalloc_init_fills_the_area_pgd_entries)
{
	unsigned long i, first = pgd_index(VMALLOC_START);
	int nr = 0;

	for (i = 0; i < PTRS_PER_PGD; i++) {
		if (pgd_none(init_top_pgt[i]))
			continue;
		nr++;
		HT_EXPECT(i >= first && i < first + 64);
	}
	HT_EXPECT_EQ(nr, 64);
}

/* Every page of @p is mapped to the area's pages, the guard is not. */
static void check_mapping(const void *p, struct vm_struct *vm)
{
	unsigned long i, nr = vm->nr_pages;

	for (i = 0; i < nr; i++) {
		HT_ASSERT(vmalloc_to_page((const char *)p + i * PAGE_SIZE +
					  i % PAGE_SIZE) == vm->pages[i]);
		HT_EXPECT(PageVmalloc(vm->pages[i]));
	}
	HT_EXPECT(!vmalloc_to_page((const char *)p + nr * PAGE_SIZE));
}

HOST_TEST(vmalloc_maps_pages_in_order)
{
	unsigned long free_before = nr_free_phys;
	unsigned long tables_before = nr_table_pages;
	struct vm_struct *vm;
	char *p;

	/* 600 pages (2.3 MiB) spans two PMD entries: two PTE tables. */
	p = vmalloc(600 * PAGE_SIZE - 100);
	HT_ASSERT(p);
	vm = find_vm_area(p);
	HT_ASSERT(vm && vm->addr == p && vm->nr_pages == 600);
	HT_EXPECT_EQ(vm->size, 601 * PAGE_SIZE);
	HT_EXPECT_EQ(find_vm_area(p + 600 * PAGE_SIZE), vm);
	HT_EXPECT_EQ(vmalloc_nr_pages(), 600);
	check_mapping(p, vm);
	HT_EXPECT_EQ(nr_free_phys,
		     free_before - 600 - (nr_table_pages - tables_before));

	vfree(p);
	HT_EXPECT_EQ(vmalloc_nr_pages(), 0);
	HT_EXPECT_EQ(flushed_start, (unsigned long)p);
	HT_EXPECT_EQ(flushed_end, (unsigned long)p + 600 * PAGE_SIZE);
	HT_EXPECT(!vmalloc_to_page(p));
	HT_EXPECT(!vmalloc_to_page(p + 599 * PAGE_SIZE));
	/* The tables stay; everything else is back. */
	HT_EXPECT_EQ(nr_free_phys,
		     free_before - (nr_table_pages - tables_before));
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

HOST_TEST(vzalloc_zeroes_recycled_pages)
{
	struct vm_struct *vm;
	unsigned long i;
	char *p;

	p = vmalloc(8 * PAGE_SIZE);
	HT_ASSERT(p);
	vm = find_vm_area(p);
	for (i = 0; i < 8; i++)
		memset(page_address(vm->pages[i]), 0x5a, PAGE_SIZE);
	vfree(p);

	p = vzalloc(8 * PAGE_SIZE);
	HT_ASSERT(p);
	vm = find_vm_area(p);
	for (i = 0; i < 8; i++) {
		char *kaddr = page_address(vm->pages[i]);

		HT_EXPECT(kaddr[0] == 0 && kaddr[PAGE_SIZE - 1] == 0);
		HT_EXPECT(!memcmp(kaddr, kaddr + 1, PAGE_SIZE - 1));
	}
	vfree(p);
}

HOST_TEST(vmalloc_failure_gives_everything_back)
{
	unsigned long free_before, tables_before;
	char *p, *q;

	/* Warm up: tables for the low end of the area exist from now on. */
	p = vmalloc(16 * PAGE_SIZE);
	HT_ASSERT(p);
	vfree(p);
	free_before = nr_free_phys;
	tables_before = nr_table_pages;

	page_alloc_budget = 10;
	q = __vmalloc(16 * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	page_alloc_budget = -1;
	HT_EXPECT(!q);
	HT_EXPECT_EQ(nr_free_phys, free_before);
	HT_EXPECT_EQ(nr_table_pages, tables_before);
	HT_EXPECT_EQ(vmalloc_nr_pages(), 0);
	HT_EXPECT_EQ(nr_live_allocs, 0);
	HT_EXPECT(!vmalloc_to_page(p));

	/* And the range is free again. */
	q = vmalloc(16 * PAGE_SIZE);
	HT_EXPECT_EQ(q, p);
	vfree(q);
}

HOST_TEST(vmalloc_rejects_silly_sizes)
{
	HT_EXPECT(!vmalloc(0));
	HT_EXPECT(!vmalloc((NR_PHYS + 1) * PAGE_SIZE));
	HT_EXPECT(!vmalloc(~0UL));
	HT_EXPECT(!get_vm_area(~0UL - 100, VM_IOREMAP));
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

HOST_TEST(vfree_of_a_stranger_warns)
{
	unsigned long warns = warn_count;
	char *p = vmalloc(2 * PAGE_SIZE);

	HT_ASSERT(p);
	vfree(NULL);
	HT_EXPECT_EQ(warn_count, warns);
	vfree(p + PAGE_SIZE);
	HT_EXPECT_EQ(warn_count, warns + 1);
	vfree((void *)(VMAP_AREA_END - PAGE_SIZE));
	HT_EXPECT_EQ(warn_count, warns + 2);
	HT_EXPECT(vmalloc_to_page(p + PAGE_SIZE));
	vfree(p);
	vfree(p);
	HT_EXPECT_EQ(warn_count, warns + 3);
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

HOST_TEST(ioremap_page_range_maps_consecutive_frames)
{
	struct vm_struct *vm = get_vm_area(3 * PAGE_SIZE, VM_IOREMAP);
	unsigned long addr, i;
	pte_t *pte;

	HT_ASSERT(vm);
	addr = (unsigned long)vm->addr;
	HT_EXPECT_EQ(vm->size, 4 * PAGE_SIZE);
	HT_ASSERT(!ioremap_page_range(addr, addr + 3 * PAGE_SIZE, PFN_PHYS(100),
				      PAGE_KERNEL_NOCACHE));
	for (i = 0; i < 3; i++) {
		pte = kernel_pte_lookup(addr + i * PAGE_SIZE);
		HT_ASSERT(pte);
		HT_EXPECT_EQ(pte_pfn(*pte), 100 + i);
		HT_EXPECT(pte_val(*pte) & _PAGE_PCD);
		HT_EXPECT(vmalloc_to_page((void *)(addr + i * PAGE_SIZE)) ==
			  pfn_to_page(100 + i));
	}
	free_vm_area(vm);
	HT_EXPECT(!vmalloc_to_page((void *)addr));
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

HOST_TEST(vmap_shows_the_callers_pages)
{
	struct page *pages[3];
	unsigned long warns = warn_count;
	char *p;
	int i;

	for (i = 0; i < 3; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	p = vmap(pages, 3, 0, PAGE_KERNEL);
	HT_ASSERT(p);
	HT_EXPECT(find_vm_area(p)->flags & VM_MAP);
	for (i = 0; i < 3; i++)
		HT_EXPECT(vmalloc_to_page(p + i * PAGE_SIZE) == pages[i]);
	vunmap(p);
	HT_EXPECT(!vmalloc_to_page(p));
	for (i = 0; i < 3; i++)
		__free_page(pages[i]);

	/* A hole in the array fails the whole vmap(), with a warning. */
	pages[1] = NULL;
	pages[0] = alloc_page(GFP_KERNEL);
	HT_EXPECT(!vmap(pages, 2, 0, PAGE_KERNEL));
	HT_EXPECT_EQ(warn_count, warns + 1);
	__free_page(pages[0]);
	HT_EXPECT_EQ(nr_live_allocs, 0);
}

static const struct host_test host_tests[] = {
	HOST_CASE(vmap_area_first_fits_from_bottom),
	HOST_CASE(vmap_area_freed_neighbours_merge),
	HOST_CASE(vmap_area_lookup_covers_guard),
	HOST_CASE(vmap_area_whole_space_once),
	HOST_CASE(vmap_area_random_matches_first_fit),
	HOST_CASE(vmalloc_init_fills_the_area_pgd_entries),
	HOST_CASE(vmalloc_maps_pages_in_order),
	HOST_CASE(vzalloc_zeroes_recycled_pages),
	HOST_CASE(vmalloc_failure_gives_everything_back),
	HOST_CASE(vmalloc_rejects_silly_sizes),
	HOST_CASE(vfree_of_a_stranger_warns),
	HOST_CASE(ioremap_page_range_maps_consecutive_frames),
	HOST_CASE(vmap_shows_the_callers_pages),
};

int main(void)
{
	int ret;

	phys_init();
	vmalloc_init();
	ret = host_test_main(host_tests, ARRAY_SIZE(host_tests));
	phys_exit();
	return ret;
}
