#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <asm/hardirq.h>

/*
 * Entering and leaving hardirq context (kernel/softirq.c).  The
 * architecture's interrupt entry brackets every handler with them;
 * irq_exit() runs the softirqs the handler raised.
 */
void irq_enter(void);
void irq_exit(void);

#define __irq_enter() preempt_count_add(HARDIRQ_OFFSET)
#define __irq_exit() preempt_count_sub(HARDIRQ_OFFSET)

/* An NMI counts as a hardirq too, so in_interrupt() covers it. */
#define nmi_enter() preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET)
#define nmi_exit() preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET)

#endif /* _LINUX_HARDIRQ_H */
