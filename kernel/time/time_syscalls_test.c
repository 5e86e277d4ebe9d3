/*
 * Tests of the time syscalls: clocks (monotonicity, resolution,
 * errors), nanosleep and clock_nanosleep (precise under -icount, the
 * remaining time of an interrupted sleep and its restart), the time of
 * day, and the interval timer.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>
#include <uapi/linux/time_types.h>
#include <ktest/syscall.h>
#include <ktest/test.h>
#include <ktest/threads.h>
#include <ktest/user.h>

#include "posix-timers.h"

KTEST_DECLARE_SYSCALL(clock_gettime);
KTEST_DECLARE_SYSCALL(clock_getres);
KTEST_DECLARE_SYSCALL(clock_settime);
KTEST_DECLARE_SYSCALL(clock_nanosleep);
KTEST_DECLARE_SYSCALL(nanosleep);
KTEST_DECLARE_SYSCALL(gettimeofday);
KTEST_DECLARE_SYSCALL(settimeofday);
KTEST_DECLARE_SYSCALL(time);
KTEST_DECLARE_SYSCALL(alarm);
KTEST_DECLARE_SYSCALL(setitimer);
KTEST_DECLARE_SYSCALL(getitimer);

static void time_test_exit(struct ktest *test)
{
	ktest_user_unmap(test);
}

static s64 ts_ns(const struct __kernel_timespec *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static void time_test_clocks_monotonic(struct ktest *test)
{
	struct timespec64 a, b, c;
	int i;

	KTEST_ASSERT_EQ(test, posix_clock_get(CLOCK_MONOTONIC, &a), 0);
	for (i = 0; i < 1000; i++) {
		posix_clock_get(CLOCK_MONOTONIC, &b);
		KTEST_ASSERT_GE(test, timespec64_to_ns(&b),
				timespec64_to_ns(&a));
		a = b;
	}
	posix_clock_get(CLOCK_BOOTTIME, &c);
	KTEST_EXPECT_GE(test, timespec64_to_ns(&c), timespec64_to_ns(&b));
	posix_clock_get(CLOCK_MONOTONIC_COARSE, &c);
	KTEST_EXPECT_LE(test, timespec64_to_ns(&c), timespec64_to_ns(&b));
	KTEST_EXPECT_EQ(test, timespec64_to_ns(&c) % TICK_NSEC, 0);
	posix_clock_get(CLOCK_REALTIME, &c);
	KTEST_EXPECT_GT(test, c.tv_sec, 1577836800); /* after 2020 */
	KTEST_EXPECT_EQ(test, posix_clock_get(CLOCK_THREAD_CPUTIME_ID, &c), 0);
	KTEST_EXPECT_EQ(test, posix_clock_get(CLOCK_PROCESS_CPUTIME_ID, &c), 0);
	KTEST_EXPECT_EQ(test, posix_clock_get(-1, &c), -EINVAL);
	KTEST_EXPECT_EQ(test, posix_clock_get(42, &c), -EINVAL);
}

static void time_test_clock_syscalls(struct ktest *test)
{
	struct __kernel_timespec __user *u = ktest_user_map(test, 1);
	struct __kernel_timespec *k = ktest_user_kaddr(u);
	const struct cred *root = get_cred(current_cred());
	struct cred *user;

	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(clock_getres, CLOCK_MONOTONIC, u, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ts_ns(k), 1);
	KTEST_EXPECT_EQ(
		test,
		KTEST_SYSCALL(clock_getres, CLOCK_REALTIME_COARSE, u, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ts_ns(k), TICK_NSEC);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_getres, CLOCK_BOOTTIME, NULL, 0, 0),
			0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(clock_getres, 99, u, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_gettime, CLOCK_MONOTONIC, u, 0, 0),
			0);
	KTEST_EXPECT_LE(test, ts_ns(k), ktime_get());
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_gettime, CLOCK_MONOTONIC, 0x1000, 0,
				      0),
			-EFAULT);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(clock_gettime, -5, u, 0, 0),
			-EINVAL);

	/* clock_settime: only REALTIME, valid, and with CAP_SYS_TIME. */
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(clock_gettime, CLOCK_REALTIME, u, 0, 0), 0);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_settime, CLOCK_MONOTONIC, u, 0, 0),
			-EINVAL);
	user = prepare_creds();
	user->cap_effective = CAP_EMPTY_SET;
	commit_creds(user);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_settime, CLOCK_REALTIME, u, 0, 0),
			-EPERM);
	commit_creds((struct cred *)root);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(clock_settime, CLOCK_REALTIME, u, 0, 0), 0);
	k->tv_nsec = NSEC_PER_SEC;
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_settime, CLOCK_REALTIME, u, 0, 0),
			-EINVAL);
}

