/*
 * init_mm: the kernel's own address space.  Kernel threads borrow
 * whatever mm ran before them; before any process exists that is this
 * one, whose page tables are init_top_pgt.  It has no VMAs and is
 * never freed.
 */
#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>

struct mm_struct init_mm = {
	.pgd = init_top_pgt,
	.mm_users = ATOMIC_INIT(2),
	/* init_task's active_mm, plus one that is never dropped. */
	.mm_count = ATOMIC_INIT(2),
	.mm_rb = RB_ROOT,
	.mmap_list = LIST_HEAD_INIT(init_mm.mmap_list),
	.mmap_lock = __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.mmlist = LIST_HEAD_INIT(init_mm.mmlist),
};
