/*
 * ktest "pipe": pipe/pipe2 through the syscall table with user memory,
 * FIFOs on tmpfs, F_GETPIPE_SZ/F_SETPIPE_SZ, packet mode, and PIPE_BUF
 * atomicity between writer threads on (with -smp 2) two CPUs.
 */
#include <linux/eventpoll.h>
#include <linux/sysctl.h>
#include <linux/vmalloc.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/linux/limits.h>
#include "pipe_test.h"

static int pipe_init(struct ktest *test)
{
	return pipe_test_enter(test);
}

static void pipe_exit(struct ktest *test)
{
	pipe_test_leave(test);
}

/* User memory: the fd pair at +0, an int at +64, a buffer at +PAGE_SIZE. */
struct pt_mem {
	int __user *fds;
	int __user *val;
	char __user *buf;
};

static struct pt_mem pt_map(struct ktest *test, unsigned int pages)
{
	char __user *u = ktest_user_map(test, pages);

	return (struct pt_mem){ .fds = (int __user *)u,
				.val = (int __user *)(u + 64),
				.buf = u + PAGE_SIZE };
}

static void pipe_test_write_then_read(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	char out[16] = { 0 };
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	KTEST_EXPECT_NE(test, fds[0], fds[1]);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "hello", 5), 5);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(ioctl, fds[0], FIONREAD, m.val, 0),
			0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_user_kaddr(m.val), 5);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, sizeof(out)), 5);
	KTEST_EXPECT_MEMEQ(test, out, "hello", 5);
	/* Writing to the read end and reading the write end: EBADF. */
	KTEST_EXPECT_EQ(test, pt_write(fds[0], m.buf, "x", 1), -EBADF);
	KTEST_EXPECT_EQ(test, pt_read(fds[1], m.buf, NULL, 1), -EBADF);
	/* A pipe has no position. */
	KTEST_EXPECT_EQ(test, t_lseek(fds[0], 0, SEEK_SET), -ESPIPE);
	/* No writer left: end of file. */
	KTEST_EXPECT_EQ(test, pt_close(fds[1]), 0);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 4), 0);
	KTEST_EXPECT_EQ(test, pt_close(fds[0]), 0);
	ktest_user_unmap(test);
}

static void pipe_test_old_pipe_syscall(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 1);
	int *k = ktest_user_kaddr(m.fds);

	KTEST_ASSERT_EQ(test, KTEST_SYSCALL(pipe, m.fds, 0, 0, 0), 0);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(k[0]));
	KTEST_EXPECT_EQ(test, pt_close(k[0]), 0);
	KTEST_EXPECT_EQ(test, pt_close(k[1]), 0);
	ktest_user_unmap(test);
}

static void pipe_test_flags(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	int fds[2];

	KTEST_EXPECT_EQ(test, pt_pipe2(m.fds, O_EXCL, fds), -EINVAL);
	KTEST_EXPECT_EQ(test, pt_pipe2(m.fds, O_APPEND, fds), -EINVAL);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_CLOEXEC | O_NONBLOCK, fds), 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(fds[0]));
	KTEST_EXPECT_TRUE(test, get_close_on_exec(fds[1]));
	KTEST_EXPECT_TRUE(test, KTEST_SYSCALL(fcntl, fds[0], F_GETFL, 0, 0) &
					O_NONBLOCK);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fds[1], F_GETFL, 0, 0),
			O_WRONLY | O_NONBLOCK);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 8), -EAGAIN);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* A bad fd array leaves no descriptor behind. */
static void pipe_test_efault_closes_fds(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 1);
	int before = files_nr_open(current->files);
	int fds[2], first;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	first = fds[0];
	pt_close(fds[0]);
	pt_close(fds[1]);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(pipe2, BAD_UPTR, 0, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(pipe2, NULL, 0, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, files_nr_open(current->files), before);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	KTEST_EXPECT_EQ(test, fds[0], first);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void pipe_test_bad_user_buffer(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_NONBLOCK, fds), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], BAD_UPTR, 8, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "abc", 3), 3);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(read, fds[0], BAD_UPTR, 8, 0),
			-EFAULT);
	/* The failed read consumed nothing. */
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 8), 3);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void pipe_test_epipe_sends_sigpipe(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	int fds[2];

	pt_set_handler(SIGPIPE);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "abc", 3), 3);
	pt_close(fds[0]);
	KTEST_EXPECT_FALSE(test, pt_sig_pending(SIGPIPE));
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "abc", 3), -EPIPE);
	KTEST_EXPECT_TRUE(test, pt_sig_pending(SIGPIPE));
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[1]) & (EPOLLERR | EPOLLOUT),
			EPOLLERR | EPOLLOUT);
	flush_signals(current);
	/* A write of nothing is not a write: no EPIPE. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, 0, 0), 0);
	KTEST_EXPECT_FALSE(test, pt_sig_pending(SIGPIPE));
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/*
 * Fill a non-blocking pipe page by page: 16 pages fit, then EAGAIN.
 * A write of at most PIPE_BUF never goes in partly.
 *
 *	[P0 P1 ... P15]  full: 1 byte -> EAGAIN; 4096 -> EAGAIN
 *	read 1 byte: [P0' P1 ... P15]  still 16 slots: EAGAIN again
 *	read 4095:   [P1 ... P15 .]    8192 -> 4096 written (not atomic)
 */
