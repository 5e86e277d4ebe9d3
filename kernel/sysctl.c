/*
 * sysctl handlers for the usual kinds of variable, and the tables of
 * /proc/sys/kernel, vm and fs that have no better home yet.
 *
 * Text formats are Linux's: a string and a newline; integers separated
 * by tabs and ended by a newline on read, separated by any blanks on
 * write.  Writes at an offset other than 0 are ignored (Linux's
 * sysctl_writes_strict); values out of a minmax range are -EINVAL.
 */
#include <linux/capability.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/fs.h>

/**
 * proc_put_text - the read side of a handler: copy the part of @text
 * from *@ppos into @buffer (at most *@lenp bytes).  Returns 0.
 */
int proc_put_text(const char *text, void *buffer, size_t *lenp, loff_t *ppos)
{
	size_t len = strlen(text);
	size_t n = 0;

	if (*ppos < len) {
		n = min_t(size_t, len - *ppos, *lenp);
		memcpy(buffer, text + *ppos, n);
	}
	*lenp = n;
	*ppos += n;
	return 0;
}

/**
 * proc_dostring - a NUL-terminated string of at most maxlen - 1 bytes.
 * A write stops at the first newline and truncates.
 */
int proc_dostring(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos)
{
	char *data = table->data;

	if (write) {
		const char *p = buffer;
		size_t len = 0;

		if (*ppos) {
			*ppos += *lenp;
			return 0;
		}
		while (len < *lenp && p[len] && p[len] != '\n' &&
		       len < (size_t)table->maxlen - 1)
			len++;
		memcpy(data, p, len);
		data[len] = '\0';
		*ppos += *lenp;
		return 0;
	} else {
		size_t len = strnlen(data, table->maxlen);
		char *text = kmalloc(len + 2, GFP_KERNEL);
		int ret;

		if (!text)
			return -ENOMEM;
		memcpy(text, data, len);
		text[len] = '\n';
		text[len + 1] = '\0';
		ret = proc_put_text(text, buffer, lenp, ppos);
		kfree(text);
		return ret;
	}
}

/*
 * Parse the next number of @*pp into @val: blanks, an optional sign
 * (if @sign), digits, then a blank or the end.  1 if one was parsed,
 * 0 at the end, -EINVAL for anything else.
 */
static int parse_next(const char **pp, const char *end, bool sign, long *val,
		      unsigned long *uval)
{
	const char *p = *pp;
	bool neg = false;
	unsigned long v = 0;
	int digits = 0;

	while (p < end && isspace(*p))
		p++;
	if (p == end || !*p)
		return 0;
	if (sign && *p == '-') {
		neg = true;
		p++;
	}
	for (; p < end && isdigit(*p); p++, digits++) {
		if (v > (ULONG_MAX - 9) / 10)
			return -EINVAL;
		v = v * 10 + (*p - '0');
	}
	if (!digits || (p < end && *p && !isspace(*p)))
		return -EINVAL;
	*pp = p;
	if (uval)
		*uval = v;
	if (val) {
		if (v > (unsigned long)LONG_MAX)
			return -EINVAL;
		*val = neg ? -(long)v : (long)v;
	}
	return 1;
}

enum { VEC_INT, VEC_UINT, VEC_ULONG };

static size_t vec_elem_size(int kind)
{
	return kind == VEC_ULONG ? sizeof(unsigned long) : sizeof(int);
}

/* Check @v against extra1/extra2 (same type as the data) if given. */
static bool vec_in_range(struct ctl_table *table, int kind, long v,
			 unsigned long uv)
{
	if (kind == VEC_INT) {
		if (v < INT_MIN || v > INT_MAX)
			return false;
		if (table->extra1 && v < *(int *)table->extra1)
			return false;
		if (table->extra2 && v > *(int *)table->extra2)
			return false;
		return true;
	}
	if (kind == VEC_UINT && uv > UINT_MAX)
		return false;
	if (table->extra1 && uv < (kind == VEC_UINT ?
					   *(unsigned int *)table->extra1 :
					   *(unsigned long *)table->extra1))
		return false;
	if (table->extra2 && uv > (kind == VEC_UINT ?
					   *(unsigned int *)table->extra2 :
					   *(unsigned long *)table->extra2))
		return false;
	return true;
}

