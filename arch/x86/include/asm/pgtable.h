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

/*
 * User pages (mm/memory.c).  A PROT_NONE page keeps its frame but is
 * not present to the CPU: _PAGE_PROTNONE (the global bit, which means
 * nothing in a non-present entry and is never set in a user one) marks
 * it, so that unmap and fork still find the page behind it.
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL
/* What pte_modify() keeps of an entry: the frame and the A/D bits. */
#define _PAGE_CHG_MASK (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)

#define __PAGE_USER (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_NONE __pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED __pgprot(__PAGE_USER | _PAGE_RW | _PAGE_NX)
#define PAGE_SHARED_EXEC __pgprot(__PAGE_USER | _PAGE_RW)
#define PAGE_COPY_NOEXEC __pgprot(__PAGE_USER | _PAGE_NX)
#define PAGE_COPY_EXEC __pgprot(__PAGE_USER)
#define PAGE_COPY PAGE_COPY_NOEXEC
#define PAGE_READONLY __pgprot(__PAGE_USER | _PAGE_NX)
#define PAGE_READONLY_EXEC __pgprot(__PAGE_USER)

/* User page tables link with the user bit set: the leaf decides. */
static inline void pgd_populate_user(pgd_t *pgd, pud_t *pud)
{
	set_pgd(pgd, __pgd(__pa(pud) | _PAGE_TABLE));
}

static inline void pud_populate_user(pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _PAGE_TABLE));
}

static inline void pmd_populate_user(pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
}

static inline bool pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PROTNONE | _PAGE_PRESENT)) ==
	       _PAGE_PROTNONE;
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte_val(pte) & _PAGE_ACCESSED;
}

static inline bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_RW);
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_RW);
}

static inline pte_t pte_mkdirty(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_DIRTY);
}

static inline pte_t pte_mkyoung(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_ACCESSED);
}

/* The same frame and A/D state under the protection @prot. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return __pte(
		(pte_val(pte) & _PAGE_CHG_MASK) |
		(pgprot_val(prot) & ~_PAGE_CHG_MASK & __supported_pte_mask));
}

/*
 * Take write permission away atomically: the CPU may set the dirty bit
 * of the same entry at any moment, and a plain read-modify-write would
 * lose it.
 */
static inline void ptep_set_wrprotect(pte_t *ptep)
{
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_RELAXED);
}

/* Clear an entry and return what it held, A/D bits included. */
static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_RELAXED));
}

static inline void pmd_clear(pmd_t *pmd)
{
	set_pmd(pmd, __pmd(0));
}

static inline void pud_clear(pud_t *pud)
{
	set_pud(pud, __pud(0));
}

static inline void pgd_clear(pgd_t *pgd)
{
	set_pgd(pgd, __pgd(0));
}

/* The table a PMD/PUD/PGD entry points at (a direct-map address). */
static inline void *pmd_page_vaddr(pmd_t pmd)
{
	return __va(pmd_val(pmd) & PTE_PFN_MASK);
}

static inline void *pud_pgtable(pud_t pud)
{
	return __va(pud_val(pud) & PTE_PFN_MASK);
}

static inline void *pgd_pgtable(pgd_t pgd)
{
	return __va(pgd_val(pgd) & PTE_PFN_MASK);
}

/* The end of the table entry's span containing @addr, capped at @end. */
#define __pgtable_addr_end(addr, end, size)                          \
	({                                                           \
		unsigned long __b = ((addr) + (size)) & ~((size)-1); \
		(__b - 1 < (end)-1) ? __b : (end);                   \
	})
#define pgd_addr_end(addr, end) __pgtable_addr_end(addr, end, PGDIR_SIZE)
#define pud_addr_end(addr, end) __pgtable_addr_end(addr, end, PUD_SIZE)
#define pmd_addr_end(addr, end) __pgtable_addr_end(addr, end, PMD_SIZE)

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
