/*
 * memblock: physical memory bookkeeping while the kernel boots, before
 * the buddy allocator exists (see include/linux/memblock.h).
 *
 * Both region arrays stay sorted and non-overlapping: adding a range
 * merges it with its neighbours, removing one may split a region.
 * Allocations search the free ranges (memory minus reserved) from the
 * top down, below memblock.current_limit, and reserve what they take.
 */
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/page.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.regions = memory_regions,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "memory",
	},
	.reserved = {
		.regions = reserved_regions,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "reserved",
	},
};

/* Close the gap at entry @i; the caller has fixed up total_size. */
static void memblock_drop_entry(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memblock_drop_entry(type, i);
}

static int memblock_insert_region(struct memblock_type *type, unsigned long i,
				  phys_addr_t base, phys_addr_t size)
{
	if (type->cnt >= type->max) {
		pr_err("memblock: %s array is full\n", type->name);
		return -ENOMEM;
	}
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->total_size += size;
	type->cnt++;
	return 0;
}

/* Merge regions that touch or overlap; the array is sorted by base. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *a = &type->regions[i];
		struct memblock_region *b = &type->regions[i + 1];
		phys_addr_t end = max(a->base + a->size, b->base + b->size);

		if (a->base + a->size < b->base) {
			i++;
			continue;
		}
		type->total_size -= a->size + b->size;
		a->size = end - a->base;
		type->total_size += a->size;
		memblock_drop_entry(type, i + 1);
	}
}

static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	unsigned long i;
	int ret;

	if (!size)
		return 0;
	if (base + size < base)
		size = -base; /* clamp at the top of the address space */
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	ret = memblock_insert_region(type, i, base, size);
	if (!ret)
		memblock_merge_regions(type);
	return ret;
}

/* Cut [base, base + size) out of every region of @type. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i = 0;

	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (rend <= base || r->base >= end) {
			i++;
			continue;
		}
		if (r->base < base && rend > end) { /* split in two */
			r->size = base - r->base;
			type->total_size -= rend - base;
			return memblock_insert_region(type, i + 1, end,
						      rend - end);
		}
		if (r->base < base) { /* keep the head */
			type->total_size -= rend - base;
			r->size = base - r->base;
			i++;
		} else if (rend > end) { /* keep the tail */
			type->total_size -= end - r->base;
			r->size = rend - end;
			r->base = end;
			i++;
		} else { /* all of it goes */
			memblock_remove_region(type, i);
		}
	}
	return 0;
}

/** memblock_add - register RAM [@base, @base + @size).  Boot only. */
int __init memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/** memblock_remove - forget RAM in [@base, @base + @size).  Boot only. */
int __init memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

/** memblock_reserve - mark [@base, @base + @size) in use.  Boot only. */
int __init memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/** memblock_phys_free - give back a reserved range.  Boot only. */
int __init memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

static bool memblock_search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr < type->regions[i].base + type->regions[i].size)
			return true;
	return false;
}

/** memblock_is_memory - is @addr RAM? */
bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr);
}

/** memblock_is_reserved - is @addr reserved? */
bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr);
}

/** memblock_phys_mem_size - bytes of RAM. */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/** memblock_reserved_size - bytes reserved. */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/** memblock_start_of_DRAM - the lowest RAM address. */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

/** memblock_end_of_DRAM - the address just above the highest RAM. */
phys_addr_t memblock_end_of_DRAM(void)
{
	const struct memblock_region *r;

	if (!memblock.memory.cnt)
		return 0;
	r = &memblock.memory.regions[memblock.memory.cnt - 1];
	return r->base + r->size;
}

