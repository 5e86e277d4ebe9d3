/*
 * The FPU state in signal frames (asm/fpu/signal.h), for the signal
 * code that builds and unwinds them.
 *
 * Everything passes through a kernel copy: the registers are saved into
 * the task's image and copied out; on sigreturn the user's bytes are
 * copied in, checked against everything XRSTOR/FXRSTOR would fault on,
 * and only then become the task's image.  So a bad frame is -EFAULT or
 * -EINVAL, never a fault inside the kernel.
 */
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/fpu/api.h>
#include <asm/fpu/signal.h>

#define SW_BYTES_OFFSET offsetof(struct fxregs_state, sw_reserved)

/**
 * fpu_sigframe_size - bytes the FPU state takes in a signal frame.
 *
 * The image, plus the FP_XSTATE_MAGIC2 trailer with XSAVE.  The caller
 * places it 64-byte aligned.  Any context.
 */
unsigned long fpu_sigframe_size(void)
{
	BUILD_BUG_ON(sizeof(struct fxregs_state) != 512);
	BUILD_BUG_ON(SW_BYTES_OFFSET != 464);
	BUILD_BUG_ON(sizeof(struct _fpx_sw_bytes) != 48);
	if (fpu_cfg.use_xsave)
		return fpu_cfg.size + FP_XSTATE_MAGIC2_SIZE;
	return sizeof(struct fxregs_state);
}

/* The sw_reserved bytes that tell user space an XSAVE image follows. */
static void fill_sw_bytes(struct _fpx_sw_bytes *sw)
{
	memset(sw, 0, sizeof(*sw));
	if (!fpu_cfg.use_xsave)
		return;
	sw->magic1 = FP_XSTATE_MAGIC1;
	sw->extended_size = fpu_cfg.size + FP_XSTATE_MAGIC2_SIZE;
	sw->xfeatures = fpu_cfg.xfeatures;
	sw->xstate_size = fpu_cfg.size;
}

/**
 * copy_fpstate_to_sigframe - write current's FPU state into a frame.
 * @buf: user memory, 64-byte aligned, fpu_sigframe_size() bytes
 *
 * Process context (may fault pages in).  The registers keep their
 * values.  Returns 0 or -EFAULT.
 */
int copy_fpstate_to_sigframe(void __user *buf)
{
	struct fpu *fpu = &current->thread.fpu;
	struct _fpx_sw_bytes sw;
	u8 *image = fpu_state(fpu);
	u64 xfeatures;

	if (!IS_ALIGNED((unsigned long)buf, FPU_STATE_ALIGN))
		return -EFAULT;
	/*
	 * After this the image stays right even if we are preempted: the
	 * switch saves the same registers again.
	 */
	preempt_disable();
	fpu_save(fpu);
	preempt_enable();
	fill_sw_bytes(&sw);
	if (copy_to_user(buf, image, fpu_cfg.size) ||
	    copy_to_user((u8 __user *)buf + SW_BYTES_OFFSET, &sw, sizeof(sw)))
		return -EFAULT;
	if (!fpu_cfg.use_xsave)
		return 0;
	/*
	 * Mark x87 and SSE in use so that a handler's edits to the legacy
	 * area are restored even where XSAVE found them in init state.
	 */
	xfeatures = ((struct xregs_state *)image)->header.xfeatures |
		    XFEATURE_MASK_FPSSE;
	if (put_user(xfeatures, (u64 __user *)((u8 __user *)buf +
					       sizeof(struct fxregs_state))) ||
	    put_user(FP_XSTATE_MAGIC2,
		     (u32 __user *)((u8 __user *)buf + fpu_cfg.size)))
		return -EFAULT;
	return 0;
}

/*
 * The legacy area is in @image already.  Believe the rest of an XSAVE
 * frame when both magic numbers and the sizes agree; else (as Linux)
 * take the frame as a bare FXSAVE image: the other components go to
 * their init state.  Returns 0 or -EFAULT.
 */
static int copy_xsave_frame(const void __user *buf, u8 *image)
{
	const struct _fpx_sw_bytes *sw =
		(const void *)(image + SW_BYTES_OFFSET);
	struct xregs_state *xs = (struct xregs_state *)image;
	unsigned int legacy = sizeof(struct fxregs_state);
	u64 features = sw->xfeatures & fpu_cfg.xfeatures;
	u32 magic2 = 0;

	if (sw->magic1 == FP_XSTATE_MAGIC1 && sw->xstate_size == fpu_cfg.size &&
	    sw->extended_size == fpu_cfg.size + FP_XSTATE_MAGIC2_SIZE &&
	    get_user(magic2, (const u32 __user *)((const u8 __user *)buf +
						  fpu_cfg.size)))
		return -EFAULT;
	if (magic2 != FP_XSTATE_MAGIC2) {
		memset(image + legacy, 0, fpu_cfg.size - legacy);
		xs->header.xfeatures = XFEATURE_MASK_FPSSE;
		return 0;
	}
	if (copy_from_user(image + legacy, (const u8 __user *)buf + legacy,
			   fpu_cfg.size - legacy))
		return -EFAULT;
	/* Components the frame does not claim are loaded as init. */
	xs->header.xfeatures &= features;
	return 0;
}

/* Everything XRSTOR or FXRSTOR would #GP on. */
static int check_image(const u8 *image)
{
	const struct fxregs_state *fx = (const struct fxregs_state *)image;
	const struct xregs_state *xs = (const struct xregs_state *)image;
	unsigned int i;

	if (fx->mxcsr & ~fpu_cfg.mxcsr_mask)
		return -EINVAL;
	if (!fpu_cfg.use_xsave)
		return 0;
	if (xs->header.xcomp_bv || (xs->header.xfeatures & ~fpu_cfg.xfeatures))
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(xs->header.reserved); i++)
		if (xs->header.reserved[i])
			return -EINVAL;
	return 0;
}

/**
 * fpu__restore_sig - load current's FPU state from a signal frame.
 * @buf: the frame's fpstate (uc_mcontext.fpstate), user memory
 *
 * Process context.  On error current's FPU state is unchanged.
 * Returns 0, -EFAULT (unreadable) or -EINVAL (state the CPU would
 * refuse: reserved MXCSR bits, a compacted or malformed XSAVE header).
 */
int fpu__restore_sig(void __user *buf)
{
	struct fpu *fpu = &current->thread.fpu;
	/*
	 * The staging copy lives on the stack (FPU_STATE_MAX is 1 KiB): the
	 * task's own image cannot take the user's bytes directly, since a
	 * fault during the copy may switch away, and the switch saves the
	 * registers over the image.
	 */
	u8 image[FPU_STATE_MAX] __aligned(FPU_STATE_ALIGN);
	int err;

	if (copy_from_user(image, buf, sizeof(struct fxregs_state)))
		return -EFAULT;
	if (fpu_cfg.use_xsave) {
		err = copy_xsave_frame(buf, image);
		if (err)
			return err;
	}
	err = check_image(image);
	if (err)
		return err;
	/* Nothing fails from here on. */
	preempt_disable();
	memcpy(fpu_state(fpu), image, fpu_cfg.size);
	fpu_restore(fpu);
	preempt_enable();
	return 0;
}
