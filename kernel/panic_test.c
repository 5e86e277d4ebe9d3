/*
 * WARN_ON() and friends report and let the kernel go on.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <ktest/test.h>

static bool warn_once_site(bool cond)
{
	return WARN_ON_ONCE(cond);
}

static void panic_test_warn_on_returns_condition(struct ktest *test)
{
	unsigned long before = warn_count;

	KTEST_EXPECT_FALSE(test, WARN_ON(0));
	KTEST_EXPECT_EQ(test, warn_count, before);
	KTEST_EXPECT_TRUE(test, WARN_ON(1)); /* prints a backtrace */
	KTEST_EXPECT_EQ(test, warn_count, before + 1);
}

static void panic_test_warn_once_warns_once(struct ktest *test)
{
	unsigned long before = warn_count;

	KTEST_EXPECT_TRUE(test, warn_once_site(true));
	KTEST_EXPECT_TRUE(test, warn_once_site(true)); /* still true... */
	KTEST_EXPECT_EQ(test, warn_count, before + 1); /* ...but silent */
}

static struct ktest_case panic_test_cases[] = {
	KTEST_CASE(panic_test_warn_on_returns_condition),
	KTEST_CASE(panic_test_warn_once_warns_once),
	{}
};

static struct ktest_suite panic_test_suite = {
	.name = "warn",
	.test_cases = panic_test_cases,
};
ktest_suite(panic_test_suite);