/** memblock_set_current_limit - allocations must end below @limit. */
void __init memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * __next_free_mem_range - the iterator of for_each_free_mem_range().
 * @idx: iterator state, 0 to start
 * @out_start: receives the start of the next free range
 * @out_end: receives its end
 *
 * Free = in a memory region and in no reserved region.  Returns false
 * when there are no more.  The state packs the memory region index
 * (low 32 bits) and the reserved-gap index (high 32 bits).
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long mi = *idx & 0xffffffff, ri = *idx >> 32;

	for (; mi < mem->cnt; mi++, ri = 0) {
		phys_addr_t mbase = mem->regions[mi].base;
		phys_addr_t mend = mbase + mem->regions[mi].size;

		/* Gap ri lies between reserved region ri - 1 and ri. */
		for (; ri <= rsv->cnt; ri++) {
			phys_addr_t gbase =
				ri ? rsv->regions[ri - 1].base +
						rsv->regions[ri - 1].size :
				     0;
			phys_addr_t gend = ri < rsv->cnt ?
						   rsv->regions[ri].base :
						   MEMBLOCK_ALLOC_ANYWHERE;

			if (gbase >= mend)
				break;
			if (gend <= mbase)
				continue;
			*out_start = max(mbase, gbase);
			*out_end = min(mend, gend);
			*idx = mi | (u64)(ri + 1) << 32;
			return true;
		}
	}
	*idx = mi | (u64)ri << 32;
	return false;
}

/**
 * memblock_phys_alloc_range - allocate and reserve physical memory.
 * @size: bytes
 * @align: power of two
 * @start: lowest acceptable address
 * @end: the allocation must end at or below this (and current_limit)
 *
 * Top-down: the highest fitting range wins, which keeps low memory
 * (ZONE_DMA) for those who need it.  Returns 0 on failure.
 */
phys_addr_t __init memblock_phys_alloc_range(phys_addr_t size,
					     phys_addr_t align,
					     phys_addr_t start, phys_addr_t end)
{
	phys_addr_t best = 0, rstart, rend;
	u64 i;

	end = min(end, memblock.current_limit);
	size = ALIGN(size, PAGE_SIZE);
	for_each_free_mem_range(i, &rstart, &rend) {
		phys_addr_t cand;

		rstart = max(rstart, start);
		rend = min(rend, end);
		if (rend <= rstart || rend - rstart < size)
			continue;
		cand = ALIGN_DOWN(rend - size, align);
		if (cand >= rstart && cand > best)
			best = cand;
	}
	if (!best || memblock_reserve(best, size))
		return 0;
	return best;
}

/** memblock_phys_alloc - memblock_phys_alloc_range() anywhere. */
phys_addr_t __init memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, PAGE_SIZE,
					 MEMBLOCK_ALLOC_ANYWHERE);
}

/**
 * memblock_alloc - allocate zeroed boot memory, as a direct-map pointer.
 *
 * Returns NULL on failure.  The memory is never freed to the buddy
 * allocator (it stays reserved).
 */
void *__init memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);
	void *p;

	if (!pa)
		return NULL;
	p = __va(pa);
	memset(p, 0, size);
	return p;
}

static void __init memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_debug(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_debug(" %s[%#lx]\t[%#018llx-%#018llx], %#llx bytes\n",
			 type->name, i, r->base, r->base + r->size - 1,
			 r->size);
	}
}

/** memblock_dump_all - print both arrays at KERN_DEBUG. */
void __init memblock_dump_all(void)
{
	pr_debug("MEMBLOCK configuration:\n");
	pr_debug(" memory size = %#llx reserved size = %#llx\n",
		 memblock.memory.total_size, memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* Free [start, end) page frames into the buddy allocator, largest aligned
 * blocks first. */
static unsigned long __init free_pfn_range(unsigned long start,
					   unsigned long end)
{
	unsigned long pfn = start;

	while (pfn < end) {
		unsigned int order = min_t(unsigned int, MAX_ORDER - 1,
					   pfn ? __builtin_ctzl(pfn) : 63);

		while (pfn + (1UL << order) > end)
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
	return end - start;
}

/**
 * memblock_free_all - release all free memory to the buddy allocator.
 *
 * From mm_core_init(), once struct pages and zones exist.  Returns the
 * number of pages released.  Reserved ranges stay PG_reserved.
 */
unsigned long __init memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0;
	u64 i;

	for_each_free_mem_range(i, &start, &end)
		pages += free_pfn_range(PFN_UP(start), PFN_DOWN(end));
	return pages;
}
