/*
 * Host tests for lib/inflate.c (gunzip) and lib/crc32.c.
 *
 * Test vectors come from the host's zlib, through python3 (gzip with
 * every level and strategy, at test time); error cases are crafted bit
 * by bit with a small DEFLATE writer below.
 *
 * host-test-sources: lib/inflate.c lib/crc32.c
 */

/* Plain ISO C: keeps glibc's dev_t and loff_t away from the kernel's. */
#define _ISOC11_SOURCE

#include <linux/crc32.h>
#include <linux/decompress/inflate.h>
#include <linux/errno.h>

#include <time.h>

#include "hosttest.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* gunzip() allocates its state with vmalloc(); the host has malloc(). */
void *vmalloc(unsigned long size);
void vfree(const void *addr);

void *vmalloc(unsigned long size)
{
	return malloc(size);
}

void vfree(const void *addr)
{
	free((void *)addr);
}

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u32 rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (u32)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* --- Output collection: flush() has no context argument ------------- */

static u8 *out;
static size_t out_len, out_cap;
static unsigned long max_chunk;
static long flush_refuse_after = -1; /* bytes; -1: never refuse */
static char last_error[128];

static long flush_collect(void *buf, unsigned long n)
{
	if (flush_refuse_after >= 0 && out_len + n > flush_refuse_after)
		return 0;
	if (n > max_chunk)
		max_chunk = n;
	if (out_len + n > out_cap) {
		out_cap = (out_len + n) * 2;
		out = realloc(out, out_cap);
	}
	memcpy(out + out_len, buf, n);
	out_len += n;
	return n;
}

static void record_error(char *msg)
{
	snprintf(last_error, sizeof(last_error), "%s", msg);
}

static void reset_output(void)
{
	out_len = 0;
	max_chunk = 0;
	flush_refuse_after = -1;
	last_error[0] = '\0';
}

static int do_gunzip(const u8 *gz, size_t n, long *pos)
{
	reset_output();
	return gunzip((unsigned char *)gz, n, NULL, flush_collect, NULL, pos,
		      record_error);
}

/* --- Input through fill(), in odd-sized pieces ---------------------- */

static const u8 *fill_src;
static size_t fill_left;
static unsigned int fill_piece;

static long fill_pieces(void *buf, unsigned long size)
{
	size_t n = fill_piece ? fill_piece : 1 + rng() % 13;

	if (n > size)
		n = size;
	if (n > fill_left)
		n = fill_left;
	memcpy(buf, fill_src, n);
	fill_src += n;
	fill_left -= n;
	return n;
}

static int do_gunzip_fill(const u8 *gz, size_t n, unsigned int piece)
{
	reset_output();
	fill_src = gz;
	fill_left = n;
	fill_piece = piece;
	return gunzip(NULL, 0, fill_pieces, flush_collect, NULL, NULL,
		      record_error);
}

/* --- The host's gzip, through python3 ------------------------------- */

static int tmp_serial;

static u8 *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	u8 *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	return buf;
}

/*
 * gzip @data with zlib's @level and @strategy (0 default, 1 filtered,
 * 2 Huffman only, 3 RLE, 4 fixed).  Returns a malloc'ed buffer.
 */
static u8 *host_gzip(const void *data, size_t n, int level, int strategy,
		     size_t *gzlen)
{
	char in[64], outp[64], cmd[512];
	FILE *f;
	u8 *gz;

	snprintf(in, sizeof(in), "build/host/inflate_test/in-%d", tmp_serial);
	snprintf(outp, sizeof(outp), "build/host/inflate_test/out-%d",
		 tmp_serial++);
	f = fopen(in, "wb");
	if (!f)
		return NULL;
	fwrite(data, 1, n, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd),
		 "python3 -c 'import sys, zlib\n"
		 "d = open(sys.argv[1], \"rb\").read()\n"
		 "c = zlib.compressobj(%d, zlib.DEFLATED, 31, 9, %d)\n"
		 "open(sys.argv[2], \"wb\").write(c.compress(d) + c.flush())'"
		 " %s %s",
		 level, strategy, in, outp);
	if (system(cmd) != 0)
		return NULL;
	gz = read_file(outp, gzlen);
	remove(in);
	remove(outp);
	return gz;
}

