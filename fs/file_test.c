/*
 * ktest "fdtable": descriptor allocation (lowest free, growth past the
 * embedded table, EMFILE at RLIMIT_NOFILE), dup/dup3/F_DUPFD,
 * close-on-exec, close_range, fork's copy of the table, fcntl flags.
 */
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include "vfs_test.h"

static struct signal_struct *saved_signal;
static struct signal_struct test_signal;

static int fdtable_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void fdtable_exit(struct ktest *test)
{
	if (saved_signal) {
		current->signal = saved_signal == (void *)1 ? NULL :
							      saved_signal;
		saved_signal = NULL;
	}
	vfs_test_exit(test);
}

/* Give the test thread an RLIMIT_NOFILE (kernel threads have none). */
static void set_nofile(unsigned long lim)
{
	if (!saved_signal)
		saved_signal = current->signal ? current->signal : (void *)1;
	memset(&test_signal, 0, sizeof(test_signal));
	test_signal.rlim[RLIMIT_NOFILE].rlim_cur = lim;
	test_signal.rlim[RLIMIT_NOFILE].rlim_max = lim;
	test_signal.rlim[RLIMIT_FSIZE].rlim_cur = RLIM_INFINITY;
	test_signal.rlim[RLIMIT_FSIZE].rlim_max = RLIM_INFINITY;
	current->signal = &test_signal;
}

static void fdtable_test_lowest_free(struct ktest *test)
{
	int a, b, c;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	a = t_open("f", O_RDONLY, 0);
	b = t_open("f", O_RDONLY, 0);
	c = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, a, 0);
	KTEST_EXPECT_EQ(test, b, a + 1);
	KTEST_EXPECT_EQ(test, c, a + 2);
	KTEST_EXPECT_EQ(test, t_close(b), 0);
	KTEST_EXPECT_EQ(test, t_close(b), -EBADF);
	KTEST_EXPECT_EQ(test, t_open("f", O_RDONLY, 0), b);
	KTEST_EXPECT_EQ(test, ksys_dup(a), c + 1);
	KTEST_EXPECT_EQ(test, ksys_dup(999), -EBADF);
	__close_range(a, c + 1, 0);
	KTEST_EXPECT_EQ(test, t_close(a), -EBADF);
	KTEST_EXPECT_EQ(test, t_close(c + 1), -EBADF);
}

static void fdtable_test_emfile(struct ktest *test)
{
	int fds[8], i, n = 0;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	set_nofile(8);
	for (i = 0; i < 8; i++) {
		fds[i] = t_open("f", O_RDONLY, 0);
		if (fds[i] >= 0)
			n++;
	}
	KTEST_EXPECT_EQ(test, n, 8);
	/* The table is full up to the limit now. */
	KTEST_EXPECT_EQ(test, files_nr_open(current->files), 8);
	KTEST_EXPECT_EQ(test, t_open("f", O_RDONLY, 0), -EMFILE);
	KTEST_EXPECT_EQ(test, ksys_dup(fds[0]), -EMFILE);
	KTEST_EXPECT_EQ(test, ksys_dup3(fds[0], 8, 0), -EBADF);
	{
		struct file *f = fget(fds[0]);

		KTEST_ASSERT_NOT_NULL(test, f);
		KTEST_EXPECT_EQ(test, f_dupfd(8, f, 0), -EINVAL);
		KTEST_EXPECT_EQ(test, f_dupfd(0, f, 0), -EMFILE);
		fput(f);
	}
	t_close(fds[3]);
	KTEST_EXPECT_EQ(test, t_open("f", O_RDONLY, 0), fds[3]);
}

static void fdtable_test_grows(struct ktest *test)
{
	int fd, first = -1, last = -1, i;
	struct fdtable *fdt;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	set_nofile(1000);
	for (i = 0; i < 200; i++) {
		fd = t_open("f", O_RDONLY, 0);
		KTEST_ASSERT_GE(test, fd, 0);
		if (first < 0)
			first = fd;
		last = fd;
	}
	KTEST_EXPECT_EQ(test, last - first, 199);
	fdt = files_fdtable(current->files);
	KTEST_EXPECT_GE(test, fdt->max_fds, 201);
	KTEST_EXPECT_NE(test, (long)fdt, (long)&current->files->fdtab);
	/* dup2 far above the table grows it too. */
	KTEST_EXPECT_EQ(test, ksys_dup3(first, 700, 0), 700);
	KTEST_EXPECT_GE(test, files_fdtable(current->files)->max_fds, 701);
	/* A copy for fork holds the same files. */
	{
		struct files_struct *copy;
		int err;

		copy = dup_fd(current->files, &err);
		KTEST_ASSERT_NOT_NULL(test, copy);
		KTEST_EXPECT_EQ(test, files_nr_open(copy),
				files_nr_open(current->files));
		put_files_struct(copy);
	}
	KTEST_EXPECT_EQ(test, __close_range(0, ~0U, 0), 0);
	KTEST_EXPECT_EQ(test, files_nr_open(current->files), 0);
}

