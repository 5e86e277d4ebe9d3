/*
 * x86-64 task state: a new task's first stack frame, user register
 * setup for exec, the C half of the context switch, and arch_prctl.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/sched.h>
#include <asm/current.h>
#include <asm/fpu/api.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

/* arch_prctl codes (UAPI asm/prctl.h). */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss_rw);

/*
 * Load a selector into %gs without losing the kernel's GS base: the
 * load sets the base of whatever GS is live, so do it with the user's
 * base swapped in, with irqs off (an interrupt in between would run
 * with the user's GS base).
 */
static void load_gs_index(u16 sel)
{
	unsigned long flags;

	local_irq_save(flags);
	asm volatile("swapgs\n\t"
		     "movl %k0, %%gs\n\t"
		     "swapgs"
		     :
		     : "r"(sel)
		     : "memory");
	local_irq_restore(flags);
}

static u16 read_fs_sel(void)
{
	u16 sel;

	asm volatile("movw %%fs, %0" : "=r"(sel));
	return sel;
}

static u16 read_gs_sel(void)
{
	u16 sel;

	asm volatile("movw %%gs, %0" : "=r"(sel));
	return sel;
}

/*
 * The first switch to @p "returns" into ret_from_fork, which finds in
 * rbx the function of a kernel thread (0 for a user child) and in r12
 * its argument:
 *
 *	top of stack ->	struct pt_regs (the user registers)
 *			struct inactive_task_frame { ..., ret_from_fork }
 *	thread.sp ->
 */
static struct inactive_task_frame *fork_frame(struct task_struct *p)
{
	struct inactive_task_frame *frame =
		(struct inactive_task_frame *)task_pt_regs(p) - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	frame->bp = 0; /* ends frame-pointer backtraces */
	p->thread.sp = (unsigned long)frame;
	return frame;
}

/**
 * copy_thread - give a new task its registers and first stack frame.
 * @p: the new task, with its stack allocated, not yet running
 * @clone_flags: CLONE_* (CLONE_SETTLS is the only one looked at here)
 * @sp: a user child's stack pointer (0: the parent's); for a kernel
 *	thread the function it runs
 * @tls: with CLONE_SETTLS the child's FS base; for a kernel thread the
 *	function's argument
 *
 * A kernel thread (PF_KTHREAD in @p->flags, as kernel_thread() makes
 * it; the fn/arg-in-sp/tls convention is Linux's before 5.17) gets
 * zeroed user registers and runs fn(arg) from ret_from_fork.  A user
 * child gets a copy of the parent's user registers (current must be in
 * a syscall) with ax = 0, so fork returns 0 in it, and leaves
 * ret_from_fork straight to user mode.  Process context.  Returns 0.
 */
int copy_thread(struct task_struct *p, unsigned long clone_flags,
		unsigned long sp, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct inactive_task_frame *frame = fork_frame(p);

	p->thread.fsindex = p->thread.gsindex = 0;
	p->thread.fsbase = p->thread.gsbase = 0;
	fpu_clone(p, current);
	if (p->flags & PF_KTHREAD) {
		memset(childregs, 0, sizeof(*childregs));
		frame->bx = sp;
		frame->r12 = tls;
		return 0;
	}
	*childregs = *current_pt_regs();
	childregs->ax = 0;
	if (sp)
		childregs->sp = sp;
	/* The parent's live bases: it may have reloaded a selector. */
	preempt_disable();
	p->thread.fsindex = read_fs_sel();
	p->thread.gsindex = read_gs_sel();
	p->thread.fsbase = rdmsr(MSR_FS_BASE);
	p->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	preempt_enable();
	if (clone_flags & CLONE_SETTLS) {
		p->thread.fsindex = 0;
		p->thread.fsbase = tls;
	}
	return 0;
}

/**
 * start_thread - point the user registers at a new program.
 * @regs: current's user registers (current_pt_regs())
 * @new_ip: the entry point
 * @new_sp: the initial user stack pointer
 *
 * For exec, after the new mm is in place: every general register zero,
 * 64-bit user code and data segments, only IF set in rflags, FS and GS
 * selectors and bases zero.  Process context.
 */
