/*
 * Bringing up the memory manager: size the zones, initialise a struct
 * page for every page frame of the present sections, hand free memory
 * to the buddy allocator, then start slab and vmalloc.  The order is
 * drawn in mm/internal.h.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm-generic/sections.h>
#include "internal.h"

static unsigned long __init zone_ram_pages(unsigned long start_pfn,
					   unsigned long end_pfn)
{
	struct memblock_region *rgn;
	unsigned long pages = 0;

	for_each_mem_region(rgn) {
		unsigned long s = max(start_pfn, PFN_UP(rgn->base));
		unsigned long e = min(end_pfn, PFN_DOWN(rgn->base + rgn->size));

		if (e > s)
			pages += e - s;
	}
	return pages;
}

static enum zone_type __init pfn_zone(unsigned long pfn,
				      const unsigned long *max_zone_pfn)
{
	enum zone_type z;

	for (z = ZONE_DMA; z < ZONE_NORMAL; z++)
		if (pfn < max_zone_pfn[z])
			return z;
	return ZONE_NORMAL;
}

/*
 * Every page frame starts out reserved with one reference: nobody may
 * allocate it until memblock_free_all() or free_reserved_area() says
 * it is free.  Holes inside a present section stay reserved for good,
 * which also stops buddy merging at them.
 */
static void __init memmap_init(const unsigned long *max_zone_pfn)
{
	unsigned long nr, pfn;

	for (nr = 0; nr < NR_MEM_SECTIONS; nr++) {
		if (!present_section_nr(nr))
			continue;
		for (pfn = nr << PFN_SECTION_SHIFT;
		     pfn < (nr + 1) << PFN_SECTION_SHIFT; pfn++) {
			struct page *page = pfn_to_page(pfn);

			set_page_zone(page, pfn_zone(pfn, max_zone_pfn));
			init_page_count(page);
			page_mapcount_reset(page);
			INIT_LIST_HEAD(&page->lru);
			__SetPageReserved(page);
		}
	}
}

static void __init zone_init(struct zone *zone, unsigned long start,
			     unsigned long end)
{
	zone->zone_pgdat = NODE_DATA(0);
	zone->zone_start_pfn = start;
	zone->spanned_pages = end > start ? end - start : 0;
	zone->present_pages = end > start ? zone_ram_pages(start, end) : 0;
	zone_init_free_lists(zone);
	if (zone->spanned_pages)
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
			(u64)PFN_PHYS(start), (u64)PFN_PHYS(end) - 1);
	else
		pr_info("  %-8s empty\n", zone->name);
}

/**
 * free_area_init - size the zones and initialise the memmap.
 * @max_zone_pfn: the end pfn of each zone (DMA, DMA32, Normal)
 *
 * From paging_init(), after sparse_init() has backed the vmemmap.
 */
void __init free_area_init(unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = NODE_DATA(0);
	struct memblock_region *rgn;
	unsigned long start = 0;
	enum zone_type z;

	pr_info("Zone ranges:\n");
	for (z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long end = max(start, max_zone_pfn[z]);

		zone_init(&pgdat->node_zones[z], start, end);
		pgdat->node_present_pages += pgdat->node_zones[z].present_pages;
		start = end;
	}
	pgdat->nr_zones = MAX_NR_ZONES;
	pgdat->node_start_pfn = 0;
	pgdat->node_spanned_pages = max_pfn;
	pr_info("Early memory node ranges\n");
	for_each_mem_region(rgn)
		pr_info("  node   0: [mem %#018llx-%#018llx]\n", rgn->base,
			rgn->base + rgn->size - 1);
	memmap_init(max_zone_pfn);
	pr_info("mm: struct page is %zu bytes; memmap of %lu pages\n",
		sizeof(struct page), pgdat->node_present_pages);
}

/* Linux's "Memory: 480000K/523768K available (...)" line. */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	unsigned long codesize = _etext - _text;
	unsigned long datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long bss = __bss_stop - __bss_start;
	unsigned long init = (__init_text_end - __init_text_begin) +
			     (__init_end - __init_begin);

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10),
		physpages << (PAGE_SHIFT - 10), codesize >> 10, datasize >> 10,
		rosize >> 10, init >> 10, bss >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

/* With loglevel >= 7 (the default), the buddy lists after boot. */
static void __init mem_print_buddyinfo(void)
{
	static char buf[1024] __initdata;
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf) - 1);
	buddyinfo_show(&m, NULL);
	buf[m.count] = '\0';
	pr_info("buddyinfo:\n%s", buf);
}

/**
 * mm_core_init - start the page, slab and vmalloc allocators.
 *
 * From start_kernel(), after setup_arch(); boot CPU, irqs off.
 * memblock's free memory becomes the buddy allocator's here, and
 * memblock is not used again.
 */
void __init mm_core_init(void)
{
	memblock_free_all(); /* free RAM -> buddy lists */
	setup_per_zone_wmarks(); /* min/low/high per zone */
	mem_init_print_info();
	kmem_cache_init(); /* slab caches, kmalloc */
	vmalloc_init(); /* the vmalloc area */
	mem_print_buddyinfo();
}
