/*
 * printk: the kernel's log.
 *
 * Every message becomes a record in a ring buffer (struct printk_log:
 * sequence number, timestamp, level, text), from which dmesg reads
 * later, and goes to each registered console when its level is below
 * console_loglevel.  Messages printed before any console exists wait in
 * the ring and are replayed when the first console registers, as Linux
 * does for the banner.
 */
#include <linux/capability.h>
#include <linux/console.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define LOG_BUF_SHIFT 17
#define LOG_BUF_LEN (1 << LOG_BUF_SHIFT)
#define LOG_LINE_MAX 1024

/* A record; its text follows, and the record is padded to 8 bytes. */
struct printk_log {
	u64 seq;
	u64 ts_nsec;
	u16 len; /* whole record, 0 = wrap to the start */
	u16 text_len;
	u8 level;
	u8 flags;
	u8 facility; /* syslog facility: 0 kernel, 1 user (/dev/kmsg) */
	u8 pad[3];
};

#define LOG_CONT 1 /* continues the previous record's line */

static char log_buf[LOG_BUF_LEN] __aligned(8);
static u32 log_first_idx, log_next_idx; /* oldest record, next free byte */
static u64 log_first_seq, log_next_seq;
static u64 console_seq; /* next record for the consoles */
static u32 console_idx; /* ... and where it is */
static struct console *console_drivers;
static DEFINE_SPINLOCK(logbuf_lock);
static bool last_line_open; /* previous record lacked '\n' */
static DECLARE_WAIT_QUEUE_HEAD(log_wait); /* readers of syslog, /dev/kmsg */

/*
 * Wake the log's readers after a new record.  Waking takes wait-queue
 * and scheduler locks, which a printk() from inside the scheduler (or
 * with any lock held and interrupts off) may already hold, so only a
 * caller that had interrupts on wakes directly; readers also look
 * again every LOG_POLL_JIFFIES, which covers the others.
 */
#define LOG_POLL_JIFFIES (HZ / 4)

static void log_wake_readers(unsigned long irqflags)
{
	if (!arch_irqs_disabled_flags(irqflags) && !oops_in_progress &&
	    waitqueue_active(&log_wait))
		wake_up_interruptible(&log_wait);
}

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
int oops_in_progress;

static struct printk_log *log_at(u32 idx)
{
	return (struct printk_log *)(log_buf + idx);
}

static u32 record_size(u16 text_len)
{
	return ALIGN(sizeof(struct printk_log) + text_len, 8);
}

/* Drop the oldest record; it must exist. */
static void log_drop_first(void)
{
	struct printk_log *r = log_at(log_first_idx);

	if (!r->len) { /* wrap marker */
		log_first_idx = 0;
		r = log_at(0);
	}
	log_first_idx += r->len;
	log_first_seq++;
}

/* True if [idx, idx + size) holds no live record. */
static bool log_has_room(u32 idx, u32 size)
{
	if (log_first_seq == log_next_seq)
		return true;
	if (log_first_idx < idx)
		return true; /* live data lies behind idx */
	return idx + size <= log_first_idx;
}

static void log_store(int facility, int level, u8 flags, const char *text,
		      u16 len)
{
	u32 size = record_size(len);
	struct printk_log *r;

	/* Leave room for a wrap marker after this record. */
	if (log_next_idx + size + sizeof(struct printk_log) > LOG_BUF_LEN) {
		while (log_first_seq != log_next_seq &&
		       log_first_idx >= log_next_idx)
			log_drop_first();
		memset(log_at(log_next_idx), 0, sizeof(struct printk_log));
		log_next_idx = 0;
	}
	while (!log_has_room(log_next_idx, size))
		log_drop_first();
	if (log_first_seq == log_next_seq)
		log_first_idx = log_next_idx;

	r = log_at(log_next_idx);
	r->seq = log_next_seq++;
	r->ts_nsec = local_clock();
	r->len = size;
	r->text_len = len;
	r->level = level;
	r->flags = flags;
	r->facility = facility;
	memcpy(r + 1, text, len);
	log_next_idx += size;
}

static void call_consoles(const char *s, unsigned int n)
{
	struct console *con;

	for (con = console_drivers; con; con = con->next)
		con->write(con, s, n);
}

