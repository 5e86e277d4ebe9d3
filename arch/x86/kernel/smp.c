/*
 * Inter-processor interrupts, the receiving side.  The senders
 * (smp_send_reschedule(), smp_call_function()) come with the SMP and
 * scheduler issues; the vectors and their accounting are here already,
 * so /proc/interrupts shows RES and CAL as on Linux.
 */
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/apic.h>

/**
 * sysvec_reschedule_ipi - another CPU wants this one to reschedule.
 * @regs: the interrupted context
 *
 * Hardirq context.  The sender has set need-resched; the interrupt
 * itself is what makes this CPU look at it on the way out.
 */
void sysvec_reschedule_ipi(struct pt_regs *regs)
{
	apic_eoi();
	inc_irq_stat(irq_resched_count);
	scheduler_ipi();
}

/**
 * sysvec_call_function - another CPU queued a function for this one.
 * @regs: the interrupted context
 *
 * Hardirq context.  The queue comes with smp_call_function().
 */
void sysvec_call_function(struct pt_regs *regs)
{
	apic_eoi();
	inc_irq_stat(irq_call_count);
}
