/*
 * CPU bookkeeping shared by every subsystem: which CPUs are online.
 * The SMP issue adds hotplug and the possible/present masks.
 */
#include <linux/cpumask.h>

/* The boot CPU is online from the first instruction. */
unsigned long __cpu_online_mask[BITS_TO_LONGS(NR_CPUS)] = { 1UL };

/** num_online_cpus - how many CPUs are running.  Any context. */
unsigned int num_online_cpus(void)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu)
		n++;
	return n;
}
