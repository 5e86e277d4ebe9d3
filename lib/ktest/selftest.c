/*
 * Tests of ktest itself, and two suites that exist to fail on purpose
 * (run only when named): the harness's negative controls.
 */
#include <linux/kernel.h>
#include <ktest/test.h>

static int selftest_reached;

static void ktest_test_expect_continues(struct ktest *test)
{
	struct ktest inner = { .name = "inner", .status = KTEST_SUCCESS };

	KTEST_EXPECT_EQ(&inner, 1, 2); /* fails inner, not us */
	selftest_reached = 1;
	KTEST_EXPECT_EQ(test, inner.status, KTEST_FAILURE);
	KTEST_EXPECT_EQ(test, selftest_reached, 1);
}

static void ktest_test_assert_aborts(struct ktest *test)
{
	struct ktest inner = { .name = "inner", .status = KTEST_SUCCESS };
	void *buf[5];
	volatile int after = 0;

	inner.abort_buf = buf;
	if (__builtin_setjmp(buf) == 0) {
		KTEST_ASSERT_EQ(&inner, 1, 2);
		after = 1; /* must not run */
	}
	KTEST_EXPECT_EQ(test, after, 0);
	KTEST_EXPECT_EQ(test, inner.status, KTEST_FAILURE);
}

static void ktest_test_skip_sets_status(struct ktest *test)
{
	struct ktest inner = { .name = "inner", .status = KTEST_SUCCESS };

	ktest_skip(&inner, "because");
	KTEST_EXPECT_EQ(test, inner.status, KTEST_SKIPPED);
	KTEST_EXPECT_STREQ(test, inner.skip_reason, "because");
}

static void ktest_test_streq_handles_null(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, ktest_streq(NULL, NULL));
	KTEST_EXPECT_FALSE(test, ktest_streq("a", NULL));
	KTEST_EXPECT_TRUE(test, ktest_streq("abc", "abc"));
	KTEST_EXPECT_FALSE(test, ktest_streq("abc", "abd"));
}

static struct ktest_case ktest_selftest_cases[] = {
	KTEST_CASE(ktest_test_expect_continues),
	KTEST_CASE(ktest_test_assert_aborts),
	KTEST_CASE(ktest_test_skip_sets_status),
	KTEST_CASE(ktest_test_streq_handles_null),
	{}
};

static struct ktest_suite ktest_selftest_suite = {
	.name = "ktest",
	.test_cases = ktest_selftest_cases,
};
ktest_suite(ktest_selftest_suite);

/* ktest=ktest_negative: one passing and one failing case. */
static void negative_passes(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, 2 + 2, 4);
}

static void negative_fails_on_purpose(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, 2 + 2, 5);
}

static struct ktest_case ktest_negative_cases[] = {
	KTEST_CASE(negative_passes), KTEST_CASE(negative_fails_on_purpose), {}
};

static struct ktest_suite ktest_negative_suite = {
	.name = "ktest_negative",
	.test_cases = ktest_negative_cases,
	.manual = true,
};
ktest_suite(ktest_negative_suite);

/*
 * ktest=panic_demo: a NULL dereference in a named function, to show
 * the oops report (symbolized RIP and backtrace) and panic=.
 */
static noinline int panic_demo_null_deref(volatile int *p)
{
	return *p;
}

static void panic_demo_oops(struct ktest *test)
{
	volatile int *volatile p = NULL;

	ktest_info(test, "dereferencing NULL in panic_demo_null_deref()");
	panic_demo_null_deref(p);
	KTEST_EXPECT_TRUE(test, false); /* not reached */
}

static struct ktest_case panic_demo_cases[] = { KTEST_CASE(panic_demo_oops),
						{} };

static struct ktest_suite panic_demo_suite = {
	.name = "panic_demo",
	.test_cases = panic_demo_cases,
	.manual = true,
};
ktest_suite(panic_demo_suite);
