/*
 * Readiness: poll/ppoll, select/pselect6, epoll (level- and
 * edge-triggered, EPOLLONESHOT, ctl errors, epoll_pwait), eventfd2.
 */
#include "ut_util.h"
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>

static volatile int hits;

static void on_usr1(int sig)
{
	(void)sig;
	hits++;
}

UTEST(poll_pipe_readiness_hup_and_nval)
{
	struct pollfd fds[3];
	int p[2];

	UT_ASSERT_EQ(pipe(p), 0);
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	fds[2] = (struct pollfd){ .fd = -1, .events = POLLIN };
	UT_EXPECT_EQ(poll(fds, 3, 0), 1);
	UT_EXPECT_EQ(fds[0].revents, 0);
	UT_EXPECT_EQ(fds[1].revents, POLLOUT);
	UT_EXPECT_EQ(fds[2].revents, 0); /* negative fds are skipped */
	UT_ASSERT_EQ(write(p[1], "x", 1), 1);
	UT_EXPECT_EQ(poll(fds, 2, 0), 2);
	UT_EXPECT_EQ(fds[0].revents, POLLIN);
	close(p[1]);
	UT_EXPECT_EQ(poll(fds, 1, 0), 1);
	UT_EXPECT(fds[0].revents & POLLHUP);
	UT_EXPECT(fds[0].revents & POLLIN); /* the byte is still there */
	fds[0].fd = 999;
	UT_EXPECT_EQ(poll(fds, 1, 0), 1);
	UT_EXPECT_EQ(fds[0].revents, POLLNVAL);
	/* No reader: POLLERR on the write end. */
	UT_ASSERT_EQ(pipe(p), 0);
	close(p[0]);
	fds[0] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	UT_EXPECT_EQ(poll(fds, 1, 0), 1);
	UT_EXPECT(fds[0].revents & POLLERR);
}

UTEST(poll_times_out_and_wakes_on_data)
{
	struct pollfd pfd;
	long long t0;
	int p[2];
	pid_t pid;

	UT_ASSERT_EQ(pipe(p), 0);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	t0 = ut_now_ns();
	UT_EXPECT_EQ(poll(&pfd, 1, 50), 0);
	UT_EXPECT_GE(ut_now_ns() - t0, 50 * 1000 * 1000);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		write(p[1], "x", 1);
		_exit(0);
	}
	UT_EXPECT_EQ(poll(&pfd, 1, 10000), 1);
	UT_EXPECT_EQ(pfd.revents, POLLIN);
	ut_wait(pid);
	UT_EXPECT_ERRNO(poll(UT_KERNEL_PTR, 1, 0), EFAULT);
	UT_EXPECT_ERRNO(poll(&pfd, 1 << 30, 0), EINVAL);
}

UTEST(ppoll_installs_the_mask_while_waiting)
{
	sigset_t block, wait_mask;
	struct timespec ts = { 10, 0 };
	struct pollfd pfd;
	int p[2];
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&wait_mask);
	UT_ASSERT_EQ(pipe(p), 0);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	UT_EXPECT_ERRNO(ppoll(&pfd, 1, &ts, &wait_mask), EINTR);
	UT_EXPECT_EQ(hits, 1);
	ut_wait(pid);
	ts.tv_sec = 0;
	ts.tv_nsec = 0;
	UT_EXPECT_EQ(ppoll(&pfd, 1, &ts, NULL), 0);
	ts.tv_nsec = 1000000000;
	UT_EXPECT_ERRNO(ppoll(&pfd, 1, &ts, NULL), EINVAL);
}

UTEST(select_readiness_timeout_and_errors)
{
	fd_set r, w;
	struct timeval tv = { 0, 50 * 1000 };
	long long t0;
	int p[2];

	UT_ASSERT_EQ(pipe(p), 0);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	UT_EXPECT_EQ(select(p[1] + 1, &r, &w, NULL, &tv), 1);
	UT_EXPECT(!FD_ISSET(p[0], &r));
	UT_EXPECT(FD_ISSET(p[1], &w));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	t0 = ut_now_ns();
	tv.tv_sec = 0;
	tv.tv_usec = 50 * 1000;
	/* (the raw call: musl's select does not pass our timeval through) */
	UT_EXPECT_EQ(syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv), 0);
	UT_EXPECT_GE(ut_now_ns() - t0, 50 * 1000 * 1000);
	/* Linux writes back the time left. */
	UT_EXPECT(tv.tv_sec == 0 && tv.tv_usec == 0);
	UT_ASSERT_EQ(write(p[1], "x", 1), 1);
	FD_SET(p[0], &r);
	UT_EXPECT_EQ(select(p[0] + 1, &r, NULL, NULL, NULL), 1);
	UT_EXPECT(FD_ISSET(p[0], &r));
	{
		int bad = dup(0);

		close(bad);
		FD_ZERO(&r);
		FD_SET(bad, &r);
		tv.tv_usec = 0;
		UT_EXPECT_ERRNO(select(bad + 1, &r, NULL, NULL, &tv), EBADF);
	}
	UT_EXPECT_ERRNO(select(-1, NULL, NULL, NULL, &tv), EINVAL);
	tv.tv_usec = -1;
	UT_EXPECT_ERRNO(select(0, NULL, NULL, NULL, &tv), EINVAL);
}