static void time_test_time_of_day(struct ktest *test)
{
	void __user *u = ktest_user_map(test, 1);
	struct __kernel_old_timeval *tv = ktest_user_kaddr(u);
	struct timezone *tz = ktest_user_kaddr(u + 64);
	long *t = ktest_user_kaddr(u + 128);
	long now = ktime_get_real_seconds();

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(gettimeofday, u, u + 64, 0, 0), 0);
	KTEST_EXPECT_GE(test, tv->tv_sec, now);
	KTEST_EXPECT_LE(test, tv->tv_sec, now + 1);
	KTEST_EXPECT_LT(test, tv->tv_usec, USEC_PER_SEC);
	KTEST_EXPECT_EQ(test, tz->tz_minuteswest, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(gettimeofday, 0x1000, NULL, 0, 0),
			-EFAULT);
	KTEST_EXPECT_GE(test, KTEST_SYSCALL(time, u + 128, 0, 0, 0), now);
	KTEST_EXPECT_GE(test, *t, now);
	KTEST_EXPECT_GE(test, KTEST_SYSCALL(time, NULL, 0, 0, 0), now);
	tz->tz_minuteswest = 24 * 60;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(settimeofday, NULL, u + 64, 0, 0),
			-EINVAL);
	tv->tv_usec = USEC_PER_SEC;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(settimeofday, u, NULL, 0, 0),
			-EINVAL);
}

static void time_test_nanosleep_is_precise(struct ktest *test)
{
	struct __kernel_timespec __user *u = ktest_user_map(test, 1);
	struct __kernel_timespec *k = ktest_user_kaddr(u);
	ktime_t start, slept;

	k->tv_sec = 0;
	k->tv_nsec = 10 * NSEC_PER_MSEC;
	start = ktime_get();
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(nanosleep, u, u + 1, 0, 0), 0);
	slept = ktime_get() - start;
	KTEST_EXPECT_GE(test, slept, 10 * NSEC_PER_MSEC);
	KTEST_EXPECT_LT(test, slept, 10 * NSEC_PER_MSEC + TICK_NSEC);

	/* Absolute, on CLOCK_MONOTONIC; one in the past returns at once. */
	start = ktime_get();
	*k = (struct __kernel_timespec){
		.tv_sec = (start + 5 * NSEC_PER_MSEC) / NSEC_PER_SEC,
		.tv_nsec = (start + 5 * NSEC_PER_MSEC) % NSEC_PER_SEC
	};
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_nanosleep, CLOCK_MONOTONIC,
				      TIMER_ABSTIME, u, NULL),
			0);
	KTEST_EXPECT_GE(test, ktime_get() - start, 5 * NSEC_PER_MSEC);
	*k = (struct __kernel_timespec){ .tv_sec = 0, .tv_nsec = 1 };
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_nanosleep, CLOCK_MONOTONIC,
				      TIMER_ABSTIME, u, NULL),
			0);
	k->tv_nsec = 1000;
	KTEST_EXPECT_EQ(
		test,
		KTEST_SYSCALL(clock_nanosleep, CLOCK_REALTIME, 0, u, NULL), 0);

	/* Errors. */
	k->tv_nsec = NSEC_PER_SEC;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(nanosleep, u, NULL, 0, 0), -EINVAL);
	k->tv_nsec = 0;
	k->tv_sec = -1;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(nanosleep, u, NULL, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(nanosleep, 0x1000, NULL, 0, 0),
			-EFAULT);
	k->tv_sec = 0;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(clock_nanosleep, 99, 0, u, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_nanosleep, CLOCK_THREAD_CPUTIME_ID,
				      0, u, NULL),
			-EOPNOTSUPP); /* Linux: the thread clock has no nsleep */
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(clock_nanosleep, CLOCK_MONOTONIC_RAW, 0,
				      u, NULL),
			-EOPNOTSUPP);
}

/* A sleeper that a signal interrupts; then it restarts the sleep. */
struct sleeper {
	struct __kernel_timespec __user *req, *rem;
	long ret, restart_ret;
	ktime_t start, end;
};

static int sleeper_fn(void *data, unsigned int i)
{
	struct sleeper *s = data;
	struct k_sigaction ka = { .sa = { .sa_handler =
						  (__sighandler_t)0x1000 } };

	do_sigaction(SIGUSR1, &ka, NULL);
	s->start = ktime_get();
	s->ret = KTEST_SYSCALL(nanosleep, s->req, s->rem, 0, 0);
	flush_signals(current);
	/* No handler would run: the entry code would call restart_syscall. */
	if (s->ret == -ERESTART_RESTARTBLOCK)
		s->restart_ret =
			current->restart_block.fn(&current->restart_block);
	s->end = ktime_get();
	return 0;
}

