/*
 * ktest "select": poll, ppoll, select and pselect6 through the syscall
 * table on pipes, with user memory for the arrays, sets and times:
 * what each fd reports, POLLNVAL, timeouts and the time written back,
 * wake-ups from another thread, the temporary signal mask, the restart
 * rules, and that no wait-queue entry outlives the call.
 */
#include <uapi/linux/time_types.h>
#include "pipe_test.h"

static int select_init(struct ktest *test)
{
	return pipe_test_enter(test);
}

static void select_exit(struct ktest *test)
{
	pipe_test_leave(test);
}

/* User memory laid out for these tests (two pages). */
struct st_mem {
	int __user *fds;
	struct pollfd __user *pfd; /* 8 entries */
	struct __kernel_timespec __user *ts;
	struct __kernel_old_timeval __user *tv;
	unsigned long __user *in, *out, *ex; /* 1024 bits each */
	sigset_t __user *mask;
	void __user *argpack; /* pselect6's { sigset ptr, size } */
	char __user *buf;
};

static struct st_mem st_map(struct ktest *test)
{
	char __user *u = ktest_user_map(test, 2);

	return (struct st_mem){
		.fds = (int __user *)u,
		.pfd = (struct pollfd __user *)(u + 64),
		.ts = (struct __kernel_timespec __user *)(u + 512),
		.tv = (struct __kernel_old_timeval __user *)(u + 544),
		.in = (unsigned long __user *)(u + 1024),
		.out = (unsigned long __user *)(u + 1152),
		.ex = (unsigned long __user *)(u + 1280),
		.mask = (sigset_t __user *)(u + 1600),
		.argpack = u + 1664,
		.buf = u + PAGE_SIZE,
	};
}

static struct pollfd *kpfd(struct st_mem *m)
{
	return ktest_user_kaddr(m->pfd);
}

static void set_pfd(struct st_mem *m, int i, int fd, short events)
{
	kpfd(m)[i].fd = fd;
	kpfd(m)[i].events = events;
	kpfd(m)[i].revents = 0x7777; /* must be overwritten */
}

static void set_ts(struct st_mem *m, s64 sec, long long nsec)
{
	struct __kernel_timespec *ts = ktest_user_kaddr(m->ts);

	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}

static void set_tv(struct st_mem *m, long sec, long usec)
{
	struct __kernel_old_timeval *tv = ktest_user_kaddr(m->tv);

	tv->tv_sec = sec;
	tv->tv_usec = usec;
}

static unsigned long *kset(unsigned long __user *set)
{
	return ktest_user_kaddr(set);
}

static void fdset_only(unsigned long __user *set, int fd)
{
	memset(kset(set), 0, 128);
	if (fd >= 0)
		kset(set)[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static bool fdset_has(unsigned long __user *set, int fd)
{
	return kset(set)[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static bool pipe_has_waiters(int fd)
{
	struct file *f = fget(fd);
	struct pipe_inode_info *pipe = get_pipe_info(f, false);
	bool ret = waitqueue_active(&pipe->rd_wait) ||
		   waitqueue_active(&pipe->wr_wait);

	fput(f);
	return ret;
}

static void select_test_poll_reports_each_fd(struct ktest *test)
{
	struct st_mem m = st_map(test);
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_pfd(&m, 0, fds[0], POLLIN);
	set_pfd(&m, 1, fds[1], POLLOUT);
	set_pfd(&m, 2, -1, POLLIN);
	set_pfd(&m, 3, 999, POLLIN);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 4, 0, 0), 2);
	KTEST_EXPECT_EQ(test, kpfd(&m)[0].revents, 0);
	KTEST_EXPECT_EQ(test, kpfd(&m)[1].revents, POLLOUT);
	KTEST_EXPECT_EQ(test, kpfd(&m)[2].revents, 0);
	KTEST_EXPECT_EQ(test, kpfd(&m)[3].revents, POLLNVAL);
	pt_write(fds[1], m.buf, "x", 1);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 4, 0, 0), 3);
	KTEST_EXPECT_EQ(test, kpfd(&m)[0].revents, POLLIN);
	/* Hang-up is reported without being asked for. */
	pt_close(fds[1]);
	set_pfd(&m, 0, fds[0], POLLPRI);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 1, 0, 0), 1);
	KTEST_EXPECT_EQ(test, kpfd(&m)[0].revents, POLLHUP);
	pt_close(fds[0]);
	ktest_user_unmap(test);
}

