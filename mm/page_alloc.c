/*
 * The page allocator: a binary buddy system per zone (seed 000).
 *
 * Each zone keeps MAX_ORDER free lists; list n holds blocks of 2^n
 * contiguous pages whose first pfn is a multiple of 2^n.  The head
 * page of a free block has PG_buddy set and its order in
 * page->private; the other pages of the block are not looked at.
 *
 *   alloc: take the smallest free block that is big enough and split
 *          it, putting the unused halves back one order lower each
 *          (expand);
 *   free:  while the block's buddy (pfn ^ 2^order) is free and of the
 *          same order, take it off its list and merge the two
 *          (__free_one_page).
 *
 * In front of the buddy lists sits one list of order-0 pages per CPU
 * and zone (struct per_cpu_pages): single pages, most of what the
 * kernel asks for, come and go there with interrupts off and no zone
 * lock, and move to and from the buddy lists @batch at a time.
 *
 * An allocation picks the highest zone its gfp flags allow and falls
 * back to lower ones (Normal -> DMA32 -> DMA).  Each zone keeps some
 * pages back: below its watermarks only urgent allocations succeed,
 * and lowmem_reserve[] protects the small low zones from allocations
 * that could have been satisfied higher up.  There is no reclaim yet,
 * so when every zone is at its limit the allocation fails: NULL and,
 * unless __GFP_NOWARN, Linux's "page allocation failure" report.
 *
 * Locks: zone->lock (irqs off) guards the free lists; a pcp list is
 * its CPU's, used with irqs off under pcp->lock, which is only
 * contended by drain_all_pages(); pcp->lock nests outside zone->lock.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/current.h>
#include "internal.h"

struct pglist_data contig_page_data = {
	.node_zones = {
		[ZONE_DMA] = { .name = "DMA", .zone_pgdat = &contig_page_data },
		[ZONE_DMA32] = { .name = "DMA32",
				 .zone_pgdat = &contig_page_data },
		[ZONE_NORMAL] = { .name = "Normal",
				  .zone_pgdat = &contig_page_data },
	},
	.nr_zones = MAX_NR_ZONES,
};

atomic_long_t _totalram_pages;
unsigned long totalreserve_pages;

/* Linux's defaults: vm.min_free_kbytes is derived, the others fixed. */
static unsigned long min_free_kbytes;
static const unsigned long lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256,
	[ZONE_DMA32] = 256,
	[ZONE_NORMAL] = 32,
};
#define WATERMARK_SCALE_FACTOR 10 /* in 1/10000 of the zone */

/* How hard an allocation may dig (Linux's ALLOC_* flags). */
#define ALLOC_WMARK_MIN WMARK_MIN
#define ALLOC_WMARK_LOW WMARK_LOW
#define ALLOC_WMARK_HIGH WMARK_HIGH
#define ALLOC_NO_WATERMARKS 0x04
#define ALLOC_WMARK_MASK (ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER 0x10 /* __GFP_ATOMIC: a quarter below min */
#define ALLOC_HIGH 0x20 /* __GFP_HIGH: half below min */

/* Flags a page must not carry when it is freed (Linux's list). */
#define PAGE_FLAGS_CHECK_AT_FREE                                   \
	(1UL << PG_locked | 1UL << PG_lru | 1UL << PG_active |     \
	 1UL << PG_slab | 1UL << PG_reserved | 1UL << PG_private | \
	 1UL << PG_writeback | 1UL << PG_buddy | 1UL << PG_head)
/* All page flags; the zone number above them stays. */
#define PAGE_FLAGS_MASK ((1UL << NR_PAGEFLAGS) - 1)

