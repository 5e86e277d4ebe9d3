/*
 * Time: clock_gettime/getres on every clock, gettimeofday, time,
 * nanosleep/clock_nanosleep (relative and TIMER_ABSTIME), interval
 * timers, and the argument errors.
 */
#include "ut_util.h"
#include <sys/time.h>
#include <sys/times.h>

#define NS 1000000000LL

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * NS + ts->tv_nsec;
}

static long long clock_ns(clockid_t id)
{
	struct timespec ts;

	UT_ASSERT_EQ(clock_gettime(id, &ts), 0);
	return ts_ns(&ts);
}

static void spin_ms(int ms)
{
	long long end = ut_now_ns() + ms * 1000000LL;
	volatile unsigned long x = 0;

	while (ut_now_ns() < end)
		x++;
}

UTEST(clock_gettime_required_clocks)
{
	static const clockid_t ids[] = { CLOCK_REALTIME, CLOCK_MONOTONIC,
					 CLOCK_BOOTTIME,
					 CLOCK_PROCESS_CPUTIME_ID,
					 CLOCK_THREAD_CPUTIME_ID };
	struct timespec ts;

	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++) {
		ts.tv_nsec = -1;
		UT_EXPECT_EQ(syscall(SYS_clock_gettime, ids[i], &ts), 0);
		UT_EXPECT(ts.tv_nsec >= 0 && ts.tv_nsec < NS);
		UT_EXPECT(ts.tv_sec >= 0);
	}
	UT_EXPECT(clock_ns(CLOCK_BOOTTIME) >= clock_ns(CLOCK_MONOTONIC) - NS);
}

UTEST(clock_gettime_raw_and_coarse_clocks)
{
	static const clockid_t ids[] = { CLOCK_MONOTONIC_RAW,
					 CLOCK_REALTIME_COARSE,
					 CLOCK_MONOTONIC_COARSE };
	struct timespec ts;

	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++) {
		ts.tv_nsec = -1;
		UT_EXPECT_EQ(syscall(SYS_clock_gettime, ids[i], &ts), 0);
		UT_EXPECT(ts.tv_nsec >= 0 && ts.tv_nsec < NS);
	}
	/* COARSE lags MONOTONIC by at most a few ticks. */
	UT_EXPECT(clock_ns(CLOCK_MONOTONIC) - clock_ns(CLOCK_MONOTONIC_COARSE) <
		  100 * 1000 * 1000);
}

UTEST(monotonic_never_goes_back)
{
	long long prev = clock_ns(CLOCK_MONOTONIC), now, start = prev;
	int i, back = 0;

	for (i = 0; i < 20000; i++) {
		now = clock_ns(CLOCK_MONOTONIC);
		if (now < prev)
			back++;
		prev = now;
	}
	UT_EXPECT_EQ(back, 0);
	UT_EXPECT(prev > start); /* and it moves */
}

UTEST(realtime_agrees_with_time_and_gettimeofday)
{
	struct timespec ts;
	struct timeval tv;
	time_t t, raw;

	UT_ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &ts), 0);
	t = time(NULL);
	raw = syscall(SYS_time, NULL);
	UT_ASSERT_EQ(gettimeofday(&tv, NULL), 0);
	UT_EXPECT(t - ts.tv_sec >= 0 && t - ts.tv_sec <= 1);
	UT_EXPECT(raw - t >= 0 && raw - t <= 1);
	UT_EXPECT(tv.tv_sec - ts.tv_sec >= 0 && tv.tv_sec - ts.tv_sec <= 1);
	UT_EXPECT(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	/* Well after 2020: the clock was set from the RTC. */
	UT_EXPECT(ts.tv_sec > 1577836800);
	{
		time_t out = 0;

		UT_EXPECT_EQ(syscall(SYS_time, &out), out);
	}
}

UTEST(cputime_advances_while_spinning_not_while_sleeping)
{
	long long p0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	long long t0 = clock_ns(CLOCK_THREAD_CPUTIME_ID), p1, t1;
	struct timespec req = { 0, 100 * 1000 * 1000 };

	spin_ms(50);
	p1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	t1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	UT_EXPECT_GE(p1 - p0, 25 * 1000 * 1000);
	UT_EXPECT_GE(t1 - t0, 25 * 1000 * 1000);
	nanosleep(&req, NULL);
	UT_EXPECT(clock_ns(CLOCK_THREAD_CPUTIME_ID) - t1 < 50 * 1000 * 1000);
}

