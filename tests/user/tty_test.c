/*
 * The tty layer through a pseudo-terminal: canonical line editing,
 * echo, ICRNL/ONLCR, VMIN/VTIME, ^C/^Z/^\ to the foreground process
 * group, controlling terminals, window size and SIGWINCH, hangup on
 * master close; /dev/tty, and the memory devices null/zero/full/urandom.
 */
#include "ut_util.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>

struct pty {
	int master, slave;
	char name[64];
};

static void open_pty(struct pty *p, int slave_flags)
{
	p->master = posix_openpt(O_RDWR | O_NOCTTY);
	UT_ASSERT(p->master >= 0);
	UT_ASSERT_EQ(grantpt(p->master), 0);
	UT_ASSERT_EQ(unlockpt(p->master), 0);
	UT_ASSERT_EQ(ptsname_r(p->master, p->name, sizeof(p->name)), 0);
	UT_EXPECT_EQ(strncmp(p->name, "/dev/pts/", 9), 0);
	p->slave = open(p->name, O_RDWR | O_NOCTTY | slave_flags);
	UT_ASSERT(p->slave >= 0);
}

/* Read what is available on @fd within @ms into @buf (NUL-terminated). */
static long read_avail(int fd, char *buf, long size, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	long total = 0, n;

	while (total < size - 1 && poll(&pfd, 1, ms) == 1) {
		n = read(fd, buf + total, size - 1 - total);
		if (n <= 0)
			break;
		total += n;
		ms = 20; /* then collect the rest of a burst */
	}
	buf[total] = 0;
	return total;
}

static void set_raw(int fd, int vmin, int vtime)
{
	struct termios t;

	UT_ASSERT_EQ(tcgetattr(fd, &t), 0);
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	UT_ASSERT_EQ(tcsetattr(fd, TCSANOW, &t), 0);
}

UTEST(pty_pair_is_a_terminal)
{
	struct pty p;
	struct termios t;

	open_pty(&p, 0);
	UT_EXPECT(isatty(p.slave));
	UT_EXPECT(isatty(p.master));
	UT_ASSERT_EQ(tcgetattr(p.slave, &t), 0);
	UT_EXPECT(t.c_lflag & ICANON);
	UT_EXPECT(t.c_lflag & ECHO);
	UT_EXPECT(t.c_lflag & ISIG);
	UT_EXPECT(t.c_iflag & ICRNL);
	UT_EXPECT(t.c_oflag & ONLCR);
	UT_EXPECT_EQ(t.c_cc[VINTR], 3);
	UT_EXPECT_EQ(t.c_cc[VERASE], 0x7f);
	UT_EXPECT_ERRNO(tcsetattr(p.slave, 42, &t), EINVAL);
	UT_EXPECT_ERRNO(ioctl(p.slave, TCGETS, UT_KERNEL_PTR), EFAULT);
	{
		int fd = open("/dev/null", O_RDONLY);

		UT_EXPECT(!isatty(fd));
		UT_EXPECT_EQ(errno, ENOTTY);
	}
}

UTEST(canonical_mode_edits_the_line)
{
	struct pty p;
	char buf[64];

	open_pty(&p, 0);
	UT_ASSERT_EQ(write(p.master, "ab\177c\n", 5), 5); /* \177: DEL */
	UT_EXPECT_EQ(read_avail(p.slave, buf, sizeof(buf), 2000), 3);
	UT_EXPECT_EQ(strcmp(buf, "ac\n"), 0);
	/* ^U kills the line, ^W a word. */
	{
		const char *kill = "junk\x15ok one two\x17three\n";

		UT_ASSERT_EQ(write(p.master, kill, strlen(kill)),
			     (long)strlen(kill));
	}
	read_avail(p.slave, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "ok one three\n"), 0);
	/* Nothing until the line is complete. */
	UT_ASSERT_EQ(write(p.master, "partial", 7), 7);
	UT_EXPECT_EQ(read_avail(p.slave, buf, sizeof(buf), 100), 0);
	UT_ASSERT_EQ(write(p.master, "\n", 1), 1);
	read_avail(p.slave, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "partial\n"), 0);
	/* ^D at the start of a line is end of file. */
	UT_ASSERT_EQ(write(p.master, "\x04", 1), 1);
	UT_EXPECT_EQ(read(p.slave, buf, sizeof(buf)), 0);
}