static void pipe_test_nonblocking_full(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 4);
	long n, total = 0;
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_NONBLOCK, fds), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fds[0], F_GETPIPE_SZ, 0, 0),
			PIPE_DEF_BUFFERS * PAGE_SIZE);
	while ((n = KTEST_SYSCALL(write, fds[1], m.buf, PAGE_SIZE, 0)) > 0)
		total += n;
	KTEST_EXPECT_EQ(test, n, -EAGAIN);
	KTEST_EXPECT_EQ(test, total, PIPE_DEF_BUFFERS * PAGE_SIZE);
	KTEST_EXPECT_FALSE(test, pt_poll_fd(fds[1]) & EPOLLOUT);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, 1, 0),
			-EAGAIN);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 1), 1);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, PIPE_BUF, 0),
			-EAGAIN);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, PAGE_SIZE - 1),
			PAGE_SIZE - 1);
	KTEST_EXPECT_TRUE(test, pt_poll_fd(fds[1]) & EPOLLOUT);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(write, fds[1], m.buf, 2 * PAGE_SIZE, 0),
			PAGE_SIZE);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* Small writes share a page; the pipe holds 16 pages of them. */
static void pipe_test_small_writes_merge(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	char out[8];
	int fds[2], i;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_NONBLOCK, fds), 0);
	for (i = 0; i < 1000; i++)
		KTEST_ASSERT_EQ(test, pt_write(fds[1], m.buf, "0123456789", 10),
				10);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(ioctl, fds[0], FIONREAD, m.val, 0),
			0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_user_kaddr(m.val), 10000);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, 7), 7);
	KTEST_EXPECT_MEMEQ(test, out, "0123456", 7);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, 5), 5);
	KTEST_EXPECT_MEMEQ(test, out, "78901", 5);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void pipe_test_setpipe_sz(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	char out[4];
	int fds[2], fd;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_NONBLOCK, fds), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, 0, 0),
			PAGE_SIZE);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fds[0], F_GETPIPE_SZ, 0, 0),
			PAGE_SIZE);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, 5000, 0),
			2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      pipe_max_size, 0),
			pipe_max_size);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      (1UL << 31) + 1, 0),
			-EINVAL);
	/* Data survives a resize; the ring cannot shrink below it. */
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, 16384, 0),
			16384);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "abc", 3), 3);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, PAGE_SIZE, 0),
			PAGE_SIZE);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, PAGE_SIZE, 0),
		-EBUSY);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, 8192, 0),
			8192);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, 3), 3);
	KTEST_EXPECT_MEMEQ(test, out, "abc", 3);
	/* Only pipes have a size. */
	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	fd = t_open("f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fd, F_GETPIPE_SZ, 0, 0),
			-EBADF);
	t_close(fd);
	/* Above pipe-max-size needs CAP_SYS_RESOURCE. */
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      2 * pipe_max_size, 0),
			2 * pipe_max_size);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, 8192, 0),
			8192);
	vfs_test_become_user(test);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      2 * pipe_max_size, 0),
			-EPERM);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      pipe_max_size, 0),
			pipe_max_size);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void pipe_test_round_pipe_size(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, round_pipe_size(0), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, round_pipe_size(1), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, round_pipe_size(4097), 8192);
	KTEST_EXPECT_EQ(test, round_pipe_size(65536), 65536);
	KTEST_EXPECT_EQ(test, round_pipe_size(1UL << 31), 1UL << 31);
	KTEST_EXPECT_EQ(test, round_pipe_size((1UL << 31) + 1), 0);
}

