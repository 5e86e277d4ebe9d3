#ifndef _ASM_X86_IRQ_STACK_H
#define _ASM_X86_IRQ_STACK_H

#include <linux/linkage.h>
#include <linux/types.h>
#include <linux/percpu.h>

/*
 * Each CPU has one IRQ_STACK_SIZE stack for hardirqs and the softirqs
 * run at their end, so an interrupt never adds its depth to a task's
 * 16 KiB stack (seed 001: "2.6版本后，中断处理程序有了自己的栈").  The
 * first interrupt switches to it; an interrupt arriving while it is in
 * use (a softirq runs with irqs on) stays on it.
 */
DECLARE_PER_CPU(void *, hardirq_stack_ptr); /* top, 16-byte aligned */
DECLARE_PER_CPU(bool, hardirq_stack_inuse);

/*
 * entry_64.S: call @func(@arg1, @arg2) with %rsp = @stack, and come
 * back to the caller's stack.  The frame-pointer chain continues from
 * the new stack into the old one, so backtraces cross over.
 */
asmlinkage void call_on_stack(void *stack, void *func, void *arg1,
			      unsigned long arg2);

struct pt_regs;

void call_on_irqstack_cond(void (*func)(struct pt_regs *, unsigned long),
			   struct pt_regs *arg1, unsigned long arg2);
void irq_init_percpu_irqstack(unsigned int cpu);
bool on_irq_stack(unsigned long addr, unsigned long *lo, unsigned long *hi);

#endif /* _ASM_X86_IRQ_STACK_H */
