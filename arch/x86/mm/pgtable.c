/*
 * Page-table pages of user address spaces, and the PTE protection of
 * each VMA permission combination.
 *
 * A process's pgd has two halves: the user half (entries 0-255) starts
 * empty and is filled on demand by mm/memory.c; the kernel half
 * (256-511) is a copy of init_top_pgt's, made when the pgd is
 * allocated.  The kernel never adds a top-level entry after boot
 * (vmalloc populates all of its own at init), so the copy stays
 * complete and kernel mappings appear in every process.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>

static void *pgtable_page_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	mod_node_page_state(NR_PAGETABLE, 1);
	atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
	return page_address(page);
}

static void pgtable_page_free(struct mm_struct *mm, void *table)
{
	mod_node_page_state(NR_PAGETABLE, -1);
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
	free_page((unsigned long)table);
}

/**
 * pgd_alloc - the top-level table of a new address space.
 * @mm: the mm it is for (its pgtables_bytes counts it)
 *
 * May sleep.  The user half is empty, the kernel half is init_top_pgt's.
 * Returns the table, or NULL when out of memory.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = pgtable_page_alloc(mm);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

/**
 * pgd_free - free a table from pgd_alloc().
 * @mm: its mm, whose user half must already be empty (exit_mmap)
 * @pgd: the table
 *
 * No CPU may have it loaded any more.
 */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	int i;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		WARN_ON_ONCE(!pgd_none(pgd[i]));
	pgtable_page_free(mm, pgd);
}

/** pud_alloc_one - a zeroed PUD table for @mm, or NULL.  May sleep. */
pud_t *pud_alloc_one(struct mm_struct *mm)
{
	return pgtable_page_alloc(mm);
}

/** pud_free - free a PUD table no entry points at any more. */
void pud_free(struct mm_struct *mm, pud_t *pud)
{
	pgtable_page_free(mm, pud);
}

/** pmd_alloc_one - a zeroed PMD table for @mm, or NULL.  May sleep. */
pmd_t *pmd_alloc_one(struct mm_struct *mm)
{
	return pgtable_page_alloc(mm);
}

/** pmd_free - free a PMD table no entry points at any more. */
void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	pgtable_page_free(mm, pmd);
}

/** pte_alloc_one - a zeroed PTE table for @mm, or NULL.  May sleep. */
pte_t *pte_alloc_one(struct mm_struct *mm)
{
	return pgtable_page_alloc(mm);
}

/** pte_free - free a PTE table no entry points at any more. */
void pte_free(struct mm_struct *mm, pte_t *pte)
{
	pgtable_page_free(mm, pte);
}

/*
 * x86 cannot express write-only or exec-only pages: write and exec
 * imply read.  Private writable areas map read-only (PAGE_COPY) so the
 * first write faults and copies or claims the page; shared ones map
 * writable.  Index: VM_READ | VM_WRITE | VM_EXEC | VM_SHARED.
 */
static const pgprot_t protection_map[16] = {
	[VM_NONE] = PAGE_NONE,
	[VM_READ] = PAGE_READONLY,
	[VM_WRITE] = PAGE_COPY,
	[VM_WRITE | VM_READ] = PAGE_COPY,
	[VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_WRITE] = PAGE_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ] = PAGE_COPY_EXEC,
	[VM_SHARED] = PAGE_NONE,
	[VM_SHARED | VM_READ] = PAGE_READONLY,
	[VM_SHARED | VM_WRITE] = PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ] = PAGE_SHARED,
	[VM_SHARED | VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE] = PAGE_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = PAGE_SHARED_EXEC,
};

/**
 * vm_get_page_prot - the PTE protection for a VMA with @vm_flags.
 * @vm_flags: VM_* of the area
 *
 * Any context.  NX is dropped on CPUs without it (__supported_pte_mask).
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot =
		protection_map[vm_flags & (VM_ACCESS_FLAGS | VM_SHARED)];

	return __pgprot(pgprot_val(prot) & __supported_pte_mask);
}
