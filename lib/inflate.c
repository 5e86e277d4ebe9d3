/*
 * DEFLATE (RFC 1951) and its gzip wrapper (RFC 1952): what unpacks
 * the initramfs.
 *
 * A DEFLATE stream is a series of blocks: stored (raw bytes), or
 * literals and back-references ("copy len bytes from dist back")
 * coded with either the fixed Huffman code or one sent at the start of
 * the block.  Output goes into a window of 64 KiB: once it is full, the
 * new bytes go to the flush callback and the last 32 KiB, the farthest
 * a reference may reach, slide to the front.  So the output never has
 * to fit in memory, and a reference is a plain forward copy.
 *
 *	window: [ 32 KiB history | up to 32 KiB new ][ slack ]
 *	        0                ^flushed            ^pos    OUT_SIZE
 *
 * Huffman codes are decoded with a table indexed by the next FAST_BITS
 * bits of input, which gives symbol and length at once for every code
 * of up to FAST_BITS bits (nearly all of them); a longer code is found
 * by comparing the next 16 bits, reversed, against the end of each
 * code length's range (the codes are canonical, RFC 1951 3.2.2).
 *
 * Every length, distance and count read from the input is checked
 * before it is used: corrupt input ends in -EINVAL, never in a read or
 * write outside the buffers.
 */
#include <linux/compiler.h>
#include <linux/crc32.h>
#include <linux/decompress/inflate.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/vmalloc.h>

#define WSIZE 32768U /* the farthest a back-reference reaches */
#define OUT_SIZE (2 * WSIZE) /* slide the window when this full */
#define MAX_MATCH 258
#define OUT_SLACK (MAX_MATCH + 8) /* a match, plus an 8-byte overshoot */
#define MAX_BITS 15 /* longest Huffman code */
#define FAST_BITS 10
#define NR_LITLEN 288 /* literal/length symbols (286, 287 never occur) */
#define NR_DIST 32 /* distance symbols (30, 31 never occur) */
#define NR_CODELEN 19 /* code length symbols of a dynamic block header */

/* gzip header flags (RFC 1952 2.3.1) */
#define FTEXT 0x01
#define FHCRC 0x02
#define FEXTRA 0x04
#define FNAME 0x08
#define FCOMMENT 0x10
#define FRESERVED 0xe0

struct huffman {
	/* (length << 9) | symbol for the code in the low bits; 0: longer */
	u16 fast[1 << FAST_BITS];
	/* one past the last code of each length, left-justified in 16 bits */
	u32 limit[MAX_BITS + 1];
	u16 first[MAX_BITS + 1]; /* first canonical code of each length */
	u16 index[MAX_BITS + 1]; /* where its symbol is in sorted[] */
	u16 sorted[NR_LITLEN]; /* symbols by (code length, value) */
};

struct inflate_state {
	/* input: bitbuf holds bitcnt bits not yet used, lowest first */
	const u8 *in, *in_end;
	u64 bitbuf;
	unsigned int bitcnt;
	u8 *iobuf; /* what fill() refills */
	long (*fill)(void *, unsigned long);
	long filled; /* bytes fill() delivered before the current buffer */
	const u8 *in_start;

	/* output */
	long (*flush)(void *, unsigned long);
	unsigned int pos, flushed;
	u32 crc; /* of the flushed output, not inverted */
	u32 total; /* flushed bytes, modulo 2^32 (gzip's ISIZE) */

	const char *msg; /* why we failed */
	struct huffman lit, dist;
	u8 window[OUT_SIZE + OUT_SLACK];
};

static const u16 length_base[29] = { 3,	  4,   5,   6,	 7,  8,	 9,  10,
				     11,  13,  15,  17,	 19, 23, 27, 31,
				     35,  43,  51,  59,	 67, 83, 99, 115,
				     131, 163, 195, 227, 258 };
static const u8 length_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
				     1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
				     4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const u16 dist_base[30] = { 1,	 2,    3,    4,	    5,	   7,
				   9,	 13,   17,   25,    33,	   49,
				   65,	 97,   129,  193,   257,   385,
				   513,	 769,  1025, 1537,  2049,  3073,
				   4097, 6145, 8193, 12289, 16385, 24577 };
