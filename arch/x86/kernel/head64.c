/*
 * The first C code: head_64.S jumps here in long mode, on init_task's
 * stack, with the early page tables of head_64.S still loaded.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/linkage.h>
#include <linux/percpu.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/pvh.h>
#include <asm/e820.h>
#include <asm/setup.h>
#include <asm-generic/sections.h>

extern unsigned long early_top_pgt[512];

phys_addr_t phys_base; /* the image runs where it was linked */
phys_addr_t initrd_start_phys;
u64 initrd_size;
u64 acpi_rsdp_phys;

/*
 * Until setup_per_cpu_areas() the boot CPU uses the per-CPU template
 * itself: %gs points at its load address.
 */
static void __init setup_boot_percpu(void)
{
	unsigned long base = (unsigned long)__per_cpu_load;

	__per_cpu_offset[0] = base;
	wrmsr(MSR_GS_BASE, base);
	this_cpu_write(this_cpu_off, base);
	this_cpu_write(cpu_number, 0);
}

/* Copy what we need out of the loader's memory before anything reuses it. */
static void __init copy_bootdata(unsigned long start_info_pa)
{
	const struct hvm_start_info *si = __va(start_info_pa);
	const struct hvm_memmap_table_entry *map;
	const struct hvm_modlist_entry *mod;
	u32 i;

	if (si->magic != XEN_HVM_START_MAGIC_VALUE)
		return; /* setup_arch() complains once printk works */
	if (si->cmdline_paddr)
		strscpy(boot_command_line, __va(si->cmdline_paddr),
			COMMAND_LINE_SIZE);
	if (si->nr_modules) {
		mod = __va(si->modlist_paddr);
		initrd_start_phys = mod->paddr;
		initrd_size = mod->size;
	}
	acpi_rsdp_phys = si->rsdp_paddr;
	if (si->version < 1)
		return;
	map = __va(si->memmap_paddr);
	for (i = 0; i < si->memmap_entries; i++)
		e820__range_add(map[i].addr, map[i].size, map[i].type);
}

/*
 * Drop the identity map: user space owns the lower half, and a NULL
 * dereference in the kernel must fault.  The CR3 write flushes it.
 */
static void __init clear_identity_map(void)
{
	early_top_pgt[0] = 0;
	write_cr3(__read_cr3());
}

/**
 * x86_64_start_kernel - C entry of the boot CPU.
 * @start_info_pa: physical address of the PVH struct hvm_start_info.
 *
 * Runs with interrupts off on init_task's stack; never returns.
 */
asmlinkage __visible void __init x86_64_start_kernel(unsigned long start_info_pa)
{
	setup_boot_percpu();
	copy_bootdata(start_info_pa);
	clear_identity_map();
	start_kernel();
}
