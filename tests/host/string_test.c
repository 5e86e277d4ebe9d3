/*
 * Host tests for lib/string.c.
 *
 * lib/string.c defines the C library's own names, so it is built with
 * every function renamed to k_* (the lib-cflags line below, applied to
 * lib/string.c only); this file calls the k_* names and is free to use
 * the C library's functions for checking.
 *
 * host-test-sources: lib/string.c
 * host-test-lib-cflags: -ffreestanding -Dmemset=k_memset -Dmemcpy=k_memcpy -Dmemmove=k_memmove -Dmemcmp=k_memcmp -Dmemchr=k_memchr -Dmemscan=k_memscan -Dstrlen=k_strlen -Dstrnlen=k_strnlen -Dstrcmp=k_strcmp -Dstrncmp=k_strncmp -Dstrcasecmp=k_strcasecmp -Dstrncasecmp=k_strncasecmp -Dstrcpy=k_strcpy -Dstrncpy=k_strncpy -Dstrlcpy=k_strlcpy -Dstrscpy=k_strscpy -Dstrcat=k_strcat -Dstrlcat=k_strlcat -Dstrchr=k_strchr -Dstrrchr=k_strrchr -Dstrnchr=k_strnchr -Dstrstr=k_strstr -Dstrspn=k_strspn -Dstrcspn=k_strcspn -Dstrpbrk=k_strpbrk -Dstrsep=k_strsep -Dskip_spaces=k_skip_spaces -Dstrim=k_strim -Dsysfs_streq=k_sysfs_streq
 */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "hosttest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *k_memset(void *s, int c, size_t n);
void *k_memcpy(void *dest, const void *src, size_t n);
void *k_memmove(void *dest, const void *src, size_t n);
int k_memcmp(const void *a, const void *b, size_t n);
void *k_memchr(const void *s, int c, size_t n);
void *k_memscan(void *addr, int c, size_t size);
size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t maxlen);
int k_strcmp(const char *a, const char *b);
int k_strncmp(const char *a, const char *b, size_t n);
int k_strcasecmp(const char *a, const char *b);
int k_strncasecmp(const char *a, const char *b, size_t n);
char *k_strcpy(char *dest, const char *src);
char *k_strncpy(char *dest, const char *src, size_t n);
size_t k_strlcpy(char *dest, const char *src, size_t size);
ssize_t k_strscpy(char *dest, const char *src, size_t size);
char *k_strcat(char *dest, const char *src);
size_t k_strlcat(char *dest, const char *src, size_t size);
char *k_strchr(const char *s, int c);
char *k_strrchr(const char *s, int c);
char *k_strnchr(const char *s, size_t n, int c);
char *k_strstr(const char *haystack, const char *needle);
size_t k_strspn(const char *s, const char *accept);
size_t k_strcspn(const char *s, const char *reject);
char *k_strpbrk(const char *s, const char *accept);
char *k_strsep(char **s, const char *delim);
char *k_skip_spaces(const char *s);
char *k_strim(char *s);
bool k_sysfs_streq(const char *a, const char *b);

/* Every offset and length within a guarded buffer: only [off, off+len). */
HOST_TEST(memset_fills_exactly_the_range)
{
	unsigned char buf[80];
	size_t off, len, i;

	for (off = 0; off < 16; off++) {
		for (len = 0; len < 48; len++) {
			memset(buf, 0xee, sizeof(buf));
			HT_ASSERT(k_memset(buf + off, 0x1a5, len) == buf + off);
			for (i = 0; i < sizeof(buf); i++)
				HT_ASSERT(buf[i] == (i >= off && i < off + len ?
							     0xa5 :
							     0xee));
		}
	}
}

HOST_TEST(memcpy_copies_every_alignment)
{
	unsigned char src[64], dst[80], want[80];
	size_t so, dof, len, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i * 7 + 1;
	for (so = 0; so < 9; so++) {
		for (dof = 0; dof < 9; dof++) {
			for (len = 0; len <= 40; len++) {
				memset(dst, 0, sizeof(dst));
				memset(want, 0, sizeof(want));
				memcpy(want + dof, src + so, len);
				HT_ASSERT(k_memcpy(dst + dof, src + so, len) ==
					  dst + dof);
				HT_ASSERT(!memcmp(dst, want, sizeof(dst)));
			}
		}
	}
}

