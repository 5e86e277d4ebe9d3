/*
 * The initramfs: unpack the cpio archive the boot loader handed over
 * into rootfs, then give its memory back.
 *
 * The archive is a sequence of cpio "newc" archives, each ending in a
 * member named TRAILER!!!, possibly gzip'd, possibly several
 * back to back with zero padding between them (what cat of a few
 * archives gives).  A newc member is
 *
 *	"070701" (or "070702": data checksum) and 13 fields of 8 hex digits
 *	the name, NUL-terminated, padded so header + name is 4-aligned
 *	the data (file contents, symlink target), padded to 4
 *
 * The parser is a state machine fed by whatever pieces arrive (from
 * memory, or from gunzip's flush() 64 KiB at a time), so a header or a
 * name may be split anywhere; those are collected into buffers, file
 * data is passed through.  Its states:
 *
 *	RESET --'0'--> START --> [COLLECT] --> GOT_HEADER
 *	GOT_HEADER --> [COLLECT] --> GOT_NAME --> COPY_FILE --> SKIP
 *	GOT_HEADER --> [COLLECT] --> GOT_SYMLINK -------------> SKIP
 *	GOT_HEADER (member without a name we can use) --------> SKIP
 *	SKIP (to the next 4-aligned header) --> RESET (zeros are padding)
 */
#include <linux/compiler.h>
#include <linux/decompress/inflate.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <uapi/linux/limits.h>

#include "internal.h"

#define CPIO_HEADER_SIZE 110
/* The name's length with the padding that 4-aligns header + name. */
#define N_ALIGN(len) ((((len) + 1) & ~3) + 2)
#define LINK_HASH_SIZE 32

enum cpio_state {
	RESET,
	START,
	COLLECT,
	GOT_HEADER,
	SKIP,
	GOT_NAME,
	COPY_FILE,
	GOT_SYMLINK,
};

/* A member with nlink > 1, for the later members that link to it. */
struct link_entry {
	struct link_entry *next;
	u32 ino, major, minor;
	umode_t mode;
	char name[];
};

/* A directory whose mtime is set at the end: members inside change it. */
struct dir_entry {
	struct list_head list;
	time64_t mtime;
	char name[];
};

struct cpio_parser {
	const struct initramfs_ops *ops;
	void *priv;
	const char *message; /* the first error; parsing stops */

	enum cpio_state state, next_state;
	const char *victim; /* the input not yet eaten */
	unsigned long byte_count;
	u64 this_header; /* offset of victim in the current archive */
	u64 next_header; /* where the member after this one starts */

	/* COLLECT: gather @remains bytes at @collect, then @next_state */
	char *collect;
	unsigned long remains;
	const char *collected; /* what GOT_* states parse */

	struct cpio_entry e;
	u32 ino, major, minor, name_len, body_len, hdr_csum, io_csum;
	bool csum_present;

	char header_buf[CPIO_HEADER_SIZE];
	char *name_buf; /* N_ALIGN(PATH_MAX) */
	char *symlink_buf; /* N_ALIGN(PATH_MAX) + PATH_MAX + 1 */
	struct link_entry *links[LINK_HASH_SIZE];
	struct list_head dirs;
	struct unpack_result res;
};

static void error(struct cpio_parser *p, const char *x)
{
	if (!p->message)
		p->message = x;
}

static void eat(struct cpio_parser *p, unsigned long n)
{
	p->victim += n;
	p->this_header += n;
	p->byte_count -= n;
}

/* --- Hard links and directory times ---------------------------------- */

static void free_links(struct cpio_parser *p)
{
	struct link_entry *l, *next;
	int i;

	for (i = 0; i < LINK_HASH_SIZE; i++) {
		for (l = p->links[i]; l; l = next) {
			next = l->next;
			kfree(l);
		}
		p->links[i] = NULL;
	}
}

static unsigned int link_hash(u32 ino, u32 major, u32 minor)
{
	return (ino ^ (major << 3) ^ (minor << 7) ^ (ino >> 5)) %
	       LINK_HASH_SIZE;
}

