/*
 * Host tests for lib/vsprintf.c: the kernel's vsnprintf() against the
 * host C library's on the conversions where both agree, and against
 * written-out expectations for Linux's own behaviour and %p extensions.
 *
 * The kernel's functions have the C library's names, so the kernel
 * source is built with them renamed (the lib-cflags line below, applied
 * to lib/vsprintf.c only); this file calls the renamed k_* functions and
 * keeps plain snprintf() for the C library's reference output.
 *
 * host-test-sources: lib/vsprintf.c
 * host-test-lib-cflags: -ffreestanding -Dvsnprintf=k_vsnprintf -Dsnprintf=k_snprintf -Dvscnprintf=k_vscnprintf -Dscnprintf=k_scnprintf -Dsprintf=k_sprintf
 */

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hosttest.h"

/*
 * Some formats below combine flags on purpose that the C standard calls
 * redundant ("%-08d", "%+ d", "%+u"); both printfs must agree on them.
 */
#pragma GCC diagnostic ignored "-Wformat"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int k_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int k_snprintf(char *buf, size_t size, const char *fmt, ...);
int k_vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int k_scnprintf(char *buf, size_t size, const char *fmt, ...);
int k_sprintf(char *buf, const char *fmt, ...);

/*
 * Stand-ins for kernel/kallsyms.c: every address is 0x10 bytes into a
 * 0x40-byte function called "stub_fn".
 */
int sprint_symbol(char *buf, unsigned long addr);
int sprint_symbol_no_offset(char *buf, unsigned long addr);

int sprint_symbol(char *buf, unsigned long addr)
{
	return sprintf(buf, "stub_fn+0x10/0x40");
}

int sprint_symbol_no_offset(char *buf, unsigned long addr)
{
	return sprintf(buf, "stub_fn");
}

/*
 * Formats with both the kernel's and libc's snprintf into generous
 * buffers and compares the text and the return value.
 */
