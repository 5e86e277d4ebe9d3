#ifndef _ASM_X86_SIGFRAME_H
#define _ASM_X86_SIGFRAME_H

/*
 * The x86_64 signal frame, as Linux builds it on the user stack
 * (arch/x86/kernel/signal.c):
 *
 *	higher addresses     interrupted stack (sp), 128-byte red zone
 *	                     FPU state, 64-byte aligned (fpstate)
 *	frame + 8 + 304      siginfo_t info        (128 bytes)
 *	frame + 8            struct ucontext uc    (304 bytes)
 *	frame ->             pretcode = sa_restorer: the handler's "ret"
 *	                     pops it and enters rt_sigreturn
 *
 * At the handler's entry rsp = frame, and rsp + 8 is 16-byte aligned,
 * as after a call instruction.
 */
#include <linux/signal.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/asm/ucontext.h>

struct rt_sigframe {
	char __user *pretcode;
	struct ucontext uc;
	struct siginfo info;
	/* the FPU state follows, aligned */
};

#endif /* _ASM_X86_SIGFRAME_H */