static const char *const pageflag_names[NR_PAGEFLAGS] = {
	[PG_locked] = "locked",	    [PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate", [PG_dirty] = "dirty",
	[PG_lru] = "lru",	    [PG_active] = "active",
	[PG_slab] = "slab",	    [PG_reserved] = "reserved",
	[PG_private] = "private",   [PG_writeback] = "writeback",
	[PG_head] = "head",	    [PG_buddy] = "buddy",
	[PG_vmalloc] = "vmalloc",
};

static unsigned int zone_index(const struct zone *zone)
{
	return zone - contig_page_data.node_zones;
}

/* --- Reports ----------------------------------------------------------- */

static void dump_page(struct page *page, const char *reason)
{
	char names[128];
	size_t len = 0;
	int bit;

	for (bit = 0; bit < NR_PAGEFLAGS; bit++)
		if (page->flags & (1UL << bit))
			len += scnprintf(names + len, sizeof(names) - len,
					 "%s|", pageflag_names[bit]);
	scnprintf(names + len, sizeof(names) - len, "zone=%d",
		  page_zonenum(page));
	pr_alert(
		"page:%px refcount:%d mapcount:%d mapping:%px index:%#lx pfn:%#lx\n",
		page, page_ref_count(page), page_mapcount(page), page->mapping,
		page->index, page_to_pfn(page));
	pr_alert("flags: %#lx(%s)\n", page->flags, names);
	pr_alert("page dumped because: %s\n", reason);
}

/*
 * A page in a state it must never be in here: say so and leave it
 * alone.  The caller drops it (it is never put on a list), so a double
 * free or a corrupted struct page costs a page, not the free lists.
 */
static void bad_page(struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 current->comm, page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
}

/* The reason @page may not be freed into the buddy lists, or NULL. */
static const char *page_bad_reason(const struct page *page)
{
	if (page->flags & (1UL << PG_buddy))
		return "freeing a free page (PG_buddy set)";
	if (page->flags & (1UL << PG_slab))
		return "freeing a slab page (PG_slab set)";
	if (page->flags & PAGE_FLAGS_CHECK_AT_FREE)
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	if (page_ref_count(page) != 0)
		return "nonzero _refcount";
	if (page_mapcount(page) != 0)
		return "nonzero mapcount";
	return NULL;
}

/* --- The buddy lists (zone->lock held) -------------------------------- */

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	page->private = order;
	__SetPageBuddy(page);
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * May the free block of @order at @pfn merge with the one at
 * @buddy_pfn?  Only if that one is a free block of the same order in
 * the same zone: a hole has no struct page (pfn_valid) or a reserved
 * one, and blocks never merge across a zone boundary.
 */
static bool page_is_buddy(struct zone *zone, unsigned long buddy_pfn,
			  unsigned int order)
{
	struct page *buddy;

	if (!pfn_valid(buddy_pfn))
		return false;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && buddy->private == order &&
	       page_zonenum(buddy) == zone_index(zone);
}

/*
 * __free_one_page - put a block on the free lists, merging it with its
 * buddies as far as they are free.
 *
 * Paths in: free_one_page() (order > 0, or no pcp list yet: boot and
 * free_reserved_area()) and free_pcppages_bulk() (order 0, a pcp list
 * past its high mark or being drained).  Both hold zone->lock.
 *
 * At each order the buddy differs from the block in bit @order of the
 * pfn alone; the merged block starts at the lower of the two, which
 * is the pfn with that bit cleared:
 *
 *   order 0: [8][9]        9 = 8 ^ 1, free   -> block 8, order 1
 *   order 1: [8 9][10 11]  10 = 8 ^ 2, free  -> block 8, order 2
 *   order 2: [4..7][8..11] 4 = 8 ^ 4, in use -> stop, list 2 gets 8
 */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	unsigned long buddy_pfn;

	WARN_ON_ONCE(!spin_is_locked(&zone->lock));
	mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	while (order < MAX_ORDER - 1) {
		buddy_pfn = __find_buddy_pfn(pfn, order);
		if (!page_is_buddy(zone, buddy_pfn, order))
			break;
		del_page_from_free_list(pfn_to_page(buddy_pfn), zone, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), zone, order);
}

