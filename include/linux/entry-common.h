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

struct pt_regs;

/* The thread flags the work loop handles. */
#define EXIT_TO_USER_MODE_WORK \
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
