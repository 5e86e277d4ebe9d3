/*
 * Host tests for arch/x86/lib/memcpy_64.S, x86's memcpy() and memset().
 * The assembly is built with its symbols renamed to k_* so that it
 * stands beside the C library's; both follow the SysV calling
 * convention, so the host calls them directly.
 *
 * host-test-sources: arch/x86/lib/memcpy_64.S
 * host-test-lib-cflags: -D__ASSEMBLY__ -Dmemcpy=k_memcpy -Dmemset=k_memset
 */

#include <stddef.h>
#include "hosttest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *k_memset(void *s, int c, size_t n);
void *k_memcpy(void *dest, const void *src, size_t n);

/* Each offset and length (past several quadwords): only [off, off+len). */
HOST_TEST(memset_fills_exactly_the_range)
{
	unsigned char buf[96];
	size_t off, len, i;

	for (off = 0; off < 16; off++) {
		for (len = 0; len < 64; len++) {
			memset(buf, 0xee, sizeof(buf));
			HT_ASSERT(k_memset(buf + off, 0x1a5, len) == buf + off);
			for (i = 0; i < sizeof(buf); i++)
				HT_ASSERT(buf[i] == (i >= off && i < off + len ?
							     0xa5 :
							     0xee));
		}
	}
}

HOST_TEST(memset_zero_and_large)
{
	static unsigned char page[8192 + 16];
	size_t i;

	memset(page, 0x5a, sizeof(page));
	HT_ASSERT(k_memset(page + 3, 0, 8192) == page + 3);
	for (i = 0; i < sizeof(page); i++)
		HT_ASSERT(page[i] == (i >= 3 && i < 8195 ? 0 : 0x5a));
}

/* Source and destination at every relative alignment. */
HOST_TEST(memcpy_copies_every_alignment)
{
	unsigned char src[80], dst[100], want[100];
	size_t so, dof, len, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i * 7 + 1;
	for (so = 0; so < 9; so++) {
		for (dof = 0; dof < 9; dof++) {
			for (len = 0; len <= 64; len++) {
				memset(dst, 0, sizeof(dst));
				memset(want, 0, sizeof(want));
				memcpy(want + dof, src + so, len);
				HT_ASSERT(k_memcpy(dst + dof, src + so, len) ==
					  dst + dof);
				HT_ASSERT(memcmp(dst, want, sizeof(dst)) == 0);
			}
		}
	}
}

HOST_TEST(memcpy_large)
{
	static unsigned char a[65536 + 7], b[65536 + 7];
	size_t i;

	for (i = 0; i < sizeof(a); i++)
		a[i] = (unsigned char)(i * 31 + (i >> 8));
	HT_ASSERT(k_memcpy(b + 1, a + 5, 65536) == b + 1);
	HT_ASSERT(memcmp(b + 1, a + 5, 65536) == 0);
	HT_EXPECT_EQ(b[0], 0);
	HT_EXPECT_EQ(b[65537], 0);
}

static struct host_test host_tests[] = {
	HOST_CASE(memset_fills_exactly_the_range),
	HOST_CASE(memset_zero_and_large),
	HOST_CASE(memcpy_copies_every_alignment),
	HOST_CASE(memcpy_large),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
