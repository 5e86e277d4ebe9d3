/*
 * Flow handlers: the order in which a kind of line is acknowledged,
 * masked and served.
 *
 * Edge lines (the ISA devices, IPIs, MSI) latch one event per edge:
 * acknowledge first so a new edge during the handlers is not lost, and
 * if one comes while the handlers run on another CPU, mark it pending
 * and let that CPU loop.  Level lines (PCI INTx) stay asserted until
 * the device is served: mask while the handlers run, or the CPU would
 * take the same interrupt again at once.  "fasteoi" lines need only one
 * EOI at the end, the controller doing the masking (the I/O APIC's
 * remote IRR for a level pin).
 *
 * Every flow handler runs in hardirq context, irqs off, and takes the
 * descriptor's lock; handle_irq_event() drops it around the handlers.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>

#include "internals.h"

/** irq_set_chip - give @irq a controller (NULL: &no_irq_chip). */
int irq_set_chip(unsigned int irq, struct irq_chip *chip)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	desc->irq_data.chip = chip ? chip : &no_irq_chip;
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

/** irq_set_chip_data - set the controller's private data for @irq. */
int irq_set_chip_data(unsigned int irq, void *data)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return -EINVAL;
	desc->irq_data.chip_data = data;
	return 0;
}

/**
 * __irq_set_handler - give @irq a flow handler.
 * @irq: the interrupt number
 * @handle: handle_edge_irq and friends; NULL means handle_bad_irq
 * @name: the flow's name for /proc/interrupts, or NULL
 *
 * Process context, boot or driver setup, before request_irq().
 */
void __irq_set_handler(unsigned int irq, irq_flow_handler_t handle,
		       const char *name)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc->handle_irq = handle ? handle : handle_bad_irq;
	desc->name = name;
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * irq_set_chip_and_handler_name - set up @irq in one call.
 * @irq: the interrupt number
 * @chip: its controller
 * @handle: its flow handler
 * @name: the flow's name for /proc/interrupts, or NULL
 */
void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name)
{
	irq_set_chip(irq, chip);
	__irq_set_handler(irq, handle, name);
}

/**
 * irq_set_irq_type - set the trigger type of @irq.
 * @irq: the interrupt number
 * @type: IRQ_TYPE_*
 *
 * Returns 0, or the chip's error.  Process context.
 */
