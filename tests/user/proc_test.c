/*
 * Processes: fork with copy-on-write, vfork, raw clone with the pthread
 * flags, wait4/waitid, exit_group, zombies and orphans, prctl, ids.
 */
#include "ut_util.h"
#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/resource.h>

static int counter = 1;

UTEST(fork_child_sees_copy_parent_keeps_its_memory)
{
	char *heap = malloc(64 * 1024);
	int p2c[2], c2p[2];
	char b;
	pid_t pid;

	UT_ASSERT(heap != NULL);
	memset(heap, 'p', 64 * 1024);
	UT_ASSERT_EQ(pipe(p2c), 0);
	UT_ASSERT_EQ(pipe(c2p), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		/* The child writes, the parent must not see it ... */
		counter = 2;
		heap[100] = 'c';
		UT_ASSERT_EQ(write(c2p[1], "x", 1), 1);
		/* ... and the parent's later writes must not reach us. */
		UT_ASSERT_EQ(read(p2c[0], &b, 1), 1);
		_exit(counter == 2 && heap[100] == 'c' && heap[200] == 'p' ? 0 :
									     1);
	}
	UT_ASSERT_EQ(read(c2p[0], &b, 1), 1);
	UT_EXPECT_EQ(counter, 1);
	UT_EXPECT_EQ(heap[100], 'p');
	counter = 3;
	heap[200] = 'P';
	UT_ASSERT_EQ(write(p2c[1], "x", 1), 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(fork_returns_pid_child_sees_parent_as_ppid)
{
	pid_t me = getpid(), pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(getppid() == me && getpid() != me ? 0 : 1);
	UT_EXPECT(pid != me);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

static volatile int vfork_mark;

UTEST(vfork_child_shares_memory_and_parent_waits)
{
	pid_t pid;

	vfork_mark = 0;
	pid = vfork();
	if (pid == 0) {
		vfork_mark = 42;
		_exit(9);
	}
	UT_ASSERT(pid > 0);
	/* The parent resumes only after the child exited (or exec'd). */
	UT_EXPECT_EQ(vfork_mark, 42);
	UT_EXPECT_EQ(ut_wait_code(pid), 9);
}

/*
 * Raw clone(): the child starts on @stack_top and runs @fn(@arg), then
 * exits its thread with fn's value.  Linux x86_64 order: flags, newsp,
 * parent_tid, child_tid, tls.
 */
static long raw_clone(unsigned long flags, void *stack_top, int *ptid,
		      int *ctid, unsigned long tls, long (*fn)(void *),
		      void *arg)
{
	unsigned long *sp = stack_top;
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = (long)tls;
	long ret;

	*--sp = (unsigned long)arg;
	*--sp = (unsigned long)fn;
	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "xor %%ebp, %%ebp\n\t"
			 "pop %%rax\n\t"
			 "pop %%rdi\n\t"
			 "and $-16, %%rsp\n\t"
			 "call *%%rax\n\t"
			 "mov %%rax, %%rdi\n\t"
			 "mov $60, %%eax\n\t" /* SYS_exit: this thread only */
			 "syscall\n\t"
			 "hlt\n"
			 "1:\n"
			 : "=a"(ret)
			 : "0"((long)SYS_clone), "D"(flags), "S"(sp), "d"(ptid),
			   "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

/* A syscall without libc (the clone child has no usable TLS/errno). */
static long rsys(long n, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

struct thread_report {
	unsigned long tls_seen;
	long tid, pid;
	long fd;
	volatile int done;
};

static int child_tid, parent_tid;

__attribute__((no_stack_protector)) static long clone_thread_fn(void *arg)
{
	struct thread_report *r = arg;
	unsigned long fs0;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(fs0));
	r->tls_seen = fs0;
	r->tid = rsys(SYS_gettid, 0, 0, 0);
	r->pid = rsys(SYS_getpid, 0, 0, 0);
	/* CLONE_FILES: this fd appears in the parent's table too. */
	r->fd = rsys(SYS_dup, 1, 0, 0);
	/* CLONE_FS: the parent's cwd moves with ours. */
	rsys(SYS_chdir, (long)"/", 0, 0);
	r->done = 1;
	return 0;
}

UTEST(clone_thread_flags_settid_cleartid_and_futex_wake)
{
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES |
			      CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
			      CLONE_SETTLS | CLONE_PARENT_SETTID |
			      CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
	static struct thread_report rep;
	/* The new thread's TLS: musl and glibc want %fs:0 to point to it. */
	static unsigned long tls_block[64] __attribute__((aligned(64)));
	size_t stack_size = 64 * 1024;
	char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	char cwd[256];
	long tid;
	int i;

	UT_ASSERT(stack != MAP_FAILED);
	tls_block[0] = (unsigned long)tls_block;
	child_tid = -1;
	parent_tid = -1;
	tid = raw_clone(flags, stack + stack_size, &parent_tid, &child_tid,
			(unsigned long)tls_block, clone_thread_fn, &rep);
	UT_ASSERT(tid > 0);
	UT_EXPECT_EQ(parent_tid, tid); /* written before clone returned */
	/* CLONE_CHILD_CLEARTID: the exit clears child_tid and wakes us. */
	for (i = 0; i < 100 && *(volatile int *)&child_tid != 0; i++) {
		int cur = *(volatile int *)&child_tid;

		if (cur != 0)
			syscall(SYS_futex, &child_tid, FUTEX_WAIT, cur, &ts,
				NULL, 0);
	}
	UT_ASSERT_EQ(child_tid, 0);
	UT_EXPECT_EQ(rep.done, 1);
	UT_EXPECT_EQ(rep.tid, tid);
	UT_EXPECT_EQ(rep.pid, getpid());
	UT_EXPECT(rep.tid != getpid());
	UT_EXPECT_EQ(rep.tls_seen, (unsigned long)tls_block);
	UT_EXPECT(rep.fd > 2);
	UT_EXPECT_EQ(fcntl((int)rep.fd, F_GETFD), 0);
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	UT_EXPECT_EQ(strcmp(cwd, "/"), 0);
	/* A CLONE_THREAD child is not waitable. */
	UT_EXPECT_ERRNO(waitpid(-1, NULL, __WALL | WNOHANG), ECHILD);
}

__attribute__((no_stack_protector)) static long clone_settid_fn(void *arg)
{
	(void)arg;
	return child_tid == rsys(SYS_gettid, 0, 0, 0) ? 0 : 1;
}

UTEST(clone_child_settid_is_written_in_child_memory)
{
	char *stack = mmap(NULL, 65536, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long pid;

	UT_ASSERT(stack != MAP_FAILED);
	child_tid = 0;
	/* No CLONE_VM: the tid lands in the child's copy only. */
	pid = raw_clone(CLONE_CHILD_SETTID | SIGCHLD, stack + 65536, NULL,
			&child_tid, 0, clone_settid_fn, NULL);
	UT_ASSERT(pid > 0);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	UT_EXPECT_EQ(child_tid, 0);
}

static void *spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *exit_from_thread(void *arg)
{
	(void)arg;
	usleep(10000);
	_exit(5); /* exit_group from a secondary thread */
}

UTEST(exit_group_ends_every_thread)
{
	pid_t pid = fork();
	int st;

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		pthread_t t[3];

		for (int i = 0; i < 3; i++)
			if (pthread_create(&t[i], NULL, spin_forever, NULL))
				_exit(100);
		exit(3);
	}
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, 0, 10000), pid);
	UT_EXPECT(WIFEXITED(st));
	UT_EXPECT_EQ(WEXITSTATUS(st), 3);
}

UTEST(exit_group_from_a_secondary_thread)
{
	pid_t pid = fork();
	int st;

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		pthread_t t;

		if (pthread_create(&t, NULL, exit_from_thread, NULL))
			_exit(100);
		for (;;)
			pause();
	}
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, 0, 10000), pid);
	UT_EXPECT(WIFEXITED(st));
	UT_EXPECT_EQ(WEXITSTATUS(st), 5);
}