/* Print one record on the consoles: "[    1.234567] text". */
static void console_emit(const struct printk_log *r)
{
	char prefix[32];
	int n;

	if (r->level >= console_loglevel)
		return;
	if (!(r->flags & LOG_CONT)) {
		n = snprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
			     r->ts_nsec / 1000000000ULL,
			     (r->ts_nsec % 1000000000ULL) / 1000);
		call_consoles(prefix, n);
	}
	call_consoles((const char *)(r + 1), r->text_len);
}

/* Feed the consoles every record they have not seen.  Lock held. */
static void console_flush(void)
{
	if (!console_drivers)
		return;
	if (console_seq < log_first_seq) { /* overwritten unprinted */
		console_seq = log_first_seq;
		console_idx = log_first_idx;
	}
	while (console_seq < log_next_seq) {
		struct printk_log *r = log_at(console_idx);

		if (!r->len) {
			console_idx = 0;
			r = log_at(0);
		}
		console_emit(r);
		console_idx += r->len;
		console_seq++;
	}
}

/* Split "KERN_SOH level" off the front of @text. */
static const char *printk_parse_level(const char *text, int *level, bool *cont)
{
	while (text[0] == KERN_SOH_ASCII && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		else if (text[1] == 'c')
			*cont = true;
		text += 2;
	}
	return text;
}

/**
 * vprintk - log a message and print it on the consoles.
 * @fmt: format, optionally starting with a KERN_<LEVEL> prefix
 * @args: its arguments
 *
 * Any context, including hardirq and with interrupts off.  During an
 * oops the lock is only tried, so a CPU that died holding it cannot
 * silence the report.  Returns the number of characters logged.
 */
int vprintk(const char *fmt, va_list args)
{
	static char textbuf[LOG_LINE_MAX];
	int level = -1, len;
	bool cont = false, locked = true;
	unsigned long flags;
	const char *text;

	local_irq_save(flags);
	if (oops_in_progress)
		locked = spin_trylock(&logbuf_lock);
	else
		spin_lock(&logbuf_lock);

	len = vscnprintf(textbuf, sizeof(textbuf), fmt, args);
	text = printk_parse_level(textbuf, &level, &cont);
	len -= text - textbuf;
	/* A message without a level continues an unfinished line. */
	if (level < 0 && last_line_open)
		cont = true;
	if (level < 0)
		level = MESSAGE_LOGLEVEL_DEFAULT;
	if (!cont && last_line_open)
		log_store(0, level, LOG_CONT, "\n", 1);
	if (len) {
		log_store(0, level, cont ? LOG_CONT : 0, text, len);
		last_line_open = text[len - 1] != '\n';
	}
	console_flush();

	if (locked)
		spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	log_wake_readers(flags);
	return len;
}

/** printk - format and log a kernel message; see vprintk(). */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * register_console - start printing kernel messages on @con.
 *
 * The first console also receives everything logged so far.  Boot only.
 */
void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (console_drivers) { /* later consoles: new only */
		console_seq = log_next_seq;
		console_idx = log_next_idx;
	} else {
		console_seq = log_first_seq;
		console_idx = log_first_idx;
	}
	con->next = console_drivers;
	console_drivers = con;
	console_flush();
	spin_unlock_irqrestore(&logbuf_lock, flags);
	pr_info("printk: console [%s%d] enabled\n", con->name, con->index);
}

/**
 * console_device - the tty that /dev/console opens.
 * @index: out: its line
 *
 * The most recently registered console that names a tty driver.
 * Returns the driver, or NULL when no console has one.
 */
