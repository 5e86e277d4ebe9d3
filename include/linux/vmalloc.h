#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/rbtree.h>
#include <linux/list.h>
#include <asm/page_types.h>
#include <asm/pgtable_types.h>

/*
 * vmalloc (seeds 000, 002): virtually contiguous memory from scattered
 * pages, mapped in [VMALLOC_START, VMALLOC_END).  Each area is followed
 * by an unmapped guard page, so running off its end faults.
 */
#define VMALLOC_SIZE_TB 32UL
#define VMALLOC_END (VMALLOC_START + (VMALLOC_SIZE_TB << 40) - 1)

#define VM_IOREMAP 0x00000001 /* ioremap() and friends */
#define VM_ALLOC 0x00000002 /* vmalloc() */
#define VM_MAP 0x00000004 /* vmap()ed pages */
#define VM_NO_GUARD 0x00000040

struct page;

struct vm_struct {
	struct vm_struct *next;
	void *addr;
	unsigned long size; /* includes the guard page */
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	phys_addr_t phys_addr;
	const void *caller;
};

/*
 * A busy range of the vmalloc area, in the rbtree sorted by address
 * (augmented with the largest free gap below each node).  The gap of a
 * node is the free space between the previous area's end and its start.
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;
	struct rb_node rb_node;
	struct list_head list; /* all busy areas, by address */
	unsigned long subtree_max_gap; /* largest gap in this subtree */
	struct vm_struct *vm;
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
void free_vm_area(struct vm_struct *area);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/* Map/unmap kernel page tables for a range of the vmalloc area. */
int vmap_pages_range(unsigned long addr, unsigned long end, pgprot_t prot,
		     struct page **pages);
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot);
void vunmap_range(unsigned long addr, unsigned long end);

void vmalloc_init(void);

/* For meminfo: pages mapped by vmalloc (VmallocUsed). */
unsigned long vmalloc_nr_pages(void);

#endif /* _LINUX_VMALLOC_H */
