/*
 * Signals: rt_sigaction flags, siginfo contents, syscall restart,
 * sigaltstack, masks and pending sets, sigsuspend/sigtimedwait,
 * kill/tkill/tgkill permissions and targets, default actions, FPU state
 * across handlers, alarm and interrupted nanosleep.
 */
#include "ut_util.h"
#include <pthread.h>
#include <setjmp.h>

static volatile sig_atomic_t hits, depth, max_depth;
static siginfo_t last_info;
static volatile unsigned long handler_local;
static volatile int handler_tid;
static volatile int usr1_blocked_inside;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	last_info = *si;
	handler_tid = gettid();
	hits++;
}

static void on_count(int sig)
{
	(void)sig;
	hits++;
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	UT_ASSERT_EQ(sigaction(sig, &sa, NULL), 0);
}

static void set_info_handler(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO | flags;
	UT_ASSERT_EQ(sigaction(sig, &sa, NULL), 0);
}

/* A child that sends @sig to @target after @ms, then writes a byte to
 * @fd (if >= 0) after @ms more. */
static pid_t signal_later(pid_t target, int sig, int ms, int fd)
{
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(ms * 1000);
		kill(target, sig);
		if (fd >= 0) {
			usleep(ms * 1000);
			write(fd, "d", 1);
		}
		_exit(0);
	}
	return pid;
}

UTEST(kill_self_siginfo_has_signo_code_pid_uid)
{
	set_info_handler(SIGUSR1, 0);
	UT_ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
	UT_ASSERT_EQ(hits, 1);
	UT_EXPECT_EQ(last_info.si_signo, SIGUSR1);
	UT_EXPECT_EQ(last_info.si_code, SI_USER);
	UT_EXPECT_EQ(last_info.si_pid, getpid());
	UT_EXPECT_EQ(last_info.si_uid, getuid());
}

UTEST(kill_from_other_process_names_the_sender)
{
	sigset_t set;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	set_info_handler(SIGUSR2, 0);
	pid = signal_later(getpid(), SIGUSR2, 1, -1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	/* Still blocked: pending until we unblock. */
	UT_EXPECT_EQ(hits, 0);
	UT_ASSERT_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_EQ(last_info.si_pid, pid);
	UT_EXPECT_EQ(last_info.si_code, SI_USER);
}

UTEST(sigqueue_passes_si_value_and_si_queue)
{
	union sigval v = { .sival_int = 1234 };

	set_info_handler(SIGRTMIN, 0);
	UT_ASSERT_EQ(sigqueue(getpid(), SIGRTMIN, v), 0);
	UT_ASSERT_EQ(hits, 1);
	UT_EXPECT_EQ(last_info.si_signo, SIGRTMIN);
	UT_EXPECT_EQ(last_info.si_code, SI_QUEUE);
	UT_EXPECT_EQ(last_info.si_value.sival_int, 1234);
	UT_EXPECT_EQ(last_info.si_pid, getpid());
}

UTEST(rt_signals_queue_every_instance_standard_ones_merge)
{
	sigset_t set;
	union sigval v = { .sival_int = 0 };
	int i;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGUSR1);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	set_info_handler(SIGRTMIN + 1, 0);
	set_handler(SIGUSR1, on_count, 0);
	for (i = 0; i < 3; i++) {
		UT_ASSERT_EQ(sigqueue(getpid(), SIGRTMIN + 1, v), 0);
		UT_ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
	}
	UT_ASSERT_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	UT_EXPECT_EQ(hits, 3 + 1);
}

static int pipe_read_with_signal(int flags, long *got)
{
	int fds[2], err;
	char b;
	pid_t pid;

	hits = 0;
	set_handler(SIGUSR1, on_count, flags);
	UT_ASSERT_EQ(pipe(fds), 0);
	pid = signal_later(getpid(), SIGUSR1, 30, fds[1]);
	errno = 0;
	*got = read(fds[0], &b, 1);
	err = errno;
	ut_wait(pid);
	return err;
}

UTEST(sa_restart_restarts_blocking_pipe_read)
{
	long got;

	pipe_read_with_signal(SA_RESTART, &got);
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_EQ(got, 1);
}

UTEST(without_sa_restart_read_fails_with_eintr)
{
	long got;
	int err = pipe_read_with_signal(0, &got);

	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_EQ(got, -1);
	UT_EXPECT_EQ(err, EINTR);
}

