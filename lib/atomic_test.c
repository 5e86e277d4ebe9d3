/*
 * Atomic operation tests: the value each operation returns (old or
 * new), the conditional ones, and a shared counter under stress.
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <ktest/test.h>
#include <ktest/threads.h>

static void atomic_test_return_values(struct ktest *test)
{
	atomic_t v = ATOMIC_INIT(5);

	KTEST_EXPECT_EQ(test, atomic_fetch_add(3, &v), 5);
	KTEST_EXPECT_EQ(test, atomic_add_return(2, &v), 10);
	KTEST_EXPECT_EQ(test, atomic_fetch_sub_release(4, &v), 10);
	KTEST_EXPECT_EQ(test, atomic_inc_return_relaxed(&v), 7);
	KTEST_EXPECT_EQ(test, atomic_dec_return_acquire(&v), 6);
	KTEST_EXPECT_EQ(test, atomic_fetch_or(0x10, &v), 6);
	KTEST_EXPECT_EQ(test, atomic_fetch_and(0x12, &v), 0x16);
	KTEST_EXPECT_EQ(test, atomic_fetch_xor(0x3, &v), 0x12);
	KTEST_EXPECT_EQ(test, atomic_fetch_andnot(0x1, &v), 0x11);
	KTEST_EXPECT_EQ(test, atomic_read(&v), 0x10);
	KTEST_EXPECT_EQ(test, atomic_xchg(&v, 7), 0x10);
	KTEST_EXPECT_EQ(test, atomic_cmpxchg(&v, 1, 9), 7); /* no match */
	KTEST_EXPECT_EQ(test, atomic_cmpxchg(&v, 7, 9), 7);
	KTEST_EXPECT_EQ(test, atomic_read_acquire(&v), 9);
}

static void atomic_test_try_cmpxchg(struct ktest *test)
{
	atomic_long_t v = ATOMIC_LONG_INIT(4);
	long old = 3;

	KTEST_EXPECT_FALSE(test, atomic_long_try_cmpxchg(&v, &old, 8));
	KTEST_EXPECT_EQ(test, old, 4); /* what was found */
	KTEST_EXPECT_TRUE(test, atomic_long_try_cmpxchg_acquire(&v, &old, 8));
	KTEST_EXPECT_EQ(test, atomic_long_read(&v), 8);
}

static void atomic_test_conditional(struct ktest *test)
{
	atomic_t v = ATOMIC_INIT(0);
	atomic64_t w = ATOMIC64_INIT(1);

	KTEST_EXPECT_FALSE(test, atomic_inc_not_zero(&v));
	KTEST_EXPECT_FALSE(test, atomic_add_unless(&v, 1, 0));
	KTEST_EXPECT_EQ(test, atomic_dec_if_positive(&v), -1);
	KTEST_EXPECT_EQ(test, atomic_read(&v), 0); /* unchanged */
	KTEST_EXPECT_TRUE(test, atomic_dec_unless_positive(&v));
	KTEST_EXPECT_FALSE(test, atomic_inc_unless_negative(&v));
	KTEST_EXPECT_TRUE(test, atomic_add_negative(-1, &v));
	KTEST_EXPECT_TRUE(test, atomic_inc_and_test(&v) == false);
	KTEST_EXPECT_TRUE(test, atomic64_dec_and_test(&w));
	KTEST_EXPECT_TRUE(test, atomic64_inc_not_zero(&w) == false);
	KTEST_EXPECT_EQ(test, atomic64_fetch_add_unless(&w, 5, 0), 0);
	KTEST_EXPECT_TRUE(test, atomic_sub_and_test(-2, &v) == false);
}

#define ATOMIC_STRESS_ITERS 20000

static int atomic_stress_fn(void *data, unsigned int index)
{
	atomic_long_t *v = data;
	int i;

	for (i = 0; i < ATOMIC_STRESS_ITERS; i++) {
		atomic_long_inc(v);
		if (!(i % 4096))
			yield();
	}
	return 0;
}

static void atomic_test_stress_exact(struct ktest *test)
{
	static atomic_long_t v;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4);

	atomic_long_set(&v, 0);
	ktest_threads_start(test, &g, atomic_stress_fn, &v, n, "ktest_atomic");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_long_read(&v),
			(long)n * ATOMIC_STRESS_ITERS);
}

static struct ktest_case atomic_test_cases[] = {
	KTEST_CASE(atomic_test_return_values),
	KTEST_CASE(atomic_test_try_cmpxchg),
	KTEST_CASE(atomic_test_conditional),
	KTEST_CASE(atomic_test_stress_exact),
	{}
};

static struct ktest_suite atomic_test_suite = {
	.name = "atomic",
	.test_cases = atomic_test_cases,
};
ktest_suite(atomic_test_suite);
