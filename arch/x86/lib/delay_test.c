/*
 * udelay() and friends against the TSC they spin on, and against the
 * local APIC tick, which counts independently.
 *
 * Tolerance: a delay is never shorter than asked (strict); the best of
 * five runs is at most 10% + 20 us longer.  Taking the best filters
 * out the host preempting QEMU, which only ever makes a run longer.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include <asm/msr.h>
#include <asm/tsc.h>

#define RUNS 5

static u64 best_of_runs(void (*delay)(unsigned long), unsigned long arg)
{
	u64 best = U64_MAX;
	unsigned int i;

	for (i = 0; i < RUNS; i++) {
		u64 t = rdtsc();

		delay(arg);
		best = min(best, rdtsc() - t);
	}
	return best;
}

static void check_delay(struct ktest *test, void (*delay)(unsigned long),
			unsigned long arg, u64 want_ns, const char *name)
{
	u64 want = want_ns * tsc_khz / 1000000;
	u64 got = best_of_runs(delay, arg);
	u64 got_ns = tsc_cycles_to_ns(got);

	KTEST_EXPECT_GE(test, got, want);
	KTEST_EXPECT_LE(test, got_ns, want_ns + want_ns / 10 + 20000);
	ktest_info(test, "%s(%lu): %llu ns", name, arg, got_ns);
}

static void delay_test_udelay_accuracy(struct ktest *test)
{
	static const unsigned long us[] = { 1, 10, 100, 1000, 5000 };
	unsigned int i;

	KTEST_ASSERT_NE(test, tsc_khz, 0);
	for (i = 0; i < ARRAY_SIZE(us); i++)
		check_delay(test, udelay, us[i], us[i] * 1000, "udelay");
}

static void delay_test_ndelay_mdelay(struct ktest *test)
{
	check_delay(test, ndelay, 500, 500, "ndelay");
	check_delay(test, mdelay, 2, 2 * NSEC_PER_MSEC, "mdelay");
}

/* The tick counts on its own clock: 100 ms of mdelay is ~25 ticks. */
static void delay_test_mdelay_against_tick(struct ktest *test)
{
	unsigned long j = jiffies;

	mdelay(100);
	j = jiffies - j;
	ktest_info(test, "mdelay(100) took %lu jiffies", j);
	KTEST_EXPECT_GE(test, j, HZ / 10 - 2);
	KTEST_EXPECT_LE(test, j, HZ / 10 + HZ / 5);
}

static void delay_test_bogomips(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, loops_per_jiffy, (u64)tsc_khz * 1000 / HZ);
}

static struct ktest_case delay_test_cases[] = {
	KTEST_CASE(delay_test_udelay_accuracy),
	KTEST_CASE(delay_test_ndelay_mdelay),
	KTEST_CASE(delay_test_mdelay_against_tick),
	KTEST_CASE(delay_test_bogomips),
	{}
};

static struct ktest_suite delay_test_suite = {
	.name = "delay",
	.test_cases = delay_test_cases,
};
ktest_suite(delay_test_suite);
