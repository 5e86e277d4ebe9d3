/*
 * Lines on which nobody answers.
 *
 * A handler returns IRQ_NONE when its device did not interrupt.  If
 * that is the answer of every handler for nearly every interrupt of a
 * line, some device nobody drives is holding it (a level line stuck
 * high would otherwise take the CPU forever): after 100000 interrupts
 * of which more than 99900 went unclaimed, report "nobody cared" and
 * disable the line.  A new request_irq() on it enables it again.
 */
#include <linux/bug.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "internals.h"

#define SPURIOUS_WINDOW 100000
#define SPURIOUS_LIMIT 99900

static void report_bad_irq(struct irq_desc *desc, irqreturn_t action_ret)
{
	unsigned int irq = desc->irq_data.irq;
	struct irqaction *action;
	unsigned long flags;

	if (action_ret == IRQ_NONE || action_ret == IRQ_HANDLED)
		pr_err("irq %u: nobody cared\n", irq);
	else
		pr_err("irq event %u: bogus return value %x\n", irq,
		       action_ret);
	dump_stack();
	pr_err("handlers:\n");
	spin_lock_irqsave(&desc->lock, flags);
	for_each_action_of_desc(desc, action)
		pr_err("[<%p>] %ps\n", action->handler, action->handler);
	spin_unlock_irqrestore(&desc->lock, flags);
}

static void disable_bad_irq(struct irq_desc *desc)
{
	unsigned long flags;

	pr_emerg("Disabling IRQ #%u\n", desc->irq_data.irq);
	spin_lock_irqsave(&desc->lock, flags);
	desc->istate |= IRQS_SPURIOUS_DISABLED;
	desc->depth++;
	irq_disable(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/*
 * Unclaimed interrupts more than HZ/10 apart start the count afresh:
 * an occasional stray one on a busy shared line is normal.
 */
static void count_unhandled(struct irq_desc *desc)
{
	if (time_after(jiffies, desc->last_unhandled + HZ / 10))
		desc->irqs_unhandled = 1;
	else
		desc->irqs_unhandled++;
	desc->last_unhandled = jiffies;
}

/**
 * note_interrupt - account one interrupt of @desc for spurious detection.
 * @desc: the line
 * @action_ret: what its handlers returned, or-ed
 *
 * Hardirq context, desc->lock not held (only this CPU is running the
 * handlers, so the counters have a single writer).
 */
void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret)
{
	if (action_ret & ~(IRQ_HANDLED | IRQ_WAKE_THREAD)) {
		report_bad_irq(desc, action_ret);
		return;
	}
	if (action_ret == IRQ_NONE)
		count_unhandled(desc);
	if (++desc->irq_count < SPURIOUS_WINDOW)
		return;
	desc->irq_count = 0;
	if (desc->irqs_unhandled > SPURIOUS_LIMIT) {
		report_bad_irq(desc, action_ret);
		disable_bad_irq(desc);
	}
	desc->irqs_unhandled = 0;
}
