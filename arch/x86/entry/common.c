/*
 * The C half of the syscall entry and of every return to user mode.
 *
 * entry_SYSCALL_64 (entry_64.S) saves the user registers as a struct
 * pt_regs on the task's kernel stack and calls do_syscall_64(); the
 * interrupt and exception paths call irqentry_exit_to_user_mode() when
 * what they interrupted was user mode.  Both end in the work loop
 * (seed 002: "before returning to user mode the kernel checks
 * need_resched and pending signals").
 */
#include <linux/bug.h>
#include <linux/entry-common.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>

/* entry_SYSCALL_64 parks the user %rsp here until it has a stack. */
DEFINE_PER_CPU(unsigned long, cpu_syscall_user_sp);

/* entry_64.S uses these offsets. */
_Static_assert(offsetof(struct pt_regs, r11) == PTREGS_R11, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, ax) == PTREGS_AX, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, cx) == PTREGS_CX, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, orig_ax) == PTREGS_ORIG_AX,
	       "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, ip) == PTREGS_IP, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, cs) == PTREGS_CS, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, flags) == PTREGS_FLAGS,
	       "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, sp) == PTREGS_SP, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, ss) == PTREGS_SS, "pt_regs layout");
_Static_assert(sizeof(struct pt_regs) == PTREGS_SIZE, "pt_regs layout");

/*
 * Entered and left with irqs off.  Each pass re-reads the flags with
 * irqs off, so a wake-up or signal that arrives while the work runs is
 * seen before the final return; the return itself happens with irqs
 * off, so nothing can be missed between the last check and iret/sysret.
 */
static void exit_to_user_mode_loop(struct pt_regs *regs)
{
	unsigned long ti;

	while ((ti = READ_ONCE(current->thread_info.flags)) &
	       EXIT_TO_USER_MODE_WORK) {
		local_irq_enable();
		if (ti & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (ti & (1UL << TIF_NOTIFY_RESUME))
			clear_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
		if (ti & (1UL << TIF_SIGPENDING))
			arch_do_signal_or_restart(regs);
		local_irq_disable();
	}
}

static void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	local_irq_disable();
	exit_to_user_mode_loop(regs);
	/* A user task never returns holding a lock or in atomic context. */
	WARN_ON_ONCE(preempt_count());
}

/**
 * syscall_exit_to_user_mode - the work before returning from a syscall.
 * @regs: the user registers, with the return value in ax
 *
 * Also the first code of a forked child and of a kernel thread that
 * exec'd (ret_from_fork).  Returns with irqs off.
 */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}

/**
 * irqentry_exit_to_user_mode - the work before an interrupt or
 * exception returns to user mode.
 * @regs: the interrupted user registers
 *
 * Called by entry_64.S on the task stack, irqs off.  Returns with irqs
 * off.
 */
void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}

/**
 * sync_regs - move an entry frame from user mode onto the task stack.
 * @eregs: the frame, possibly on an IST stack (#DB, NMI, #MC)
 *
 * The exit work may schedule, so it must not run on a per-CPU IST stack
 * that the next exception would reuse.  Irqs off.  Returns the frame's
 * place at the top of the task stack (where it usually already is).
 */
struct pt_regs *sync_regs(struct pt_regs *eregs)
{
	struct pt_regs *regs = current_top_of_stack_regs();

	if (regs != eregs)
		*regs = *eregs;
	return regs;
}

/**
 * do_syscall_64 - dispatch one syscall.
 * @regs: the user registers, orig_ax = ax = the number on entry
 * @nr: the number; like Linux, only its low 32 bits count
 *
 * Called from entry_SYSCALL_64 with irqs off, on the task stack.
 * Enables irqs, runs the table's handler (or -ENOSYS), stores the result
 * in regs->ax and runs the exit work.  Returns with irqs off; the
 * return value is regs->ax.
 */
long do_syscall_64(struct pt_regs *regs, unsigned long nr)
{
	unsigned int unr = nr;
	sys_call_ptr_t fn = NULL;

	local_irq_enable();
	if (likely(unr < NR_syscalls))
		fn = sys_call_table[unr];
	regs->ax = fn ? fn(regs) : sys_ni_syscall_nr(unr);
	syscall_exit_to_user_mode(regs);
	return regs->ax;
}