UTEST(sa_resethand_restores_default_after_one_delivery)
{
	struct sigaction old;

	set_handler(SIGUSR1, on_count, SA_RESETHAND);
	UT_ASSERT_EQ(raise(SIGUSR1), 0);
	UT_EXPECT_EQ(hits, 1);
	UT_ASSERT_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	UT_EXPECT(old.sa_handler == SIG_DFL);
}

static void on_check_mask(int sig)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr1_blocked_inside = sigismember(&cur, sig);
	hits++;
}

UTEST(handler_runs_with_its_signal_blocked_unless_sa_nodefer)
{
	set_handler(SIGUSR1, on_check_mask, 0);
	raise(SIGUSR1);
	UT_EXPECT_EQ(usr1_blocked_inside, 1);
	set_handler(SIGUSR1, on_check_mask, SA_NODEFER);
	raise(SIGUSR1);
	UT_EXPECT_EQ(usr1_blocked_inside, 0);
	UT_EXPECT_EQ(hits, 2);
}

UTEST(sa_mask_blocks_extra_signals_during_handler)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_check_mask;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	UT_ASSERT_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	/* on_check_mask tests its own signal; the mask is SIGUSR2 itself
	 * through sa_mask even with SA_NODEFER. */
	sa.sa_flags = SA_NODEFER;
	UT_ASSERT_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	raise(SIGUSR2);
	UT_EXPECT_EQ(usr1_blocked_inside, 1);
}

static void on_nest_inner(int sig)
{
	(void)sig;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	depth--;
}

static void on_nest_outer(int sig)
{
	(void)sig;
	depth++;
	raise(SIGUSR2); /* delivered now, on top of this frame */
	depth--;
	hits++;
}

static void on_nodefer_recurse(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (depth < 3)
		raise(sig);
	depth--;
}

UTEST(nested_signals_run_on_top_of_each_other)
{
	set_handler(SIGUSR1, on_nest_outer, 0);
	set_handler(SIGUSR2, on_nest_inner, 0);
	raise(SIGUSR1);
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_EQ(max_depth, 2);
	UT_EXPECT_EQ(depth, 0);
	max_depth = 0;
	set_handler(SIGUSR1, on_nodefer_recurse, SA_NODEFER);
	raise(SIGUSR1);
	UT_EXPECT_EQ(max_depth, 3);
}

static void on_altstack(int sig)
{
	volatile int local;
	stack_t cur;

	(void)sig;
	handler_local = (unsigned long)&local;
	if (sigaltstack(NULL, &cur) == 0 && (cur.ss_flags & SS_ONSTACK))
		hits++;
}

UTEST(sa_onstack_handler_runs_on_the_alternate_stack)
{
	size_t size = 64 * 1024;
	char *alt = malloc(size);
	stack_t ss = { .ss_sp = alt, .ss_size = size, .ss_flags = 0 }, old;

	UT_ASSERT(alt != NULL);
	UT_ASSERT_EQ(sigaltstack(&ss, NULL), 0);
	set_handler(SIGUSR1, on_altstack, SA_ONSTACK);
	raise(SIGUSR1);
	UT_EXPECT(handler_local >= (unsigned long)alt &&
		  handler_local < (unsigned long)alt + size);
	UT_EXPECT_EQ(hits, 1);
	/* Without SA_ONSTACK the handler stays on the normal stack. */
	set_handler(SIGUSR1, on_altstack, 0);
	raise(SIGUSR1);
	UT_EXPECT(!(handler_local >= (unsigned long)alt &&
		    handler_local < (unsigned long)alt + size));
	UT_ASSERT_EQ(sigaltstack(NULL, &old), 0);
	UT_EXPECT(old.ss_sp == alt && old.ss_size == size);
	UT_EXPECT_EQ(old.ss_flags, 0);
}

UTEST(sigaltstack_errors)
{
	char small[512];
	stack_t ss = { .ss_sp = small, .ss_size = sizeof(small) };

	UT_EXPECT_ERRNO(sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_size = 64 * 1024;
	ss.ss_flags = 0x1234;
	UT_EXPECT_ERRNO(sigaltstack(&ss, NULL), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_sigaltstack, UT_KERNEL_PTR, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_sigaltstack, NULL, UT_KERNEL_PTR), EFAULT);
}

static sigjmp_buf jump_env;
/* Low addresses that are never mapped (volatile: hide them from gcc). */
static volatile int *volatile low8 = (int *)8, *volatile low16 = (int *)16;

static void on_segv_jump(int sig)
{
	(void)sig;
	siglongjmp(jump_env, 1);
}