UTEST(wait_nohang_running_child_returns_zero)
{
	int st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	UT_EXPECT_EQ(waitpid(pid, &st, WNOHANG), 0);
	UT_EXPECT_EQ(wait4(pid, &st, WNOHANG, NULL), 0);
	kill(pid, SIGKILL);
	UT_EXPECT_EQ(waitpid(pid, &st, 0), pid);
	UT_EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

UTEST(wait_without_children_fails_with_echild)
{
	int st;

	UT_EXPECT_ERRNO(waitpid(-1, &st, 0), ECHILD);
	UT_EXPECT_ERRNO(waitpid(-1, &st, WNOHANG), ECHILD);
	UT_EXPECT_ERRNO(waitpid(1, &st, 0), ECHILD); /* not our child */
}

UTEST(wait_bad_options_fail_with_einval)
{
	siginfo_t si;

	UT_EXPECT_ERRNO(waitpid(-1, NULL, 0x10000000), EINVAL);
	/* waitid wants at least one of WEXITED/WSTOPPED/WCONTINUED */
	UT_EXPECT_ERRNO(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
	UT_EXPECT_ERRNO(waitid(42, 0, &si, WEXITED), EINVAL);
}

UTEST(wait4_status_and_rusage_efault)
{
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(7);
	/* A bad status pointer: EFAULT, and the child stays waitable?  Linux
	 * reaps it anyway, so only check the error. */
	UT_EXPECT_ERRNO(syscall(SYS_wait4, pid, UT_KERNEL_PTR, 0, NULL),
			EFAULT);
}

UTEST(waitid_exited_fills_siginfo)
{
	siginfo_t si;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(42);
	memset(&si, 0, sizeof(si));
	UT_ASSERT_EQ(waitid(P_PID, pid, &si, WEXITED), 0);
	UT_EXPECT_EQ(si.si_signo, SIGCHLD);
	UT_EXPECT_EQ(si.si_code, CLD_EXITED);
	UT_EXPECT_EQ(si.si_pid, pid);
	UT_EXPECT_EQ(si.si_status, 42);
	UT_EXPECT_EQ(si.si_uid, getuid());
	UT_EXPECT_ERRNO(waitid(P_PID, pid, &si, WEXITED), ECHILD);
}

UTEST(waitid_wnowait_leaves_child_waitable)
{
	siginfo_t si;
	int st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(4);
	UT_ASSERT_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	UT_EXPECT_EQ(si.si_pid, pid);
	UT_EXPECT_EQ(waitpid(pid, &st, 0), pid);
	UT_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 4);
}

UTEST(wuntraced_wcontinued_report_stop_and_continue)
{
	siginfo_t si;
	int st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		for (;;)
			pause();
	}
	UT_ASSERT_EQ(kill(pid, SIGSTOP), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WUNTRACED, 10000), pid);
	UT_EXPECT(WIFSTOPPED(st));
	UT_EXPECT_EQ(WSTOPSIG(st), SIGSTOP);
	/* Reported once only. */
	UT_EXPECT_EQ(waitpid(pid, &st, WUNTRACED | WNOHANG), 0);
	UT_ASSERT_EQ(kill(pid, SIGCONT), 0);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WCONTINUED, 10000), pid);
	UT_EXPECT(WIFCONTINUED(st));
	/* The same through waitid. */
	UT_ASSERT_EQ(kill(pid, SIGSTOP), 0);
	memset(&si, 0, sizeof(si));
	UT_ASSERT_EQ(waitid(P_PID, pid, &si, WSTOPPED), 0);
	UT_EXPECT_EQ(si.si_code, CLD_STOPPED);
	UT_EXPECT_EQ(si.si_status, SIGSTOP);
	UT_ASSERT_EQ(kill(pid, SIGCONT), 0);
	memset(&si, 0, sizeof(si));
	UT_ASSERT_EQ(waitid(P_PID, pid, &si, WCONTINUED), 0);
	UT_EXPECT_EQ(si.si_code, CLD_CONTINUED);
	UT_EXPECT_EQ(si.si_status, SIGCONT);
	kill(pid, SIGKILL);
	UT_EXPECT_EQ(waitpid(pid, &st, 0), pid);
	UT_EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