static int pipe_sysctl_write(const char *text)
{
	struct ctl_table t = { .procname = "pipe-max-size", .mode = 0644 };
	char buf[32];
	size_t len = strlen(text);
	loff_t pos = 0;

	strscpy(buf, text, sizeof(buf));
	return proc_dopipe_max_size(&t, 1, buf, &len, &pos);
}

/* /proc/sys/fs/pipe-max-size rounds as F_SETPIPE_SZ does. */
static void pipe_test_max_size_sysctl(struct ktest *test)
{
	unsigned int saved = pipe_max_size;

	KTEST_EXPECT_EQ(test, pipe_sysctl_write("5000"), 0);
	KTEST_EXPECT_EQ(test, pipe_max_size, 8192);
	KTEST_EXPECT_EQ(test, pipe_sysctl_write("3000000000"), -EINVAL);
	KTEST_EXPECT_EQ(test, pipe_max_size, 8192);
	KTEST_EXPECT_EQ(test, pipe_sysctl_write("abc"), -EINVAL);
	pipe_max_size = saved;
}

/* O_DIRECT: one write is one message; a short read drops the rest. */
static void pipe_test_packet_mode(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	char out[16] = { 0 };
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, O_DIRECT | O_NONBLOCK, fds), 0);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "abc", 3), 3);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "defg", 4), 4);
	KTEST_EXPECT_EQ(test, pt_write(fds[1], m.buf, "hi", 2), 2);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, sizeof(out)), 3);
	KTEST_EXPECT_MEMEQ(test, out, "abc", 3);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, 2), 2);
	KTEST_EXPECT_MEMEQ(test, out, "de", 2);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, sizeof(out)), 2);
	KTEST_EXPECT_MEMEQ(test, out, "hi", 2);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, out, sizeof(out)),
			-EAGAIN);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void pipe_test_poll_events(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	int fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[0]), 0);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[1]), EPOLLOUT | EPOLLWRNORM);
	pt_write(fds[1], m.buf, "z", 1);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[0]), EPOLLIN | EPOLLRDNORM);
	pt_close(fds[1]);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[0]),
			EPOLLIN | EPOLLRDNORM | EPOLLHUP);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 1), 1);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fds[0]), EPOLLHUP);
	pt_close(fds[0]);
	ktest_user_unmap(test);
}

/* A pending signal ends a blocking read or write with -ERESTARTSYS. */
static void pipe_test_signal_interrupts(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 4);
	int fds[2];

	pt_set_handler(SIGUSR1);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 8), -ERESTARTSYS);
	/* Fill a one-page pipe: a blocking write is interrupted too. */
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ, PAGE_SIZE, 0),
		PAGE_SIZE);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, PAGE_SIZE, 0),
			PAGE_SIZE);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(write, fds[1], m.buf, 16, 0),
			-ERESTARTSYS);
	/*
	 * Two slots, one free: a three-page write puts one page in, then
	 * finds the pipe full with the signal pending and returns the count.
	 */
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(fcntl, fds[1], F_SETPIPE_SZ,
				      2 * PAGE_SIZE, 0),
			2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(write, fds[1], m.buf, 3 * PAGE_SIZE, 0),
			PAGE_SIZE);
	KTEST_EXPECT_TRUE(test, pt_sig_pending(SIGUSR1));
	flush_signals(current);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* -- FIFOs ---------------------------------------------------------- */

static int t_mkfifo(const char *path)
{
	return do_mknodat(AT_FDCWD, getname_kernel(path), S_IFIFO | 0600, 0);
}

static int fifo_open_writer(void *arg)
{
	struct file *f = filp_open("/ktest-vfs/fifo", O_WRONLY, 0);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, "ping", 4, NULL);
	fput(f);
	return n;
}