/* Overlapping moves in both directions, checked against a bounce copy. */
static void check_memmove(size_t from, size_t to, size_t len)
{
	unsigned char buf[96], want[96], tmp[96];
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = want[i] = i ^ 0x5c;
	memcpy(tmp, want + from, len);
	memcpy(want + to, tmp, len);
	HT_ASSERT(k_memmove(buf + to, buf + from, len) == buf + to);
	HT_ASSERT(!memcmp(buf, want, sizeof(buf)));
}

HOST_TEST(memmove_overlap_to_higher_address)
{
	size_t from, shift, len;

	for (from = 0; from < 9; from++)
		for (shift = 1; shift < 20; shift++)
			for (len = 0; len < 48; len++)
				check_memmove(from, from + shift, len);
}

HOST_TEST(memmove_overlap_to_lower_address)
{
	size_t to, shift, len;

	for (to = 0; to < 9; to++)
		for (shift = 1; shift < 20; shift++)
			for (len = 0; len < 48; len++)
				check_memmove(to + shift, to, len);
}

HOST_TEST(memcmp_compares_unsigned_bytes)
{
	HT_EXPECT(k_memcmp("\x80", "\x01", 1) > 0);
	HT_EXPECT(k_memcmp("abc", "abd", 3) < 0);
	HT_EXPECT(k_memcmp("abc", "abd", 2) == 0);
	HT_EXPECT(k_memcmp("x", "y", 0) == 0);
}

HOST_TEST(memchr_and_memscan_find_bytes)
{
	static const char data[] = "abc\0def";

	HT_EXPECT(k_memchr(data, 'e', 7) == data + 5);
	HT_EXPECT(k_memchr(data, '\0', 7) == data + 3);
	HT_EXPECT(k_memchr(data, 'z', 7) == NULL);
	HT_EXPECT(k_memchr(data, 'e', 5) == NULL);
	HT_EXPECT(k_memscan((void *)data, 'd', 7) == data + 4);
	HT_EXPECT(k_memscan((void *)data, 'z', 7) == data + 7);
}

HOST_TEST(strlen_and_strnlen)
{
	static const char unterminated[4] = { 'a', 'b', 'c', 'd' };

	HT_EXPECT_EQ(k_strlen(""), 0);
	HT_EXPECT_EQ(k_strlen("hello"), 5);
	HT_EXPECT_EQ(k_strnlen("hello", 3), 3);
	HT_EXPECT_EQ(k_strnlen("hello", 10), 5);
	HT_EXPECT_EQ(k_strnlen(unterminated, 4), 4);
	HT_EXPECT_EQ(k_strnlen("x", 0), 0);
}

HOST_TEST(strcmp_family_orders_strings)
{
	HT_EXPECT(k_strcmp("abc", "abc") == 0);
	HT_EXPECT(k_strcmp("abc", "abd") < 0);
	HT_EXPECT(k_strcmp("abd", "abc") > 0);
	HT_EXPECT(k_strcmp("ab", "abc") < 0);
	HT_EXPECT(k_strcmp("\xff", "a") > 0);
	HT_EXPECT(k_strncmp("abcX", "abcY", 3) == 0);
	HT_EXPECT(k_strncmp("abcX", "abcY", 4) < 0);
	HT_EXPECT(k_strncmp("a", "a", 100) == 0);
	HT_EXPECT(k_strcasecmp("HeLLo", "hello") == 0);
	HT_EXPECT(k_strcasecmp("apple", "BANANA") < 0);
	HT_EXPECT(k_strncasecmp("ABCdef", "abcXYZ", 3) == 0);
	HT_EXPECT(k_strncasecmp("ABCdef", "abcXYZ", 4) < 0);
}

HOST_TEST(strcpy_and_strcat)
{
	char buf[16];

	HT_EXPECT(k_strcpy(buf, "foo") == buf);
	HT_EXPECT_STREQ(buf, "foo");
	HT_EXPECT(k_strcat(buf, "bar") == buf);
	HT_EXPECT_STREQ(buf, "foobar");
	k_strcat(buf, "");
	HT_EXPECT_STREQ(buf, "foobar");
}

