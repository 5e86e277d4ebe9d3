#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

/*
 * Page tables seen from generic mm code: the x86 entry helpers of
 * asm/pgtable.h plus what needs struct page (pte_page, mk_pte) or an
 * mm (pgd_offset).
 */
#include <linux/mm.h>
#include <asm/pgtable.h>

#define pgd_offset(mm, addr) pgd_offset_pgd((pgd_t *)(mm)->pgd, (addr))

static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

#endif /* _LINUX_PGTABLE_H */
