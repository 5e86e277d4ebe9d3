/*
 * ktest=initramfs: the cpio unpacker, watched through recording ops,
 * on archives built here (newc, crc, gzip'd with stored blocks or by
 * the host's zlib, concatenated, broken); and what populate_rootfs()
 * did with the boot loader's initrd.
 */
#include <linux/crc32.h>
#include <linux/decompress/inflate.h>
#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <ktest/test.h>

#include "internal.h"

#define REC_SIZE 4096

struct rec {
	char log[REC_SIZE];
	size_t len;
	u64 bytes; /* file data written */
	u32 crc; /* of all of it, in order */
	int fail_create; /* make create() fail */
};

static void __printf(2, 3) rec_add(struct rec *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	r->len += vsnprintf(r->log + r->len, REC_SIZE - r->len, fmt, ap);
	va_end(ap);
	if (r->len >= REC_SIZE)
		r->len = REC_SIZE - 1;
}

static void rec_clean(void *priv, const struct cpio_entry *e)
{
}

static int rec_create(void *priv, const struct cpio_entry *e, bool truncate)
{
	struct rec *r = priv;

	rec_add(r, "create %s %o %u:%u%s\n", e->name, e->mode, e->uid, e->gid,
		truncate ? "" : " keep");
	return r->fail_create;
}

static int rec_write(void *priv, const void *buf, size_t len)
{
	struct rec *r = priv;

	if (len <= 32)
		rec_add(r, "write %.*s\n", (int)len, (const char *)buf);
	r->bytes += len;
	r->crc = crc32_le(r->crc, buf, len);
	return 0;
}

static void rec_close(void *priv, const struct cpio_entry *e)
{
	rec_add(priv, "close %s %lld\n", e->name, e->mtime);
}

static void rec_mkdir(void *priv, const struct cpio_entry *e)
{
	rec_add(priv, "mkdir %s %o %u:%u\n", e->name, e->mode, e->uid, e->gid);
}

static void rec_mknod(void *priv, const struct cpio_entry *e)
{
	rec_add(priv, "mknod %s %o %#x\n", e->name, e->mode, e->rdev);
}

static void rec_symlink(void *priv, const struct cpio_entry *e,
			const char *target)
{
	rec_add(priv, "symlink %s -> %s\n", e->name, target);
}

static int rec_link(void *priv, const char *oldname, const char *newname)
{
	rec_add(priv, "link %s %s\n", oldname, newname);
	return 0;
}

static void rec_utime(void *priv, const char *name, time64_t mtime)
{
	rec_add(priv, "utime %s %lld\n", name, mtime);
}

static const struct initramfs_ops rec_ops = {
	.clean = rec_clean,
	.create = rec_create,
	.write = rec_write,
	.close = rec_close,
	.mkdir = rec_mkdir,
	.mknod = rec_mknod,
	.symlink = rec_symlink,
	.link = rec_link,
	.utime = rec_utime,
};

/* --- Building archives ----------------------------------------------- */

struct cpio {
	char *buf;
	size_t len, cap;
};

