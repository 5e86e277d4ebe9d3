/*
 * Per-CPU time accounting for /proc/stat: every tick charges TICK_NSEC
 * to one bucket of the CPU it hit -- user (nice if the task is niced),
 * system, hardirq, softirq or idle -- as Linux's tick-based accounting
 * does (seed 001).
 */
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include "sched.h"

DEFINE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

/**
 * account_cpustat_tick - charge this tick to a bucket of this CPU.
 * @p: the task the tick interrupted
 * @user: it was in user mode
 *
 * Hardirq context (the tick), rq lock held.  The tick itself is one
 * hardirq level; a second means it interrupted another handler.  The
 * idle task's ticks all count as idle (its halt loop is where the
 * other interrupts land, too).
 */
void account_cpustat_tick(struct task_struct *p, bool user)
{
	u64 *cpustat = this_cpu_ptr(&kernel_cpustat)->cpustat;

	if (user)
		cpustat[task_nice(p) > 0 ? CPUTIME_NICE : CPUTIME_USER] +=
			TICK_NSEC;
	else if (is_idle_task(p))
		cpustat[CPUTIME_IDLE] += TICK_NSEC;
	else if (hardirq_count() > HARDIRQ_OFFSET)
		cpustat[CPUTIME_IRQ] += TICK_NSEC;
	else if (in_serving_softirq())
		cpustat[CPUTIME_SOFTIRQ] += TICK_NSEC;
	else
		cpustat[CPUTIME_SYSTEM] += TICK_NSEC;
}

/** nr_iowait - tasks in uninterruptible sleep now, over all CPUs. */
unsigned long nr_iowait(void)
{
	long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += (long)READ_ONCE(cpu_rq(cpu)->nr_uninterruptible);
	return sum > 0 ? sum : 0;
}
