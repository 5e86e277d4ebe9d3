#ifndef _LINUX_ENTRY_COMMON_H
#define _LINUX_ENTRY_COMMON_H

/*
 * The C half of entering and leaving the kernel from user mode
 * (arch/x86/entry/common.c).  entry_64.S calls these; the exec and
 * signal code only needs to know what they do:
 *
 * Every return to user mode (after a syscall, an interrupt or an
 * exception that came from user mode, and the first return of a new or
 * newly exec'd task from ret_from_fork) runs the work loop: while the
 * task has TIF_NEED_RESCHED, TIF_SIGPENDING or TIF_NOTIFY_RESUME set,
 * reschedule or call arch_do_signal_or_restart(regs), with irqs on;
 * then return with irqs off.
 */
#include <linux/types.h>

/*
 * How a task enters user mode for the first time (what execve of /init
 * from kernel_init, and every later execve, does).  In the task itself,
 * process context:
 *
 *  1. install the new mm as exec_mmap() does: with irqs off set
 *     tsk->mm = tsk->active_mm = mm, switch_mm(old_active, mm, tsk);
 *     then mmdrop(old_active) if the task had no mm of its own (a
 *     kernel thread's lazy reference), else mmput the old one;
 *  2. current->flags &= ~PF_KTHREAD (from now on __switch_to saves and
 *     restores its FPU and user FS/GS state);
 *  3. flush_thread(): the FPU back to its init state, loaded;
 *  4. start_thread(current_pt_regs(), entry, user_sp): user CS/SS,
 *     rflags = IF, all general registers and FS/GS bases zero (set
 *     regs->di etc. afterwards if the ABI wants them);
 *  5. return.  From execve, do_syscall_64() stores the syscall's return
 *     value (0) in regs->ax and leaves through iretq (rcx != rip).
 *     From a kernel thread (kernel_init), return 0 from the thread's
 *     function: ret_from_fork sees user CS in pt_regs and goes out
 *     through syscall_exit_to_user_mode() and iretq instead of
 *     do_exit().  arch/x86/entry/entry_test.c does exactly this.
 */

struct pt_regs;

/* The thread flags the work loop handles. */
#define EXIT_TO_USER_MODE_WORK                                  \
	((1UL << TIF_SIGPENDING) | (1UL << TIF_NOTIFY_RESUME) | \
	 (1UL << TIF_NEED_RESCHED))

void syscall_exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit_to_user_mode(struct pt_regs *regs);
struct pt_regs *sync_regs(struct pt_regs *eregs);

/*
 * Deliver pending signals (or restart the interrupted syscall) on the
 * way to user mode; irqs on, process context.  The signal code provides
 * it (arch/x86/kernel/signal.c); it must clear TIF_SIGPENDING when
 * nothing is left to deliver, or the work loop calls it again.
 */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif /* _LINUX_ENTRY_COMMON_H */
