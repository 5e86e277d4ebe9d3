/*
 * ktest "epoll" and "eventfd" through the syscall table with user
 * memory: epoll_ctl's errors, level- and edge-triggered and one-shot
 * items, hang-ups, epoll sets inside epoll sets and ELOOP, a watched
 * file closing under its set, waits woken by another thread; eventfd's
 * counter, semaphore mode, limits and poll bits.
 */
#include <linux/eventfd.h>
#include <linux/eventpoll.h>
#include <uapi/linux/time_types.h>
#include "pipe_test.h"

static int epoll_init(struct ktest *test)
{
	return pipe_test_enter(test);
}

static void epoll_exit(struct ktest *test)
{
	pipe_test_leave(test);
}

/* User memory: fds at +0, one event at +64, an event array at +1024. */
struct et_mem {
	int __user *fds;
	struct epoll_event __user *ev;
	struct epoll_event __user *evs; /* 16 entries */
	sigset_t __user *mask;
	u64 __user *val;
	char __user *buf;
};

static struct et_mem et_map(struct ktest *test)
{
	char __user *u = ktest_user_map(test, 2);

	return (struct et_mem){
		.fds = (int __user *)u,
		.ev = (struct epoll_event __user *)(u + 64),
		.evs = (struct epoll_event __user *)(u + 1024),
		.mask = (sigset_t __user *)(u + 512),
		.val = (u64 __user *)(u + 768),
		.buf = u + PAGE_SIZE,
	};
}

static struct epoll_event *kev(struct epoll_event __user *e)
{
	return ktest_user_kaddr(e);
}

static long et_ctl(struct et_mem *m, int epfd, int op, int fd, u32 events,
		   u64 data)
{
	kev(m->ev)->events = events;
	kev(m->ev)->data = data;
	return PT_SYSCALL(epoll_ctl, epfd, op, fd, m->ev);
}

static long et_wait(struct et_mem *m, int epfd, int max, int timeout)
{
	return PT_SYSCALL(epoll_wait, epfd, m->evs, max, timeout);
}

static void epoll_test_event_layout(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, sizeof(struct epoll_event), 12);
	KTEST_EXPECT_EQ(test, offsetof(struct epoll_event, data), 4);
}

static void epoll_test_create_flags(struct ktest *test)
{
	int ep;

	KTEST_EXPECT_EQ(test, PT_SYSCALL(epoll_create1, 1), -EINVAL);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(epoll_create, 0), -EINVAL);
	ep = PT_SYSCALL(epoll_create1, EPOLL_CLOEXEC);
	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(ep));
	pt_close(ep);
	ep = PT_SYSCALL(epoll_create, 1);
	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(ep));
	pt_close(ep);
}

static void epoll_test_ctl_errors(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, ep2, fds[2], reg;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	ep2 = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	reg = t_open("f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, 999, EPOLLIN, 0),
			-EBADF);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, 999, EPOLL_CTL_ADD, fds[0], EPOLLIN, 0),
			-EBADF);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, reg, EPOLLIN, 0),
			-EPERM);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, fds[0], EPOLL_CTL_ADD, fds[1], EPOLLIN, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, 42, fds[0], EPOLLIN, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_DEL, fds[0], 0, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_MOD, fds[0], EPOLLIN, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN, 0),
			0);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN, 0),
			-EEXIST);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(epoll_ctl, ep, EPOLL_CTL_MOD, fds[0],
				   BAD_UPTR),
			-EFAULT);
	/* EPOLLEXCLUSIVE: only on ADD, only with the plain event bits. */
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[1],
			       EPOLLOUT | EPOLLEXCLUSIVE | EPOLLONESHOT, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, ep2,
			       EPOLLIN | EPOLLEXCLUSIVE, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[1],
			       EPOLLOUT | EPOLLEXCLUSIVE, 0),
			0);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_MOD, fds[1], EPOLLOUT, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_DEL, fds[0], 0, 0), 0);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_DEL, fds[0], 0, 0),
			-ENOENT);
	t_close(reg);
	pt_close(ep2);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void epoll_test_wait_errors(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, et_wait(&m, 999, 1, 0), -EBADF);
	KTEST_EXPECT_EQ(test, et_wait(&m, fds[0], 1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(epoll_wait, ep, BAD_UPTR, 1, 0),
			-EFAULT);
	/* A ready item whose event cannot be copied out stays ready. */
	et_ctl(&m, ep, EPOLL_CTL_ADD, fds[1], EPOLLOUT, 7);
	KTEST_EXPECT_EQ(
		test,
		PT_SYSCALL(epoll_wait, ep,
			   (void __user *)(KTEST_USER_BASE + 2 * PAGE_SIZE - 4),
			   1, 0),
		-EFAULT);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 4, 0), 1);
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(epoll_pwait, ep, m.evs, 1, 0, m.mask, 4),
			-EINVAL);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* Level-triggered: reported for as long as it is ready. */