UTEST(sigsegv_handler_can_siglongjmp_out)
{
	volatile int passes = 0;
	sigset_t cur;

	set_handler(SIGSEGV, on_segv_jump, 0);
	if (sigsetjmp(jump_env, 1) == 0) {
		passes++;
		*low8 = 1;
		UT_ASSERT(!"the store to address 8 did not fault");
	}
	UT_EXPECT_EQ(passes, 1);
	/* The mask saved by sigsetjmp is back: SIGSEGV is not blocked. */
	sigprocmask(SIG_BLOCK, NULL, &cur);
	UT_EXPECT(!sigismember(&cur, SIGSEGV));
	/* And it works a second time. */
	if (sigsetjmp(jump_env, 1) == 0) {
		passes++;
		*low16 = 1;
	}
	UT_EXPECT_EQ(passes, 2);
}

UTEST(fault_with_sigsegv_blocked_kills_the_process)
{
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		sigset_t set;

		signal(SIGSEGV, on_count);
		sigemptyset(&set);
		sigaddset(&set, SIGSEGV);
		sigprocmask(SIG_BLOCK, &set, NULL);
		*low8 = 1;
		_exit(0);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 1000 + SIGSEGV);
}

UTEST(sigprocmask_sigpending_and_sigsuspend)
{
	sigset_t set, old, pend, cur, empty;

	set_handler(SIGUSR1, on_count, 0);
	sigemptyset(&set);
	sigemptyset(&empty);
	sigaddset(&set, SIGUSR1);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	UT_EXPECT(!sigismember(&old, SIGUSR1));
	raise(SIGUSR1);
	UT_EXPECT_EQ(hits, 0);
	UT_ASSERT_EQ(sigpending(&pend), 0);
	UT_EXPECT(sigismember(&pend, SIGUSR1));
	/* sigsuspend: the handler runs, it returns EINTR, mask restored */
	UT_EXPECT_ERRNO(sigsuspend(&empty), EINTR);
	UT_EXPECT_EQ(hits, 1);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	UT_EXPECT(sigismember(&cur, SIGUSR1));
	sigpending(&pend);
	UT_EXPECT(!sigismember(&pend, SIGUSR1));
	UT_EXPECT_ERRNO(sigprocmask(12345, &set, NULL), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4),
			EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, UT_KERNEL_PTR,
				NULL, 8),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_rt_sigpending, UT_KERNEL_PTR, 8), EFAULT);
}

UTEST(sigkill_and_sigstop_cannot_be_blocked_caught_or_ignored)
{
	sigset_t set, cur;

	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGSTOP);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	UT_EXPECT(!sigismember(&cur, SIGKILL));
	UT_EXPECT(!sigismember(&cur, SIGSTOP));
	UT_EXPECT(signal(SIGKILL, on_count) == SIG_ERR && errno == EINVAL);
	UT_EXPECT(signal(SIGSTOP, SIG_IGN) == SIG_ERR && errno == EINVAL);
	UT_EXPECT(signal(0, SIG_IGN) == SIG_ERR && errno == EINVAL);
	UT_EXPECT(signal(65, SIG_IGN) == SIG_ERR && errno == EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, UT_KERNEL_PTR, NULL,
				8),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 16),
			EINVAL);
}

UTEST(sigtimedwait_times_out_with_eagain_or_takes_pending)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	sigset_t set;
	siginfo_t si;
	long long t0;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	t0 = ut_now_ns();
	UT_EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EAGAIN);
	UT_EXPECT_GE(ut_now_ns() - t0, 20 * 1000 * 1000);
	raise(SIGUSR1);
	UT_EXPECT_EQ(sigtimedwait(&set, &si, &ts), SIGUSR1);
	UT_EXPECT_EQ(si.si_signo, SIGUSR1);
	UT_EXPECT_EQ(si.si_pid, getpid());
	/* Zero timeout polls. */
	ts.tv_nsec = 0;
	UT_EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EAGAIN);
	ts.tv_nsec = 1000000000;
	UT_EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EINVAL);
}

UTEST(kill_permission_and_argument_errors)
{
	pid_t root_parent = getppid();

	UT_EXPECT_ERRNO(kill(getpid(), 65), EINVAL);
	UT_EXPECT_ERRNO(kill(getpid(), -1), EINVAL);
	UT_EXPECT_ERRNO(kill(0x3ffffff, 0), ESRCH);
	UT_EXPECT_EQ(kill(root_parent, 0), 0);
	ut_become_nobody();
	UT_EXPECT_ERRNO(kill(root_parent, 0), EPERM);
	UT_EXPECT_ERRNO(kill(root_parent, SIGTERM), EPERM);
	UT_EXPECT_ERRNO(kill(1, SIGKILL), EPERM);
	UT_EXPECT_EQ(kill(getpid(), 0), 0);
}

