/*
 * Per-CPU areas for the CPUs other than the boot CPU.
 *
 * The .data..percpu section is linked at 0, so a per-CPU variable's
 * address is its offset inside an area, and CPU n's copy lives at
 * __per_cpu_offset[n] + that offset (linux/percpu.h).  The boot CPU
 * has used the section's load image itself as its area since head64.c;
 * every other possible CPU gets a copy of that image here.
 *
 * The copy is taken from the boot CPU's live area, so it must be taken
 * early: before sched_init(), init_IRQ() and the timers fill the boot
 * CPU's variables with state that is its own.  What is copied then is
 * still the static initial values, plus the few that must then be made
 * per CPU: this_cpu_off, cpu_number and the APIC ID.
 */
#define pr_fmt(fmt) "percpu: " fmt

#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <asm/smp.h>
#include <asm-generic/sections.h>

/**
 * setup_per_cpu_areas - give every possible CPU its per-CPU area.
 *
 * Boot CPU, irqs off, from start_kernel() right after mm_core_init()
 * (it needs the page allocator), before anything else changes the boot
 * CPU's per-CPU variables.  Panics if memory runs out: an AP without
 * its area cannot run at all.
 */
void __init setup_per_cpu_areas(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	unsigned int order = order_base_2(DIV_ROUND_UP(size, PAGE_SIZE));
	unsigned int cpu;

	per_cpu(x86_cpu_to_apicid, 0) = x86_cpu_to_apicid_early_map[0];
	for_each_possible_cpu(cpu) {
		struct page *page;
		void *area;

		if (cpu == 0)
			continue;
		page = alloc_pages(GFP_KERNEL, order);
		if (!page)
			panic("percpu: no memory for CPU %u's area", cpu);
		area = page_address(page);
		memcpy(area, __per_cpu_load, size);
		__per_cpu_offset[cpu] = (unsigned long)area;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
		per_cpu(x86_cpu_to_apicid, cpu) =
			x86_cpu_to_apicid_early_map[cpu];
	}
	pr_info("Embedded %lu pages/cpu s%zu, %u possible CPUs\n", 1UL << order,
		size, num_possible_cpus());
}
