/*
 * The timer wheel, live: timers at many distances fire in order, at or
 * after their expiry, in softirq context; mod_timer() re-arms and
 * del_timer() cancels.  Also jiffies arithmetic across the wrap.
 *
 * Lateness is reported, and bounded only loosely: under QEMU's TCG a
 * busy host can delay ticks.  The bound still catches a timer filed in
 * the wrong bucket, which would come a whole wheel revolution late.
 */
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <ktest/test.h>
#include <asm/processor.h>

#include "timer_wheel.h"

#define NR_DIST 16

struct test_timer {
	struct timer_list timer;
	unsigned long expires;
	unsigned long fired_at;
	unsigned int fired;
	unsigned int order;
	bool in_serving_softirq;
	bool in_hardirq;
	unsigned int rearm; /* times the callback re-arms itself */
};

static unsigned int fire_order;

static void test_timer_fn(struct timer_list *t)
{
	struct test_timer *tt = from_timer(tt, t, timer);

	tt->fired_at = jiffies;
	tt->fired++;
	tt->order = ++fire_order;
	tt->in_serving_softirq = in_serving_softirq();
	tt->in_hardirq = in_hardirq();
	if (tt->rearm) {
		tt->rearm--;
		tt->expires = jiffies + 1;
		mod_timer(&tt->timer, tt->expires);
	}
}

/* Sleep tick by tick until @cond or @timeout jiffies passed. */
#define wait_jiffies_until(cond, timeout)                      \
	({                                                     \
		unsigned long __end = jiffies + (timeout);     \
		while (!(cond) && time_before(jiffies, __end)) \
			native_halt();                         \
		(cond);                                        \
	})

static unsigned int level_gran(unsigned long delta)
{
	return LVL_GRAN(wheel_level(delta));
}

static const unsigned long distances[NR_DIST] = {
	0, 1, 2, 3, 7, 13, 31, 62, 63, 64, 65, 100, 130, 200, 250, 300,
};

static bool all_fired(struct test_timer *tt, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!READ_ONCE(tt[i].fired))
			return false;
	return true;
}

static void timer_test_distances_fire_in_order(struct ktest *test)
{
	static struct test_timer tt[NR_DIST];
	unsigned long now, worst = 0;
	unsigned int i, j;

	memset(tt, 0, sizeof(tt));
	fire_order = 0;
	local_irq_disable(); /* one jiffy, one wheel clock, for all */
	now = jiffies;
	for (i = 0; i < NR_DIST; i++) {
		timer_setup(&tt[i].timer, test_timer_fn, 0);
		tt[i].expires = now + distances[i];
		tt[i].timer.expires = tt[i].expires;
		add_timer(&tt[i].timer);
	}
	local_irq_enable();

	KTEST_ASSERT_TRUE(test,
			  wait_jiffies_until(all_fired(tt, NR_DIST), 400 + HZ));
	for (i = 0; i < NR_DIST; i++) {
		unsigned long late = tt[i].fired_at - tt[i].expires;

		KTEST_EXPECT_EQ(test, tt[i].fired, 1);
		KTEST_EXPECT_TRUE(test,
				  time_after_eq(tt[i].fired_at, tt[i].expires));
		KTEST_EXPECT_LE(test, late, level_gran(distances[i]) + HZ / 2);
		KTEST_EXPECT_TRUE(test, tt[i].in_serving_softirq);
		KTEST_EXPECT_FALSE(test, tt[i].in_hardirq);
		worst = max(worst, late);
		for (j = 0; j < i; j++) /* distances[] ascend */
			KTEST_EXPECT_TRUE(test, time_before_eq(tt[j].fired_at,
							       tt[i].fired_at));
	}
	ktest_info(test, "worst lateness %lu jiffies", worst);
}

static void timer_test_mod_timer_rearms(struct ktest *test)
{
	struct test_timer tt = {};

	timer_setup(&tt.timer, test_timer_fn, 0);
	KTEST_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies + 10 * HZ), 0);
	KTEST_EXPECT_TRUE(test, timer_pending(&tt.timer));
	/* Same expiry: nothing to do, but it was pending. */
	KTEST_EXPECT_EQ(test, mod_timer(&tt.timer, tt.timer.expires), 1);
	tt.expires = jiffies + 3;
	KTEST_EXPECT_EQ(test, mod_timer(&tt.timer, tt.expires), 1);
	KTEST_ASSERT_TRUE(test, wait_jiffies_until(READ_ONCE(tt.fired), HZ));
	KTEST_EXPECT_TRUE(test, time_after_eq(tt.fired_at, tt.expires));
	KTEST_EXPECT_FALSE(test, timer_pending(&tt.timer));
	/* A fired timer is not pending: mod_timer() says 0. */
	KTEST_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies + HZ), 0);
	KTEST_EXPECT_EQ(test, del_timer_sync(&tt.timer), 1);
}

static void timer_test_del_timer_cancels(struct ktest *test)
{
	struct test_timer tt = {};

	timer_setup(&tt.timer, test_timer_fn, 0);
	tt.timer.expires = jiffies + 2;
	add_timer(&tt.timer);
	KTEST_EXPECT_EQ(test, del_timer(&tt.timer), 1);
	KTEST_EXPECT_FALSE(test, timer_pending(&tt.timer));
	KTEST_EXPECT_EQ(test, del_timer(&tt.timer), 0);
	wait_jiffies_until(false, 10);
	KTEST_EXPECT_EQ(test, tt.fired, 0);
	KTEST_EXPECT_EQ(test, del_timer_sync(&tt.timer), 0);
}

