/*
 * vmalloc: virtually contiguous kernel memory (seeds 000 and 002).
 *
 * The buddy allocator hands out physically contiguous blocks, which get
 * scarce as memory fragments.  vmalloc() instead takes order-0 pages
 * from wherever they are and maps them side by side in the vmalloc area
 * [VMALLOC_START, VMALLOC_END) of the kernel page tables, so only the
 * CPU sees the memory as contiguous.  vmap() does the same with pages
 * the caller already has, ioremap() with physical device memory.
 *
 * Three layers, bottom up:
 *
 *  - The address space.  Every busy range is a struct vmap_area, kept
 *    both on a list and in a red-black tree sorted by address.  The free
 *    space is never stored: the gap of an area is the hole between the
 *    end of the area before it and its own start, and each tree node
 *    caches the largest gap in its subtree (subtree_max_gap).  Finding
 *    the lowest hole of at least N bytes is then one walk from the root,
 *    O(log n): go left while the left subtree has such a gap, else take
 *    this node's own gap, else go right.  A zero-length sentinel area at
 *    the top of the range turns the space after the last area into an
 *    ordinary gap.  vmap_area_lock guards the tree and the list.
 *
 *  - The page tables.  vmap_range() fills PTEs, allocating the PMD and
 *    PTE tables it lacks; vunmap_range() clears them and flushes the
 *    TLB.  Tables are kept once allocated.  The PGD entries of the whole
 *    area are populated at boot (vmalloc_init()), see there for why.
 *
 *  - struct vm_struct: what was mapped, and how.  Each one owns a
 *    vmap_area one guard page longer than the mapping (unless
 *    VM_NO_GUARD), so running off the end of a vmalloc() buffer faults
 *    instead of scribbling over the next one.
 *
 * A mapping is removed before its range is given back: remove_vm_area()
 * first detaches the vm_struct under the lock (so a second vfree() of it
 * finds nothing), then unmaps and flushes, and only then erases the
 * vmap_area, whose range another CPU may take at once.
 */
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/*
 * VMALLOC_END is the last byte of the area, as in Linux; areas are
 * handed out below the last page boundary.
 */
#define VMAP_AREA_END (VMALLOC_END & PAGE_MASK)

/* What the bookkeeping allocations keep of a caller's gfp. */
#define GFP_RECLAIM_MASK                                                       \
	(__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | __GFP_NOWARN |     \
	 __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | __GFP_NORETRY | __GFP_MEMALLOC | \
	 __GFP_NOMEMALLOC)

static DEFINE_SPINLOCK(vmap_area_lock);
static struct rb_root vmap_area_root = RB_ROOT;
static LIST_HEAD(vmap_area_list);
static struct vmap_area vmap_area_sentinel;

/* Serialises linking new PMD/PTE tables into the kernel page tables. */
static DEFINE_SPINLOCK(kernel_pgtable_lock);

static atomic_long_t nr_vmalloc_pages;

/* ---- the address space: busy areas and the gaps between them ---- */

static unsigned long va_gap_start(const struct vmap_area *va)
{
	if (list_is_first(&va->list, &vmap_area_list))
		return VMALLOC_START;
	return list_prev_entry(va, list)->va_end;
}

static unsigned long va_gap(const struct vmap_area *va)
{
	return va->va_start - va_gap_start(va);
}

RB_DECLARE_CALLBACKS_MAX(static, vmap_gap_callbacks, struct vmap_area, rb_node,
			 unsigned long, subtree_max_gap, va_gap);

static struct vmap_area *va_of(struct rb_node *n)
{
	return rb_entry(n, struct vmap_area, rb_node);
}

/*
 * The lowest area with a gap of at least @size before it.  Only a
 * subtree whose subtree_max_gap fits is ever entered, so when neither
 * the left subtree nor the node itself fits, the right subtree must.
 */
static struct vmap_area *find_lowest_gap(unsigned long size)
{
	struct rb_node *n = vmap_area_root.rb_node;

	WARN_ON_ONCE(!spin_is_locked(&vmap_area_lock));
	if (!n || va_of(n)->subtree_max_gap < size)
		return NULL;
	while (n) {
		if (n->rb_left && va_of(n->rb_left)->subtree_max_gap >= size)
			n = n->rb_left;
		else if (va_gap(va_of(n)) >= size)
			return va_of(n);
		else
			n = n->rb_right;
	}
	return NULL;
}

