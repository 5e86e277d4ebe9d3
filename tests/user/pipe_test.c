/*
 * Pipes: pipe/pipe2 flags, EOF, EPIPE and SIGPIPE, PIPE_BUF atomicity
 * with writers in parallel, capacity and partial writes, blocking in
 * both directions, a bulk transfer between processes.
 */
#include "ut_util.h"
#include <limits.h>
#include <poll.h>
#include <sys/ioctl.h>

#ifndef F_GETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

/* Read exactly @len bytes (the writer may deliver them in pieces). */
static long read_full(int fd, void *buf, long len)
{
	long got = 0, n;

	while (got < len) {
		n = read(fd, (char *)buf + got, len - got);
		if (n <= 0)
			return got ? got : n;
		got += n;
	}
	return got;
}

UTEST(pipe_passes_bytes_in_order)
{
	int p[2];
	char buf[16];

	UT_ASSERT_EQ(pipe(p), 0);
	UT_EXPECT_EQ(write(p[1], "hello", 5), 5);
	UT_EXPECT_EQ(write(p[1], " you", 4), 4);
	UT_EXPECT_EQ(read(p[0], buf, 3), 3);
	UT_EXPECT_EQ(read(p[0], buf + 3, sizeof(buf)), 6);
	UT_EXPECT_EQ(memcmp(buf, "hello you", 9), 0);
	UT_EXPECT_EQ(write(p[1], buf, 0), 0);
	UT_EXPECT_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
	UT_EXPECT_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
	UT_EXPECT_ERRNO(write(p[0], "x", 1), EBADF);
	UT_EXPECT_ERRNO(read(p[1], buf, 1), EBADF);
}

UTEST(pipe2_flags_and_errors)
{
	int p[2];
	char b;

	UT_ASSERT_EQ(pipe2(p, O_NONBLOCK | O_CLOEXEC), 0);
	UT_EXPECT_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	UT_EXPECT_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	UT_EXPECT(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	UT_EXPECT_ERRNO(read(p[0], &b, 1), EAGAIN);
	UT_EXPECT_ERRNO(pipe2(p, O_APPEND), EINVAL);
	UT_EXPECT_ERRNO(pipe2(p, 0x4000000), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_pipe2, UT_KERNEL_PTR, 0), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_pipe, ut_ro_page()), EFAULT);
}

UTEST(eof_after_the_last_writer_closes)
{
	int p[2], d;
	char b;

	UT_ASSERT_EQ(pipe(p), 0);
	d = dup(p[1]);
	UT_ASSERT_EQ(write(p[1], "z", 1), 1);
	close(p[1]);
	UT_EXPECT_EQ(read(p[0], &b, 1), 1);
	/* A dup of the write end still exists: not EOF yet. */
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	UT_EXPECT_ERRNO(read(p[0], &b, 1), EAGAIN);
	close(d);
	UT_EXPECT_EQ(read(p[0], &b, 1), 0);
}

UTEST(write_without_reader_raises_sigpipe_or_fails_with_epipe)
{
	int p[2];
	pid_t pid;

	UT_ASSERT_EQ(pipe(p), 0);
	close(p[0]);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		write(p[1], "x", 1);
		_exit(0);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 1000 + SIGPIPE);
	signal(SIGPIPE, SIG_IGN);
	UT_EXPECT_ERRNO(write(p[1], "x", 1), EPIPE);
}

UTEST(pipe_buf_writes_from_two_processes_stay_whole)
{
	enum { MSGS = 200 };
	static char msg[PIPE_BUF];
	int p[2], counts[2] = { 0, 0 }, torn = 0;
	pid_t pids[2];

	UT_ASSERT_EQ(PIPE_BUF, 4096);
	UT_ASSERT_EQ(pipe(p), 0);
	for (int w = 0; w < 2; w++) {
		pids[w] = fork();
		UT_ASSERT(pids[w] >= 0);
		if (pids[w] == 0) {
			close(p[0]);
			memset(msg, 'A' + w, sizeof(msg));
			for (int i = 0; i < MSGS; i++)
				if (write(p[1], msg, sizeof(msg)) !=
				    sizeof(msg))
					_exit(1);
			_exit(0);
		}
	}
	close(p[1]);
	while (read_full(p[0], msg, sizeof(msg)) == sizeof(msg)) {
		int c = msg[0] - 'A', i;

		for (i = 1; i < PIPE_BUF && msg[i] == msg[0]; i++)
			;
		if (i != PIPE_BUF || c < 0 || c > 1)
			torn++;
		else
			counts[c]++;
	}
	UT_EXPECT_EQ(torn, 0);
	UT_EXPECT_EQ(counts[0], MSGS);
	UT_EXPECT_EQ(counts[1], MSGS);
	for (int w = 0; w < 2; w++)
		UT_EXPECT_EQ(ut_wait_code(pids[w]), 0);
}

