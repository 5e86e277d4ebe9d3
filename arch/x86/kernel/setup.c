/*
 * setup_arch(): the x86 part of start_kernel (seed 003).  Exceptions
 * first, so a mistake in what follows prints an oops; then the console,
 * the clock, the CPU, the memory map and ACPI.
 */
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <acpi/actbl.h>
#include <acpi/actbl2.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tsc.h>
#include <asm-generic/sections.h>

static void __init print_memory_map(void)
{
	if (!e820_table.nr_entries) {
		pr_err("e820: the boot loader passed no memory map\n");
		return;
	}
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
	pr_info("Memory: %lluK available, kernel image %lluK at %#llx\n",
		e820__total_ram() >> 10, (u64)(_end - _text) >> 10,
		(u64)__pa_symbol(_text));
	if (initrd_size)
		pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", initrd_start_phys,
			initrd_start_phys + initrd_size - 1);
}

/*
 * What memblock must never hand out: the kernel image, the initrd (the
 * initramfs unpacker frees it later), and the first megabyte, where the
 * BIOS keeps its data and the SMP trampoline will go.
 */
static void __init reserve_boot_memory(void)
{
	memblock_reserve(__pa_symbol(_text),
			 __pa_symbol(_end) - __pa_symbol(_text));
	if (initrd_size) {
		initrd_start = (unsigned long)__va(initrd_start_phys);
		initrd_end = initrd_start + initrd_size;
		memblock_reserve(ALIGN_DOWN(initrd_start_phys, PAGE_SIZE),
				 PAGE_ALIGN(initrd_start_phys + initrd_size) -
					 ALIGN_DOWN(initrd_start_phys,
						    PAGE_SIZE));
	}
	memblock_reserve(0, 1ULL << 20);
}

/**
 * setup_arch - architecture-specific boot setup.
 * @cmdline_p: receives the kernel command line
 *
 * Boot CPU, irqs off, called once from start_kernel().
 */
void __init setup_arch(char **cmdline_p)
{
	idt_setup_early_traps(); /* faults print an oops from here on */
	sort_main_extable(); /* fixups; before rodata turns read-only */
	*cmdline_p = boot_command_line;
	parse_early_param(); /* console=, loglevel=, panic= */
	early_serial_init(); /* the log so far appears on ttyS */
	tsc_early_init(); /* timestamps start here */
	identify_boot_cpu(); /* vendor, model, NX */
	print_memory_map(); /* e820 from the PVH start info */
	acpi_boot_table_init(); /* FADT: power-off and reset */
	e820__memblock_setup(); /* RAM into memblock */
	reserve_real_mode(); /* SMP trampoline pages below 1 MiB */
	reserve_boot_memory(); /* image, initrd, first 1 MiB */
	init_mem_mapping(); /* direct map, W^X image */
	paging_init(); /* vmemmap, zones, struct pages */
	acpi_boot_init(); /* MADT: CPUs, I/O APICs, overrides */
	prefill_possible_map(); /* CPU numbers, possible mask */
}