UTEST(kill_zero_signals_own_process_group)
{
	sigset_t set, pend;
	pid_t gc;

	UT_ASSERT_EQ(setpgid(0, 0), 0);
	gc = fork();
	UT_ASSERT(gc >= 0);
	if (gc == 0) {
		for (;;)
			pause();
	}
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	UT_ASSERT_EQ(kill(0, SIGTERM), 0);
	UT_EXPECT_EQ(ut_wait_code(gc), 1000 + SIGTERM);
	sigpending(&pend);
	UT_EXPECT(sigismember(&pend, SIGTERM));
	/* kill(-pgid) is the same thing. */
	UT_EXPECT_EQ(kill(-getpgrp(), 0), 0);
	UT_EXPECT_ERRNO(kill(-0x3ffffff, 0), ESRCH);
}

UTEST(kill_minus_one_reaches_our_other_processes_not_us)
{
	sigset_t set;
	int fds[2];
	char b;
	pid_t gc;
	int sig = ut_in_test_vm() ? SIGUSR2 : 0;

	/* As nobody, -1 reaches only nobody's processes: on a shared host
	 * there may be others, so only the VM uses a real signal. */
	ut_become_nobody();
	UT_ASSERT_EQ(pipe(fds), 0);
	gc = fork();
	UT_ASSERT(gc >= 0);
	if (gc == 0) {
		write(fds[1], "r", 1);
		for (;;)
			pause();
	}
	UT_ASSERT_EQ(read(fds[0], &b, 1), 1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	UT_ASSERT_EQ(kill(-1, sig), 0);
	if (sig) {
		sigset_t pend;

		UT_EXPECT_EQ(ut_wait_code(gc), 1000 + SIGUSR2);
		sigpending(&pend);
		UT_EXPECT(!sigismember(&pend, SIGUSR2)); /* not to ourselves */
	} else {
		ut_kill_reap(gc);
	}
}

static void *wait_for_usr1(void *arg)
{
	sigset_t set;
	(void)arg;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	while (!hits)
		usleep(1000);
	return NULL;
}

UTEST(process_signal_goes_to_a_thread_that_does_not_block_it)
{
	sigset_t set;
	pthread_t t;
	long long end;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	set_info_handler(SIGUSR1, 0);
	UT_ASSERT_EQ(pthread_create(&t, NULL, wait_for_usr1, NULL), 0);
	usleep(10000);
	UT_ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
	end = ut_now_ns() + 10000000000LL;
	while (!hits && ut_now_ns() < end)
		usleep(1000);
	UT_ASSERT_EQ(hits, 1);
	UT_EXPECT(handler_tid != getpid());
	pthread_join(t, NULL);
}

UTEST(tgkill_tkill_target_threads_and_fail_with_esrch)
{
	sigset_t set;

	set_info_handler(SIGUSR1, 0);
	UT_EXPECT_EQ(syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1), 0);
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_EQ(last_info.si_code, SI_TKILL);
	UT_EXPECT_EQ(syscall(SYS_tkill, gettid(), SIGUSR1), 0);
	UT_EXPECT_EQ(hits, 2);
	UT_EXPECT_ERRNO(syscall(SYS_tgkill, getpid(), 0x3ffffff, SIGUSR1),
			ESRCH);
	/* The right tid under the wrong tgid is not found either. */
	UT_EXPECT_ERRNO(syscall(SYS_tgkill, getppid(), gettid(), SIGUSR1),
			ESRCH);
	UT_EXPECT_ERRNO(syscall(SYS_tkill, 0x3ffffff, SIGUSR1), ESRCH);
	UT_EXPECT_ERRNO(syscall(SYS_tkill, -1, SIGUSR1), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_tgkill, getpid(), gettid(), 99), EINVAL);
	sigemptyset(&set);
	(void)set;
}

