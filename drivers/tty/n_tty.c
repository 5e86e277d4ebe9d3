/*
 * N_TTY, the POSIX line discipline.
 *
 * Input (receive_buf, from the flip worker) is mapped (ICRNL, INLCR,
 * IGNCR, ISTRIP, IUCLC), checked for signal characters (ISIG), flow
 * control (IXON) and, in canonical mode, line editing (ERASE, WERASE,
 * KILL, LNEXT, REPRINT, EOF, EOL), then stored in a 4 KiB ring and
 * echoed.  A canonical reader gets one line at a time; a
 * non-canonical one follows VMIN/VTIME.  Output (write, and echoes)
 * goes through OPOST processing (ONLCR, OCRNL, ONOCR, ONLRET, tabs,
 * OLCUC) with column tracking, which erasing a tab relies on.
 *
 * Locking: ldata->lock guards the input ring and editing state;
 * ldata->output_lock guards the column and the order of output bytes.
 * Echo takes output_lock inside lock.  Readers and writers sleep on
 * tty->read_wait / tty->write_wait without either lock.
 *
 * Echoes are written straight to the driver.  When the driver has no
 * room they are dropped (Linux queues them in an echo buffer): a
 * terminal that far behind has lost its display anyway.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>

#define N_TTY_MASK (N_TTY_BUF_SIZE - 1)
#define WAKEUP_CHARS 256 /* poll says writable below this much queued */
#define DISABLED_CHAR 0 /* _POSIX_VDISABLE; also the stored EOF mark */

enum { ERASE, WERASE, KILL };

struct n_tty_data {
	struct mutex lock; /* the input side */
	struct mutex output_lock; /* column, output order */
	size_t read_head, read_tail; /* free-running ring indexes */
	size_t canon_head; /* end of the last complete line */
	unsigned int column; /* of the output cursor */
	unsigned int canon_column; /* where the current input line began */
	bool icanon;
	bool lnext; /* the next byte is literal */
	bool erasing; /* inside an ECHOPRT \.../ */
	u8 read_buf[N_TTY_BUF_SIZE];
	DECLARE_BITMAP(read_flags, N_TTY_BUF_SIZE); /* line ends (canon) */
};

static inline bool tty_iscntrl(u8 c)
{
	return c < 0x20 || c == 0x7f;
}

