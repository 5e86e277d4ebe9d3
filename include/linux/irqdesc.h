#ifndef _LINUX_IRQDESC_H
#define _LINUX_IRQDESC_H

#include <linux/irq.h>
#include <linux/spinlock.h>

struct irqaction;

/**
 * struct irq_desc - everything the kernel knows about one interrupt line
 * @irq_data: the line as its chip sees it
 * @handle_irq: the flow handler (handle_edge_irq, ...)
 * @action: the handlers, in request_irq() order (seed 001: a shared line
 *	calls each of them)
 * @istate: IRQS_* bits, under @lock
 * @depth: disable_irq() nesting; 0 means enabled
 * @irq_count: interrupts seen in the current spurious-detection window
 * @irqs_unhandled: of those, how many no handler claimed
 * @last_unhandled: jiffies of the last unclaimed one
 * @lock: protects all of the above
 * @name: the flow's name in /proc/interrupts ("edge", "fasteoi")
 *
 * The per-CPU counts live in struct kernel_stat.
 */
struct irq_desc {
	struct irq_data irq_data;
	irq_flow_handler_t handle_irq;
	struct irqaction *action;
	unsigned int istate;
	unsigned int depth;
	unsigned int irq_count;
	unsigned int irqs_unhandled;
	unsigned long last_unhandled;
	raw_spinlock_t lock;
	const char *name;
};

/* istate bits. */
#define IRQS_PENDING 0x0001 /* came while disabled or busy */
#define IRQS_REPLAY 0x0002 /* being resent by software */
#define IRQS_SPURIOUS_DISABLED 0x0004 /* turned off: nobody cared */

extern struct irq_desc irq_desc[NR_IRQS];

static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

static inline unsigned int irq_desc_get_irq(struct irq_desc *desc)
{
	return desc->irq_data.irq;
}

static inline struct irq_chip *irq_desc_get_chip(struct irq_desc *desc)
{
	return desc->irq_data.chip;
}

/* Run @desc's flow handler; the caller is in hardirq context. */
static inline void generic_handle_irq_desc(struct irq_desc *desc)
{
	desc->handle_irq(desc);
}

int generic_handle_irq(unsigned int irq);
void early_irq_init(void);

#define for_each_irq_desc(irq, desc) \
	for ((irq) = 0, (desc) = irq_desc; (irq) < NR_IRQS; (irq)++, (desc)++)

#define for_each_action_of_desc(desc, act) \
	for ((act) = (desc)->action; (act); (act) = (act)->next)

#endif /* _LINUX_IRQDESC_H */
