#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/*
 * What the files of mm/ tell each other and nobody else.
 *
 * Boot order (start_kernel -> setup_arch -> mm_core_init):
 *   e820__memblock_setup()   RAM and reservations into memblock
 *   init_mem_mapping()       direct map, kernel image W^X, vmemmap
 *   free_area_init()         zones sized, struct pages initialised
 *   mm_core_init():
 *     memblock_free_all()    free RAM -> buddy (__free_pages_core)
 *     setup_per_zone_wmarks() watermarks from managed pages
 *     kmem_cache_init()      slab and kmalloc caches
 *     vmalloc_init()         the vmalloc area
 */
#include <linux/mm.h>

/* mm/page_alloc.c */
void zone_init_free_lists(struct zone *zone); /* also pcp lists, lock */
void setup_per_zone_wmarks(void);
void show_free_areas(void); /* the "Mem-Info" report on failure */
/* Pages no user allocation can have: high watermarks + lowmem_reserve. */
extern unsigned long totalreserve_pages;

/* The buddy of the block at @pfn of order @order (seed 000: XOR). */
static inline unsigned long __find_buddy_pfn(unsigned long pfn,
					     unsigned int order)
{
	return pfn ^ (1UL << order);
}

#endif /* _MM_INTERNAL_H */