static const u8 dist_extra[30] = { 0, 0, 0,  0,	 1,  1,	 2,  2,	 3,  3,
				   4, 4, 5,  5,	 6,  6,	 7,  7,	 8,  8,
				   9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
/* The order code lengths of the code length code are sent in. */
static const u8 codelen_order[NR_CODELEN] = { 16, 17, 18, 0,  8, 7,  9,
					      6,  10, 5,  11, 4, 12, 3,
					      13, 2,  14, 1,  15 };

static int fail(struct inflate_state *s, const char *msg)
{
	if (!s->msg)
		s->msg = msg;
	return -EINVAL;
}

/* --- Bits in --------------------------------------------------------- */

static bool next_input(struct inflate_state *s)
{
	long n;

	if (!s->fill)
		return false;
	n = s->fill(s->iobuf, GZIP_IOBUF_SIZE);
	if (n <= 0 || n > GZIP_IOBUF_SIZE)
		return false;
	s->filled += s->in_end - s->in_start;
	s->in = s->in_start = s->iobuf;
	s->in_end = s->iobuf + n;
	return true;
}

static noinline void refill_slow(struct inflate_state *s)
{
	while (s->bitcnt <= 56) {
		if (s->in == s->in_end && !next_input(s))
			return;
		s->bitbuf |= (u64)*s->in++ << s->bitcnt;
		s->bitcnt += 8;
	}
}

/*
 * Top bitbuf up to at least 56 bits.  The fast way loads eight bytes
 * (little-endian: x86) and keeps the whole bytes that fit; the bits of
 * the byte that did not fit are left above bitcnt, but they are that
 * byte's true bits, so or-ing it in again later changes nothing.
 */
static inline void refill(struct inflate_state *s)
{
	u64 v;

	if (likely(s->in_end - s->in >= 8)) {
		__builtin_memcpy(&v, s->in, 8);
		s->bitbuf |= v << s->bitcnt;
		s->in += (63 - s->bitcnt) >> 3;
		s->bitcnt |= 56;
	} else {
		refill_slow(s);
	}
}

static inline void drop_bits(struct inflate_state *s, unsigned int n)
{
	s->bitbuf >>= n;
	s->bitcnt -= n;
}

static inline int get_bits(struct inflate_state *s, unsigned int n, u32 *v)
{
	if (unlikely(s->bitcnt < n)) {
		refill(s);
		if (s->bitcnt < n)
			return fail(s, "unexpected end of input");
	}
	*v = s->bitbuf & ((1U << n) - 1);
	drop_bits(s, n);
	return 0;
}

/* Drop the bits up to the next byte boundary; forget stale ones above. */
static void align_to_byte(struct inflate_state *s)
{
	drop_bits(s, s->bitcnt & 7);
	s->bitbuf &= s->bitcnt ? ~0ULL >> (64 - s->bitcnt) : 0;
}

/* Input bytes used so far: the ones not still sitting in bitbuf. */
static long input_used(struct inflate_state *s)
{
	return s->filled + (s->in - s->in_start) - s->bitcnt / 8;
}

/* --- Huffman codes --------------------------------------------------- */

static unsigned int bit_reverse(unsigned int code, unsigned int len)
{
	unsigned int r = 0;

	while (len--) {
		r = (r << 1) | (code & 1);
		code >>= 1;
	}
	return r;
}

static inline unsigned int bitrev16(unsigned int x)
{
	x = ((x & 0xaaaa) >> 1) | ((x & 0x5555) << 1);
	x = ((x & 0xcccc) >> 2) | ((x & 0x3333) << 2);
	x = ((x & 0xf0f0) >> 4) | ((x & 0x0f0f) << 4);
	return ((x >> 8) | (x << 8)) & 0xffff;
}

/*
 * Build @h for the @n code lengths in @lens (0: symbol unused).  An
 * over-subscribed set (more codes than bit patterns) is refused; an
 * incomplete one is accepted, and decoding an unassigned pattern fails.
 */
static int build_huffman(struct huffman *h, const u8 *lens, unsigned int n)
{
	u16 count[MAX_BITS + 1] = { 0 }, next[MAX_BITS + 1];
	unsigned int i, j, len, code = 0, idx = 0;
	int left = 1;

	for (i = 0; i < n; i++)
		count[lens[i]]++;
	for (len = 1; len <= MAX_BITS; len++) {
		left = (left << 1) - count[len];
		if (left < 0)
			return -EINVAL;
	}
	for (len = 1; len <= MAX_BITS; len++) {
		h->first[len] = next[len] = code;
		h->index[len] = idx;
		code += count[len];
		idx += count[len];
		h->limit[len] = code << (16 - len);
		code <<= 1;
	}
	memset(h->fast, 0, sizeof(h->fast));
	for (i = 0; i < n; i++) {
		len = lens[i];
		if (!len)
			continue;
		h->sorted[h->index[len] + next[len] - h->first[len]] = i;
		if (len <= FAST_BITS)
			for (j = bit_reverse(next[len], len);
			     j < 1 << FAST_BITS; j += 1 << len)
				h->fast[j] = len << 9 | i;
		next[len]++;
	}
	return 0;
}

/* The next symbol of code @h, or -EINVAL. */
static noinline int decode_slow(struct inflate_state *s,
				const struct huffman *h)
{
	unsigned int k = bitrev16(s->bitbuf & 0xffff), len;

	for (len = FAST_BITS + 1; len <= MAX_BITS; len++)
		if (k < h->limit[len])
			break;
	if (len > MAX_BITS)
		return fail(s, "invalid Huffman code");
	if (len > s->bitcnt)
		return fail(s, "unexpected end of input");
	drop_bits(s, len);
	return h->sorted[h->index[len] + (k >> (16 - len)) - h->first[len]];
}

static inline int decode(struct inflate_state *s, const struct huffman *h)
{
	unsigned int e, len;

	if (s->bitcnt < MAX_BITS)
		refill(s);
	e = h->fast[s->bitbuf & ((1 << FAST_BITS) - 1)];
	if (unlikely(!e))
		return decode_slow(s, h);
	len = e >> 9;
	if (unlikely(len > s->bitcnt))
		return fail(s, "unexpected end of input");
	drop_bits(s, len);
	return e & 511;
}

/* --- Bytes out ------------------------------------------------------- */

static int flush_window(struct inflate_state *s)
{
	unsigned int n = s->pos - s->flushed;
	u8 *p = s->window + s->flushed;

	if (!n)
		return 0;
	s->crc = crc32_le(s->crc, p, n);
	s->total += n;
	s->flushed = s->pos;
	if (s->flush(p, n) != n) {
		s->msg = s->msg ?: "write error";
		return -EIO;
	}
	return 0;
}

/* Hand out the full window and keep its last 32 KiB as history. */
static int slide_window(struct inflate_state *s)
{
	int ret = flush_window(s);

	if (ret)
		return ret;
	memcpy(s->window, s->window + s->pos - WSIZE, WSIZE);
	s->pos = s->flushed = WSIZE;
	return 0;
}

/*
 * Copy @len bytes from @dist back.  The regions overlap when
 * dist < len, which repeats the last dist bytes; eight at a time is
 * only right when dist >= 8.  The window's slack absorbs the overshoot.
 */
static inline void copy_match(struct inflate_state *s, unsigned int len,
			      unsigned int dist)
{
	u8 *d = s->window + s->pos;
	const u8 *from = d - dist;
	u64 v;

	s->pos += len;
	if (dist >= 8) {
		for (;;) {
			__builtin_memcpy(&v, from, 8);
			__builtin_memcpy(d, &v, 8);
			if (len <= 8)
				return;
			d += 8;
			from += 8;
			len -= 8;
		}
	}
	while (len--)
		*d++ = *from++;
}

/* --- Blocks ---------------------------------------------------------- */

static int inflate_stored(struct inflate_state *s)
{
	u32 len, nlen, n;

	align_to_byte(s);
	if (get_bits(s, 16, &len) || get_bits(s, 16, &nlen))
		return -EINVAL;
	if (len != (~nlen & 0xffff))
		return fail(s, "invalid stored block lengths");
	while (len) {
		if (s->pos >= OUT_SIZE && slide_window(s))
			return -EIO;
		if (s->bitcnt) { /* whole bytes still in bitbuf */
			s->window[s->pos++] = s->bitbuf & 0xff;
			drop_bits(s, 8);
			len--;
			continue;
		}
		s->bitbuf = 0;
		if (s->in == s->in_end && !next_input(s))
			return fail(s, "unexpected end of input");
		n = len;
		if (n > s->in_end - s->in)
			n = s->in_end - s->in;
		if (n > OUT_SIZE - s->pos)
			n = OUT_SIZE - s->pos;
		memcpy(s->window + s->pos, s->in, n);
		s->in += n;
		s->pos += n;
		len -= n;
	}
	return 0;
}

static int inflate_codes(struct inflate_state *s)
{
	u32 extra, len, dist;
	int sym;

	for (;;) {
		if (unlikely(s->pos >= OUT_SIZE) && slide_window(s))
			return -EIO;
		sym = decode(s, &s->lit);
		if (sym < 256) {
			if (sym < 0)
				return sym;
			s->window[s->pos++] = sym;
			continue;
		}
		if (sym == 256)
			return 0;
		sym -= 257;
		if (sym >= 29)
			return fail(s, "invalid literal/length code");
		if (get_bits(s, length_extra[sym], &extra))
			return -EINVAL;
		len = length_base[sym] + extra;
		sym = decode(s, &s->dist);
		if (sym < 0)
			return sym;
		if (sym >= 30)
			return fail(s, "invalid distance code");
		if (get_bits(s, dist_extra[sym], &extra))
			return -EINVAL;
		dist = dist_base[sym] + extra;
		if (dist > s->pos)
			return fail(s, "invalid distance too far back");
		copy_match(s, len, dist);
	}
}

static int inflate_fixed(struct inflate_state *s)
{
	u8 lens[NR_LITLEN];

	memset(lens, 8, 144);
	memset(lens + 144, 9, 256 - 144);
	memset(lens + 256, 7, 280 - 256);
	memset(lens + 280, 8, NR_LITLEN - 280);
	build_huffman(&s->lit, lens, NR_LITLEN);
	memset(lens, 5, NR_DIST);
	build_huffman(&s->dist, lens, NR_DIST);
	return inflate_codes(s);
}

/* Code lengths of a dynamic block, run-length coded with @s->dist. */
static int read_code_lengths(struct inflate_state *s, u8 *lens, unsigned int n)
{
	unsigned int i = 0, rep, val;
	u32 extra;
	int sym;

	while (i < n) {
		sym = decode(s, &s->dist);
		if (sym < 0)
			return sym;
		if (sym < 16) {
			lens[i++] = sym;
			continue;
		}
		if (sym == 16) {
			if (!i)
				return fail(s, "invalid bit length repeat");
			val = lens[i - 1];
			if (get_bits(s, 2, &extra))
				return -EINVAL;
			rep = 3 + extra;
		} else {
			val = 0;
			if (get_bits(s, sym == 17 ? 3 : 7, &extra))
				return -EINVAL;
			rep = (sym == 17 ? 3 : 11) + extra;
		}
		if (rep > n - i)
			return fail(s, "invalid bit length repeat");
		memset(lens + i, val, rep);
		i += rep;
	}
	return 0;
}

static int inflate_dynamic(struct inflate_state *s)
{
	u8 lens[NR_LITLEN + NR_DIST];
	u32 nlen, ndist, ncode, i, v;

	if (get_bits(s, 5, &nlen) || get_bits(s, 5, &ndist) ||
	    get_bits(s, 4, &ncode))
		return -EINVAL;
	nlen += 257;
	ndist += 1;
	ncode += 4;
	if (nlen > 286 || ndist > 30)
		return fail(s, "too many length or distance symbols");
	memset(lens, 0, NR_CODELEN);
	for (i = 0; i < ncode; i++) {
		if (get_bits(s, 3, &v))
			return -EINVAL;
		lens[codelen_order[i]] = v;
	}
	if (build_huffman(&s->dist, lens, NR_CODELEN))
		return fail(s, "invalid code lengths set");
	if (read_code_lengths(s, lens, nlen + ndist))
		return -EINVAL;
	if (!lens[256])
		return fail(s, "invalid code -- missing end-of-block");
	if (build_huffman(&s->lit, lens, nlen))
		return fail(s, "invalid literal/lengths set");
	if (build_huffman(&s->dist, lens + nlen, ndist))
		return fail(s, "invalid distances set");
	return inflate_codes(s);
}

/* One DEFLATE stream, up to and including its final block. */
static int inflate(struct inflate_state *s)
{
	u32 final, type;
	int ret;

	do {
		if (get_bits(s, 1, &final) || get_bits(s, 2, &type))
			return -EINVAL;
		if (type == 0)
			ret = inflate_stored(s);
		else if (type == 1)
			ret = inflate_fixed(s);
		else if (type == 2)
			ret = inflate_dynamic(s);
		else
			ret = fail(s, "invalid block type");
		if (ret)
			return ret;
	} while (!final);
	return flush_window(s);
}

/* --- gzip ------------------------------------------------------------ */

/* Next header byte; *hcrc covers the header for FHCRC. */
static int get_byte(struct inflate_state *s, u32 *hcrc, u32 *v)
{
	u8 b;

	if (get_bits(s, 8, v))
		return -EINVAL;
	b = *v;
	*hcrc = crc32_le(*hcrc, &b, 1);
	return 0;
}

static int get_le(struct inflate_state *s, u32 *hcrc, unsigned int n, u32 *v)
{
	u32 b;
	unsigned int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (get_byte(s, hcrc, &b))
			return -EINVAL;
		*v |= b << (8 * i);
	}
	return 0;
}

