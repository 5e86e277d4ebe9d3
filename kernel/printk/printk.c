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
#include <linux/console.h>
#include <linux/init.h>
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
	u8 pad[4];
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

static void log_store(int level, u8 flags, const char *text, u16 len)
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
		log_store(level, LOG_CONT, "\n", 1);
	if (len) {
		log_store(level, cont ? LOG_CONT : 0, text, len);
		last_line_open = text[len - 1] != '\n';
	}
	console_flush();

	if (locked)
		spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
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