UTEST(wall_waits_for_clone_child_without_sigchld)
{
	int st;
	/* exit_signal 0, no CLONE_VM, no new stack: a fork-like child that
	 * sends no SIGCHLD, a "clone child" for wait. */
	long pid = syscall(SYS_clone, 0, 0, 0, 0, 0);

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(7);
	UT_EXPECT_ERRNO(waitpid(pid, &st, 0), ECHILD);
	UT_EXPECT_EQ(waitpid(pid, &st, __WALL), pid);
	UT_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 7);
}

UTEST(zombie_exists_until_reaped)
{
	siginfo_t si;
	int st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(0);
	/* Wait for the exit without reaping, then the pid still exists. */
	UT_ASSERT_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	UT_EXPECT_EQ(kill(pid, 0), 0);
	UT_EXPECT_EQ(waitpid(pid, &st, 0), pid);
	UT_EXPECT_ERRNO(kill(pid, 0), ESRCH);
}

UTEST(orphan_is_reparented_to_init)
{
	int fds[2];
	pid_t mid, ppid = 0;

	UT_ASSERT_EQ(pipe(fds), 0);
	mid = fork();
	UT_ASSERT(mid >= 0);
	if (mid == 0) {
		pid_t gc = fork();

		if (gc < 0)
			_exit(1);
		if (gc == 0) {
			pid_t first = getppid(), now;
			long long end = ut_now_ns() + 10000000000LL;

			while ((now = getppid()) == first && ut_now_ns() < end)
				usleep(1000);
			write(fds[1], &now, sizeof(now));
			_exit(0);
		}
		_exit(0);
	}
	close(fds[1]);
	UT_EXPECT_EQ(ut_wait_code(mid), 0);
	UT_ASSERT_EQ(read(fds[0], &ppid, sizeof(ppid)), (long)sizeof(ppid));
	UT_EXPECT_EQ(ppid, 1);
}

