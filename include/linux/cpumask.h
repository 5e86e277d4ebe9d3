#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/bitops.h>
#include <linux/percpu.h>

/*
 * Which CPUs are online.  Only the boot CPU until the SMP issue brings
 * up the others with set_cpu_online(); loops over CPUs (statistics,
 * /proc/interrupts) walk this mask, never NR_CPUS, because a per-CPU
 * area exists only for a CPU that has been brought up.
 */
extern unsigned long __cpu_online_mask[BITS_TO_LONGS(NR_CPUS)];

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && test_bit(cpu, __cpu_online_mask);
}

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		set_bit(cpu, __cpu_online_mask);
	else
		clear_bit(cpu, __cpu_online_mask);
}

unsigned int num_online_cpus(void);

#define for_each_online_cpu(cpu)                           \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)          \
		if (!test_bit((cpu), __cpu_online_mask)) { \
		} else

#endif /* _LINUX_CPUMASK_H */
