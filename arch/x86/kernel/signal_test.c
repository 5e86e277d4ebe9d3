/*
 * x86_64 signal frame tests: the frame is built on test user pages
 * (include/ktest/user.h) from a made-up struct pt_regs, read back as
 * user space would see it, and undone by the rt_sigreturn path; and the
 * syscall-restart rules as a table.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/sighandling.h>
#include <ktest/test.h>
#include <ktest/user.h>

#define HANDLER 0x401000UL
#define RESTORER 0x402000UL
#define SYSCALL_IP 0x400102UL /* after a 2-byte syscall at 0x400100 */

static sigset_t saved_blocked;

static int frame_test_init(struct ktest *test)
{
	saved_blocked = current->blocked;
	return 0;
}

static void frame_test_exit(struct ktest *test)
{
	ktest_user_unmap(test);
	current->sas_ss_sp = 0;
	current->sas_ss_size = 0;
	current->sas_ss_flags = SS_DISABLE;
	current->restore_sigmask = false;
	__set_current_blocked(&saved_blocked);
}

static void fill_regs(struct pt_regs *regs, unsigned long sp)
{
	unsigned long *r = (unsigned long *)regs;
	unsigned int i;

	for (i = 0; i < sizeof(*regs) / sizeof(long); i++)
		r[i] = 0x1000 + i; /* each register its own value */
	regs->ip = SYSCALL_IP;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = 0x246 | X86_EFLAGS_DF;
	regs->orig_ax = 0; /* read(2) */
	regs->ax = -ERESTARTSYS;
}

static void fill_ksig(struct ksignal *ksig, unsigned long flags)
{
	memset(ksig, 0, sizeof(*ksig));
	ksig->sig = SIGUSR1;
	ksig->ka.sa.sa_handler = (__sighandler_t)HANDLER;
	ksig->ka.sa.sa_restorer = (__sigrestore_t)RESTORER;
	ksig->ka.sa.sa_flags = flags;
	ksig->info.si_signo = SIGUSR1;
	ksig->info.si_code = SI_USER;
	ksig->info.si_pid = 42;
}

static void frame_test_layout_and_sigreturn(struct ktest *test)
{
	void __user *base = ktest_user_map(test, 2);
	unsigned long top = (unsigned long)base + 2 * PAGE_SIZE - 0x40;
	struct pt_regs regs, orig;
	struct rt_sigframe *kframe;
	struct ksignal ksig;
	sigset_t mask;

	siginitset(&mask, sigmask(SIGUSR2));
	__set_current_blocked(&mask);
	fill_regs(&regs, top);
	fill_ksig(&ksig, SA_SIGINFO | SA_RESTORER | SA_RESTART);
	handle_signal_restart(&ksig, &regs);
	/* SA_RESTART: back at the syscall instruction, number in ax. */
	KTEST_EXPECT_EQ(test, regs.ip, SYSCALL_IP - 2);
	KTEST_EXPECT_EQ(test, regs.ax, 0);
	orig = regs;
	KTEST_ASSERT_EQ(test, x64_setup_rt_frame(&ksig, &regs), 0);

	/* The handler's entry: args, 16-byte rule, below the red zone. */
	KTEST_EXPECT_EQ(test, regs.ip, HANDLER);
	KTEST_EXPECT_EQ(test, regs.di, SIGUSR1);
	KTEST_EXPECT_EQ(test, (regs.sp + 8) % 16, 0);
	KTEST_EXPECT_LE(test, regs.sp + sizeof(struct rt_sigframe), top - 128);
	KTEST_EXPECT_EQ(test, regs.si,
			regs.sp + offsetof(struct rt_sigframe, info));
	KTEST_EXPECT_EQ(test, regs.dx,
			regs.sp + offsetof(struct rt_sigframe, uc));
	KTEST_EXPECT_EQ(test, regs.ax, 0);
	KTEST_EXPECT_FALSE(test, regs.flags & X86_EFLAGS_DF);

	/* What user space finds there. */
	kframe = ktest_user_kaddr((void __user *)regs.sp);
	KTEST_ASSERT_NOT_NULL(test, kframe);
	KTEST_EXPECT_EQ(test, (unsigned long)kframe->pretcode, RESTORER);
	KTEST_EXPECT_TRUE(test, kframe->uc.uc_flags & UC_SIGCONTEXT_SS);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.ip, SYSCALL_IP - 2);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.r15, orig.r15);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.bx, orig.bx);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.sp, top);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.cs, __USER_CS);
	KTEST_EXPECT_EQ(test, kframe->uc.uc_mcontext.oldmask, sigmask(SIGUSR2));
	KTEST_EXPECT_EQ(test, kframe->uc.uc_sigmask.sig[0], sigmask(SIGUSR2));
	KTEST_EXPECT_EQ(test, kframe->uc.uc_stack.ss_flags, SS_DISABLE);
	KTEST_EXPECT_EQ(test, kframe->info.si_signo, SIGUSR1);
	KTEST_EXPECT_EQ(test, kframe->info.si_pid, 42);

	/* The handler may change the saved mask and flags; ret pops pretcode. */
	kframe->uc.uc_sigmask.sig[0] = sigmask(SIGINT) | sigmask(SIGKILL);
	kframe->uc.uc_mcontext.flags |= 0x3000; /* IOPL: not the user's */
	regs.sp += 8;
	KTEST_ASSERT_EQ(test, x64_restore_rt_frame(&regs, regs.sp - 8), 0);
	KTEST_EXPECT_EQ(test, regs.ip, orig.ip);
	KTEST_EXPECT_EQ(test, regs.sp, orig.sp);
	KTEST_EXPECT_EQ(test, regs.r15, orig.r15);
	KTEST_EXPECT_EQ(test, regs.ax, orig.ax);
	KTEST_EXPECT_EQ(test, regs.flags & 0x3000, 0);
	KTEST_EXPECT_TRUE(test, regs.flags & X86_EFLAGS_DF);
	KTEST_EXPECT_EQ(test, (long)regs.orig_ax, -1);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], sigmask(SIGINT));
}

