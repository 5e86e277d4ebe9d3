/*
 * Host tests for lib/kstrtox.c.  Its names do not clash with the C
 * library, so nothing is renamed; -ffreestanding keeps the host's
 * headers out of the kernel source, as in the kernel build.
 *
 * host-test-sources: lib/kstrtox.c
 * host-test-lib-cflags: -ffreestanding
 */

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include "hosttest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

/* kstrtoull() of @s must succeed with @want. */
#define EXPECT_ULL(s, base, want)                            \
	do {                                                 \
		unsigned long long _v = 0xbadull;            \
		HT_EXPECT_EQ(kstrtoull(s, base, &_v), 0);    \
		HT_EXPECT(_v == (unsigned long long)(want)); \
	} while (0)

/* kstrtoull() of @s must fail with @err and leave the result alone. */
#define EXPECT_ULL_ERR(s, base, err)                        \
	do {                                                \
		unsigned long long _v = 0xbadull;           \
		HT_EXPECT_EQ(kstrtoull(s, base, &_v), err); \
		HT_EXPECT(_v == 0xbadull);                  \
	} while (0)

#define EXPECT_LL(s, base, want)                         \
	do {                                             \
		long long _v = 0xbad;                    \
		HT_EXPECT_EQ(kstrtoll(s, base, &_v), 0); \
		HT_EXPECT_EQ(_v, want);                  \
	} while (0)

#define EXPECT_LL_ERR(s, base, err)                        \
	do {                                               \
		long long _v = 0xbad;                      \
		HT_EXPECT_EQ(kstrtoll(s, base, &_v), err); \
		HT_EXPECT_EQ(_v, 0xbad);                   \
	} while (0)

HOST_TEST(kstrtoull_base_zero_reads_prefix)
{
	EXPECT_ULL("0x1f", 0, 31);
	EXPECT_ULL("0X1F", 0, 31);
	EXPECT_ULL("017", 0, 15);
	EXPECT_ULL("0", 0, 0);
	EXPECT_ULL("10", 0, 10);
	EXPECT_ULL("+0x10", 0, 16);
}

HOST_TEST(kstrtoull_explicit_bases)
{
	EXPECT_ULL("ff", 16, 255);
	EXPECT_ULL("0xff", 16, 255);
	EXPECT_ULL("777", 8, 511);
	EXPECT_ULL("0777", 8, 511);
	EXPECT_ULL("101", 2, 5);
	EXPECT_ULL("010", 10, 10);
	EXPECT_ULL("zZ", 36, 35 * 36 + 35);
	EXPECT_ULL_ERR("8", 8, -EINVAL);
	EXPECT_ULL_ERR("12", 1, -EINVAL);
	EXPECT_ULL_ERR("12", 37, -EINVAL);
}

HOST_TEST(kstrtoull_accepts_one_trailing_newline)
{
	EXPECT_ULL("42\n", 10, 42);
	EXPECT_ULL("0x2a\n", 0, 42);
	EXPECT_ULL_ERR("42\n\n", 10, -EINVAL);
	EXPECT_ULL_ERR("42 ", 10, -EINVAL);
	EXPECT_ULL_ERR("42\nx", 10, -EINVAL);
	EXPECT_ULL_ERR("\n", 10, -EINVAL);
}

HOST_TEST(kstrtoull_rejects_junk)
{
	EXPECT_ULL_ERR("", 10, -EINVAL);
	EXPECT_ULL_ERR("abc", 10, -EINVAL);
	EXPECT_ULL_ERR("12a", 10, -EINVAL);
	EXPECT_ULL_ERR(" 12", 10, -EINVAL);
	EXPECT_ULL_ERR("-1", 10, -EINVAL);
	EXPECT_ULL_ERR("-0", 10, -EINVAL);
	EXPECT_ULL_ERR("+", 10, -EINVAL);
	EXPECT_ULL_ERR("++1", 10, -EINVAL);
	EXPECT_ULL_ERR("0x", 0, -EINVAL);
	EXPECT_ULL_ERR("0x", 16, -EINVAL);
	EXPECT_ULL_ERR("0xg", 16, -EINVAL);
	EXPECT_ULL_ERR("09", 0, -EINVAL);
}

HOST_TEST(kstrtoull_detects_overflow)
{
	EXPECT_ULL("18446744073709551615", 10, ULLONG_MAX);
	EXPECT_ULL("0xffffffffffffffff", 0, ULLONG_MAX);
	EXPECT_ULL("00000000000000000000000000042", 10, 42);
	EXPECT_ULL_ERR("18446744073709551616", 10, -ERANGE);
	EXPECT_ULL_ERR("0x10000000000000000", 0, -ERANGE);
	EXPECT_ULL_ERR("99999999999999999999999", 10, -ERANGE);
}