/* --- Test data ------------------------------------------------------ */

enum kind { TEXT, RANDOM, RUNS, MIXED };

static u8 *make_data(enum kind kind, size_t n)
{
	static const char *words[] = { "the ",	  "kernel ",	"unpacks ",
				       "an ",	  "initramfs ", "into ",
				       "rootfs ", "busybox ",	"\n" };
	u8 *d = malloc(n + 1);
	size_t i = 0, len, dist;

	while (i < n) {
		switch (kind) {
		case TEXT:
			dist = rng() % ARRAY_SIZE(words); /* which word */
			len = strlen(words[dist]);
			len = len < n - i ? len : n - i;
			memcpy(d + i, words[dist], len);
			i += len;
			break;
		case RANDOM:
			d[i++] = rng();
			break;
		case RUNS:
			len = 1 + rng() % 600;
			len = len < n - i ? len : n - i;
			memset(d + i, rng() % 4, len);
			i += len;
			break;
		case MIXED:
			/* random bytes, and copies from up to 32 KiB back */
			len = 3 + rng() % 300;
			len = len < n - i ? len : n - i;
			dist = 1 + rng() % 32768;
			if (i >= dist && rng() % 3) {
				memmove(d + i, d + i - dist, len);
			} else {
				for (dist = 0; dist < len; dist++)
					d[i + dist] = rng() % 16;
			}
			i += len;
			break;
		}
	}
	return d;
}

static bool output_is(const u8 *data, size_t n)
{
	return out_len == n && (n == 0 || memcmp(out, data, n) == 0);
}

static void roundtrip(enum kind kind, size_t n, int level, int strategy)
{
	u8 *data = make_data(kind, n), *gz;
	size_t gzlen;
	long pos = -1;
	int ret;

	gz = host_gzip(data, n, level, strategy, &gzlen);
	HT_ASSERT(gz != NULL);
	ret = do_gunzip(gz, gzlen, &pos);
	if (ret)
		printf("    # kind %d size %zu level %d strategy %d: %s\n",
		       kind, n, level, strategy, last_error);
	HT_EXPECT_EQ(ret, 0);
	HT_EXPECT(output_is(data, n));
	HT_EXPECT_EQ(pos, gzlen);
	HT_EXPECT(max_chunk <= 65536 + 258);
	free(gz);
	free(data);
}

/* --- CRC32 ---------------------------------------------------------- */

HOST_TEST(crc32_check_value)
{
	/* The "check" value of CRC-32/ISO-HDLC (the gzip CRC). */
	HT_EXPECT_EQ(~crc32_le(~0U, "123456789", 9), 0xcbf43926U);
	HT_EXPECT_EQ(crc32_le(~0U, "", 0), ~0U);
	HT_EXPECT_EQ(~crc32_le(~0U, "a", 1), 0xe8b7be43U);
}

/* Slice-by-8 agrees with a bit at a time, at any length and alignment. */
HOST_TEST(crc32_matches_bitwise_in_pieces)
{
	u8 buf[300];
	size_t i, off, len;
	u32 ref, c;
	int b;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = rng();
	for (off = 0; off < 9; off++) {
		for (len = 0; len < sizeof(buf) - off; len += 7) {
			ref = ~0U;
			for (i = 0; i < len; i++) {
				ref ^= buf[off + i];
				for (b = 0; b < 8; b++)
					ref = (ref >> 1) ^
					      (ref & 1 ? 0xedb88320U : 0);
			}
			HT_EXPECT_EQ(crc32_le(~0U, buf + off, len), ref);
			c = crc32_le(~0U, buf + off, len / 3);
			c = crc32_le(c, buf + off + len / 3, len - len / 3);
			HT_EXPECT_EQ(c, ref);
		}
	}
}

/* --- Round trips against zlib --------------------------------------- */

HOST_TEST(gunzip_empty_input)
{
	roundtrip(TEXT, 0, 6, 0);
	roundtrip(TEXT, 0, 0, 0);
}

