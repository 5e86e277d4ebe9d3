/*
 * memblock on the host: region bookkeeping, the free-range iterator,
 * top-down allocation and the hand-off to the buddy allocator.
 *
 * host-test-sources: mm/memblock.c
 * host-test-lib-cflags: -ffreestanding
 */
#define _ISOC11_SOURCE
#include "hosttest.h"

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#define SIM_BYTES (64UL << 20)

char *host_phys_base;
unsigned long host_vmemmap_base;
unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))];

/* What memblock_free_all() handed to the "buddy allocator". */
static unsigned long freed_pages, freed_calls, freed_bad;

void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	freed_calls++;
	freed_pages += 1UL << order;
	if (order >= MAX_ORDER || (pfn & ((1UL << order) - 1)))
		freed_bad++;
}

int printk(const char *fmt, ...)
{
	return 0;
}

static struct page sim_pages[SIM_BYTES >> PAGE_SHIFT];

static void reset(void)
{
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	freed_pages = freed_calls = freed_bad = 0;
	if (!host_phys_base)
		host_phys_base = aligned_alloc(1 << 21, SIM_BYTES);
	host_vmemmap_base = (unsigned long)sim_pages;
}

HOST_TEST(memblock_add_merges_touching_and_overlapping)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x200000, 0x100000); /* bridges the two */
	HT_EXPECT_EQ(memblock.memory.cnt, 1);
	HT_EXPECT_EQ(memblock.memory.regions[0].base, 0x100000);
	HT_EXPECT_EQ(memblock.memory.total_size, 0x300000);
	memblock_add(0x180000, 0x300000); /* overlaps and extends */
	HT_EXPECT_EQ(memblock.memory.cnt, 1);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), 0x480000);
	HT_EXPECT_EQ(memblock_phys_mem_size(), 0x380000);
}

HOST_TEST(memblock_regions_stay_sorted)
{
	reset();
	memblock_add(0x900000, 0x1000);
	memblock_add(0x100000, 0x1000);
	memblock_add(0x500000, 0x1000);
	HT_ASSERT(memblock.memory.cnt == 3);
	HT_EXPECT(memblock.memory.regions[0].base <
		  memblock.memory.regions[1].base);
	HT_EXPECT(memblock.memory.regions[1].base <
		  memblock.memory.regions[2].base);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), 0x100000);
}

HOST_TEST(memblock_remove_splits_region)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_remove(0x200000, 0x100000);
	HT_ASSERT(memblock.memory.cnt == 2);
	HT_EXPECT_EQ(memblock.memory.regions[0].size, 0x100000);
	HT_EXPECT_EQ(memblock.memory.regions[1].base, 0x300000);
	HT_EXPECT_EQ(memblock.memory.total_size, 0x300000);
	HT_EXPECT(memblock_is_memory(0x1fffff));
	HT_EXPECT(!memblock_is_memory(0x200000));
}

HOST_TEST(memblock_free_ranges_skip_reservations)
{
	phys_addr_t start, end, total = 0;
	int n = 0;
	u64 i;

	reset();
	memblock_add(0x0, 0x1000000);
	memblock_add(0x2000000, 0x1000000);
	memblock_reserve(0x0, 0x100000);
	memblock_reserve(0x800000, 0x10000);
	memblock_reserve(0x1f00000, 0x200000); /* straddles the gap */
	for_each_free_mem_range(i, &start, &end) {
		HT_EXPECT(!memblock_is_reserved(start));
		HT_EXPECT(memblock_is_memory(end - 1));
		total += end - start;
		n++;
	}
	HT_EXPECT_EQ(n, 3);
	HT_EXPECT_EQ(total, 0x2000000 - 0x100000 - 0x10000 - 0x100000);
}

HOST_TEST(memblock_alloc_is_top_down_aligned_and_reserved)
{
	phys_addr_t a, b;

	reset();
	memblock_add(0x100000, 0x1000000);
	a = memblock_phys_alloc(0x3000, 0x10000);
	HT_EXPECT_EQ(a, 0x1100000 - 0x10000); /* highest aligned fit */
	HT_EXPECT(memblock_is_reserved(a));
	b = memblock_phys_alloc(0x1000, 0x1000);
	HT_EXPECT_EQ(b, 0x1100000 - 0x1000); /* above a, in its slack */
	HT_EXPECT_EQ(memblock_reserved_size(), 0x4000);
}

HOST_TEST(memblock_alloc_respects_limit_and_fails_cleanly)
{
	reset();
	memblock_add(0x100000, 0x1000000);
	memblock_set_current_limit(0x200000);
	HT_EXPECT(memblock_phys_alloc(0x1000, 0x1000) < 0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x2000000, 0x1000), 0);
	HT_EXPECT_EQ(memblock_reserved_size(), 0x1000);
}

HOST_TEST(memblock_alloc_zeroes_memory)
{
	unsigned char *p;
	int i, nonzero = 0;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(host_phys_base + 0x100000, 0xab, 0x100000);
	p = memblock_alloc(0x2000, 0x1000);
	HT_ASSERT(p);
	for (i = 0; i < 0x2000; i++)
		nonzero += p[i] != 0;
	HT_EXPECT_EQ(nonzero, 0);
}

HOST_TEST(memblock_free_all_hands_over_aligned_blocks)
{
	reset();
	memblock_add(0x1000, 0x9e000); /* odd start and size */
	memblock_add(0x100000, 0x2f00000);
	memblock_reserve(0x200000, 0x123000);
	HT_EXPECT_EQ(memblock_free_all(),
		     (0x9e000 + 0x2f00000 - 0x123000) >> PAGE_SHIFT);
	HT_EXPECT_EQ(freed_pages,
		     (0x9e000 + 0x2f00000 - 0x123000) >> PAGE_SHIFT);
	HT_EXPECT_EQ(freed_bad, 0);
	/* Big aligned blocks, not page by page. */
	HT_EXPECT(freed_calls < 64);
}

HOST_TEST(memblock_full_array_reports_enomem)
{
	int i, ret = 0;

	reset();
	for (i = 0; i < INIT_MEMBLOCK_REGIONS + 1 && !ret; i++)
		ret = memblock_reserve(0x100000 + (phys_addr_t)i * 0x2000,
				       0x1000);
	HT_EXPECT_EQ(ret, -ENOMEM);
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
}

static const struct host_test host_tests[] = {
	HOST_CASE(memblock_add_merges_touching_and_overlapping),
	HOST_CASE(memblock_regions_stay_sorted),
	HOST_CASE(memblock_remove_splits_region),
	HOST_CASE(memblock_free_ranges_skip_reservations),
	HOST_CASE(memblock_alloc_is_top_down_aligned_and_reserved),
	HOST_CASE(memblock_alloc_respects_limit_and_fails_cleanly),
	HOST_CASE(memblock_alloc_zeroes_memory),
	HOST_CASE(memblock_free_all_hands_over_aligned_blocks),
	HOST_CASE(memblock_full_array_reports_enomem),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