/*
 * Split a block of order @high down to order @low: the upper half goes
 * back on the free list one order lower, until the lower half has the
 * size asked for.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
	}
}

/* The smallest free block of at least @order, cut down to @order. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	struct page *page;
	unsigned int o;

	WARN_ON_ONCE(!spin_is_locked(&zone->lock));
	for (o = order; o < MAX_ORDER; o++) {
		page = list_first_entry_or_null(&zone->free_area[o].free_list,
						struct page, lru);
		if (!page)
			continue;
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
		return page;
	}
	return NULL;
}

static struct page *rmqueue_buddy(struct zone *zone, unsigned int order)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static void free_one_page(struct zone *zone, struct page *page,
			  unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* --- Per-CPU page lists (irqs off, pcp->lock held) -------------------- */

/* Every CPU's list of a zone gets the same high and batch. */
static bool zone_pcp_enabled(const struct zone *zone)
{
	return READ_ONCE(zone->pcp[0].high) > 0;
}

/* Move up to @count order-0 pages from the buddy lists onto @list. */
static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list)
{
	struct page *page;
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		page = __rmqueue_smallest(zone, 0);
		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	spin_unlock(&zone->lock);
	return i;
}

/* Give the @count coldest pages of @pcp back to the buddy lists. */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp)
{
	struct page *page;

	spin_lock(&zone->lock);
	while (count-- > 0 && !list_empty(&pcp->list)) {
		page = list_last_entry(&pcp->list, struct page, lru);
		list_del(&page->lru);
		pcp->count--;
		__free_one_page(page, page_to_pfn(page), zone, 0);
	}
	spin_unlock(&zone->lock);
}

static struct page *rmqueue_pcplist(struct zone *zone)
{
	struct per_cpu_pages *pcp;
	struct page *page;
	unsigned long flags;

	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	spin_lock(&pcp->lock);
	if (list_empty(&pcp->list)) {
		pcp->count += rmqueue_bulk(zone, pcp->batch, &pcp->list);
		count_vm_event(PCP_REFILL);
	}
	page = list_first_entry_or_null(&pcp->list, struct page, lru);
	if (page) {
		list_del(&page->lru);
		pcp->count--;
	}
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
	return page;
}

/* Free an order-0 page onto this CPU's list; drain a batch when full. */
static void free_unref_page(struct zone *zone, struct page *page)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;

	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	spin_lock(&pcp->lock);
	list_add(&page->lru, &pcp->list);
	if (++pcp->count >= pcp->high) {
		free_pcppages_bulk(zone, pcp->batch, pcp);
		count_vm_event(PCP_DRAIN);
	}
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
}

static void drain_zone_pages(struct zone *zone, int cpu)
{
	struct per_cpu_pages *pcp = &zone->pcp[cpu];
	unsigned long flags;

	if (!READ_ONCE(pcp->count))
		return;
	spin_lock_irqsave(&pcp->lock, flags);
	free_pcppages_bulk(zone, pcp->count, pcp);
	spin_unlock_irqrestore(&pcp->lock, flags);
}

static void drain_pages(struct zone *zone, int cpu)
{
	struct zone *z;

	if (zone) {
		drain_zone_pages(zone, cpu);
		return;
	}
	for_each_zone(z)
		drain_zone_pages(z, cpu);
}

/**
 * drain_local_pages - empty this CPU's pcp lists into the buddy lists.
 * @zone: the zone whose list to empty, or NULL for every zone
 *
 * Any context.
 */
void drain_local_pages(struct zone *zone)
{
	unsigned long flags;

	local_irq_save(flags);
	drain_pages(zone, smp_processor_id());
	local_irq_restore(flags);
}