/* UTF-8 continuation bytes take no column (with IUTF8). */
static inline bool is_continuation(u8 c, struct tty_struct *tty)
{
	return _I_FLAG(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* Is @c the (enabled) control character @idx? */
static inline bool is_cc(struct tty_struct *tty, int idx, u8 c)
{
	u8 cc = tty->termios.c_cc[idx];

	return cc != DISABLED_CHAR && c == cc;
}

static inline size_t read_cnt(struct n_tty_data *ldata)
{
	return ldata->read_head - ldata->read_tail;
}

static inline u8 read_buf(struct n_tty_data *ldata, size_t i)
{
	return ldata->read_buf[i & N_TTY_MASK];
}

static void put_tty_queue(u8 c, struct n_tty_data *ldata)
{
	if (read_cnt(ldata) >= N_TTY_BUF_SIZE)
		return; /* never overwrite unread input */
	ldata->read_buf[ldata->read_head & N_TTY_MASK] = c;
	ldata->read_head++;
}

/* ------------------------------------------------------------------ */
/* Output processing                                                  */

/*
 * Write one byte with OPOST processing.  Returns how many bytes the
 * driver got (0 when the byte is suppressed by ONOCR), or -1 if it has
 * no room for the whole expansion.  output_lock held.
 */
static int do_output_char(u8 c, struct tty_struct *tty, unsigned int space)
{
	struct n_tty_data *ldata = tty->disc_data;
	int spaces;

	if (!space)
		return -1;
	switch (c) {
	case '\n':
		if (O_ONLRET(tty))
			ldata->column = 0;
		if (O_ONLCR(tty)) {
			if (space < 2)
				return -1;
			ldata->canon_column = ldata->column = 0;
			tty->ops->write(tty, (const u8 *)"\r\n", 2);
			return 2;
		}
		ldata->canon_column = ldata->column;
		break;
	case '\r':
		if (O_ONOCR(tty) && ldata->column == 0)
			return 0;
		if (O_OCRNL(tty)) {
			c = '\n';
			if (O_ONLRET(tty))
				ldata->canon_column = ldata->column = 0;
			break;
		}
		ldata->canon_column = ldata->column = 0;
		break;
	case '\t':
		spaces = 8 - (ldata->column & 7);
		if (O_TABDLY(tty) == XTABS) {
			if (space < spaces)
				return -1;
			ldata->column += spaces;
			tty->ops->write(tty, (const u8 *)"        ", spaces);
			return spaces;
		}
		ldata->column += spaces;
		break;
	case '\b':
		if (ldata->column > 0)
			ldata->column--;
		break;
	default:
		if (!tty_iscntrl(c)) {
			if (O_OLCUC(tty))
				c = toupper(c);
			if (!is_continuation(c, tty))
				ldata->column++;
		}
		break;
	}
	tty->ops->write(tty, &c, 1);
	return 1;
}

static int process_output(u8 c, struct tty_struct *tty)
{
	return do_output_char(c, tty, tty_write_room(tty)) < 0 ? -1 : 0;
}

/*
 * Write the longest run of bytes that need no expansion in one driver
 * call.  Returns how many bytes were written.  output_lock held.
 */
static ssize_t process_output_block(struct tty_struct *tty, const u8 *buf,
				    size_t nr)
{
	struct n_tty_data *ldata = tty->disc_data;
	unsigned int space = tty_write_room(tty);
	size_t i;

	if (!space)
		return 0;
	nr = min_t(size_t, nr, space);
	for (i = 0; i < nr; i++) {
		u8 c = buf[i];

		if (c == '\n' || c == '\r' || c == '\t' || c == '\b')
			break;
		if (O_OLCUC(tty) && islower(c))
			break;
		if (!tty_iscntrl(c) && !is_continuation(c, tty))
			ldata->column++;
	}
	return i ? tty->ops->write(tty, buf, i) : 0;
}

/* ------------------------------------------------------------------ */
/* Echo (lock held; takes output_lock)                                */

static void echo_out(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ldata = tty->disc_data;

	mutex_lock(&ldata->output_lock);
	if (O_OPOST(tty)) {
		do_output_char(c, tty, tty_write_room(tty));
	} else if (tty_write_room(tty)) {
		if (c == '\b') {
			if (ldata->column)
				ldata->column--;
		} else if (!tty_iscntrl(c) && !is_continuation(c, tty)) {
			ldata->column++;
		}
		tty->ops->write(tty, &c, 1);
	}
	mutex_unlock(&ldata->output_lock);
}

/* Echo exactly this byte. */
static void echo_char_raw(u8 c, struct tty_struct *tty)
{
	echo_out(tty, c);
}

/* Echo a typed byte: controls as ^X with ECHOCTL (not tab, not ^J). */
static void echo_char(u8 c, struct tty_struct *tty)
{
	if (L_ECHOCTL(tty) && tty_iscntrl(c) && c != '\t' && c != '\n') {
		echo_out(tty, '^');
		echo_out(tty, c ^ 0x40);
	} else {
		echo_out(tty, c);
	}
}

static void finish_erasing(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (ldata->erasing) {
		echo_char_raw('/', tty);
		ldata->erasing = false;
	}
}

/* The column right after the input between canon_head and @end. */
static unsigned int line_column(struct tty_struct *tty, size_t end)
{
	struct n_tty_data *ldata = tty->disc_data;
	unsigned int col = ldata->canon_column;
	size_t i;

	for (i = ldata->canon_head; i != end; i++) {
		u8 c = read_buf(ldata, i);

		if (c == '\t')
			col = (col | 7) + 1;
		else if (tty_iscntrl(c))
			col += L_ECHOCTL(tty) ? 2 : 0;
		else if (!is_continuation(c, tty))
			col++;
	}
	return col;
}

/*
 * ERASE, WERASE and KILL: remove input back to the line's start and
 * show it -- "\b \b" per column (ECHOE), the erase character itself
 * (no ECHOE), "\...\/" (ECHOPRT), or the kill character and a newline
 * (KILL without ECHOKE).  Lock held.
 */
static void eraser(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	int kill_type, seen_alnums = 0;
	size_t head;

	if (ldata->read_head == ldata->canon_head)
		return; /* nothing to erase */
	if (is_cc(tty, VERASE, c)) {
		kill_type = ERASE;
	} else if (is_cc(tty, VWERASE, c)) {
		kill_type = WERASE;
	} else {
		if (!L_ECHO(tty)) {
			ldata->read_head = ldata->canon_head;
			return;
		}
		if (!L_ECHOK(tty) || !L_ECHOKE(tty) || !L_ECHOE(tty)) {
			ldata->read_head = ldata->canon_head;
			finish_erasing(tty);
			echo_char(KILL_CHAR(tty), tty);
			if (L_ECHOK(tty))
				echo_char_raw('\n', tty);
			return;
		}
		kill_type = KILL;
	}

	while (ldata->read_head != ldata->canon_head) {
		size_t cnt;

		head = ldata->read_head;
		/* One character: a UTF-8 sequence goes as a whole. */
		do {
			head--;
			c = read_buf(ldata, head);
		} while (is_continuation(c, tty) && head != ldata->canon_head);
		if (is_continuation(c, tty))
			break;
		if (kill_type == WERASE) {
			if (isalnum(c) || c == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		cnt = ldata->read_head - head;
		ldata->read_head = head;
		if (L_ECHO(tty)) {
			if (L_ECHOPRT(tty)) {
				if (!ldata->erasing) {
					echo_char_raw('\\', tty);
					ldata->erasing = true;
				}
				echo_char(c, tty);
				while (--cnt > 0) {
					head++;
					echo_char_raw(read_buf(ldata, head),
						      tty);
				}
			} else if (kill_type == ERASE && !L_ECHOE(tty)) {
				echo_char(ERASE_CHAR(tty), tty);
			} else if (c == '\t') {
				/* Back to where the tab started. */
				unsigned int col = line_column(tty, head);

				while (ldata->column > col)
					echo_char_raw('\b', tty);
			} else {
				if (tty_iscntrl(c) && L_ECHOCTL(tty)) {
					echo_char_raw('\b', tty);
					echo_char_raw(' ', tty);
					echo_char_raw('\b', tty);
				}
				if (!tty_iscntrl(c) || L_ECHOCTL(tty)) {
					echo_char_raw('\b', tty);
					echo_char_raw(' ', tty);
					echo_char_raw('\b', tty);
				}
			}
		}
		if (kill_type == ERASE)
			break;
	}
	if (ldata->read_head == ldata->canon_head && L_ECHO(tty))
		finish_erasing(tty);
}

/* ------------------------------------------------------------------ */
/* Input                                                              */

static void reset_buffer_flags(struct n_tty_data *ldata)
{
	ldata->read_head = ldata->canon_head = ldata->read_tail = 0;
	ldata->erasing = ldata->lnext = false;
	bitmap_zero(ldata->read_flags, N_TTY_BUF_SIZE);
}

/* A pty writer waiting for room on our side may go on. */
static void n_tty_kick_writers(struct tty_struct *tty)
{
	if (tty->ops->unthrottle)
		tty->ops->unthrottle(tty);
	if (tty->port)
		tty_buffer_restart_work(tty->port);
}

/*
 * ^C, ^\ or ^Z: signal the foreground group; unless NOFLSH, also
 * drop pending input and output.  Lock held.
 */
static void isig(int sig, struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	pid_t pgrp = tty_get_pgrp(tty);

	if (pgrp)
		tty_kill_pgrp(pgrp, sig, 1);
	if (!L_NOFLSH(tty)) {
		tty_driver_flush_buffer(tty);
		tty_buffer_flush(tty);
		reset_buffer_flags(ldata);
		n_tty_kick_writers(tty);
	}
}

static void receive_signal_char(struct tty_struct *tty, int sig, u8 c)
{
	isig(sig, tty);
	if (I_IXON(tty))
		start_tty(tty);
	if (L_ECHO(tty))
		echo_char(c, tty);
}

/* End a canonical line at the byte just stored. */
static void commit_line(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ldata = tty->disc_data;

	set_bit(ldata->read_head & N_TTY_MASK, ldata->read_flags);
	put_tty_queue(c, ldata);
	ldata->canon_head = ldata->read_head;
}

/* A typed byte to be stored and echoed (the common case). */
static void receive_plain(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ldata = tty->disc_data;

	/* One byte stays free for the line's end. */
	if (ldata->icanon && read_cnt(ldata) >= N_TTY_BUF_SIZE - 1)
		return;
	if (L_ECHO(tty)) {
		finish_erasing(tty);
		if (ldata->canon_head == ldata->read_head)
			ldata->canon_column = ldata->column;
		echo_char(c, tty);
	}
	if (c == 0xff && I_PARMRK(tty))
		put_tty_queue(c, ldata);
	put_tty_queue(c, ldata);
}

static void receive_char(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (I_ISTRIP(tty))
		c &= 0x7f;
	if (I_IUCLC(tty) && L_IEXTEN(tty))
		c = tolower(c);

	if (ldata->lnext) { /* a literal, whatever it is */
		ldata->lnext = false;
		if (L_ECHO(tty) && L_ECHOCTL(tty)) {
			/* Take back the "^" shown for LNEXT. */
			echo_char_raw('\b', tty);
		}
		receive_plain(tty, c);
		return;
	}

	if (I_IXON(tty)) {
		if (is_cc(tty, VSTART, c) && is_cc(tty, VSTOP, c)) {
			if (tty->stopped)
				start_tty(tty);
			else
				stop_tty(tty);
			return;
		}
		if (is_cc(tty, VSTART, c)) {
			start_tty(tty);
			return;
		}
		if (is_cc(tty, VSTOP, c)) {
			stop_tty(tty);
			return;
		}
	}
	if (L_ISIG(tty)) {
		if (is_cc(tty, VINTR, c)) {
			receive_signal_char(tty, SIGINT, c);
			return;
		}
		if (is_cc(tty, VQUIT, c)) {
			receive_signal_char(tty, SIGQUIT, c);
			return;
		}
		if (is_cc(tty, VSUSP, c)) {
			receive_signal_char(tty, SIGTSTP, c);
			return;
		}
	}
	if (tty->stopped && !tty->tco_stopped && I_IXON(tty) && I_IXANY(tty))
		start_tty(tty);

	if (c == '\r') {
		if (I_IGNCR(tty))
			return;
		if (I_ICRNL(tty))
			c = '\n';
	} else if (c == '\n' && I_INLCR(tty)) {
		c = '\r';
	}

	if (ldata->icanon) {
		if (is_cc(tty, VERASE, c) || is_cc(tty, VKILL, c) ||
		    (is_cc(tty, VWERASE, c) && L_IEXTEN(tty))) {
			eraser(c, tty);
			return;
		}
		if (is_cc(tty, VLNEXT, c) && L_IEXTEN(tty)) {
			ldata->lnext = true;
			if (L_ECHO(tty)) {
				finish_erasing(tty);
				if (L_ECHOCTL(tty))
					echo_char_raw('^', tty);
			}
			return;
		}
		if (is_cc(tty, VREPRINT, c) && L_ECHO(tty) && L_IEXTEN(tty)) {
			size_t tail = ldata->canon_head;

			finish_erasing(tty);
			echo_char(c, tty);
			echo_char_raw('\n', tty);
			while (tail != ldata->read_head)
				echo_char(read_buf(ldata, tail++), tty);
			return;
		}
		if (c == '\n') {
			if (L_ECHO(tty) || L_ECHONL(tty))
				echo_char_raw('\n', tty);
			commit_line(tty, c);
			return;
		}
		if (is_cc(tty, VEOF, c)) {
			commit_line(tty, DISABLED_CHAR); /* read() drops it */
			return;
		}
		if (is_cc(tty, VEOL, c) ||
		    (is_cc(tty, VEOL2, c) && L_IEXTEN(tty))) {
			if (L_ECHO(tty)) {
				if (ldata->canon_head == ldata->read_head)
					ldata->canon_column = ldata->column;
				echo_char(c, tty);
			}
			if (c == 0xff && I_PARMRK(tty))
				put_tty_queue(c, ldata);
			commit_line(tty, c);
			return;
		}
	}
	if (c == '\n' && L_ECHONL(tty) && !L_ECHO(tty))
		echo_char_raw('\n', tty);
	receive_plain(tty, c);
}

/* A byte received with an error flag (break, parity, framing). */
static void receive_flagged(struct tty_struct *tty, u8 c, u8 flag)
{
	struct n_tty_data *ldata = tty->disc_data;

	switch (flag) {
	case TTY_BREAK:
		if (I_IGNBRK(tty))
			return;
		if (I_BRKINT(tty)) {
			isig(SIGINT, tty);
			return;
		}
		if (I_PARMRK(tty)) {
			put_tty_queue(0xff, ldata);
			put_tty_queue(0, ldata);
		}
		put_tty_queue(0, ldata);
		break;
	case TTY_PARITY:
	case TTY_FRAME:
		if (I_IGNPAR(tty))
			return;
		if (I_PARMRK(tty)) {
			put_tty_queue(0xff, ldata);
			put_tty_queue(0, ldata);
			put_tty_queue(c, ldata);
		} else {
			put_tty_queue(0, ldata);
		}
		break;
	default: /* an overrun lost bytes before this one; keep it */
		receive_char(tty, c);
	}
}

static size_t n_tty_receive_buf(struct tty_struct *tty, const u8 *cp,
				const u8 *fp, size_t count)
{
	struct n_tty_data *ldata = tty->disc_data;
	size_t i, old_canon, old_head;

	mutex_lock(&ldata->lock);
	old_canon = ldata->canon_head;
	old_head = ldata->read_head;
	for (i = 0; i < count; i++) {
		size_t left = N_TTY_BUF_SIZE - read_cnt(ldata);

		/*
		 * Nearly full (a flagged byte may store three): hold the
		 * rest back until the reader makes room.  A canonical
		 * buffer holding one unfinished line cannot drain that way,
		 * so it keeps taking bytes; receive_plain() drops them but
		 * keeps a byte for the line's end.
		 */
		if (left < 3 &&
		    !(ldata->icanon && ldata->canon_head == ldata->read_tail))
			break;
		if (fp && fp[i] != TTY_NORMAL)
			receive_flagged(tty, cp[i], fp[i]);
		else
			receive_char(tty, cp[i]);
	}
	if (ldata->icanon ? ldata->canon_head != old_canon :
			    ldata->read_head != old_head)
		wake_up_interruptible(&tty->read_wait);
	mutex_unlock(&ldata->lock);
	return i;
}

static void n_tty_flush_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;

	mutex_lock(&ldata->lock);
	reset_buffer_flags(ldata);
	mutex_unlock(&ldata->lock);
	n_tty_kick_writers(tty);
}

static void n_tty_set_termios(struct tty_struct *tty,
			      const struct ktermios *old)
{
	struct n_tty_data *ldata = tty->disc_data;

	mutex_lock(&ldata->lock);
	if (!old || ((old->c_lflag ^ tty->termios.c_lflag) & ICANON)) {
		bitmap_zero(ldata->read_flags, N_TTY_BUF_SIZE);
		if (!L_ICANON(tty) || !read_cnt(ldata)) {
			ldata->canon_head = ldata->read_tail;
		} else {
			/* Going canonical: what is there counts as a line. */
			set_bit((ldata->read_head - 1) & N_TTY_MASK,
				ldata->read_flags);
			ldata->canon_head = ldata->read_head;
		}
		ldata->erasing = ldata->lnext = false;
	}
	ldata->icanon = L_ICANON(tty);
	mutex_unlock(&ldata->lock);
	if (!I_IXON(tty) && tty->stopped && !tty->tco_stopped)
		start_tty(tty);
	wake_up_interruptible(&tty->read_wait);
	wake_up_interruptible(&tty->write_wait);
}

static int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ldata = kzalloc(sizeof(*ldata), GFP_KERNEL);

	if (!ldata)
		return -ENOMEM;
	mutex_init(&ldata->lock);
	mutex_init(&ldata->output_lock);
	tty->disc_data = ldata;
	n_tty_set_termios(tty, NULL);
	return 0;
}

static void n_tty_close(struct tty_struct *tty)
{
	kfree(tty->disc_data);
	tty->disc_data = NULL;
}

/* ------------------------------------------------------------------ */
/* read                                                               */

/*
 * Copy the next canonical line (or its first @nr bytes).  Returns the
 * bytes copied; *eof is set when a line end was consumed, so a 0 byte
 * result with *eof is the EOF character.  Lock held.
 */
static size_t canon_copy(struct n_tty_data *ldata, u8 *kb, size_t nr, bool *eof)
{
	size_t tail = ldata->read_tail, n = 0, eol;
	bool found = false;

	*eof = false;
	for (eol = tail; eol != ldata->canon_head; eol++) {
		if (test_bit(eol & N_TTY_MASK, ldata->read_flags)) {
			found = true;
			break;
		}
	}
	if (found && eol - tail + 1 <= nr) {
		n = eol - tail + 1;
		clear_bit(eol & N_TTY_MASK, ldata->read_flags);
		if (read_buf(ldata, eol) == DISABLED_CHAR) {
			n--; /* the EOF mark is not data */
			*eof = true;
		}
		for (size_t i = 0; i < n; i++)
			kb[i] = read_buf(ldata, tail + i);
		ldata->read_tail = eol + 1;
		return n;
	}
	n = min_t(size_t, nr, ldata->canon_head - tail);
	for (size_t i = 0; i < n; i++)
		kb[i] = read_buf(ldata, tail + i);
	ldata->read_tail += n;
	return n;
}

static size_t raw_copy(struct n_tty_data *ldata, u8 *kb, size_t nr)
{
	size_t n = min_t(size_t, nr, read_cnt(ldata));

	for (size_t i = 0; i < n; i++)
		kb[i] = read_buf(ldata, ldata->read_tail + i);
	ldata->read_tail += n;
	return n;
}

/* Background readers get SIGTTIN (or EIO), as POSIX job control says. */
static int job_control(struct tty_struct *tty, struct file *file)
{
	if (tty->driver->type == TTY_DRIVER_TYPE_PTY &&
	    tty->driver->subtype == PTY_TYPE_MASTER)
		return 0;
	return __tty_check_change(tty, SIGTTIN);
}

/* Nothing more will come: the line hung up or the pty's other side closed. */
static bool input_gone(struct tty_struct *tty, struct file *file)
{
	return tty_hung_up_p(file) || test_bit(TTY_OTHER_CLOSED, &tty->flags);
}

static ssize_t n_tty_read(struct tty_struct *tty, struct file *file, u8 *kb,
			  size_t nr)
{
	struct n_tty_data *ldata = tty->disc_data;
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	long timeout = MAX_SCHEDULE_TIMEOUT;
	size_t copied = 0, minimum = 0;
	bool canon = false, timed = false;
	ssize_t retval = 0;

	retval = job_control(tty, file);
	if (retval < 0)
		return retval;

	down_read(&tty->termios_rwsem);
	if (!L_ICANON(tty)) {
		minimum = MIN_CHAR(tty);
		if (TIME_CHAR(tty)) {
			timeout = (TIME_CHAR(tty) * HZ + 9) / 10;
			timed = true;
		}
		/* MIN > nr: the read ends at nr bytes anyway. */
		minimum = min_t(size_t, minimum, nr);
	} else {
		canon = true;
	}
	up_read(&tty->termios_rwsem);

	add_wait_queue(&tty->read_wait, &wait);
	for (;;) {
		bool eof = false, done = false;
		size_t n;

		mutex_lock(&ldata->lock);
		if (canon && ldata->icanon) {
			if (ldata->canon_head != ldata->read_tail) {
				copied = canon_copy(ldata, kb, nr, &eof);
				done = true;
			}
		} else {
			n = raw_copy(ldata, kb + copied, nr - copied);
			copied += n;
			/* MIN > 0, TIME > 0: TIME is an inter-byte timer. */
			if (n && timed && minimum)
				timeout = (TIME_CHAR(tty) * HZ + 9) / 10;
			if (copied >= nr || (minimum && copied >= minimum) ||
			    (!minimum && copied))
				done = true;
			if (!minimum && !timed)
				done = true; /* MIN 0, TIME 0: a poll */
		}
		mutex_unlock(&ldata->lock);
		if (copied || eof)
			n_tty_kick_writers(tty);
		if (done)
			break;
		if (input_gone(tty, file)) {
			/* A pty master whose slave closed reads EIO. */
			if (!copied && !tty_hung_up_p(file) &&
			    test_bit(TTY_OTHER_CLOSED, &tty->flags))
				retval = -EIO;
			break;
		}
		if (!timeout)
			break; /* TIME ran out */
		if (file->f_flags & O_NONBLOCK) {
			if (!copied)
				retval = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!copied)
				retval = -ERESTARTSYS;
			break;
		}
		/* MIN > 0, TIME > 0: no timer before the first byte. */
		if (timed && minimum && !copied)
			wait_woken(&wait, TASK_INTERRUPTIBLE,
				   MAX_SCHEDULE_TIMEOUT);
		else
			timeout =
				wait_woken(&wait, TASK_INTERRUPTIBLE, timeout);
	}
	remove_wait_queue(&tty->read_wait, &wait);
	return copied ? (ssize_t)copied : retval;
}

/* ------------------------------------------------------------------ */
/* write                                                              */

static ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
			   const u8 *buf, size_t nr)
{
	struct n_tty_data *ldata = tty->disc_data;
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	const u8 *b = buf;
	ssize_t retval = 0;

	/* With TOSTOP a background writer gets SIGTTOU. */
	if (L_TOSTOP(tty) && !(tty->driver->type == TTY_DRIVER_TYPE_PTY &&
			       tty->driver->subtype == PTY_TYPE_MASTER)) {
		retval = tty_check_change(tty);
		if (retval)
			return retval;
	}

	add_wait_queue(&tty->write_wait, &wait);
	for (;;) {
		if (signal_pending(current)) {
			retval = -ERESTARTSYS;
			break;
		}
		if (tty_hung_up_p(file) || (tty->link && !tty->link->count)) {
			retval = -EIO;
			break;
		}
		if (O_OPOST(tty)) {
			mutex_lock(&ldata->output_lock);
			while (nr > 0) {
				ssize_t num = process_output_block(tty, b, nr);

				if (num < 0) {
					retval = num;
					break;
				}
				b += num;
				nr -= num;
				if (!nr)
					break;
				if (process_output(*b, tty) < 0)
					break;
				b++;
				nr--;
			}
			mutex_unlock(&ldata->output_lock);
			if (retval < 0)
				break;
		} else {
			while (nr > 0) {
				int c = tty->ops->write(tty, b, nr);

				if (c < 0) {
					retval = c;
					break;
				}
				if (!c)
					break;
				b += c;
				nr -= c;
			}
			if (retval < 0)
				break;
		}
		if (!nr)
			break;
		if (file->f_flags & O_NONBLOCK) {
			retval = -EAGAIN;
			break;
		}
		wait_woken(&wait, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
	}
	remove_wait_queue(&tty->write_wait, &wait);
	return (b - buf) ? b - buf : retval;
}

/* ------------------------------------------------------------------ */
/* poll, ioctl                                                        */

static bool input_available(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ldata = tty->disc_data;
	size_t amt = 1;

	if (poll && !TIME_CHAR(tty) && MIN_CHAR(tty))
		amt = MIN_CHAR(tty);
	if (ldata->icanon)
		return ldata->canon_head != ldata->read_tail;
	return read_cnt(ldata) >= amt;
}

static __poll_t n_tty_poll(struct tty_struct *tty, struct file *file,
			   poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	if (input_available(tty, true))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (tty_hung_up_p(file) || test_bit(TTY_OTHER_CLOSED, &tty->flags))
		mask |= EPOLLHUP;
	if (tty->ops->write && tty_chars_in_buffer(tty) < WAKEUP_CHARS &&
	    tty_write_room(tty) > 0)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

/* Bytes a read could return now: FIONREAD. */
static size_t n_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	size_t n, i;

	mutex_lock(&ldata->lock);
	if (!ldata->icanon) {
		n = read_cnt(ldata);
	} else {
		n = ldata->canon_head - ldata->read_tail;
		for (i = ldata->read_tail; i != ldata->canon_head; i++)
			if (test_bit(i & N_TTY_MASK, ldata->read_flags) &&
			    read_buf(ldata, i) == DISABLED_CHAR)
				n--;
	}
	mutex_unlock(&ldata->lock);
	return n;
}

static int n_tty_ioctl(struct tty_struct *tty, unsigned int cmd,
		       unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int retval;

	switch (cmd) {
	case TIOCOUTQ:
		return put_user((int)tty_chars_in_buffer(tty), p);
	case TIOCINQ:
		return put_user((int)n_tty_chars_in_buffer(tty), p);
	case TCXONC:
		retval = tty_check_change(tty);
		if (retval)
			return retval;
		switch (arg) {
		case TCOOFF:
			spin_lock_irq(&tty->ctrl_lock);
			if (!tty->tco_stopped) {
				tty->tco_stopped = true;
				__stop_tty(tty);
			}
			spin_unlock_irq(&tty->ctrl_lock);
			return 0;
		case TCOON:
			spin_lock_irq(&tty->ctrl_lock);
			if (tty->tco_stopped) {
				tty->tco_stopped = false;
				__start_tty(tty);
			}
			spin_unlock_irq(&tty->ctrl_lock);
			tty_wakeup(tty);
			return 0;
		case TCIOFF:
			if (STOP_CHAR(tty) != DISABLED_CHAR)
				tty_put_char(tty, STOP_CHAR(tty));
			return 0;
		case TCION:
			if (START_CHAR(tty) != DISABLED_CHAR)
				tty_put_char(tty, START_CHAR(tty));
			return 0;
		default:
			return -EINVAL;
		}
	case TCFLSH:
		retval = tty_check_change(tty);
		if (retval)
			return retval;
		return tty_perform_flush(tty, arg);
	default:
		return tty_mode_ioctl(tty, cmd, arg);
	}
}

static void n_tty_write_wakeup(struct tty_struct *tty)
{
	wake_up_interruptible(&tty->write_wait);
}

static void n_tty_hangup(struct tty_struct *tty)
{
	wake_up_interruptible_all(&tty->read_wait);
}

const struct tty_ldisc_ops n_tty_ops = {
	.num = N_TTY,
	.name = "n_tty",
	.open = n_tty_open,
	.close = n_tty_close,
	.flush_buffer = n_tty_flush_buffer,
	.read = n_tty_read,
	.write = n_tty_write,
	.ioctl = n_tty_ioctl,
	.set_termios = n_tty_set_termios,
	.poll = n_tty_poll,
	.receive_buf = n_tty_receive_buf,
	.write_wakeup = n_tty_write_wakeup,
	.chars_in_buffer = n_tty_chars_in_buffer,
	.hangup = n_tty_hangup,
};
