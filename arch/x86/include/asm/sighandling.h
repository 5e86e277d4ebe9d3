#ifndef _ASM_X86_SIGHANDLING_H
#define _ASM_X86_SIGHANDLING_H

/*
 * What the generic signal code needs of the architecture: the user
 * registers of the current task, and the user flags a signal frame may
 * change (arch/x86/kernel/signal.c).
 */
#include <linux/types.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>

#define current_user_stack_pointer() (current_pt_regs()->sp)

/* The RFLAGS bits user space may set through sigreturn. */
#define FIX_EFLAGS                                                       \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
	 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
	 X86_EFLAGS_CF | X86_EFLAGS_RF)

struct ksignal;
int x64_setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs);
int x64_restore_rt_frame(struct pt_regs *regs, unsigned long frame_addr);
void handle_signal_restart(struct ksignal *ksig, struct pt_regs *regs);
void restart_without_handler(struct pt_regs *regs);
/* The exit-to-user work calls it (linux/entry-common.h declares it too). */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif /* _ASM_X86_SIGHANDLING_H */
