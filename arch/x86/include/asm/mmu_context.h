#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <linux/cpumask.h>
#include <linux/mm_types.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

struct task_struct;

/*
 * Load @next's page tables.  Irqs off (the scheduler, kthread_use_mm).
 * The kernel half of every pgd is the same, so nothing kernel-side
 * changes; the CR3 write flushes the user half's (non-global) TLB
 * entries.  This CPU joins mm_cpumask(next) before CR3 is written and
 * leaves prev's after, so a shootdown that reads the mask after
 * changing a PTE either reaches us or finds us not yet (or no longer)
 * on that mm, in which case the CR3 write does the flush.
 */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	unsigned int cpu = smp_processor_id();

	if (prev == next && this_cpu_read(cpu_tlbstate.loaded_mm) == next)
		return;
	cpumask_set_cpu(cpu, mm_cpumask(next));
	this_cpu_write(cpu_tlbstate.loaded_mm, next);
	write_cr3(__pa(next->pgd));
	if (prev && prev != next)
		cpumask_clear_cpu(cpu, mm_cpumask(prev));
}

/* exec: load the new mm in place of the old (irqs off). */
#define activate_mm(prev, next) switch_mm((prev), (next), NULL)

#endif /* _ASM_X86_MMU_CONTEXT_H */
