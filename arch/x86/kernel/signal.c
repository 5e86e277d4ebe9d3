/*
 * x86_64 signal delivery: the frame on the user stack, rt_sigreturn,
 * and syscall restart (seed 002: "return -ERESTARTSYS ... the syscall
 * will be restarted unless the user disabled it").
 *
 * On the way back to user mode with a signal pending, the entry code
 * calls arch_do_signal_or_restart().  get_signal() (kernel/signal.c)
 * takes care of ignored, stopping and fatal signals; for a handler this
 * file saves the user registers, mask, alternate stack and FPU state in
 * a struct rt_sigframe (asm/sigframe.h) below the interrupted stack and
 * points the registers at the handler.  The handler returns into
 * sa_restorer (libc's __restore_rt), which issues rt_sigreturn; that
 * reads the frame back.  The interrupted syscall, if any, is restarted
 * or fails with EINTR according to its return value and SA_RESTART:
 *
 *	-ERESTARTNOHAND          restart if no handler runs, else EINTR
 *	-ERESTARTSYS             restart unless a handler without
 *	                         SA_RESTART runs, else EINTR
 *	-ERESTARTNOINTR          always restart
 *	-ERESTART_RESTARTBLOCK   like NOHAND, but restart as
 *	                         restart_syscall(2) (current->restart_block)
 *
 * Restarting rewinds ip over the 2-byte syscall instruction and puts the
 * syscall number (orig_ax) back into ax.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu/signal.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/sighandling.h>

#define __NR_restart_syscall 219
#define RED_ZONE 128 /* the x86_64 ABI lets leaf functions use it */

static void signal_abi_checks(void)
{
	BUILD_BUG_ON(sizeof(struct sigcontext) != 256);
	BUILD_BUG_ON(sizeof(struct ucontext) != 304);
	BUILD_BUG_ON(offsetof(struct ucontext, uc_mcontext) != 40);
	BUILD_BUG_ON(offsetof(struct sigcontext, ip) != 128);
	BUILD_BUG_ON(offsetof(struct sigcontext, fpstate) != 184);
	BUILD_BUG_ON(offsetof(struct rt_sigframe, info) != 312);
}

static bool __on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/*
 * Where the frame goes: below the red zone, or at the top of the
 * alternate stack; the FPU state first (64-byte aligned), then the
 * frame, placed so that rsp + 8 is 16-byte aligned at the handler.
 * Returns the frame and the FPU area (NULL without one), or
 * (void __user *)-1 when the alternate stack would overflow.
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs,
				 size_t frame_size, void __user **fpstate)
{
	unsigned long sp = regs->sp - RED_ZONE;
	unsigned long fpsize = fpu_sigframe_size();
	bool on_alt = on_sig_stack(sp), entering = false;

	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering = true;
	}
	*fpstate = NULL;
	if (fpsize) {
		sp = round_down(sp - fpsize, 64);
		*fpstate = (void __user *)sp;
	}
	sp = round_down(sp - frame_size, 16) - 8;
	if ((on_alt || entering) && !__on_sig_stack(sp))
		return (void __user *)-1L;
	return (void __user *)sp;
}

static void fill_sigcontext(struct sigcontext *sc, void __user *fpstate,
			    const struct pt_regs *regs, unsigned long mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->oldmask = mask;
	sc->fpstate = (unsigned long)fpstate;
}

/**
 * x64_setup_rt_frame - build the frame for @ksig and enter its handler.
 * @ksig: the signal and handler get_signal() chose
 * @regs: the user registers; changed to start the handler
 *
 * Process context.  Returns 0, or -EFAULT when the frame cannot be
 * written (bad stack, alternate stack overflow, no SA_RESTORER: x86_64
 * has no kernel-provided return path).
 */
int x64_setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t *set = sigmask_to_save();
	struct rt_sigframe __user *frame;
	void __user *fpstate;
	struct ucontext uc;

	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	if (frame == (void __user *)-1L || !access_ok(frame, sizeof(*frame)))
		return -EFAULT;
	if (fpstate && copy_fpstate_to_sigframe(fpstate))
		return -EFAULT;

	memset(&uc, 0, sizeof(uc));
	uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	if (fpu_sigframe_size() > 512) /* more than FXSAVE: XSAVE */
		uc.uc_flags |= UC_FP_XSTATE;
	fill_sigcontext(&uc.uc_mcontext, fpstate, regs, set->sig[0]);
	uc.uc_sigmask = *set;
	if (copy_to_user(&frame->uc, &uc, sizeof(uc)) ||
	    put_user((char __user *)ksig->ka.sa.sa_restorer, &frame->pretcode))
		return -EFAULT;
	/* Last: it disarms an SS_AUTODISARM stack. */
	if (__save_altstack(&frame->uc.uc_stack, regs->sp))
		return -EFAULT;
	if ((ksig->ka.sa.sa_flags & SA_SIGINFO) &&
	    copy_siginfo_to_user(&frame->info, &ksig->info))
		return -EFAULT;

	regs->di = ksig->sig;
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ax = 0; /* no vector registers used: varargs convention */
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	/* The handler starts with the direction flag clear, untraced. */
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	return 0;
}