static void put(struct cpio *c, const void *p, size_t n)
{
	if (c->len + n <= c->cap)
		memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void pad4(struct cpio *c)
{
	while (c->len & 3)
		put(c, "", 1);
}

struct member {
	const char *name;
	u32 mode, ino, nlink, mtime, rmajor, rminor;
	const void *data;
	u32 size;
};

static void cpio_add_magic(struct cpio *c, const char *magic,
			   const struct member *m, u32 check)
{
	char hdr[112];
	u32 namesize = strlen(m->name) + 1;

	snprintf(hdr, sizeof(hdr),
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 magic, m->ino, m->mode, 1000, 100, m->nlink ?: 1, m->mtime,
		 m->size, 0, 0, m->rmajor, m->rminor, namesize, check);
	put(c, hdr, 110);
	put(c, m->name, namesize);
	pad4(c);
	put(c, m->data, m->size);
	pad4(c);
}

static void cpio_add(struct cpio *c, const struct member *m)
{
	cpio_add_magic(c, "070701", m, 0);
}

static void cpio_trailer(struct cpio *c)
{
	struct member t = { .name = "TRAILER!!!" };

	cpio_add(c, &t);
}

static bool cpio_init(struct ktest *test, struct cpio *c, size_t cap)
{
	c->buf = vmalloc(cap);
	c->len = 0;
	c->cap = cap;
	if (!c->buf)
		ktest_fail(test, __FILE__, __LINE__, "vmalloc(%zu) failed",
			   cap);
	return c->buf != NULL;
}

/*
 * gzip @src with stored blocks: a valid stream our inflate must read,
 * built without a compressor.  Blocks are small so the output arrives
 * in flush() pieces that split members anywhere.
 */
static size_t gzip_stored(u8 *dst, const void *src, size_t n, size_t block)
{
	static const u8 header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	u32 crc = ~crc32_le(~0U, src, n);
	size_t d = 0, off = 0, b;

	memcpy(dst, header, 10);
	d = 10;
	do {
		b = min(block, n - off);
		dst[d++] = off + b == n; /* BFINAL, BTYPE 00 */
		dst[d++] = b;
		dst[d++] = b >> 8;
		dst[d++] = ~b;
		dst[d++] = ~b >> 8;
		memcpy(dst + d, (const u8 *)src + off, b);
		d += b;
		off += b;
	} while (off < n);
	memcpy(dst + d, &crc, 4);
	dst[d + 4] = n;
	dst[d + 5] = n >> 8;
	dst[d + 6] = n >> 16;
	dst[d + 7] = n >> 24;
	return d + 8;
}

static const char *unpack(struct cpio *c, struct rec *r,
			  struct unpack_result *res)
{
	memset(r, 0, sizeof(*r));
	r->crc = ~0U;
	return unpack_to_rootfs(c->buf, c->len, &rec_ops, r, res);
}

static void add_tree(struct cpio *c)
{
	static const struct member tree[] = {
		{ .name = "dev", .mode = S_IFDIR | 0755, .ino = 1, .mtime = 7 },
		{ .name = "dev/console",
		  .mode = S_IFCHR | 0600,
		  .ino = 2,
		  .rmajor = 5,
		  .rminor = 1 },
		{ .name = "dev/sda",
		  .mode = S_IFBLK | 0660,
		  .ino = 3,
		  .rmajor = 8,
		  .rminor = 300 },
		{ .name = "fifo", .mode = S_IFIFO | 0644, .ino = 4 },
		{ .name = "init",
		  .mode = S_IFREG | 0755,
		  .ino = 5,
		  .mtime = 42,
		  .data = "#!/bin/sh\n",
		  .size = 10 },
		{ .name = "sh",
		  .mode = S_IFLNK | 0777,
		  .ino = 6,
		  .data = "/bin/busybox",
		  .size = 12 },
		{ .name = "empty", .mode = S_IFREG | 0600, .ino = 7 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tree); i++)
		cpio_add(c, &tree[i]);
	cpio_trailer(c);
}

static const char tree_log[] = "mkdir dev 40755 1000:100\n"
			       "mknod dev/console 20600 0x501\n"
			       "mknod dev/sda 60660 0x10082c\n"
			       "mknod fifo 10644 0x0\n"
			       "create init 100755 1000:100\n"
			       "write #!/bin/sh\n\n"
			       "close init 42\n"
			       "symlink sh -> /bin/busybox\n"
			       "create empty 100600 1000:100\n"
			       "close empty 0\n"
			       "utime dev 7\n";

/* --- Cases ----------------------------------------------------------- */

static void initramfs_test_newc_member_types(struct ktest *test)
{
	struct unpack_result res;
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	add_tree(&c);
	KTEST_EXPECT_NULL(test, unpack(&c, &r, &res));
	KTEST_EXPECT_STREQ(test, r.log, tree_log);
	KTEST_EXPECT_EQ(test, res.entries, 7);
	KTEST_EXPECT_EQ(test, res.cpio_bytes, c.len);
	vfree(c.buf);
}

/*
 * Members with the same (ino, dev) and nlink 2 are one file: the later
 * ones become hard links to the first, and the data (on the last, as
 * cpio writes it) goes into the linked file without truncating it.
 */
static void initramfs_test_hard_links(struct ktest *test)
{
	static const struct member m[] = {
		{ .name = "a", .mode = S_IFREG | 0644, .ino = 9, .nlink = 2 },
		{ .name = "b",
		  .mode = S_IFREG | 0644,
		  .ino = 9,
		  .nlink = 2,
		  .data = "xyz",
		  .size = 3 },
		{ .name = "n1", .mode = S_IFCHR | 0600, .ino = 10, .nlink = 2 },
		{ .name = "n2", .mode = S_IFCHR | 0600, .ino = 10, .nlink = 2 },
		/* same ino, other type: not a link */
		{ .name = "d", .mode = S_IFDIR | 0700, .ino = 9, .nlink = 2 },
	};
	struct rec r;
	struct cpio c;
	unsigned int i;

	if (!cpio_init(test, &c, 4096))
		return;
	for (i = 0; i < ARRAY_SIZE(m); i++)
		cpio_add(&c, &m[i]);
	cpio_trailer(&c);
	/* after a trailer, the same ino is a new file */
	cpio_add(&c, &m[1]);
	cpio_trailer(&c);
	KTEST_EXPECT_NULL(test, unpack(&c, &r, NULL));
	KTEST_EXPECT_STREQ(test, r.log,
			   "create a 100644 1000:100\n"
			   "close a 0\n"
			   "link a b\n"
			   "create b 100644 1000:100 keep\n"
			   "write xyz\n"
			   "close b 0\n"
			   "mknod n1 20600 0x0\n"
			   "link n1 n2\n"
			   "mkdir d 40700 1000:100\n"
			   "create b 100644 1000:100\n"
			   "write xyz\n"
			   "close b 0\n"
			   "utime d 0\n");
	vfree(c.buf);
}

/* Directories get their mtimes last, innermost first. */
static void initramfs_test_dir_mtime_deferred(struct ktest *test)
{
	static const struct member m[] = {
		{ .name = "usr", .mode = S_IFDIR | 0755, .mtime = 1 },
		{ .name = "usr/bin", .mode = S_IFDIR | 0755, .mtime = 2 },
		{ .name = "usr/bin/x", .mode = S_IFREG | 0755, .mtime = 3 },
	};
	struct rec r;
	struct cpio c;
	unsigned int i;

	if (!cpio_init(test, &c, 4096))
		return;
	for (i = 0; i < ARRAY_SIZE(m); i++)
		cpio_add(&c, &m[i]);
	cpio_trailer(&c);
	KTEST_EXPECT_NULL(test, unpack(&c, &r, NULL));
	KTEST_EXPECT_STREQ(test, r.log,
			   "mkdir usr 40755 1000:100\n"
			   "mkdir usr/bin 40755 1000:100\n"
			   "create usr/bin/x 100755 1000:100\n"
			   "close usr/bin/x 3\n"
			   "utime usr/bin 2\n"
			   "utime usr 1\n");
	vfree(c.buf);
}

/* Two archives, the second after 512 bytes of zeros, then more zeros. */
static void initramfs_test_concatenated_with_padding(struct ktest *test)
{
	static const struct member f = {
		.name = "f", .mode = S_IFREG | 0600, .data = "2nd", .size = 3
	};
	struct unpack_result res;
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 8192))
		return;
	add_tree(&c);
	memset(c.buf + c.len, 0, 512);
	c.len += 512;
	cpio_add(&c, &f);
	cpio_trailer(&c);
	memset(c.buf + c.len, 0, 100);
	c.len += 100;
	KTEST_EXPECT_NULL(test, unpack(&c, &r, &res));
	KTEST_EXPECT_EQ(test, res.entries, 8);
	KTEST_EXPECT_TRUE(test,
			  strstr(r.log, "create f 100600 1000:100\n"
					"write 2nd\nclose f 0\n") != NULL);
	vfree(c.buf);
}

