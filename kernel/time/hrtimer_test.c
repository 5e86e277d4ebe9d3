/*
 * hrtimers, live: expiry order, never early, hard and soft contexts,
 * cancel, periodic re-arming; and the clocks they run on.
 *
 * Lateness under TCG depends on the host, so it is reported and only
 * bounded loosely.
 */
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include <asm/processor.h>

#define NR_HRT 8
#define LOOSE_LATENESS_NS (50 * NSEC_PER_MSEC)

struct test_hrtimer {
	struct hrtimer timer;
	ktime_t fired_at;
	unsigned int fired;
	unsigned int order;
	unsigned int periods; /* restarts left */
	bool in_hardirq;
	bool in_serving_softirq;
};

static unsigned int hrt_order;

static enum hrtimer_restart test_hrtimer_fn(struct hrtimer *t)
{
	struct test_hrtimer *th = container_of(t, struct test_hrtimer, timer);

	th->fired_at = ktime_get();
	th->fired++;
	th->order = ++hrt_order;
	th->in_hardirq = in_hardirq();
	th->in_serving_softirq = in_serving_softirq();
	if (th->periods) {
		th->periods--;
		hrtimer_forward_now(t, ms_to_ktime(1));
		return HRTIMER_RESTART;
	}
	return HRTIMER_NORESTART;
}

/* Spin (irqs on) until @cond or @ns nanoseconds passed. */
#define wait_ns_until(cond, ns)                           \
	({                                                \
		u64 __end = ktime_get_ns() + (ns);        \
		while (!(cond) && ktime_get_ns() < __end) \
			cpu_relax();                      \
		(cond);                                   \
	})

/* Offsets in ms, deliberately not in order. */
static const unsigned int hrt_offsets_ms[NR_HRT] = { 7, 2, 11, 3, 5, 13, 1, 9 };

