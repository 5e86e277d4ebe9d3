#ifndef _ASM_X86_FPU_TYPES_H
#define _ASM_X86_FPU_TYPES_H

/*
 * The FPU/SSE/AVX register images, as FXSAVE and XSAVE (standard, not
 * compacted, format) lay them out in memory (Intel SDM vol. 1, 10.5
 * and 13.4).  The signal frame's fpstate is the same bytes (UAPI
 * asm/sigcontext.h, struct _fpstate_64).
 */
#include <linux/types.h>
#include <linux/compiler.h>

/* The 512-byte legacy area that both FXSAVE and XSAVE write. */
struct fxregs_state {
	u16 cwd; /* x87 control word */
	u16 swd; /* x87 status word */
	u16 twd; /* abridged tag word */
	u16 fop;
	u64 rip;
	u64 rdp;
	u32 mxcsr;
	u32 mxcsr_mask;
	u32 st_space[32]; /* 8 x87 registers, 16 bytes each */
	u32 xmm_space[64]; /* 16 XMM registers */
	u32 padding[12];
	u32 sw_reserved[12]; /* for software: the signal frame's _fpx_sw_bytes */
} __packed;

/* The XSAVE header that follows the legacy area. */
struct xstate_header {
	u64 xfeatures; /* XSTATE_BV: components not in their init state */
	u64 xcomp_bv; /* 0: standard format */
	u64 reserved[6]; /* must be 0 for XRSTOR */
} __packed;

struct xregs_state {
	struct fxregs_state i387;
	struct xstate_header header;
	u8 extended_state_area[];
} __packed;

#define XFEATURE_MASK_FP (1ULL << 0)
#define XFEATURE_MASK_SSE (1ULL << 1)
#define XFEATURE_MASK_YMM (1ULL << 2)
#define XFEATURE_MASK_FPSSE (XFEATURE_MASK_FP | XFEATURE_MASK_SSE)

/* Legacy area + header + AVX upper halves is 832; leave room. */
#define FPU_STATE_MAX 1024
#define FPU_STATE_ALIGN 64 /* XSAVE's requirement; FXSAVE needs 16 */

/*
 * A task's saved FPU registers (thread_struct).  Only user tasks own
 * them: the kernel is built -mgeneral-regs-only and never touches these
 * registers, so a switch saves them only when leaving a user task and
 * loads them only when entering one.  The image must sit 64-byte
 * aligned, which the slab does not promise for a field of task_struct:
 * fpu_state() aligns inside the buffer.
 */
struct fpu {
	u8 __buf[FPU_STATE_MAX + FPU_STATE_ALIGN];
};

#endif /* _ASM_X86_FPU_TYPES_H */
