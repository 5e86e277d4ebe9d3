/*
 * User pages for in-kernel tests (include/ktest/user.h).  A private
 * PUD/PMD/PTE chain under PGD slot 0 of the kernel page tables, built
 * with the user bit at every level, and torn down again: the tests
 * leave the user half empty and every page returned.  Tests run one
 * at a time (in pid 1), so there is no locking.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <ktest/user.h>

static unsigned long table_pages[3]; /* pud, pmd, pte */
static unsigned long data_pages[KTEST_USER_MAX_PAGES];
static unsigned int mapped;

static pte_t *ktest_user_pte_table(void)
{
	pgd_t *pgd = pgd_offset_k(KTEST_USER_BASE);
	pud_t *pud = (pud_t *)table_pages[0];
	pmd_t *pmd = (pmd_t *)table_pages[1];

	set_pgd(pgd, __pgd(__pa(pud) | _PAGE_TABLE));
	set_pud(pud + pud_index(KTEST_USER_BASE),
		__pud(__pa(pmd) | _PAGE_TABLE));
	set_pmd(pmd + pmd_index(KTEST_USER_BASE),
		__pmd(__pa(table_pages[2]) | _PAGE_TABLE));
	return (pte_t *)table_pages[2] + pte_index(KTEST_USER_BASE);
}

static void free_all(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(data_pages); i++) {
		if (data_pages[i])
			free_pages(data_pages[i], 0);
		data_pages[i] = 0;
	}
	for (i = 0; i < ARRAY_SIZE(table_pages); i++) {
		if (table_pages[i])
			free_pages(table_pages[i], 0);
		table_pages[i] = 0;
	}
}

/** ktest_user_map - map @npages zeroed user pages at KTEST_USER_BASE. */
void __user *ktest_user_map(struct ktest *test, unsigned int npages)
{
	u64 prot = _PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED |
		   _PAGE_DIRTY;
	unsigned int i;
	pte_t *pte;

	KTEST_ASSERT_TRUE(test, npages && npages <= KTEST_USER_MAX_PAGES);
	KTEST_ASSERT_TRUE(test, !mapped);
	KTEST_ASSERT_TRUE(test, pgd_none(*pgd_offset_k(KTEST_USER_BASE)));
	for (i = 0; i < ARRAY_SIZE(table_pages); i++)
		table_pages[i] = get_zeroed_page(GFP_KERNEL);
	for (i = 0; i < npages; i++)
		data_pages[i] = get_zeroed_page(GFP_KERNEL);
	for (i = 0; i < ARRAY_SIZE(table_pages); i++)
		if (!table_pages[i])
			goto nomem;
	for (i = 0; i < npages; i++)
		if (!data_pages[i])
			goto nomem;
	pte = ktest_user_pte_table();
	for (i = 0; i < npages; i++)
		set_pte(pte + i, __pte(__pa(data_pages[i]) | prot));
	mapped = npages;
	return (void __user *)KTEST_USER_BASE;
nomem:
	free_all();
	KTEST_ASSERT_TRUE(test, !"out of memory for user pages");
	return NULL;
}

/** ktest_user_unmap - undo ktest_user_map(), freeing every page. */
void ktest_user_unmap(struct ktest *test)
{
	if (!mapped)
		return;
	set_pgd(pgd_offset_k(KTEST_USER_BASE), __pgd(0));
	flush_tlb_kernel_range(KTEST_USER_BASE,
			       KTEST_USER_BASE + mapped * PAGE_SIZE);
	__flush_tlb_all();
	free_all();
	mapped = 0;
}

/** ktest_user_kaddr - the kernel's view of the mapped user address. */
void *ktest_user_kaddr(const void __user *uaddr)
{
	unsigned long off = (unsigned long)uaddr - KTEST_USER_BASE;

	if (off >= mapped * PAGE_SIZE)
		return NULL;
	return (void *)(data_pages[off / PAGE_SIZE] + off % PAGE_SIZE);
}
