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

/*
 * Reverse-map bookkeeping, reduced to counts (no anon_vma chains yet):
 * page->_mapcount counts the PTEs that map a page, -1 based, and every
 * such PTE holds one page reference.  A freshly faulted anonymous page
 * starts with one mapping; fork adds one per copy.
 */
static inline void page_add_new_anon_rmap(struct page *page)
{
	page->mapping = (void *)PAGE_MAPPING_ANON;
	atomic_set(&page->_mapcount, 0);
}

static inline void page_dup_rmap(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

static inline void page_remove_rmap(struct page *page)
{
	atomic_dec(&page->_mapcount);
}

/*
 * Batched unmapping (mm/memory.c): pages and page-table pages whose
 * PTEs were cleared are freed only after every CPU that may cache the
 * old translations has flushed them.
 */
#define MMU_GATHER_BATCH 64

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end; /* the range to flush */
	bool freed_tables;
	unsigned int nr;
	struct page *pages[MMU_GATHER_BATCH]; /* bit 0: a page-table page */
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
void tlb_finish_mmu(struct mmu_gather *tlb);
void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end);
void free_pgtables(struct mmu_gather *tlb, unsigned long start,
		   unsigned long end, unsigned long floor,
		   unsigned long ceiling);

/* Above every user table: free_pgtables()'s ceiling when no VMA is above. */
#define USER_PGTABLES_CEILING (_AC(1, UL) << 47)

/* mm/mmap.c */
extern struct kmem_cache *vm_area_cachep;
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
bool vma_can_merge(const struct vm_area_struct *a,
		   const struct vm_area_struct *b);
void remove_vma(struct vm_area_struct *vma);
unsigned long stack_rlimit(void);
bool may_expand_vm(struct mm_struct *mm, unsigned long flags,
		   unsigned long npages);

#endif /* _MM_INTERNAL_H */