#define EXPECT_LIKE_LIBC(fmt, ...)                                         \
	do {                                                               \
		char _k[256], _c[256];                                     \
		int _kn = k_snprintf(_k, sizeof(_k), fmt, ##__VA_ARGS__);  \
		int _cn = snprintf(_c, sizeof(_c), fmt, ##__VA_ARGS__);    \
		if (_kn != _cn || strcmp(_k, _c)) {                        \
			printf("    # %s:%d: \"%s\": kernel \"%s\" (%d), " \
			       "libc \"%s\" (%d)\n",                       \
			       __FILE__, __LINE__, fmt, _k, _kn, _c, _cn); \
			ht_failed = 1;                                     \
		}                                                          \
	} while (0)

/* Formats with the kernel's snprintf and compares with a known text. */
#define EXPECT_FORMAT(expect, fmt, ...)                                   \
	do {                                                              \
		char _k[512];                                             \
		int _kn = k_snprintf(_k, sizeof(_k), fmt, ##__VA_ARGS__); \
		HT_EXPECT_STREQ(_k, expect);                              \
		HT_EXPECT_EQ(_kn, strlen(expect));                        \
	} while (0)

HOST_TEST(vsprintf_signed_decimal_limits)
{
	EXPECT_LIKE_LIBC("%d", 0);
	EXPECT_LIKE_LIBC("%d", -1);
	EXPECT_LIKE_LIBC("%d %i", INT_MIN, INT_MAX);
	EXPECT_LIKE_LIBC("%ld %ld", LONG_MIN, LONG_MAX);
	EXPECT_LIKE_LIBC("%lld %lld", LLONG_MIN, LLONG_MAX);
	EXPECT_LIKE_LIBC("%hd %hd", SHRT_MIN, 40000);
	EXPECT_LIKE_LIBC("%hhd %hhd", 200, -129);
}

HOST_TEST(vsprintf_unsigned_in_each_base)
{
	EXPECT_LIKE_LIBC("%u %u", 0u, UINT_MAX);
	EXPECT_LIKE_LIBC("%lu %llu", ULONG_MAX, ULLONG_MAX);
	EXPECT_LIKE_LIBC("%x %X", 0xdeadbeefu, 0xdeadbeefu);
	EXPECT_LIKE_LIBC("%llx %llX", ULLONG_MAX, 0x0123456789abcdefull);
	EXPECT_LIKE_LIBC("%o %lo", 0777u, ULONG_MAX);
	EXPECT_LIKE_LIBC("%hx %hhx %hu", 0x12345, 0x1ff, 70000);
	EXPECT_LIKE_LIBC("%u", -1);
}

HOST_TEST(vsprintf_flags)
{
	EXPECT_LIKE_LIBC("[%-08d]", 42);
	EXPECT_LIKE_LIBC("[%+ d] [% +d]", 42, 42);
	EXPECT_LIKE_LIBC("[%+d] [%+d] [%+d]", 0, 7, -7);
	EXPECT_LIKE_LIBC("[% d] [% d]", 7, -7);
	EXPECT_LIKE_LIBC("[%08d] [%08d]", 42, -42);
	EXPECT_LIKE_LIBC("[%+08d] [% 08d]", 42, 42);
	EXPECT_LIKE_LIBC("[%-8d] [%-8u]", -42, 42u);
	EXPECT_LIKE_LIBC("[%#x] [%#X] [%#o]", 255, 255, 8);
	EXPECT_LIKE_LIBC("[%#o]", 0);
	EXPECT_LIKE_LIBC("[%#08x] [%#-8x] [%#10o]", 255, 255, 8);
	EXPECT_LIKE_LIBC("[%+u] [% u] [%+x]", 5u, 5u, 5u);
}

HOST_TEST(vsprintf_width_and_precision)
{
	EXPECT_LIKE_LIBC("[%8.3d] [%-8.3d]", 5, 5);
	EXPECT_LIKE_LIBC("[%.5d] [%.5d]", 42, -42);
	EXPECT_LIKE_LIBC("[%2d]", 12345);
	EXPECT_LIKE_LIBC("[%.3s] [%10.3s] [%-10.3s]", "abcdef", "abcdef",
			 "abcdef");
	EXPECT_LIKE_LIBC("[%-10s] [%10s] [%2s]", "abc", "abc", "abc");
	EXPECT_LIKE_LIBC("[%.0s]", "abc");
	EXPECT_LIKE_LIBC("[%.10x] [%#.8x]", 0xabcu, 0xabcu);
}

HOST_TEST(vsprintf_star_width_and_precision)
{
	EXPECT_LIKE_LIBC("[%*d]", 6, 42);
	EXPECT_LIKE_LIBC("[%*d]", -6, 42);
	EXPECT_LIKE_LIBC("[%-*d]", -6, 42);
	EXPECT_LIKE_LIBC("[%.*d]", 4, 7);
	EXPECT_LIKE_LIBC("[%*.*s]", 8, 2, "hello");
	EXPECT_LIKE_LIBC("[%.*s]", -1, "hello");
	EXPECT_LIKE_LIBC("[%*s|%*s]", 3, "a", -3, "b");
}

HOST_TEST(vsprintf_length_modifiers)
{
	EXPECT_LIKE_LIBC("%zu %zd %zx", SIZE_MAX, (ssize_t)-1, (size_t)0xfff);
	EXPECT_LIKE_LIBC("%td %tx", (ptrdiff_t)-12345, (ptrdiff_t)0x10);
	EXPECT_LIKE_LIBC("%jd %ju", INTMAX_MIN, UINTMAX_MAX);
	EXPECT_LIKE_LIBC("%lld|%d|%ld", -5ll, 6, 7l);
}

/* L and q are long long to the kernel; libc has no integer meaning for them. */
HOST_TEST(vsprintf_kernel_long_long_synonyms)
{
	EXPECT_FORMAT("-1 18446744073709551615", "%Ld %Lu", -1ll, ULLONG_MAX);
	EXPECT_FORMAT("ffffffffffffffff 42", "%qx %Zu", ULLONG_MAX, (size_t)42);
}

HOST_TEST(vsprintf_chars_and_percent)
{
	EXPECT_LIKE_LIBC("[%c]", 'A');
	EXPECT_LIKE_LIBC("[%5c] [%-3c]", 'x', 'y');
	EXPECT_LIKE_LIBC("100%% of %d%%", 3);
	EXPECT_LIKE_LIBC("%s and %s", "one", "two");
	EXPECT_LIKE_LIBC("no conversions at all");
	EXPECT_LIKE_LIBC("%s", "");
}

HOST_TEST(vsprintf_char_zero_is_stored)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = k_snprintf(buf, sizeof(buf), "a%cb", 0);
	HT_EXPECT_EQ(n, 3);
	HT_EXPECT(memcmp(buf, "a\0b\0", 4) == 0);
}

/* Where Linux's vsnprintf deliberately differs from ISO C (see the file). */
HOST_TEST(vsprintf_linux_integer_quirks)
{
	EXPECT_FORMAT("0", "%.0d", 0);
	EXPECT_FORMAT("[0]", "[%.0x]", 0);
	EXPECT_FORMAT("0x0", "%#x", 0);
	EXPECT_FORMAT("0X0", "%#X", 0);
	EXPECT_FORMAT("00007", "%05.3d", 7);
	EXPECT_FORMAT("0", "%#o", 0);
	EXPECT_FORMAT("0x0/0x40", "%#lx/%#lx", 0ul, 0x40ul);
}

HOST_TEST(vsprintf_truncation_returns_full_length)
{
	char buf[16];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = k_snprintf(buf, 5, "hello %s", "world");
	HT_EXPECT_EQ(n, 11);
	HT_EXPECT_STREQ(buf, "hell");
	HT_EXPECT_EQ(buf[5], 'z');

	memset(buf, 'z', sizeof(buf));
	n = k_snprintf(buf, 1, "hello");
	HT_EXPECT_EQ(n, 5);
	HT_EXPECT_EQ(buf[0], '\0');
	HT_EXPECT_EQ(buf[1], 'z');

	n = k_snprintf(buf, 6, "hello");
	HT_EXPECT_EQ(n, 5);
	HT_EXPECT_STREQ(buf, "hello");
}

HOST_TEST(vsprintf_zero_size_writes_nothing)
{
	char c = 'z';

	HT_EXPECT_EQ(k_snprintf(NULL, 0, "%d-%s", 1234, "abc"), 8);
	HT_EXPECT_EQ(k_snprintf(&c, 0, "abc"), 3);
	HT_EXPECT_EQ(c, 'z');
}

HOST_TEST(vsprintf_truncation_matches_libc_at_every_size)
{
	static const char fmt[] = "[%-6d|%08x|%.2s]";
	char k[40], c[40];
	size_t size;
	int kn, cn;

	for (size = 0; size <= sizeof(k); size++) {
		memset(k, 'z', sizeof(k));
		memset(c, 'z', sizeof(c));
		kn = k_snprintf(k, size, fmt, -12, 0xbeef, "xyz");
		cn = snprintf(c, size, fmt, -12, 0xbeef, "xyz");
		HT_EXPECT_EQ(kn, cn);
		HT_EXPECT(memcmp(k, c, sizeof(k)) == 0);
	}
}

HOST_TEST(vscnprintf_returns_bytes_stored)
{
	char buf[8];

	HT_EXPECT_EQ(k_scnprintf(buf, sizeof(buf), "%s", "abc"), 3);
	HT_EXPECT_EQ(k_scnprintf(buf, sizeof(buf), "%s", "abcdefghij"), 7);
	HT_EXPECT_STREQ(buf, "abcdefg");
	HT_EXPECT_EQ(k_scnprintf(buf, 1, "%s", "abc"), 0);
	HT_EXPECT_EQ(k_scnprintf(buf, 0, "%s", "abc"), 0);
	HT_EXPECT_EQ(k_scnprintf(buf, sizeof(buf), "%s", "1234567"), 7);
}

HOST_TEST(sprintf_returns_length)
{
	char buf[64];

	HT_EXPECT_EQ(k_sprintf(buf, "%s=%d", "answer", 42), 9);
	HT_EXPECT_STREQ(buf, "answer=42");
}

HOST_TEST(vsprintf_rejects_absurd_size)
{
	char buf[4] = "abc";

	HT_EXPECT_EQ(k_snprintf(buf, (size_t)INT_MAX + 1, "x"), 0);
	HT_EXPECT_STREQ(buf, "abc");
}

HOST_TEST(vsprintf_bad_string_pointers)
{
	EXPECT_FORMAT("(null)", "%s", (char *)NULL);
	EXPECT_FORMAT("[  (null)]", "[%8s]", (char *)NULL);
	EXPECT_FORMAT("(efault)", "%s", (char *)16);
	EXPECT_FORMAT("(efault)", "%s", (char *)(intptr_t)-EFAULT);
}

HOST_TEST(vsprintf_unknown_conversion_ends_output)
{
	char buf[16];
	int n = 0;

	EXPECT_FORMAT("a", "a%yb%d", 5);
	EXPECT_FORMAT("x", "x%nzz", &n);
	HT_EXPECT_EQ(n, 0);
	EXPECT_FORMAT("tail", "tail%");
	HT_EXPECT_EQ(k_snprintf(buf, sizeof(buf), "%d%k", 7), 1);
}

HOST_TEST(vsprintf_plain_pointer_is_raw_hex)
{
	void *p = (void *)0x1234abcdul;

	EXPECT_FORMAT("0x000000001234abcd", "%p", p);
	EXPECT_FORMAT("0x000000001234abcd", "%pK", p);
	EXPECT_FORMAT("000000001234abcd", "%px", p);
	EXPECT_FORMAT("0x0000000000000000", "%p", NULL);
	EXPECT_FORMAT("[  0x000000001234abcd]", "[%20p]", p);
	EXPECT_FORMAT("[0x000000001234abcd  ]", "[%-20p]", p);
	EXPECT_FORMAT("0xffffffff80001000", "%p", (void *)0xffffffff80001000ul);
}

HOST_TEST(vsprintf_pointer_extension_consumes_alnum)
{
	void *p = (void *)0x10ul;

	EXPECT_FORMAT("0x0000000000000010 end", "%pZq9 end", p);
	EXPECT_FORMAT("0x0000000000000010-", "%pI6-", p);
}

HOST_TEST(vsprintf_symbol_pointer)
{
	void *fn = (void *)0xffffffff81000010ul;

	EXPECT_FORMAT("stub_fn+0x10/0x40", "%pS", fn);
	EXPECT_FORMAT("stub_fn+0x10/0x40", "%pSR", fn);
	EXPECT_FORMAT("at stub_fn!", "at %ps!", fn);
	EXPECT_FORMAT("[stub_fn   ]", "[%-10ps]", fn);
	EXPECT_FORMAT("[   stub_fn]", "[%10ps]", fn);
}

HOST_TEST(vsprintf_mac_address)
{
	static const unsigned char mac[6] = {
		0x00, 0x1b, 0x21, 0xaa, 0xbc, 0xff
	};

	EXPECT_FORMAT("00:1b:21:aa:bc:ff", "%pM", mac);
	EXPECT_FORMAT("ff:bc:aa:21:1b:00", "%pMR", mac);
	EXPECT_FORMAT("00-1b-21-aa-bc-ff", "%pMF", mac);
	EXPECT_FORMAT("001b21aabcff", "%pm", mac);
	EXPECT_FORMAT("[00:1b:21:aa:bc:ff ]", "[%-18pM]", mac);
}

HOST_TEST(vsprintf_ipv4_address)
{
	static const unsigned char ip[4] = { 192, 168, 0, 7 };
	static const unsigned char ip2[4] = { 10, 0, 255, 100 };

	EXPECT_FORMAT("192.168.0.7", "%pI4", ip);
	EXPECT_FORMAT("10.0.255.100", "%pI4", ip2);
	EXPECT_FORMAT("192.168.000.007", "%pi4", ip);
	EXPECT_FORMAT("[    192.168.0.7]", "[%15pI4]", ip);
}

HOST_TEST(vsprintf_hex_dump)
{
	static const unsigned char bytes[] = { 0xde, 0xad, 0xbe, 0xef, 0x01 };
	unsigned char big[100];
	char buf[512];
	int n;

	EXPECT_FORMAT("de", "%ph", bytes);
	EXPECT_FORMAT("de ad be ef", "%4ph", bytes);
	EXPECT_FORMAT("de:ad:be", "%*phC", 3, bytes);
	EXPECT_FORMAT("de-ad-be-ef-01", "%5phD", bytes);
	EXPECT_FORMAT("dead", "%2phN", bytes);
	EXPECT_FORMAT("[]", "[%*ph]", 0, bytes);

	/* At most 64 bytes: 64 pairs and 63 separators. */
	memset(big, 0x5a, sizeof(big));
	n = k_snprintf(buf, sizeof(buf), "%*ph", 100, big);
	HT_EXPECT_EQ(n, 64 * 3 - 1);
	HT_EXPECT(strncmp(buf, "5a 5a ", 6) == 0);
}

HOST_TEST(vsprintf_address_by_reference)
{
	uint64_t phys = 0x12345678;
	uint64_t dma = 0xfeedull << 32;

	EXPECT_FORMAT("0x0000000012345678", "%pa", &phys);
	EXPECT_FORMAT("0x0000000012345678", "%pap", &phys);
	EXPECT_FORMAT("0x0000feed00000000", "%pad", &dma);
}

HOST_TEST(vsprintf_pointee_extensions_check_pointer)
{
	EXPECT_FORMAT("(null)", "%pM", NULL);
	EXPECT_FORMAT("(null)", "%pI4", NULL);
	EXPECT_FORMAT("(null)", "%4ph", NULL);
	EXPECT_FORMAT("(null)", "%pa", NULL);
	EXPECT_FORMAT("(efault)", "%pM", (void *)(intptr_t)-EINVAL);
	EXPECT_FORMAT("(efault)", "%pI4", (void *)8);
}

/* A tiny deterministic generator, so failures reproduce. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/*
 * Builds a random integer conversion, steering clear of the cases where
 * Linux and ISO C disagree (precision with '0', '#' with a zero, '#'
 * octal with a precision, precision 0 of a zero).
 */
static void random_int_format(char *fmt, uint64_t value, bool *is_ll)
{
	static const char convs[] = "diuxXo";
	char conv = convs[rng() % 6];
	bool has_prec = rng() % 2;
	char *p = fmt;

	*p++ = '%';
	if (rng() % 3 == 0)
		*p++ = '-';
	if (rng() % 4 == 0)
		*p++ = '+';
	if (rng() % 4 == 0)
		*p++ = ' ';
	if (rng() % 3 == 0 && value && !(conv == 'o' && has_prec))
		*p++ = '#';
	if (rng() % 3 == 0 && !has_prec)
		*p++ = '0';
	if (rng() % 2)
		p += sprintf(p, "%d", (int)(rng() % 30));
	if (has_prec)
		p += sprintf(p, ".%d", (int)(rng() % 25) + (value == 0));
	*is_ll = rng() % 2;
	if (*is_ll) {
		*p++ = 'l';
		*p++ = 'l';
	}
	*p++ = conv;
	*p = '\0';
}

HOST_TEST(vsprintf_matches_libc_on_random_integer_formats)
{
	char fmt[32], k[128], c[128];
	uint64_t value;
	bool is_ll;
	int i, kn, cn, bad = 0;

	for (i = 0; i < 20000; i++) {
		value = rng() >> (rng() % 64);
		if (rng() % 8 == 0)
			value = 0;
		random_int_format(fmt, value, &is_ll);
		if (is_ll) {
			kn = k_snprintf(k, sizeof(k), fmt, value);
			cn = snprintf(c, sizeof(c), fmt, value);
		} else {
			kn = k_snprintf(k, sizeof(k), fmt, (unsigned int)value);
			cn = snprintf(c, sizeof(c), fmt, (unsigned int)value);
		}
		if ((kn != cn || strcmp(k, c)) && bad++ < 5)
			printf("    # \"%s\" of %#llx: kernel \"%s\", "
			       "libc \"%s\"\n",
			       fmt, (unsigned long long)value, k, c);
	}
	HT_EXPECT_EQ(bad, 0);
}

static const struct host_test host_tests[] = {
	HOST_CASE(vsprintf_signed_decimal_limits),
	HOST_CASE(vsprintf_unsigned_in_each_base),
	HOST_CASE(vsprintf_flags),
	HOST_CASE(vsprintf_width_and_precision),
	HOST_CASE(vsprintf_star_width_and_precision),
	HOST_CASE(vsprintf_length_modifiers),
	HOST_CASE(vsprintf_kernel_long_long_synonyms),
	HOST_CASE(vsprintf_chars_and_percent),
	HOST_CASE(vsprintf_char_zero_is_stored),
	HOST_CASE(vsprintf_linux_integer_quirks),
	HOST_CASE(vsprintf_truncation_returns_full_length),
	HOST_CASE(vsprintf_zero_size_writes_nothing),
	HOST_CASE(vsprintf_truncation_matches_libc_at_every_size),
	HOST_CASE(vscnprintf_returns_bytes_stored),
	HOST_CASE(sprintf_returns_length),
	HOST_CASE(vsprintf_rejects_absurd_size),
	HOST_CASE(vsprintf_bad_string_pointers),
	HOST_CASE(vsprintf_unknown_conversion_ends_output),
	HOST_CASE(vsprintf_plain_pointer_is_raw_hex),
	HOST_CASE(vsprintf_pointer_extension_consumes_alnum),
	HOST_CASE(vsprintf_symbol_pointer),
	HOST_CASE(vsprintf_mac_address),
	HOST_CASE(vsprintf_ipv4_address),
	HOST_CASE(vsprintf_hex_dump),
	HOST_CASE(vsprintf_address_by_reference),
	HOST_CASE(vsprintf_pointee_extensions_check_pointer),
	HOST_CASE(vsprintf_matches_libc_on_random_integer_formats),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
