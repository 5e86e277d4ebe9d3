#ifndef _KERNEL_IRQ_INTERNALS_H
#define _KERNEL_IRQ_INTERNALS_H

#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/kernel_stat.h>

/*
 * Private to kernel/irq/.  Every function here expects desc->lock held
 * with irqs off, except where it says otherwise.
 */
void irq_startup(struct irq_desc *desc);
void irq_shutdown(struct irq_desc *desc);
void irq_enable(struct irq_desc *desc);
void irq_disable(struct irq_desc *desc);
void mask_irq(struct irq_desc *desc);
void unmask_irq(struct irq_desc *desc);

/* Drops and retakes desc->lock around the handlers. */
irqreturn_t handle_irq_event(struct irq_desc *desc);

/* Called without desc->lock. */
void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret);

void check_irq_resend(struct irq_desc *desc);
void __enable_irq(struct irq_desc *desc);

static inline void irqd_set(struct irq_data *d, unsigned int bits)
{
	d->state |= bits;
}

static inline void irqd_clear(struct irq_data *d, unsigned int bits)
{
	d->state &= ~bits;
}

/* Count one interrupt of @desc on this CPU (irqs are off). */
static inline void kstat_incr_irqs_this_cpu(struct irq_desc *desc)
{
	struct kernel_stat *ks = this_cpu_ptr(&kstat);

	ks->irqs[desc->irq_data.irq]++;
	ks->irqs_sum++;
}

#endif /* _KERNEL_IRQ_INTERNALS_H */