UTEST(pselect6_with_signal_mask)
{
	sigset_t block, empty;
	struct timespec ts = { 10, 0 };
	fd_set r;
	int p[2];
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&empty);
	UT_ASSERT_EQ(pipe(p), 0);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	UT_EXPECT_ERRNO(pselect(p[0] + 1, &r, NULL, NULL, &ts, &empty), EINTR);
	UT_EXPECT_EQ(hits, 1);
	ut_wait(pid);
	/* The old mask is back: SIGUSR1 blocked again. */
	{
		sigset_t cur;

		sigprocmask(SIG_BLOCK, NULL, &cur);
		UT_EXPECT(sigismember(&cur, SIGUSR1));
	}
}

UTEST(epoll_create_and_ctl_errors)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int ep = epoll_create1(EPOLL_CLOEXEC), p[2], f;

	UT_ASSERT(ep >= 0);
	UT_EXPECT_EQ(fcntl(ep, F_GETFD), FD_CLOEXEC);
	UT_EXPECT_ERRNO(epoll_create1(0x1234), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_epoll_create, 0), EINVAL);
	UT_ASSERT_EQ(pipe(p), 0);
	UT_EXPECT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev), ENOENT);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &ev), ENOENT);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	UT_EXPECT_ERRNO(epoll_ctl(ep, 99, p[0], &ev), EINVAL);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, 999, &ev), EBADF);
	UT_EXPECT_ERRNO(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], UT_KERNEL_PTR),
			EFAULT);
	/* Regular files are always ready: epoll refuses them. */
	ut_write_file("epoll-file", "x", 0644);
	f = open("epoll-file", O_RDONLY);
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev), EPERM);
	UT_EXPECT_EQ(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), 0);
	UT_EXPECT_ERRNO(epoll_wait(ep, &ev, 0, 0), EINVAL);
	UT_EXPECT_ERRNO(epoll_wait(p[0], &ev, 1, 0), EINVAL);
	UT_EXPECT_ERRNO(epoll_wait(ep, UT_KERNEL_PTR, 1, 0), EFAULT);
}

UTEST(epoll_level_triggered_reports_until_drained)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455 };
	struct epoll_event out[4];
	int ep = epoll_create1(0), p[2];
	char b[4];

	UT_ASSERT_EQ(pipe(p), 0);
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 0);
	UT_ASSERT_EQ(write(p[1], "ab", 2), 2);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1);
	UT_EXPECT_EQ(out[0].events, EPOLLIN);
	UT_EXPECT_EQ(out[0].data.u64, 0x1122334455);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1); /* still there */
	UT_ASSERT_EQ(read(p[0], b, 2), 2);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 0);
	/* The writer's close is reported as EPOLLHUP. */
	close(p[1]);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1);
	UT_EXPECT(out[0].events & EPOLLHUP);
}

UTEST(epoll_edge_triggered_reports_each_change_once)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
	struct epoll_event out[4];
	int ep = epoll_create1(0), p[2];

	UT_ASSERT_EQ(pipe(p), 0);
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	UT_ASSERT_EQ(write(p[1], "a", 1), 1);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 0); /* not drained, but ET */
	UT_ASSERT_EQ(write(p[1], "b", 1), 1);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1); /* new data: new edge */
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 0);
}

UTEST(epoll_oneshot_disarms_until_mod)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT };
	struct epoll_event out[4];
	int ep = epoll_create1(0), p[2];

	UT_ASSERT_EQ(pipe(p), 0);
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	UT_ASSERT_EQ(write(p[1], "a", 1), 1);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1);
	UT_ASSERT_EQ(write(p[1], "b", 1), 1);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 0);
	/* Still registered: ADD fails, MOD re-arms. */
	UT_EXPECT_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), 0);
	UT_EXPECT_EQ(epoll_wait(ep, out, 4, 0), 1);
}

