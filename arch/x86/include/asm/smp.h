#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

/*
 * x86 SMP: logical CPU numbers and local APIC IDs, starting APs with
 * INIT/STARTUP IPIs (smpboot.c), sending IPIs (smp.c).
 */
#include <linux/compiler.h>
#include <linux/linkage.h>
#include <linux/percpu.h>
#include <linux/types.h>

struct cpumask;
struct task_struct;

/*
 * Each logical CPU's APIC ID, as the MADT lists them with the boot CPU
 * first: valid from prefill_possible_map() until the per-CPU areas
 * take it over (x86_cpu_to_apicid).
 */
extern u32 x86_cpu_to_apicid_early_map[NR_CPUS];

DECLARE_PER_CPU(u32, x86_cpu_to_apicid);
#define cpu_physical_id(cpu) per_cpu(x86_cpu_to_apicid, cpu)

void prefill_possible_map(void);
void smp_prepare_cpus(unsigned int max_cpus);
void smp_cpus_done(unsigned int max_cpus);
int native_cpu_up(unsigned int cpu, struct task_struct *tidle);
asmlinkage void start_secondary(void);

/* Start @cpu running @tidle (kernel/cpu.c's cpu_up()). */
static inline int __cpu_up(unsigned int cpu, struct task_struct *tidle)
{
	return native_cpu_up(cpu, tidle);
}

void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi_mask(const struct cpumask *mask);
void smp_send_stop_init(void);

#endif /* _ASM_X86_SMP_H */