HOST_TEST(gunzip_levels_0_1_6_9)
{
	static const int levels[] = { 0, 1, 6, 9 };
	static const size_t sizes[] = { 1, 100, 4096, 70000, 300000 };
	unsigned int l, s, k;

	for (l = 0; l < ARRAY_SIZE(levels); l++)
		for (s = 0; s < ARRAY_SIZE(sizes); s++)
			for (k = TEXT; k <= MIXED; k++)
				roundtrip(k, sizes[s], levels[l], 0);
}

/* Huffman only and fixed codes; RLE: many distance-1 matches. */
HOST_TEST(gunzip_strategies)
{
	int strategy;
	unsigned int k;

	for (strategy = 1; strategy <= 4; strategy++)
		for (k = TEXT; k <= MIXED; k++)
			roundtrip(k, 100000, 6, strategy);
}

/* Many window slides; also reports the host's speed. */
HOST_TEST(gunzip_large_input)
{
	size_t n = 16 << 20, gzlen;
	u8 *data = make_data(MIXED, n), *gz;
	clock_t t0;
	double secs;
	int ret;

	gz = host_gzip(data, n, 9, 0, &gzlen);
	HT_ASSERT(gz != NULL);
	t0 = clock();
	ret = do_gunzip(gz, gzlen, NULL);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	HT_EXPECT_EQ(ret, 0);
	HT_EXPECT(output_is(data, n));
	printf("    # 16 MiB in %.3f s (%.1f MB/s, under ASan)\n", secs,
	       n / secs / 1e6);
	free(gz);
	free(data);
}

/* Input in pieces of 1 to 13 bytes: every bit-buffer refill boundary. */
HOST_TEST(gunzip_fill_in_small_pieces)
{
	static const int levels[] = { 0, 6 };
	size_t n = 200000, gzlen;
	u8 *data = make_data(MIXED, n), *gz;
	unsigned int l;

	for (l = 0; l < ARRAY_SIZE(levels); l++) {
		gz = host_gzip(data, n, levels[l], 0, &gzlen);
		HT_ASSERT(gz != NULL);
		HT_EXPECT_EQ(do_gunzip_fill(gz, gzlen, 0), 0);
		HT_EXPECT(output_is(data, n));
		HT_EXPECT_EQ(do_gunzip_fill(gz, gzlen, GZIP_IOBUF_SIZE), 0);
		HT_EXPECT(output_is(data, n));
		free(gz);
	}
	free(data);
}

/* Two members back to back: each call takes one and says how far. */
HOST_TEST(gunzip_multi_member)
{
	u8 *a = make_data(TEXT, 5000), *b = make_data(RANDOM, 3000);
	u8 *ga, *gb, *both;
	size_t la, lb;
	long pos;

	ga = host_gzip(a, 5000, 6, 0, &la);
	gb = host_gzip(b, 3000, 1, 0, &lb);
	HT_ASSERT(ga && gb);
	both = malloc(la + lb);
	memcpy(both, ga, la);
	memcpy(both + la, gb, lb);
	HT_EXPECT_EQ(do_gunzip(both, la + lb, &pos), 0);
	HT_EXPECT_EQ(pos, la);
	HT_EXPECT(output_is(a, 5000));
	HT_EXPECT_EQ(do_gunzip(both + pos, la + lb - pos, &pos), 0);
	HT_EXPECT_EQ(pos, lb);
	HT_EXPECT(output_is(b, 3000));
	free(both);
	free(ga);
	free(gb);
	free(a);
	free(b);
}

/* --- Header fields -------------------------------------------------- */

/*
 * Re-wrap @gz's DEFLATE stream in a header with FEXTRA, FNAME,
 * FCOMMENT and FHCRC; @bad_hcrc spoils the header CRC.
 */
