#ifndef _ASM_X86_IRQ_REGS_H
#define _ASM_X86_IRQ_REGS_H

#include <linux/percpu.h>

struct pt_regs;

/*
 * The registers the current interrupt interrupted, for code deep in a
 * handler that wants them (the tick: user or kernel time?).  NULL
 * outside interrupts.
 */
DECLARE_PER_CPU(struct pt_regs *, irq_regs);

static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old_regs = get_irq_regs();

	this_cpu_write(irq_regs, new_regs);
	return old_regs;
}

#endif /* _ASM_X86_IRQ_REGS_H */
