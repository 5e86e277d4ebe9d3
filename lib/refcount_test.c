/*
 * refcount_t tests: the ordinary life of a count, and each misuse
 * saturating instead of wrapping -- with one warning per kind.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <ktest/test.h>

static void refcount_test_life(struct ktest *test)
{
	refcount_t r = REFCOUNT_INIT(1);

	refcount_inc(&r);
	KTEST_EXPECT_EQ(test, refcount_read(&r), 2);
	KTEST_EXPECT_TRUE(test, refcount_inc_not_zero(&r));
	KTEST_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	refcount_dec(&r);
	KTEST_EXPECT_TRUE(test, refcount_dec_if_one(&r));
	KTEST_EXPECT_EQ(test, refcount_read(&r), 0);
	KTEST_EXPECT_FALSE(test, refcount_inc_not_zero(&r)); /* being freed */
	KTEST_EXPECT_EQ(test, refcount_read(&r), 0);
}

static void refcount_test_dec_and_test_last(struct ktest *test)
{
	refcount_t r;

	refcount_set(&r, 3);
	KTEST_EXPECT_FALSE(test, refcount_sub_and_test(2, &r));
	KTEST_EXPECT_TRUE(test, refcount_dec_and_test(&r));
	refcount_set(&r, 2);
	KTEST_EXPECT_TRUE(test, refcount_dec_not_one(&r));
	KTEST_EXPECT_FALSE(test, refcount_dec_not_one(&r)); /* last one */
	KTEST_EXPECT_EQ(test, refcount_read(&r), 1);
}

static void refcount_test_dec_and_lock(struct ktest *test)
{
	refcount_t r = REFCOUNT_INIT(2);
	spinlock_t lock;

	spin_lock_init(&lock);
	KTEST_EXPECT_FALSE(test, refcount_dec_and_lock(&r, &lock));
	KTEST_EXPECT_FALSE(test, spin_is_locked(&lock));
	KTEST_EXPECT_TRUE(test, refcount_dec_and_lock(&r, &lock));
	KTEST_EXPECT_TRUE(test, spin_is_locked(&lock)); /* we hold it */
	spin_unlock(&lock);
}

/*
 * Overflow: INT_MAX + 1 would wrap to INT_MIN and, a few decrements
 * later, free a live object; instead the count parks at
 * REFCOUNT_SATURATED and stays there.
 */
static void refcount_test_overflow_saturates(struct ktest *test)
{
	unsigned long warns = warn_count;
	refcount_t r;

	refcount_set(&r, INT_MAX);
	ktest_info(test,
		   "expected below: WARNING: refcount_t: overflow, saturated");
	refcount_inc(&r);
	KTEST_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	refcount_inc(&r);
	KTEST_EXPECT_TRUE(test, refcount_dec_not_one(&r));
	KTEST_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1); /* once per kind */
}

static void refcount_test_inc_from_zero_saturates(struct ktest *test)
{
	unsigned long warns = warn_count;
	refcount_t r = REFCOUNT_INIT(0);

	ktest_info(test,
		   "expected below: WARNING: refcount_t: increment from 0");
	refcount_inc(&r);
	KTEST_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static void refcount_test_underflow_saturates(struct ktest *test)
{
	unsigned long warns = warn_count;
	refcount_t r = REFCOUNT_INIT(1);

	KTEST_EXPECT_TRUE(test, refcount_dec_and_test(&r));
	ktest_info(test,
		   "expected below: WARNING: refcount_t: decrement below 0");
	KTEST_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KTEST_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static struct ktest_case refcount_test_cases[] = {
	KTEST_CASE(refcount_test_life),
	KTEST_CASE(refcount_test_dec_and_test_last),
	KTEST_CASE(refcount_test_dec_and_lock),
	KTEST_CASE(refcount_test_overflow_saturates),
	KTEST_CASE(refcount_test_inc_from_zero_saturates),
	KTEST_CASE(refcount_test_underflow_saturates),
	{}
};

static struct ktest_suite refcount_test_suite = {
	.name = "refcount",
	.test_cases = refcount_test_cases,
};
ktest_suite(refcount_test_suite);