static void hrtimer_test_fire_in_expiry_order(struct ktest *test)
{
	static struct test_hrtimer th[NR_HRT];
	ktime_t worst = 0, now;
	unsigned int i, j, done;

	memset(th, 0, sizeof(th));
	hrt_order = 0;
	now = ktime_get();
	for (i = 0; i < NR_HRT; i++) {
		hrtimer_init(&th[i].timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
		th[i].timer.function = test_hrtimer_fn;
		hrtimer_start(&th[i].timer,
			      ktime_add(now, ms_to_ktime(hrt_offsets_ms[i])),
			      HRTIMER_MODE_ABS);
	}
	for (done = 0, i = 0; i < NR_HRT; i++)
		done += wait_ns_until(READ_ONCE(th[i].fired), NSEC_PER_SEC);
	KTEST_ASSERT_EQ(test, done, NR_HRT);
	for (i = 0; i < NR_HRT; i++) {
		ktime_t expires = hrtimer_get_expires(&th[i].timer);
		ktime_t late = ktime_sub(th[i].fired_at, expires);

		KTEST_EXPECT_EQ(test, th[i].fired, 1);
		KTEST_EXPECT_GE(test, late, 0);
		KTEST_EXPECT_LT(test, late, LOOSE_LATENESS_NS);
		KTEST_EXPECT_TRUE(test, th[i].in_hardirq);
		KTEST_EXPECT_FALSE(test, hrtimer_active(&th[i].timer));
		worst = max(worst, late);
		for (j = 0; j < NR_HRT; j++)
			if (hrt_offsets_ms[j] < hrt_offsets_ms[i])
				KTEST_EXPECT_LT(test, th[j].order, th[i].order);
	}
	ktest_info(test, "worst lateness %lld us (%s resolution)",
		   worst / NSEC_PER_USEC,
		   hrtimer_hres_active() ? "high" : "tick");
}

static void hrtimer_test_soft_runs_in_softirq(struct ktest *test)
{
	struct test_hrtimer th = {};

	hrtimer_init(&th.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	th.timer.function = test_hrtimer_fn;
	hrtimer_start(&th.timer, ms_to_ktime(2), HRTIMER_MODE_REL_SOFT);
	KTEST_ASSERT_TRUE(test,
			  wait_ns_until(READ_ONCE(th.fired), NSEC_PER_SEC));
	KTEST_EXPECT_TRUE(test, th.in_serving_softirq);
	KTEST_EXPECT_FALSE(test, th.in_hardirq);
	KTEST_EXPECT_GE(test, th.fired_at, hrtimer_get_expires(&th.timer));
}

static void hrtimer_test_cancel(struct ktest *test)
{
	struct test_hrtimer th = {};

	hrtimer_init(&th.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	th.timer.function = test_hrtimer_fn;
	hrtimer_start(&th.timer, ms_to_ktime(20), HRTIMER_MODE_REL);
	KTEST_EXPECT_TRUE(test, hrtimer_active(&th.timer));
	KTEST_EXPECT_GT(test, hrtimer_get_remaining(&th.timer), 0);
	KTEST_EXPECT_EQ(test, hrtimer_cancel(&th.timer), 1);
	KTEST_EXPECT_FALSE(test, hrtimer_active(&th.timer));
	wait_ns_until(false, 30 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, th.fired, 0);
	KTEST_EXPECT_EQ(test, hrtimer_cancel(&th.timer), 0);
}

/* Restarting moves a queued timer: it fires once, at the new time. */
static void hrtimer_test_restart_moves_timer(struct ktest *test)
{
	struct test_hrtimer th = {};
	ktime_t second;

	hrtimer_init(&th.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	th.timer.function = test_hrtimer_fn;
	hrtimer_start(&th.timer, ms_to_ktime(500), HRTIMER_MODE_REL);
	hrtimer_start(&th.timer, ms_to_ktime(2), HRTIMER_MODE_REL);
	second = hrtimer_get_expires(&th.timer);
	KTEST_ASSERT_TRUE(test,
			  wait_ns_until(READ_ONCE(th.fired), NSEC_PER_SEC));
	KTEST_EXPECT_GE(test, th.fired_at, second);
	KTEST_EXPECT_LT(test, th.fired_at, second + 400 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, th.fired, 1);
}

static void hrtimer_test_periodic_forward(struct ktest *test)
{
	struct test_hrtimer th = { .periods = 4 };

	hrtimer_init(&th.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	th.timer.function = test_hrtimer_fn;
	hrtimer_start(&th.timer, ms_to_ktime(1), HRTIMER_MODE_REL);
	KTEST_EXPECT_TRUE(test, wait_ns_until(READ_ONCE(th.fired) == 5,
					      NSEC_PER_SEC));
	KTEST_EXPECT_EQ(test, hrtimer_cancel(&th.timer), 0);
}

/* A realtime timer expires by the wall clock. */
static void hrtimer_test_realtime_clock(struct ktest *test)
{
	struct test_hrtimer th = {};
	ktime_t expires = ktime_add(ktime_get_real(), ms_to_ktime(3));

	hrtimer_init(&th.timer, CLOCK_REALTIME, HRTIMER_MODE_ABS);
	th.timer.function = test_hrtimer_fn;
	hrtimer_start(&th.timer, expires, HRTIMER_MODE_ABS);
	KTEST_ASSERT_TRUE(test,
			  wait_ns_until(READ_ONCE(th.fired), NSEC_PER_SEC));
	KTEST_EXPECT_GE(test, ktime_get_real(), expires);
}

static void time_test_clocks(struct ktest *test)
{
	ktime_t a = ktime_get(), b, real = ktime_get_real();
	struct timespec64 ts;
	unsigned long j;

	b = ktime_get();
	KTEST_EXPECT_GE(test, b, a);
	KTEST_EXPECT_GT(test, a, 0);
	/* 2020-01-01: the RTC gave a plausible wall time. */
	KTEST_EXPECT_GT(test, real / NSEC_PER_SEC, 1577836800LL);
	ktime_get_real_ts64(&ts);
	KTEST_EXPECT_TRUE(test, timespec64_valid(&ts));
	KTEST_EXPECT_EQ(test, ktime_get_boottime() / NSEC_PER_SEC,
			ktime_get() / NSEC_PER_SEC);
	/* jiffies follow the clock: 100 ms is 25 ticks at HZ=250. */
	j = jiffies;
	wait_ns_until(false, 100 * NSEC_PER_MSEC);
	KTEST_EXPECT_GE(test, jiffies - j, HZ / 10 - 2);
	KTEST_EXPECT_LE(test, jiffies - j, HZ / 10 + HZ / 5);
}

/* The coarse clock is the precise one as of the last tick: never ahead,
 * at most a tick (plus this test's own steps) behind, and it moves. */
static void time_test_coarse_real(struct ktest *test)
{
	struct timespec64 coarse, fine, later;
	s64 behind;

	ktime_get_coarse_real_ts64(&coarse);
	ktime_get_real_ts64(&fine);
	behind = timespec64_to_ns(&fine) - timespec64_to_ns(&coarse);
	KTEST_EXPECT_GE(test, behind, 0LL);
	KTEST_EXPECT_LE(test, behind, (s64)TICK_NSEC + NSEC_PER_MSEC);
	wait_ns_until(false, 3 * TICK_NSEC);
	ktime_get_coarse_real_ts64(&later);
	KTEST_EXPECT_GE(test,
			timespec64_to_ns(&later) - timespec64_to_ns(&coarse),
			(s64)TICK_NSEC);
}

static struct ktest_case hrtimer_test_cases[] = {
	KTEST_CASE(hrtimer_test_fire_in_expiry_order),
	KTEST_CASE(hrtimer_test_soft_runs_in_softirq),
	KTEST_CASE(hrtimer_test_cancel),
	KTEST_CASE(hrtimer_test_restart_moves_timer),
	KTEST_CASE(hrtimer_test_periodic_forward),
	KTEST_CASE(hrtimer_test_realtime_clock),
	KTEST_CASE(time_test_clocks),
	KTEST_CASE(time_test_coarse_real),
	{}
};

static struct ktest_suite hrtimer_test_suite = {
	.name = "hrtimer",
	.test_cases = hrtimer_test_cases,
};
ktest_suite(hrtimer_test_suite);
