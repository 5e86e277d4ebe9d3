/*
 * Sleeping delays: msleep() and usleep_range() sleep at least as long
 * as asked, measured on the clocksource (ktime_get()), not on jiffies.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>

static void msleep_test_sleeps_at_least(struct ktest *test)
{
	static const unsigned int ms[] = { 1, 4, 20 };
	int i;

	for (i = 0; i < ARRAY_SIZE(ms); i++) {
		ktime_t start = ktime_get();
		s64 slept;

		msleep(ms[i]);
		slept = ktime_to_us(ktime_sub(ktime_get(), start));
		KTEST_EXPECT_GE(test, slept, ms[i] * 1000LL);
		KTEST_EXPECT_EQ(test, READ_ONCE(current->__state),
				TASK_RUNNING);
		ktest_info(test, "msleep(%u): %lld us", ms[i], slept);
	}
}

static void msleep_test_interruptible_returns_zero(struct ktest *test)
{
	ktime_t start = ktime_get();

	KTEST_EXPECT_EQ(test, msleep_interruptible(8), 0);
	KTEST_EXPECT_GE(test, ktime_to_us(ktime_sub(ktime_get(), start)), 8000);
}

static void msleep_test_usleep_range_at_least_min(struct ktest *test)
{
	ktime_t start = ktime_get();
	s64 slept;

	usleep_range(500, 1000);
	slept = ktime_to_us(ktime_sub(ktime_get(), start));
	KTEST_EXPECT_GE(test, slept, 500);
	KTEST_EXPECT_EQ(test, READ_ONCE(current->__state), TASK_RUNNING);
	ktest_info(test, "usleep_range(500, 1000): %lld us", slept);
}

static struct ktest_case msleep_test_cases[] = {
	KTEST_CASE(msleep_test_sleeps_at_least),
	KTEST_CASE(msleep_test_interruptible_returns_zero),
	KTEST_CASE(msleep_test_usleep_range_at_least_min),
	{}
};

static struct ktest_suite msleep_test_suite = {
	.name = "msleep",
	.test_cases = msleep_test_cases,
};
ktest_suite(msleep_test_suite);