UTEST(default_actions_terminate_ignore_and_stop)
{
	int st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		for (;;)
			pause();
	}
	/* SIGCHLD and SIGURG are ignored by default, SIGTERM kills. */
	UT_ASSERT_EQ(kill(pid, SIGCHLD), 0);
	UT_ASSERT_EQ(kill(pid, SIGURG), 0);
	UT_ASSERT_EQ(kill(pid, SIGSTOP), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WUNTRACED, 10000), pid);
	UT_EXPECT(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	UT_ASSERT_EQ(kill(pid, SIGCONT), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WCONTINUED, 10000), pid);
	UT_EXPECT(WIFCONTINUED(st));
	UT_ASSERT_EQ(kill(pid, SIGTERM), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, 0, 10000), pid);
	UT_EXPECT(WIFSIGNALED(st));
	UT_EXPECT_EQ(WTERMSIG(st), SIGTERM);
	/* A stopped process still dies of SIGKILL. */
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		raise(SIGSTOP);
		_exit(0);
	}
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WUNTRACED, 10000), pid);
	UT_ASSERT_EQ(kill(pid, SIGKILL), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, 0, 10000), pid);
	UT_EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

UTEST(sigchld_reports_exit_and_ignoring_it_auto_reaps)
{
	sigset_t set;
	siginfo_t si;
	struct timespec ts = { 10, 0 };
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	UT_ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(3);
	UT_ASSERT_EQ(sigtimedwait(&set, &si, &ts), SIGCHLD);
	UT_EXPECT_EQ(si.si_code, CLD_EXITED);
	UT_EXPECT_EQ(si.si_pid, pid);
	UT_EXPECT_EQ(si.si_status, 3);
	UT_EXPECT_EQ(ut_wait_code(pid), 3);
	/* SIG_IGN for SIGCHLD: children are reaped by the kernel and wait
	 * blocks until they are all gone, then fails with ECHILD. */
	UT_ASSERT(signal(SIGCHLD, SIG_IGN) != SIG_ERR);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(0);
	UT_EXPECT_ERRNO(waitpid(pid, NULL, 0), ECHILD);
}