static int do_vec_write(struct ctl_table *table, int kind, bool minmax,
			const char *buf, size_t len)
{
	size_t n = table->maxlen / vec_elem_size(kind), i;
	const char *p = buf, *end = buf + len;
	unsigned long uvals[8];
	long vals[8];

	if (n > ARRAY_SIZE(vals))
		n = ARRAY_SIZE(vals);
	for (i = 0; i < n; i++) {
		int r = parse_next(&p, end, kind == VEC_INT, &vals[i],
				   &uvals[i]);

		if (r < 0)
			return r;
		if (!r)
			break;
		if (kind == VEC_INT && (vals[i] < INT_MIN || vals[i] > INT_MAX))
			return -EINVAL;
		if (minmax && !vec_in_range(table, kind, vals[i], uvals[i]))
			return -EINVAL;
		if (!minmax && kind == VEC_UINT && uvals[i] > UINT_MAX)
			return -EINVAL;
	}
	if (!i)
		return -EINVAL;
	while (p < end && *p && isspace(*p))
		p++;
	if (p < end && *p)
		return -EINVAL; /* more values than the variable holds */
	/* Nothing can fail from here: store them all. */
	for (n = i, i = 0; i < n; i++) {
		if (kind == VEC_INT)
			((int *)table->data)[i] = vals[i];
		else if (kind == VEC_UINT)
			((unsigned int *)table->data)[i] = uvals[i];
		else
			((unsigned long *)table->data)[i] = uvals[i];
	}
	return 0;
}

static int do_vec_read(struct ctl_table *table, int kind, void *buffer,
		       size_t *lenp, loff_t *ppos)
{
	size_t n = table->maxlen / vec_elem_size(kind), i, off = 0;
	char text[256];

	for (i = 0; i < n && off < sizeof(text) - 24; i++) {
		const char *sep = i ? "\t" : "";

		if (kind == VEC_INT)
			off += snprintf(text + off, sizeof(text) - off, "%s%d",
					sep, ((int *)table->data)[i]);
		else if (kind == VEC_UINT)
			off += snprintf(text + off, sizeof(text) - off, "%s%u",
					sep, ((unsigned int *)table->data)[i]);
		else
			off += snprintf(text + off, sizeof(text) - off,
					"%s%lu", sep,
					((unsigned long *)table->data)[i]);
	}
	snprintf(text + off, sizeof(text) - off, "\n");
	return proc_put_text(text, buffer, lenp, ppos);
}

static int do_proc_vec(struct ctl_table *table, int write, void *buffer,
		       size_t *lenp, loff_t *ppos, int kind, bool minmax)
{
	int err;

	if (!table->data || !table->maxlen) {
		*lenp = 0;
		return 0;
	}
	if (!write)
		return do_vec_read(table, kind, buffer, lenp, ppos);
	if (*ppos) { /* strict: only a write from the start counts */
		*ppos += *lenp;
		return 0;
	}
	err = do_vec_write(table, kind, minmax, buffer, *lenp);
	if (err)
		return err;
	*ppos += *lenp;
	return 0;
}

/** proc_dointvec - an array of ints (maxlen bytes). */
int proc_dointvec(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos)
{
	return do_proc_vec(table, write, buffer, lenp, ppos, VEC_INT, false);
}

/** proc_dointvec_minmax - ints within [*extra1, *extra2] (if given). */
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	return do_proc_vec(table, write, buffer, lenp, ppos, VEC_INT, true);
}

/** proc_douintvec - an array of unsigned ints. */
int proc_douintvec(struct ctl_table *table, int write, void *buffer,
		   size_t *lenp, loff_t *ppos)
{
	return do_proc_vec(table, write, buffer, lenp, ppos, VEC_UINT, false);
}

/** proc_doulongvec_minmax - unsigned longs within [*extra1, *extra2]. */
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer,
			   size_t *lenp, loff_t *ppos)
{
	return do_proc_vec(table, write, buffer, lenp, ppos, VEC_ULONG, true);
}

/* --- kernel.* ------------------------------------------------------------ */

static int pid_max_min = 301; /* above the reserved pids */
static int pid_max_max = 32768; /* the size of kernel/pid.c's bitmap */

/*
 * kernel.printk: console_loglevel, default_message_loglevel,
 * minimum_console_loglevel, default_console_loglevel.  Only the first
 * is a variable here; the others are the constants printk uses.
 */
static int proc_printk(struct ctl_table *table, int write, void *buffer,
		       size_t *lenp, loff_t *ppos)
{
	int levels[4] = { console_loglevel, MESSAGE_LOGLEVEL_DEFAULT, 1,
			  CONSOLE_LOGLEVEL_DEFAULT };
	struct ctl_table t = *table;
	int err;

	t.data = levels;
	t.maxlen = sizeof(levels);
	err = proc_dointvec(&t, write, buffer, lenp, ppos);
	if (!err && write) {
		if (levels[0] < 1 || levels[0] > 8)
			return -EINVAL;
		console_loglevel = levels[0];
	}
	return err;
}