/**
 * drain_all_pages - empty every CPU's pcp lists into the buddy lists.
 * @zone: the zone whose lists to empty, or NULL for every zone
 *
 * Any context: another CPU's list is taken under its pcp->lock, so no
 * IPI is needed.  Pages freed meanwhile may land on a list again.
 */
void drain_all_pages(struct zone *zone)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		drain_pages(zone, cpu);
}

/* --- Allocation -------------------------------------------------------- */

/*
 * Is @zone above @mark (plus its reserve against allocations that
 * could use zone @highest) once 2^@order pages are gone, and is there
 * a block big enough?  Urgent allocations may go below the mark.
 */
static bool zone_watermark_ok(struct zone *zone, unsigned int order,
			      unsigned long mark, enum zone_type highest,
			      unsigned int alloc_flags)
{
	long free = zone_page_state(zone, NR_FREE_PAGES);
	long min = mark;
	unsigned int o;

	free -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free <= min + zone->lowmem_reserve[highest])
		return false;
	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++)
		if (READ_ONCE(zone->free_area[o].nr_free))
			return true;
	return false;
}

/* Is a block about to be handed out in the state free left it in? */
static bool check_new_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		const char *reason = page_bad_reason(page + i);

		if (!reason && !(page[i].flags & PAGE_FLAGS_MASK))
			continue;
		bad_page(page + i, reason ? reason : "flags set at allocation");
		return false;
	}
	return true;
}

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct page *page;

	/* A bad block is left out of circulation: take another. */
	do {
		if (order == 0 && zone_pcp_enabled(zone))
			page = rmqueue_pcplist(zone);
		else
			page = rmqueue_buddy(zone, order);
	} while (page && !check_new_pages(page, order));
	return page;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i;

	__SetPageHead(page);
	for (i = 1; i < (1UL << order); i++)
		WRITE_ONCE(page[i].compound_head, (unsigned long)page | 1);
	page[1].compound_order = order;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	page->private = 0;
	page->mapping = NULL;
	page->index = 0;
	set_page_count(page, 1);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	if ((gfp & __GFP_COMP) && order)
		prep_compound_page(page, order);
}

/*
 * Try each zone @gfp allows, highest first (Normal, DMA32, DMA), that
 * is above the watermark @alloc_flags select.
 */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags)
{
	enum zone_type highest = gfp_zone(gfp);
	struct zone *zone;
	struct page *page;
	unsigned long mark;
	int z;

	for (z = highest; z >= 0; z--) {
		zone = &contig_page_data.node_zones[z];
		mark = zone->_watermark[alloc_flags & ALLOC_WMARK_MASK];
		if (!zone_managed_pages(zone))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(zone, order, mark, highest, alloc_flags))
			continue;
		page = rmqueue(zone, order);
		if (!page)
			continue;
		prep_new_page(page, order, gfp);
		count_vm_events(PGALLOC_DMA + z, 1UL << order);
		return page;
	}
	return NULL;
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if ((gfp & __GFP_ATOMIC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	if ((gfp & __GFP_MEMALLOC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_NO_WATERMARKS;
	return alloc_flags;
}

/* Linux's %pGg: composite names first, then single flags, then rest. */
static const struct {
	gfp_t mask;
	const char *name;
} gfp_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_ATOMIC, "__GFP_ATOMIC" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

static void format_gfp(char *buf, size_t size, gfp_t gfp)
{
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(gfp_names) && gfp; i++) {
		if ((gfp & gfp_names[i].mask) != gfp_names[i].mask)
			continue;
		len += scnprintf(buf + len, size - len, "%s%s", len ? "|" : "",
				 gfp_names[i].name);
		gfp &= ~gfp_names[i].mask;
	}
	if (gfp)
		scnprintf(buf + len, size - len, "%s%#x", len ? "|" : "", gfp);
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	char names[256];

	format_gfp(names, sizeof(names), gfp);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s), nodemask=(null)\n",
		current->comm, order, gfp, names);
	dump_stack();
	show_free_areas();
}

