/*
 * do_IRQ(): where every external interrupt and IPI enters C (seed 001:
 * "入口点代码将中断号压栈，存放寄存器，然后调用do_IRQ()").
 *
 * entry_64.S pushes the vector and the registers and calls do_IRQ() on
 * the interrupted stack, irqs off.  do_IRQ() moves to this CPU's irq
 * stack, enters hardirq context, and either calls a system vector's
 * handler (local timer, IPIs) or the flow handler of the line behind
 * the vector; irq_exit() then runs pending softirqs, still on the irq
 * stack.  Back on the task stack, an interrupt that came from the
 * kernel with preemption possible gives the scheduler its chance.
 */
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/irq_regs.h>
#include <asm/irq_stack.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

DEFINE_PER_CPU(irq_cpustat_t, irq_stat);
DEFINE_PER_CPU(struct pt_regs *, irq_regs);

atomic_t irq_err_count;
atomic_t irq_mis_count;

static sysvec_handler_t sysvec_table[NR_VECTORS - FIRST_SYSTEM_VECTOR];

/**
 * alloc_intr_gate - install the handler of system vector @vector.
 * @vector: LOCAL_TIMER_VECTOR or above
 * @handler: called in hardirq context; it must send the EOI itself
 *
 * Boot, before the vector can fire.
 */
void alloc_intr_gate(unsigned int vector, sysvec_handler_t handler)
{
	if (WARN_ON(vector < FIRST_SYSTEM_VECTOR || vector >= NR_VECTORS))
		return;
	sysvec_table[vector - FIRST_SYSTEM_VECTOR] = handler;
}

/**
 * ack_bad_irq - acknowledge an interrupt that no handler will see.
 * @irq: the interrupt number, for the message
 *
 * Hardirq context.  The local APIC keeps the vector in service, and
 * every vector of equal or lower priority blocked, until it gets an EOI.
 */
void ack_bad_irq(unsigned int irq)
{
	static unsigned int reported;

	if (reported++ < 10)
		pr_crit("unexpected IRQ trap at irq %u\n", irq);
	atomic_inc(&irq_err_count);
	apic_eoi();
}

static void handle_system_vector(struct pt_regs *regs, unsigned int vector)
{
	sysvec_handler_t handler = sysvec_table[vector - FIRST_SYSTEM_VECTOR];

	if (handler) {
		handler(regs);
		return;
	}
	apic_eoi();
	atomic_inc(&irq_err_count);
	pr_emerg("do_IRQ: %u.%u no handler for system vector\n",
		 smp_processor_id(), vector);
}

static void handle_device_vector(unsigned int vector)
{
	static unsigned int reported;
	struct irq_desc *desc = (*this_cpu_ptr(&vector_irq))[vector];

	if (likely(desc)) {
		generic_handle_irq_desc(desc);
		return;
	}
	apic_eoi();
	if (reported++ < 10)
		pr_emerg("do_IRQ: %u.%u No irq handler for vector\n",
			 smp_processor_id(), vector);
}

/* On the irq stack: the hardirq part of one interrupt. */
static void handle_vector(struct pt_regs *regs, unsigned long vector)
{
	irq_enter();
	if (vector >= FIRST_SYSTEM_VECTOR)
		handle_system_vector(regs, vector);
	else
		handle_device_vector(vector);
	irq_exit();
}

/*
 * Kernel preemption (DESIGN.md section 5): an interrupt that hit
 * preemptible kernel code reschedules on its way out if the scheduler
 * asked for it.  Interrupts from user mode reschedule on the way back
 * to user space instead (the scheduler issue adds that to entry_64.S).
 */
static void irqentry_exit_cond_resched(struct pt_regs *regs)
{
	if (!user_mode(regs) && should_resched(0))
		preempt_schedule_irq();
}

/**
 * do_IRQ - common entry of device interrupts and IPIs.
 * @regs: the interrupted context
 * @vector: the IDT vector (32..255)
 *
 * Called from entry_64.S on the interrupted stack, irqs off.
 */
asmlinkage void do_IRQ(struct pt_regs *regs, unsigned long vector)
{
	struct pt_regs *old_regs = set_irq_regs(regs);

	call_on_irqstack_cond(handle_vector, regs, vector);
	set_irq_regs(old_regs);
	irqentry_exit_cond_resched(regs);
}

/* One "SYM:  count count ...  description" line; needs "cpu" in scope. */
#define SHOW_STAT(p, prec, sym, member, desc)                                  \
	do {                                                                   \
		seq_printf(p, "%*s: ", prec, sym);                             \
		for_each_online_cpu(cpu)                                       \
			seq_printf(p, "%10u ", per_cpu(irq_stat, cpu).member); \
		seq_printf(p, "  %s\n", desc);                                 \
	} while (0)

/**
 * arch_show_interrupts - the x86 lines at the end of /proc/interrupts.
 * @p: the output
 * @prec: width of the interrupt-number column
 *
 * Returns 0.
 */
int arch_show_interrupts(struct seq_file *p, int prec)
{
	unsigned int cpu;

	SHOW_STAT(p, prec, "NMI", __nmi_count, "Non-maskable interrupts");
	SHOW_STAT(p, prec, "LOC", apic_timer_irqs, "Local timer interrupts");
	SHOW_STAT(p, prec, "SPU", irq_spurious_count, "Spurious interrupts");
	SHOW_STAT(p, prec, "RES", irq_resched_count, "Rescheduling interrupts");
	SHOW_STAT(p, prec, "CAL", irq_call_count, "Function call interrupts");
	seq_printf(p, "%*s: %10u\n", prec, "ERR", atomic_read(&irq_err_count));
	seq_printf(p, "%*s: %10u\n", prec, "MIS", atomic_read(&irq_mis_count));
	return 0;
}