/* "070702": the data's byte sum is checked. */
static void initramfs_test_crc_format(struct ktest *test)
{
	struct member m = { .name = "f",
			    .mode = S_IFREG | 0644,
			    .data = "\x01\x02\xff",
			    .size = 3 };
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	cpio_add_magic(&c, "070702", &m, 0x102);
	cpio_trailer(&c);
	KTEST_EXPECT_NULL(test, unpack(&c, &r, NULL));
	c.len = 0;
	cpio_add_magic(&c, "070702", &m, 0x103);
	cpio_trailer(&c);
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL), "bad data checksum");
	vfree(c.buf);
}

/*
 * A gzip'd archive with a 100000-byte file, in stored blocks of 33
 * bytes: gunzip's flush() hands the cpio over in 64 KiB pieces, and
 * the "pad" file is sized so the next header straddles the first
 * boundary.  All data must arrive, in order.
 */
static void initramfs_test_gzip_split_anywhere(struct ktest *test)
{
	struct member big = { .name = "big",
			      .mode = S_IFREG | 0644,
			      .size = 100000 };
	struct member pad = { .name = "pad", .mode = S_IFREG | 0644 };
	struct unpack_result res;
	struct cpio c, gz;
	u8 *data;
	struct rec r;
	u32 i, crc;

	data = vmalloc(big.size);
	KTEST_ASSERT_NOT_NULL(test, data);
	for (i = 0; i < big.size; i++)
		data[i] = i * 7;
	big.data = data;
	if (!cpio_init(test, &c, 180000) || !cpio_init(test, &gz, 220000))
		return;
	add_tree(&c);
	pad.data = data;
	pad.size = 65536 - 52 - (c.len + 116); /* "big" starts 52 before */
	cpio_add(&c, &pad);
	KTEST_EXPECT_EQ(test, c.len, 65536 - 52);
	cpio_add(&c, &big);
	cpio_trailer(&c);
	crc = crc32_le(~0U, "#!/bin/sh\n", 10);
	crc = crc32_le(crc, data, pad.size);
	crc = crc32_le(crc, data, big.size);
	/* split the tree's members across blocks of 33 bytes too */
	gz.len = gzip_stored((u8 *)gz.buf, c.buf, c.len, 33);
	KTEST_ASSERT_LT(test, gz.len, gz.cap);
	KTEST_EXPECT_NULL(test, unpack(&gz, &r, &res));
	/* the tree's members, less the directory time set at the end */
	KTEST_EXPECT_TRUE(test,
			  !strncmp(r.log, tree_log,
				   strlen(tree_log) - strlen("utime dev 7\n")));
	KTEST_EXPECT_TRUE(test, strstr(r.log, "create big 100644") != NULL);
	KTEST_EXPECT_EQ(test, r.bytes, 10 + pad.size + big.size);
	KTEST_EXPECT_EQ(test, r.crc, crc);
	KTEST_EXPECT_EQ(test, res.entries, 9);
	KTEST_EXPECT_EQ(test, res.cpio_bytes, c.len);

	/* a damaged CRC: gunzip's reason is the one reported */
	gz.buf[gz.len - 8] ^= 0x10;
	KTEST_EXPECT_STREQ(test, unpack(&gz, &r, NULL), "crc error");
	vfree(gz.buf);
	vfree(c.buf);
	vfree(data);
}

