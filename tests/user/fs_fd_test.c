/*
 * File descriptors: dup/dup2/dup3, fcntl (descriptor and status flags,
 * F_DUPFD, POSIX record locks between processes), ioctl FIONREAD/
 * FIONBIO/FIOCLEX, RLIMIT_NOFILE and EMFILE, close_range, a growing fd
 * table, shared offsets after fork, sendfile.
 */
#include "ut_util.h"
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>

#define CLOSE_RANGE_CLOEXEC (1U << 2)

static int tmpfile_with(const char *name, const char *data)
{
	int fd;

	ut_write_file(name, data, 0644);
	fd = open(name, O_RDWR);
	UT_ASSERT(fd >= 0);
	return fd;
}

UTEST(dup_takes_lowest_free_fd_and_shares_offset)
{
	int fd = tmpfile_with("dup", "abcdef"), d;
	char b;

	close(5);
	d = dup(fd);
	UT_ASSERT(d >= 0);
	UT_EXPECT(d != fd);
	UT_ASSERT_EQ(read(fd, &b, 1), 1);
	UT_ASSERT_EQ(read(d, &b, 1), 1);
	UT_EXPECT_EQ(b, 'b'); /* one shared file offset */
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 2);
	{
		int lowest = 0;

		close(d);
		while (fcntl(lowest, F_GETFD) >= 0)
			lowest++;
		UT_EXPECT_EQ(dup(fd), lowest);
	}
	UT_EXPECT_ERRNO(dup(-1), EBADF);
	UT_EXPECT_ERRNO(dup(999), EBADF);
}

UTEST(dup2_and_dup3)
{
	int fd = tmpfile_with("dup2", "x"), other = tmpfile_with("dup2b", "y");
	char b;

	UT_EXPECT_EQ(dup2(fd, 50), 50);
	UT_EXPECT_EQ(fcntl(50, F_GETFD), 0);
	/* dup2 onto an open fd closes it first. */
	UT_EXPECT_EQ(dup2(other, 50), 50);
	UT_ASSERT_EQ(read(50, &b, 1), 1);
	UT_EXPECT_EQ(b, 'y');
	UT_EXPECT_EQ(dup2(fd, fd), fd);
	UT_EXPECT_ERRNO(dup2(99, 51), EBADF);
	UT_EXPECT_ERRNO(dup2(fd, -1), EBADF);
	UT_EXPECT_ERRNO(dup2(fd, 1 << 30), EBADF);
	UT_EXPECT_EQ(dup3(fd, 52, O_CLOEXEC), 52);
	UT_EXPECT_EQ(fcntl(52, F_GETFD), FD_CLOEXEC);
	UT_EXPECT_ERRNO(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	/* (musl's dup3 only reaches the kernel with O_CLOEXEC: raw calls) */
	UT_EXPECT_ERRNO(syscall(SYS_dup3, fd, 53, O_NONBLOCK), EINVAL);
}

UTEST(fcntl_dupfd_fd_flags_and_status_flags)
{
	int fd = tmpfile_with("fcntl", "x"), d;

	d = fcntl(fd, F_DUPFD, 20);
	UT_EXPECT_GE(d, 20);
	UT_EXPECT_EQ(fcntl(d, F_GETFD), 0);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 30);
	UT_EXPECT_GE(d, 30);
	UT_EXPECT_EQ(fcntl(d, F_GETFD), FD_CLOEXEC);
	UT_EXPECT_EQ(fcntl(d, F_SETFD, 0), 0);
	UT_EXPECT_EQ(fcntl(d, F_GETFD), 0);
	UT_EXPECT_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		     O_RDWR);
	UT_EXPECT_EQ(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY), 0);
	/* The access mode cannot change; the flags are shared with dups. */
	UT_EXPECT_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		     O_RDWR | O_APPEND | O_NONBLOCK);
	UT_EXPECT_EQ(fcntl(d, F_GETFL) & O_APPEND, O_APPEND);
	/* But not the fd flags. */
	UT_EXPECT_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	UT_EXPECT_EQ(fcntl(d, F_GETFD), 0);
	UT_EXPECT_ERRNO(fcntl(fd, 12345), EINVAL);
	UT_EXPECT_ERRNO(fcntl(-1, F_GETFD), EBADF);
	UT_EXPECT_ERRNO(fcntl(fd, F_DUPFD, -1), EINVAL);
	UT_EXPECT_ERRNO(fcntl(fd, F_DUPFD, 1 << 30), EINVAL);
}