HOST_TEST(strncpy_pads_and_may_not_terminate)
{
	char buf[8];

	memset(buf, 'z', sizeof(buf));
	k_strncpy(buf, "ab", 6);
	HT_EXPECT(!memcmp(buf, "ab\0\0\0\0zz", 8));
	memset(buf, 'z', sizeof(buf));
	k_strncpy(buf, "abcdefgh", 4);
	HT_EXPECT(!memcmp(buf, "abcdzzzz", 8));
}

HOST_TEST(strlcpy_truncates_and_returns_source_length)
{
	char buf[8];

	HT_EXPECT_EQ(k_strlcpy(buf, "short", sizeof(buf)), 5);
	HT_EXPECT_STREQ(buf, "short");
	HT_EXPECT_EQ(k_strlcpy(buf, "much too long", sizeof(buf)), 13);
	HT_EXPECT_STREQ(buf, "much to");
	buf[0] = 'z';
	HT_EXPECT_EQ(k_strlcpy(buf, "abc", 0), 3);
	HT_EXPECT_EQ(buf[0], 'z');
}

HOST_TEST(strscpy_returns_e2big_on_truncation)
{
	/* No NUL: strscpy must not read past the bytes that fit. */
	static const char src[4] = { 'w', 'x', 'y', 'z' };
	char buf[8];

	HT_EXPECT_EQ(k_strscpy(buf, "abc", sizeof(buf)), 3);
	HT_EXPECT_STREQ(buf, "abc");
	HT_EXPECT_EQ(k_strscpy(buf, "abcdefgh", sizeof(buf)), -E2BIG);
	HT_EXPECT_STREQ(buf, "abcdefg");
	HT_EXPECT_EQ(k_strscpy(buf, "abcdefg", sizeof(buf)), 7);
	HT_EXPECT_EQ(k_strscpy(buf, src, sizeof(src)), -E2BIG);
	HT_EXPECT_STREQ(buf, "wxy");
	buf[0] = 'q';
	HT_EXPECT_EQ(k_strscpy(buf, "abc", 0), -E2BIG);
	HT_EXPECT_EQ(buf[0], 'q');
	HT_EXPECT_EQ(k_strscpy(buf, "", 1), 0);
	HT_EXPECT_STREQ(buf, "");
}

HOST_TEST(strlcat_appends_and_truncates)
{
	char buf[8] = "ab";
	char full[4] = { 'a', 'b', 'c', 'd' };

	HT_EXPECT_EQ(k_strlcat(buf, "cd", sizeof(buf)), 4);
	HT_EXPECT_STREQ(buf, "abcd");
	HT_EXPECT_EQ(k_strlcat(buf, "efghij", sizeof(buf)), 10);
	HT_EXPECT_STREQ(buf, "abcdefg");
	/* No NUL inside the buffer: nothing is written. */
	HT_EXPECT_EQ(k_strlcat(full, "xyz", sizeof(full)), 7);
	HT_EXPECT(!memcmp(full, "abcd", 4));
}

HOST_TEST(strchr_strrchr_strnchr)
{
	static const char s[] = "hello world";

	HT_EXPECT(k_strchr(s, 'o') == s + 4);
	HT_EXPECT(k_strrchr(s, 'o') == s + 7);
	HT_EXPECT(k_strchr(s, 'z') == NULL);
	HT_EXPECT(k_strrchr(s, 'z') == NULL);
	HT_EXPECT(k_strchr(s, '\0') == s + 11);
	HT_EXPECT(k_strrchr(s, '\0') == s + 11);
	HT_EXPECT(k_strnchr(s, 5, 'o') == s + 4);
	HT_EXPECT(k_strnchr(s, 4, 'o') == NULL);
	HT_EXPECT(k_strnchr(s, 100, 'd') == s + 10);
	HT_EXPECT(k_strnchr(s, 100, '\0') == s + 11);
	HT_EXPECT(k_strnchr(s, 100, 'z') == NULL);
}

