#ifndef _ASM_X86_HARDIRQ_H
#define _ASM_X86_HARDIRQ_H

#include <linux/types.h>
#include <linux/percpu.h>

/*
 * Per-CPU interrupt statistics and the pending-softirq bits.  The
 * counters are the x86 lines of /proc/interrupts (NMI, LOC, SPU, RES,
 * CAL); arch_show_interrupts() prints them.
 */
typedef struct {
	u16 __softirq_pending;
	unsigned int __nmi_count;
	unsigned int apic_timer_irqs;
	unsigned int irq_spurious_count;
	unsigned int irq_resched_count;
	unsigned int irq_call_count;
} irq_cpustat_t;

DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

#define inc_irq_stat(member) this_cpu_inc(irq_stat.member)

#define local_softirq_pending() this_cpu_read(irq_stat.__softirq_pending)
#define set_softirq_pending(x) this_cpu_write(irq_stat.__softirq_pending, (x))
#define or_softirq_pending(x) this_cpu_or(irq_stat.__softirq_pending, (x))

/* EOI an interrupt that had nowhere to go (arch/x86/kernel/irq.c). */
void ack_bad_irq(unsigned int irq);

#endif /* _ASM_X86_HARDIRQ_H */