static void epoll_test_level_triggered(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN,
			       0x1122334455667788ULL),
			0);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	pt_write(fds[1], m.buf, "abc", 3);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].events, EPOLLIN);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 0x1122334455667788ULL);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, pt_read(fds[0], m.buf, NULL, 16), 3);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	/* The hang-up comes without being asked for. */
	pt_close(fds[1]);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].events, EPOLLHUP);
	pt_close(ep);
	pt_close(fds[0]);
	ktest_user_unmap(test);
}

/* Edge-triggered: once per wake-up, however long it stays ready. */
static void epoll_test_edge_triggered(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_EQ(
		test,
		et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN | EPOLLET, 5), 0);
	pt_write(fds[1], m.buf, "a", 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	/* Each new write is a new edge, even with data already there. */
	pt_write(fds[1], m.buf, "b", 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 5);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static void epoll_test_oneshot(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0],
			       EPOLLIN | EPOLLONESHOT, 1),
			0);
	pt_write(fds[1], m.buf, "a", 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	pt_write(fds[1], m.buf, "b", 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	/* Disarmed, not gone: ADD says it exists, MOD re-arms. */
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN, 0),
			-EEXIST);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_MOD, fds[0],
			       EPOLLIN | EPOLLONESHOT, 2),
			0);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 2);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* maxevents caps one call; the rest come next time. */
static void epoll_test_maxevents(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int ep, fds[2], i;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	for (i = 0; i < 3; i++) {
		int d = ksys_dup(fds[1]); /* (file, fd) is the key */

		KTEST_ASSERT_GE(test, d, 0);
		KTEST_EXPECT_EQ(test,
				et_ctl(&m, ep, EPOLL_CTL_ADD, d,
				       EPOLLOUT | EPOLLET, d),
				0);
	}
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 2, 0), 2);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	pt_close(ep);
	__close_range(fds[0], ~0U, 0);
	ktest_user_unmap(test);
}

/* Closing the last reference to a watched file removes its item. */
static void epoll_test_close_removes_item(struct ktest *test)
{
	struct et_mem m = et_map(test);
	struct file *rf;
	int ep, fds[2], dup;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[1], EPOLLOUT, 9), 0);
	rf = fget(fds[1]);
	KTEST_EXPECT_NOT_NULL(test, rf->f_ep);
	fput(rf);
	/* Another fd on the same file keeps the item alive. */
	dup = ksys_dup(fds[1]);
	pt_close(fds[1]);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 9);
	pt_close(dup);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 0), 0);
	/* A new file at the same fd number is a new item. */
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, ep, EPOLL_CTL_ADD, fds[1], EPOLLOUT, 0), 0);
	/* And the set closing first leaves the file unwatched. */
	pt_close(ep);
	rf = fget(fds[1]);
	KTEST_EXPECT_NULL(test, rf->f_ep);
	fput(rf);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* An epoll set inside another: ready when one of its items is. */