HOST_TEST(kstrtoll_signs_and_limits)
{
	EXPECT_LL("-9223372036854775808", 10, LLONG_MIN);
	EXPECT_LL("9223372036854775807", 10, LLONG_MAX);
	EXPECT_LL("+5", 10, 5);
	EXPECT_LL("-5\n", 10, -5);
	EXPECT_LL("-0", 10, 0);
	EXPECT_LL("-0x10", 0, -16);
	EXPECT_LL_ERR("-9223372036854775809", 10, -ERANGE);
	EXPECT_LL_ERR("9223372036854775808", 10, -ERANGE);
	EXPECT_LL_ERR("-+5", 10, -EINVAL);
	EXPECT_LL_ERR("--5", 10, -EINVAL);
	EXPECT_LL_ERR("+-5", 10, -EINVAL);
	EXPECT_LL_ERR("-", 10, -EINVAL);
}

HOST_TEST(kstrtoint_and_kstrtouint_ranges)
{
	unsigned int u = 7;
	int i = 7;

	HT_EXPECT_EQ(kstrtoint("2147483647", 10, &i), 0);
	HT_EXPECT_EQ(i, INT_MAX);
	HT_EXPECT_EQ(kstrtoint("-2147483648", 10, &i), 0);
	HT_EXPECT_EQ(i, INT_MIN);
	HT_EXPECT_EQ(kstrtoint("2147483648", 10, &i), -ERANGE);
	HT_EXPECT_EQ(kstrtoint("-2147483649", 10, &i), -ERANGE);
	HT_EXPECT_EQ(i, INT_MIN);

	HT_EXPECT_EQ(kstrtouint("4294967295", 10, &u), 0);
	HT_EXPECT_EQ(u, UINT_MAX);
	HT_EXPECT_EQ(kstrtouint("4294967296", 10, &u), -ERANGE);
	HT_EXPECT_EQ(kstrtouint("-1", 10, &u), -EINVAL);
	HT_EXPECT_EQ(u, UINT_MAX);
}

HOST_TEST(kstrtoul_and_kstrtol)
{
	unsigned long ul = 0;
	long l = 0;

	HT_EXPECT_EQ(kstrtoul("0x7fffffffffffffff", 0, &ul), 0);
	HT_EXPECT(ul == LONG_MAX);
	HT_EXPECT_EQ(kstrtoul("x", 0, &ul), -EINVAL);
	HT_EXPECT_EQ(kstrtol("-42", 10, &l), 0);
	HT_EXPECT_EQ(l, -42);
	HT_EXPECT_EQ(kstrtol("-9223372036854775808", 0, &l), 0);
	HT_EXPECT_EQ(l, LONG_MIN);
	HT_EXPECT_EQ(kstrtol("9223372036854775808", 0, &l), -ERANGE);
}

HOST_TEST(simple_strtoull_stops_at_first_non_digit)
{
	const char *s;
	char *end;

	s = "123abc";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 10), 123);
	HT_EXPECT(end == s + 3);
	s = "0x1fz";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 0), 31);
	HT_EXPECT(end == s + 4);
	s = "0xg";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 0), 0);
	HT_EXPECT(end == s + 1);
	s = "0x10";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 16), 16);
	HT_EXPECT(end == s + 4);
	s = "0755 ";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 0), 0755);
	HT_EXPECT(end == s + 4);
	s = "";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 10), 0);
	HT_EXPECT(end == s);
	s = " 5";
	HT_EXPECT_EQ(simple_strtoull(s, &end, 10), 0);
	HT_EXPECT(end == s);
}

HOST_TEST(simple_strtol_negates_after_minus)
{
	const char *s = "-42 rest";
	char *end;

	HT_EXPECT_EQ(simple_strtol(s, &end, 10), -42);
	HT_EXPECT_STREQ(end, " rest");
	HT_EXPECT_EQ(simple_strtol("-0x10", NULL, 0), -16);
	HT_EXPECT_EQ(simple_strtol("17", NULL, 0), 17);
	HT_EXPECT(simple_strtoul("4096k", NULL, 10) == 4096);
}

HOST_TEST(simple_strtoull_wraps_on_overflow)
{
	/* 2^64 + 5 wraps to 5: the lenient parser does not check. */
	HT_EXPECT_EQ(simple_strtoull("18446744073709551621", NULL, 10), 5);
}

static const struct host_test host_tests[] = {
	HOST_CASE(kstrtoull_base_zero_reads_prefix),
	HOST_CASE(kstrtoull_explicit_bases),
	HOST_CASE(kstrtoull_accepts_one_trailing_newline),
	HOST_CASE(kstrtoull_rejects_junk),
	HOST_CASE(kstrtoull_detects_overflow),
	HOST_CASE(kstrtoll_signs_and_limits),
	HOST_CASE(kstrtoint_and_kstrtouint_ranges),
	HOST_CASE(kstrtoul_and_kstrtol),
	HOST_CASE(simple_strtoull_stops_at_first_non_digit),
	HOST_CASE(simple_strtol_negates_after_minus),
	HOST_CASE(simple_strtoull_wraps_on_overflow),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
