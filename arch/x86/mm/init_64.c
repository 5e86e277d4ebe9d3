/*
 * The kernel's page tables (DESIGN.md §3, seed 000).
 *
 * head_64.S boots on tables that map the first 4 GiB three times with
 * 2 MiB read-write-execute pages.  init_mem_mapping() replaces them with
 * init_top_pgt:
 *
 *   0xffff880000000000  direct map of all RAM (and of the firmware's
 *                       ranges below 4 GiB), 1 GiB or 2 MiB pages, NX
 *   0xffffc90000000000  vmalloc area (mm/vmalloc.c fills it)
 *   0xffffea0000000000  vmemmap: struct pages of present sections
 *   0xffffffff80000000  the kernel image in 4 KiB pages: text RX,
 *                       rodata RO+NX, data/bss RW+NX
 *
 * The user half (PGD slots 0..255) stays empty.
 */
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <asm-generic/sections.h>

pgd_t init_top_pgt[PTRS_PER_PGD] __aligned(PAGE_SIZE)
	__section(".bss..page_aligned");
u64 __supported_pte_mask = ~0ULL;
unsigned long max_pfn;
unsigned long max_low_pfn;
static bool direct_gbpages;

static void *__init alloc_low_page(void)
{
	void *p = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!p)
		panic("init_mem_mapping: out of memory for page tables");
	return p;
}

static pud_t *__init fill_pud(pgd_t *pgd, unsigned long vaddr)
{
	if (pgd_none(*pgd))
		pgd_populate(pgd, alloc_low_page());
	return pud_offset(pgd, vaddr);
}

static pmd_t *__init fill_pmd(pud_t *pud, unsigned long vaddr)
{
	if (pud_none(*pud))
		pud_populate(pud, alloc_low_page());
	return pmd_offset(pud, vaddr);
}

static pte_t *__init fill_pte(pmd_t *pmd, unsigned long vaddr)
{
	if (pmd_none(*pmd))
		pmd_populate_kernel(pmd, alloc_low_page());
	return pte_offset_kernel(pmd, vaddr);
}

static bool can_map(unsigned long vaddr, phys_addr_t paddr, unsigned long size,
		    unsigned long page_size)
{
	return IS_ALIGNED(vaddr | paddr, page_size) && size >= page_size;
}

/*
 * Map [vaddr, vaddr + size) to [paddr, ...) with @prot, using 1 GiB and
 * 2 MiB pages where alignment allows and @large is set.  Boot only:
 * tables come from memblock.
 */
static void __init map_range(unsigned long vaddr, phys_addr_t paddr,
			     unsigned long size, pgprot_t prot, bool large)
{
	u64 big = (pgprot_val(prot) | _PAGE_PSE) & __supported_pte_mask;

	while (size) {
		unsigned long step = PAGE_SIZE;
		pud_t *pud = fill_pud(pgd_offset_k(vaddr), vaddr);
		pmd_t *pmd;

		if (large && direct_gbpages &&
		    can_map(vaddr, paddr, size, PUD_SIZE)) {
			set_pud(pud, __pud(paddr | big));
			step = PUD_SIZE;
		} else if (pmd = fill_pmd(pud, vaddr),
			   large && can_map(vaddr, paddr, size, PMD_SIZE)) {
			set_pmd(pmd, __pmd(paddr | big));
			step = PMD_SIZE;
		} else {
			set_pte(fill_pte(pmd, vaddr),
				pfn_pte(paddr >> PAGE_SHIFT, prot));
		}
		vaddr += step;
		paddr += step;
		size -= step;
	}
}

/*
 * RAM, plus the firmware's own ranges below 4 GiB (ACPI tables, BIOS
 * data) so that they can be read through __va().  Holes, where PCI
 * devices live, are left for ioremap().
 */
static void __init map_direct(void)
{
	struct memblock_region *rgn;
	u32 i;

	for_each_mem_region(rgn)
		map_range(PAGE_OFFSET + rgn->base, rgn->base, rgn->size,
			  PAGE_KERNEL, true);
	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN_DOWN(e->addr, PAGE_SIZE);
		u64 end = min(ALIGN(e->addr + e->size, PAGE_SIZE), 4ULL << 30);

		if (e->type != E820_TYPE_RAM && end > start)
			map_range(PAGE_OFFSET + start, start, end - start,
				  PAGE_KERNEL, false);
	}
}

static bool in_section(unsigned long addr, const char *start, const char *end)
{
	return addr >= (unsigned long)start && addr < (unsigned long)end;
}

