#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

/*
 * Four-level paging: PGD (PML4) -> PUD (PDPT) -> PMD (PD) -> PTE, 512
 * entries each, 9 bits of the address per level.
 */
#define PTRS_PER_PGD 512
#define PTRS_PER_PUD 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PTE 512
#define PUD_SIZE (_AC(1, UL) << PUD_SHIFT)
#define PUD_MASK (~(PUD_SIZE - 1))
#define PMD_MASK (~(PMD_SIZE - 1))
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define KERNEL_PGD_BOUNDARY (PTRS_PER_PGD / 2) /* kernel half starts here */

/* The kernel's page tables (swapper_pg_dir in Linux's older name). */
extern pgd_t init_top_pgt[PTRS_PER_PGD];

static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

#define pgd_offset_pgd(pgd, addr) ((pgd) + pgd_index(addr))
#define pgd_offset_k(addr) pgd_offset_pgd(init_top_pgt, (addr))

static inline bool pgd_none(pgd_t pgd)
{
	return !pgd_val(pgd);
}

static inline bool pud_none(pud_t pud)
{
	return !pud_val(pud);
}

static inline bool pmd_none(pmd_t pmd)
{
	return !pmd_val(pmd);
}

static inline bool pte_none(pte_t pte)
{
	return !pte_val(pte);
}

static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & _PAGE_PRESENT;
}

/* A PUD or PMD entry that maps a 1 GiB / 2 MiB page itself. */
static inline bool pud_large(pud_t pud)
{
	return (pud_val(pud) & (_PAGE_PSE | _PAGE_PRESENT)) ==
	       (_PAGE_PSE | _PAGE_PRESENT);
}

static inline bool pmd_large(pmd_t pmd)
{
	return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_PRESENT)) ==
	       (_PAGE_PSE | _PAGE_PRESENT);
}

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)__va(pgd_val(*pgd) & PTE_PFN_MASK) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)__va(pud_val(*pud) & PTE_PFN_MASK) + pmd_index(addr);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)__va(pmd_val(*pmd) & PTE_PFN_MASK) + pte_index(addr);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((u64)pfn << PAGE_SHIFT) |
		     (pgprot_val(prot) & __supported_pte_mask));
}

static inline void set_pgd(pgd_t *p, pgd_t v)
{
	WRITE_ONCE(p->pgd, pgd_val(v));
}

static inline void set_pud(pud_t *p, pud_t v)
{
	WRITE_ONCE(p->pud, pud_val(v));
}

static inline void set_pmd(pmd_t *p, pmd_t v)
{
	WRITE_ONCE(p->pmd, pmd_val(v));
}

static inline void set_pte(pte_t *p, pte_t v)
{
	WRITE_ONCE(p->pte, pte_val(v));
}

static inline void pte_clear(pte_t *p)
{
	set_pte(p, __pte(0));
}

/* Link a freshly zeroed lower-level table (a direct-map address). */
static inline void pgd_populate(pgd_t *pgd, pud_t *pud)
{
	set_pgd(pgd, __pgd(__pa(pud) | _KERNPG_TABLE));
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
}

static inline void pmd_populate_kernel(pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}

/*
 * Walk the kernel page tables to the entry mapping @addr.  Returns the
 * PTE, or NULL when @addr is unmapped or mapped by a large page (then
 * *level says which: 1 = 1 GiB, 2 = 2 MiB).
 */
static inline pte_t *lookup_address(unsigned long addr, unsigned int *level)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pud_t *pud;
	pmd_t *pmd;

	*level = 0;
	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	*level = 1;
	if (pud_none(*pud) || pud_large(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	*level = 2;
	if (pmd_none(*pmd) || pmd_large(*pmd))
		return NULL;
	*level = 3;
	return pte_offset_kernel(pmd, addr);
}

/* Change the protection of kernel pages (4 KiB mappings only). */
int set_memory_ro(unsigned long addr, int numpages);
int set_memory_rw(unsigned long addr, int numpages);
int set_memory_nx(unsigned long addr, int numpages);
int set_memory_x(unsigned long addr, int numpages);

void paging_init(void);
void init_mem_mapping(void);
void free_kernel_image_pages(const char *what, void *begin, void *end);

/* int3: poison for freed init code, so a stale call traps. */
#define POISON_FREE_INITMEM 0xcc

#endif /* _ASM_X86_PGTABLE_H */