/* The area holding @addr, guard page included; none holds the sentinel. */
static struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	WARN_ON_ONCE(!spin_is_locked(&vmap_area_lock));
	while (n) {
		struct vmap_area *va = va_of(n);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

/*
 * Insert @va, which lies in the gap just below @next.  A new node is
 * linked as a leaf, and the in-order successor of a leaf is one of its
 * ancestors, so @next is on the path to the root.  Two values changed:
 * @va's own gap (propagated from its parent) and @next's, which shrank
 * (propagated from @next); each propagation stops where nothing changes.
 */
static void insert_vmap_area(struct vmap_area *va, struct vmap_area *next)
{
	struct rb_node **link = &vmap_area_root.rb_node, *parent = NULL;

	list_add_tail(&va->list, &next->list);
	while (*link) {
		parent = *link;
		if (va->va_start < va_of(parent)->va_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&va->rb_node, parent, link);
	va->subtree_max_gap = va_gap(va);
	vmap_gap_callbacks_propagate(parent, NULL);
	vmap_gap_callbacks_propagate(&next->rb_node, NULL);
	rb_insert_augmented(&va->rb_node, &vmap_area_root, &vmap_gap_callbacks);
}

/*
 * The tree is rebalanced while @va is still on the list, so every gap
 * it recomputes is the old one; then @va's gap and range fold into the
 * gap of the area after it (there is one: the sentinel is never erased).
 */
static void unlink_vmap_area(struct vmap_area *va)
{
	struct vmap_area *next = list_next_entry(va, list);

	rb_erase_augmented(&va->rb_node, &vmap_area_root, &vmap_gap_callbacks);
	list_del(&va->list);
	vmap_gap_callbacks_propagate(&next->rb_node, NULL);
}

/*
 * Reserve @size bytes at the lowest address that has room and tie them
 * to @vm, whose addr and size are set before anyone can look it up.
 */
static int alloc_vmap_area(struct vm_struct *vm, unsigned long size, gfp_t gfp)
{
	struct vmap_area *va, *next;

	va = kmalloc(sizeof(*va), gfp & GFP_RECLAIM_MASK);
	if (!va)
		return -ENOMEM;

	spin_lock(&vmap_area_lock);
	next = find_lowest_gap(size);
	if (!next)
		goto err_unlock;
	va->va_start = va_gap_start(next);
	va->va_end = va->va_start + size;
	va->vm = vm;
	vm->addr = (void *)va->va_start;
	vm->size = size;
	insert_vmap_area(va, next);
	spin_unlock(&vmap_area_lock);
	return 0;

err_unlock:
	spin_unlock(&vmap_area_lock);
	kfree(va);
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmap: no room for %lu bytes in the vmalloc area\n",
			size);
	return -ENOMEM;
}

static void free_vmap_area(struct vmap_area *va)
{
	spin_lock(&vmap_area_lock);
	unlink_vmap_area(va);
	spin_unlock(&vmap_area_lock);
	kfree(va);
}

/* ---- the page tables ---- */

/*
 * Where the entry covering @addr at a level of @size bytes stops, or
 * @end if sooner.  Comparing with one subtracted stays right when the
 * boundary wraps to 0 at the top of the address space.
 */
static unsigned long level_addr_end(unsigned long addr, unsigned long end,
				    unsigned long size)
{
	unsigned long boundary = (addr + size) & ~(size - 1);

	return boundary - 1 < end - 1 ? boundary : end;
}

/*
 * Make sure the PUD or PMD entry @entry points at a lower table (both
 * kinds hold the table's physical address with _KERNPG_TABLE).  The
 * page is allocated (which may sleep) before the lock is taken; if
 * another CPU linked one meanwhile, ours goes back.  Returns 0 or
 * -ENOMEM.
 */
static int vmap_table_link(u64 *entry)
{
	unsigned long table;

	if (READ_ONCE(*entry))
		return 0;
	table = get_zeroed_page(GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	spin_lock(&kernel_pgtable_lock);
	if (!*entry) {
		WRITE_ONCE(*entry, __pa(table) | _KERNPG_TABLE);
		table = 0;
	}
	spin_unlock(&kernel_pgtable_lock);
	if (table)
		free_page(table);
	else
		mod_node_page_state(NR_PAGETABLE, 1); /* kept for good */
	return 0;
}

static pmd_t *vmap_pmd_alloc(pud_t *pud, unsigned long addr)
{
	return vmap_table_link(&pud->pud) ? NULL : pmd_offset(pud, addr);
}

static pte_t *vmap_pte_alloc(pmd_t *pmd, unsigned long addr)
{
	return vmap_table_link(&pmd->pmd) ? NULL : pte_offset_kernel(pmd, addr);
}

/*
 * What vmap_range() maps: page i of the range shows pages[i], or, with
 * no pages array, the physical frame pfn + i.
 */
struct vmap_src {
	unsigned long start;
	struct page **pages;
	unsigned long pfn;
	pgprot_t prot;
};

/*
 * Going from not-present to present needs no TLB flush: x86 never
 * caches a translation that was not present.
 */
static int vmap_one_pte(pte_t *pte, unsigned long addr,
			const struct vmap_src *src)
{
	unsigned long i = (addr - src->start) >> PAGE_SHIFT;
	unsigned long pfn = src->pfn + i;

	if (src->pages) {
		if (WARN_ON_ONCE(!src->pages[i]))
			return -ENOMEM;
		pfn = page_to_pfn(src->pages[i]);
	}
	if (WARN_ON_ONCE(!pte_none(*pte)))
		return -EBUSY;
	set_pte(pte, pfn_pte(pfn, src->prot));
	return 0;
}

static int vmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  const struct vmap_src *src)
{
	pte_t *pte = vmap_pte_alloc(pmd, addr);
	int err;

	if (!pte)
		return -ENOMEM;
	do {
		err = vmap_one_pte(pte, addr, src);
		if (err)
			return err;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

static int vmap_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  const struct vmap_src *src)
{
	pmd_t *pmd = vmap_pmd_alloc(pud, addr);
	unsigned long next;
	int err;

	if (!pmd)
		return -ENOMEM;
	do {
		next = level_addr_end(addr, end, PMD_SIZE);
		err = vmap_pte_range(pmd, addr, next, src);
		if (err)
			return err;
	} while (pmd++, addr = next, addr != end);
	return 0;
}

static int vmap_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  const struct vmap_src *src)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;
	int err;

	do {
		next = level_addr_end(addr, end, PUD_SIZE);
		err = vmap_pmd_range(pud, addr, next, src);
		if (err)
			return err;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/*
 * A missing PGD entry is not filled in here: it would appear in
 * init_top_pgt alone and not in the address spaces already copied from
 * it (see vmalloc_init()).
 */
static int vmap_range(unsigned long addr, unsigned long end,
		      const struct vmap_src *src)
{
	pgd_t *pgd = pgd_offset_k(addr);
	unsigned long next;
	int err;

	if (WARN_ON_ONCE(!IS_ALIGNED(addr, PAGE_SIZE) ||
			 !IS_ALIGNED(end, PAGE_SIZE) || addr >= end))
		return -EINVAL;
	do {
		next = level_addr_end(addr, end, PGDIR_SIZE);
		if (WARN_ON_ONCE(pgd_none(*pgd)))
			return -EINVAL;
		err = vmap_pud_range(pgd, addr, next, src);
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/**
 * vmap_pages_range - map an array of pages into the kernel page tables
 * @addr: page-aligned start of the range, normally in the vmalloc area
 * @end: page-aligned end of the range
 * @prot: protection of the new entries (PAGE_KERNEL for memory)
 * @pages: (@end - @addr) / PAGE_SIZE pages, mapped in order
 *
 * The range must be unmapped and its PGD entries present.  May sleep
 * (page-table pages are allocated with GFP_KERNEL).  On failure part of
 * the range may be mapped; the caller unmaps it (freeing the range's
 * vm_struct does).
 *
 * Return: 0, -ENOMEM (no memory for a table), -EBUSY (an entry was
 * already present) or -EINVAL (bad range).
 */
int vmap_pages_range(unsigned long addr, unsigned long end, pgprot_t prot,
		     struct page **pages)
{
	struct vmap_src src = { .start = addr, .pages = pages, .prot = prot };

	return vmap_range(addr, end, &src);
}

/**
 * ioremap_page_range - map physically contiguous memory into the kernel
 * @addr: page-aligned start of the virtual range
 * @end: page-aligned end of the virtual range
 * @phys_addr: page-aligned physical address that @addr is to show
 * @prot: protection and caching of the new entries
 *
 * Like vmap_pages_range(), with consecutive frames instead of pages:
 * may sleep, leaves partial mappings behind on failure.
 *
 * Return: 0 or a negative errno as for vmap_pages_range().
 */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	struct vmap_src src = {
		.start = addr,
		.pfn = PHYS_PFN(phys_addr),
		.prot = prot,
	};

	if (WARN_ON_ONCE(!IS_ALIGNED(phys_addr, PAGE_SIZE)))
		return -EINVAL;
	return vmap_range(addr, end, &src);
}

static void vunmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		pte_clear(pte);
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

static void vunmap_pmd_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = level_addr_end(addr, end, PMD_SIZE);
		if (!pmd_none(*pmd))
			vunmap_pte_range(pmd, addr, next);
	} while (pmd++, addr = next, addr != end);
}

static void vunmap_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = level_addr_end(addr, end, PUD_SIZE);
		if (!pud_none(*pud))
			vunmap_pmd_range(pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/**
 * vunmap_range - unmap a range of kernel virtual addresses
 * @addr: page-aligned start
 * @end: page-aligned end
 *
 * Clears every PTE in the range (holes are skipped) and flushes the
 * TLB for it.  The page-table pages stay.  Neither the mapped pages nor
 * the range itself are freed.  Must not race with a mapping of the same
 * range; may be called with spinlocks held.
 */
void vunmap_range(unsigned long addr, unsigned long end)
{
	unsigned long start = addr, next;
	pgd_t *pgd = pgd_offset_k(addr);

	if (WARN_ON_ONCE(!IS_ALIGNED(addr, PAGE_SIZE) ||
			 !IS_ALIGNED(end, PAGE_SIZE) || addr >= end))
		return;
	do {
		next = level_addr_end(addr, end, PGDIR_SIZE);
		if (!pgd_none(*pgd))
			vunmap_pud_range(pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
	flush_tlb_kernel_range(start, end);
}

/* The PTE mapping @addr, or NULL if a level above is empty or huge. */
static pte_t *kernel_pte_lookup(unsigned long addr)
{
	unsigned int level;

	return lookup_address(addr, &level);
}

/**
 * vmalloc_to_page - the page mapped at a vmalloc or vmap address
 * @addr: any address inside the page
 *
 * Walks the kernel page tables; any context.
 *
 * Return: the struct page, or NULL when @addr is not mapped (a guard
 * page, a hole) or maps a frame with no struct page (ioremap of MMIO).
 */
struct page *vmalloc_to_page(const void *addr)
{
	pte_t *pte = kernel_pte_lookup((unsigned long)addr);
	unsigned long pfn;

	if (!pte || !pte_present(*pte))
		return NULL;
	pfn = pte_pfn(*pte);
	return pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

/* ---- vm_struct: what is mapped in an area ---- */

/* The mapped part of @vm: its size without the guard page. */
static unsigned long get_vm_area_size(const struct vm_struct *vm)
{
	if (vm->flags & VM_NO_GUARD)
		return vm->size;
	return vm->size - PAGE_SIZE;
}

static struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				       gfp_t gfp, const void *caller)
{
	struct vm_struct *area;

	if (!size || size > VMAP_AREA_END - VMALLOC_START)
		return NULL;
	size = PAGE_ALIGN(size);
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;

	area = kzalloc(sizeof(*area), gfp & GFP_RECLAIM_MASK);
	if (!area)
		return NULL;
	area->flags = flags;
	area->caller = caller;
	if (alloc_vmap_area(area, size, gfp)) {
		kfree(area);
		return NULL;
	}
	return area;
}

/**
 * get_vm_area_caller - reserve a range of the vmalloc area
 * @size: bytes wanted; rounded up to whole pages
 * @flags: VM_* flags of the area (VM_NO_GUARD: no guard page)
 * @caller: who asked, for reports (usually __builtin_return_address(0))
 *
 * Reserves the lowest free range of @size bytes plus a guard page;
 * nothing is mapped.  May sleep.
 *
 * Return: the new area, with addr and size (guard included) set, or
 * NULL when @size is 0 or no memory or address space is left.
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area(size, flags, GFP_KERNEL, caller);
}

/**
 * get_vm_area - reserve a range of the vmalloc area
 * @size: bytes wanted; rounded up to whole pages
 * @flags: VM_* flags of the area
 *
 * get_vm_area_caller() with the caller's return address.  May sleep.
 *
 * Return: the new area, or NULL.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, flags, GFP_KERNEL,
			     __builtin_return_address(0));
}

/**
 * find_vm_area - the area holding an address
 * @addr: any address of the area, its guard page included
 *
 * Any context but interrupts (takes vmap_area_lock).  The result is only
 * stable while its owner keeps the area.
 *
 * Return: the area, or NULL if none holds @addr or it is being freed.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (va)
		vm = va->vm;
	spin_unlock(&vmap_area_lock);
	return vm;
}

/*
 * Take the area starting at @addr away from everybody, unmap it and
 * give its range back.  Returns its vm_struct for the caller to free,
 * or NULL if no area starts at @addr (or another CPU is removing it).
 */
static struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (va && va->va_start == (unsigned long)addr) {
		vm = va->vm;
		va->vm = NULL;
	}
	spin_unlock(&vmap_area_lock);
	if (!vm)
		return NULL;

	vunmap_range(va->va_start, va->va_start + get_vm_area_size(vm));
	free_vmap_area(va);
	return vm;
}

/**
 * free_vm_area - unmap and release an area from get_vm_area()
 * @area: the area
 *
 * Whatever is mapped there is unmapped, not freed.  May sleep.
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *vm = remove_vm_area(area->addr);

	WARN_ON(vm != area);
	kfree(area);
}

/* ---- vmalloc, vfree, vmap, vunmap ---- */

/*
 * Fill @area->pages one page at a time; on failure the pages got so far
 * stay counted in nr_pages for vfree() to give back.
 */
static int vm_area_alloc_pages(struct vm_struct *area, gfp_t gfp)
{
	unsigned long nr = get_vm_area_size(area) >> PAGE_SHIFT;
	struct page *page;

	area->pages =
		kvmalloc(nr * sizeof(*area->pages), gfp & GFP_RECLAIM_MASK);
	if (!area->pages)
		return -ENOMEM;
	while (area->nr_pages < nr) {
		page = alloc_page((gfp & ~__GFP_COMP) | __GFP_NOWARN);
		if (!page)
			break;
		__SetPageVmalloc(page);
		area->pages[area->nr_pages++] = page;
	}
	atomic_long_add(area->nr_pages, &nr_vmalloc_pages);
	return area->nr_pages == nr ? 0 : -ENOMEM;
}

static void vm_area_free_pages(struct vm_struct *area)
{
	unsigned int i;

	for (i = 0; i < area->nr_pages; i++) {
		__ClearPageVmalloc(area->pages[i]);
		__free_page(area->pages[i]);
	}
	atomic_long_sub(area->nr_pages, &nr_vmalloc_pages);
	kvfree(area->pages);
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp, const void *caller)
{
	struct vm_struct *area;
	unsigned long addr;

	if (!size || (size >> PAGE_SHIFT) > totalram_pages())
		return NULL;
	area = __get_vm_area(size, VM_ALLOC, gfp, caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;

	if (vm_area_alloc_pages(area, gfp))
		goto err_free_area;
	if (vmap_pages_range(addr, addr + get_vm_area_size(area), PAGE_KERNEL,
			     area->pages))
		goto err_free_area;
	return area->addr;

err_free_area:
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc: allocation of %lu bytes failed\n", size);
	vfree(area->addr);
	return NULL;
}

/**
 * __vmalloc - allocate virtually contiguous memory
 * @size: bytes wanted; rounded up to whole pages
 * @gfp: flags for the page allocator (__GFP_ZERO zeroes the memory,
 *	__GFP_NOWARN silences the failure report)
 *
 * Allocates order-0 pages and maps them side by side, followed by an
 * unmapped guard page.  May sleep: the page tables are extended with
 * GFP_KERNEL whatever @gfp says.  A failure part way gives back
 * everything taken so far.
 *
 * Return: the start of the memory, page-aligned, or NULL (also for
 * @size 0).
 */
void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_caller(size, gfp, __builtin_return_address(0));
}

/**
 * vmalloc - allocate virtually contiguous memory
 * @size: bytes wanted
 *
 * __vmalloc(@size, GFP_KERNEL).  May sleep.
 *
 * Return: the memory (uninitialised), or NULL.
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, __builtin_return_address(0));
}

/**
 * vzalloc - allocate zeroed virtually contiguous memory
 * @size: bytes wanted
 *
 * May sleep.
 *
 * Return: the memory, zeroed, or NULL.
 */
void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO,
				__builtin_return_address(0));
}

/**
 * vfree - release memory from vmalloc()
 * @addr: what vmalloc() returned; NULL does nothing
 *
 * Unmaps the area, flushes the TLB for it and frees its pages.  Any
 * address that did not come from vmalloc() (or vmap()) only WARNs.
 * May sleep; not from interrupt context.
 */
void vfree(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = remove_vm_area(addr);
	if (WARN(!vm, "vfree: no vmalloc area starts at %p\n", addr))
		return;
	vm_area_free_pages(vm);
	kfree(vm);
}

/**
 * vmap - map an array of pages virtually contiguously
 * @pages: the pages; the caller keeps them and must free them itself
 * @count: how many
 * @flags: VM_* flags for the area (VM_MAP is added)
 * @prot: protection of the mapping (PAGE_KERNEL for memory)
 *
 * May sleep.
 *
 * Return: the address of the first page, or NULL.
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *area;
	unsigned long addr, size;

	if (!count || count > totalram_pages())
		return NULL;
	size = (unsigned long)count << PAGE_SHIFT;
	area = __get_vm_area(size, flags | VM_MAP, GFP_KERNEL,
			     __builtin_return_address(0));
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	if (vmap_pages_range(addr, addr + size, prot, pages)) {
		free_vm_area(area);
		return NULL;
	}
	return area->addr;
}

/**
 * vunmap - undo vmap()
 * @addr: what vmap() returned; NULL does nothing
 *
 * Unmaps the pages and releases the range; the pages are not freed.
 * May sleep.
 */
void vunmap(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = remove_vm_area(addr);
	if (WARN(!vm, "vunmap: no vmap area starts at %p\n", addr))
		return;
	kfree(vm);
}

/**
 * vmalloc_nr_pages - pages currently allocated by vmalloc()
 *
 * Any context.
 *
 * Return: the count ("VmallocUsed" in meminfo, in pages).
 */
unsigned long vmalloc_nr_pages(void)
{
	return atomic_long_read(&nr_vmalloc_pages);
}

/* ---- boot ---- */

/*
 * Every address space gets the kernel half of its PGD copied from
 * init_top_pgt when it is created.  If vmalloc later filled an empty
 * PGD entry, only init_top_pgt would see it and the other address
 * spaces would fault on the new area.  So all PGD entries of the area
 * (32 TiB / 512 GiB = 64) point at PUD tables from the start: the PUD
 * pages are shared by every copy, and whatever is linked below them is
 * seen everywhere at once.  This must run before the first copy.
 */
static void __init vmalloc_populate_pgd(void)
{
	unsigned long addr;

	for (addr = VMALLOC_START; addr < VMAP_AREA_END; addr += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_k(addr);
		pud_t *pud;

		if (!pgd_none(*pgd))
			continue;
		pud = (pud_t *)get_zeroed_page(GFP_KERNEL);
		if (!pud)
			panic("vmalloc: no memory for the PUD tables");
		pgd_populate(pgd, pud);
		mod_node_page_state(NR_PAGETABLE, 1);
	}
}

/**
 * vmalloc_init - make the vmalloc area usable
 *
 * Boot only, from mm_core_init() once kmalloc works; before any other
 * address space copies init_top_pgt.  Panics without memory for the
 * area's PUD tables.
 */
void __init vmalloc_init(void)
{
	struct vmap_area *top = &vmap_area_sentinel;

	BUILD_BUG_ON(!IS_ALIGNED(VMALLOC_START, PGDIR_SIZE));
	vmalloc_populate_pgd();

	top->va_start = VMAP_AREA_END;
	top->va_end = VMAP_AREA_END;
	spin_lock(&vmap_area_lock);
	list_add(&top->list, &vmap_area_list);
	rb_link_node(&top->rb_node, NULL, &vmap_area_root.rb_node);
	top->subtree_max_gap = va_gap(top);
	rb_insert_augmented(&top->rb_node, &vmap_area_root,
			    &vmap_gap_callbacks);
	spin_unlock(&vmap_area_lock);
}