/*
 * The low watermark was not met.  Linux would wake kswapd and reclaim
 * here; without reclaim, try again down to the min watermark (less for
 * urgent allocations), then once more after emptying the pcp lists,
 * and fail.  __GFP_NOFAIL cannot be honoured: it fails too, loudly.
 */
static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp);
	struct page *page;

	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
	drain_all_pages(NULL);
	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
	count_vm_event(PGALLOC_FAIL);
	WARN(gfp & __GFP_NOFAIL,
	     "__GFP_NOFAIL allocation of order %u failed: no reclaim yet\n",
	     order);
	if (!(gfp & __GFP_NOWARN))
		warn_alloc(gfp, order);
	return NULL;
}

/**
 * alloc_pages - allocate 2^@order physically contiguous pages.
 * @gfp: zone modifiers, reserve access and action flags (GFP_KERNEL...)
 * @order: 0 .. MAX_ORDER-1
 *
 * Never sleeps (there is no reclaim to wait for yet), so any context
 * may call it; in interrupt context use GFP_ATOMIC to reach reserves.
 * __GFP_ZERO clears the pages, __GFP_COMP makes them a compound page.
 *
 * Return: the first page, with a reference count of 1, or NULL when no
 * zone the flags allow has the memory (reported unless __GFP_NOWARN).
 * __GFP_NOFAIL cannot be honoured without reclaim: it may return NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	WARN_ON_ONCE((gfp & __GFP_NOFAIL) && order > 1);
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW);
	if (likely(page))
		return page;
	return __alloc_pages_slowpath(gfp, order);
}

/**
 * __get_free_pages - allocate pages and return their kernel address.
 * @gfp: as for alloc_pages()
 * @order: as for alloc_pages()
 *
 * Return: the direct-map address of the first page, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/**
 * get_zeroed_page - allocate one zeroed page.
 * @gfp: as for alloc_pages()
 *
 * Return: its direct-map address, or 0.
 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* --- Freeing ----------------------------------------------------------- */

/* Undo prep_compound_page(); false if a tail was not the head's. */
static bool free_tail_pages_prepare(struct page *head, unsigned int order)
{
	unsigned long i;
	bool ok = true;

	if (head[1].compound_order != order) {
		bad_page(head, "compound page freed with the wrong order");
		return false;
	}
	for (i = 1; i < (1UL << order); i++) {
		if (compound_head(head + i) != head) {
			bad_page(head + i, "corrupted compound_head");
			ok = false;
		}
	}
	if (!ok)
		return false;
	for (i = 1; i < (1UL << order); i++)
		head[i].compound_head = 0;
	head[1].compound_order = 0;
	return true;
}

/*
 * Check every page of a block about to become free and clear what its
 * user left behind.  False: something is wrong, it was reported, and
 * the block must not be freed.
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;
	const char *reason;

	if (PageHead(page)) {
		if (!order || !free_tail_pages_prepare(page, order))
			return false;
		__ClearPageHead(page);
	}
	for (i = 0; i < nr; i++) {
		reason = page_bad_reason(page + i);
		if (!reason && PageTail(page + i))
			reason = "tail page freed on its own";
		if (reason) {
			bad_page(page + i, reason);
			return false;
		}
	}
	for (i = 0; i < nr; i++) {
		page[i].flags &= ~PAGE_FLAGS_MASK;
		page[i].mapping = NULL;
	}
	return true;
}

static void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);

	if (!free_pages_prepare(page, order))
		return;
	count_vm_events(PGFREE, 1UL << order);
	if (order == 0 && zone_pcp_enabled(zone))
		free_unref_page(zone, page);
	else
		free_one_page(zone, page, order);
}

/* Is there a reference to drop?  Report a page that is already free. */
static bool page_ref_valid(struct page *page)
{
	if (likely(page_ref_count(page) > 0))
		return true;
	if (PageTail(page))
		bad_page(page, "freeing a tail page of a compound page");
	else
		bad_page(page, "freeing a page that is already free");
	return false;
}

