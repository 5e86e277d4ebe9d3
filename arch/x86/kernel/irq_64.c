/*
 * Per-CPU interrupt stacks (asm/irq_stack.h), and running hardirqs and
 * softirqs on them.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <asm/irq_stack.h>
#include <asm/page_types.h>

struct irq_stack {
	char stack[IRQ_STACK_SIZE];
} __aligned(16);

static DEFINE_PER_CPU(struct irq_stack, irq_stack_backing_store);
DEFINE_PER_CPU(void *, hardirq_stack_ptr);
DEFINE_PER_CPU(bool, hardirq_stack_inuse);

/**
 * irq_init_percpu_irqstack - point @cpu at its irq stack.
 * @cpu: the CPU, before it takes its first interrupt
 */
void irq_init_percpu_irqstack(unsigned int cpu)
{
	struct irq_stack *s = per_cpu_ptr(&irq_stack_backing_store, cpu);

	per_cpu(hardirq_stack_ptr, cpu) = s->stack + IRQ_STACK_SIZE;
}

/**
 * on_irq_stack - is @addr on this CPU's irq stack?
 * @addr: a stack address
 * @lo: receives the stack's lowest address
 * @hi: receives the address just above it
 */
bool on_irq_stack(unsigned long addr, unsigned long *lo, unsigned long *hi)
{
	unsigned long top = (unsigned long)this_cpu_read(hardirq_stack_ptr);

	if (!top || addr < top - IRQ_STACK_SIZE || addr >= top)
		return false;
	*lo = top - IRQ_STACK_SIZE;
	*hi = top;
	return true;
}

/**
 * call_on_irqstack_cond - call @func(@arg1, @arg2) on the irq stack.
 * @func: the function
 * @arg1: its first argument
 * @arg2: its second argument
 *
 * Irqs off.  If the irq stack is in use already (an interrupt nested in
 * a softirq), or not set up yet, @func runs where we are.
 */
void call_on_irqstack_cond(void (*func)(struct pt_regs *, unsigned long),
			   struct pt_regs *arg1, unsigned long arg2)
{
	void *stack = this_cpu_read(hardirq_stack_ptr);

	if (this_cpu_read(hardirq_stack_inuse) || !stack) {
		func(arg1, arg2);
		return;
	}
	this_cpu_write(hardirq_stack_inuse, true);
	call_on_stack(stack, func, arg1, arg2);
	this_cpu_write(hardirq_stack_inuse, false);
}

static void softirq_on_stack(struct pt_regs *unused, unsigned long unused2)
{
	__do_softirq();
}

/**
 * do_softirq_own_stack - run pending softirqs on the irq stack.
 *
 * From do_softirq(), irqs off, outside interrupt context.
 */
void do_softirq_own_stack(void)
{
	call_on_irqstack_cond(softirq_on_stack, NULL, 0);
}