UTEST(echo_goes_back_to_the_master)
{
	struct pty p;
	char buf[128];

	open_pty(&p, 0);
	UT_ASSERT_EQ(write(p.master, "xy\n", 3), 3);
	read_avail(p.master, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "xy\r\n"), 0);
	read_avail(p.slave, buf, sizeof(buf), 2000);
	/* Erase echoes as backspace-space-backspace. */
	UT_ASSERT_EQ(write(p.master, "q\x7f", 2), 2);
	read_avail(p.master, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "q\b \b"), 0);
	/* Control characters echo as ^X. */
	UT_ASSERT_EQ(write(p.master, "\x01", 1), 1);
	read_avail(p.master, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "^A"), 0);
	/* Without ECHO nothing comes back. */
	{
		struct termios t;

		tcgetattr(p.slave, &t);
		t.c_lflag &= ~ECHO;
		tcsetattr(p.slave, TCSANOW, &t);
	}
	UT_ASSERT_EQ(write(p.master, "silent\n", 7), 7);
	UT_EXPECT_EQ(read_avail(p.master, buf, sizeof(buf), 100), 0);
}

UTEST(icrnl_and_onlcr_translate_line_ends)
{
	struct pty p;
	struct termios t;
	char buf[64];

	open_pty(&p, 0);
	/* Input: CR becomes NL (and ends the canonical line). */
	UT_ASSERT_EQ(write(p.master, "hi\r", 3), 3);
	read_avail(p.slave, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "hi\n"), 0);
	read_avail(p.master, buf, sizeof(buf), 100); /* drop the echo */
	/* Output: NL becomes CR NL. */
	UT_ASSERT_EQ(write(p.slave, "out\n", 4), 4);
	read_avail(p.master, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "out\r\n"), 0);
	/* Both off. */
	UT_ASSERT_EQ(tcgetattr(p.slave, &t), 0);
	t.c_iflag &= ~ICRNL;
	t.c_oflag &= ~OPOST;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	UT_ASSERT_EQ(tcsetattr(p.slave, TCSANOW, &t), 0);
	UT_ASSERT_EQ(write(p.master, "r\r", 2), 2);
	read_avail(p.slave, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "r\r"), 0);
	UT_ASSERT_EQ(write(p.slave, "n\n", 2), 2);
	read_avail(p.master, buf, sizeof(buf), 2000);
	UT_EXPECT_EQ(strcmp(buf, "n\n"), 0);
}

UTEST(noncanonical_vmin_vtime)
{
	struct pty p;
	char buf[16];
	long long t0;
	pid_t pid;

	open_pty(&p, 0);
	/* VMIN 0, VTIME 0: a poll, returns 0 at once when empty. */
	set_raw(p.slave, 0, 0);
	UT_EXPECT_EQ(read(p.slave, buf, sizeof(buf)), 0);
	/* VMIN 0, VTIME 2: waits up to 0.2 s. */
	set_raw(p.slave, 0, 2);
	t0 = ut_now_ns();
	UT_EXPECT_EQ(read(p.slave, buf, sizeof(buf)), 0);
	UT_EXPECT_GE(ut_now_ns() - t0, 150 * 1000 * 1000);
	/* VMIN 5: waits for five bytes even when three are there. */
	set_raw(p.slave, 5, 0);
	UT_ASSERT_EQ(write(p.master, "abc", 3), 3);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(50000);
		write(p.master, "de", 2);
		_exit(0);
	}
	UT_EXPECT_EQ(read(p.slave, buf, sizeof(buf)), 5);
	UT_EXPECT_EQ(memcmp(buf, "abcde", 5), 0);
	ut_wait(pid);
	/* Fewer wanted than VMIN: the read still returns what it asked. */
	UT_ASSERT_EQ(write(p.master, "xyz", 3), 3);
	set_raw(p.slave, 1, 0);
	UT_EXPECT_EQ(read(p.slave, buf, 2), 2);
	UT_EXPECT_EQ(read(p.slave, buf, 2), 1);
}

/*
 * A session on the pty: the child becomes a session leader with the pty
 * as its controlling terminal, then runs @fn; its exit code is ours.
 */
static pid_t start_session(struct pty *p, int (*fn)(struct pty *, int),
			   int ready_fd)
{
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		int fd;

		close(p->master); /* or closing it in the parent is no hangup */
		if (setsid() < 0)
			_exit(90);
		fd = open(p->name, O_RDWR);
		if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) < 0)
			_exit(91);
		if (tcgetpgrp(fd) != getpid())
			_exit(92);
		_exit(fn(p, ready_fd));
	}
	return pid;
}

static int wait_for_sigint(struct pty *p, int ready)
{
	(void)p;
	write(ready, "r", 1);
	for (;;)
		pause();
	return 0;
}

