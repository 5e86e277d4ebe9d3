#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/compiler.h>
#include <linux/linkage.h>
#include <asm/ptrace.h>

enum x86_trap {
	X86_TRAP_DE = 0, /* divide error */
	X86_TRAP_DB, /* debug */
	X86_TRAP_NMI,
	X86_TRAP_BP, /* int3 */
	X86_TRAP_OF, /* overflow */
	X86_TRAP_BR, /* bound range */
	X86_TRAP_UD, /* invalid opcode */
	X86_TRAP_NM, /* device not available */
	X86_TRAP_DF, /* double fault */
	X86_TRAP_OLD_MF,
	X86_TRAP_TS, /* invalid TSS */
	X86_TRAP_NP, /* segment not present */
	X86_TRAP_SS, /* stack segment */
	X86_TRAP_GP, /* general protection */
	X86_TRAP_PF, /* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF, /* x87 floating point */
	X86_TRAP_AC, /* alignment check */
	X86_TRAP_MC, /* machine check */
	X86_TRAP_XF, /* SIMD floating point */
	X86_TRAP_VE, /* virtualization */
	X86_TRAP_CP, /* control protection */
};

/* Page fault error code bits. */
#define X86_PF_PROT (1 << 0) /* 0: page not present */
#define X86_PF_WRITE (1 << 1)
#define X86_PF_USER (1 << 2)
#define X86_PF_RSVD (1 << 3)
#define X86_PF_INSTR (1 << 4)
#define X86_PF_PK (1 << 5)

void trap_init(void);
__noreturn void die(const char *str, struct pt_regs *regs, long err);
void show_trace_log_lvl(const struct pt_regs *regs, unsigned long bp,
			const char *log_lvl);

/* C handlers, called from the stubs of entry_64.S. */
#define DECLARE_IDTENTRY(func)                                                \
	asmlinkage void func(struct pt_regs *regs, unsigned long error_code); \
	extern char asm_##func[]

DECLARE_IDTENTRY(exc_divide_error);
DECLARE_IDTENTRY(exc_debug);
DECLARE_IDTENTRY(exc_nmi);
DECLARE_IDTENTRY(exc_int3);
DECLARE_IDTENTRY(exc_overflow);
DECLARE_IDTENTRY(exc_bounds);
DECLARE_IDTENTRY(exc_invalid_op);
DECLARE_IDTENTRY(exc_device_not_available);
DECLARE_IDTENTRY(exc_double_fault);
DECLARE_IDTENTRY(exc_coproc_segment_overrun);
DECLARE_IDTENTRY(exc_invalid_tss);
DECLARE_IDTENTRY(exc_segment_not_present);
DECLARE_IDTENTRY(exc_stack_segment);
DECLARE_IDTENTRY(exc_general_protection);
DECLARE_IDTENTRY(exc_page_fault);
DECLARE_IDTENTRY(exc_spurious_interrupt_bug);
DECLARE_IDTENTRY(exc_coprocessor_error);
DECLARE_IDTENTRY(exc_alignment_check);
DECLARE_IDTENTRY(exc_machine_check);
DECLARE_IDTENTRY(exc_simd_coprocessor_error);
DECLARE_IDTENTRY(exc_virtualization_exception);
DECLARE_IDTENTRY(exc_control_protection);
DECLARE_IDTENTRY(exc_reserved);

/* Stubs for vectors 32..255, 16 bytes apart; do_IRQ() is in irq.c. */
extern char irq_entries_start[];
#define IRQ_ENTRY_STUB_SIZE 16
asmlinkage void do_IRQ(struct pt_regs *regs, unsigned long vector);

#endif /* _ASM_X86_TRAPS_H */
