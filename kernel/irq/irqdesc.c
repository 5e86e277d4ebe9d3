/*
 * Interrupt descriptors: one struct irq_desc per interrupt number, in a
 * static table (NR_IRQS is small).  Numbers below NR_IRQS_LEGACY and the
 * I/O APIC pins are claimed by the architecture; irq_alloc_desc() hands
 * out the rest, for lines no firmware table describes.
 */
#include <linux/bug.h>
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/spinlock.h>

#include "internals.h"

struct irq_desc irq_desc[NR_IRQS];
DEFINE_PER_CPU(struct kernel_stat, kstat);

static DECLARE_BITMAP(allocated_irqs, NR_IRQS);
static DEFINE_SPINLOCK(sparse_irq_lock);

/* A line nobody set up: disabled, no chip, counted as bad if it fires. */
static void desc_set_defaults(unsigned int irq, struct irq_desc *desc)
{
	desc->irq_data.irq = irq;
	desc->irq_data.hwirq = 0;
	desc->irq_data.state = IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED;
	desc->irq_data.chip = &no_irq_chip;
	desc->irq_data.chip_data = NULL;
	desc->handle_irq = handle_bad_irq;
	desc->action = NULL;
	desc->istate = 0;
	desc->depth = 1;
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	desc->last_unhandled = 0;
	desc->name = NULL;
}

/**
 * early_irq_init - set every descriptor to its defaults.
 *
 * From init_IRQ(), boot CPU, irqs off, before any controller is set up.
 * The legacy numbers count as allocated: the ISA devices own them.
 */
void __init early_irq_init(void)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		spin_lock_init(&irq_desc[irq].lock);
		desc_set_defaults(irq, &irq_desc[irq]);
	}
	bitmap_set(allocated_irqs, 0, NR_IRQS_LEGACY);
}

/**
 * irq_reserve_irqs - mark interrupt numbers as owned by firmware lines.
 * @from: first number
 * @cnt: how many
 *
 * The I/O APIC code reserves one per pin.  Boot only.
 */
void __init irq_reserve_irqs(unsigned int from, unsigned int cnt)
{
	if (WARN_ON(from + cnt > NR_IRQS))
		return;
	bitmap_set(allocated_irqs, from, cnt);
}

/**
 * irq_alloc_desc - hand out a free interrupt number.
 * @node: NUMA node for the descriptor (unused: the table is static)
 *
 * Process context.  Returns the number, or -ENOSPC.  The caller gives
 * it a chip and flow handler before requesting it.
 */
int irq_alloc_desc(int node)
{
	unsigned long irq;

	spin_lock(&sparse_irq_lock);
	irq = find_next_zero_bit(allocated_irqs, NR_IRQS, NR_IRQS_LEGACY);
	if (irq < NR_IRQS)
		__set_bit(irq, allocated_irqs);
	spin_unlock(&sparse_irq_lock);
	return irq < NR_IRQS ? (int)irq : -ENOSPC;
}

/**
 * irq_free_desc - give back a number from irq_alloc_desc().
 * @irq: the number; it must have no handlers left
 *
 * Process context.
 */
void irq_free_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	unsigned int cpu;

	if (!desc || WARN_ON(desc->action))
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc_set_defaults(irq, desc);
	spin_unlock_irqrestore(&desc->lock, flags);
	for_each_online_cpu(cpu)
		per_cpu(kstat, cpu).irqs[irq] = 0;
	spin_lock(&sparse_irq_lock);
	__clear_bit(irq, allocated_irqs);
	spin_unlock(&sparse_irq_lock);
}

/**
 * generic_handle_irq - run the flow handler of interrupt @irq.
 * @irq: the interrupt number
 *
 * Hardirq context.  Returns 0, or -EINVAL for a number out of range.
 */
int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return -EINVAL;
	generic_handle_irq_desc(desc);
	return 0;
}

/**
 * kstat_irqs - how often @irq fired, summed over the online CPUs.
 * @irq: the interrupt number
 *
 * Any context; the sum is not a snapshot.
 */
unsigned int kstat_irqs(unsigned int irq)
{
	unsigned int cpu, sum = 0;

	if (irq >= NR_IRQS)
		return 0;
	for_each_online_cpu(cpu)
		sum += kstat_irqs_cpu(irq, cpu);
	return sum;
}

/** irq_get_irq_data - the chip-facing half of @irq's descriptor. */
struct irq_data *irq_get_irq_data(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? &desc->irq_data : NULL;
}

/** irq_get_chip_data - @irq's controller-private data, or NULL. */
void *irq_get_chip_data(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? desc->irq_data.chip_data : NULL;
}