static void epoll_test_nested_and_eloop(struct ktest *test)
{
	struct et_mem m = et_map(test);
	int outer, inner, e[6], fds[2], i;

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	outer = PT_SYSCALL(epoll_create1, 0);
	inner = PT_SYSCALL(epoll_create1, 0);
	KTEST_ASSERT_EQ(
		test, et_ctl(&m, inner, EPOLL_CTL_ADD, fds[0], EPOLLIN, 1), 0);
	KTEST_ASSERT_EQ(test,
			et_ctl(&m, outer, EPOLL_CTL_ADD, inner, EPOLLIN, 2), 0);
	KTEST_EXPECT_EQ(test, et_wait(&m, outer, 16, 0), 0);
	KTEST_EXPECT_EQ(test, pt_poll_fd(inner), 0);
	pt_write(fds[1], m.buf, "x", 1);
	KTEST_EXPECT_EQ(test, pt_poll_fd(inner), EPOLLIN | EPOLLRDNORM);
	KTEST_EXPECT_EQ(test, et_wait(&m, outer, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 2);
	KTEST_EXPECT_EQ(test, et_wait(&m, inner, 16, 0), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 1);
	/* A cycle is refused. */
	KTEST_EXPECT_EQ(test,
			et_ctl(&m, inner, EPOLL_CTL_ADD, outer, EPOLLIN, 0),
			-ELOOP);
	/* So is a chain deeper than EP_MAX_NESTS. */
	for (i = 0; i < 6; i++)
		e[i] = PT_SYSCALL(epoll_create1, 0);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(test,
				et_ctl(&m, e[i + 1], EPOLL_CTL_ADD, e[i],
				       EPOLLIN, 0),
				0);
	KTEST_EXPECT_EQ(test, et_ctl(&m, e[5], EPOLL_CTL_ADD, e[4], EPOLLIN, 0),
			-ELOOP);
	for (i = 0; i < 6; i++)
		pt_close(e[i]);
	pt_close(outer);
	pt_close(inner);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static int et_write_byte(void *arg)
{
	return kernel_write(arg, "w", 1, NULL);
}

static void epoll_test_wait_woken_by_writer(struct ktest *test)
{
	struct et_mem m = et_map(test);
	struct pt_helper h;
	struct task_struct *k;
	ktime_t start;
	struct file *wf;
	int ep, fds[2];

	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN, 3);
	start = ktime_get();
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, 40), 0);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 40);
	wf = fget(fds[1]);
	start = ktime_get();
	k = pt_helper_start(&h, et_write_byte, wf, 30);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, -1), 1);
	KTEST_EXPECT_GE(test, pt_ms_since(start), 20);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 1);
	fput(wf);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

/* epoll_wait is never restarted; epoll_pwait's mask works as ppoll's. */
static void epoll_test_signals(struct ktest *test)
{
	struct et_mem m = et_map(test);
	sigset_t before = current->blocked;
	struct __kernel_timespec *ts;
	int ep, fds[2];

	pt_set_handler(SIGUSR1);
	KTEST_ASSERT_EQ(test, pt_pipe2(m.fds, 0, fds), 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	et_ctl(&m, ep, EPOLL_CTL_ADD, fds[0], EPOLLIN, 0);
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 16, -1), -EINTR);
	siginitset(ktest_user_kaddr(m.mask), sigmask(SIGUSR1));
	KTEST_EXPECT_EQ(
		test, PT_SYSCALL(epoll_pwait, ep, m.evs, 16, 20, m.mask, 8), 0);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], before.sig[0]);
	ts = ktest_user_kaddr(m.buf);
	ts->tv_sec = 0;
	ts->tv_nsec = 10 * NSEC_PER_MSEC;
	KTEST_EXPECT_EQ(
		test, PT_SYSCALL(epoll_pwait2, ep, m.evs, 16, m.buf, m.mask, 8),
		0);
	ts->tv_nsec = -1;
	KTEST_EXPECT_EQ(
		test, PT_SYSCALL(epoll_pwait2, ep, m.evs, 16, m.buf, m.mask, 8),
		-EINVAL);
	sigemptyset(ktest_user_kaddr(m.mask));
	KTEST_EXPECT_EQ(test,
			PT_SYSCALL(epoll_pwait, ep, m.evs, 16, -1, m.mask, 8),
			-EINTR);
	KTEST_EXPECT_TRUE(test, current->restore_sigmask);
	flush_signals(current);
	pt_close(ep);
	pt_close(fds[0]);
	pt_close(fds[1]);
	ktest_user_unmap(test);
}

static struct ktest_case epoll_test_cases[] = {
	KTEST_CASE(epoll_test_event_layout),
	KTEST_CASE(epoll_test_create_flags),
	KTEST_CASE(epoll_test_ctl_errors),
	KTEST_CASE(epoll_test_wait_errors),
	KTEST_CASE(epoll_test_level_triggered),
	KTEST_CASE(epoll_test_edge_triggered),
	KTEST_CASE(epoll_test_oneshot),
	KTEST_CASE(epoll_test_maxevents),
	KTEST_CASE(epoll_test_close_removes_item),
	KTEST_CASE(epoll_test_nested_and_eloop),
	KTEST_CASE(epoll_test_wait_woken_by_writer),
	KTEST_CASE(epoll_test_signals),
	{}
};

static struct ktest_suite epoll_test_suite = {
	.name = "epoll",
	.init = epoll_init,
	.exit = epoll_exit,
	.test_cases = epoll_test_cases,
};
ktest_suite(epoll_test_suite);

/* -- eventfd -------------------------------------------------------- */