static void select_test_poll_timeout(struct ktest *test)
{
	struct st_mem m = st_map(test);
	ktime_t start;
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_pfd(&m, 0, fds[0], POLLIN);
	start = ktime_get();
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 1, 50, 0), 0);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 50);
	KTEST_EXPECT_EQ(test, kpfd(&m)[0].revents, 0);
	/* The wait-queue entries went with the call. */
	KTEST_EXPECT_FALSE(test, pipe_has_waiters(fds[0]));
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static int st_write_byte(void *arg)
{
	return kernel_write(arg, "w", 1, NULL);
}

static void select_test_poll_woken_by_writer(struct ktest *test)
{
	struct st_mem m = st_map(test);
	struct pt_helper h;
	struct task_struct *k;
	struct file *wf;
	ktime_t start;
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	wf = fget(fds[1]);
	set_pfd(&m, 0, fds[0], POLLIN);
	set_pfd(&m, 1, fds[0], POLLPRI); /* a second entry, never ready */
	start = ktime_get();
	k = pt_helper_start(&h, st_write_byte, wf, 30);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 2, -1, 0), 1);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 20);
	KTEST_EXPECT_EQ(test, kpfd(&m)[0].revents, POLLIN);
	KTEST_EXPECT_EQ(test, kpfd(&m)[1].revents, 0);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 1);
	KTEST_EXPECT_FALSE(test, pipe_has_waiters(fds[0]));
	fput(wf);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* More fds than fit in the inline table and one page of entries. */
static void select_test_poll_many_entries(struct ktest *test)
{
	char __user *u = ktest_user_map(test, 4);
	struct pollfd __user *upfd = (struct pollfd __user *)(u + PAGE_SIZE);
	int fds[2], i, n = 600;
	struct pollfd *k;

	/* The array spans user pages: write and read it with uaccess. */
	k = kcalloc(n, sizeof(*k), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, k);
	KTEST_ASSERT_EQ(test, pt_pipe2((int __user *)u, 0, fds), 0);
	for (i = 0; i < n; i++) {
		k[i].fd = fds[0];
		k[i].events = POLLIN;
	}
	KTEST_EXPECT_EQ(test, copy_to_user(upfd, k, n * sizeof(*k)), 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, upfd, n, 10, 0), 0);
	KTEST_EXPECT_FALSE(test, pipe_has_waiters(fds[0]));
	pt_write(fds[1], u + 100, "x", 1);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, upfd, n, 10, 0), n);
	KTEST_EXPECT_EQ(test, copy_from_user(k, upfd, n * sizeof(*k)), 0);
	KTEST_EXPECT_EQ(test, k[0].revents, POLLIN);
	KTEST_EXPECT_EQ(test, k[n - 1].revents, POLLIN);
	kfree(k);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_poll_errors(struct ktest *test)
{
	struct st_mem m = st_map(test);
	unsigned long nofile = rlimit(RLIMIT_NOFILE);

	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, nofile + 1, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, BAD_UPTR, 1, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, NULL, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 0, BAD_UPTR, NULL, 8),
			-EFAULT);
	set_ts(&m, -1, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 0, m.ts, NULL, 8),
			-EINVAL);
	set_ts(&m, 0, NSEC_PER_SEC);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 0, m.ts, NULL, 8),
			-EINVAL);
	set_ts(&m, 0, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 0, m.ts, m.mask, 4),
			-EINVAL);
	ktest_user_unmap(test);
}

/*
 * poll(2) interrupted restarts through the restart block with the
 * same end time; ppoll(2) returns -ERESTARTNOHAND.
 */