void start_thread(struct pt_regs *regs, unsigned long new_ip,
		  unsigned long new_sp)
{
	WARN_ON_ONCE(current->flags & PF_KTHREAD);
	memset(regs, 0, sizeof(*regs));
	regs->ip = new_ip;
	regs->sp = new_sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	preempt_disable();
	current->thread.fsindex = current->thread.gsindex = 0;
	current->thread.fsbase = current->thread.gsbase = 0;
	asm volatile("movl %k0, %%fs" : : "r"(0) : "memory");
	wrmsr(MSR_FS_BASE, 0);
	load_gs_index(0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	preempt_enable();
}

/**
 * flush_thread - forget the old program's architecture state (exec).
 *
 * The FPU goes back to its init state (and is loaded).  Process
 * context.
 */
void flush_thread(void)
{
	fpu_flush_thread();
}

/* Save the user segment state of @prev and load @next's; irqs off. */
static void switch_user_segments(struct task_struct *prev,
				 struct task_struct *next)
{
	if (!(prev->flags & PF_KTHREAD)) {
		prev->thread.fsindex = read_fs_sel();
		prev->thread.gsindex = read_gs_sel();
		prev->thread.fsbase = rdmsr(MSR_FS_BASE);
		prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	}
	if (next->flags & PF_KTHREAD)
		return;
	/* The selector first: loading it rewrites the base. */
	if (read_fs_sel() != next->thread.fsindex)
		asm volatile("movl %k0, %%fs" : : "r"(next->thread.fsindex));
	if (read_gs_sel() != next->thread.gsindex)
		load_gs_index(next->thread.gsindex);
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
}

/**
 * __switch_to - the C half of a context switch, on @next's stack.
 *
 * Irqs off, rq locked.  Points the TSS and the syscall entry at @next's
 * stack for entries from user mode, switches the user FS/GS and FPU
 * state, and makes @next current.  Returns @prev.
 */
asmlinkage __visible struct task_struct *__switch_to(struct task_struct *prev,
						     struct task_struct *next)
{
	unsigned long top = task_top_of_stack(next);

	this_cpu_ptr(&cpu_tss_rw)->sp0 = top;
	this_cpu_write(cpu_current_top_of_stack, top);
	switch_user_segments(prev, next);
	switch_fpu(prev, next);
	this_cpu_write(current_task, next);
	return prev;
}

/* Set the user FS or GS base of current; 0 or -EPERM. */
static long set_user_base(int code, unsigned long addr)
{
	if (addr >= TASK_SIZE_MAX)
		return -EPERM;
	preempt_disable();
	if (code == ARCH_SET_FS) {
		current->thread.fsindex = 0;
		current->thread.fsbase = addr;
		asm volatile("movl %k0, %%fs" : : "r"(0) : "memory");
		wrmsr(MSR_FS_BASE, addr);
	} else {
		current->thread.gsindex = 0;
		current->thread.gsbase = addr;
		load_gs_index(0);
		wrmsr(MSR_KERNEL_GS_BASE, addr);
	}
	preempt_enable();
	return 0;
}

/*
 * arch_prctl(ARCH_SET_FS/ARCH_SET_GS, addr) sets the thread's FS or GS
 * base (the TLS pointer of libc); ARCH_GET_FS/ARCH_GET_GS store it at
 * the user pointer addr.  Errors as Linux: -EPERM for a base outside
 * user space, -EFAULT for a bad pointer, -EINVAL for other codes.
 */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	unsigned long base;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		return set_user_base(option, arg2);
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		/* The MSRs hold current's user bases while it runs. */
		preempt_disable();
		base = rdmsr(option == ARCH_GET_FS ? MSR_FS_BASE :
						     MSR_KERNEL_GS_BASE);
		preempt_enable();
		return put_user(base, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
