/*
 * Linnet's x86_64 kernel image.  Virtual addresses start at
 * __START_KERNEL_map + LOAD_PHYSICAL_ADDR; every section's load address
 * is its physical one, which is what QEMU's PVH loader uses.
 *
 *	.text | .init.text | .rodata (... kallsyms last) | .data |
 *	.init.data | .data..percpu (linked at 0) | .bss
 *
 * kallsyms sits after every text section, so filling it in (second link
 * pass) moves no function; see the Makefile.
 */
#include <asm/page_types.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(pvh_start_xen)

PHDRS {
	text PT_LOAD FLAGS(5);
	data PT_LOAD FLAGS(6);
	percpu PT_LOAD FLAGS(6);
	bss PT_LOAD FLAGS(6);
	note PT_NOTE FLAGS(4);
}

#define LMA(sec) AT(ADDR(sec) - __START_KERNEL_map)

SECTIONS
{
	. = __START_KERNEL_map + LOAD_PHYSICAL_ADDR;
	_text = .;
	.text : LMA(.text) {
		*(.head.text)
		*(.fixup)
		*(.text .text.*)
		. = ALIGN(16);
		*(.entry.text)
	} :text
	_etext = .;

	. = ALIGN(PAGE_SIZE);
	__init_text_begin = .;
	.init.text : LMA(.init.text) {
		_sinittext = .;
		*(.init.text .init.text.*)
		_einittext = .;
	} :text
	. = ALIGN(PAGE_SIZE);
	__init_text_end = .;

	.rodata : LMA(.rodata) {
		__start_rodata = .;
		*(.rodata .rodata.[0-9a-zA-Z_]*)
		. = ALIGN(8);
		__start_ktest_suites = .;
		KEEP(*(.ktest_suites))
		__stop_ktest_suites = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
	} :text
	.notes : LMA(.notes) {
		KEEP(*(.note.Xen))
	} :text :note
	.kallsyms : LMA(.kallsyms) {
		. = ALIGN(8);
		KEEP(*(.kallsyms))
	} :text
	__end_rodata = .;

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : LMA(.data) {
		. = ALIGN(THREAD_SIZE);
		*(.data..init_task)
		. = ALIGN(PAGE_SIZE);
		*(.data..page_aligned)
		*(.data .data.[0-9a-zA-Z_]*)
	} :data
	_edata = .;

	. = ALIGN(PAGE_SIZE);
	__init_begin = .;
	.init.data : LMA(.init.data) {
		*(.init.data .init.data.* .init.rodata .init.rodata.*)
		. = ALIGN(8);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		__initcall_start = .;
		__initcall0_start = .;
		KEEP(*(.initcall0.init))
		__initcall1_start = .;
		KEEP(*(.initcall1.init))
		__initcall2_start = .;
		KEEP(*(.initcall2.init))
		__initcall3_start = .;
		KEEP(*(.initcall3.init))
		__initcall4_start = .;
		KEEP(*(.initcall4.init))
		__initcall5_start = .;
		KEEP(*(.initcall5.init))
		KEEP(*(.initcallrootfs.init))
		__initcall6_start = .;
		KEEP(*(.initcall6.init))
		__initcall7_start = .;
		KEEP(*(.initcall7.init))
		__initcall_end = .;
	} :data
	. = ALIGN(PAGE_SIZE);
	__init_end = .;

	/*
	 * The per-CPU template: linked at 0 so that a variable's address is
	 * its offset in every CPU's area; its bytes are loaded right here.
	 */
	. = ALIGN(PAGE_SIZE);
	__per_cpu_load = .;
	.data..percpu 0 : AT(__per_cpu_load - __START_KERNEL_map) {
		__per_cpu_start = .;
		*(.data..percpu..first)
		. = ALIGN(64);
		*(.data..percpu)
		__per_cpu_end = .;
	} :percpu
	. = __per_cpu_load + SIZEOF(.data..percpu);
	. = ALIGN(PAGE_SIZE);

	.bss : LMA(.bss) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.[0-9a-zA-Z_]*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	} :bss
	_end = .;

	/DISCARD/ : {
		*(.eh_frame) *(.note.GNU-stack) *(.comment) *(.note.gnu.*)
		*(.exit.text) *(.exit.data)
	}
}
