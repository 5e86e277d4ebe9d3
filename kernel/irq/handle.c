/*
 * Calling the handlers of a line (seed 001: do_IRQ → handle_IRQ_event,
 * "依次调用在该中断线上注册的每一个程序").
 */
#include <linux/bug.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <asm/irqflags.h>

#include "internals.h"

/*
 * A handler must leave irqs off: the flow handler holds the line's lock
 * and the interrupt stack may not nest arbitrarily.
 */
static irqreturn_t run_action(struct irqaction *action, unsigned int irq)
{
	irqreturn_t res = action->handler(irq, action->dev_id);

	if (WARN_ONCE(!irqs_disabled(),
		      "irq %u handler %pS enabled interrupts\n", irq,
		      action->handler))
		local_irq_disable();
	return res;
}

/*
 * Every handler on the line runs, whatever the earlier ones returned:
 * several devices may have raised a shared line at once.
 */
static irqreturn_t __handle_irq_event(struct irq_desc *desc)
{
	unsigned int irq = desc->irq_data.irq;
	irqreturn_t retval = IRQ_NONE;
	struct irqaction *action;

	for_each_action_of_desc(desc, action)
		retval |= run_action(action, irq);
	return retval;
}

/**
 * handle_irq_event - run @desc's handlers with its lock dropped.
 * @desc: the line; locked, irqs off
 *
 * IRQD_IRQ_INPROGRESS keeps other CPUs from running the same handlers
 * meanwhile (they mark the interrupt pending instead), and is what
 * synchronize_irq() waits on.  Returns the handlers' results or-ed.
 */
irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	irqreturn_t ret;

	desc->istate &= ~IRQS_PENDING;
	irqd_set(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	spin_unlock(&desc->lock);

	ret = __handle_irq_event(desc);
	note_interrupt(desc, ret);
	add_interrupt_randomness(desc->irq_data.irq); /* timing entropy */

	spin_lock(&desc->lock);
	irqd_clear(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	return ret;
}

/**
 * handle_bad_irq - flow handler of a line nobody set up.
 * @desc: the line
 *
 * Counts it, says so (for the first few), and lets the architecture
 * acknowledge it (ack_bad_irq()), so the controller is not left
 * waiting for an EOI that never comes.
 */
void handle_bad_irq(struct irq_desc *desc)
{
	unsigned int irq = desc->irq_data.irq;

	kstat_incr_irqs_this_cpu(desc);
	if (kstat_irqs(irq) <= 10)
		pr_err("irq %u: unexpected interrupt (chip %s)\n", irq,
		       desc->irq_data.chip->name);
	ack_bad_irq(irq);
}

static void ack_bad(struct irq_data *data)
{
	ack_bad_irq(data->irq);
}

static void noop(struct irq_data *data)
{
}

static unsigned int noop_ret(struct irq_data *data)
{
	return 0;
}

/* The chip of a line with no controller behind it. */
struct irq_chip no_irq_chip = {
	.name = "none",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_ack = ack_bad,
};

/* For lines raised only in software: everything succeeds, nothing acks. */
struct irq_chip dummy_irq_chip = {
	.name = "dummy",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_mask = noop,
	.irq_unmask = noop,
};
