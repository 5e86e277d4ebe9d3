#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <asm/irq_vectors.h>

/*
 * Per-CPU interrupt statistics: how often each irq line and each
 * softirq ran on this CPU (/proc/interrupts, /proc/softirqs, and the
 * "intr" and "softirq" lines of /proc/stat).  Each CPU only ever
 * increments its own copy, with irqs off, so no atomics are needed.
 */
struct kernel_stat {
	unsigned long irqs_sum;
	unsigned int softirqs[NR_SOFTIRQS];
	unsigned int irqs[NR_IRQS];
};

DECLARE_PER_CPU(struct kernel_stat, kstat);

static inline void kstat_incr_softirqs_this_cpu(unsigned int nr)
{
	this_cpu_ptr(&kstat)->softirqs[nr]++;
}

static inline unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu)
{
	return per_cpu(kstat, cpu).softirqs[nr];
}

static inline unsigned int kstat_irqs_cpu(unsigned int irq, int cpu)
{
	return per_cpu(kstat, cpu).irqs[irq];
}

/* The sum over online CPUs of @irq's count. */
unsigned int kstat_irqs(unsigned int irq);

#endif /* _LINUX_KERNEL_STAT_H */
