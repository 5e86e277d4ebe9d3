/*
 * Exception handlers.  In kernel mode every one of them is a bug: print
 * an oops (registers, backtrace) and die.  User-mode exceptions become
 * signals once processes exist (the processes issue).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static void do_error_trap(struct pt_regs *regs, long error_code,
			  const char *str)
{
	die(str, regs, error_code);
}

/*
 * A non-canonical address raises #GP, not #PF; the *_nofault helpers
 * must survive those too.
 */
asmlinkage void exc_general_protection(struct pt_regs *regs,
				       unsigned long error_code)
{
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	die("general protection fault", regs, error_code);
}

#define DEFINE_ERROR_TRAP(func, str)                                         \
	asmlinkage void func(struct pt_regs *regs, unsigned long error_code) \
	{                                                                    \
		do_error_trap(regs, error_code, str);                        \
	}

DEFINE_ERROR_TRAP(exc_divide_error, "divide error")
DEFINE_ERROR_TRAP(exc_debug, "debug exception")
DEFINE_ERROR_TRAP(exc_nmi, "NMI")
DEFINE_ERROR_TRAP(exc_int3, "int3")
DEFINE_ERROR_TRAP(exc_overflow, "overflow")
DEFINE_ERROR_TRAP(exc_bounds, "bounds")
DEFINE_ERROR_TRAP(exc_invalid_op, "invalid opcode")
DEFINE_ERROR_TRAP(exc_device_not_available, "device not available")
DEFINE_ERROR_TRAP(exc_coproc_segment_overrun, "coprocessor segment overrun")
DEFINE_ERROR_TRAP(exc_invalid_tss, "invalid TSS")
DEFINE_ERROR_TRAP(exc_segment_not_present, "segment not present")
DEFINE_ERROR_TRAP(exc_stack_segment, "stack segment")
DEFINE_ERROR_TRAP(exc_spurious_interrupt_bug, "spurious interrupt bug")
DEFINE_ERROR_TRAP(exc_coprocessor_error, "coprocessor error")
DEFINE_ERROR_TRAP(exc_alignment_check, "alignment check")
DEFINE_ERROR_TRAP(exc_machine_check, "machine check")
DEFINE_ERROR_TRAP(exc_simd_coprocessor_error, "SIMD coprocessor error")
DEFINE_ERROR_TRAP(exc_virtualization_exception, "virtualization exception")
DEFINE_ERROR_TRAP(exc_control_protection, "control protection fault")
DEFINE_ERROR_TRAP(exc_reserved, "reserved exception")

/*
 * On its own IST stack: the kernel stack may be what overflowed.  The
 * saved context is unreliable, so never return.
 */
asmlinkage void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	pr_emerg("PANIC: double fault, error_code: %#lx\n", error_code);
	die("double fault", regs, error_code);
}

/**
 * trap_init - finish exception setup once per-CPU state can be built.
 *
 * Loads the boot CPU's GDT and TSS and moves the fatal exceptions onto
 * IST stacks.  Boot CPU, irqs off.
 */
void __init trap_init(void)
{
	cpu_init();
	idt_setup_ist_traps();
}