/*
 * A member with nlink >= 2 whose (ino, dev, type) was seen before is a
 * hard link to the first one.  Returns 1 when linked, 0 when the caller
 * must create the member, -1 when the link failed.
 */
static int maybe_link(struct cpio_parser *p)
{
	struct link_entry *l, **head;
	size_t len;

	if (p->e.nlink < 2)
		return 0;
	head = &p->links[link_hash(p->ino, p->major, p->minor)];
	for (l = *head; l; l = l->next) {
		if (l->ino == p->ino && l->major == p->major &&
		    l->minor == p->minor && !((l->mode ^ p->e.mode) & S_IFMT))
			return p->ops->link(p->priv, l->name, p->e.name) < 0 ?
				       -1 :
				       1;
	}
	len = strlen(p->e.name) + 1;
	l = kmalloc(sizeof(*l) + len, GFP_KERNEL);
	if (!l) {
		error(p, "can't allocate link hash entry");
		return -1;
	}
	l->ino = p->ino;
	l->major = p->major;
	l->minor = p->minor;
	l->mode = p->e.mode;
	memcpy(l->name, p->e.name, len);
	l->next = *head;
	*head = l;
	return 0;
}

static void dir_add(struct cpio_parser *p)
{
	size_t len = strlen(p->e.name) + 1;
	struct dir_entry *d = kmalloc(sizeof(*d) + len, GFP_KERNEL);

	if (!d) {
		error(p, "can't allocate dir_entry buffer");
		return;
	}
	d->mtime = p->e.mtime;
	memcpy(d->name, p->e.name, len);
	list_add(&d->list, &p->dirs);
}

/* Innermost first: dir_add() put the latest directory at the head. */
static void dir_utime(struct cpio_parser *p)
{
	struct dir_entry *d, *n;

	list_for_each_entry_safe(d, n, &p->dirs, list) {
		p->ops->utime(p->priv, d->name, d->mtime);
		list_del(&d->list);
		kfree(d);
	}
}

/* --- The states ------------------------------------------------------ */

/*
 * Arrange for @size bytes to be at p->collected in state @next: in
 * place when they are all here (unless @copy: the caller will write to
 * them), else gathered into @buf over as many pieces as it takes.
 */
static void read_into(struct cpio_parser *p, char *buf, unsigned long size,
		      enum cpio_state next, bool copy)
{
	if (p->byte_count >= size && !copy) {
		p->collected = p->victim;
		eat(p, size);
		p->state = next;
	} else {
		p->collect = buf;
		p->collected = buf;
		p->remains = size;
		p->next_state = next;
		p->state = COLLECT;
	}
}

static int do_start(struct cpio_parser *p)
{
	read_into(p, p->header_buf, CPIO_HEADER_SIZE, GOT_HEADER, false);
	return 0;
}

