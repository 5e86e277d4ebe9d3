/*
 * Exception handlers.  In kernel mode every one of them is a bug (bar
 * the exception-table fixups): print an oops (registers, backtrace) and
 * die.  In user mode they are the program's doing and become signals,
 * as Linux sends them; nothing a user program raises oopses the kernel.
 * Page faults are arch/x86/mm/fault.c's.
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/fpu/api.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

/*
 * A user-mode exception: irqs back on (they were on in user mode, and
 * signal delivery may sleep), then the signal.  The exit work on the
 * way out delivers it.
 */
static void do_user_trap(struct pt_regs *regs, int sig, int code,
			 void __user *addr)
{
	local_irq_enable();
	force_sig_fault(sig, code, addr);
	local_irq_disable();
}

static void do_error_trap(struct pt_regs *regs, long error_code,
			  const char *str, int sig, int code, bool ip_addr)
{
	if (!user_mode(regs))
		die(str, regs, error_code);
	do_user_trap(regs, sig, code, ip_addr ? (void __user *)regs->ip : NULL);
}

/*
 * A non-canonical address raises #GP, not #PF; the *_nofault helpers
 * must survive those too.  In user mode, SIGSEGV with SI_KERNEL, as
 * Linux sends it (privileged instructions, bad segments, ...).
 */
asmlinkage void exc_general_protection(struct pt_regs *regs,
				       unsigned long error_code)
{
	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;
		die("general protection fault", regs, error_code);
	}
	do_user_trap(regs, SIGSEGV, SI_KERNEL, NULL);
}

/*
 * The si_code of an x87 or SIMD exception: the first unmasked exception
 * flag that is set, in Linux's order of priority.  0 if none (a stale
 * exception; no signal then, as Linux).
 */
static int fpu_exception_code(unsigned int status, unsigned int mask)
{
	unsigned int err = status & ~mask & 0x3f;

	if (err & 0x01)
		return FPE_FLTINV; /* invalid operation, stack fault */
	if (err & 0x04)
		return FPE_FLTDIV; /* divide by zero */
	if (err & 0x08)
		return FPE_FLTOVF;
	if (err & 0x12)
		return FPE_FLTUND; /* underflow, or a denormal operand */
	if (err & 0x20)
		return FPE_FLTRES; /* precision */
	return 0;
}

/* #MF (x87) or #XM (SSE): the state saved in the task says which. */
static void do_fpu_trap(struct pt_regs *regs, long error_code, const char *str,
			bool simd)
{
	struct fxregs_state *fx = fpu_state(&current->thread.fpu);
	int code;

	if (!user_mode(regs))
		die(str, regs, error_code);
	preempt_disable();
	fpu_save(&current->thread.fpu);
	preempt_enable();
	if (simd)
		code = fpu_exception_code(fx->mxcsr, fx->mxcsr >> 7);
	else
		code = fpu_exception_code(fx->swd, fx->cwd);
	if (code)
		do_user_trap(regs, SIGFPE, code, (void __user *)regs->ip);
}

asmlinkage void exc_coprocessor_error(struct pt_regs *regs,
				      unsigned long error_code)
{
	do_fpu_trap(regs, error_code, "coprocessor error", false);
}

asmlinkage void exc_simd_coprocessor_error(struct pt_regs *regs,
					   unsigned long error_code)
{
	do_fpu_trap(regs, error_code, "SIMD coprocessor error", true);
}

/* Single step (DR6.BS) or a hardware breakpoint. */
asmlinkage void exc_debug(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long dr6;

	if (!user_mode(regs))
		die("debug exception", regs, error_code);
	asm volatile("mov %%db6, %0" : "=r"(dr6));
	asm volatile("mov %0, %%db6" : : "r"(0xfffe0ff0UL));
	do_user_trap(regs, SIGTRAP,
		     (dr6 & (1UL << 14)) ? TRAP_TRACE : TRAP_BRKPT,
		     (void __user *)regs->ip);
}

#define DEFINE_ERROR_TRAP(func, str, sig, code, ip_addr)                     \
	asmlinkage void func(struct pt_regs *regs, unsigned long error_code) \
	{                                                                    \
		do_error_trap(regs, error_code, str, sig, code, ip_addr);    \
	}

#define DEFINE_KERNEL_TRAP(func, str)                                        \
	asmlinkage void func(struct pt_regs *regs, unsigned long error_code) \
	{                                                                    \
		die(str, regs, error_code);                                  \
	}

/* What user mode gets for each (Linux's choices). */
DEFINE_ERROR_TRAP(exc_divide_error, "divide error", SIGFPE, FPE_INTDIV, true)
DEFINE_ERROR_TRAP(exc_int3, "int3", SIGTRAP, TRAP_BRKPT, true)
DEFINE_ERROR_TRAP(exc_overflow, "overflow", SIGSEGV, SI_KERNEL, false)
DEFINE_ERROR_TRAP(exc_bounds, "bounds", SIGSEGV, SI_KERNEL, false)
DEFINE_ERROR_TRAP(exc_invalid_op, "invalid opcode", SIGILL, ILL_ILLOPN, true)
/* CR0.TS is never set, so #NM means an FPU the CPU lacks. */
DEFINE_ERROR_TRAP(exc_device_not_available, "device not available", SIGILL,
		  ILL_COPROC, true)
DEFINE_ERROR_TRAP(exc_coproc_segment_overrun, "coprocessor segment overrun",
		  SIGFPE, 0, false)
DEFINE_ERROR_TRAP(exc_invalid_tss, "invalid TSS", SIGSEGV, SI_KERNEL, false)
DEFINE_ERROR_TRAP(exc_segment_not_present, "segment not present", SIGBUS,
		  SI_KERNEL, false)
DEFINE_ERROR_TRAP(exc_stack_segment, "stack segment", SIGBUS, SI_KERNEL, false)
DEFINE_ERROR_TRAP(exc_alignment_check, "alignment check", SIGBUS, BUS_ADRALN,
		  false)
DEFINE_ERROR_TRAP(exc_control_protection, "control protection fault", SIGSEGV,
		  SI_KERNEL, false)
DEFINE_KERNEL_TRAP(exc_nmi, "NMI")
DEFINE_KERNEL_TRAP(exc_spurious_interrupt_bug, "spurious interrupt bug")
DEFINE_KERNEL_TRAP(exc_machine_check, "machine check")
DEFINE_KERNEL_TRAP(exc_virtualization_exception, "virtualization exception")
DEFINE_KERNEL_TRAP(exc_reserved, "reserved exception")

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
