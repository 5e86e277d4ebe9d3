#ifndef _ASM_X86_FPU_SIGNAL_H
#define _ASM_X86_FPU_SIGNAL_H

/*
 * The FPU part of a signal frame, in Linux's x86_64 format (UAPI
 * asm/sigcontext.h): the FXSAVE image, or with XSAVE the XSAVE image
 * whose software-reserved bytes (struct _fpx_sw_bytes at offset 464)
 * carry FP_XSTATE_MAGIC1 and the sizes, followed by FP_XSTATE_MAGIC2.
 * uc_mcontext.fpstate points at it; it must be 64-byte aligned.
 */
#include <linux/types.h>
#include <linux/compiler.h>

#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U
#define FP_XSTATE_MAGIC2_SIZE sizeof(u32)

/* UAPI struct _fpx_sw_bytes, at fxregs_state.sw_reserved. */
struct _fpx_sw_bytes {
	u32 magic1;
	u32 extended_size; /* xstate_size + FP_XSTATE_MAGIC2_SIZE */
	u64 xfeatures;
	u32 xstate_size;
	u32 padding[7];
};

/* Bytes the frame needs for the FPU state (64-byte align it). */
unsigned long fpu_sigframe_size(void);
/* Write current's FPU state at @buf; 0 or -EFAULT. */
int copy_fpstate_to_sigframe(void __user *buf);
/* Check and load the state at @buf into current; 0, -EFAULT or -EINVAL. */
int fpu__restore_sig(void __user *buf);

#endif /* _ASM_X86_FPU_SIGNAL_H */