/*
 * Produced by the host's gzip -9 (Huffman-coded, not stored) from
 * usr/gen_init_cpio.py with the spec
 *	dir /etc 0755 0 0
 *	file /etc/motd (contents "hello from zlib\n") 0644 0 0 /etc/issue
 *	slink /bin/sh /bin/busybox 0777 0 0
 *	nod /dev/null 0666 0 0 c 1 3
 */
static const u8 zlib_archive[] = {
#include "initramfs_test_vector.h"
};

static void initramfs_test_gzip_from_zlib(struct ktest *test)
{
	struct cpio c = { .buf = (char *)zlib_archive,
			  .len = sizeof(zlib_archive) };
	struct rec r;

	KTEST_EXPECT_NULL(test, unpack(&c, &r, NULL));
	KTEST_EXPECT_STREQ(test, r.log,
			   "mkdir etc 40755 0:0\n"
			   "create etc/motd 100644 0:0\n"
			   "close etc/motd 0\n"
			   "link etc/motd etc/issue\n"
			   "create etc/issue 100644 0:0 keep\n"
			   "write hello from zlib\n\n"
			   "close etc/issue 0\n"
			   "symlink bin/sh -> /bin/busybox\n"
			   "mknod dev/null 20666 0x103\n"
			   "utime etc 0\n");
}

/* An uncompressed archive followed by a gzip'd one (cat a b.gz). */
static void initramfs_test_plain_then_gzip(struct ktest *test)
{
	struct unpack_result res;
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	add_tree(&c);
	memcpy(c.buf + c.len, zlib_archive, sizeof(zlib_archive));
	c.len += sizeof(zlib_archive);
	KTEST_EXPECT_NULL(test, unpack(&c, &r, &res));
	KTEST_EXPECT_EQ(test, res.entries, 7 + 5);
	KTEST_EXPECT_TRUE(test, strstr(r.log, "write hello from zlib") != NULL);
	vfree(c.buf);
}

static const char *unpack_bytes(struct rec *r, const char *s, size_t n)
{
	memset(r, 0, sizeof(*r));
	return unpack_to_rootfs(s, n, &rec_ops, r, NULL);
}

