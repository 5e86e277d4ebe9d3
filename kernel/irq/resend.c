/*
 * Replaying an edge that arrived while its line was disabled: the flow
 * handler marked it IRQS_PENDING instead of serving it, and the edge
 * will not come again by itself.  A level line needs nothing: it is
 * still asserted when it is unmasked.
 */
#include <linux/irq.h>
#include <linux/irqdesc.h>

#include "internals.h"

/**
 * check_irq_resend - raise a pending edge of @desc again.
 * @desc: the line, just enabled; locked, irqs off
 *
 * The chip resends it in hardware (x86: an IPI to ourselves with the
 * line's vector), so it is handled like any other interrupt once irqs
 * are on again.
 */
void check_irq_resend(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (irqd_is_level_type(d)) {
		desc->istate &= ~IRQS_PENDING;
		return;
	}
	if ((desc->istate & IRQS_REPLAY) || !(desc->istate & IRQS_PENDING))
		return;
	desc->istate &= ~IRQS_PENDING;
	if (!d->chip->irq_retrigger || !d->chip->irq_retrigger(d))
		return;
	desc->istate |= IRQS_REPLAY;
}