static long ef_write(struct et_mem *m, int fd, u64 v)
{
	*(u64 *)ktest_user_kaddr(m->val) = v;
	return PT_SYSCALL(write, fd, m->val, 8);
}

static long ef_read(struct et_mem *m, int fd, u64 *v)
{
	long ret = PT_SYSCALL(read, fd, m->val, 8);

	*v = *(u64 *)ktest_user_kaddr(m->val);
	return ret;
}

static void eventfd_test_counter(struct ktest *test)
{
	struct et_mem m = et_map(test);
	u64 v;
	int fd;

	fd = PT_SYSCALL(eventfd2, 3, EFD_NONBLOCK);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ef_write(&m, fd, 4), 8);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, 7);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), -EAGAIN);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fd), EPOLLOUT | EPOLLWRNORM);
	/* Short buffers, the forbidden value, bad pointers. */
	KTEST_EXPECT_EQ(test, PT_SYSCALL(read, fd, m.val, 7), -EINVAL);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(write, fd, m.val, 4), -EINVAL);
	KTEST_EXPECT_EQ(test, ef_write(&m, fd, U64_MAX), -EINVAL);
	KTEST_EXPECT_EQ(test, PT_SYSCALL(write, fd, BAD_UPTR, 8), -EFAULT);
	/* Up to 2^64 - 2 fits; one more would block. */
	KTEST_EXPECT_EQ(test, ef_write(&m, fd, U64_MAX - 1), 8);
	KTEST_EXPECT_EQ(test, pt_poll_fd(fd), EPOLLIN | EPOLLRDNORM);
	KTEST_EXPECT_EQ(test, ef_write(&m, fd, 1), -EAGAIN);
	KTEST_EXPECT_EQ(test, ef_write(&m, fd, 0), 8);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, U64_MAX - 1);
	pt_close(fd);
	ktest_user_unmap(test);
}

static void eventfd_test_semaphore_and_flags(struct ktest *test)
{
	struct et_mem m = et_map(test);
	u64 v;
	int fd;

	KTEST_EXPECT_EQ(test, PT_SYSCALL(eventfd2, 0, O_APPEND), -EINVAL);
	fd = PT_SYSCALL(eventfd2, 2,
			EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(fd));
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, 1);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, 1);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), -EAGAIN);
	pt_close(fd);
	fd = PT_SYSCALL(eventfd, 5);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(fd));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(fcntl, fd, F_GETFL, 0, 0), O_RDWR);
	pt_close(fd);
	ktest_user_unmap(test);
}

static int ef_add_one(void *arg)
{
	u64 one = 1;

	return kernel_write(arg, &one, sizeof(one), NULL);
}

/* A blocked read wakes on a write; epoll sees the counter too. */
static void eventfd_test_blocking_read_and_epoll(struct ktest *test)
{
	struct et_mem m = et_map(test);
	struct pt_helper h;
	struct task_struct *k;
	struct file *f;
	int fd, ep;
	u64 v;

	fd = PT_SYSCALL(eventfd2, 0, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	ep = PT_SYSCALL(epoll_create1, 0);
	KTEST_EXPECT_EQ(test, et_ctl(&m, ep, EPOLL_CTL_ADD, fd, EPOLLIN, 44),
			0);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 4, 0), 0);
	f = fget(fd);
	k = pt_helper_start(&h, ef_add_one, f, 20);
	KTEST_EXPECT_EQ(test, et_wait(&m, ep, 4, -1), 1);
	KTEST_EXPECT_EQ(test, kev(m.evs)[0].data, 44);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 8);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, 1);
	k = pt_helper_start(&h, ef_add_one, f, 20);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), 8);
	KTEST_EXPECT_EQ(test, v, 1);
	KTEST_EXPECT_EQ(test, pt_helper_stop(&h, k), 8);
	/* A signal interrupts the blocked read. */
	pt_set_handler(SIGUSR1);
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_EQ(test, ef_read(&m, fd, &v), -ERESTARTSYS);
	flush_signals(current);
	fput(f);
	pt_close(ep);
	pt_close(fd);
	ktest_user_unmap(test);
}

static struct ktest_case eventfd_test_cases[] = {
	KTEST_CASE(eventfd_test_counter),
	KTEST_CASE(eventfd_test_semaphore_and_flags),
	KTEST_CASE(eventfd_test_blocking_read_and_epoll),
	{}
};

static struct ktest_suite eventfd_test_suite = {
	.name = "eventfd",
	.init = epoll_init,
	.exit = epoll_exit,
	.test_cases = eventfd_test_cases,
};
ktest_suite(eventfd_test_suite);