HOST_TEST(strstr_finds_substrings)
{
	static const char s[] = "aaab needle";

	HT_EXPECT(k_strstr(s, "aab") == s + 1);
	HT_EXPECT(k_strstr(s, "needle") == s + 5);
	HT_EXPECT(k_strstr(s, "") == s);
	HT_EXPECT(k_strstr(s, "needles") == NULL);
	HT_EXPECT(k_strstr("", "a") == NULL);
}

HOST_TEST(strspn_strcspn_strpbrk)
{
	static const char s[] = "  \tkey=value";

	HT_EXPECT_EQ(k_strspn(s, " \t"), 3);
	HT_EXPECT_EQ(k_strspn(s, "xyz"), 0);
	HT_EXPECT_EQ(k_strcspn(s, "="), 6);
	HT_EXPECT_EQ(k_strcspn(s, "#"), 12);
	HT_EXPECT(k_strpbrk(s, "=e") == s + 4);
	HT_EXPECT(k_strpbrk(s, "#") == NULL);
}

HOST_TEST(strsep_returns_empty_tokens)
{
	char buf[] = "a,,b;c";
	char *p = buf;

	HT_EXPECT_STREQ(k_strsep(&p, ",;"), "a");
	HT_EXPECT_STREQ(k_strsep(&p, ",;"), "");
	HT_EXPECT_STREQ(k_strsep(&p, ",;"), "b");
	HT_EXPECT_STREQ(k_strsep(&p, ",;"), "c");
	HT_EXPECT(p == NULL);
	HT_EXPECT(k_strsep(&p, ",;") == NULL);
}

HOST_TEST(skip_spaces_and_strim)
{
	char a[] = "  \t hi there \n\t";
	char b[] = "   ";
	char c[] = "";
	char d[] = "x";

	HT_EXPECT_STREQ(k_skip_spaces(" \n\v\f\r\tx "), "x ");
	HT_EXPECT_STREQ(k_strim(a), "hi there");
	HT_EXPECT_STREQ(a, "  \t hi there");
	HT_EXPECT_STREQ(k_strim(b), "");
	HT_EXPECT_STREQ(k_strim(c), "");
	HT_EXPECT(k_strim(d) == d);
}

HOST_TEST(sysfs_streq_ignores_one_trailing_newline)
{
	HT_EXPECT(k_sysfs_streq("foo", "foo"));
	HT_EXPECT(k_sysfs_streq("foo", "foo\n"));
	HT_EXPECT(k_sysfs_streq("foo\n", "foo"));
	HT_EXPECT(k_sysfs_streq("foo\n", "foo\n"));
	HT_EXPECT(k_sysfs_streq("", "\n"));
	HT_EXPECT(!k_sysfs_streq("foo\n\n", "foo"));
	HT_EXPECT(!k_sysfs_streq("fo", "foo"));
	HT_EXPECT(!k_sysfs_streq("foo", "foo "));
}

static const struct host_test host_tests[] = {
	HOST_CASE(memset_fills_exactly_the_range),
	HOST_CASE(memcpy_copies_every_alignment),
	HOST_CASE(memmove_overlap_to_higher_address),
	HOST_CASE(memmove_overlap_to_lower_address),
	HOST_CASE(memcmp_compares_unsigned_bytes),
	HOST_CASE(memchr_and_memscan_find_bytes),
	HOST_CASE(strlen_and_strnlen),
	HOST_CASE(strcmp_family_orders_strings),
	HOST_CASE(strcpy_and_strcat),
	HOST_CASE(strncpy_pads_and_may_not_terminate),
	HOST_CASE(strlcpy_truncates_and_returns_source_length),
	HOST_CASE(strscpy_returns_e2big_on_truncation),
	HOST_CASE(strlcat_appends_and_truncates),
	HOST_CASE(strchr_strrchr_strnchr),
	HOST_CASE(strstr_finds_substrings),
	HOST_CASE(strspn_strcspn_strpbrk),
	HOST_CASE(strsep_returns_empty_tokens),
	HOST_CASE(skip_spaces_and_strim),
	HOST_CASE(sysfs_streq_ignores_one_trailing_newline),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