struct tty_driver *console_device(int *index)
{
	struct tty_driver *driver = NULL;
	struct console *con;
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	for (con = console_drivers; con; con = con->next) {
		if (!con->device)
			continue;
		driver = con->device(con, index);
		if (driver)
			break;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return driver;
}

/**
 * log_buf_read - copy records starting at sequence @seq, one per line.
 * @seq: in: first record wanted; out: the next one to ask for
 * @buf: destination
 * @size: its size
 *
 * For dmesg and the tests.  Returns the bytes copied.
 */
size_t log_buf_read(unsigned long long *seq, char *buf, size_t size)
{
	unsigned long flags;
	size_t done = 0;
	u32 idx;

	spin_lock_irqsave(&logbuf_lock, flags);
	idx = log_first_idx;
	for (u64 s = log_first_seq; s < log_next_seq; s++) {
		struct printk_log *r = log_at(idx);

		if (!r->len) {
			idx = 0;
			r = log_at(0);
		}
		idx += r->len;
		if (s < *seq)
			continue;
		if (done + r->text_len > size)
			break;
		memcpy(buf + done, r + 1, r->text_len);
		done += r->text_len;
		*seq = s + 1;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return done;
}

static int __init loglevel_setup(char *str)
{
	int level;

	if (kstrtoint(str, 0, &level))
		return 0;
	console_loglevel = level;
	return 1;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_setup(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 1;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *str)
{
	console_loglevel = 10;
	return 1;
}
early_param("debug", debug_setup);

/*
 * Readers: syslog(2) and /dev/kmsg.
 *
 * A reader keeps a cursor (sequence number and where that record sits);
 * the cursor stays valid while its record is in the ring, which is
 * whenever seq >= log_first_seq.  A line is a record together with the
 * LOG_CONT records that continue it (pr_cont pieces), joined here so a
 * reader sees the line once: the reported sequence number is the first
 * piece's, and the pieces' numbers are skipped.
 */
struct log_cursor {
	u64 seq;
	u32 idx;
};

/* The log's facts about one joined line. */
struct log_line {
	u64 seq;
	u64 ts_nsec;
	u8 level;
	u8 facility;
	bool open; /* more pieces may follow (no '\n' yet) */
};

static u64 syslog_seq, clear_seq; /* syslog(2)'s reader, its CLEAR mark */
static u32 syslog_idx, clear_idx;
static size_t syslog_partial; /* bytes of the next line already read */
static DEFINE_MUTEX(syslog_lock);
static int saved_console_loglevel = -1; /* while CONSOLE_OFF */

#define MINIMUM_CONSOLE_LOGLEVEL 1
#define SYSLOG_LINE_MAX (LOG_LINE_MAX + 48) /* text plus "<N>[time] " */
#define KMSG_LINE_MAX 8192 /* escaped text plus header */

/* Bring @c back into the ring: records before the first are gone. */
static void log_cursor_fix(struct log_cursor *c)
{
	if (c->seq < log_first_seq) {
		c->seq = log_first_seq;
		c->idx = log_first_idx;
	}
}

static struct printk_log *log_cursor_record(struct log_cursor *c)
{
	struct printk_log *r = log_at(c->idx);

	if (!r->len) {
		c->idx = 0;
		r = log_at(0);
	}
	return r;
}

/*
 * Copy the line at @c into @text (at most @size bytes; the rest of a
 * longer line is dropped) and step past it.  Lock held; @c fixed up.
 * Returns false when there is no line.
 */
static bool log_next_line(struct log_cursor *c, struct log_line *l, char *text,
			  size_t size, size_t *len)
{
	struct printk_log *r;
	bool first = true;

	*len = 0;
	if (c->seq >= log_next_seq)
		return false;
	do {
		r = log_cursor_record(c);
		if (!first && !(r->flags & LOG_CONT))
			break;
		if (first) {
			l->seq = r->seq;
			l->ts_nsec = r->ts_nsec;
			l->level = r->level;
			l->facility = r->facility;
			first = false;
		}
		if (*len < size) {
			size_t n = min_t(size_t, r->text_len, size - *len);

			memcpy(text + *len, r + 1, n);
			*len += n;
		}
		c->idx += r->len;
		c->seq++;
	} while (c->seq < log_next_seq &&
		 !(r->text_len && ((char *)(r + 1))[r->text_len - 1] == '\n'));
	l->open = !(r->text_len && ((char *)(r + 1))[r->text_len - 1] == '\n');
	return true;
}

/* "<prio>[sssss.uuuuuu] text\n" as syslog(2) returns it; its length. */
static size_t syslog_format(const struct log_line *l, const char *text,
			    size_t len, char *buf, size_t size)
{
	size_t n;

	if (len && text[len - 1] == '\n')
		len--;
	n = scnprintf(buf, size, "<%u>[%5llu.%06llu] ",
		      (l->facility << 3) | l->level, l->ts_nsec / 1000000000ULL,
		      (l->ts_nsec % 1000000000ULL) / 1000);
	len = min_t(size_t, len, size - n - 1);
	memcpy(buf + n, text, len);
	n += len;
	buf[n++] = '\n';
	return n;
}

/*
 * The next line from @c formatted for syslog(2) into @buf (at least
 * SYSLOG_LINE_MAX bytes), @text being scratch space of LOG_LINE_MAX.
 * Returns its length, 0 when the log has nothing more.
 */
static size_t syslog_next(struct log_cursor *c, char *text, char *buf)
{
	struct log_line l;
	unsigned long flags;
	size_t len;
	bool ok;

	spin_lock_irqsave(&logbuf_lock, flags);
	log_cursor_fix(c);
	ok = log_next_line(c, &l, text, LOG_LINE_MAX, &len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return ok ? syslog_format(&l, text, len, buf, SYSLOG_LINE_MAX) : 0;
}

static bool syslog_has_data(void)
{
	return READ_ONCE(syslog_seq) < READ_ONCE(log_next_seq) ||
	       READ_ONCE(syslog_seq) < READ_ONCE(log_first_seq);
}

/* SYSLOG_ACTION_READ: wait for lines, return them and consume them. */
static int syslog_read(char __user *ubuf, int size, char *text, char *buf)
{
	struct log_cursor c;
	unsigned long flags;
	int done = 0;

	while (!syslog_has_data()) {
		long ret = wait_event_interruptible_timeout(
			log_wait, syslog_has_data(), LOG_POLL_JIFFIES);

		if (ret < 0)
			return ret;
	}
	mutex_lock(&syslog_lock);
	while (done < size) {
		size_t n, skip, chunk;

		spin_lock_irqsave(&logbuf_lock, flags);
		c.seq = syslog_seq;
		c.idx = syslog_idx;
		if (c.seq < log_first_seq)
			syslog_partial = 0;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		n = syslog_next(&c, text, buf);
		if (!n)
			break;
		skip = min(syslog_partial, n);
		chunk = min_t(size_t, n - skip, size - done);
		if (copy_to_user(ubuf + done, buf + skip, chunk)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += chunk;
		if (skip + chunk < n) { /* the caller's buffer ended mid-line */
			syslog_partial = skip + chunk;
			break;
		}
		syslog_partial = 0;
		syslog_seq = c.seq;
		syslog_idx = c.idx;
	}
	mutex_unlock(&syslog_lock);
	return done;
}

/*
 * SYSLOG_ACTION_READ_ALL / READ_CLEAR: the newest lines since the last
 * CLEAR that fit in @size bytes, without consuming them.
 */
static int syslog_read_all(char __user *ubuf, int size, bool clear, char *text,
			   char *buf)
{
	struct log_cursor c, start;
	unsigned long flags;
	size_t total = 0, n;
	int done = 0;

	mutex_lock(&syslog_lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	start.seq = clear_seq;
	start.idx = clear_idx;
	log_cursor_fix(&start);
	spin_unlock_irqrestore(&logbuf_lock, flags);

	c = start;
	while ((n = syslog_next(&c, text, buf)))
		total += n;
	/* Drop the oldest lines until the rest fits. */
	c = start;
	while (total > (size_t)size && (n = syslog_next(&c, text, buf)))
		total -= n;
	while (done < size && (n = syslog_next(&c, text, buf))) {
		if (done + n > (size_t)size)
			break;
		if (copy_to_user(ubuf + done, buf, n)) {
			done = -EFAULT;
			break;
		}
		done += n;
	}
	if (clear && done >= 0) {
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = log_next_seq;
		clear_idx = log_next_idx;
		spin_unlock_irqrestore(&logbuf_lock, flags);
	}
	mutex_unlock(&syslog_lock);
	return done;
}

/* Bytes SYSLOG_ACTION_READ would return now. */
static int syslog_size_unread(char *text, char *buf)
{
	struct log_cursor c;
	unsigned long flags;
	size_t total = 0, n;

	mutex_lock(&syslog_lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	c.seq = syslog_seq;
	c.idx = syslog_idx;
	if (c.seq < log_first_seq)
		syslog_partial = 0;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	while ((n = syslog_next(&c, text, buf)))
		total += n;
	total -= min(total, syslog_partial);
	mutex_unlock(&syslog_lock);
	return total;
}

/* Unprivileged users may read the whole log (dmesg_restrict = 0). */
static int check_syslog_permissions(int type)
{
	if (type == SYSLOG_ACTION_READ_ALL || type == SYSLOG_ACTION_SIZE_BUFFER)
		return 0;
	if (capable(CAP_SYSLOG) || capable(CAP_SYS_ADMIN))
		return 0;
	return -EPERM;
}

/**
 * do_syslog - the syslog(2) / klogctl(3) operations.
 * @type: SYSLOG_ACTION_*
 * @buf: user buffer for the READ actions
 * @len: its size, or the level for CONSOLE_LEVEL
 * @source: SYSLOG_FROM_READER (the syscall) or SYSLOG_FROM_PROC
 *
 * Lines come as "<prio>[seconds.micros] text\n", prio being
 * facility * 8 + level.  Process context.  Returns bytes read, a size,
 * 0, or -EINVAL / -EPERM / -EFAULT / -ERESTARTSYS.
 */
int do_syslog(int type, char __user *buf, int len, int source)
{
	char *text = NULL, *line = NULL;
	unsigned long flags;
	int err;

	err = check_syslog_permissions(type);
	if (err)
		return err;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
	case SYSLOG_ACTION_SIZE_UNREAD:
		if (type != SYSLOG_ACTION_SIZE_UNREAD) {
			if (!buf || len < 0)
				return -EINVAL;
			if (!len)
				return 0;
			if (!access_ok(buf, len))
				return -EFAULT;
		}
		text = kmalloc(LOG_LINE_MAX, GFP_KERNEL);
		line = kmalloc(SYSLOG_LINE_MAX, GFP_KERNEL);
		err = -ENOMEM;
		if (!text || !line)
			break;
		if (type == SYSLOG_ACTION_READ)
			err = syslog_read(buf, len, text, line);
		else if (type == SYSLOG_ACTION_SIZE_UNREAD)
			err = syslog_size_unread(text, line);
		else
			err = syslog_read_all(buf, len,
					      type == SYSLOG_ACTION_READ_CLEAR,
					      text, line);
		break;
	case SYSLOG_ACTION_CLEAR:
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = log_next_seq;
		clear_idx = log_next_idx;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		if (len < MINIMUM_CONSOLE_LOGLEVEL)
			len = MINIMUM_CONSOLE_LOGLEVEL;
		console_loglevel = len;
		saved_console_loglevel = -1; /* an explicit level ends OFF */
		return 0;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
	kfree(text);
	kfree(line);
	return err;
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len, SYSLOG_FROM_READER);
}

/**
 * printk_emit - log one message with an explicit facility and level.
 * @facility: syslog facility (1 = user, for /dev/kmsg writes)
 * @level: 0..7
 * @text: the message (a trailing newline is added if missing)
 * @len: its length; longer than LOG_LINE_MAX is cut
 *
 * Any context where printk() may run.  Returns the length logged.
 */
int printk_emit(int facility, int level, const char *text, size_t len)
{
	unsigned long flags;

	if (len > LOG_LINE_MAX - 1)
		len = LOG_LINE_MAX - 1;
	spin_lock_irqsave(&logbuf_lock, flags);
	if (last_line_open) { /* end whatever pr_cont line was open */
		log_store(0, MESSAGE_LOGLEVEL_DEFAULT, LOG_CONT, "\n", 1);
		last_line_open = false;
	}
	if (len && text[len - 1] == '\n') {
		log_store(facility, level, 0, text, len);
	} else {
		static char line[LOG_LINE_MAX];

		memcpy(line, text, len);
		line[len] = '\n';
		log_store(facility, level, 0, line, len + 1);
	}
	console_flush();
	spin_unlock_irqrestore(&logbuf_lock, flags);
	log_wake_readers(flags);
	return len;
}

/*
 * /dev/kmsg: one record per read(), "prio,seq,usec,flag;text\n" with
 * unprintable bytes as \xNN, as Linux's format.  Each open file has its
 * own position.
 */
struct devkmsg_user {
	struct log_cursor cursor;
	struct mutex lock;
	char text[LOG_LINE_MAX];
	char buf[KMSG_LINE_MAX];
};

static size_t kmsg_format(const struct log_line *l, const char *text,
			  size_t len, char *buf, size_t size)
{
	size_t n, i;

	if (len && text[len - 1] == '\n')
		len--;
	n = scnprintf(buf, size, "%u,%llu,%llu,%c;",
		      (l->facility << 3) | l->level, l->seq,
		      l->ts_nsec / 1000ULL, l->open ? 'c' : '-');
	for (i = 0; i < len && n + 5 < size; i++) {
		unsigned char c = text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			n += scnprintf(buf + n, size - n, "\\x%02x", c);
		else
			buf[n++] = c;
	}
	buf[n++] = '\n';
	return n;
}

static bool devkmsg_has_data(struct devkmsg_user *user)
{
	return READ_ONCE(user->cursor.seq) < READ_ONCE(log_next_seq);
}

static ssize_t devkmsg_read(struct file *file, char __user *ubuf, size_t count,
			    loff_t *ppos)
{
	struct devkmsg_user *user = file->private_data;
	struct log_cursor c;
	unsigned long flags;
	struct log_line l;
	size_t len;
	ssize_t ret;

	if (!user)
		return -EBADF;
	ret = mutex_lock_interruptible(&user->lock);
	if (ret)
		return ret;
	for (;;) {
		bool ok;

		spin_lock_irqsave(&logbuf_lock, flags);
		if (user->cursor.seq < log_first_seq) {
			/* Records were overwritten before we read them. */
			log_cursor_fix(&user->cursor);
			spin_unlock_irqrestore(&logbuf_lock, flags);
			ret = -EPIPE;
			goto out;
		}
		c = user->cursor;
		ok = log_next_line(&c, &l, user->text, sizeof(user->text),
				   &len);
		spin_unlock_irqrestore(&logbuf_lock, flags);
		if (ok)
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		ret = wait_event_interruptible_timeout(
			log_wait, devkmsg_has_data(user), LOG_POLL_JIFFIES);
		if (ret < 0)
			goto out;
	}
	len = kmsg_format(&l, user->text, len, user->buf, sizeof(user->buf));
	/* Linux: a buffer too small for the record is an error. */
	if (len > count)
		ret = -EINVAL;
	else if (copy_to_user(ubuf, user->buf, len))
		ret = -EFAULT;
	else
		ret = len;
	if (ret > 0)
		user->cursor = c;
out:
	mutex_unlock(&user->lock);
	return ret;
}

static ssize_t devkmsg_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	int level = MESSAGE_LOGLEVEL_DEFAULT, facility = 1; /* LOG_USER */
	size_t len = min_t(size_t, count, LOG_LINE_MAX - 1);
	char *buf, *line;

	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, len)) {
		kfree(buf);
		return -EFAULT;
	}
	buf[len] = 0;
	line = buf;
	/* "<N>" sets the level, and the facility unless it is 0 (kernel). */
	if (line[0] == '<') {
		char *end;
		unsigned long u = simple_strtoul(line + 1, &end, 10);

		if (end != line + 1 && *end == '>') {
			level = u & 7;
			if (u >> 3)
				facility = (u >> 3) & 0xff;
			line = end + 1;
		}
	}
	printk_emit(facility, level, line, len - (line - buf));
	kfree(buf);
	return count;
}

static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;
	unsigned long flags;

	if (!user)
		return -EBADF;
	if (offset)
		return -ESPIPE;
	mutex_lock(&user->lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	switch (whence) {
	case SEEK_SET: /* the oldest record */
		user->cursor.seq = log_first_seq;
		user->cursor.idx = log_first_idx;
		break;
	case SEEK_DATA: /* the first after the last SYSLOG_ACTION_CLEAR */
		user->cursor.seq = clear_seq;
		user->cursor.idx = clear_idx;
		log_cursor_fix(&user->cursor);
		break;
	case SEEK_END: /* only what comes next */
		user->cursor.seq = log_next_seq;
		user->cursor.idx = log_next_idx;
		break;
	default:
		offset = -EINVAL;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	mutex_unlock(&user->lock);
	return offset;
}

static __poll_t devkmsg_poll(struct file *file, poll_table *wait)
{
	struct devkmsg_user *user = file->private_data;
	__poll_t mask = 0;

	if (!user)
		return EPOLLERR | EPOLLNVAL;
	poll_wait(file, &log_wait, wait);
	if (devkmsg_has_data(user)) {
		mask |= EPOLLIN | EPOLLRDNORM;
		if (READ_ONCE(user->cursor.seq) < READ_ONCE(log_first_seq))
			mask |= EPOLLERR | EPOLLPRI;
	}
	return mask;
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;
	unsigned long flags;

	/* A write-only open just injects messages: no reader state. */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	user = kzalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	mutex_init(&user->lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	user->cursor.seq = log_first_seq;
	user->cursor.idx = log_first_idx;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	file->private_data = NULL;
	return 0;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.read = devkmsg_read,
	.write = devkmsg_write,
	.llseek = devkmsg_llseek,
	.poll = devkmsg_poll,
	.release = devkmsg_release,
	.name = "kmsg",
};