static void time_test_interrupted_sleep_reports_rest(struct ktest *test)
{
	struct __kernel_timespec __user *u = ktest_user_map(test, 1);
	struct __kernel_timespec *k = ktest_user_kaddr(u);
	struct sleeper s = { .req = u, .rem = u + 1 };
	struct ktest_threads g;
	s64 left;

	k[0] = (struct __kernel_timespec){ .tv_sec = 1, .tv_nsec = 0 };
	ktest_threads_start(test, &g, sleeper_fn, &s, 1, "sleeper");
	schedule_timeout_uninterruptible(msecs_to_jiffies(20));
	send_sig(SIGUSR1, g.slots[0].task, 1);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, s.ret, -ERESTART_RESTARTBLOCK);
	left = ts_ns(&k[1]);
	KTEST_EXPECT_GT(test, left, 500 * NSEC_PER_MSEC);
	KTEST_EXPECT_LT(test, left, NSEC_PER_SEC - 10 * NSEC_PER_MSEC);
	/* The restart sleeps to the original end, not a second more. */
	KTEST_EXPECT_EQ(test, s.restart_ret, 0);
	KTEST_EXPECT_GE(test, s.end - s.start, NSEC_PER_SEC);
	KTEST_EXPECT_LT(test, s.end - s.start,
			NSEC_PER_SEC + 50 * NSEC_PER_MSEC);
}

/* --- itimer ------------------------------------------------------------ */

static void time_test_itimer_real(struct ktest *test)
{
	struct itimerval __user *u = ktest_user_map(test, 1);
	struct itimerval *k = ktest_user_kaddr(u);
	struct k_sigaction ka = { .sa = { .sa_handler =
						  (__sighandler_t)0x1000 } },
			   old;
	sigset_t set;

	if (current->signal->leader_pid != current->tgid) {
		ktest_skip(test, "current is not a group leader");
		return;
	}
	do_sigaction(SIGALRM, &ka, &old);
	siginitset(&set, sigmask(SIGALRM));
	sigprocmask(SIG_BLOCK, &set, NULL);

	/* One shot of 10 ms. */
	k[0] = (struct itimerval){ .it_value = { 0, 10000 } };
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(setitimer, ITIMER_REAL, u, u + 1, 0), 0);
	KTEST_EXPECT_EQ(test, k[1].it_value.tv_usec, 0);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(getitimer, ITIMER_REAL, u + 1, 0, 0), 0);
	KTEST_EXPECT_GT(test, k[1].it_value.tv_usec, 0);
	KTEST_EXPECT_LE(test, k[1].it_value.tv_usec, 10000);
	schedule_timeout_uninterruptible(msecs_to_jiffies(20));
	KTEST_EXPECT_TRUE(test,
			  sigismember(&current->signal->shared_pending.signal,
				      SIGALRM));
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(getitimer, ITIMER_REAL, u + 1, 0, 0), 0);
	KTEST_EXPECT_EQ(test, k[1].it_value.tv_usec + k[1].it_value.tv_sec, 0);
	flush_signals(current);

	/* Periodic: still armed after expiring; then disarmed. */
	k[0] = (struct itimerval){ .it_interval = { 0, 5000 },
				   .it_value = { 0, 5000 } };
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setitimer, ITIMER_REAL, u, NULL, 0),
			0);
	schedule_timeout_uninterruptible(msecs_to_jiffies(12));
	KTEST_EXPECT_TRUE(test, hrtimer_active(&current->signal->real_timer));
	k[0] = (struct itimerval){};
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(setitimer, ITIMER_REAL, u, u + 1, 0), 0);
	KTEST_EXPECT_EQ(test, k[1].it_interval.tv_usec, 5000);
	KTEST_EXPECT_FALSE(test, hrtimer_active(&current->signal->real_timer));

	/* alarm: seconds left, rounded, at least 1. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(alarm, 5, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(alarm, 0, 0, 0, 0), 5);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(alarm, 0, 0, 0, 0), 0);

	/* Errors. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getitimer, ITIMER_VIRTUAL, u, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getitimer, 7, u, 0, 0), -EINVAL);
	k[0] = (struct itimerval){ .it_value = { 0, 1000000 } };
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setitimer, ITIMER_REAL, u, NULL, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(setitimer, ITIMER_REAL, 0x1000, NULL, 0),
			-EFAULT);

	flush_signals(current);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	do_sigaction(SIGALRM, &old, NULL);
}

static struct ktest_case time_test_cases[] = {
	KTEST_CASE(time_test_clocks_monotonic),
	KTEST_CASE(time_test_clock_syscalls),
	KTEST_CASE(time_test_time_of_day),
	KTEST_CASE(time_test_nanosleep_is_precise),
	KTEST_CASE(time_test_interrupted_sleep_reports_rest),
	KTEST_CASE(time_test_itimer_real),
	{}
};

static struct ktest_suite time_test_suite = {
	.name = "time_syscalls",
	.exit = time_test_exit,
	.test_cases = time_test_cases,
};
ktest_suite(time_test_suite);
