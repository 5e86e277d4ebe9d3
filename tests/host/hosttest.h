#ifndef _HOSTTEST_H
#define _HOSTTEST_H

/*
 * Host unit tests: lib/ code compiled for the host under ASan/UBSan.
 * Each tests/host/<name>_test.c is one program; it names the kernel
 * sources it links in a comment line of the form
 *
 *	host-test-sources: lib/rbtree.c lib/sort.c
 *
 * (and, if needed, extra compiler flags on a "host-test-cflags:" line).
 * A program reports KTAP v1: one "ok N name" / "not ok N name" per case.
 *
 *	HOST_TEST(rbtree_insert_keeps_order)
 *	{
 *		HT_EXPECT(1 + 1 == 2);
 *	}
 *	int main(void)
 *	{
 *		return host_test_main(host_tests, ARRAY_SIZE(host_tests));
 *	}
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>

struct host_test {
	const char *name;
	void (*fn)(void);
};

static int ht_failed;
static jmp_buf ht_abort;

#define HT_EXPECT(cond)                                                \
	do {                                                           \
		if (!(cond)) {                                         \
			printf("    # %s:%d: expected %s\n", __FILE__, \
			       __LINE__, #cond);                       \
			ht_failed = 1;                                 \
		}                                                      \
	} while (0)

#define HT_ASSERT(cond)                                                \
	do {                                                           \
		if (!(cond)) {                                         \
			printf("    # %s:%d: asserted %s\n", __FILE__, \
			       __LINE__, #cond);                       \
			ht_failed = 1;                                 \
			longjmp(ht_abort, 1);                          \
		}                                                      \
	} while (0)

#define HT_EXPECT_EQ(a, b)                                                            \
	do {                                                                          \
		long long _a = (long long)(a), _b = (long long)(b);                   \
		if (_a != _b) {                                                       \
			printf("    # %s:%d: expected %s == %s, got %lld and %lld\n", \
			       __FILE__, __LINE__, #a, #b, _a, _b);                   \
			ht_failed = 1;                                                \
		}                                                                     \
	} while (0)

#define HT_EXPECT_STREQ(a, b)                                              \
	do {                                                               \
		const char *_a = (a), *_b = (b);                           \
		if (strcmp(_a, _b) != 0) {                                 \
			printf("    # %s:%d: expected \"%s\" == \"%s\"\n", \
			       __FILE__, __LINE__, _a, _b);                \
			ht_failed = 1;                                     \
		}                                                          \
	} while (0)

#define HOST_TEST(fn) static void fn(void)
#define HOST_CASE(fn)   \
	{               \
#fn, fn \
	}

static inline int host_test_main(const struct host_test *t, int n)
{
	int i, failures = 0;

	setvbuf(stdout, NULL, _IOLBF,
		0); /* keep output if a sanitizer aborts */
	printf("KTAP version 1\n1..%d\n", n);
	for (i = 0; i < n; i++) {
		ht_failed = 0;
		if (!setjmp(ht_abort))
			t[i].fn();
		printf("%sok %d %s\n", ht_failed ? "not " : "", i + 1,
		       t[i].name);
		failures += ht_failed;
	}
	fflush(stdout);
	return failures ? 1 : 0;
}

#endif /* _HOSTTEST_H */