int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_data *d;
	unsigned long flags;
	int ret = 0;

	if (!desc)
		return -EINVAL;
	d = &desc->irq_data;
	type &= IRQ_TYPE_SENSE_MASK;
	spin_lock_irqsave(&desc->lock, flags);
	if (d->chip->irq_set_type)
		ret = d->chip->irq_set_type(d, type);
	if (!ret) {
		d->state &= ~(IRQD_TRIGGER_MASK | IRQD_LEVEL);
		d->state |= type;
		if (type & IRQ_TYPE_LEVEL_MASK)
			d->state |= IRQD_LEVEL;
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

/** mask_irq - stop @desc's line at its controller. */
void mask_irq(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (irqd_irq_masked(d))
		return;
	if (d->chip->irq_mask)
		d->chip->irq_mask(d);
	irqd_set(d, IRQD_IRQ_MASKED);
}

/** unmask_irq - let @desc's line interrupt again. */
void unmask_irq(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (!irqd_irq_masked(d))
		return;
	if (d->chip->irq_unmask)
		d->chip->irq_unmask(d);
	irqd_clear(d, IRQD_IRQ_MASKED);
}

static void mask_ack_irq(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	mask_irq(desc);
	if (d->chip->irq_ack)
		d->chip->irq_ack(d);
}

/** irq_enable - mark @desc enabled and unmask it. */
void irq_enable(struct irq_desc *desc)
{
	irqd_clear(&desc->irq_data, IRQD_IRQ_DISABLED);
	unmask_irq(desc);
}

/**
 * irq_disable - mark @desc disabled and mask it.
 * @desc: the line; locked, irqs off
 *
 * A chip that cannot mask (a software line) relies on the flow
 * handlers, which check the disabled bit and leave the interrupt
 * pending.
 */
void irq_disable(struct irq_desc *desc)
{
	irqd_set(&desc->irq_data, IRQD_IRQ_DISABLED);
	mask_irq(desc);
}

/** irq_startup - enable @desc for its first handler. */
void irq_startup(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	desc->depth = 0;
	irqd_set(d, IRQD_IRQ_STARTED);
	if (d->chip->irq_startup) {
		d->chip->irq_startup(d);
		irqd_clear(d, IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
		return;
	}
	irq_enable(desc);
}

/** irq_shutdown - disable @desc after its last handler left. */
void irq_shutdown(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	desc->depth = 1;
	irqd_clear(d, IRQD_IRQ_STARTED);
	if (d->chip->irq_shutdown) {
		d->chip->irq_shutdown(d);
		irqd_set(d, IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
		return;
	}
	irq_disable(desc);
}

/*
 * Can the handlers run now?  Not while they run on another CPU, not
 * while the line is disabled, not without handlers.  Otherwise remember
 * the interrupt: enable_irq() or the busy CPU replays it.
 */
static bool irq_may_run(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (irqd_irq_inprogress(d) || irqd_irq_disabled(d) || !desc->action) {
		desc->istate |= IRQS_PENDING;
		return false;
	}
	return true;
}

/**
 * handle_simple_irq - flow for lines that need no acknowledge at all.
 * @desc: the line
 */
void handle_simple_irq(struct irq_desc *desc)
{
	spin_lock(&desc->lock);
	if (irq_may_run(desc)) {
		kstat_incr_irqs_this_cpu(desc);
		handle_irq_event(desc);
	}
	spin_unlock(&desc->lock);
}

/**
 * handle_edge_irq - flow for edge-triggered lines.
 * @desc: the line
 *
 * Ack at once; loop while edges arrive (marked pending by other CPUs)
 * during the handlers, so none is lost.
 */
void handle_edge_irq(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	spin_lock(&desc->lock);
	desc->istate &= ~IRQS_REPLAY;
	if (!irq_may_run(desc)) {
		mask_ack_irq(desc);
		goto out_unlock;
	}
	kstat_incr_irqs_this_cpu(desc);
	if (d->chip->irq_ack)
		d->chip->irq_ack(d);
	do {
		if (!desc->action) {
			mask_irq(desc);
			break;
		}
		/* Masked by a CPU that saw an edge while we were busy. */
		if ((desc->istate & IRQS_PENDING) && !irqd_irq_disabled(d))
			unmask_irq(desc);
		handle_irq_event(desc);
	} while ((desc->istate & IRQS_PENDING) && !irqd_irq_disabled(d));
out_unlock:
	spin_unlock(&desc->lock);
}

/**
 * handle_level_irq - flow for level-triggered lines.
 * @desc: the line
 *
 * Mask and ack first, run the handlers (which quiet the device), then
 * unmask unless someone disabled the line meanwhile.
 */
void handle_level_irq(struct irq_desc *desc)
{
	spin_lock(&desc->lock);
	mask_ack_irq(desc);
	if (!irq_may_run(desc))
		goto out_unlock;
	kstat_incr_irqs_this_cpu(desc);
	handle_irq_event(desc);
	if (!irqd_irq_disabled(&desc->irq_data))
		unmask_irq(desc);
out_unlock:
	spin_unlock(&desc->lock);
}

/**
 * handle_fasteoi_irq - flow for controllers that want one EOI at the end.
 * @desc: the line
 *
 * The I/O APIC holds a level pin off until the EOI; an edge pin needs
 * nothing more.  The EOI is sent even for an interrupt we did not
 * serve, or the controller would stay blocked.
 */
void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	spin_lock(&desc->lock);
	desc->istate &= ~IRQS_REPLAY;
	if (!irq_may_run(desc)) {
		if (irqd_irq_disabled(d) || !desc->action)
			mask_irq(desc);
		goto out_eoi;
	}
	kstat_incr_irqs_this_cpu(desc);
	handle_irq_event(desc);
out_eoi:
	if (d->chip->irq_eoi)
		d->chip->irq_eoi(d);
	spin_unlock(&desc->lock);
}