static void frame_test_bad_frames(struct ktest *test)
{
	void __user *base = ktest_user_map(test, 2);
	unsigned long top = (unsigned long)base + 2 * PAGE_SIZE;
	struct rt_sigframe *kframe;
	struct pt_regs regs;
	struct ksignal ksig;

	/* x86_64 needs SA_RESTORER: there is no return path otherwise. */
	fill_regs(&regs, top);
	fill_ksig(&ksig, SA_SIGINFO);
	KTEST_EXPECT_EQ(test, x64_setup_rt_frame(&ksig, &regs), -EFAULT);
	/* A stack that is not mapped. */
	fill_regs(&regs, 0x1000);
	fill_ksig(&ksig, SA_RESTORER);
	KTEST_EXPECT_EQ(test, x64_setup_rt_frame(&ksig, &regs), -EFAULT);
	/* Nor a kernel address. */
	fill_regs(&regs, (unsigned long)&regs);
	KTEST_EXPECT_EQ(test, x64_setup_rt_frame(&ksig, &regs), -EFAULT);

	/* sigreturn from garbage: unmapped, or a forged code segment. */
	fill_regs(&regs, top);
	KTEST_EXPECT_EQ(test, x64_restore_rt_frame(&regs, 0x2000), -EFAULT);
	KTEST_ASSERT_EQ(test, x64_setup_rt_frame(&ksig, &regs), 0);
	kframe = ktest_user_kaddr((void __user *)regs.sp);
	kframe->uc.uc_mcontext.cs = __KERNEL_CS;
	KTEST_EXPECT_EQ(test, x64_restore_rt_frame(&regs, regs.sp), -EINVAL);
	kframe->uc.uc_mcontext.cs = __USER_CS;
	kframe->uc.uc_mcontext.ss = __KERNEL_DS;
	KTEST_EXPECT_EQ(test, x64_restore_rt_frame(&regs, regs.sp), -EINVAL);
}