/*
 * Load the registers saved at @usc into @regs.  Only the user-settable
 * flags change; the code segment must be the 64-bit user one and, with
 * UC_STRICT_RESTORE_SS, the stack segment the user data one (anything
 * else is a bad frame); the interrupted syscall is not restarted again.
 */
static int restore_sigcontext(struct pt_regs *regs,
			      const struct sigcontext __user *usc,
			      unsigned long uc_flags)
{
	struct sigcontext sc;

	current->restart_block.fn = do_no_restart_syscall;
	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	if ((sc.cs | 3) != __USER_CS)
		return -EINVAL;
	if ((uc_flags & UC_STRICT_RESTORE_SS) && (sc.ss | 3) != __USER_DS)
		return -EINVAL;
	regs->r8 = sc.r8;
	regs->r9 = sc.r9;
	regs->r10 = sc.r10;
	regs->r11 = sc.r11;
	regs->r12 = sc.r12;
	regs->r13 = sc.r13;
	regs->r14 = sc.r14;
	regs->r15 = sc.r15;
	regs->di = sc.di;
	regs->si = sc.si;
	regs->bp = sc.bp;
	regs->bx = sc.bx;
	regs->dx = sc.dx;
	regs->ax = sc.ax;
	regs->cx = sc.cx;
	regs->sp = sc.sp;
	regs->ip = sc.ip;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1; /* not in a syscall: no restart */
	if (sc.fpstate)
		return fpu__restore_sig((void __user *)sc.fpstate);
	return 0;
}

/**
 * x64_restore_rt_frame - rt_sigreturn's work on the frame at @frame_addr.
 * @regs: the user registers, replaced by the saved ones
 * @frame_addr: the frame (the handler's ret popped pretcode: sp - 8)
 *
 * Process context.  Returns 0 or -errno for a bad frame.
 */
int x64_restore_rt_frame(struct pt_regs *regs, unsigned long frame_addr)
{
	struct rt_sigframe __user *frame = (void __user *)frame_addr;
	unsigned long uc_flags;
	sigset_t set;
	int ret;

	if (!access_ok(frame, sizeof(*frame)))
		return -EFAULT;
	if (copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)) ||
	    get_user(uc_flags, &frame->uc.uc_flags))
		return -EFAULT;
	set_current_blocked(&set);
	ret = restore_sigcontext(regs, &frame->uc.uc_mcontext, uc_flags);
	if (ret)
		return ret;
	return restore_altstack(&frame->uc.uc_stack);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();

	signal_abi_checks();
	if (x64_restore_rt_frame(regs, regs->sp - sizeof(long))) {
		force_sig(SIGSEGV);
		return 0;
	}
	return regs->ax; /* the syscall exit stores it back unchanged */
}

/* Point @regs back at the syscall instruction, to run it again. */
static void restart_syscall_insn(struct pt_regs *regs, unsigned long nr)
{
	regs->ax = nr;
	regs->ip -= 2;
}

/**
 * handle_signal_restart - the interrupted syscall's fate when a handler
 * for @ksig is about to run: EINTR, or restart after the handler.
 */
void handle_signal_restart(struct ksignal *ksig, struct pt_regs *regs)
{
	if ((long)regs->orig_ax < 0)
		return; /* not in a syscall */
	switch ((long)regs->ax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->ax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
			regs->ax = -EINTR;
			break;
		}
		fallthrough;
	case -ERESTARTNOINTR:
		restart_syscall_insn(regs, regs->orig_ax);
		break;
	}
}

/**
 * restart_without_handler - no handler runs: every restartable syscall
 * restarts, ERESTART_RESTARTBLOCK through restart_syscall(2).
 */
void restart_without_handler(struct pt_regs *regs)
{
	if ((long)regs->orig_ax < 0)
		return;
	switch ((long)regs->ax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		restart_syscall_insn(regs, regs->orig_ax);
		break;
	case -ERESTART_RESTARTBLOCK:
		restart_syscall_insn(regs, __NR_restart_syscall);
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	handle_signal_restart(ksig, regs);
	failed = x64_setup_rt_frame(ksig, regs);
	signal_setup_done(failed, ksig, 0);
}

/**
 * arch_do_signal_or_restart - deliver a signal before returning to user
 * mode, or restart the interrupted syscall.
 * @regs: the user registers
 *
 * Called by the entry code's exit work with TIF_SIGPENDING set, irqs
 * on, process context.  Runs one handler's setup per call; the work
 * loop calls again while signals remain.  Without a handler it
 * restarts the syscall and restores a mask sigsuspend saved.
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	restart_without_handler(regs);
	restore_saved_sigmask();
}