static int do_collect(struct cpio_parser *p)
{
	unsigned long n = min(p->remains, p->byte_count);

	memcpy(p->collect, p->victim, n);
	eat(p, n);
	p->collect += n;
	p->remains -= n;
	if (p->remains)
		return 1;
	p->state = p->next_state;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 13 fields after the magic; false if one is not 8 hex digits. */
static bool parse_header(struct cpio_parser *p, const char *s)
{
	u32 f[13];
	int i, j, v;

	for (i = 0; i < 13; i++) {
		f[i] = 0;
		for (j = 0; j < 8; j++) {
			v = hexval(s[6 + 8 * i + j]);
			if (v < 0)
				return false;
			f[i] = f[i] << 4 | v;
		}
	}
	p->ino = f[0];
	p->e.mode = f[1];
	p->e.uid = f[2];
	p->e.gid = f[3];
	p->e.nlink = f[4];
	p->e.mtime = f[5];
	p->body_len = p->e.size = f[6];
	p->major = f[7];
	p->minor = f[8];
	p->e.rdev = new_encode_dev(MKDEV(f[9], f[10]));
	p->name_len = f[11];
	p->hdr_csum = f[12];
	return true;
}

static int do_header(struct cpio_parser *p)
{
	const char *h = p->collected;

	if (!memcmp(h, "070707", 6)) {
		error(p, "incorrect cpio method used: use -H newc option");
		return 1;
	}
	if (!memcmp(h, "070701", 6)) {
		p->csum_present = false;
	} else if (!memcmp(h, "070702", 6)) {
		p->csum_present = true;
	} else {
		error(p, "no cpio magic");
		return 1;
	}
	if (!parse_header(p, h)) {
		error(p, "malformed cpio header");
		return 1;
	}
	p->next_header = ALIGN(
		p->this_header + N_ALIGN((u64)p->name_len) + p->body_len, 4);
	p->state = SKIP;
	p->next_state = RESET;
	if (!p->name_len || p->name_len > PATH_MAX) {
		pr_warn("initramfs: skipping a member with a name of %u bytes\n",
			p->name_len);
		return 0;
	}
	if (S_ISLNK(p->e.mode)) {
		if (p->body_len > PATH_MAX)
			return 0;
		read_into(p, p->symlink_buf, N_ALIGN(p->name_len) + p->body_len,
			  GOT_SYMLINK, true);
	} else if (S_ISREG(p->e.mode) || !p->body_len) {
		read_into(p, p->name_buf, N_ALIGN(p->name_len), GOT_NAME,
			  false);
	}
	return 0;
}

static int do_skip(struct cpio_parser *p)
{
	if (p->this_header + p->byte_count < p->next_header) {
		eat(p, p->byte_count);
		return 1;
	}
	eat(p, p->next_header - p->this_header);
	p->state = p->next_state;
	return 0;
}

/*
 * Between members, and after a trailer: zeros are padding; the next
 * member starts with '0' at a 4-aligned offset.  Anything else stops
 * the parser, for the caller to judge (gzip data, or junk).
 */
static int do_reset(struct cpio_parser *p)
{
	while (p->byte_count && *p->victim == '\0')
		eat(p, 1);
	if (!p->byte_count)
		return 1;
	if (p->this_header & 3) {
		error(p, "broken padding");
		return 1;
	}
	if (*p->victim != '0')
		return 1;
	p->state = START;
	return 0;
}

/* The name must end in the NUL the header counted. */
static bool name_ok(struct cpio_parser *p)
{
	if (p->collected[p->name_len - 1] == '\0')
		return true;
	error(p, "malformed archive: name without its NUL");
	return false;
}

static int do_name(struct cpio_parser *p)
{
	const struct initramfs_ops *ops = p->ops;
	umode_t mode = p->e.mode;
	int ml;

	p->state = SKIP;
	p->next_state = RESET;
	if (!name_ok(p))
		return 1;
	p->e.name = p->collected;
	if (!strcmp(p->e.name, "TRAILER!!!")) {
		free_links(p);
		return 0;
	}
	p->res.entries++;
	ops->clean(p->priv, &p->e);
	if (S_ISREG(mode)) {
		ml = maybe_link(p);
		if (ml < 0 || ops->create(p->priv, &p->e, ml != 1))
			return 0;
		/* COPY_FILE outlives the name's place in the input. */
		if (p->e.name != p->name_buf) {
			memcpy(p->name_buf, p->e.name, p->name_len);
			p->e.name = p->name_buf;
		}
		p->io_csum = 0;
		p->state = COPY_FILE;
	} else if (S_ISDIR(mode)) {
		ops->mkdir(p->priv, &p->e);
		dir_add(p);
	} else if (S_ISBLK(mode) || S_ISCHR(mode) || S_ISFIFO(mode) ||
		   S_ISSOCK(mode)) {
		if (maybe_link(p) == 0)
			ops->mknod(p->priv, &p->e);
	}
	return 0;
}

static void add_csum(struct cpio_parser *p, const char *buf, unsigned long n)
{
	const u8 *b = (const u8 *)buf;

	while (n--)
		p->io_csum += *b++;
}

static int do_copy(struct cpio_parser *p)
{
	unsigned long n = min((unsigned long)p->body_len, p->byte_count);

	if (n && p->ops->write(p->priv, p->victim, n))
		error(p, "write error");
	if (p->csum_present)
		add_csum(p, p->victim, n);
	eat(p, n);
	p->body_len -= n;
	if (p->body_len)
		return 1;
	p->ops->close(p->priv, &p->e);
	if (p->csum_present && p->io_csum != p->hdr_csum)
		error(p, "bad data checksum");
	p->state = SKIP;
	return 0;
}

static int do_symlink(struct cpio_parser *p)
{
	char *buf = p->symlink_buf;

	p->state = SKIP;
	p->next_state = RESET;
	if (!name_ok(p))
		return 1;
	buf[N_ALIGN(p->name_len) + p->body_len] = '\0';
	p->e.name = buf;
	p->res.entries++;
	p->ops->clean(p->priv, &p->e);
	p->ops->symlink(p->priv, &p->e, buf + N_ALIGN(p->name_len));
	return 0;
}

/* Each returns 0 to go on, 1 to stop until more input. */
static int (*const actions[])(struct cpio_parser *) = {
	[RESET] = do_reset,	[START] = do_start,
	[COLLECT] = do_collect, [GOT_HEADER] = do_header,
	[SKIP] = do_skip,	[GOT_NAME] = do_name,
	[COPY_FILE] = do_copy,	[GOT_SYMLINK] = do_symlink,
};

/*
 * States that can move on with no input left: what was collected in
 * place must be parsed before the input it points to goes away, and a
 * member that ends exactly at the end of the input is complete.
 */
static bool can_run(struct cpio_parser *p)
{
	if (p->byte_count)
		return true;
	switch (p->state) {
	case GOT_HEADER:
	case GOT_NAME:
	case GOT_SYMLINK:
		return true;
	case SKIP:
		return p->this_header >= p->next_header;
	case COPY_FILE:
		return !p->body_len;
	default:
		return false;
	}
}

/* Parse @len bytes; returns how many it took (less: not cpio there). */
static unsigned long write_buffer(struct cpio_parser *p, const char *buf,
				  unsigned long len)
{
	p->victim = buf;
	p->byte_count = len;
	while (!p->message && can_run(p) && !actions[p->state](p))
		;
	p->res.cpio_bytes += len - p->byte_count;
	return len - p->byte_count;
}

/* --- gzip'd archives ------------------------------------------------- */

/* gunzip()'s callbacks take no context: one unpack at a time. */
static DEFINE_MUTEX(unpack_mutex);
static struct cpio_parser *gunzip_parser;

static long flush_buffer(void *bufv, unsigned long len)
{
	struct cpio_parser *p = gunzip_parser;
	const char *buf = bufv;
	unsigned long written, orig = len;

	if (p->message)
		return -1;
	while ((written = write_buffer(p, buf, len)) < len && !p->message) {
		buf += written;
		len -= written;
		if (*buf == '0') /* concatenated: another archive */
			p->state = START;
		else
			error(p, "junk within compressed archive");
	}
	return p->message ? -1 : (long)orig;
}

static void gunzip_error(char *x)
{
	error(gunzip_parser, x);
}

/* Decompress the member at @buf; returns the input bytes it took. */
static unsigned long unpack_compressed(struct cpio_parser *p, const char *buf,
				       unsigned long len)
{
	long used = 0;

	if (len < 2 || (u8)buf[0] != 0x1f || (u8)buf[1] != 0x8b) {
		error(p, "invalid magic at start of compressed archive");
		return len;
	}
	gunzip_parser = p;
	if (gunzip((unsigned char *)buf, len, NULL, flush_buffer, NULL, &used,
		   gunzip_error))
		error(p, "decompressor failed");
	if (p->state != RESET)
		error(p, "junk at the end of compressed archive");
	return used > 0 ? used : len;
}

/**
 * unpack_to_rootfs - unpack cpio archives through @ops.
 * @buf: the archives: newc, gzip'd newc, or several of either
 *	concatenated, with zero padding between them
 * @len: their size
 * @ops: what creates the members
 * @priv: passed to @ops
 * @res: if not NULL, receives counts
 *
 * Process context; serialised.  Returns NULL, or why unpacking
 * stopped ("no cpio magic", "crc error", ...); members before the
 * error have been created.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len,
			     const struct initramfs_ops *ops, void *priv,
			     struct unpack_result *res)
{
	struct cpio_parser *p;
	const char *msg;
	unsigned long n;
	u64 saved;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return "can't allocate buffers";
	p->name_buf = kmalloc(N_ALIGN(PATH_MAX), GFP_KERNEL);
	p->symlink_buf = kmalloc(N_ALIGN(PATH_MAX) + PATH_MAX + 1, GFP_KERNEL);
	p->ops = ops;
	p->priv = priv;
	p->state = RESET;
	INIT_LIST_HEAD(&p->dirs);
	if (!p->name_buf || !p->symlink_buf)
		error(p, "can't allocate buffers");

	mutex_lock(&unpack_mutex);
	while (!p->message && len) {
		saved = p->this_header;
		if (*buf == '0' && !(p->this_header & 3)) {
			p->state = START;
			n = write_buffer(p, buf, len);
		} else if (!*buf) {
			p->this_header++;
			n = 1;
		} else {
			p->this_header = 0;
			n = unpack_compressed(p, buf, len);
			p->this_header = saved + n;
		}
		buf += n;
		len -= n;
	}
	if (!p->message && p->state != RESET)
		error(p, "truncated archive");
	if (p->state == COPY_FILE) /* cut short: still close it */
		ops->close(priv, &p->e);
	mutex_unlock(&unpack_mutex);

	dir_utime(p);
	free_links(p);
	msg = p->message;
	if (res)
		*res = p->res;
	kfree(p->symlink_buf);
	kfree(p->name_buf);
	kfree(p);
	return msg;
}