UTEST(sa_nocldwait_reaps_children_automatically)
{
	struct sigaction sa;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO | SA_NOCLDWAIT;
	UT_ASSERT_EQ(sigaction(SIGCHLD, &sa, NULL), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(0);
	/* Reaped automatically (Linux still sends SIGCHLD). */
	UT_EXPECT_ERRNO(waitpid(pid, NULL, 0), ECHILD);
}

static void on_clobber_fpu(int sig)
{
	double d = 3.25;
	(void)sig;

	__asm__ volatile("movsd %0, %%xmm0\n\t"
			 "movaps %%xmm0, %%xmm1\n\t"
			 "movaps %%xmm0, %%xmm2\n\t"
			 "movaps %%xmm0, %%xmm7\n\t"
			 "movaps %%xmm0, %%xmm8\n\t"
			 "movaps %%xmm0, %%xmm15\n\t"
			 :
			 : "m"(d)
			 : "xmm0", "xmm1", "xmm2", "xmm7", "xmm8", "xmm15");
	/* Round toward zero and unmask nothing: a different MXCSR. */
	{
		unsigned int csr = 0x7f80 | (3 << 13);

		__asm__ volatile("ldmxcsr %0" : : "m"(csr));
	}
	hits++;
}

UTEST(fpu_and_sse_state_survive_a_clobbering_handler)
{
	double in[4] = { 1.5, 2.5, 7.5, 8.5 }, out[4];
	unsigned int csr_before, csr_after, csr_set = 0x1f80 | (1 << 13);

	set_handler(SIGUSR1, on_clobber_fpu, 0);
	__asm__ volatile("ldmxcsr %0" : : "m"(csr_set));
	__asm__ volatile("stmxcsr %0" : "=m"(csr_before));
	/* Load registers, send the signal with a raw syscall (delivered on
	 * its way back), then read the registers again. */
	__asm__ volatile("movsd 0(%[in]), %%xmm1\n\t"
			 "movsd 8(%[in]), %%xmm2\n\t"
			 "movsd 16(%[in]), %%xmm8\n\t"
			 "movsd 24(%[in]), %%xmm15\n\t"
			 "mov %[nr], %%eax\n\t"
			 "mov %[pid], %%edi\n\t"
			 "mov %[sig], %%esi\n\t"
			 "syscall\n\t"
			 "movsd %%xmm1, 0(%[out])\n\t"
			 "movsd %%xmm2, 8(%[out])\n\t"
			 "movsd %%xmm8, 16(%[out])\n\t"
			 "movsd %%xmm15, 24(%[out])\n\t"
			 :
			 : [in] "r"(in), [out] "r"(out), [nr] "i"(SYS_kill),
			   [pid] "r"(getpid()), [sig] "i"(SIGUSR1)
			 : "rax", "rdi", "rsi", "rcx", "r11", "xmm1", "xmm2",
			   "xmm8", "xmm15", "memory");
	__asm__ volatile("stmxcsr %0" : "=m"(csr_after));
	UT_ASSERT_EQ(hits, 1);
	UT_EXPECT(out[0] == 1.5 && out[1] == 2.5 && out[2] == 7.5 &&
		  out[3] == 8.5);
	UT_EXPECT_EQ(csr_after, csr_before);
}

UTEST(alarm_delivers_sigalrm_and_reports_remaining)
{
	long long t0;

	set_handler(SIGALRM, on_count, 0);
	UT_EXPECT_EQ(alarm(5), 0);
	UT_EXPECT_EQ(alarm(0), 5); /* cancelled, 5 s were left */
	t0 = ut_now_ns();
	UT_EXPECT_EQ(alarm(1), 0);
	while (!hits && ut_now_ns() - t0 < 10000000000LL)
		pause();
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT_GE(ut_now_ns() - t0, 900 * 1000 * 1000LL);
}

UTEST(nanosleep_interrupted_returns_remaining_time)
{
	struct timespec req = { 5, 0 }, rem = { 0, 0 };
	pid_t pid;

	set_handler(SIGUSR1, on_count, 0);
	pid = signal_later(getpid(), SIGUSR1, 50, -1);
	UT_EXPECT_ERRNO(nanosleep(&req, &rem), EINTR);
	ut_wait(pid);
	UT_EXPECT_EQ(hits, 1);
	UT_EXPECT(rem.tv_sec >= 3 && rem.tv_sec <= 4);
	UT_EXPECT(rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000);
}

UTEST(ignored_pending_signal_is_discarded)
{
	sigset_t set, pend;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	set_handler(SIGUSR1, on_count, 0);
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	sigpending(&pend);
	UT_EXPECT(!sigismember(&pend, SIGUSR1));
	signal(SIGUSR1, on_count);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	UT_EXPECT_EQ(hits, 0);
}

static const struct utest tests[] = {
	UTEST_CASE(kill_self_siginfo_has_signo_code_pid_uid),
	UTEST_CASE(kill_from_other_process_names_the_sender),
	UTEST_CASE(sigqueue_passes_si_value_and_si_queue),
	UTEST_CASE(rt_signals_queue_every_instance_standard_ones_merge),
	UTEST_CASE(sa_restart_restarts_blocking_pipe_read),
	UTEST_CASE(without_sa_restart_read_fails_with_eintr),
	UTEST_CASE(sa_resethand_restores_default_after_one_delivery),
	UTEST_CASE(handler_runs_with_its_signal_blocked_unless_sa_nodefer),
	UTEST_CASE(sa_mask_blocks_extra_signals_during_handler),
	UTEST_CASE(nested_signals_run_on_top_of_each_other),
	UTEST_CASE(sa_onstack_handler_runs_on_the_alternate_stack),
	UTEST_CASE(sigaltstack_errors),
	UTEST_CASE(sigsegv_handler_can_siglongjmp_out),
	UTEST_CASE(fault_with_sigsegv_blocked_kills_the_process),
	UTEST_CASE(sigprocmask_sigpending_and_sigsuspend),
	UTEST_CASE(sigkill_and_sigstop_cannot_be_blocked_caught_or_ignored),
	UTEST_CASE(sigtimedwait_times_out_with_eagain_or_takes_pending),
	UTEST_CASE(kill_permission_and_argument_errors),
	UTEST_CASE(kill_zero_signals_own_process_group),
	UTEST_CASE(kill_minus_one_reaches_our_other_processes_not_us),
	UTEST_CASE(process_signal_goes_to_a_thread_that_does_not_block_it),
	UTEST_CASE(tgkill_tkill_target_threads_and_fail_with_esrch),
	UTEST_CASE(default_actions_terminate_ignore_and_stop),
	UTEST_CASE(sigchld_reports_exit_and_ignoring_it_auto_reaps),
	UTEST_CASE(sa_nocldwait_reaps_children_automatically),
	UTEST_CASE(fpu_and_sse_state_survive_a_clobbering_handler),
	UTEST_CASE(alarm_delivers_sigalrm_and_reports_remaining),
	UTEST_CASE(nanosleep_interrupted_returns_remaining_time),
	UTEST_CASE(ignored_pending_signal_is_discarded),
};

int main(void)
{
	return utest_main("signal", tests, ARRAY_SIZE(tests));
}
