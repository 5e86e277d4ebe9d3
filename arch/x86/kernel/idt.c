/*
 * The interrupt descriptor table: one gate per vector.  Exceptions
 * (0..31) go to the entry_64.S stubs; 32..255 to the do_IRQ stubs.
 * Double fault, NMI, debug and machine check switch to their own IST
 * stacks, so a blown kernel stack still produces a report.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>

static struct gate_struct idt_table[IDT_ENTRIES] __aligned(4096);

static const struct desc_ptr idt_descr = {
	.size = sizeof(idt_table) - 1,
	.address = (unsigned long)idt_table,
};

static void set_gate(unsigned int vector, const void *addr, unsigned int ist,
		     unsigned int dpl)
{
	unsigned long a = (unsigned long)addr;
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = a & 0xffff;
	g->segment = __KERNEL_CS;
	g->bits = (ist & 7) | (GATE_INTERRUPT << 8) | (dpl << 13) | (1 << 15);
	g->offset_middle = (a >> 16) & 0xffff;
	g->offset_high = a >> 32;
	g->reserved = 0;
}

struct idt_data {
	unsigned int vector;
	const char *addr;
	unsigned int dpl;
};

/* int3 and into may be used from user space (DPL 3), as on Linux. */
static const struct idt_data early_idts[] __initconst = {
	{ X86_TRAP_DE, asm_exc_divide_error, 0 },
	{ X86_TRAP_DB, asm_exc_debug, 0 },
	{ X86_TRAP_NMI, asm_exc_nmi, 0 },
	{ X86_TRAP_BP, asm_exc_int3, 3 },
	{ X86_TRAP_OF, asm_exc_overflow, 3 },
	{ X86_TRAP_BR, asm_exc_bounds, 0 },
	{ X86_TRAP_UD, asm_exc_invalid_op, 0 },
	{ X86_TRAP_NM, asm_exc_device_not_available, 0 },
	{ X86_TRAP_DF, asm_exc_double_fault, 0 },
	{ X86_TRAP_OLD_MF, asm_exc_coproc_segment_overrun, 0 },
	{ X86_TRAP_TS, asm_exc_invalid_tss, 0 },
	{ X86_TRAP_NP, asm_exc_segment_not_present, 0 },
	{ X86_TRAP_SS, asm_exc_stack_segment, 0 },
	{ X86_TRAP_GP, asm_exc_general_protection, 0 },
	{ X86_TRAP_PF, asm_exc_page_fault, 0 },
	{ X86_TRAP_SPURIOUS, asm_exc_spurious_interrupt_bug, 0 },
	{ X86_TRAP_MF, asm_exc_coprocessor_error, 0 },
	{ X86_TRAP_AC, asm_exc_alignment_check, 0 },
	{ X86_TRAP_MC, asm_exc_machine_check, 0 },
	{ X86_TRAP_XF, asm_exc_simd_coprocessor_error, 0 },
	{ X86_TRAP_VE, asm_exc_virtualization_exception, 0 },
	{ X86_TRAP_CP, asm_exc_control_protection, 0 },
};

/** load_current_idt - load the IDT on this CPU. */
void load_current_idt(void)
{
	load_idt(&idt_descr);
}

/**
 * idt_setup_early_traps - install every gate and load the IDT.
 *
 * From setup_arch(), as early as possible, so that a fault during boot
 * prints an oops instead of triple-faulting.  Boot CPU, irqs off.
 */
void __init idt_setup_early_traps(void)
{
	unsigned int i;

	BUILD_BUG_ON(sizeof(struct gate_struct) != 16);
	for (i = 0; i < FIRST_EXTERNAL_VECTOR; i++)
		set_gate(i, asm_exc_reserved, 0, 0);
	for (i = 0; i < ARRAY_SIZE(early_idts); i++)
		set_gate(early_idts[i].vector, early_idts[i].addr, 0,
			 early_idts[i].dpl);
	for (i = FIRST_EXTERNAL_VECTOR; i < IDT_ENTRIES; i++)
		set_gate(i,
			 irq_entries_start + (i - FIRST_EXTERNAL_VECTOR) *
						     IRQ_ENTRY_STUB_SIZE,
			 0, 0);
	load_current_idt();
}

/**
 * idt_setup_ist_traps - move the fatal exceptions to their IST stacks.
 *
 * After cpu_init() has filled the TSS's IST slots.  Gate IST numbers
 * are 1-based; 0 means "stay on the current stack".
 */
void __init idt_setup_ist_traps(void)
{
	set_gate(X86_TRAP_DF, asm_exc_double_fault, IST_INDEX_DF + 1, 0);
	set_gate(X86_TRAP_NMI, asm_exc_nmi, IST_INDEX_NMI + 1, 0);
	set_gate(X86_TRAP_DB, asm_exc_debug, IST_INDEX_DB + 1, 0);
	set_gate(X86_TRAP_MC, asm_exc_machine_check, IST_INDEX_MCE + 1, 0);
}
