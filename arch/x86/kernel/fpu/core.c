/*
 * The FPU, SSE and AVX registers of user tasks.
 *
 * The kernel itself never touches them (-mgeneral-regs-only), so the
 * registers always hold the state of the last user task that ran on
 * this CPU.  The switch is eager: __switch_to saves them when it leaves
 * a user task and loads them when it enters one (PF_KTHREAD tells the
 * two apart).  With XSAVE the image is XSAVE's standard format for
 * XCR0 = x87 | SSE (| AVX); without it, FXSAVE's 512 bytes.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/extable.h>
#include <asm/fpu/api.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>

struct fpu_config fpu_cfg;

/* CPUID leaf 1 ECX/EDX bits (boot_cpu_data.x86_capability[0]/[1]). */
#define CPUID1_ECX_XSAVE (1U << 26)
#define CPUID1_ECX_AVX (1U << 28)
#define CPUID1_EDX_FXSR (1U << 24)

/* The init state's control registers, as after FNINIT and reset. */
#define FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80

static inline void xsetbv(u32 index, u64 value)
{
	asm volatile("xsetbv"
		     :
		     : "c"(index), "a"((u32)value), "d"((u32)(value >> 32)));
}

static inline void os_xsave(void *image, u64 mask)
{
	asm volatile("xsave64 (%0)"
		     :
		     : "r"(image), "a"((u32)mask), "d"((u32)(mask >> 32))
		     : "memory");
}

static inline void os_fxsave(void *image)
{
	asm volatile("fxsave64 (%0)" : : "r"(image) : "memory");
}

/*
 * Load an image; false if the CPU refused it (#GP, caught by the
 * exception table).  Images are checked before they get here, so that
 * is a bug, but not one worth an oops.
 */
static bool os_restore(const void *image, u64 mask)
{
	bool ok = true;

	if (fpu_cfg.use_xsave)
		asm volatile("1:	xrstor64 (%1)\n"
			     "2:\n"
			     " .pushsection .fixup, \"ax\"\n"
			     "3:	movb $0, %0\n"
			     "	jmp 2b\n"
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)
			     : "+r"(ok)
			     : "r"(image), "a"((u32)mask),
			       "d"((u32)(mask >> 32))
			     : "memory");
	else
		asm volatile("1:	fxrstor64 (%1)\n"
			     "2:\n"
			     " .pushsection .fixup, \"ax\"\n"
			     "3:	movb $0, %0\n"
			     "	jmp 2b\n"
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)
			     : "+r"(ok)
			     : "r"(image)
			     : "memory");
	return ok;
}

/* Boot CPU, once: what to save and how big it is. */
static void fpu__init_config(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 eax, ebx, ecx, edx;
	u64 mask;

	if (!(c->x86_capability[1] & CPUID1_EDX_FXSR))
		panic("x86/fpu: the CPU has no FXSAVE; x86_64 requires it");
	fpu_cfg.size = sizeof(struct fxregs_state);
	fpu_cfg.mxcsr_mask = 0x0000ffbf; /* if FXSAVE reports 0 */
	if (c->cpuid_level < 0xd || !(c->x86_capability[0] & CPUID1_ECX_XSAVE))
		return;
	cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx);
	mask = XFEATURE_MASK_FPSSE;
	if ((c->x86_capability[0] & CPUID1_ECX_AVX) &&
	    (eax & XFEATURE_MASK_YMM))
		mask |= XFEATURE_MASK_YMM;
	fpu_cfg.use_xsave = true;
	fpu_cfg.xfeatures = mask;
}

/* Needs XCR0 set: the size CPUID reports is for the enabled features. */
static void fpu__init_size(void)
{
	u32 eax, ebx, ecx, edx;
	struct fxregs_state *fx;
	static u8 probe[sizeof(struct fxregs_state)] __aligned(16);

	if (fpu_cfg.use_xsave) {
		cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx);
		if (WARN_ON(ebx > FPU_STATE_MAX))
			ebx = FPU_STATE_MAX; /* cannot happen for x87|SSE|AVX */
		fpu_cfg.size = ebx;
	}
	/* FXSAVE reports which MXCSR bits exist; setting others is #GP. */
	memset(probe, 0, sizeof(probe));
	os_fxsave(probe);
	fx = (struct fxregs_state *)probe;
	if (fx->mxcsr_mask)
		fpu_cfg.mxcsr_mask = fx->mxcsr_mask;
	pr_info("x86/fpu: %s, features %#llx, %u-byte context\n",
		fpu_cfg.use_xsave ? "XSAVE" : "FXSAVE",
		(unsigned long long)fpu_cfg.xfeatures, fpu_cfg.size);
}

