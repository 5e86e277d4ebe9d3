#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/percpu.h>

#define NR_CPUS 64

#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
/* The first variable of every area: that area's offset (see setup_percpu). */
#define DEFINE_PER_CPU_FIRST(type, name) \
	__section(".data..percpu..first") __typeof__(type) name

/* __per_cpu_offset[cpu] + &var is @cpu's copy of var. */
extern unsigned long __per_cpu_offset[NR_CPUS];
DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(int, cpu_number);

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))

/* Areas for the CPUs other than the boot CPU (setup_percpu.c). */
void setup_per_cpu_areas(void);

/* The caller must not migrate between CPUs (preemption or irqs off). */
#define smp_processor_id() this_cpu_read(cpu_number)

#endif /* _LINUX_PERCPU_H */