static struct flock lk(short type, off_t start, off_t len)
{
	struct flock f;

	memset(&f, 0, sizeof(f));
	f.l_type = type;
	f.l_whence = SEEK_SET;
	f.l_start = start;
	f.l_len = len;
	return f;
}

UTEST(posix_locks_between_processes)
{
	int fd = tmpfile_with("locks", "0123456789abcdefghij");
	struct flock f = lk(F_WRLCK, 0, 10);
	int c2p[2], p2c[2];
	char b;
	pid_t pid;

	UT_ASSERT_EQ(fcntl(fd, F_SETLK, &f), 0);
	UT_ASSERT_EQ(pipe(c2p), 0);
	UT_ASSERT_EQ(pipe(p2c), 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		int f2 = open("locks", O_RDWR);
		struct flock g = lk(F_WRLCK, 5, 2);

		/* The parent's lock is seen, with its pid. */
		if (fcntl(f2, F_GETLK, &g) || g.l_type != F_WRLCK ||
		    g.l_pid != getppid() || g.l_start != 0 || g.l_len != 10)
			_exit(1);
		g = lk(F_RDLCK, 5, 2);
		if (fcntl(f2, F_SETLK, &g) != -1 ||
		    (errno != EAGAIN && errno != EACCES))
			_exit(2);
		g = lk(F_WRLCK, 10, 5); /* no overlap: fine */
		if (fcntl(f2, F_SETLK, &g))
			_exit(3);
		write(c2p[1], "1", 1);
		/* F_SETLKW waits for the parent's unlock. */
		g = lk(F_WRLCK, 0, 10);
		if (fcntl(f2, F_SETLKW, &g))
			_exit(4);
		write(c2p[1], "2", 1);
		read(p2c[0], &b, 1);
		_exit(0);
	}
	UT_ASSERT_EQ(read(c2p[0], &b, 1), 1);
	UT_EXPECT_EQ(b, '1');
	/* The child holds [10, 15) now. */
	f = lk(F_WRLCK, 12, 1);
	UT_ASSERT_EQ(fcntl(fd, F_GETLK, &f), 0);
	UT_EXPECT_EQ(f.l_type, F_WRLCK);
	UT_EXPECT_EQ(f.l_pid, pid);
	usleep(30000);
	f = lk(F_UNLCK, 0, 10);
	UT_ASSERT_EQ(fcntl(fd, F_SETLK, &f), 0);
	UT_ASSERT_EQ(read(c2p[0], &b, 1), 1);
	UT_EXPECT_EQ(b, '2');
	f = lk(F_RDLCK, 0, 1);
	UT_EXPECT_ERRNO(fcntl(fd, F_SETLK, &f), EAGAIN);
	write(p2c[1], "x", 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	/* The child's exit dropped its locks. */
	f = lk(F_WRLCK, 0, 0);
	UT_EXPECT_EQ(fcntl(fd, F_SETLK, &f), 0);
}

UTEST(posix_lock_errors_and_release_on_close)
{
	int fd = tmpfile_with("locks2", "abc"), ro, other;
	struct flock f = lk(F_WRLCK, 0, 0);
	pid_t pid;

	ro = open("locks2", O_RDONLY);
	UT_ASSERT(ro >= 0);
	UT_EXPECT_ERRNO(fcntl(ro, F_SETLK, &f), EBADF);
	f = lk(42, 0, 0);
	UT_EXPECT_ERRNO(fcntl(fd, F_SETLK, &f), EINVAL);
	f = lk(F_WRLCK, 0, 0);
	UT_EXPECT_ERRNO(fcntl(fd, F_SETLK, UT_KERNEL_PTR), EFAULT);
	UT_ASSERT_EQ(fcntl(fd, F_SETLK, &f), 0);
	/* Closing ANY fd of the file drops the process's locks. */
	other = open("locks2", O_RDONLY);
	close(other);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		struct flock g = lk(F_WRLCK, 0, 0);

		_exit(fcntl(fd, F_SETLK, &g) == 0 ? 0 : 1);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(ioctl_fionread_fionbio_fioclex)
{
	int p[2], n = -1, on = 1, fd = tmpfile_with("ioctl", "x");
	char b[8];

	UT_ASSERT_EQ(pipe(p), 0);
	UT_ASSERT_EQ(write(p[1], "12345", 5), 5);
	UT_ASSERT_EQ(ioctl(p[0], FIONREAD, &n), 0);
	UT_EXPECT_EQ(n, 5);
	UT_ASSERT_EQ(read(p[0], b, 5), 5);
	UT_ASSERT_EQ(ioctl(p[0], FIONBIO, &on), 0);
	UT_EXPECT(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	UT_EXPECT_ERRNO(read(p[0], b, 1), EAGAIN);
	on = 0;
	UT_ASSERT_EQ(ioctl(p[0], FIONBIO, &on), 0);
	UT_EXPECT(!(fcntl(p[0], F_GETFL) & O_NONBLOCK));
	UT_ASSERT_EQ(ioctl(p[0], FIOCLEX), 0);
	UT_EXPECT_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	UT_ASSERT_EQ(ioctl(p[0], FIONCLEX), 0);
	UT_EXPECT_EQ(fcntl(p[0], F_GETFD), 0);
	/* FIONREAD on a regular file: bytes after the offset. */
	UT_ASSERT_EQ(ioctl(fd, FIONREAD, &n), 0);
	UT_EXPECT_EQ(n, 1);
	UT_EXPECT_ERRNO(ioctl(fd, TCGETS, b), ENOTTY);
	UT_EXPECT_ERRNO(ioctl(-1, FIONREAD, &n), EBADF);
	UT_EXPECT_ERRNO(ioctl(p[0], FIONREAD, UT_KERNEL_PTR), EFAULT);
}

UTEST(rlimit_nofile_gives_emfile)
{
	struct rlimit rl = { 16, 16 };
	int fds[16], n = 0, p[2];

	UT_ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	for (;;) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd < 0)
			break;
		UT_ASSERT(n < 16);
		fds[n++] = fd;
	}
	UT_EXPECT_EQ(errno, EMFILE);
	UT_EXPECT(n >= 10); /* 0-2 and a few inherited ones are taken */
	UT_EXPECT_ERRNO(dup(0), EMFILE);
	UT_EXPECT_ERRNO(pipe(p), EMFILE);
	UT_EXPECT_ERRNO(fcntl(0, F_DUPFD, 0), EMFILE);
	UT_EXPECT_ERRNO(dup2(0, 16), EBADF); /* beyond the limit */
	close(fds[0]);
	UT_EXPECT(open("/dev/null", O_RDONLY) >= 0);
	/* One free slot: a pipe needs two. */
	close(fds[1]);
	UT_EXPECT_ERRNO(pipe(p), EMFILE);
	UT_EXPECT(open("/dev/null", O_RDONLY) >= 0);
}

UTEST(fd_table_grows_past_1024)
{
	struct rlimit rl = { 4096, 4096 };

	ut_require_root();
	UT_ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	UT_EXPECT_EQ(dup2(0, 3000), 3000);
	UT_EXPECT_EQ(fcntl(3000, F_GETFD), 0);
	UT_EXPECT_GE(fcntl(0, F_DUPFD, 2000), 2000);
	UT_EXPECT_EQ(close(3000), 0);
}

UTEST(close_range_closes_and_marks_cloexec)
{
	for (int i = 40; i <= 48; i++)
		UT_ASSERT_EQ(dup2(0, i), i);
	UT_ASSERT_EQ(syscall(SYS_close_range, 42, 44, 0), 0);
	UT_EXPECT_EQ(fcntl(41, F_GETFD), 0);
	UT_EXPECT_ERRNO(fcntl(42, F_GETFD), EBADF);
	UT_EXPECT_ERRNO(fcntl(44, F_GETFD), EBADF);
	UT_EXPECT_EQ(fcntl(45, F_GETFD), 0);
	UT_ASSERT_EQ(syscall(SYS_close_range, 45, 46, CLOSE_RANGE_CLOEXEC), 0);
	UT_EXPECT_EQ(fcntl(45, F_GETFD), FD_CLOEXEC);
	UT_EXPECT_EQ(fcntl(47, F_GETFD), 0);
	UT_EXPECT_ERRNO(syscall(SYS_close_range, 10, 5, 0), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_close_range, 10, 20, 0x40), EINVAL);
	/* Up to ~0U closes everything above. */
	UT_ASSERT_EQ(syscall(SYS_close_range, 47, ~0U, 0), 0);
	UT_EXPECT_ERRNO(fcntl(48, F_GETFD), EBADF);
}