static void select_test_poll_signal_restarts(struct ktest *test)
{
	struct restart_block *rb = &current->restart_block;
	struct st_mem m = st_map(test);
	int fds[2];

	pt_set_handler(SIGUSR1);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_pfd(&m, 0, fds[0], POLLIN);
	send_sig(SIGUSR1, current, 0);
	rb->fn = NULL;
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 1, -1, 0),
			-ERESTART_RESTARTBLOCK);
	KTEST_ASSERT_NOT_NULL(test, rb->fn);
	KTEST_EXPECT_EQ(test, rb->poll.has_timeout, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 1, 5000, 0),
			-ERESTART_RESTARTBLOCK);
	KTEST_EXPECT_EQ(test, rb->poll.has_timeout, 1);
	KTEST_EXPECT_EQ(test, rb->fn(rb), -ERESTART_RESTARTBLOCK);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 1, NULL, NULL, 8),
			-ERESTARTNOHAND);
	/* Something ready wins over the signal. */
	pt_write(fds[1], m.buf, "x", 1);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(poll, m.pfd, 1, -1, 0), 1);
	flush_signals(current);
	KTEST_EXPECT_EQ(test, rb->fn(rb), 1);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/*
 * ppoll's mask replaces the blocked set while it waits: a pending
 * SIGUSR1 blocked by it does not interrupt, and the old mask is back
 * after.  A mask that lets the signal in keeps itself for the handler.
 */
