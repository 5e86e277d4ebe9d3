/*
 * /proc/interrupts: one line per interrupt that has a handler or has
 * fired, with a count per online CPU, the controller, its pin, the flow
 * and the handlers' names; then the architecture's own lines (local
 * timer, IPIs, errors).  The layout is Linux's, column for column, so
 * tools that parse it work unchanged:
 *
 *	           CPU0       CPU1
 *	  4:         12          0   IO-APIC   4-edge      ttyS0
 *	LOC:      25031      24987   Local timer interrupts
 */
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel_stat.h>
#include <linux/seq_file.h>

/* Digits needed for the largest interrupt number, at least 3. */
static int irq_number_width(void)
{
	int prec = 3;
	unsigned int j = 1000;

	while (prec < 10 && j <= NR_IRQS) {
		prec++;
		j *= 10;
	}
	return prec;
}

static void show_header(struct seq_file *p, int prec)
{
	unsigned int cpu;

	seq_printf(p, "%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(p, "CPU%-8u", cpu);
	seq_putc(p, '\n');
}

static void show_one_irq(struct seq_file *p, int prec, struct irq_desc *desc)
{
	unsigned int irq = desc->irq_data.irq, cpu;
	struct irqaction *action;
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->action && !kstat_irqs(irq))
		goto out_unlock;
	seq_printf(p, "%*u: ", prec, irq);
	for_each_online_cpu(cpu)
		seq_printf(p, "%10u ", kstat_irqs_cpu(irq, cpu));
	seq_printf(p, " %8s", desc->irq_data.chip->name);
	seq_printf(p, " %*lu", prec, desc->irq_data.hwirq);
	if (desc->name)
		seq_printf(p, "-%-8s", desc->name);
	action = desc->action;
	if (action) {
		seq_printf(p, "  %s", action->name);
		while ((action = action->next))
			seq_printf(p, ", %s", action->name);
	}
	seq_putc(p, '\n');
out_unlock:
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * show_interrupts - write the whole of /proc/interrupts into @p.
 * @p: the output
 * @v: unused (the procfs iterator's position)
 *
 * Process context.  Returns 0.
 */
int show_interrupts(struct seq_file *p, void *v)
{
	int prec = irq_number_width();
	struct irq_desc *desc;
	unsigned int irq;

	show_header(p, prec);
	for_each_irq_desc(irq, desc)
		show_one_irq(p, prec, desc);
	return arch_show_interrupts(p, prec);
}