static void pipe_test_fifo_open_rules(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	struct kstat st;
	int r, w, rw;

	KTEST_ASSERT_EQ(test, t_mkfifo("fifo"), 0);
	KTEST_ASSERT_EQ(test, t_stat("fifo", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISFIFO(st.mode));
	/* No reader: a non-blocking writer gets ENXIO. */
	KTEST_EXPECT_EQ(test, t_open("fifo", O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	/* A non-blocking reader opens at once and sees no hang-up yet. */
	r = t_open("fifo", O_RDONLY | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(test, r, 0);
	KTEST_EXPECT_EQ(test, pt_poll_fd(r), 0);
	KTEST_EXPECT_EQ(test, pt_read(r, m.buf, NULL, 4), 0);
	/* Now there is a reader: the writer opens. */
	w = t_open("fifo", O_WRONLY | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(test, w, 0);
	KTEST_EXPECT_EQ(test, pt_write(w, m.buf, "data", 4), 4);
	KTEST_EXPECT_EQ(test, pt_read(r, m.buf, NULL, 8), 4);
	KTEST_EXPECT_EQ(test, pt_read(r, m.buf, NULL, 8), -EAGAIN);
	KTEST_EXPECT_EQ(test, t_lseek(r, 0, SEEK_SET), -ESPIPE);
	t_close(w);
	/* The writer came and went: now it is a hang-up. */
	KTEST_EXPECT_EQ(test, pt_poll_fd(r) & EPOLLHUP, EPOLLHUP);
	t_close(r);
	/* O_RDWR never waits, and holds both ends. */
	rw = t_open("fifo", O_RDWR, 0);
	KTEST_ASSERT_GE(test, rw, 0);
	KTEST_EXPECT_EQ(test, pt_write(rw, m.buf, "x", 1), 1);
	KTEST_EXPECT_EQ(test, pt_read(rw, m.buf, NULL, 4), 1);
	t_close(rw);
	KTEST_EXPECT_EQ(test, t_unlink("fifo"), 0);
	ktest_user_unmap(test);
}

/* A blocking O_RDONLY open waits for a writer (a helper thread). */
static void pipe_test_fifo_open_waits_for_writer(struct ktest *test)
{
	struct pt_mem m = pt_map(test, 2);
	struct pt_helper h;
	struct task_struct *k;
	ktime_t start;
	char out[8];
	int r;

	KTEST_ASSERT_EQ(test, t_mkfifo("fifo"), 0);
	start = ktime_get();
	k = pt_helper_start(&h, fifo_open_writer, NULL, 30);
	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	r = t_open("fifo", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, r, 0);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 20);
	KTEST_EXPECT_EQ(test, pt_read(r, m.buf, out, sizeof(out)), 4);
	KTEST_EXPECT_MEMEQ(test, out, "ping", 4);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 4);
	/* The writer closed: end of file. */
	KTEST_EXPECT_EQ(test, pt_read(r, m.buf, out, sizeof(out)), 0);
	t_close(r);
	t_unlink("fifo");
	ktest_user_unmap(test);
}

/* -- threads -------------------------------------------------------- */

struct pt_writer {
	struct file *file;
	char letter;
	size_t rec; /* bytes per write() */
	int count; /* writes */
};

static int pt_writer_fn(void *arg)
{
	struct pt_writer *w = arg;
	char *buf = kmalloc(w->rec, GFP_KERNEL);
	int i, err = 0;

	if (!buf)
		return -ENOMEM;
	memset(buf, w->letter, w->rec);
	for (i = 0; i < w->count && !err; i++)
		if (kernel_write(w->file, buf, w->rec, NULL) != w->rec)
			err = -EIO;
	kfree(buf);
	fput(w->file);
	return err;
}

/*
 * Two writers on (with -smp 2) two CPUs write records of @rec bytes,
 * each filled with its letter, through a 64 KiB pipe while we read in
 * pieces of another size.  Atomic writes mean every record-aligned
 * chunk of the stream holds one letter.
 */
static void pipe_atomic_run(struct ktest *test, size_t rec, int count)
{
	struct pt_writer wa = { .letter = 'A', .rec = rec, .count = count };
	struct pt_writer wb = { .letter = 'B', .rec = rec, .count = count };
	size_t total = 0, off = 0, per[2] = { 0, 0 };
	struct pt_helper ha, hb;
	struct task_struct *ka, *kb;
	struct file *files[2];
	char *buf, letter = 0;
	bool mixed = false;
	ssize_t n;

	buf = kmalloc(3000, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, create_pipe_files(files, 0), 0);
	wa.file = get_file(files[1]);
	wb.file = get_file(files[1]);
	fput(files[1]); /* EOF once both writers are done */
	ka = pt_helper_start(&ha, pt_writer_fn, &wa, 0);
	kb = pt_helper_start(&hb, pt_writer_fn, &wb, 0);
	while ((n = kernel_read(files[0], buf, 3000, NULL)) > 0) {
		ssize_t i;

		for (i = 0; i < n; i++, off = (off + 1) % rec) {
			if (!off)
				letter = buf[i];
			else if (buf[i] != letter)
				mixed = true;
			if (buf[i] == 'A' || buf[i] == 'B')
				per[buf[i] - 'A']++;
		}
		total += n;
	}
	KTEST_EXPECT_EQ(test, n, 0);
	KTEST_EXPECT_FALSE(test, mixed);
	KTEST_EXPECT_EQ(test, total, 2 * rec * count);
	KTEST_EXPECT_EQ(test, per[0], rec * count);
	KTEST_EXPECT_EQ(test, per[1], rec * count);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&ha, ka), 0);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&hb, kb), 0);
	fput(files[0]);
	kfree(buf);
}