static int skip_string(struct inflate_state *s, u32 *hcrc)
{
	u32 c;

	do {
		if (get_byte(s, hcrc, &c))
			return -EINVAL;
	} while (c);
	return 0;
}

static int read_gzip_header(struct inflate_state *s)
{
	u32 hcrc = ~0U, magic, method, flags, v, xlen;

	if (get_le(s, &hcrc, 2, &magic) || magic != 0x8b1f)
		return fail(s, "not gzip data");
	if (get_byte(s, &hcrc, &method) || method != 8)
		return fail(s, "unknown compression method");
	if (get_byte(s, &hcrc, &flags) || (flags & FRESERVED))
		return fail(s, "unknown header flags set");
	if (get_le(s, &hcrc, 4, &v) || get_le(s, &hcrc, 2, &v))
		return -EINVAL; /* mtime, extra flags and OS: unused */
	if (flags & FEXTRA) {
		if (get_le(s, &hcrc, 2, &xlen))
			return -EINVAL;
		while (xlen--)
			if (get_byte(s, &hcrc, &v))
				return -EINVAL;
	}
	if ((flags & FNAME) && skip_string(s, &hcrc))
		return -EINVAL;
	if ((flags & FCOMMENT) && skip_string(s, &hcrc))
		return -EINVAL;
	if (flags & FHCRC) {
		magic = ~hcrc & 0xffff;
		if (get_le(s, &hcrc, 2, &v))
			return -EINVAL;
		if (v != magic)
			return fail(s, "header crc mismatch");
	}
	return 0;
}

