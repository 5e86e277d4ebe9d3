/*
 * init_mm: the kernel's own address space.  Kernel threads borrow
 * whatever mm ran before them; before any process exists that is this
 * one, whose page tables are init_top_pgt.
 */
#include <linux/bug.h>
#include <linux/mm_types.h>
#include <asm/pgtable.h>

struct mm_struct init_mm = {
	.pgd = init_top_pgt,
	.mm_users = ATOMIC_INIT(2),
	/* One reference for good, one for init_task's lazy use of it. */
	.mm_count = ATOMIC_INIT(2),
};

/**
 * __mmdrop - free an mm whose last reference went away.
 *
 * Address spaces of processes arrive with the processes issue; until
 * then only init_mm exists and must never get here.
 */
void __mmdrop(struct mm_struct *mm)
{
	WARN_ONCE(1, "__mmdrop of an mm (%p) that cannot be freed yet\n", mm);
}
