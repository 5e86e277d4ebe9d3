#ifndef _UAPI_ASM_X86_SIGCONTEXT_H
#define _UAPI_ASM_X86_SIGCONTEXT_H

/*
 * The registers a signal frame saves, in the x86_64 ABI's order
 * (uc_mcontext of a ucontext_t; glibc's gregs[] index them).  256 bytes.
 */
#include <linux/types.h>

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip;
	u64 flags;
	u16 cs;
	u16 gs;
	u16 fs;
	u16 ss; /* valid with UC_SIGCONTEXT_SS */
	u64 err;
	u64 trapno;
	u64 oldmask;
	u64 cr2;
	u64 fpstate; /* user pointer to the FPU state, or 0 */
	u64 reserved1[8];
};

#endif /* _UAPI_ASM_X86_SIGCONTEXT_H */
