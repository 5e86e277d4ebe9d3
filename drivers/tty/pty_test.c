/*
 * ktests of Unix98 ptys: /dev/ptmx, locking, data both ways through
 * both line disciplines, flow control, and hangup when a side closes.
 */
#include <ktest/test.h>
#include <linux/devpts_fs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/workqueue.h>

#include "../char/ktest_util.h"

#define PTMX MKDEV(5, 2)

static struct file *pfiles[4];
static char __user *ubuf;
static int __user *uint;

static int pty_suite_init(struct ktest *test)
{
	ubuf = ktest_dev_user_map(test);
	uint = (int __user *)(ubuf + 3 * PAGE_SIZE);
	return 0;
}

static void pty_suite_exit(struct ktest *test)
{
	for (int i = ARRAY_SIZE(pfiles) - 1; i >= 0; i--) {
		ktest_chrdev_close(pfiles[i]);
		pfiles[i] = NULL;
	}
	flush_workqueue(system_wq); /* the pairs' last references */
	ktest_dev_user_unmap();
}

static struct file *popen(dev_t dev, unsigned int flags)
{
	struct file *f = ktest_chrdev_open(dev, flags);

	for (unsigned int i = 0; i < ARRAY_SIZE(pfiles); i++) {
		if (!pfiles[i] && !IS_ERR(f)) {
			pfiles[i] = f;
			break;
		}
	}
	return f;
}

static void pclose(struct file *f)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(pfiles); i++)
		if (pfiles[i] == f)
			pfiles[i] = NULL;
	ktest_chrdev_close(f);
}

static ssize_t pread(struct file *f, size_t n)
{
	loff_t pos = 0;

	return f->f_op->read(f, ubuf, n, &pos);
}

static ssize_t pwrite(struct file *f, const char *s, size_t n)
{
	loff_t pos = 0;

	memcpy(ktest_dev_user_kaddr(ubuf + PAGE_SIZE), s, n);
	return f->f_op->write(f, ubuf + PAGE_SIZE, n, &pos);
}

static long pioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return f->f_op->unlocked_ioctl(f, cmd, arg);
}

/* Let the flip workers deliver what was written. */
static void settle(struct file *a, struct file *b)
{
	for (int i = 0; i < 3; i++) {
		tty_buffer_flush_work(file_tty(a)->port);
		tty_buffer_flush_work(file_tty(b)->port);
	}
}