UTEST(fork_shares_open_file_offsets)
{
	int fd = tmpfile_with("shared-off", "abcdef");
	char b;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0)
		_exit(read(fd, &b, 2) == 2 ? 0 : 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	UT_ASSERT_EQ(read(fd, &b, 1), 1);
	UT_EXPECT_EQ(b, 'c');
}

UTEST(sendfile_copies_between_files)
{
	int in = tmpfile_with("sf-in", "0123456789");
	int out = open("sf-out", O_RDWR | O_CREAT | O_TRUNC, 0644);
	off_t off = 2;
	char buf[16];
	int p[2];

	UT_ASSERT(out >= 0);
	UT_EXPECT_EQ(sendfile(out, in, &off, 5), 5);
	UT_EXPECT_EQ(off, 7);
	UT_EXPECT_EQ(lseek(in, 0, SEEK_CUR), 0); /* offset given: kept */
	UT_ASSERT_EQ(pread(out, buf, 5, 0), 5);
	UT_EXPECT_EQ(memcmp(buf, "23456", 5), 0);
	/* Without an offset pointer the file position moves. */
	UT_EXPECT_EQ(sendfile(out, in, NULL, 3), 3);
	UT_EXPECT_EQ(lseek(in, 0, SEEK_CUR), 3);
	UT_ASSERT_EQ(pipe(p), 0);
	UT_EXPECT_EQ(sendfile(p[1], in, NULL, 100), 7);
	UT_EXPECT_EQ(read(p[0], buf, 16), 7);
	UT_EXPECT_ERRNO(sendfile(out, -1, NULL, 1), EBADF);
}

static const struct utest tests[] = {
	UTEST_CASE(dup_takes_lowest_free_fd_and_shares_offset),
	UTEST_CASE(dup2_and_dup3),
	UTEST_CASE(fcntl_dupfd_fd_flags_and_status_flags),
	UTEST_CASE(posix_locks_between_processes),
	UTEST_CASE(posix_lock_errors_and_release_on_close),
	UTEST_CASE(ioctl_fionread_fionbio_fioclex),
	UTEST_CASE(rlimit_nofile_gives_emfile),
	UTEST_CASE(fd_table_grows_past_1024),
	UTEST_CASE(close_range_closes_and_marks_cloexec),
	UTEST_CASE(fork_shares_open_file_offsets),
	UTEST_CASE(sendfile_copies_between_files),
};

int main(void)
{
	int ret;

	ut_workdir("fsfd");
	ret = utest_main("fs_fd", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
