#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

struct task_struct;

/*
 * Load @next's page tables.  The kernel half of every pgd is the same,
 * so nothing kernel-side changes; the CR3 write flushes the user
 * half's (non-global) TLB entries.
 */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

#endif /* _ASM_X86_MMU_CONTEXT_H */
