#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>

struct kmem_cache;

/*
 * struct page: one per physical page frame, in the vmemmap array at
 * VMEMMAP_START, so page <-> pfn is an index computation.  What the
 * middle words mean depends on who owns the page; the owner is told by
 * the flags (PG_buddy, PG_slab, PG_head...).  Keep it at 56 bytes.
 */
struct page {
	unsigned long flags; /* PG_* bits; zone number in the top bits */
	union {
		struct { /* buddy free lists, pcp lists, page cache */
			struct list_head lru;
			void *mapping;
			unsigned long index;
			/* buddy: the block's order while PG_buddy is set */
			unsigned long private;
		};
		struct { /* slab (mm/slub.c) */
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist; /* first free object */
			union {
				unsigned long counters;
				struct {
					unsigned inuse : 16;
					unsigned objects : 15;
					unsigned frozen : 1; /* a CPU's slab */
				};
			};
		};
		struct { /* tail pages of a compound page */
			unsigned long compound_head; /* head | 1 */
			unsigned char compound_order; /* in the first tail */
		};
	};
	atomic_t _mapcount; /* page-table mappings, -1 based */
	atomic_t _refcount; /* users; 0 = free */
};

/*
 * An address space (seed 000).  The processes issue adds the VMAs,
 * mmap_lock and counters; the scheduler needs the page tables and the
 * two reference counts already: mm_users (tasks using it) and mm_count
 * (references to the struct, including lazy-TLB borrowers).
 */
struct mm_struct {
	void *pgd; /* pgd_t *: the top-level page table */
	atomic_t mm_users;
	atomic_t mm_count;
};

extern struct mm_struct init_mm;

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

void __mmdrop(struct mm_struct *mm);

static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

#endif /* _LINUX_MM_TYPES_H */