/* kernel.threads-max: Linux's sizing, an eighth of RAM in stacks. */
static int proc_threads_max(struct ctl_table *table, int write, void *buffer,
			    size_t *lenp, loff_t *ppos)
{
	unsigned long threads = totalram_pages() * PAGE_SIZE / (8 * THREAD_SIZE);
	char text[32];

	if (write)
		return -EPERM;
	threads = clamp(threads, 20UL, 0x3fffffffUL);
	snprintf(text, sizeof(text), "%lu\n", threads);
	return proc_put_text(text, buffer, lenp, ppos);
}

static int proc_boot_id(struct ctl_table *table, int write, void *buffer,
			size_t *lenp, loff_t *ppos)
{
	char text[40];

	snprintf(text, sizeof(text), "%s\n", random_boot_id());
	return proc_put_text(text, buffer, lenp, ppos);
}

/* kernel.random.uuid: a fresh version-4 UUID on every read. */
static int proc_random_uuid(struct ctl_table *table, int write, void *buffer,
			    size_t *lenp, loff_t *ppos)
{
	u8 u[16];
	char text[40];

	get_random_bytes(u, sizeof(u));
	u[6] = (u[6] & 0x0f) | 0x40;
	u[8] = (u[8] & 0x3f) | 0x80;
	snprintf(text, sizeof(text),
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x\n",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
	return proc_put_text(text, buffer, lenp, ppos);
}

static struct ctl_table kern_table[] = {
	{
		.procname = "pid_max",
		.data = &pid_max,
		.maxlen = sizeof(int),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &pid_max_min,
		.extra2 = &pid_max_max,
	},
	{
		.procname = "printk",
		.maxlen = 4 * sizeof(int),
		.mode = 0644,
		.proc_handler = proc_printk,
	},
	{
		.procname = "threads-max",
		.mode = 0444,
		.proc_handler = proc_threads_max,
	},
	{}
};

static struct ctl_table random_table[] = {
	{
		.procname = "boot_id",
		.mode = 0444,
		.proc_handler = proc_boot_id,
	},
	{
		.procname = "uuid",
		.mode = 0444,
		.proc_handler = proc_random_uuid,
	},
	{}
};

/* --- vm.* ---------------------------------------------------------------- */

/*
 * vm.overcommit_memory: 0 heuristic, 1 always, 2 never.  Stored for
 * the mm's commit accounting, which does not look at it yet.
 */
int sysctl_overcommit_memory;
static int overcommit_max = 2;
static int int_zero;
static int drop_caches_min = 1;
static int drop_caches_max = 4;

static struct ctl_table vm_table[] = {
	{
		.procname = "drop_caches",
		.data = &sysctl_drop_caches,
		.maxlen = sizeof(int),
		.mode = 0200,
		.proc_handler = drop_caches_sysctl_handler,
		.extra1 = &drop_caches_min,
		.extra2 = &drop_caches_max,
	},
	{
		.procname = "overcommit_memory",
		.data = &sysctl_overcommit_memory,
		.maxlen = sizeof(int),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &int_zero,
		.extra2 = &overcommit_max,
	},
	{}
};

/* --- fs.* ---------------------------------------------------------------- */

/*
 * fs.file-max: the advertised limit on struct files (10% of RAM at
 * ~1 KiB a file, at least 8192, as Linux sizes it).  Not enforced by
 * alloc_empty_file() yet.
 */
static unsigned long files_max = 8192;
static unsigned long files_max_min;
static unsigned long files_max_max = LONG_MAX;

/* fs.file-nr: allocated files, 0 (free ones, always 0 now), the max. */
static int proc_file_nr(struct ctl_table *table, int write, void *buffer,
			size_t *lenp, loff_t *ppos)
{
	char text[64];

	if (write)
		return -EPERM;
	snprintf(text, sizeof(text), "%lu\t0\t%lu\n", get_nr_files(),
		 files_max);
	return proc_put_text(text, buffer, lenp, ppos);
}

static struct ctl_table fs_table[] = {
	{
		.procname = "file-max",
		.data = &files_max,
		.maxlen = sizeof(files_max),
		.mode = 0644,
		.proc_handler = proc_doulongvec_minmax,
		.extra1 = &files_max_min,
		.extra2 = &files_max_max,
	},
	{
		.procname = "file-nr",
		.mode = 0444,
		.proc_handler = proc_file_nr,
	},
	{
		.procname = "pipe-max-size",
		.data = &pipe_max_size,
		.maxlen = sizeof(pipe_max_size),
		.mode = 0644,
		.proc_handler = proc_dopipe_max_size,
	},
	{}
};

static int __init sysctl_tables_init(void)
{
	unsigned long n = totalram_pages() * (PAGE_SIZE / 1024) / 10;

	files_max = max(n, files_max);
	register_sysctl("kernel", kern_table);
	register_sysctl("kernel/random", random_table);
	register_sysctl("vm", vm_table);
	register_sysctl("fs", fs_table);
	return 0;
}
fs_initcall(sysctl_tables_init);