static void fdtable_test_cloexec(struct ktest *test)
{
	struct file *f;
	int a, b, c, d;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	a = t_open("f", O_RDONLY | O_CLOEXEC, 0);
	b = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, a, 0);
	KTEST_ASSERT_GE(test, b, 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(a));
	KTEST_EXPECT_FALSE(test, get_close_on_exec(b));
	f = fget(b);
	KTEST_ASSERT_NOT_NULL(test, f);
	KTEST_EXPECT_EQ(test, do_fcntl(b, F_GETFD, 0, f), 0);
	KTEST_EXPECT_EQ(test, do_fcntl(b, F_SETFD, FD_CLOEXEC, f), 0);
	KTEST_EXPECT_EQ(test, do_fcntl(b, F_GETFD, 0, f), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, do_fcntl(b, F_SETFD, 0, f), 0);
	c = do_fcntl(b, F_DUPFD_CLOEXEC, 10, f);
	KTEST_EXPECT_EQ(test, c, 10);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(c));
	d = do_fcntl(b, F_DUPFD, 10, f);
	KTEST_EXPECT_EQ(test, d, 11);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(d));
	/* dup3 takes O_CLOEXEC and nothing else; never oldfd == newfd. */
	KTEST_EXPECT_EQ(test, ksys_dup3(b, 20, O_CLOEXEC), 20);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(20));
	KTEST_EXPECT_EQ(test, ksys_dup3(b, 20, O_APPEND), -EINVAL);
	KTEST_EXPECT_EQ(test, ksys_dup3(b, b, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, ksys_dup3(999, 21, 0), -EBADF);
	/* dup2 over an open fd closes it and clears its FD_CLOEXEC. */
	KTEST_EXPECT_EQ(test, ksys_dup3(b, a, 0), a);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(a));
	fput(f);
	/* exec closes exactly the FD_CLOEXEC ones. */
	do_close_on_exec(current->files);
	KTEST_EXPECT_EQ(test, t_close(c), -EBADF);
	KTEST_EXPECT_EQ(test, t_close(20), -EBADF);
	KTEST_EXPECT_EQ(test, t_close(a), 0);
	KTEST_EXPECT_EQ(test, t_close(b), 0);
	KTEST_EXPECT_EQ(test, t_close(d), 0);
	/* close_range can set FD_CLOEXEC instead of closing. */
	a = t_open("f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, __close_range(a, a, CLOSE_RANGE_CLOEXEC), 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(a));
	KTEST_EXPECT_EQ(test, __close_range(a, a, 0x80), -EINVAL);
	KTEST_EXPECT_EQ(test, __close_range(a + 1, a, 0), -EINVAL);
	t_close(a);
}

static void fdtable_test_status_flags(struct ktest *test)
{
	struct file *f;
	int fd;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	fd = t_open("f", O_WRONLY | O_CREAT, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	f = fget(fd);
	KTEST_ASSERT_NOT_NULL(test, f);
	/* The creation flags are gone; the access mode stays. */
	KTEST_EXPECT_EQ(test,
			do_fcntl(fd, F_GETFL, 0, f) & (O_ACCMODE | O_CREAT),
			O_WRONLY);
	KTEST_EXPECT_EQ(
		test, do_fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDWR, f),
		0);
	KTEST_EXPECT_EQ(test,
			do_fcntl(fd, F_GETFL, 0, f) &
				(O_ACCMODE | O_APPEND | O_NONBLOCK),
			O_WRONLY | O_APPEND | O_NONBLOCK);
	KTEST_EXPECT_EQ(test, t_write(fd, "y", 1), 1);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_CUR), 2);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_SETFL, 0, f), 0);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_GETFL, 0, f) & O_APPEND, 0);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_SETPIPE_SZ, 4096, f), -EBADF);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, 9999, 0, f), -EINVAL);
	fput(f);
	t_close(fd);
}

static struct ktest_case fdtable_test_cases[] = {
	KTEST_CASE(fdtable_test_lowest_free),  KTEST_CASE(fdtable_test_emfile),
	KTEST_CASE(fdtable_test_grows),	       KTEST_CASE(fdtable_test_cloexec),
	KTEST_CASE(fdtable_test_status_flags), {}
};

static struct ktest_suite fdtable_test_suite = {
	.name = "fdtable",
	.init = fdtable_init,
	.exit = fdtable_exit,
	.test_cases = fdtable_test_cases,
};
ktest_suite(fdtable_test_suite);