UTEST(prctl_set_name_get_name_truncates_to_15)
{
	char name[32];

	UT_ASSERT_EQ(prctl(PR_SET_NAME, "utest-name"), 0);
	memset(name, 'x', sizeof(name));
	UT_ASSERT_EQ(prctl(PR_GET_NAME, name), 0);
	UT_EXPECT_EQ(strcmp(name, "utest-name"), 0);
	UT_ASSERT_EQ(prctl(PR_SET_NAME, "0123456789abcdefghij"), 0);
	UT_ASSERT_EQ(prctl(PR_GET_NAME, name), 0);
	UT_EXPECT_EQ(strcmp(name, "0123456789abcde"), 0);
	UT_EXPECT_ERRNO(prctl(PR_GET_NAME, UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(prctl(PR_SET_NAME, NULL), EFAULT);
	UT_EXPECT_ERRNO(prctl(-1234, 0, 0, 0, 0), EINVAL);
}

UTEST(prctl_pdeathsig_kills_child_when_parent_dies)
{
	int fds[2], sig = -1;
	struct pollfd pfd;
	char b;
	pid_t mid;

	UT_ASSERT_EQ(prctl(PR_SET_PDEATHSIG, SIGUSR1), 0);
	UT_ASSERT_EQ(prctl(PR_GET_PDEATHSIG, &sig), 0);
	UT_EXPECT_EQ(sig, SIGUSR1);
	UT_EXPECT_ERRNO(prctl(PR_SET_PDEATHSIG, 12345), EINVAL);
	UT_ASSERT_EQ(prctl(PR_SET_PDEATHSIG, 0), 0);
	UT_ASSERT_EQ(pipe(fds), 0);
	mid = fork();
	UT_ASSERT(mid >= 0);
	if (mid == 0) {
		pid_t gc = fork();

		if (gc == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			write(fds[1], "r", 1);
			for (;;)
				pause();
		}
		for (;;)
			pause();
	}
	close(fds[1]);
	UT_ASSERT_EQ(read(fds[0], &b, 1), 1);
	kill(mid, SIGKILL);
	ut_wait(mid);
	/* The grandchild holds the write end until it dies. */
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	UT_ASSERT_EQ(poll(&pfd, 1, 10000), 1);
	UT_EXPECT_EQ(read(fds[0], &b, 1), 0);
}

UTEST(set_tid_address_returns_tid)
{
	static int word;

	UT_EXPECT_EQ(syscall(SYS_set_tid_address, &word), gettid());
}

static void *report_ids(void *arg)
{
	long *ids = arg;

	ids[0] = getpid();
	ids[1] = gettid();
	ids[2] = getppid();
	return NULL;
}

UTEST(thread_ids_pid_is_shared_tid_is_not)
{
	long ids[3];
	pthread_t t;

	UT_EXPECT_EQ(gettid(), getpid());
	UT_ASSERT_EQ(pthread_create(&t, NULL, report_ids, ids), 0);
	UT_ASSERT_EQ(pthread_join(t, NULL), 0);
	UT_EXPECT_EQ(ids[0], getpid());
	UT_EXPECT(ids[1] != getpid());
	UT_EXPECT(ids[1] > 0);
	UT_EXPECT_EQ(ids[2], getppid());
}

UTEST(setpgid_rules)
{
	pid_t pid;
	int fds[2];
	char b;

	/* A case child is not a group leader: it may start a group. */
	UT_ASSERT(getpgrp() != getpid());
	UT_ASSERT_EQ(setpgid(0, 0), 0);
	UT_EXPECT_EQ(getpgrp(), getpid());
	UT_EXPECT_EQ(getpgid(0), getpid());
	UT_EXPECT_ERRNO(setpgid(0, -1), EINVAL);
	UT_EXPECT_ERRNO(getpgid(0x3ffffff), ESRCH);
	UT_EXPECT_ERRNO(setpgid(1, 0), ESRCH); /* not our child */
	UT_ASSERT_EQ(pipe(fds), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		read(fds[0], &b, 1);
		_exit(0);
	}
	/* The parent may move its child into the parent's group ... */
	UT_EXPECT_EQ(setpgid(pid, pid), 0);
	UT_EXPECT_EQ(getpgid(pid), pid);
	UT_EXPECT_EQ(setpgid(pid, getpgrp()), 0);
	UT_EXPECT_EQ(getpgid(pid), getpgrp());
	/* ... but not into a group that does not exist in its session. */
	UT_EXPECT_ERRNO(setpgid(pid, 0x3ffffff), EPERM);
	write(fds[1], "x", 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(setsid_makes_a_new_session_once)
{
	pid_t old = getsid(0);

	/* 0 is possible: the session of a kernel-started init */
	UT_ASSERT(old >= 0);
	UT_EXPECT_EQ(getsid(getpid()), old);
	UT_ASSERT_EQ(setsid(), getpid());
	UT_EXPECT_EQ(getsid(0), getpid());
	UT_EXPECT_EQ(getpgrp(), getpid());
	/* Now a group (and session) leader: no second time. */
	UT_EXPECT_ERRNO(setsid(), EPERM);
	/* A session leader cannot change its group. */
	UT_EXPECT_ERRNO(setpgid(0, old), EPERM);
	UT_EXPECT_ERRNO(getsid(0x3ffffff), ESRCH);
}

UTEST(getrusage_children_counts_after_wait)
{
	struct rusage ru;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		volatile unsigned long x = 0;
		long long end = ut_now_ns() + 30000000LL;

		while (ut_now_ns() < end)
			x++;
		_exit(0);
	}
	UT_ASSERT_EQ(wait4(pid, NULL, 0, &ru), pid);
	UT_EXPECT(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 ||
		  ru.ru_stime.tv_usec > 0);
	UT_ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
	UT_EXPECT(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 ||
		  ru.ru_stime.tv_usec > 0);
}

static const struct utest tests[] = {
	UTEST_CASE(fork_child_sees_copy_parent_keeps_its_memory),
	UTEST_CASE(fork_returns_pid_child_sees_parent_as_ppid),
	UTEST_CASE(vfork_child_shares_memory_and_parent_waits),
	UTEST_CASE(clone_thread_flags_settid_cleartid_and_futex_wake),
	UTEST_CASE(clone_child_settid_is_written_in_child_memory),
	UTEST_CASE(exit_group_ends_every_thread),
	UTEST_CASE(exit_group_from_a_secondary_thread),
	UTEST_CASE(wait_nohang_running_child_returns_zero),
	UTEST_CASE(wait_without_children_fails_with_echild),
	UTEST_CASE(wait_bad_options_fail_with_einval),
	UTEST_CASE(wait4_status_and_rusage_efault),
	UTEST_CASE(waitid_exited_fills_siginfo),
	UTEST_CASE(waitid_wnowait_leaves_child_waitable),
	UTEST_CASE(wuntraced_wcontinued_report_stop_and_continue),
	UTEST_CASE(wall_waits_for_clone_child_without_sigchld),
	UTEST_CASE(zombie_exists_until_reaped),
	UTEST_CASE(orphan_is_reparented_to_init),
	UTEST_CASE(prctl_set_name_get_name_truncates_to_15),
	UTEST_CASE(prctl_pdeathsig_kills_child_when_parent_dies),
	UTEST_CASE(set_tid_address_returns_tid),
	UTEST_CASE(thread_ids_pid_is_shared_tid_is_not),
	UTEST_CASE(setpgid_rules),
	UTEST_CASE(setsid_makes_a_new_session_once),
	UTEST_CASE(getrusage_children_counts_after_wait),
};

int main(void)
{
	return utest_main("proc", tests, ARRAY_SIZE(tests));
}
