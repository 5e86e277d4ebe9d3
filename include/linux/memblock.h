#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>
#include <linux/init.h>

/*
 * memblock: the boot-time memory manager.  Two sorted arrays of
 * physical ranges: "memory" (RAM from the firmware map) and "reserved"
 * (the kernel image, the initrd, page tables, early allocations).
 * Before the buddy allocator exists, allocations come from memory that
 * is not reserved; memblock_free_all() then gives every free range to
 * the buddy allocator, and memblock's work is done.
 */
#define INIT_MEMBLOCK_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit; /* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_set_current_limit(phys_addr_t limit);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void memblock_dump_all(void);
unsigned long memblock_free_all(void);

/*
 * Walk the RAM ranges that are not reserved, in address order:
 * for_each_free_mem_range(i, &start, &end) { ... }
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end);
#define for_each_free_mem_range(i, p_start, p_end) \
	for (i = 0; __next_free_mem_range(&i, p_start, p_end);)

#define for_each_mem_region(rgn)            \
	for (rgn = memblock.memory.regions; \
	     rgn < memblock.memory.regions + memblock.memory.cnt; rgn++)

#endif /* _LINUX_MEMBLOCK_H */
