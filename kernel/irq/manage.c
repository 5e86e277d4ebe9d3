/*
 * The driver interface to interrupt lines: request_irq() and free_irq()
 * add and remove handlers; disable_irq() and enable_irq() nest; and
 * synchronize_irq() waits out handlers running on other CPUs.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <asm/barrier.h>
#include <asm/processor.h>

#include "internals.h"

/**
 * synchronize_irq - wait until no handler of @irq runs on any CPU.
 * @irq: the interrupt number
 *
 * Process context, or any context that is not itself a handler of
 * @irq on this CPU (that would wait forever).
 */
void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	bool inprogress;

	if (!desc)
		return;
	do {
		while (irqd_irq_inprogress(&desc->irq_data))
			cpu_relax();
		/* The flag is cleared under the lock: look once more there. */
		spin_lock_irqsave(&desc->lock, flags);
		inprogress = irqd_irq_inprogress(&desc->irq_data);
		spin_unlock_irqrestore(&desc->lock, flags);
	} while (inprogress);
}

/**
 * disable_irq_nosync - disable @irq without waiting for its handlers.
 * @irq: the interrupt number
 *
 * Nests: each call needs one enable_irq().  Any context.
 */
void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth++)
		irq_disable(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * disable_irq - disable @irq and wait until its handlers finished.
 * @irq: the interrupt number
 *
 * Nests.  Not from a handler of @irq (see synchronize_irq()).
 */
void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

/**
 * __enable_irq - drop one level of disable of @desc.
 * @desc: the line; locked, irqs off
 *
 * At depth zero the line is unmasked and an edge that came while it
 * was off is replayed.
 */
void __enable_irq(struct irq_desc *desc)
{
	switch (desc->depth) {
	case 0:
		WARN(1, "Unbalanced enable for IRQ %u\n", desc->irq_data.irq);
		break;
	case 1:
		if (desc->istate & IRQS_SPURIOUS_DISABLED)
			desc->istate &= ~IRQS_SPURIOUS_DISABLED;
		irq_enable(desc);
		check_irq_resend(desc);
		desc->depth--;
		break;
	default:
		desc->depth--;
	}
}

/**
 * enable_irq - undo one disable_irq() of @irq.
 * @irq: the interrupt number
 *
 * Any context.  An edge that arrived while the line was disabled is
 * delivered now.
 */
void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	__enable_irq(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/*
 * Two handlers may share a line only if both asked for it and agree on
 * how the line triggers.
 */
static bool irq_can_share(const struct irqaction *old,
			  const struct irqaction *act)
{
	unsigned int both = old->flags & act->flags;

	if (!(both & IRQF_SHARED))
		return false;
	return !((old->flags ^ act->flags) & (IRQF_TRIGGER_MASK | IRQF_PERCPU));
}

static void setup_first_action(struct irq_desc *desc,
			       const struct irqaction *act)
{
	struct irq_data *d = &desc->irq_data;
	unsigned int type = act->flags & IRQF_TRIGGER_MASK;

	if (type && d->chip->irq_set_type && !d->chip->irq_set_type(d, type)) {
		d->state &= ~(IRQD_TRIGGER_MASK | IRQD_LEVEL);
		d->state |= type |
			    (type & IRQ_TYPE_LEVEL_MASK ? IRQD_LEVEL : 0);
	}
	desc->istate &= ~(IRQS_PENDING | IRQS_SPURIOUS_DISABLED);
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	if (act->flags & IRQF_NO_AUTOEN)
		desc->depth = 1;
	else
		irq_startup(desc);
}

/* Add @act at the end of @desc's chain; the lock makes it atomic. */
static int __setup_irq(struct irq_desc *desc, struct irqaction *act)
{
	struct irqaction **p = &desc->action;
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	if (*p && !irq_can_share(*p, act)) {
		struct irqaction *old = *p;

		spin_unlock_irqrestore(&desc->lock, flags);
		if (!((old->flags | act->flags) & IRQF_PROBE_SHARED))
			pr_err("Flags mismatch irq %u. %08x (%s) vs. %08x (%s)\n",
			       act->irq, act->flags, act->name, old->flags,
			       old->name);
		return -EBUSY;
	}
	while (*p)
		p = &(*p)->next;
	if (!desc->action)
		setup_first_action(desc, act);
	else if (desc->istate & IRQS_SPURIOUS_DISABLED)
		__enable_irq(desc); /* a new driver gets a new chance */
	*p = act;
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

/**
 * request_irq - add a handler to an interrupt line.
 * @irq: the interrupt number
 * @handler: called in hardirq context for every interrupt of @irq
 * @flags: IRQF_*; IRQF_SHARED to allow other handlers on the line
 * @name: the owner, for /proc/interrupts
 * @dev_id: passed to @handler; must be unique per handler on a shared
 *	line, since free_irq() picks the handler by it
 *
 * Process context (allocates with GFP_KERNEL).  The line is enabled
 * when its first handler arrives, unless IRQF_NO_AUTOEN.  Returns 0;
 * -EINVAL for a bad number, a missing handler or a shared line without
 * @dev_id; -ENOSYS if @irq has no controller; -EBUSY if the line is
 * taken and cannot be shared; -ENOMEM.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	int ret;

	if (!desc || !handler)
		return -EINVAL;
	if ((flags & IRQF_SHARED) && !dev_id)
		return -EINVAL;
	if (desc->irq_data.chip == &no_irq_chip)
		return -ENOSYS;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->flags = flags;
	action->name = name;
	action->dev_id = dev_id;
	action->irq = irq;
	ret = __setup_irq(desc, action);
	if (ret)
		kfree(action);
	return ret;
}

/* Unlink the handler of @dev_id from @desc; NULL if there is none. */
static struct irqaction *__free_irq(struct irq_desc *desc, void *dev_id)
{
	struct irqaction **p, *action;
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	for (p = &desc->action; (action = *p); p = &action->next) {
		if (action->dev_id == dev_id)
			break;
	}
	if (action) {
		*p = action->next;
		if (!desc->action)
			irq_shutdown(desc);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return action;
}

/**
 * free_irq - remove the handler that request_irq() added with @dev_id.
 * @irq: the interrupt number
 * @dev_id: the cookie given to request_irq()
 *
 * Process context.  Waits until the handler no longer runs on any CPU;
 * the last handler's departure disables the line.  Returns the name
 * the handler was requested with, or NULL (with a warning) if there
 * was no such handler.
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	const char *name;

	if (!desc)
		return NULL;
	action = __free_irq(desc, dev_id);
	if (!action) {
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	synchronize_irq(irq);
	name = action->name;
	kfree(action);
	return name;
}
