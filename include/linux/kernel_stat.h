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

/*
 * Where each CPU's time went, in ns, charged a tick at a time
 * (kernel/sched/cputime.c) -- the cpu lines of /proc/stat.
 */
enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

DECLARE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

#define kcpustat_cpu(cpu) per_cpu(kernel_cpustat, cpu)

struct task_struct;
/* The tick hit @p on this CPU, in user mode if @user.  Hardirq context. */
void account_cpustat_tick(struct task_struct *p, bool user);
/* Tasks in uninterruptible sleep, all CPUs (procs_blocked). */
unsigned long nr_iowait(void);

/* The sum over online CPUs of @irq's count. */
unsigned int kstat_irqs(unsigned int irq);

#endif /* _LINUX_KERNEL_STAT_H */