static void frame_test_sigaltstack(struct ktest *test)
{
	void __user *base = ktest_user_map(test, 4);
	unsigned long alt = (unsigned long)base + 2 * PAGE_SIZE;
	unsigned long top = (unsigned long)base + PAGE_SIZE;
	stack_t ss = { .ss_sp = (void __user *)alt,
		       .ss_size = 2 * PAGE_SIZE,
		       .ss_flags = SS_AUTODISARM };
	struct rt_sigframe *kframe;
	struct pt_regs regs;
	struct ksignal ksig;
	stack_t old;

	KTEST_ASSERT_EQ(test, do_sigaltstack(&ss, &old, top, MINSIGSTKSZ), 0);
	KTEST_EXPECT_EQ(test, old.ss_flags, SS_DISABLE);
	fill_regs(&regs, top);
	fill_ksig(&ksig, SA_RESTORER | SA_ONSTACK);
	KTEST_ASSERT_EQ(test, x64_setup_rt_frame(&ksig, &regs), 0);
	KTEST_EXPECT_GT(test, regs.sp, alt);
	KTEST_EXPECT_LT(test, regs.sp, alt + 2 * PAGE_SIZE);
	kframe = ktest_user_kaddr((void __user *)regs.sp);
	KTEST_EXPECT_EQ(test, (unsigned long)kframe->uc.uc_stack.ss_sp, alt);
	KTEST_EXPECT_EQ(test, (unsigned int)kframe->uc.uc_stack.ss_flags,
			SS_AUTODISARM);
	/* Disarmed while the handler runs, re-armed by sigreturn. */
	KTEST_EXPECT_EQ(test, current->sas_ss_size, 0);
	KTEST_ASSERT_EQ(test, x64_restore_rt_frame(&regs, regs.sp), 0);
	KTEST_EXPECT_EQ(test, current->sas_ss_sp, alt);
	KTEST_EXPECT_EQ(test, current->sas_ss_size, 2 * PAGE_SIZE);

	/* Without SS_AUTODISARM a nested signal stays on the stack ... */
	ss.ss_flags = 0;
	KTEST_ASSERT_EQ(test, do_sigaltstack(&ss, NULL, top, MINSIGSTKSZ), 0);
	fill_regs(&regs, alt + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sas_ss_flags(regs.sp), SS_ONSTACK);
	KTEST_EXPECT_EQ(test, do_sigaltstack(&ss, NULL, regs.sp, MINSIGSTKSZ),
			-EPERM);
	KTEST_ASSERT_EQ(test, x64_setup_rt_frame(&ksig, &regs), 0);
	KTEST_EXPECT_LT(test, regs.sp, alt + PAGE_SIZE);
	/* ... and fails when the frame would run off its bottom. */
	fill_regs(&regs, alt + 256);
	KTEST_EXPECT_EQ(test, x64_setup_rt_frame(&ksig, &regs), -EFAULT);

	/* sigaltstack's own errors. */
	ss.ss_flags = 77;
	KTEST_EXPECT_EQ(test, do_sigaltstack(&ss, NULL, top, MINSIGSTKSZ),
			-EINVAL);
	ss.ss_flags = 0;
	ss.ss_size = MINSIGSTKSZ - 1;
	KTEST_EXPECT_EQ(test, do_sigaltstack(&ss, NULL, top, MINSIGSTKSZ),
			-ENOMEM);
	ss.ss_flags = SS_DISABLE;
	KTEST_EXPECT_EQ(test, do_sigaltstack(&ss, &old, top, MINSIGSTKSZ), 0);
	KTEST_EXPECT_EQ(test, old.ss_size, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sas_ss_flags(top), SS_DISABLE);
}

/* Syscall return value x handler kind -> ax and ip afterwards. */
struct restart_case {
	long ret;
	int handler; /* 0 none, 1 handler, 2 handler with SA_RESTART */
	long ax; /* 1000 = the syscall number (restarted) */
	bool rewound;
};

static const struct restart_case restart_cases[] = {
	{ -ERESTARTSYS, 0, 1000, true },
	{ -ERESTARTSYS, 1, -EINTR, false },
	{ -ERESTARTSYS, 2, 1000, true },
	{ -ERESTARTNOINTR, 0, 1000, true },
	{ -ERESTARTNOINTR, 1, 1000, true },
	{ -ERESTARTNOHAND, 0, 1000, true },
	{ -ERESTARTNOHAND, 2, -EINTR, false },
	{ -ERESTART_RESTARTBLOCK, 0, 219, true }, /* restart_syscall */
	{ -ERESTART_RESTARTBLOCK, 2, -EINTR, false },
	{ -EAGAIN, 0, -EAGAIN, false },
	{ -EAGAIN, 2, -EAGAIN, false },
};

static void frame_test_restart_rules(struct ktest *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(restart_cases); i++) {
		const struct restart_case *c = &restart_cases[i];
		struct pt_regs regs;
		struct ksignal ksig;
		long want = c->ax == 1000 ? 1000 : c->ax;

		fill_regs(&regs, 0x7000);
		regs.orig_ax = 1000;
		regs.ax = c->ret;
		fill_ksig(&ksig,
			  SA_RESTORER | (c->handler == 2 ? SA_RESTART : 0));
		if (c->handler)
			handle_signal_restart(&ksig, &regs);
		else
			restart_without_handler(&regs);
		if ((long)regs.ax != want ||
		    regs.ip != SYSCALL_IP - (c->rewound ? 2 : 0))
			ktest_fail(
				test, __FILE__, __LINE__,
				"case %u: ret %ld handler %d: ax %ld ip %#lx",
				i, c->ret, c->handler, (long)regs.ax, regs.ip);
	}
	/* Not in a syscall (an interrupt): never restarted. */
	{
		struct pt_regs regs;

		fill_regs(&regs, 0x7000);
		regs.orig_ax = -1;
		regs.ax = -ERESTARTSYS;
		restart_without_handler(&regs);
		KTEST_EXPECT_EQ(test, (long)regs.ax, -ERESTARTSYS);
		KTEST_EXPECT_EQ(test, regs.ip, SYSCALL_IP);
	}
}

static struct ktest_case frame_test_cases[] = {
	KTEST_CASE(frame_test_layout_and_sigreturn),
	KTEST_CASE(frame_test_bad_frames),
	KTEST_CASE(frame_test_sigaltstack),
	KTEST_CASE(frame_test_restart_rules),
	{}
};

static struct ktest_suite frame_test_suite = {
	.name = "signal_frame",
	.init = frame_test_init,
	.exit = frame_test_exit,
	.test_cases = frame_test_cases,
};
ktest_suite(frame_test_suite);