/* --- Into rootfs ----------------------------------------------------- */

unsigned long initrd_start, initrd_end;
struct initramfs_stats initramfs_stats;

struct rootfs_ctx {
	struct file *wfile; /* the regular file being written */
	loff_t wpos;
	int fs_error; /* the first error of the file system */
};

static int note(struct rootfs_ctx *c, int err)
{
	if (err < 0 && !c->fs_error)
		c->fs_error = err;
	return err;
}

static void do_utime(struct rootfs_ctx *c, const char *name, time64_t mtime)
{
	struct timespec64 t[2] = { { .tv_sec = mtime }, { .tv_sec = mtime } };

	note(c, init_utimes((char *)name, t));
}

static void set_owner_mode(struct rootfs_ctx *c, const struct cpio_entry *e)
{
	note(c, init_chown(e->name, e->uid, e->gid, 0));
	note(c, init_chmod(e->name, e->mode));
}

/*
 * Remove what is in the way: unlink anything, and rmdir unless the
 * member is a directory itself, so a directory stays for a directory
 * member and anything else goes.  Linux stats the name first and keeps
 * an entry of the member's own type (truncating a regular file in
 * place); replacing it instead leaves other hard links to it alone.
 */
static void rootfs_clean(void *priv, const struct cpio_entry *e)
{
	init_unlink(e->name);
	if (!S_ISDIR(e->mode))
		init_rmdir(e->name);
}

