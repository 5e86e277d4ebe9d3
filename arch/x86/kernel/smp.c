/*
 * Inter-processor interrupts on x86: sending them through the local
 * APIC, and their handlers.  RESCHEDULE_VECTOR makes the target look at
 * need_resched; CALL_FUNCTION_VECTOR makes it run the requests queued
 * for it by smp_call_function*() (kernel/smp.c).  /proc/interrupts
 * counts them as RES and CAL, as on Linux.
 *
 * Ordering: the sender's stores (the need-resched flag, the queued
 * request) are made before it writes the ICR, and x86 keeps stores in
 * order, the uncached ICR write included; the target sees them in its
 * handler.
 */
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>

#define STOP_WAIT_US 1000000

/**
 * smp_send_reschedule - make @cpu reschedule.
 * @cpu: an online CPU other than this one
 *
 * Any context.  The caller has set need-resched on @cpu's current
 * task; the interrupt makes @cpu notice it on its way out (or leave
 * its idle halt).
 */
void smp_send_reschedule(int cpu)
{
	if (WARN_ON_ONCE(!cpu_online(cpu)))
		return;
	apic_send_IPI(cpu_physical_id(cpu), RESCHEDULE_VECTOR);
}

/**
 * arch_send_call_function_single_ipi - kick @cpu's call-function queue.
 * @cpu: an online CPU
 */
void arch_send_call_function_single_ipi(int cpu)
{
	apic_send_IPI(cpu_physical_id(cpu), CALL_FUNCTION_VECTOR);
}

/**
 * arch_send_call_function_ipi_mask - kick the queues of every CPU in @mask.
 * @mask: online CPUs
 *
 * One IPI per CPU: the all-but-self shorthand would also hit CPUs that
 * are present but not (yet) online.
 */
void arch_send_call_function_ipi_mask(const struct cpumask *mask)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		apic_send_IPI(cpu_physical_id(cpu), CALL_FUNCTION_VECTOR);
}

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
 * Hardirq context.  Runs everything in this CPU's call-single queue.
 */
void sysvec_call_function(struct pt_regs *regs)
{
	apic_eoi();
	inc_irq_stat(irq_call_count);
	generic_smp_call_function_interrupt();
}

/* Another CPU panicked: stop here, irqs off, until the machine resets. */
static void sysvec_reboot(struct pt_regs *regs)
{
	apic_eoi();
	set_cpu_online(smp_processor_id(), false);
	machine_halt();
}

/**
 * smp_send_stop_init - install the REBOOT_VECTOR handler.
 *
 * Boot, before the first AP starts (smp_prepare_cpus).
 */
void __init smp_send_stop_init(void)
{
	alloc_intr_gate(REBOOT_VECTOR, sysvec_reboot);
}

/**
 * smp_send_stop - halt every other online CPU.
 *
 * From panic(), irqs off.  Waits up to a second for them to go
 * offline; a CPU spinning with irqs off never sees the IPI and is left
 * running (Linux falls back to an NMI there).
 */
void smp_send_stop(void)
{
	unsigned int cpu, this = smp_processor_id();
	unsigned long us;

	if (num_online_cpus() == 1)
		return;
	for_each_online_cpu(cpu)
		if (cpu != this)
			apic_send_IPI(cpu_physical_id(cpu), REBOOT_VECTOR);
	for (us = 0; us < STOP_WAIT_US && num_online_cpus() > 1; us++)
		udelay(1);
}
