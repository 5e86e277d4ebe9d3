/*
 * In-kernel tests for lib/vsprintf.c.  The host tests in
 * tests/host/vsprintf_test.c cover the conversions in depth; these check
 * the kernel build itself, and %pS against the real symbol table.
 */

#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <ktest/test.h>

static void vsprintf_test_integers(struct ktest *test)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d %i %u", INT_MIN, -1, UINT_MAX);
	KTEST_EXPECT_STREQ(test, buf, "-2147483648 -1 4294967295");
	snprintf(buf, sizeof(buf), "%lld %llx", LLONG_MIN, ULLONG_MAX);
	KTEST_EXPECT_STREQ(test, buf, "-9223372036854775808 ffffffffffffffff");
	snprintf(buf, sizeof(buf), "[%-6d|%06d|%+d|%#o]", 42, -42, 7, 8);
	KTEST_EXPECT_STREQ(test, buf, "[42    |-00042|+7|010]");
	snprintf(buf, sizeof(buf), "%#lx/%#lx", 0UL, 0x1a0UL);
	KTEST_EXPECT_STREQ(test, buf, "0x0/0x1a0");
}

static void vsprintf_test_strings(struct ktest *test)
{
	/* volatile: the compiler must not see the NULL and warn about it. */
	const char *volatile null = NULL;
	static const char percent[] = "ok%";
	char buf[64];

	snprintf(buf, sizeof(buf), "[%s|%-5s|%5s|%.2s]", "a", "bc", "de",
		 "fgh");
	KTEST_EXPECT_STREQ(test, buf, "[a|bc   |   de|fg]");
	snprintf(buf, sizeof(buf), "%s", null);
	KTEST_EXPECT_STREQ(test, buf, "(null)");
	snprintf(buf, sizeof(buf), "%c%c%%", 'o', 'k');
	KTEST_EXPECT_STREQ(test, buf, percent);
}

/*
 * The KTEST_EXPECT_* macros paste their arguments' text into a format
 * string, so the calls with formats in them are made beforehand.
 */
static void vsprintf_test_truncation(struct ktest *test)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = snprintf(buf, 4, "%d", 123456);
	KTEST_EXPECT_EQ(test, n, 6);
	KTEST_EXPECT_STREQ(test, buf, "123");
	KTEST_EXPECT_EQ(test, buf[4], 'z');
	n = snprintf(NULL, 0, "%s", "abcdef");
	KTEST_EXPECT_EQ(test, n, 6);
	n = scnprintf(buf, sizeof(buf), "%s", "abcdefghij");
	KTEST_EXPECT_EQ(test, n, 7);
	KTEST_EXPECT_STREQ(test, buf, "abcdefg");
	n = scnprintf(buf, 0, "%s", "abc");
	KTEST_EXPECT_EQ(test, n, 0);
}

/* Goes through kernel/kallsyms.c and the real symbol table. */
static void vsprintf_test_symbol(struct ktest *test)
{
	static const char want[] = "vsnprintf+0x0";
	char buf[KSYM_SYMBOL_LEN];

	snprintf(buf, sizeof(buf), "%pS", (void *)vsnprintf);
	KTEST_EXPECT_TRUE(test, strncmp(buf, want, sizeof(want) - 1) == 0);
	if (strncmp(buf, want, sizeof(want) - 1))
		ktest_info(test, "%%pS of vsnprintf gave \"%s\"", buf);
	snprintf(buf, sizeof(buf), "%ps", (void *)vsnprintf);
	KTEST_EXPECT_STREQ(test, buf, "vsnprintf");
}

static struct ktest_case vsprintf_test_cases[] = {
	KTEST_CASE(vsprintf_test_integers),
	KTEST_CASE(vsprintf_test_strings),
	KTEST_CASE(vsprintf_test_truncation),
	KTEST_CASE(vsprintf_test_symbol),
	{}
};

static struct ktest_suite vsprintf_test_suite = {
	.name = "vsprintf",
	.test_cases = vsprintf_test_cases,
};
ktest_suite(vsprintf_test_suite);