UTEST(capacity_nonblocking_full_and_partial_writes)
{
	static char big[256 * 1024];
	int p[2], n = -1;
	long total = 0, r;

	UT_ASSERT_EQ(pipe2(p, O_NONBLOCK), 0);
	UT_EXPECT_EQ(fcntl(p[0], F_GETPIPE_SZ), 65536);
	/* A big non-blocking write stores what fits and says so. */
	r = write(p[1], big, sizeof(big));
	UT_EXPECT_EQ(r, 65536);
	UT_EXPECT_ERRNO(write(p[1], big, 1), EAGAIN);
	UT_ASSERT_EQ(ioctl(p[0], FIONREAD, &n), 0);
	UT_EXPECT_EQ(n, 65536);
	/* After draining one page, exactly one page fits again. */
	UT_ASSERT_EQ(read(p[0], big, 4096), 4096);
	while ((r = write(p[1], big, 1024)) > 0)
		total += r;
	UT_EXPECT_EQ(total, 4096);
	/* A PIPE_BUF write that does not fit whole writes nothing. */
	UT_ASSERT_EQ(read(p[0], big, 100), 100);
	UT_EXPECT_ERRNO(write(p[1], big, PIPE_BUF), EAGAIN);
}

UTEST(blocking_read_waits_for_a_writer)
{
	int p[2];
	char b = 0;
	long long t0;
	pid_t pid;

	UT_ASSERT_EQ(pipe(p), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(50000);
		write(p[1], "w", 1);
		_exit(0);
	}
	t0 = ut_now_ns();
	UT_EXPECT_EQ(read(p[0], &b, 1), 1);
	UT_EXPECT_EQ(b, 'w');
	UT_EXPECT_GE(ut_now_ns() - t0, 40 * 1000 * 1000);
	ut_wait(pid);
}

UTEST(blocking_write_bigger_than_capacity_completes)
{
	static char big[300 * 1024];
	int p[2];
	pid_t pid;

	UT_ASSERT_EQ(pipe(p), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		static char in[300 * 1024];
		long got;

		close(p[1]);
		usleep(20000);
		got = read_full(p[0], in, sizeof(in));
		for (long i = 0; i < got; i++)
			if (in[i] != (char)(i * 7))
				_exit(2);
		_exit(got == sizeof(in) ? 0 : 1);
	}
	close(p[0]);
	for (long i = 0; i < (long)sizeof(big); i++)
		big[i] = (char)(i * 7);
	UT_EXPECT_EQ(write(p[1], big, sizeof(big)), (long)sizeof(big));
	close(p[1]);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(bulk_transfer_between_processes_keeps_every_byte)
{
	enum { TOTAL = 4 << 20 };
	static unsigned char buf[8192];
	unsigned long sum = 0, want = 0;
	long got = 0, n;
	int p[2];
	pid_t pid;

	for (long i = 0; i < TOTAL; i++)
		want += (unsigned char)(i ^ (i >> 8));
	UT_ASSERT_EQ(pipe(p), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		for (long off = 0; off < TOTAL; off += sizeof(buf)) {
			for (long i = 0; i < (long)sizeof(buf); i++)
				buf[i] = (unsigned char)((off + i) ^
							 ((off + i) >> 8));
			if (write(p[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		}
		_exit(0);
	}
	close(p[1]);
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++)
			sum += buf[i];
		got += n;
	}
	UT_EXPECT_EQ(got, TOTAL);
	UT_EXPECT_EQ(sum, want);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

static void on_usr1(int sig)
{
	(void)sig;
}

UTEST(signal_during_blocked_pipe_write_returns_partial_count)
{
	static char big[128 * 1024];
	struct sigaction sa;
	int p[2];
	long r;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	UT_ASSERT_EQ(pipe(p), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	/* 64 KiB go in, then the write blocks until the signal. */
	r = write(p[1], big, sizeof(big));
	ut_wait(pid);
	UT_EXPECT_EQ(r, 65536);
}

static const struct utest tests[] = {
	UTEST_CASE(pipe_passes_bytes_in_order),
	UTEST_CASE(pipe2_flags_and_errors),
	UTEST_CASE(eof_after_the_last_writer_closes),
	UTEST_CASE(write_without_reader_raises_sigpipe_or_fails_with_epipe),
	UTEST_CASE(pipe_buf_writes_from_two_processes_stay_whole),
	UTEST_CASE(capacity_nonblocking_full_and_partial_writes),
	UTEST_CASE(blocking_read_waits_for_a_writer),
	UTEST_CASE(blocking_write_bigger_than_capacity_completes),
	UTEST_CASE(bulk_transfer_between_processes_keeps_every_byte),
	UTEST_CASE(signal_during_blocked_pipe_write_returns_partial_count),
};

int main(void)
{
	return utest_main("pipe", tests, ARRAY_SIZE(tests));
}