UTEST(ctrl_c_sends_sigint_to_the_foreground_group)
{
	struct pty p;
	int r[2];
	char b;
	pid_t pid;

	open_pty(&p, 0);
	UT_ASSERT_EQ(pipe(r), 0);
	pid = start_session(&p, wait_for_sigint, r[1]);
	UT_ASSERT_EQ(read(r[0], &b, 1), 1);
	UT_ASSERT_EQ(write(p.master, "\x03", 1), 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 1000 + SIGINT);
	pid = start_session(&p, wait_for_sigint, r[1]);
	UT_ASSERT_EQ(read(r[0], &b, 1), 1);
	UT_ASSERT_EQ(write(p.master, "\x1c", 1), 1); /* ^\ */
	UT_EXPECT_EQ(ut_wait_code(pid), 1000 + SIGQUIT);
}

static int job_control(struct pty *p, int ready)
{
	int fd = open(p->name, O_RDWR), st;
	pid_t job = fork();

	if (job == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(job, job);
	/* Ignore our own SIGTTOU while we hand the terminal over. */
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, job) || tcgetpgrp(fd) != job)
		return 1;
	write(ready, "r", 1);
	/* ^Z stops the job (its group has a parent in the session). */
	if (waitpid(job, &st, WUNTRACED) != job || !WIFSTOPPED(st) ||
	    WSTOPSIG(st) != SIGTSTP)
		return 2;
	/* Back in the foreground and continued, then ^C. */
	kill(-job, SIGCONT);
	write(ready, "c", 1);
	if (waitpid(job, &st, 0) != job || !WIFSIGNALED(st) ||
	    WTERMSIG(st) != SIGINT)
		return 3;
	return 0;
}