/**
 * __free_pages - drop a reference to pages from alloc_pages().
 * @page: the first page
 * @order: the order it was allocated with
 *
 * Any context.  The last reference frees the block.  If someone else
 * still holds a reference to the first page of a non-compound block,
 * only that page stays: the rest of the block is freed now, as on Linux.
 */
void __free_pages(struct page *page, unsigned int order)
{
	bool head = PageHead(page);

	if (!page_ref_valid(page))
		return;
	if (page_ref_dec_and_test(page))
		free_the_page(page, order);
	else if (!head)
		while (order-- > 0)
			free_the_page(page + (1UL << order), order);
}

/**
 * free_pages - free pages by their kernel address.
 * @addr: what __get_free_pages() returned (0 is ignored)
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/**
 * put_page - drop a reference to a page.
 * @page: any page of a compound page, or an order-0 page
 *
 * Any context.  The last reference to a compound page frees all of it.
 */
void put_page(struct page *page)
{
	page = compound_head(page);
	if (page_ref_valid(page) && page_ref_dec_and_test(page))
		free_the_page(page, compound_order(page));
}

/**
 * __free_pages_core - give a block of boot memory to the buddy allocator.
 * @page: the first page of 2^@order reserved pages in one zone
 * @order: the block's order; the block is aligned to it
 *
 * Boot (memblock_free_all()), or memory given back later.  The pages
 * stop being reserved and count as managed and as RAM from now on.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	/* Blocks never span two zones; split one that would. */
	if (order && page_zonenum(page) != page_zonenum(page + nr - 1)) {
		__free_pages_core(page, order - 1);
		__free_pages_core(page + nr / 2, order - 1);
		return;
	}
	for (i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	atomic_long_add(nr, &page_zone(page)->managed_pages);
	atomic_long_add(nr, &_totalram_pages);
	set_page_count(page, 1);
	__free_pages(page, order);
}

/* Free one reserved page of a kernel-image range; false if it was not. */
static bool free_reserved_page(struct page *page, int poison)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone;

	if (WARN_ON_ONCE(!pfn_valid(pfn)))
		return false;
	zone = page_zone(page);
	if (WARN_ON_ONCE(!zone_spans_pfn(zone, pfn) || !PageReserved(page)))
		return false;
	if ((unsigned int)poison <= 0xff)
		memset(page_address(page), poison, PAGE_SIZE);
	__ClearPageReserved(page);
	set_page_count(page, 1);
	atomic_long_inc(&zone->managed_pages);
	atomic_long_inc(&_totalram_pages);
	__free_pages(page, 0);
	return true;
}

/**
 * free_reserved_area - give reserved memory to the page allocator.
 * @start: start of the range (rounded up to a page)
 * @end: end of the range (rounded down to a page)
 * @poison: byte to fill the pages with first, or -1 for none
 * @s: what to call it in the "Freeing %s memory" line, or NULL
 *
 * For ranges memblock kept back (__init sections, the initrd) once
 * nothing uses them.  A kernel-image or direct-map address works; the
 * pages are written through the direct map.
 */
void free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pos = PAGE_ALIGN((unsigned long)start);
	unsigned long stop = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (; pos < stop; pos += PAGE_SIZE)
		pages += free_reserved_page(virt_to_page((void *)pos), poison);
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s,
			pages << (PAGE_SHIFT - 10));
}

/**
 * nr_free_pages - the pages on the buddy lists of all zones.
 *
 * Pages on the per-CPU lists are not counted, as on Linux.
 */
unsigned long nr_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

/* --- Setup ------------------------------------------------------------- */