static u8 *rewrap_with_flags(const u8 *gz, size_t gzlen, size_t *newlen,
			     bool bad_hcrc)
{
	static const u8 extra[] = { 'L', 'n', 4, 0, 1, 2, 3, 4 };
	u8 *p = malloc(gzlen + 64), *q = p;
	u32 crc;

	memcpy(q, gz, 10);
	q[3] = 0x02 | 0x04 | 0x08 | 0x10;
	q += 10;
	*q++ = sizeof(extra);
	*q++ = 0;
	memcpy(q, extra, sizeof(extra));
	q += sizeof(extra);
	memcpy(q, "init.cpio", 10);
	q += 10;
	memcpy(q, "a comment", 10);
	q += 10;
	crc = ~crc32_le(~0U, p, q - p);
	*q++ = crc ^ (bad_hcrc ? 1 : 0);
	*q++ = crc >> 8;
	memcpy(q, gz + 10, gzlen - 10);
	q += gzlen - 10;
	*newlen = q - p;
	return p;
}

HOST_TEST(gunzip_header_extra_name_comment_hcrc)
{
	u8 *data = make_data(TEXT, 20000), *gz, *wrapped;
	size_t gzlen, wlen;
	long pos;

	gz = host_gzip(data, 20000, 6, 0, &gzlen);
	HT_ASSERT(gz != NULL);
	wrapped = rewrap_with_flags(gz, gzlen, &wlen, false);
	HT_EXPECT_EQ(do_gunzip(wrapped, wlen, &pos), 0);
	HT_EXPECT_EQ(pos, wlen);
	HT_EXPECT(output_is(data, 20000));
	free(wrapped);
	wrapped = rewrap_with_flags(gz, gzlen, &wlen, true);
	HT_EXPECT_EQ(do_gunzip(wrapped, wlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "header crc mismatch");
	free(wrapped);
	free(gz);
	free(data);
}

HOST_TEST(gunzip_bad_header_rejected)
{
	u8 *data = make_data(TEXT, 1000), *gz;
	size_t gzlen;

	gz = host_gzip(data, 1000, 6, 0, &gzlen);
	HT_ASSERT(gz != NULL);
	gz[0] ^= 1;
	HT_EXPECT_EQ(do_gunzip(gz, gzlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "not gzip data");
	gz[0] ^= 1;
	gz[2] = 7; /* method */
	HT_EXPECT_EQ(do_gunzip(gz, gzlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "unknown compression method");
	gz[2] = 8;
	gz[3] = 0x20; /* a reserved flag */
	HT_EXPECT_EQ(do_gunzip(gz, gzlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "unknown header flags set");
	free(gz);
	free(data);
}

/* --- Corrupt and truncated input ------------------------------------ */

HOST_TEST(gunzip_trailer_checked)
{
	u8 *data = make_data(MIXED, 50000), *gz;
	size_t gzlen;

	gz = host_gzip(data, 50000, 6, 0, &gzlen);
	HT_ASSERT(gz != NULL);
	gz[gzlen - 8] ^= 0x40; /* CRC32 */
	HT_EXPECT_EQ(do_gunzip(gz, gzlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "crc error");
	gz[gzlen - 8] ^= 0x40;
	gz[gzlen - 1] ^= 0x01; /* ISIZE */
	HT_EXPECT_EQ(do_gunzip(gz, gzlen, NULL), -EINVAL);
	HT_EXPECT_STREQ(last_error, "length error");
	free(gz);
	free(data);
}

/* Every prefix of a stream, from memory and through fill(): an error. */
HOST_TEST(gunzip_truncated_is_error)
{
	static const int levels[] = { 0, 6 };
	u8 *data = make_data(MIXED, 3000), *gz;
	size_t gzlen, cut;
	unsigned int l;
	int bad = 0;

	for (l = 0; l < ARRAY_SIZE(levels); l++) {
		gz = host_gzip(data, 3000, levels[l], 0, &gzlen);
		HT_ASSERT(gz != NULL);
		for (cut = 0; cut < gzlen; cut++) {
			u8 *copy = malloc(cut + 1);

			/* an exact-size heap copy: ASan sees any over-read */
			memcpy(copy, gz, cut);
			bad += do_gunzip(copy, cut, NULL) != -EINVAL;
			bad += do_gunzip_fill(copy, cut, 0) != -EINVAL;
			free(copy);
		}
		free(gz);
	}
	HT_EXPECT_EQ(bad, 0);
	free(data);
}

HOST_TEST(gunzip_flush_refusal_is_eio)
{
	u8 *data = make_data(TEXT, 200000), *gz;
	size_t gzlen;

	gz = host_gzip(data, 200000, 6, 0, &gzlen);
	HT_ASSERT(gz != NULL);
	reset_output();
	flush_refuse_after = 100000;
	HT_EXPECT_EQ(gunzip(gz, gzlen, NULL, flush_collect, NULL, NULL,
			    record_error),
		     -EIO);
	HT_EXPECT_STREQ(last_error, "write error");
	reset_output();
	HT_EXPECT_EQ(gunzip(gz, gzlen, NULL, NULL, NULL, NULL, record_error),
		     -EINVAL);
	free(gz);
	free(data);
}

/*
 * Random bit flips in valid streams: an error or, if the flip hit a
 * field nothing checks (mtime, OS), the right output; never a crash,
 * which ASan and UBSan would report.
 */
HOST_TEST(gunzip_fuzz_bit_flips)
{
	static const int levels[] = { 0, 1, 9 };
	u8 *data = make_data(MIXED, 20000), *gz, *copy;
	size_t gzlen;
	int i, flips, wrong = 0, errors = 0;
	unsigned int l;

	for (l = 0; l < ARRAY_SIZE(levels); l++) {
		gz = host_gzip(data, 20000, levels[l], 0, &gzlen);
		HT_ASSERT(gz != NULL);
		copy = malloc(gzlen);
		for (i = 0; i < 1500; i++) {
			memcpy(copy, gz, gzlen);
			for (flips = 1 + rng() % 4; flips; flips--)
				copy[rng() % gzlen] ^= 1 << (rng() % 8);
			if (do_gunzip(copy, gzlen, NULL))
				errors++;
			else if (!output_is(data, 20000))
				wrong++;
		}
		free(copy);
		free(gz);
	}
	HT_EXPECT_EQ(wrong, 0);
	HT_EXPECT(errors > 3000);
	free(data);
}

/* Random bytes after a valid header: the block decoder's error paths. */
HOST_TEST(gunzip_fuzz_random_streams)
{
	u8 buf[600];
	size_t i, n;
	int round;

	for (round = 0; round < 20000; round++) {
		n = 10 + rng() % (sizeof(buf) - 10);
		for (i = 0; i < n; i++)
			buf[i] = rng();
		memcpy(buf, "\x1f\x8b\x08\x00\0\0\0\0\0\x03", 10);
		do_gunzip(buf, n, NULL);
	}
	HT_EXPECT(1);
}

/* --- Hand-made DEFLATE streams -------------------------------------- */

struct bitwriter {
	u8 buf[256];
	size_t bits;
};

/* @n bits of @v, least significant first: how DEFLATE packs fields. */
static void put_bits(struct bitwriter *w, u32 v, unsigned int n)
{
	while (n--) {
		if (v & 1)
			w->buf[w->bits / 8] |= 1 << (w->bits % 8);
		w->bits++;
		v >>= 1;
	}
}

/* A Huffman code goes most significant bit first. */
static void put_code(struct bitwriter *w, u32 code, unsigned int len)
{
	while (len--)
		put_bits(w, code >> len & 1, 1);
}

/* Fixed-code symbols (RFC 1951 3.2.6). */
static void put_fixed_lit(struct bitwriter *w, unsigned int sym)
{
	if (sym < 144)
		put_code(w, 0x30 + sym, 8);
	else if (sym < 256)
		put_code(w, 0x190 + sym - 144, 9);
	else if (sym < 280)
		put_code(w, sym - 256, 7);
	else
		put_code(w, 0xc0 + sym - 280, 8);
}

static int gunzip_raw(struct bitwriter *w)
{
	u8 gz[300];
	size_t n = (w->bits + 7) / 8;

	memcpy(gz, "\x1f\x8b\x08\x00\0\0\0\0\0\x03", 10);
	memcpy(gz + 10, w->buf, n);
	memset(gz + 10 + n, 0, 8); /* trailer: checked by the caller */
	return do_gunzip(gz, 10 + n + 8, NULL);
}

static void start_block(struct bitwriter *w, unsigned int type)
{
	memset(w, 0, sizeof(*w));
	put_bits(w, 1, 1); /* BFINAL */
	put_bits(w, type, 2);
}

HOST_TEST(inflate_fixed_block_match_overlaps)
{
	struct bitwriter w;

	/* 'a', then length 3 from distance 1 ("aaa"): "aaaa" */
	start_block(&w, 1);
	put_fixed_lit(&w, 'a');
	put_fixed_lit(&w, 257);
	put_code(&w, 0, 5);
	put_fixed_lit(&w, 256);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "crc error"); /* our zero trailer */
	HT_EXPECT(output_is((const u8 *)"aaaa", 4));
}

HOST_TEST(inflate_bad_blocks_rejected)
{
	struct bitwriter w;
	int i;

	start_block(&w, 3);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid block type");

	start_block(&w, 0);
	put_bits(&w, 0, 5); /* to the byte boundary */
	put_bits(&w, 5, 16);
	put_bits(&w, 5, 16); /* NLEN should be ~5 */
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid stored block lengths");

	start_block(&w, 1); /* a reference before the start */
	put_fixed_lit(&w, 'a');
	put_fixed_lit(&w, 257);
	put_code(&w, 1, 5); /* distance 2 */
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid distance too far back");

	start_block(&w, 1);
	put_fixed_lit(&w, 286);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid literal/length code");

	start_block(&w, 1);
	put_fixed_lit(&w, 'a');
	put_fixed_lit(&w, 257);
	put_code(&w, 30, 5);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid distance code");

	start_block(&w, 2); /* 287 literal/length codes */
	put_bits(&w, 30, 5);
	put_bits(&w, 0, 5);
	put_bits(&w, 0, 4);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "too many length or distance symbols");

	start_block(&w, 2); /* 19 code length codes of length 1 */
	put_bits(&w, 0, 5);
	put_bits(&w, 0, 5);
	put_bits(&w, 15, 4);
	for (i = 0; i < 19; i++)
		put_bits(&w, 1, 3);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid code lengths set");

	/*
	 * Code length code: symbols 16 and 17 of length 1 (codes 0, 1);
	 * the first code length is a "repeat previous" with nothing before.
	 */
	start_block(&w, 2);
	put_bits(&w, 0, 5);
	put_bits(&w, 0, 5);
	put_bits(&w, 0, 4); /* 4 code length codes: 16, 17, 18, 0 */
	put_bits(&w, 1, 3);
	put_bits(&w, 1, 3);
	put_bits(&w, 0, 3);
	put_bits(&w, 0, 3);
	put_code(&w, 0, 1);
	put_bits(&w, 0, 2);
	HT_EXPECT_EQ(gunzip_raw(&w), -EINVAL);
	HT_EXPECT_STREQ(last_error, "invalid bit length repeat");
}

static const struct host_test host_tests[] = {
	HOST_CASE(crc32_check_value),
	HOST_CASE(crc32_matches_bitwise_in_pieces),
	HOST_CASE(gunzip_empty_input),
	HOST_CASE(gunzip_levels_0_1_6_9),
	HOST_CASE(gunzip_strategies),
	HOST_CASE(gunzip_large_input),
	HOST_CASE(gunzip_fill_in_small_pieces),
	HOST_CASE(gunzip_multi_member),
	HOST_CASE(gunzip_header_extra_name_comment_hcrc),
	HOST_CASE(gunzip_bad_header_rejected),
	HOST_CASE(gunzip_trailer_checked),
	HOST_CASE(gunzip_truncated_is_error),
	HOST_CASE(gunzip_flush_refusal_is_eio),
	HOST_CASE(gunzip_fuzz_bit_flips),
	HOST_CASE(gunzip_fuzz_random_streams),
	HOST_CASE(inflate_fixed_block_match_overlaps),
	HOST_CASE(inflate_bad_blocks_rejected),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