/* Open a pair and unlock it; returns the slave, *m the master. */
static struct file *open_pair(struct ktest *test, struct file **m,
			      unsigned int sflags)
{
	unsigned int *n;
	struct file *s;

	*m = popen(PTMX, O_RDWR | O_NONBLOCK);
	if (IS_ERR(*m))
		return *m;
	n = ktest_dev_user_kaddr(uint);
	KTEST_EXPECT_EQ(test, pioctl(*m, TIOCGPTN, (unsigned long)uint), 0);
	/* Locked: the slave cannot be opened yet. */
	s = ktest_chrdev_open(MKDEV(UNIX98_PTY_SLAVE_MAJOR, *n), O_RDWR);
	KTEST_EXPECT_EQ(test, PTR_ERR(s), -EIO);
	if (!IS_ERR(s))
		ktest_chrdev_close(s);
	KTEST_EXPECT_EQ(test, pioctl(*m, TIOCGPTLCK, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_dev_user_kaddr(uint), 1);
	*(int *)ktest_dev_user_kaddr(uint) = 0;
	KTEST_EXPECT_EQ(test, pioctl(*m, TIOCSPTLCK, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, pioctl(*m, TIOCGPTN, (unsigned long)uint), 0);
	return popen(MKDEV(UNIX98_PTY_SLAVE_MAJOR, *n), sflags);
}

static void pty_test_data_both_ways(struct ktest *test)
{
	struct file *m, *s;

	if (!ubuf)
		return;
	s = open_pair(test, &m, O_RDWR | O_NOCTTY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(m));
	KTEST_ASSERT_FALSE(test, IS_ERR(s));
	KTEST_EXPECT_EQ(test, file_tty(m)->link, file_tty(s));

	/* Master to slave: cooked by the slave's N_TTY, echoed back. */
	KTEST_EXPECT_EQ(test, pwrite(m, "hello\r", 6), 6);
	settle(m, s);
	KTEST_EXPECT_EQ(test, pread(s, 100), 6);
	KTEST_EXPECT_MEMEQ(test, ktest_dev_user_kaddr(ubuf), "hello\n", 6);
	KTEST_EXPECT_EQ(test, pread(m, 100), 7);
	KTEST_EXPECT_MEMEQ(test, ktest_dev_user_kaddr(ubuf), "hello\r\n", 7);

	/* Slave to master: ONLCR on the slave's output. */
	KTEST_EXPECT_EQ(test, pwrite(s, "hi\n", 3), 3);
	settle(m, s);
	KTEST_EXPECT_EQ(test, pread(m, 100), 4);
	KTEST_EXPECT_MEMEQ(test, ktest_dev_user_kaddr(ubuf), "hi\r\n", 4);
	KTEST_EXPECT_EQ(test, pread(m, 100), -EAGAIN);

	/* The master's termios ioctls act on the slave. */
	KTEST_EXPECT_EQ(test, pioctl(m, TCGETS, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test,
			((struct termios *)ktest_dev_user_kaddr(uint))->c_lflag,
			file_tty(s)->termios.c_lflag);
	/* Slave ioctls the master has but the slave has not. */
	KTEST_EXPECT_EQ(test, pioctl(s, TIOCGPTN, (unsigned long)uint),
			-ENOTTY);
	KTEST_EXPECT_EQ(test, pioctl(m, TIOCSIG, SIGKILL), -EINVAL);

	/* poll: readable master after slave output. */
	KTEST_EXPECT_EQ(test, vfs_poll(m, NULL) & EPOLLIN, 0);
	KTEST_EXPECT_EQ(test, pwrite(s, "x", 1), 1);
	settle(m, s);
	KTEST_EXPECT_EQ(test, vfs_poll(m, NULL) & EPOLLIN, EPOLLIN);
}

static void pty_test_flow_control(struct ktest *test)
{
	static char big[1000];
	struct termios *t;
	struct file *m, *s;
	ssize_t n, total = 0;
	int i;

	if (!ubuf)
		return;
	s = open_pair(test, &m, O_RDWR | O_NOCTTY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(s));
	/* Raw slave, so nothing is echoed or edited. */
	t = ktest_dev_user_kaddr(uint);
	pioctl(s, TCGETS, (unsigned long)uint);
	t->c_lflag = 0;
	t->c_iflag = 0;
	pioctl(s, TCSETS, (unsigned long)uint);
	memset(big, 'z', sizeof(big));
	/* Fill the slave's flip ring and N_TTY buffer: 4 KiB each. */
	for (i = 0; i < 20; i++) {
		n = pwrite(m, big, sizeof(big));
		settle(m, s);
		if (n < 0)
			break;
		total += n;
	}
	KTEST_EXPECT_EQ(test, n, -EAGAIN);
	KTEST_EXPECT_GE(test, total, 8000);
	KTEST_EXPECT_LT(test, total, 20000);
	/* Reading makes room again. */
	KTEST_EXPECT_EQ(test, pread(s, 4000), 4000);
	settle(m, s);
	KTEST_EXPECT_GT(test, pwrite(m, big, sizeof(big)), 0);
}

static void pty_test_master_close_hangs_up_slave(struct ktest *test)
{
	struct file *m, *s;

	if (!ubuf)
		return;
	s = open_pair(test, &m, O_RDWR | O_NOCTTY);
	KTEST_ASSERT_FALSE(test, IS_ERR(s));
	pclose(m);
	KTEST_EXPECT_TRUE(test, tty_hung_up_p(s));
	KTEST_EXPECT_EQ(test, pread(s, 10), 0); /* EOF, not a hang */
	KTEST_EXPECT_EQ(test, pwrite(s, "x", 1), -EIO);
	KTEST_EXPECT_TRUE(test, vfs_poll(s, NULL) & EPOLLHUP);
}

static void pty_test_slave_close_eio(struct ktest *test)
{
	struct file *m, *s, *s2;
	unsigned int idx;

	if (!ubuf)
		return;
	s = open_pair(test, &m, O_RDWR | O_NOCTTY);
	KTEST_ASSERT_FALSE(test, IS_ERR(s));
	idx = file_tty(m)->index;
	KTEST_EXPECT_EQ(test, pwrite(s, "bye\n", 4), 4);
	settle(m, s);
	pclose(s);
	/* Data left is still read; then EIO and POLLHUP. */
	KTEST_EXPECT_EQ(test, pread(m, 100), 5);
	KTEST_EXPECT_EQ(test, pread(m, 100), -EIO);
	KTEST_EXPECT_TRUE(test, vfs_poll(m, NULL) & EPOLLHUP);
	/* A new slave open brings it back. */
	s2 = popen(MKDEV(UNIX98_PTY_SLAVE_MAJOR, idx), O_RDWR | O_NOCTTY);
	KTEST_ASSERT_FALSE(test, IS_ERR(s2));
	KTEST_EXPECT_FALSE(test, vfs_poll(m, NULL) & EPOLLHUP);
	/* The master is opened only once; its index only through ptmx. */
	KTEST_EXPECT_TRUE(
		test, IS_ERR(ktest_chrdev_open(
			      MKDEV(UNIX98_PTY_MASTER_MAJOR, idx), O_RDWR)));
}

static void pty_test_two_pairs_and_reuse(struct ktest *test)
{
	struct file *m1, *m2;
	unsigned int a, b;

	if (!ubuf)
		return;
	m1 = popen(PTMX, O_RDWR);
	m2 = popen(PTMX, O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(m1));
	KTEST_ASSERT_FALSE(test, IS_ERR(m2));
	a = file_tty(m1)->index;
	b = file_tty(m2)->index;
	KTEST_EXPECT_NE(test, a, b);
	pclose(m1);
	flush_workqueue(system_wq);
	m1 = popen(PTMX, O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(m1));
	KTEST_EXPECT_EQ(test, file_tty(m1)->index, a); /* lowest free */
	/* No pair behind an index: the slave cannot be opened. */
	KTEST_EXPECT_TRUE(test,
			  IS_ERR(ktest_chrdev_open(
				  MKDEV(UNIX98_PTY_SLAVE_MAJOR, 900), O_RDWR)));
}

static struct ktest_case pty_test_cases[] = {
	KTEST_CASE(pty_test_data_both_ways),
	KTEST_CASE(pty_test_flow_control),
	KTEST_CASE(pty_test_master_close_hangs_up_slave),
	KTEST_CASE(pty_test_slave_close_eio),
	KTEST_CASE(pty_test_two_pairs_and_reuse),
	{}
};

static struct ktest_suite pty_test_suite = {
	.name = "pty",
	.init = pty_suite_init,
	.exit = pty_suite_exit,
	.test_cases = pty_test_cases,
};
ktest_suite(pty_test_suite);