/* W^X: what each page of the kernel image may be used for. */
static pgprot_t __init kernel_image_prot(unsigned long addr)
{
	if (in_section(addr, _text, __init_text_end))
		return PAGE_KERNEL_ROX; /* .text and .init.text */
	if (in_section(addr, __start_rodata, __end_rodata))
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void __init map_kernel_image(void)
{
	unsigned long addr = (unsigned long)_text & PAGE_MASK;

	for (; addr < (unsigned long)_end; addr += PAGE_SIZE)
		map_range(addr, __pa_symbol(addr), PAGE_SIZE,
			  kernel_image_prot(addr), false);
}

static void __init probe_page_sizes(void)
{
	u32 a, b, c, d;

	cpuid(0x80000001, &a, &b, &c, &d);
	direct_gbpages = d & (1U << 26); /* Page1GB */
	if (!boot_cpu_has_nx())
		__supported_pte_mask &= ~_PAGE_NX;
}

/**
 * init_mem_mapping - build init_top_pgt and switch to it.
 *
 * From setup_arch(), after memblock knows RAM and the reservations.
 * Until the switch, new tables must lie in the first 4 GiB, which is
 * all the boot tables map.
 */
void __init init_mem_mapping(void)
{
	probe_page_sizes();
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	max_low_pfn = min(max_pfn, MAX_DMA32_PFN);
	memblock_set_current_limit(4ULL << 30);
	map_direct();
	map_kernel_image();
	write_cr3(__pa_symbol(init_top_pgt));
	/* Global pages: kernel entries survive the CR3 writes of switch_mm. */
	__write_cr4(__read_cr4() | X86_CR4_PGE);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	pr_info("x86/mm: direct map of %lluM with %s pages, kernel image W^X\n",
		memblock_phys_mem_size() >> 20, direct_gbpages ? "1G" : "2M");
}

/**
 * vmemmap_populate - back [start, end) of the vmemmap with zeroed memory.
 *
 * Boot only.  2 MiB pages where memblock can provide them, 4 KiB pages
 * otherwise.  Returns 0 or -ENOMEM.
 */
int __init vmemmap_populate(unsigned long start, unsigned long end)
{
	unsigned long addr = start & PAGE_MASK;

	while (addr < end) {
		pmd_t *pmd = fill_pmd(fill_pud(pgd_offset_k(addr), addr), addr);
		phys_addr_t pa;

		if (pmd_large(*pmd)) {
			addr = (addr & PMD_MASK) + PMD_SIZE;
			continue;
		}
		if (IS_ALIGNED(addr, PMD_SIZE) && end - addr >= PMD_SIZE &&
		    pmd_none(*pmd) &&
		    (pa = memblock_phys_alloc(PMD_SIZE, PMD_SIZE))) {
			memset(__va(pa), 0, PMD_SIZE);
			set_pmd(pmd, __pmd(pa | ((__PAGE_KERNEL | _PAGE_PSE) &
						 __supported_pte_mask)));
			addr += PMD_SIZE;
			continue;
		}
		pa = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!pa)
			return -ENOMEM;
		memset(__va(pa), 0, PAGE_SIZE);
		set_pte(fill_pte(pmd, addr),
			pfn_pte(PFN_DOWN(pa), PAGE_KERNEL));
		addr += PAGE_SIZE;
	}
	return 0;
}

/**
 * paging_init - the struct page array and the zones.
 *
 * From setup_arch(), after init_mem_mapping().
 */
void __init paging_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA] = min(max_pfn, MAX_DMA_PFN),
		[ZONE_DMA32] = min(max_pfn, MAX_DMA32_PFN),
		[ZONE_NORMAL] = max_pfn,
	};

	sparse_init();
	free_area_init(max_zone_pfns);
}

static int change_page_attr(unsigned long addr, int numpages, u64 set,
			    u64 clear)
{
	unsigned long start = addr & PAGE_MASK,
		      end = start + numpages * PAGE_SIZE;
	unsigned int level;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = lookup_address(addr, &level);

		if (!pte || !pte_present(*pte))
			return -EINVAL;
		set_pte(pte, __pte(((pte_val(*pte) & ~clear) | set) &
				   __supported_pte_mask));
	}
	flush_tlb_kernel_range(start, end);
	return 0;
}

/** set_memory_ro - make kernel pages read-only.  Returns 0 or -EINVAL. */
int set_memory_ro(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, 0, _PAGE_RW);
}

/** set_memory_rw - make kernel pages writable. */
int set_memory_rw(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, _PAGE_RW, 0);
}

/** set_memory_nx - make kernel pages non-executable. */
int set_memory_nx(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, _PAGE_NX, 0);
}

/** set_memory_x - make kernel pages executable. */
int set_memory_x(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, 0, _PAGE_NX);
}

/**
 * free_kernel_image_pages - give a range of the kernel image back.
 * @what: its name for the log ("unused kernel image (initmem)")
 * @begin: first byte (page aligned, kernel image address)
 * @end: end (page aligned)
 *
 * The pages go to the buddy allocator (through their direct-map alias)
 * and their image alias is unmapped, so stale code there can neither
 * run nor be run into.  Boot, once, from free_initmem().
 */
void free_kernel_image_pages(const char *what, void *begin, void *end)
{
	unsigned long addr, start = (unsigned long)begin;
	unsigned int level;

	free_reserved_area(begin, end, POISON_FREE_INITMEM, what);
	for (addr = start; addr < (unsigned long)end; addr += PAGE_SIZE) {
		pte_t *pte = lookup_address(addr, &level);

		if (pte)
			pte_clear(pte);
	}
	flush_tlb_kernel_range(start, (unsigned long)end);
}