UTEST(ctrl_z_stops_a_foreground_job_ctrl_c_kills_it)
{
	struct pty p;
	int r[2];
	char b;
	pid_t pid;

	open_pty(&p, 0);
	UT_ASSERT_EQ(pipe(r), 0);
	pid = start_session(&p, job_control, r[1]);
	UT_ASSERT_EQ(read(r[0], &b, 1), 1);
	UT_ASSERT_EQ(write(p.master, "\x1a", 1), 1);
	UT_ASSERT_EQ(read(r[0], &b, 1), 1);
	usleep(20000);
	UT_ASSERT_EQ(write(p.master, "\x03", 1), 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

static volatile int winch;

static void on_winch(int sig)
{
	(void)sig;
	winch++;
}

static int wait_for_winch(struct pty *p, int ready)
{
	struct winsize ws;
	long long end = ut_now_ns() + 10000000000LL;
	int fd = open(p->name, O_RDWR);

	signal(SIGWINCH, on_winch);
	write(ready, "r", 1);
	while (!winch && ut_now_ns() < end)
		usleep(1000);
	if (!winch)
		return 1;
	if (ioctl(fd, TIOCGWINSZ, &ws) || ws.ws_row != 33 || ws.ws_col != 101)
		return 2;
	return 0;
}

UTEST(window_size_change_sends_sigwinch)
{
	struct winsize ws = { .ws_row = 33, .ws_col = 101 }, got;
	struct pty p;
	int r[2];
	char b;
	pid_t pid;

	open_pty(&p, 0);
	UT_ASSERT_EQ(ioctl(p.slave, TIOCGWINSZ, &got), 0);
	UT_ASSERT_EQ(pipe(r), 0);
	pid = start_session(&p, wait_for_winch, r[1]);
	UT_ASSERT_EQ(read(r[0], &b, 1), 1);
	UT_ASSERT_EQ(ioctl(p.master, TIOCSWINSZ, &ws), 0);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	UT_ASSERT_EQ(ioctl(p.slave, TIOCGWINSZ, &got), 0);
	UT_EXPECT(got.ws_row == 33 && got.ws_col == 101);
	UT_EXPECT_ERRNO(ioctl(p.slave, TIOCSWINSZ, UT_KERNEL_PTR), EFAULT);
}

static int hold_ctty(struct pty *p, int ready)
{
	(void)p;
	signal(SIGHUP, SIG_DFL);
	write(ready, "r", 1);
	for (;;)
		pause();
	return 0;
}

UTEST(master_close_hangs_up_the_slave)
{
	struct pty p;
	char buf[8];
	long n;
	int r[2];
	pid_t pid;

	open_pty(&p, 0);
	UT_ASSERT_EQ(pipe(r), 0);
	pid = start_session(&p, hold_ctty, r[1]);
	UT_ASSERT_EQ(read(r[0], buf, 1), 1);
	close(p.master);
	/* The session leader gets SIGHUP. */
	UT_EXPECT_EQ(ut_wait_code(pid), 1000 + SIGHUP);
	errno = 0;
	n = read(p.slave, buf, sizeof(buf));
	UT_EXPECT(n == 0 || (n == -1 && errno == EIO));
	UT_EXPECT_ERRNO(write(p.slave, "x", 1), EIO);
}

UTEST(dev_tty_needs_a_controlling_terminal)
{
	struct pty p;
	pid_t pid;

	open_pty(&p, 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		int fd;

		setsid(); /* no controlling terminal now */
		if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
			_exit(1);
		fd = open(p.name, O_RDWR);
		if (fd < 0 || ioctl(fd, TIOCSCTTY, 0))
			_exit(2);
		/* Now /dev/tty is the pty. */
		fd = open("/dev/tty", O_RDWR);
		if (fd < 0 || write(fd, "via-tty", 7) != 7)
			_exit(3);
		/* Taking it again is a no-op, a second one is refused. */
		if (ioctl(fd, TIOCSCTTY, 0))
			_exit(4);
		{
			struct pty q;

			open_pty(&q, 0);
			if (ioctl(q.slave, TIOCSCTTY, 0) != -1 ||
			    errno != EPERM)
				_exit(5);
		}
		_exit(0);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	{
		char buf[64];

		read_avail(p.master, buf, sizeof(buf), 2000);
		UT_EXPECT_EQ(strcmp(buf, "via-tty"), 0);
	}
}

UTEST(dev_null_zero_full_urandom)
{
	char buf[64];
	int fd, i;

	fd = open("/dev/null", O_RDWR);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
	UT_EXPECT_EQ(write(fd, buf, sizeof(buf)), 64);
	close(fd);
	fd = open("/dev/zero", O_RDWR);
	UT_ASSERT(fd >= 0);
	memset(buf, 1, sizeof(buf));
	UT_EXPECT_EQ(read(fd, buf, sizeof(buf)), 64);
	for (i = 0; i < 64 && !buf[i]; i++)
		;
	UT_EXPECT_EQ(i, 64);
	UT_EXPECT_EQ(write(fd, buf, 10), 10);
	{
		char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE,
			       fd, 0);

		UT_ASSERT(m != MAP_FAILED);
		UT_EXPECT_EQ(m[100], 0);
	}
	close(fd);
	fd = open("/dev/full", O_RDWR);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_ERRNO(write(fd, buf, 1), ENOSPC);
	UT_EXPECT_EQ(read(fd, buf, 8), 8);
	UT_EXPECT_EQ(buf[7], 0);
	close(fd);
	fd = open("/dev/urandom", O_RDONLY);
	UT_ASSERT(fd >= 0);
	memset(buf, 0, sizeof(buf));
	UT_EXPECT_EQ(read(fd, buf, sizeof(buf)), 64);
	for (i = 0; i < 64 && !buf[i]; i++)
		;
	UT_EXPECT(i < 64);
	close(fd);
	fd = open("/dev/random", O_RDONLY);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(read(fd, buf, 16), 16);
	UT_EXPECT_ERRNO(read(fd, UT_KERNEL_PTR, 16), EFAULT);
	{
		struct stat st;

		UT_ASSERT_EQ(stat("/dev/null", &st), 0);
		UT_EXPECT(S_ISCHR(st.st_mode));
		UT_EXPECT_EQ(st.st_rdev, (1 << 8) | 3);
		UT_ASSERT_EQ(stat("/dev/ptmx", &st), 0);
		UT_EXPECT(S_ISCHR(st.st_mode));
	}
}

static const struct utest tests[] = {
	UTEST_CASE(pty_pair_is_a_terminal),
	UTEST_CASE(canonical_mode_edits_the_line),
	UTEST_CASE(echo_goes_back_to_the_master),
	UTEST_CASE(icrnl_and_onlcr_translate_line_ends),
	UTEST_CASE(noncanonical_vmin_vtime),
	UTEST_CASE(ctrl_c_sends_sigint_to_the_foreground_group),
	UTEST_CASE(ctrl_z_stops_a_foreground_job_ctrl_c_kills_it),
	UTEST_CASE(window_size_change_sends_sigwinch),
	UTEST_CASE(master_close_hangs_up_the_slave),
	UTEST_CASE(dev_tty_needs_a_controlling_terminal),
	UTEST_CASE(dev_null_zero_full_urandom),
};

int main(void)
{
	return utest_main("tty", tests, ARRAY_SIZE(tests));
}