static void pipe_test_atomic_small_records(struct ktest *test)
{
	pipe_atomic_run(test, 1000, 300);
}

static void pipe_test_atomic_pipe_buf_records(struct ktest *test)
{
	pipe_atomic_run(test, PIPE_BUF, 100);
}

struct pt_big_writer {
	struct file *file;
	u8 *data;
	size_t len;
};

static int pt_big_writer_fn(void *arg)
{
	struct pt_big_writer *w = arg;
	ssize_t n = kernel_write(w->file, w->data, w->len, NULL);

	fput(w->file);
	return n == w->len ? 0 : -EIO;
}

/* One write much larger than the pipe arrives whole and in order. */
static void pipe_test_large_write_blocks_and_completes(struct ktest *test)
{
	size_t len = 3 * 65536 + 123, got = 0, i;
	struct pt_big_writer w;
	struct file *files[2];
	struct pt_helper h;
	struct task_struct *k;
	bool same = true;
	u8 *in;
	ssize_t n;

	w.data = vmalloc(len);
	in = vmalloc(len);
	KTEST_ASSERT_TRUE(test, w.data && in);
	for (i = 0; i < len; i++)
		w.data[i] = (i * 7) % 251;
	KTEST_ASSERT_EQ(test, create_pipe_files(files, 0), 0);
	w.file = files[1];
	w.len = len;
	k = pt_helper_start(&h, pt_big_writer_fn, &w, 0);
	while (got < len &&
	       (n = kernel_read(files[0], in + got, 5000, NULL)) > 0)
		got += n;
	KTEST_EXPECT_EQ(test, got, len);
	for (i = 0; i < len && same; i++)
		same = in[i] == w.data[i];
	KTEST_EXPECT_TRUE(test, same);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 0);
	KTEST_EXPECT_EQ(test, kernel_read(files[0], in, 10, NULL), 0);
	fput(files[0]);
	vfree(in);
	vfree(w.data);
}

static int pt_close_file_fn(void *arg)
{
	fput(arg);
	return 0;
}

/* A reader asleep on an empty pipe wakes with EOF when the writer goes. */
static void pipe_test_blocked_reader_sees_eof(struct ktest *test)
{
	struct file *files[2];
	struct pt_helper h;
	struct task_struct *k;
	ktime_t start = ktime_get();
	char c;

	KTEST_ASSERT_EQ(test, create_pipe_files(files, 0), 0);
	k = pt_helper_start(&h, pt_close_file_fn, files[1], 30);
	KTEST_EXPECT_EQ(test, kernel_read(files[0], &c, 1, NULL), 0);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 20);
	pt_helper_stop(&h, k);
	fput(files[0]);
}

static struct ktest_case pipe_test_cases[] = {
	KTEST_CASE(pipe_test_write_then_read),
	KTEST_CASE(pipe_test_old_pipe_syscall),
	KTEST_CASE(pipe_test_flags),
	KTEST_CASE(pipe_test_efault_closes_fds),
	KTEST_CASE(pipe_test_bad_user_buffer),
	KTEST_CASE(pipe_test_epipe_sends_sigpipe),
	KTEST_CASE(pipe_test_nonblocking_full),
	KTEST_CASE(pipe_test_small_writes_merge),
	KTEST_CASE(pipe_test_setpipe_sz),
	KTEST_CASE(pipe_test_round_pipe_size),
	KTEST_CASE(pipe_test_max_size_sysctl),
	KTEST_CASE(pipe_test_packet_mode),
	KTEST_CASE(pipe_test_poll_events),
	KTEST_CASE(pipe_test_signal_interrupts),
	KTEST_CASE(pipe_test_fifo_open_rules),
	KTEST_CASE(pipe_test_fifo_open_waits_for_writer),
	KTEST_CASE(pipe_test_atomic_small_records),
	KTEST_CASE(pipe_test_atomic_pipe_buf_records),
	KTEST_CASE(pipe_test_large_write_blocks_and_completes),
	KTEST_CASE(pipe_test_blocked_reader_sees_eof),
	{}
};

static struct ktest_suite pipe_test_suite = {
	.name = "pipe",
	.init = pipe_init,
	.exit = pipe_exit,
	.test_cases = pipe_test_cases,
};
ktest_suite(pipe_test_suite);
