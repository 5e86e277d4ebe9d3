#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

/*
 * Page-table pages of user address spaces (arch/x86/mm/pgtable.c).
 * Each is one zeroed page, counted in NR_PAGETABLE (meminfo's
 * PageTables) and in its mm's pgtables_bytes (VmPTE) while it lives.
 */
#include <asm/pgtable.h>

struct mm_struct;

pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
pud_t *pud_alloc_one(struct mm_struct *mm);
void pud_free(struct mm_struct *mm, pud_t *pud);
pmd_t *pmd_alloc_one(struct mm_struct *mm);
void pmd_free(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_alloc_one(struct mm_struct *mm);
void pte_free(struct mm_struct *mm, pte_t *pte);

#endif /* _ASM_X86_PGALLOC_H */