static int read_gzip_trailer(struct inflate_state *s)
{
	u32 crc, isize, unused;

	align_to_byte(s);
	if (get_le(s, &unused, 4, &crc) || get_le(s, &unused, 4, &isize))
		return -EINVAL;
	if (crc != ~s->crc)
		return fail(s, "crc error");
	if (isize != s->total)
		return fail(s, "length error");
	return 0;
}

static struct inflate_state *alloc_state(unsigned char *inbuf, long len,
					 long (*fill)(void *, unsigned long))
{
	bool own_iobuf = fill && !inbuf;
	struct inflate_state *s;

	s = vmalloc(sizeof(*s) + (own_iobuf ? GZIP_IOBUF_SIZE : 0));
	if (!s)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->fill = fill;
	s->iobuf = own_iobuf ? (u8 *)(s + 1) : inbuf;
	s->in = s->in_start = own_iobuf ? s->iobuf : inbuf;
	s->in_end = s->in + (own_iobuf ? 0 : len);
	s->crc = ~0U;
	return s;
}

/**
 * gunzip - decompress one gzip member, streaming the output.
 *
 * See include/linux/decompress/inflate.h for the arguments.  Process
 * context.  Returns 0 or a negative errno, having called @error with
 * the reason.
 */
int gunzip(unsigned char *inbuf, long len, long (*fill)(void *, unsigned long),
	   long (*flush)(void *, unsigned long), unsigned char *outbuf,
	   long *pos, void (*error)(char *x))
{
	struct inflate_state *s;
	const char *msg;
	int ret;

	if (!flush || outbuf || len < 0 || (!inbuf && !fill)) {
		msg = "unsupported gunzip arguments";
		ret = -EINVAL;
		goto out;
	}
	s = alloc_state(inbuf, len, fill);
	if (!s) {
		msg = "out of memory";
		ret = -ENOMEM;
		goto out;
	}
	s->flush = flush;
	ret = read_gzip_header(s);
	if (!ret)
		ret = inflate(s);
	if (!ret)
		ret = read_gzip_trailer(s);
	if (pos)
		*pos = input_used(s);
	msg = s->msg;
	vfree(s);
out:
	if (ret && error)
		error((char *)(msg ?: "gunzip failed"));
	return ret;
}