/**
 * fpu__init_cpu - enable the FPU, SSE and (with XSAVE) AVX on this CPU.
 *
 * Called by cpu_init() on every CPU, irqs off; the boot CPU comes first
 * and decides fpu_cfg for all.  Clears CR0.EM/TS (no lazy switching,
 * so #NM never fires), sets CR0.MP/NE (native #MF), CR4.OSFXSR and
 * OSXMMEXCPT (SSE with #XM), and with XSAVE CR4.OSXSAVE and XCR0.
 */
void fpu__init_cpu(void)
{
	static bool configured;
	unsigned long cr0 = read_cr0(), cr4 = __read_cr4();

	if (!configured)
		fpu__init_config();
	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (fpu_cfg.use_xsave)
		cr4 |= X86_CR4_OSXSAVE;
	__write_cr4(cr4);
	if (fpu_cfg.use_xsave)
		xsetbv(0, fpu_cfg.xfeatures);
	asm volatile("fninit");
	if (!configured) {
		fpu__init_size();
		configured = true;
	}
}

/**
 * fpu_init_image - write the init state (FCW 0x37f, MXCSR 0x1f80, all
 * registers zero) at @image, 64-byte aligned, fpu_cfg.size bytes.
 */
void fpu_init_image(void *image)
{
	struct fxregs_state *fx = image;

	memset(image, 0, fpu_cfg.size);
	fx->cwd = FCW_DEFAULT;
	fx->mxcsr = MXCSR_DEFAULT;
	/* XSTATE_BV 0: XRSTOR puts every component in its init state. */
}

/**
 * fpu_save - store this CPU's FPU registers into @fpu.
 * @fpu: the running user task's (or one being switched out)
 *
 * Preemption off, or the switch could save in between.
 */
void fpu_save(struct fpu *fpu)
{
	if (fpu_cfg.use_xsave)
		os_xsave(fpu_state(fpu), fpu_cfg.xfeatures);
	else
		os_fxsave(fpu_state(fpu));
}

/**
 * fpu_restore - load @fpu into this CPU's FPU registers.
 * @fpu: a checked image (every path that fills one validates it)
 *
 * Preemption off.  If the CPU refuses the image anyway, the task gets
 * the init state rather than the kernel an oops.
 */
void fpu_restore(struct fpu *fpu)
{
	void *image = fpu_state(fpu);

	if (likely(os_restore(image, fpu_cfg.xfeatures)))
		return;
	WARN_ONCE(1, "x86/fpu: bad FPU image of %s[%d]\n", current->comm,
		  current->pid);
	fpu_init_image(image);
	os_restore(image, fpu_cfg.xfeatures);
}

/**
 * switch_fpu - the FPU part of __switch_to.
 * @prev: the task switched out
 * @next: the task switched in
 *
 * Irqs off.  Kernel threads own no FPU state: nothing is saved for them
 * and the registers they leave are the last user task's.
 */
void switch_fpu(struct task_struct *prev, struct task_struct *next)
{
	if (!(prev->flags & PF_KTHREAD))
		fpu_save(&prev->thread.fpu);
	if (!(next->flags & PF_KTHREAD))
		fpu_restore(&next->thread.fpu);
}

/**
 * fpu_clone - give a new task its FPU image.
 * @dst: the child, not yet running
 * @src: the parent (current)
 *
 * A user parent's live registers are copied (fork duplicates them, as
 * it does the general registers); a kernel thread's child starts from
 * the init state.  Process context.
 */
void fpu_clone(struct task_struct *dst, struct task_struct *src)
{
	void *image = fpu_state(&dst->thread.fpu);

	if (src->flags & PF_KTHREAD) {
		fpu_init_image(image);
		return;
	}
	preempt_disable();
	fpu_save(&src->thread.fpu);
	memcpy(image, fpu_state(&src->thread.fpu), fpu_cfg.size);
	preempt_enable();
}

/**
 * fpu_flush_thread - reset current's FPU to the init state (exec).
 *
 * Also loads the registers, so it works whether or not current is
 * already a user task.  Process context.
 */
void fpu_flush_thread(void)
{
	struct fpu *fpu = &current->thread.fpu;

	preempt_disable();
	fpu_init_image(fpu_state(fpu));
	fpu_restore(fpu);
	preempt_enable();
}