UTEST(clock_getres_values)
{
	struct timespec res;

	UT_ASSERT_EQ(clock_getres(CLOCK_MONOTONIC, &res), 0);
	UT_EXPECT(res.tv_sec == 0 && res.tv_nsec > 0 &&
		  res.tv_nsec <= 10 * 1000 * 1000);
	UT_ASSERT_EQ(clock_getres(CLOCK_REALTIME, &res), 0);
	UT_EXPECT(res.tv_sec == 0 && res.tv_nsec > 0);
	UT_EXPECT_EQ(clock_getres(CLOCK_MONOTONIC, NULL), 0);
	UT_EXPECT_ERRNO(clock_getres(1234, &res), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_clock_getres, CLOCK_MONOTONIC,
				UT_KERNEL_PTR),
			EFAULT);
}

UTEST(clock_calls_reject_bad_ids_and_pointers)
{
	struct timespec ts;

	UT_EXPECT_ERRNO(syscall(SYS_clock_gettime, 1234, &ts), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_clock_gettime, -1000, &ts), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_clock_gettime, CLOCK_MONOTONIC,
				UT_KERNEL_PTR),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_clock_gettime, CLOCK_REALTIME,
				ut_ro_page()),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_gettimeofday, UT_KERNEL_PTR, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_time, UT_KERNEL_PTR), EFAULT);
}

UTEST(nanosleep_sleeps_at_least_the_request)
{
	struct timespec req = { 0, 50 * 1000 * 1000 };
	long long t0 = ut_now_ns(), dt;

	UT_ASSERT_EQ(nanosleep(&req, NULL), 0);
	dt = ut_now_ns() - t0;
	UT_EXPECT_GE(dt, 50 * 1000 * 1000);
	UT_EXPECT(dt < 5 * NS);
	req.tv_nsec = 0;
	UT_EXPECT_EQ(nanosleep(&req, NULL), 0);
}

UTEST(nanosleep_rejects_bad_times)
{
	struct timespec req = { 0, NS };

	UT_EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req.tv_nsec = -1;
	UT_EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	UT_EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_nanosleep, UT_KERNEL_PTR, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_nanosleep, NULL, NULL), EFAULT);
}

UTEST(clock_nanosleep_absolute_and_relative)
{
	struct timespec target, now, rel = { 0, 50 * 1000 * 1000 };
	long long t0;

	clock_gettime(CLOCK_MONOTONIC, &target);
	target.tv_nsec += 50 * 1000 * 1000;
	if (target.tv_nsec >= NS) {
		target.tv_sec++;
		target.tv_nsec -= NS;
	}
	UT_ASSERT_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target,
				     NULL),
		     0);
	clock_gettime(CLOCK_MONOTONIC, &now);
	UT_EXPECT_GE(ts_ns(&now), ts_ns(&target));
	/* A time in the past returns at once (MONOTONIC starts near 0 at
	 * boot: one nanosecond is safely past, a negative time is EINVAL). */
	t0 = ut_now_ns();
	target.tv_sec = 0;
	target.tv_nsec = 1;
	UT_EXPECT_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target,
				     NULL),
		     0);
	UT_EXPECT(ut_now_ns() - t0 < NS);
	/* REALTIME absolute and relative sleeps too. */
	clock_gettime(CLOCK_REALTIME, &target);
	target.tv_nsec += 20 * 1000 * 1000;
	if (target.tv_nsec >= NS) {
		target.tv_sec++;
		target.tv_nsec -= NS;
	}
	UT_EXPECT_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &target,
				     NULL),
		     0);
	t0 = ut_now_ns();
	UT_EXPECT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &rel, NULL), 0);
	UT_EXPECT_GE(ut_now_ns() - t0, 50 * 1000 * 1000);
}

UTEST(clock_nanosleep_errors)
{
	struct timespec ts = { 0, NS };

	/* clock_nanosleep returns the error, it does not set errno. */
	UT_EXPECT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL), EINVAL);
	ts.tv_nsec = 1000;
	UT_EXPECT_EQ(clock_nanosleep(1234, 0, &ts, NULL), EINVAL);
	/* A thread's CPU clock cannot be slept on. */
	UT_EXPECT_ERRNO(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0,
				&ts, NULL),
			EOPNOTSUPP);
	UT_EXPECT_ERRNO(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0,
				UT_KERNEL_PTR, NULL),
			EFAULT);
}

static volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

UTEST(setitimer_real_one_shot_and_getitimer)
{
	struct itimerval it = { { 0, 0 }, { 0, 30 * 1000 } }, cur;
	long long t0;

	signal(SIGALRM, on_alarm);
	t0 = ut_now_ns();
	UT_ASSERT_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	UT_ASSERT_EQ(getitimer(ITIMER_REAL, &cur), 0);
	UT_EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 &&
		  cur.it_value.tv_usec <= 30 * 1000);
	while (!alarms && ut_now_ns() - t0 < 10 * NS)
		pause();
	UT_EXPECT_EQ(alarms, 1);
	UT_EXPECT_GE(ut_now_ns() - t0, 30 * 1000 * 1000);
	/* Expired and not periodic: now disarmed. */
	UT_ASSERT_EQ(getitimer(ITIMER_REAL, &cur), 0);
	UT_EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);
}

UTEST(setitimer_real_periodic_and_disarm)
{
	struct itimerval it = { { 0, 10 * 1000 }, { 0, 10 * 1000 } }, old;
	long long t0 = ut_now_ns();

	signal(SIGALRM, on_alarm);
	UT_ASSERT_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	while (alarms < 3 && ut_now_ns() - t0 < 10 * NS)
		pause();
	UT_EXPECT_GE(alarms, 3);
	memset(&it, 0, sizeof(it));
	UT_ASSERT_EQ(setitimer(ITIMER_REAL, &it, &old), 0);
	UT_EXPECT_EQ(old.it_interval.tv_usec, 10 * 1000);
	UT_EXPECT_ERRNO(setitimer(5, &it, NULL), EINVAL);
	UT_EXPECT_ERRNO(getitimer(5, &old), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_getitimer, ITIMER_REAL, UT_KERNEL_PTR),
			EFAULT);
}

UTEST(settime_needs_privilege_and_valid_values)
{
	struct timeval tv = { 0, 2000000 };
	struct timespec ts = { 0, 0 };

	UT_EXPECT_ERRNO(settimeofday(&tv, NULL), EINVAL);
	ut_become_nobody();
	clock_gettime(CLOCK_REALTIME, &ts);
	UT_EXPECT_ERRNO(clock_settime(CLOCK_REALTIME, &ts), EPERM);
	tv.tv_usec = 0;
	tv.tv_sec = ts.tv_sec;
	UT_EXPECT_ERRNO(settimeofday(&tv, NULL), EPERM);
	UT_EXPECT_ERRNO(clock_settime(CLOCK_MONOTONIC, &ts), EINVAL);
}

UTEST(times_counts_ticks_and_cpu)
{
	struct tms a, b;
	clock_t c0 = times(&a), c1;

	spin_ms(60);
	c1 = times(&b);
	UT_EXPECT(c1 > c0);
	UT_EXPECT(b.tms_utime + b.tms_stime > a.tms_utime + a.tms_stime);
	UT_EXPECT_EQ(sysconf(_SC_CLK_TCK), 100);
}

static const struct utest tests[] = {
	UTEST_CASE(clock_gettime_required_clocks),
	UTEST_CASE(clock_gettime_raw_and_coarse_clocks),
	UTEST_CASE(monotonic_never_goes_back),
	UTEST_CASE(realtime_agrees_with_time_and_gettimeofday),
	UTEST_CASE(cputime_advances_while_spinning_not_while_sleeping),
	UTEST_CASE(clock_getres_values),
	UTEST_CASE(clock_calls_reject_bad_ids_and_pointers),
	UTEST_CASE(nanosleep_sleeps_at_least_the_request),
	UTEST_CASE(nanosleep_rejects_bad_times),
	UTEST_CASE(clock_nanosleep_absolute_and_relative),
	UTEST_CASE(clock_nanosleep_errors),
	UTEST_CASE(setitimer_real_one_shot_and_getitimer),
	UTEST_CASE(setitimer_real_periodic_and_disarm),
	UTEST_CASE(settime_needs_privilege_and_valid_values),
	UTEST_CASE(times_counts_ticks_and_cpu),
};

int main(void)
{
	return utest_main("time", tests, ARRAY_SIZE(tests));
}