static void timer_test_callback_rearms_itself(struct ktest *test)
{
	struct test_timer tt = { .rearm = 4 };

	timer_setup(&tt.timer, test_timer_fn, 0);
	tt.expires = jiffies + 1;
	mod_timer(&tt.timer, tt.expires);
	KTEST_EXPECT_TRUE(test,
			  wait_jiffies_until(READ_ONCE(tt.fired) == 5, HZ));
	KTEST_EXPECT_EQ(test, tt.rearm, 0);
	del_timer_sync(&tt.timer);
}

static void timer_test_reduce_only_shortens(struct ktest *test)
{
	struct test_timer tt = {};
	unsigned long far = jiffies + 100 * HZ;

	timer_setup(&tt.timer, test_timer_fn, 0);
	mod_timer(&tt.timer, far);
	KTEST_EXPECT_EQ(test, timer_reduce(&tt.timer, far + HZ), 1);
	KTEST_EXPECT_EQ(test, tt.timer.expires, far);
	KTEST_EXPECT_EQ(test, timer_reduce(&tt.timer, far - HZ), 1);
	KTEST_EXPECT_EQ(test, tt.timer.expires, far - HZ);
	KTEST_EXPECT_EQ(test, del_timer(&tt.timer), 1);
}

/* Beyond the wheel's last level: parked, still pending, cancellable. */
static void timer_test_huge_timeout_is_parked(struct ktest *test)
{
	struct test_timer tt = {};

	timer_setup(&tt.timer, test_timer_fn, 0);
	mod_timer(&tt.timer, jiffies + WHEEL_TIMEOUT_CUTOFF + 12345);
	KTEST_EXPECT_TRUE(test, timer_pending(&tt.timer));
	KTEST_EXPECT_EQ(test, del_timer_sync(&tt.timer), 1);
}

static void jiffies_test_starts_before_32bit_wrap(struct ktest *test)
{
	u64 j = get_jiffies_64();
	u64 elapsed = j - INITIAL_JIFFIES;

	/* Five minutes before 2^32, so the low half wraps soon after boot. */
	KTEST_EXPECT_EQ(test, INITIAL_JIFFIES, 0x100000000ULL - 300 * HZ);
	KTEST_EXPECT_GE(test, j, INITIAL_JIFFIES);
	/* About as many ticks as CLOCK_MONOTONIC says passed (TCG slack). */
	KTEST_EXPECT_LE(test, elapsed, ktime_get_ns() / TICK_NSEC + HZ);
	KTEST_EXPECT_EQ(test, (unsigned long)jiffies, (unsigned long)j);
}

static void jiffies_test_time_after_across_wrap(struct ktest *test)
{
	unsigned long before_wrap = ULONG_MAX - 5, after_wrap = 5;
	unsigned long low32 = 0xfffffff0UL, high32 = 0x100000010UL;

	KTEST_EXPECT_TRUE(test, time_after(after_wrap, before_wrap));
	KTEST_EXPECT_TRUE(test, time_before(before_wrap, after_wrap));
	KTEST_EXPECT_TRUE(test, time_after_eq(after_wrap, after_wrap));
	KTEST_EXPECT_FALSE(test, time_after(before_wrap, after_wrap));
	KTEST_EXPECT_TRUE(test, time_in_range(0UL, before_wrap, after_wrap));
	KTEST_EXPECT_TRUE(test, time_after(high32, low32));
	/* The 32-bit view of INITIAL_JIFFIES, 5 min later, has wrapped. */
	KTEST_EXPECT_LT(test, (u32)(INITIAL_JIFFIES + 301 * HZ),
			(u32)INITIAL_JIFFIES);
	KTEST_EXPECT_TRUE(test,
			  time_after((unsigned long)INITIAL_JIFFIES + 301 * HZ,
				     (unsigned long)INITIAL_JIFFIES));
	KTEST_EXPECT_TRUE(test, time_after64(jiffies_64 + 1, jiffies_64));
}

static void jiffies_test_conversions_round_up(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(0), 0);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1), 1);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1000 / HZ), 1);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1000 / HZ + 1), 2);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1000), HZ);
	KTEST_EXPECT_EQ(test, usecs_to_jiffies(1), 1);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(-1), MAX_JIFFY_OFFSET);
	KTEST_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000);
	KTEST_EXPECT_EQ(test, jiffies_to_usecs(1), 1000000 / HZ);
	KTEST_EXPECT_EQ(test, nsecs_to_jiffies(TICK_NSEC - 1), 0);
}

static struct ktest_case timer_test_cases[] = {
	KTEST_CASE(timer_test_distances_fire_in_order),
	KTEST_CASE(timer_test_mod_timer_rearms),
	KTEST_CASE(timer_test_del_timer_cancels),
	KTEST_CASE(timer_test_callback_rearms_itself),
	KTEST_CASE(timer_test_reduce_only_shortens),
	KTEST_CASE(timer_test_huge_timeout_is_parked),
	KTEST_CASE(jiffies_test_starts_before_32bit_wrap),
	KTEST_CASE(jiffies_test_time_after_across_wrap),
	KTEST_CASE(jiffies_test_conversions_round_up),
	{}
};

static struct ktest_suite timer_test_suite = {
	.name = "timer",
	.test_cases = timer_test_cases,
};
ktest_suite(timer_test_suite);
