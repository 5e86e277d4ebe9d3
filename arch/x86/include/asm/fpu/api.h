#ifndef _ASM_X86_FPU_API_H
#define _ASM_X86_FPU_API_H

/*
 * The FPU of user tasks (arch/x86/kernel/fpu/core.c): per-CPU setup,
 * the eager save/restore on context switch, fork and exec.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <asm/fpu/types.h>

struct task_struct;

/* What this machine saves: set once by the boot CPU's fpu__init_cpu(). */
struct fpu_config {
	bool use_xsave;
	u64 xfeatures; /* XCR0 */
	unsigned int size; /* bytes of the image: 512 or the XSAVE size */
	u32 mxcsr_mask; /* MXCSR bits that may be set */
};

extern struct fpu_config fpu_cfg;

static inline void *fpu_state(struct fpu *fpu)
{
	return PTR_ALIGN(&fpu->__buf[0], FPU_STATE_ALIGN);
}

void fpu__init_cpu(void);
void fpu_save(struct fpu *fpu);
void fpu_restore(struct fpu *fpu);
void switch_fpu(struct task_struct *prev, struct task_struct *next);
void fpu_clone(struct task_struct *dst, struct task_struct *src);
void fpu_flush_thread(void);
void fpu_init_image(void *image);

#endif /* _ASM_X86_FPU_API_H */