static void initramfs_test_errors_reported(struct ktest *test)
{
	struct member m = {
		.name = "f", .mode = S_IFREG | 0644, .data = "data", .size = 4
	};
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	cpio_add_magic(&c, "070703", &m, 0);
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL), "no cpio magic");
	c.len = 0;
	cpio_add_magic(&c, "070707", &m, 0);
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL),
			   "incorrect cpio method used: use -H newc option");
	c.len = 0;
	cpio_add(&c, &m);
	c.buf[20] = 'x'; /* inside the mode field */
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL), "malformed cpio header");

	/* cut in the header, the name, the data, before the trailer */
	c.len = 0;
	cpio_add(&c, &m);
	cpio_trailer(&c);
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, 50),
			   "truncated archive");
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, 111),
			   "truncated archive");
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, 114),
			   "truncated archive");
	/* the file cut short is still closed */
	KTEST_EXPECT_STREQ(test, r.log,
			   "create f 100644 1000:100\nwrite da\nclose f 0\n");
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, 120),
			   "truncated archive");

	/* junk after the trailer; a '0' off the 4-byte grid */
	memcpy(c.buf + c.len, "JUNK", 4);
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, c.len + 4),
			   "invalid magic at start of compressed archive");
	memcpy(c.buf + c.len,
	       "\0"
	       "070701",
	       7);
	KTEST_EXPECT_STREQ(test, unpack_bytes(&r, c.buf, c.len + 7),
			   "broken padding");
	vfree(c.buf);
}

/* A name without its NUL, a name past PATH_MAX: no crash, no create. */
static void initramfs_test_bad_names(struct ktest *test)
{
	struct member m = { .name = "abc", .mode = S_IFDIR | 0755 };
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	cpio_add(&c, &m);
	c.buf[110 + 3] = 'd'; /* overwrite the NUL */
	cpio_trailer(&c);
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL),
			   "malformed archive: name without its NUL");
	KTEST_EXPECT_STREQ(test, r.log, "");

	/* namesize 0x10000 > PATH_MAX: the member is skipped, not read */
	c.len = 0;
	cpio_add(&c, &m);
	memcpy(c.buf + 6 + 8 * 11, "00010000", 8);
	c.len = 110;
	cpio_trailer(&c); /* what "the name" would swallow */
	KTEST_EXPECT_STREQ(test, unpack(&c, &r, NULL), "truncated archive");
	KTEST_EXPECT_STREQ(test, r.log, "");
	vfree(c.buf);
}

/* When create() fails the data is skipped and parsing goes on. */
static void initramfs_test_create_failure_skips_data(struct ktest *test)
{
	struct rec r;
	struct cpio c;

	if (!cpio_init(test, &c, 4096))
		return;
	add_tree(&c);
	memset(&r, 0, sizeof(r));
	r.fail_create = -ENOSYS;
	KTEST_EXPECT_NULL(test,
			  unpack_to_rootfs(c.buf, c.len, &rec_ops, &r, NULL));
	KTEST_EXPECT_EQ(test, r.bytes, 0);
	KTEST_EXPECT_TRUE(test,
			  strstr(r.log, "symlink sh -> /bin/busybox") != NULL);
	vfree(c.buf);
}

/* What populate_rootfs() did with the boot loader's initrd. */
static void initramfs_test_boot_initrd_unpacked(struct ktest *test)
{
	const struct initramfs_stats *s = &initramfs_stats;

	if (!s->done) {
		ktest_skip(test, "booted without an initrd");
		return;
	}
	KTEST_EXPECT_NULL(test, s->error);
	KTEST_EXPECT_GT(test, s->entries, 0);
	KTEST_EXPECT_GT(test, s->out_bytes, s->in_bytes);
	KTEST_EXPECT_EQ(test, initrd_start, 0); /* freed */
	ktest_info(test, "%lu entries, %lu -> %llu bytes in %llu us",
		   s->entries, s->in_bytes, s->out_bytes, s->ns / 1000);
}

static struct ktest_case initramfs_test_cases[] = {
	KTEST_CASE(initramfs_test_newc_member_types),
	KTEST_CASE(initramfs_test_hard_links),
	KTEST_CASE(initramfs_test_dir_mtime_deferred),
	KTEST_CASE(initramfs_test_concatenated_with_padding),
	KTEST_CASE(initramfs_test_crc_format),
	KTEST_CASE(initramfs_test_gzip_split_anywhere),
	KTEST_CASE(initramfs_test_gzip_from_zlib),
	KTEST_CASE(initramfs_test_plain_then_gzip),
	KTEST_CASE(initramfs_test_errors_reported),
	KTEST_CASE(initramfs_test_bad_names),
	KTEST_CASE(initramfs_test_create_failure_skips_data),
	KTEST_CASE(initramfs_test_boot_initrd_unpacked),
	{}
};

static struct ktest_suite initramfs_test_suite = {
	.name = "initramfs",
	.test_cases = initramfs_test_cases,
};
ktest_suite(initramfs_test_suite);