static int rootfs_create(void *priv, const struct cpio_entry *e, bool truncate)
{
	struct rootfs_ctx *c = priv;
	int flags = O_WRONLY | O_CREAT | O_LARGEFILE;
	struct file *f;

	if (truncate)
		flags |= O_TRUNC;
	f = filp_open(e->name, flags, e->mode);
	if (IS_ERR(f))
		return note(c, PTR_ERR(f));
	c->wfile = f;
	c->wpos = 0;
	set_owner_mode(c, e);
	return 0;
}

static int rootfs_write(void *priv, const void *buf, size_t len)
{
	struct rootfs_ctx *c = priv;
	ssize_t n;

	while (len) {
		n = kernel_write(c->wfile, buf, len, &c->wpos);
		if (n <= 0)
			return note(c, n < 0 ? n : -EIO);
		buf += n;
		len -= n;
	}
	return 0;
}

static void rootfs_close(void *priv, const struct cpio_entry *e)
{
	struct rootfs_ctx *c = priv;

	filp_close(c->wfile, NULL);
	c->wfile = NULL;
	do_utime(c, e->name, e->mtime);
}

static void rootfs_mkdir(void *priv, const struct cpio_entry *e)
{
	struct rootfs_ctx *c = priv;

	note(c, init_mkdir(e->name, e->mode));
	set_owner_mode(c, e);
}