UTEST(epoll_wait_blocks_times_out_and_wakes)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct epoll_event out[2];
	int ep = epoll_create1(0), p[2], q[2];
	long long t0;
	pid_t pid;

	UT_ASSERT_EQ(pipe(p), 0);
	UT_ASSERT_EQ(pipe(q), 0);
	ev.data.fd = p[0];
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	ev.data.fd = q[0];
	UT_ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev), 0);
	t0 = ut_now_ns();
	UT_EXPECT_EQ(epoll_wait(ep, out, 2, 50), 0);
	UT_EXPECT_GE(ut_now_ns() - t0, 50 * 1000 * 1000);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		write(q[1], "q", 1);
		_exit(0);
	}
	UT_EXPECT_EQ(epoll_wait(ep, out, 2, 10000), 1);
	UT_EXPECT_EQ(out[0].data.fd, q[0]);
	ut_wait(pid);
	/* Closing the only fd of a file removes it from the set. */
	UT_ASSERT_EQ(write(p[1], "p", 1), 1);
	close(p[0]);
	UT_EXPECT_EQ(epoll_wait(ep, out, 2, 0), 1);
	UT_EXPECT_EQ(out[0].data.fd, q[0]);
}

UTEST(epoll_pwait_with_signal_mask)
{
	struct epoll_event out[1];
	sigset_t block, empty;
	int ep = epoll_create1(0);
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&empty);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	UT_EXPECT_ERRNO(epoll_pwait(ep, out, 1, 10000, &empty), EINTR);
	UT_EXPECT_EQ(hits, 1);
	ut_wait(pid);
}

UTEST(eventfd_counter_semaphore_and_nonblock)
{
	unsigned long long v;
	struct pollfd pfd;
	int fd = eventfd(5, EFD_NONBLOCK | EFD_CLOEXEC), sem;

	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	v = 3;
	UT_EXPECT_EQ(write(fd, &v, 8), 8);
	v = 0;
	UT_EXPECT_EQ(read(fd, &v, 8), 8);
	UT_EXPECT_EQ(v, 8);
	UT_EXPECT_ERRNO(read(fd, &v, 8), EAGAIN);
	UT_EXPECT_ERRNO(read(fd, &v, 4), EINVAL);
	UT_EXPECT_ERRNO(write(fd, &v, 4), EINVAL);
	v = ~0ULL;
	UT_EXPECT_ERRNO(write(fd, &v, 8), EINVAL);
	/* Overflowing the counter would block: EAGAIN. */
	v = ~0ULL - 1;
	UT_EXPECT_EQ(write(fd, &v, 8), 8);
	v = 1;
	UT_EXPECT_ERRNO(write(fd, &v, 8), EAGAIN);
	pfd = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	UT_EXPECT_EQ(poll(&pfd, 1, 0), 1);
	UT_EXPECT_EQ(pfd.revents, POLLIN);
	sem = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
	UT_ASSERT(sem >= 0);
	for (int i = 0; i < 3; i++) {
		UT_EXPECT_EQ(read(sem, &v, 8), 8);
		UT_EXPECT_EQ(v, 1);
	}
	UT_EXPECT_ERRNO(read(sem, &v, 8), EAGAIN);
	UT_EXPECT_ERRNO(eventfd(0, 0x10), EINVAL);
}

UTEST(eventfd_blocking_read_wakes_on_write)
{
	unsigned long long v = 0;
	int fd = eventfd(0, 0);
	pid_t pid;

	UT_ASSERT(fd >= 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		unsigned long long one = 7;

		usleep(30000);
		write(fd, &one, 8);
		_exit(0);
	}
	UT_EXPECT_EQ(read(fd, &v, 8), 8);
	UT_EXPECT_EQ(v, 7);
	ut_wait(pid);
}

static const struct utest tests[] = {
	UTEST_CASE(poll_pipe_readiness_hup_and_nval),
	UTEST_CASE(poll_times_out_and_wakes_on_data),
	UTEST_CASE(ppoll_installs_the_mask_while_waiting),
	UTEST_CASE(select_readiness_timeout_and_errors),
	UTEST_CASE(pselect6_with_signal_mask),
	UTEST_CASE(epoll_create_and_ctl_errors),
	UTEST_CASE(epoll_level_triggered_reports_until_drained),
	UTEST_CASE(epoll_edge_triggered_reports_each_change_once),
	UTEST_CASE(epoll_oneshot_disarms_until_mod),
	UTEST_CASE(epoll_wait_blocks_times_out_and_wakes),
	UTEST_CASE(epoll_pwait_with_signal_mask),
	UTEST_CASE(eventfd_counter_semaphore_and_nonblock),
	UTEST_CASE(eventfd_blocking_read_wakes_on_write),
};

int main(void)
{
	int ret;

	ut_workdir("poll");
	ret = utest_main("poll", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
