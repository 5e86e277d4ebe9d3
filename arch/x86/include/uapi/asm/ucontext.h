#ifndef _UAPI_ASM_X86_UCONTEXT_H
#define _UAPI_ASM_X86_UCONTEXT_H

/* The ucontext of an x86_64 signal frame (304 bytes). */
#include <linux/types.h>
#include <linux/signal_types.h>
#include <uapi/asm/sigcontext.h>

/* uc_flags */
#define UC_FP_XSTATE 0x1 /* fpstate is an XSAVE image */
#define UC_SIGCONTEXT_SS 0x2 /* uc_mcontext.ss is saved */
#define UC_STRICT_RESTORE_SS 0x4 /* and restored as it is */

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

#endif /* _UAPI_ASM_X86_UCONTEXT_H */