/**
 * zone_init_free_lists - make a zone's free lists and pcp lists empty.
 * @zone: the zone, populated or not
 *
 * Boot, from free_area_init(), before any page is freed into @zone.
 * The pcp lists stay unused until setup_per_zone_wmarks() sizes them.
 */
void zone_init_free_lists(struct zone *zone)
{
	unsigned int order;
	int cpu;

	zone->zone_pgdat = &contig_page_data;
	spin_lock_init(&zone->lock);
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		spin_lock_init(&pcp->lock);
		INIT_LIST_HEAD(&pcp->list);
		pcp->count = 0;
		pcp->high = 0;
		pcp->batch = 1;
	}
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (BITS_PER_LONG - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/*
 * Linux's min_free_kbytes: sqrt(16 * lowmem in kB), clamped to
 * [128 kB, 256 MiB], so a 512 MiB machine keeps ~2.8 MiB back.
 */
static void calculate_min_free_kbytes(void)
{
	unsigned long pages = 0, kbytes;
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long managed = zone_managed_pages(zone);
		unsigned long high = high_wmark_pages(zone);

		if (managed > high)
			pages += managed - high;
	}
	kbytes = int_sqrt(pages * (PAGE_SIZE >> 10) * 16);
	min_free_kbytes = clamp(kbytes, 128UL, 262144UL);
}

/*
 * min: the zone's share of min_free_kbytes; low and high: a further
 * quarter of min each, or 0.1% of the zone if that is more.
 */
static void set_zone_wmarks(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem = 0, managed, min, step;
	struct zone *zone;

	for_each_zone(zone)
		lowmem += zone_managed_pages(zone);
	for_each_zone(zone) {
		managed = zone_managed_pages(zone);
		min = lowmem ? (u64)pages_min * managed / lowmem : 0;
		step = max(min / 4, managed * WATERMARK_SCALE_FACTOR / 10000);
		zone->_watermark[WMARK_MIN] = min;
		zone->_watermark[WMARK_LOW] = min + step;
		zone->_watermark[WMARK_HIGH] = min + 2 * step;
	}
}

/*
 * zone[i].lowmem_reserve[j] (j > i): pages zone i keeps from
 * allocations that may use zone j, 1/ratio of the zones above i up to
 * j.  So GFP_KERNEL cannot empty ZONE_DMA that only GFP_DMA can use.
 */
static void setup_per_zone_lowmem_reserve(void)
{
	struct zone *zones = contig_page_data.node_zones;
	unsigned long upper;
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		bool clear = !zone_managed_pages(&zones[i]);

		upper = 0;
		zones[i].lowmem_reserve[i] = 0;
		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			upper += zone_managed_pages(&zones[j]);
			zones[i].lowmem_reserve[j] =
				clear ? 0 : upper / lowmem_reserve_ratio[i];
		}
	}
}

/* What no user allocation reaches: for meminfo's MemAvailable. */
static void calculate_totalreserve_pages(void)
{
	unsigned long reserve = 0, max;
	struct zone *zone;
	int j;

	for_each_zone(zone) {
		max = 0;
		for (j = 0; j < MAX_NR_ZONES; j++)
			if (zone->lowmem_reserve[j] > (long)max)
				max = zone->lowmem_reserve[j];
		max += high_wmark_pages(zone);
		reserve += min(max, zone_managed_pages(zone));
	}
	totalreserve_pages = reserve;
}

/*
 * Linux's zone_batchsize(): about a quarter of a 1/1024 of the zone,
 * at most 64 pages, as 2^n - 1 so that batches do not always fall on
 * the same cache colours.  high is six batches (Linux before 5.14).
 */
static void zone_set_pcp_sizes(struct zone *zone)
{
	unsigned long batch, flags;
	int cpu;

	batch = min(zone_managed_pages(zone) >> 10, (1UL << 20) / PAGE_SIZE);
	batch = max(batch / 4, 1UL);
	batch = max(rounddown_pow_of_two(batch + batch / 2) - 1, 1UL);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		spin_lock_irqsave(&pcp->lock, flags);
		pcp->batch = batch;
		pcp->high = zone_managed_pages(zone) ? 6 * batch : 0;
		spin_unlock_irqrestore(&pcp->lock, flags);
	}
}

