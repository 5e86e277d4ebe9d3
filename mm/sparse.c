/*
 * Sparse memory with a virtually mapped memmap (SPARSEMEM_VMEMMAP):
 * the struct page array lives at VMEMMAP_START indexed by pfn, but only
 * the 128 MiB sections that contain RAM are backed by memory.  A 1 GiB
 * PCI hole below 4 GiB therefore costs nothing.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>

unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))];

static void __init mark_section_present(unsigned long nr)
{
	mem_section_present[nr / (8 * sizeof(long))] |=
		1UL << (nr % (8 * sizeof(long)));
}

/**
 * sparse_init - mark RAM sections present and back their struct pages.
 *
 * From paging_init(), after the direct map exists.  Panics if memory
 * for the memmap cannot be found: there is no kernel without it.
 */
void __init sparse_init(void)
{
	struct memblock_region *rgn;
	unsigned long nr, first, last;

	for_each_mem_region(rgn) {
		first = pfn_to_section_nr(PFN_DOWN(rgn->base));
		last = pfn_to_section_nr(PFN_UP(rgn->base + rgn->size) - 1);
		for (nr = first; nr <= last && nr < NR_MEM_SECTIONS; nr++) {
			if (present_section_nr(nr))
				continue;
			mark_section_present(nr);
			if (vmemmap_populate((unsigned long)pfn_to_page(
						     nr << PFN_SECTION_SHIFT),
					     (unsigned long)pfn_to_page(
						     (nr + 1)
						     << PFN_SECTION_SHIFT)))
				panic("sparse: no memory for the memmap of section %lu",
				      nr);
		}
	}
}