static void select_test_ppoll_sigmask(struct ktest *test)
{
	struct st_mem m = st_map(test);
	sigset_t *kmask = ktest_user_kaddr(m.mask);
	sigset_t before = current->blocked;
	int fds[2];

	pt_set_handler(SIGUSR1);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_pfd(&m, 0, fds[0], POLLIN);
	send_sig(SIGUSR1, current, 0);
	siginitset(kmask, sigmask(SIGUSR1));
	set_ts(&m, 0, 20 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 1, m.ts, m.mask, 8), 0);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], before.sig[0]);
	KTEST_EXPECT_TRUE(test, signal_pending(current));
	/* The same through pselect6's argument pack. */
	fdset_only(m.in, fds[0]);
	((unsigned long *)ktest_user_kaddr(m.argpack))[0] =
		(unsigned long)m.mask;
	((unsigned long *)ktest_user_kaddr(m.argpack))[1] = 8;
	set_ts(&m, 0, 10 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test,
			ktest_syscall(__x64_sys_pselect6, fds[0] + 1,
				      (long)m.in, 0, 0, (long)m.ts,
				      (long)m.argpack),
			0);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], before.sig[0]);
	KTEST_EXPECT_EQ(test,
			ktest_syscall(__x64_sys_pselect6, fds[0] + 1,
				      (long)m.in, 0, 0, (long)m.ts,
				      (long)BAD_UPTR),
			-EFAULT);
	/* An empty mask: interrupted, and the mask stays for the handler. */
	sigemptyset(kmask);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 1, NULL, m.mask, 8),
			-ERESTARTNOHAND);
	KTEST_EXPECT_TRUE(test, current->restore_sigmask);
	KTEST_EXPECT_EQ(test, current->saved_sigmask.sig[0], before.sig[0]);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_ppoll_writes_back_time_left(struct ktest *test)
{
	struct st_mem m = st_map(test);
	struct __kernel_timespec *ts = ktest_user_kaddr(m.ts);
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_pfd(&m, 0, fds[1], POLLOUT);
	set_ts(&m, 5, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 1, m.ts, NULL, 8), 1);
	KTEST_EXPECT_EQ(test, ts->tv_sec, 4);
	KTEST_EXPECT_GT(test, ts->tv_nsec, 900 * NSEC_PER_MSEC);
	set_pfd(&m, 0, fds[0], POLLIN);
	set_ts(&m, 0, 30 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(ppoll, m.pfd, 1, m.ts, NULL, 8), 0);
	KTEST_EXPECT_EQ(test, ts->tv_sec, 0);
	KTEST_EXPECT_EQ(test, ts->tv_nsec, 0);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_select_sets(struct ktest *test)
{
	struct st_mem m = st_map(test);
	int fds[2], n;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	n = max(fds[0], fds[1]) + 1;
	fdset_only(m.in, fds[0]);
	fdset_only(m.out, fds[1]);
	fdset_only(m.ex, fds[0]);
	set_tv(&m, 0, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(select, n, m.in, m.out, m.ex, m.tv),
			1);
	KTEST_EXPECT_FALSE(test, fdset_has(m.in, fds[0]));
	KTEST_EXPECT_TRUE(test, fdset_has(m.out, fds[1]));
	KTEST_EXPECT_FALSE(test, fdset_has(m.ex, fds[0]));
	pt_write(fds[1], m.buf, "x", 1);
	fdset_only(m.in, fds[0]);
	fdset_only(m.out, fds[1]);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(select, n, m.in, m.out, NULL, m.tv),
			2);
	KTEST_EXPECT_TRUE(test, fdset_has(m.in, fds[0]));
	/* A set past n is not looked at. */
	fdset_only(m.in, fds[0]);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[0], m.in, NULL, NULL, m.tv), 0);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_select_errors(struct ktest *test)
{
	struct st_mem m = st_map(test);
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	set_tv(&m, 0, 0);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(select, -1, NULL, NULL, NULL, m.tv),
			-EINVAL);
	fdset_only(m.in, fds[1] + 3); /* not open */
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[1] + 4, m.in, NULL, NULL, m.tv),
			-EBADF);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[1] + 1, BAD_UPTR, NULL, NULL,
				   m.tv),
			-EFAULT);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(select, 1, NULL, NULL, NULL, BAD_UPTR),
			-EFAULT);
	set_tv(&m, 0, -1);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(select, 0, NULL, NULL, NULL, m.tv),
			-EINVAL);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_select_timeout_written_back(struct ktest *test)
{
	struct st_mem m = st_map(test);
	struct __kernel_old_timeval *tv = ktest_user_kaddr(m.tv);
	ktime_t start;
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	fdset_only(m.in, fds[0]);
	set_tv(&m, 0, 30000);
	start = ktime_get();
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[0] + 1, m.in, NULL, NULL, m.tv),
			0);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 30);
	KTEST_EXPECT_EQ(test, tv->tv_sec, 0);
	KTEST_EXPECT_EQ(test, tv->tv_usec, 0);
	KTEST_EXPECT_FALSE(test, fdset_has(m.in, fds[0]));
	KTEST_EXPECT_FALSE(test, pipe_has_waiters(fds[0]));
	/* Ready at once: most of the time is left. */
	pt_write(fds[1], m.buf, "x", 1);
	fdset_only(m.in, fds[0]);
	set_tv(&m, 3, 0);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[0] + 1, m.in, NULL, NULL, m.tv),
			1);
	KTEST_EXPECT_EQ(test, tv->tv_sec, 2);
	KTEST_EXPECT_GT(test, tv->tv_usec, 900000);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void select_test_select_signal(struct ktest *test)
{
	struct st_mem m = st_map(test);
	int fds[2];

	pt_set_handler(SIGUSR1);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	fdset_only(m.in, fds[0]);
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(select, fds[0] + 1, m.in, NULL, NULL, NULL),
			-ERESTARTNOHAND);
	/* A zero timeout still reports the signal. */
	KTEST_EXPECT_EQ(test,
			ktest_syscall(__x64_sys_pselect6, fds[0] + 1,
				      (long)m.in, 0, 0, (long)m.ts, 0),
			-ERESTARTNOHAND);
	flush_signals(current);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static struct ktest_case select_test_cases[] = {
	KTEST_CASE(select_test_poll_reports_each_fd),
	KTEST_CASE(select_test_poll_timeout),
	KTEST_CASE(select_test_poll_woken_by_writer),
	KTEST_CASE(select_test_poll_many_entries),
	KTEST_CASE(select_test_poll_errors),
	KTEST_CASE(select_test_poll_signal_restarts),
	KTEST_CASE(select_test_ppoll_sigmask),
	KTEST_CASE(select_test_ppoll_writes_back_time_left),
	KTEST_CASE(select_test_select_sets),
	KTEST_CASE(select_test_select_errors),
	KTEST_CASE(select_test_select_timeout_written_back),
	KTEST_CASE(select_test_select_signal),
	{}
};

static struct ktest_suite select_test_suite = {
	.name = "select",
	.init = select_init,
	.exit = select_exit,
	.test_cases = select_test_cases,
};
ktest_suite(select_test_suite);