/**
 * setup_per_zone_wmarks - size watermarks, reserves and pcp lists.
 *
 * Boot, from mm_core_init() once memblock_free_all() has filled the
 * zones; again whenever the managed page counts change a lot.
 */
void setup_per_zone_wmarks(void)
{
	struct zone *zone;

	calculate_min_free_kbytes();
	set_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	calculate_totalreserve_pages();
	for_each_zone(zone)
		zone_set_pcp_sizes(zone);
}

/* --- The Mem-Info report ----------------------------------------------- */

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static unsigned long zone_pcp_pages(struct zone *zone)
{
	unsigned long sum = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		sum += READ_ONCE(zone->pcp[cpu].count);
	return sum;
}

static void show_zone(struct zone *zone)
{
	int j;

	printk("Node 0 %s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:%lukB managed:%lukB mlocked:0kB bounce:0kB free_pcp:%lukB local_pcp:%ukB free_cma:0kB\n",
	       zone->name, K(zone_page_state(zone, NR_FREE_PAGES)),
	       K(min_wmark_pages(zone)), K(low_wmark_pages(zone)),
	       K(high_wmark_pages(zone)), K(zone->present_pages),
	       K(zone_managed_pages(zone)), K(zone_pcp_pages(zone)),
	       (unsigned int)K(READ_ONCE(zone->pcp[smp_processor_id()].count)));
	printk("lowmem_reserve[]:");
	for (j = 0; j < MAX_NR_ZONES; j++)
		pr_cont(" %ld", zone->lowmem_reserve[j]);
	pr_cont("\n");
}

/* "Node 0 DMA: 1*4kB (U) 0*8kB ... = 15360kB"; U: Unmovable, our only type. */
static void show_zone_buddy(struct zone *zone)
{
	unsigned long nr[MAX_ORDER], total = 0, flags;
	unsigned int order;

	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < MAX_ORDER; order++) {
		nr[order] = zone->free_area[order].nr_free;
		total += nr[order] << order;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	printk("Node 0 %s: ", zone->name);
	for (order = 0; order < MAX_ORDER; order++)
		pr_cont("%lu*%lukB %s", nr[order], K(1UL) << order,
			nr[order] ? "(U) " : "");
	pr_cont("= %lukB\n", K(total));
}

/**
 * show_free_areas - print the state of every zone ("Mem-Info").
 *
 * Any context; used by the allocation failure report.
 */
void show_free_areas(void)
{
	unsigned long pcp = 0;
	struct zone *zone;

	for_each_zone(zone)
		pcp += zone_pcp_pages(zone);
	printk("Mem-Info:\n");
	printk("active_anon:0 inactive_anon:0 isolated_anon:0\n active_file:0 inactive_file:0 isolated_file:0\n unevictable:0 dirty:0 writeback:0\n slab_reclaimable:%lu slab_unreclaimable:%lu\n mapped:0 shmem:0 pagetables:%lu\n sec_pagetables:0 bounce:0\n kernel_misc_reclaimable:0\n free:%lu free_pcp:%lu free_cma:0\n",
	       global_node_page_state(NR_SLAB_RECLAIMABLE_B),
	       global_node_page_state(NR_SLAB_UNRECLAIMABLE_B),
	       global_node_page_state(NR_PAGETABLE), nr_free_pages(), pcp);
	for_each_populated_zone(zone)
		show_zone(zone);
	for_each_populated_zone(zone)
		show_zone_buddy(zone);
	printk("%lu pages RAM\n", contig_page_data.node_present_pages);
	printk("%lu pages reserved\n",
	       contig_page_data.node_present_pages - totalram_pages());
}