static void rootfs_mknod(void *priv, const struct cpio_entry *e)
{
	struct rootfs_ctx *c = priv;

	note(c, init_mknod(e->name, e->mode, e->rdev));
	set_owner_mode(c, e);
	do_utime(c, e->name, e->mtime);
}

static void rootfs_symlink(void *priv, const struct cpio_entry *e,
			   const char *target)
{
	struct rootfs_ctx *c = priv;

	note(c, init_symlink(target, e->name));
	note(c, init_chown(e->name, e->uid, e->gid, AT_SYMLINK_NOFOLLOW));
	do_utime(c, e->name, e->mtime);
}

static int rootfs_link(void *priv, const char *oldname, const char *newname)
{
	init_unlink(newname);
	return note(priv, init_link(oldname, newname));
}

static void rootfs_utime(void *priv, const char *name, time64_t mtime)
{
	do_utime(priv, name, mtime);
}

static const struct initramfs_ops rootfs_ops = {
	.clean = rootfs_clean,
	.create = rootfs_create,
	.write = rootfs_write,
	.close = rootfs_close,
	.mkdir = rootfs_mkdir,
	.mknod = rootfs_mknod,
	.symlink = rootfs_symlink,
	.link = rootfs_link,
	.utime = rootfs_utime,
};

/**
 * free_initrd_mem - give the initrd's pages to the page allocator.
 * @start: its first byte (direct map)
 * @end: one past its last byte
 *
 * Boot, once it is unpacked.  setup_arch() reserved whole pages, so
 * whole pages go back, poisoned.
 */
void free_initrd_mem(unsigned long start, unsigned long end)
{
	free_reserved_area((void *)ALIGN_DOWN(start, PAGE_SIZE),
			   (void *)PAGE_ALIGN(end), POISON_FREE_INITMEM,
			   "initrd");
}

static void __init print_unpack_stats(const struct initramfs_stats *s)
{
	u64 us = div_u64(s->ns, 1000) ?: 1;
	/* bytes per microsecond is MB/s; keep one decimal */
	u64 mbps10 = div_u64(s->out_bytes * 10, us);

	pr_info("Initramfs: %lu entries, %luK archive -> %lluK cpio in %llu ms (%llu.%llu MB/s)\n",
		s->entries, s->in_bytes >> 10, s->out_bytes >> 10,
		div_u64(us, 1000), div_u64(mbps10, 10), mbps10 % 10);
}

/*
 * Linux's rootfs_initcall: after the file systems (fs_initcall), before
 * the device initcalls, whose drivers may want files from it.  Without
 * a rootfs yet, the init_* helpers fail (-ENOSYS) and the archive is
 * parsed for nothing: logged, not fatal.
 */
static int __init populate_rootfs(void)
{
	struct initramfs_stats *s = &initramfs_stats;
	struct rootfs_ctx ctx = {};
	struct unpack_result res;
	u64 t0;

	if (!initrd_start)
		return 0;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	s->in_bytes = initrd_end - initrd_start;
	t0 = ktime_get_ns();
	s->error = unpack_to_rootfs((const char *)initrd_start, s->in_bytes,
				    &rootfs_ops, &ctx, &res);
	s->ns = ktime_get_ns() - t0;
	s->entries = res.entries;
	s->out_bytes = res.cpio_bytes;
	s->fs_error = ctx.fs_error;
	s->done = true;
	if (s->error)
		pr_emerg("Initramfs unpacking failed: %s\n", s->error);
	print_unpack_stats(s);
	if (ctx.fs_error)
		pr_warn("Initramfs: rootfs refused members (error %d)%s\n",
			ctx.fs_error,
			ctx.fs_error == -ENOSYS ? ": no rootfs yet" : "");
	free_initrd_mem(initrd_start, initrd_end);
	initrd_start = initrd_end = 0;
	return 0;
}
rootfs_initcall(populate_rootfs);
