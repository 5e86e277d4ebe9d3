#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

/*
 * Sets of CPUs, one bit per logical CPU number (0 is the boot CPU).
 * Three global masks say what each CPU is (kernel/cpu.c):
 *
 *	possible  may ever run: it has a per-CPU area, fixed at boot from
 *	          the ACPI MADT (enabled processors; no hotplug)
 *	present   exists in the machine now; here the same as possible
 *	online    running and taking interrupts and tasks
 *
 * online is a subset of present, which is a subset of possible.  Loops
 * over CPUs walk one of these masks, never 0..NR_CPUS-1: a CPU that is
 * not possible has no per-CPU area at all.
 */
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/percpu.h>

struct cpumask {
	DECLARE_BITMAP(bits, NR_CPUS);
};

#define cpumask_bits(maskp) ((maskp)->bits)

/* NR_CPUS until setup_nr_cpu_ids(); then highest possible CPU + 1. */
extern unsigned int nr_cpu_ids;

extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_present_mask;
extern struct cpumask __cpu_online_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_present_mask ((const struct cpumask *)&__cpu_present_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

static inline bool cpumask_test_cpu(unsigned int cpu,
				    const struct cpumask *mask)
{
	return cpu < NR_CPUS && test_bit(cpu, cpumask_bits(mask));
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	set_bit(cpu, cpumask_bits(mask));
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	clear_bit(cpu, cpumask_bits(mask));
}

static inline void cpumask_clear(struct cpumask *mask)
{
	bitmap_zero(cpumask_bits(mask), NR_CPUS);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	bitmap_copy(cpumask_bits(dst), cpumask_bits(src), NR_CPUS);
}

/* @dst = @a & @b; returns false if the result is empty. */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	return bitmap_and(cpumask_bits(dst), cpumask_bits(a), cpumask_bits(b),
			  NR_CPUS);
}

static inline bool cpumask_empty(const struct cpumask *mask)
{
	return bitmap_empty(cpumask_bits(mask), NR_CPUS);
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	return bitmap_weight(cpumask_bits(mask), NR_CPUS);
}

/* The first CPU in @mask, or >= nr_cpu_ids if it is empty. */
static inline unsigned int cpumask_first(const struct cpumask *mask)
{
	return find_first_bit(cpumask_bits(mask), NR_CPUS);
}

/* The first CPU in @mask after @n, or >= nr_cpu_ids if none. */
static inline unsigned int cpumask_next(int n, const struct cpumask *mask)
{
	return find_next_bit(cpumask_bits(mask), NR_CPUS, n + 1);
}

#define for_each_cpu(cpu, mask)                            \
	for ((cpu) = cpumask_first(mask); (cpu) < NR_CPUS; \
	     (cpu) = cpumask_next((cpu), (mask)))

#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_present_cpu(cpu) for_each_cpu((cpu), cpu_present_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)

static inline bool cpu_possible(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_possible_mask);
}

static inline bool cpu_present(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_present_mask);
}

static inline bool cpu_online(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_online_mask);
}

static inline unsigned int num_possible_cpus(void)
{
	return cpumask_weight(cpu_possible_mask);
}

static inline unsigned int num_present_cpus(void)
{
	return cpumask_weight(cpu_present_mask);
}

unsigned int num_online_cpus(void);

/* Boot only (prefill_possible_map). */
static inline void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_present(unsigned int cpu, bool present)
{
	if (present)
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_present_mask);
}

/* Called by the CPU itself as it comes up (start_secondary). */
static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

#endif /* _LINUX_CPUMASK_H */
