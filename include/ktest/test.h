#ifndef _KTEST_TEST_H
#define _KTEST_TEST_H

/*
 * ktest: Linnet's in-kernel test framework, in the spirit of KUnit.
 *
 * A suite is a table of cases registered in the .ktest_suites linker
 * section with ktest_suite().  `ktest=all` (or `ktest=suite1,suite2`) on
 * the command line runs them at the end of boot and reports KTAP v1 on
 * the console.  EXPECT_* record a failure and let the case go on;
 * ASSERT_* record it and abandon the case at once.
 *
 *	static void list_test_add(struct ktest *test)
 *	{
 *		KTEST_EXPECT_EQ(test, 1, 1);
 *	}
 *	static struct ktest_case list_test_cases[] = {
 *		KTEST_CASE(list_test_add),
 *		{}
 *	};
 *	static struct ktest_suite list_test_suite = {
 *		.name = "list",
 *		.test_cases = list_test_cases,
 *	};
 *	ktest_suite(list_test_suite);
 */

#include <linux/types.h>
#include <linux/compiler.h>

struct ktest;

struct ktest_case {
	void (*run_case)(struct ktest *test);
	const char *name;
};

#define KTEST_CASE(fn)                      \
	{                                   \
		.run_case = fn, .name = #fn \
	}

struct ktest_suite {
	const char *name;
	int (*init)(struct ktest *test); /* before each case */
	void (*exit)(struct ktest *test); /* after each case */
	struct ktest_case *test_cases; /* ends with an empty entry */
	bool manual; /* only when named: not part of ktest=all */
};

enum ktest_status {
	KTEST_SUCCESS,
	KTEST_FAILURE,
	KTEST_SKIPPED,
};

struct ktest {
	const char *name;
	enum ktest_status status;
	const char *skip_reason;
	void *priv; /* for the suite's init/exit */
	void *abort_buf; /* where ASSERT_* jumps; ktest internal */
};

#define ktest_suite(suite)                                               \
	static struct ktest_suite *__ktest_ptr_##suite __used __section( \
		".ktest_suites") = &(suite)

void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt,
		...) __printf(4, 5);
__noreturn void ktest_abort(struct ktest *test);
void ktest_skip(struct ktest *test, const char *reason);
void ktest_info(struct ktest *test, const char *fmt, ...) __printf(2, 3);

/* Runs the suites named in @filter ("all" or "a,b,c"); returns failures. */
int ktest_run(const char *filter);
extern char *ktest_filter;
extern bool ktest_then_init;

#define __KTEST_CHECK(test, cond, fatal, fmt, ...)                \
	do {                                                      \
		if (unlikely(!(cond))) {                          \
			ktest_fail(test, __FILE__, __LINE__, fmt, \
				   ##__VA_ARGS__);                \
			if (fatal)                                \
				ktest_abort(test);                \
		}                                                 \
	} while (0)

#define __KTEST_BINARY(test, a, op, b, fatal)                                  \
	do {                                                                   \
		long long _kt_a = (long long)(a);                              \
		long long _kt_b = (long long)(b);                              \
		__KTEST_CHECK(test, _kt_a op _kt_b, fatal,                     \
			      "Expected %s %s %s, but %s == %lld, %s == %lld", \
			      #a, #op, #b, #a, _kt_a, #b, _kt_b);              \
	} while (0)

#define KTEST_EXPECT_TRUE(test, c) \
	__KTEST_CHECK(test, c, 0, "Expected %s to be true", #c)
#define KTEST_EXPECT_FALSE(test, c) \
	__KTEST_CHECK(test, !(c), 0, "Expected %s to be false", #c)
#define KTEST_EXPECT_EQ(test, a, b) __KTEST_BINARY(test, a, ==, b, 0)
#define KTEST_EXPECT_NE(test, a, b) __KTEST_BINARY(test, a, !=, b, 0)
#define KTEST_EXPECT_LT(test, a, b) __KTEST_BINARY(test, a, <, b, 0)
#define KTEST_EXPECT_LE(test, a, b) __KTEST_BINARY(test, a, <=, b, 0)
#define KTEST_EXPECT_GT(test, a, b) __KTEST_BINARY(test, a, >, b, 0)
#define KTEST_EXPECT_GE(test, a, b) __KTEST_BINARY(test, a, >=, b, 0)
#define KTEST_EXPECT_PTR_EQ(test, a, b)                                \
	__KTEST_CHECK(test, (const void *)(a) == (const void *)(b), 0, \
		      "Expected %s == %s, got %p and %p", #a, #b,      \
		      (const void *)(a), (const void *)(b))
#define KTEST_EXPECT_NULL(test, p) \
	__KTEST_CHECK(test, (p) == NULL, 0, "Expected %s to be NULL", #p)
#define KTEST_EXPECT_NOT_NULL(test, p) \
	__KTEST_CHECK(test, (p) != NULL, 0, "Expected %s not to be NULL", #p)
#define KTEST_EXPECT_STREQ(test, a, b)                                         \
	__KTEST_CHECK(test, ktest_streq(a, b), 0,                              \
		      "Expected %s == %s, got \"%s\" and \"%s\"", #a, #b, (a), \
		      (b))
#define KTEST_EXPECT_MEMEQ(test, a, b, n)                                      \
	__KTEST_CHECK(test, ktest_memeq(a, b, n), 0,                           \
		      "Expected %s and %s to hold the same %zu bytes", #a, #b, \
		      (size_t)(n))

#define KTEST_ASSERT_TRUE(test, c) \
	__KTEST_CHECK(test, c, 1, "Asserted %s to be true", #c)
#define KTEST_ASSERT_FALSE(test, c) \
	__KTEST_CHECK(test, !(c), 1, "Asserted %s to be false", #c)
#define KTEST_ASSERT_EQ(test, a, b) __KTEST_BINARY(test, a, ==, b, 1)
#define KTEST_ASSERT_NE(test, a, b) __KTEST_BINARY(test, a, !=, b, 1)
#define KTEST_ASSERT_GT(test, a, b) __KTEST_BINARY(test, a, >, b, 1)
#define KTEST_ASSERT_GE(test, a, b) __KTEST_BINARY(test, a, >=, b, 1)
#define KTEST_ASSERT_LT(test, a, b) __KTEST_BINARY(test, a, <, b, 1)
#define KTEST_ASSERT_NOT_NULL(test, p) \
	__KTEST_CHECK(test, (p) != NULL, 1, "Asserted %s not to be NULL", #p)

bool ktest_streq(const char *a, const char *b);
bool ktest_memeq(const void *a, const void *b, size_t n);

#endif /* _KTEST_TEST_H */
