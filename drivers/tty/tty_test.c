/*
 * ktests of the tty core and N_TTY, through a test tty driver: its
 * input is fed the way a UART's interrupt handler feeds it (flip
 * buffer, push), its output is captured, and files are opened through
 * def_chr_fops with user buffers mapped at a test address, so every
 * layer from the file operations down runs as it will for a process.
 */
#include <ktest/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>

#include "../char/ktest_util.h"

/* ---- the test driver ---- */

#define CAP_SIZE 1024

static struct tty_driver *tdrv;
static struct tty_port tport;
static char cap[CAP_SIZE]; /* what the driver was asked to send */
static int cap_len;
static int room = CAP_SIZE; /* write_room the driver reports */

static int t_open(struct tty_struct *tty, struct file *filp)
{
	return tty_port_open(&tport, tty, filp);
}

static void t_close(struct tty_struct *tty, struct file *filp)
{
	if (!tty_hung_up_p(filp))
		tty_port_close(&tport, tty, filp);
}

static int t_write(struct tty_struct *tty, const u8 *buf, int n)
{
	if (tty->stopped)
		return 0;
	n = min(n, room);
	n = min(n, CAP_SIZE - cap_len);
	memcpy(cap + cap_len, buf, n);
	cap_len += n;
	room -= n;
	return n;
}

static unsigned int t_write_room(struct tty_struct *tty)
{
	return tty->stopped ? 0 : min(room, CAP_SIZE - cap_len);
}

static void t_hangup(struct tty_struct *tty)
{
	tty_port_hangup(&tport);
}

static const struct tty_operations t_ops = {
	.hangup = t_hangup,
	.open = t_open,
	.close = t_close,
	.write = t_write,
	.write_room = t_write_room,
};

/* ---- signal capture ---- */

static struct {
	pid_t pgrp;
	int sig;
	int count;
} sigs[8];
static int nsigs;

static int record_kill(pid_t pgrp, int sig, int priv)
{
	if (nsigs < (int)ARRAY_SIZE(sigs)) {
		sigs[nsigs].pgrp = pgrp;
		sigs[nsigs].sig = sig;
	}
	nsigs++;
	return 0;
}

static int record_send(int sig, struct task_struct *p, int priv)
{
	return record_kill(-p->pid, sig, priv);
}

/* ---- per-case state ---- */

static struct file *files[4];
static char __user *ubuf; /* user pages: data at ubuf, ints at uint */
static int __user *uint;

static int tty_suite_init(struct ktest *test)
{
	int err;

	cap_len = 0;
	room = CAP_SIZE;
	nsigs = 0;
	tty_kill_pgrp_hook = record_kill;
	tty_send_sig_hook = record_send;
	ubuf = ktest_dev_user_map(test);
	uint = (int __user *)(ubuf + 3 * PAGE_SIZE);
	if (tdrv)
		return 0;
	tdrv = tty_alloc_driver(1, TTY_DRIVER_DYNAMIC_DEV |
					   TTY_DRIVER_RESET_TERMIOS);
	if (IS_ERR(tdrv)) {
		tdrv = NULL;
		return -ENOMEM;
	}
	tdrv->driver_name = "ktest";
	tdrv->name = "ttyktest";
	tdrv->type = TTY_DRIVER_TYPE_SERIAL;
	tdrv->init_termios = tty_std_termios;
	tty_set_operations(tdrv, &t_ops);
	tty_port_init(&tport);
	tty_port_link_device(&tport, tdrv, 0);
	err = tty_register_driver(tdrv);
	if (err) {
		tty_port_destroy(&tport);
		tty_driver_kref_put(tdrv);
		tdrv = NULL;
	}
	return err;
}

static void tty_suite_exit(struct ktest *test)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++) {
		ktest_chrdev_close(files[i]);
		files[i] = NULL;
	}
	ktest_signal_end();
	tty_kill_pgrp_hook = NULL;
	tty_send_sig_hook = NULL;
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
	ktest_dev_user_unmap();
	/* The driver goes away with the last case's tty. */
	flush_workqueue(system_wq);
	if (tdrv && !tdrv->ttys[0]) {
		tty_unregister_driver(tdrv);
		tty_port_destroy(&tport);
		tty_driver_kref_put(tdrv);
		tdrv = NULL;
	}
}

static struct file *t_openf(struct ktest *test, unsigned int flags)
{
	struct file *f =
		ktest_chrdev_open(MKDEV(tdrv->major, tdrv->minor_start), flags);

	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++) {
		if (!files[i] && !IS_ERR(f)) {
			files[i] = f;
			break;
		}
	}
	return f;
}

/* Input as from the UART: flip buffer, push, wait for the ldisc. */
static void feed(const char *s, size_t n)
{
	tty_insert_flip_string(&tport, (const u8 *)s, n);
	tty_flip_buffer_push(&tport);
	tty_buffer_flush_work(&tport);
}

#define FEED(s) feed(s, sizeof(s) - 1)

static ssize_t t_read(struct file *f, size_t n)
{
	loff_t pos = 0;

	return f->f_op->read(f, ubuf, n, &pos);
}

static ssize_t t_write_str(struct file *f, const char *s)
{
	loff_t pos = 0;

	memcpy(ktest_dev_user_kaddr(ubuf + PAGE_SIZE), s, strlen(s));
	return f->f_op->write(f, ubuf + PAGE_SIZE, strlen(s), &pos);
}

static long t_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return f->f_op->unlocked_ioctl(f, cmd, arg);
}

static char *kbuf(void)
{
	return ktest_dev_user_kaddr(ubuf);
}

static struct tty_struct *ftty(struct file *f)
{
	return file_tty(f);
}

/* termios change through TCGETS/TCSETS, as tcsetattr does. */
static void set_flags(struct file *f, tcflag_t lclear, tcflag_t lset, int vmin,
		      int vtime)
{
	struct termios *t = ktest_dev_user_kaddr(uint);

	t_ioctl(f, TCGETS, (unsigned long)uint);
	t->c_lflag = (t->c_lflag & ~lclear) | lset;
	if (vmin >= 0)
		t->c_cc[VMIN] = vmin;
	if (vtime >= 0)
		t->c_cc[VTIME] = vtime;
	t_ioctl(f, TCSETS, (unsigned long)uint);
}

#define OPEN_OR_SKIP(f, flags)                                    \
	do {                                                      \
		if (!ubuf || !tdrv) {                             \
			ktest_skip(test, "no user pages/driver"); \
			return;                                   \
		}                                                 \
		f = t_openf(test, flags);                         \
		KTEST_ASSERT_FALSE(test, IS_ERR(f));              \
	} while (0)

/* ---- cases ---- */

static void tty_test_default_termios(struct ktest *test)
{
	struct termios *t;
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	t = ktest_dev_user_kaddr(uint);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCGETS, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, t->c_iflag, ICRNL | IXON);
	KTEST_EXPECT_EQ(test, t->c_oflag, OPOST | ONLCR);
	KTEST_EXPECT_EQ(test, t->c_cflag, B38400 | CS8 | CREAD | HUPCL);
	KTEST_EXPECT_EQ(test, t->c_lflag,
			ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
				ECHOKE | IEXTEN);
	KTEST_EXPECT_EQ(test, t->c_cc[VINTR], 3);
	KTEST_EXPECT_EQ(test, t->c_cc[VERASE], 0x7f);
	KTEST_EXPECT_EQ(test, t->c_cc[VKILL], 0x15);
	KTEST_EXPECT_EQ(test, t->c_cc[VEOF], 4);
	KTEST_EXPECT_EQ(test, t->c_cc[VMIN], 1);
	KTEST_EXPECT_EQ(test, sizeof(struct termios), 36);
	/* Bad user pointers and unknown ioctls. */
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCGETS, 0xffff880000000000UL),
			-EFAULT);
	KTEST_EXPECT_EQ(test, t_ioctl(f, KDGKBTYPE, (unsigned long)uint),
			-ENOTTY);
	*(int *)ktest_dev_user_kaddr(uint) = N_TTY;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSETD, (unsigned long)uint), 0);
	*(int *)ktest_dev_user_kaddr(uint) = 5;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSETD, (unsigned long)uint),
			-EINVAL);
}

static void tty_test_canon_erase(struct ktest *test)
{
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	FEED("ab\x7f"
	     "c\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "ac\n", 3);
	KTEST_EXPECT_EQ(test, cap_len, 8);
	KTEST_EXPECT_MEMEQ(test, cap, "ab\b \bc\r\n", 8);
}

static void tty_test_canon_kill_werase(struct ktest *test)
{
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	FEED("abc\x15xy\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "xy\n", 3);
	KTEST_EXPECT_EQ(test, cap_len, 3 + 9 + 4);
	KTEST_EXPECT_MEMEQ(test, cap, "abc\b \b\b \b\b \bxy\r\n", 16);

	/* Without ECHOKE the kill character is shown, then a newline. */
	cap_len = 0;
	set_flags(f, ECHOKE, 0, -1, -1);
	FEED("ab\x15z\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "z\n", 2);
	KTEST_EXPECT_MEMEQ(test, cap, "ab^U\r\nz\r\n", 9);

	/* WERASE: the last word and the blanks after it. */
	FEED("foo bar  \x17"
	     "baz\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 8);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "foo baz\n", 8);
}

static void tty_test_canon_eof_lnext(struct ktest *test)
{
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	FEED("\x04");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 0); /* EOF at line start */
	FEED("ab\x04");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2); /* EOF ends a line */
	KTEST_EXPECT_MEMEQ(test, kbuf(), "ab", 2);
	/* A short read takes part of a line; the rest comes next. */
	FEED("hello\n");
	KTEST_EXPECT_EQ(test, t_read(f, 2), 2);
	KTEST_EXPECT_EQ(test, t_read(f, 100), 4);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "llo\n", 4);
	/* ^V quotes the next byte: ^C is data, no signal. */
	cap_len = 0;
	FEED("\x16\x03\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "\x03\n", 2);
	KTEST_EXPECT_EQ(test, nsigs, 0);
	KTEST_EXPECT_MEMEQ(test, cap, "^\b^C\r\n", 6);
	/* ECHOCTL: a control shows as ^X and erases as two columns. */
	cap_len = 0;
	FEED("\x01\x7f\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 1);
	KTEST_EXPECT_MEMEQ(test, cap, "^A\b \b\b \b\r\n", 10);
	/* A tab erases back to where it started. */
	cap_len = 0;
	FEED("x\t\x7f\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2);
	KTEST_EXPECT_MEMEQ(test, cap, "x\t\b\b\b\b\b\b\b\r\n", 11);
	/* ^R reprints the line being typed. */
	cap_len = 0;
	FEED("ab\x12");
	KTEST_EXPECT_MEMEQ(test, cap, "ab^R\r\nab", 8);
}

static void tty_test_input_maps(struct ktest *test)
{
	struct termios *t;
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY | O_NONBLOCK);
	FEED("ab\r");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3); /* ICRNL */
	KTEST_EXPECT_MEMEQ(test, kbuf(), "ab\n", 3);
	t = ktest_dev_user_kaddr(uint);
	t_ioctl(f, TCGETS, (unsigned long)uint);
	t->c_iflag |= IGNCR;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	FEED("c\rd\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "cd\n", 3);
	t->c_iflag = INLCR;
	t->c_lflag &= ~ICANON;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	FEED("e\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "e\r", 2);
	/* Canonical, no complete line, O_NONBLOCK: EAGAIN. */
	t->c_iflag = ICRNL;
	t->c_lflag |= ICANON;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	FEED("partial");
	KTEST_EXPECT_EQ(test, t_read(f, 100), -EAGAIN);
	KTEST_EXPECT_EQ(test, t_ioctl(f, FIONREAD, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_dev_user_kaddr(uint), 0);
	FEED("\n");
	KTEST_EXPECT_EQ(test, t_ioctl(f, FIONREAD, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_dev_user_kaddr(uint), 8);
	/* TCFLSH drops it. */
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCFLSH, TCIFLUSH), 0);
	KTEST_EXPECT_EQ(test, t_read(f, 100), -EAGAIN);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCFLSH, 7), -EINVAL);
}

static void tty_test_output_post(struct ktest *test)
{
	struct termios *t;
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY | O_NONBLOCK);
	KTEST_EXPECT_EQ(test, t_write_str(f, "x\ny"), 3);
	KTEST_EXPECT_EQ(test, cap_len, 4);
	KTEST_EXPECT_MEMEQ(test, cap, "x\r\ny", 4);
	t = ktest_dev_user_kaddr(uint);
	t_ioctl(f, TCGETS, (unsigned long)uint);
	t->c_oflag = OPOST | ONOCR | XTABS;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	cap_len = 0;
	/* ONOCR drops a \r at column 0; tabs expand to column 8. */
	KTEST_EXPECT_EQ(test, t_write_str(f, "\r\rab\t."), 6);
	KTEST_EXPECT_EQ(test, cap_len, 10);
	KTEST_EXPECT_MEMEQ(test, cap, "\rab      .", 10);
	t->c_oflag = OPOST | OCRNL;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	cap_len = 0;
	KTEST_EXPECT_EQ(test, t_write_str(f, "a\rb"), 3);
	KTEST_EXPECT_MEMEQ(test, cap, "a\nb", 3);
	t->c_oflag = 0;
	t_ioctl(f, TCSETS, (unsigned long)uint);
	cap_len = 0;
	KTEST_EXPECT_EQ(test, t_write_str(f, "a\nb"), 3);
	KTEST_EXPECT_MEMEQ(test, cap, "a\nb", 3);
	/* A full driver: O_NONBLOCK writes end in EAGAIN, partial first. */
	room = 2;
	cap_len = 0;
	KTEST_EXPECT_EQ(test, t_write_str(f, "abcd"), 2);
	KTEST_EXPECT_EQ(test, t_write_str(f, "cd"), -EAGAIN);
}

static void tty_test_ixon(struct ktest *test)
{
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY | O_NONBLOCK);
	FEED("\x13");
	KTEST_EXPECT_TRUE(test, ftty(f)->stopped);
	KTEST_EXPECT_EQ(test, t_write_str(f, "zz"), -EAGAIN);
	KTEST_EXPECT_EQ(test, t_ioctl(f, FIONREAD, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *(int *)ktest_dev_user_kaddr(uint), 0);
	FEED("\x11");
	KTEST_EXPECT_FALSE(test, ftty(f)->stopped);
	KTEST_EXPECT_EQ(test, t_write_str(f, "zz"), 2);
	/* TCXONC: TCOOFF holds output until TCOON, ^Q cannot restart. */
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCXONC, TCOOFF), 0);
	FEED("\x11");
	KTEST_EXPECT_TRUE(test, ftty(f)->stopped);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCXONC, TCOON), 0);
	KTEST_EXPECT_FALSE(test, ftty(f)->stopped);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCXONC, 9), -EINVAL);
}

/* Make the test tty our controlling terminal (session leader 4242). */
static struct file *open_ctty(struct ktest *test)
{
	struct file *f;

	ktest_signal_begin(4242, 1);
	if (!current->signal)
		return ERR_PTR(-ENOMEM);
	f = t_openf(test, O_RDWR); /* no O_NOCTTY: the open takes it */
	if (IS_ERR(f))
		return f;
	KTEST_EXPECT_PTR_EQ(test, current->signal->tty, ftty(f));
	KTEST_EXPECT_EQ(test, ftty(f)->pgrp, 4242);
	KTEST_EXPECT_EQ(test, ftty(f)->session, 4242);
	return f;
}

static void tty_test_isig(struct ktest *test)
{
	struct file *f;

	if (!ubuf || !tdrv) {
		ktest_skip(test, "no user pages/driver");
		return;
	}
	f = open_ctty(test);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	f->f_flags |= O_NONBLOCK;
	FEED("ab\x03");
	KTEST_EXPECT_EQ(test, nsigs, 1);
	KTEST_EXPECT_EQ(test, sigs[0].pgrp, 4242);
	KTEST_EXPECT_EQ(test, sigs[0].sig, SIGINT);
	KTEST_EXPECT_MEMEQ(test, cap, "ab^C", 4);
	FEED("\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 1); /* "ab" was flushed */
	FEED("\x1c\x1a");
	KTEST_EXPECT_EQ(test, nsigs, 3);
	KTEST_EXPECT_EQ(test, sigs[1].sig, SIGQUIT);
	KTEST_EXPECT_EQ(test, sigs[2].sig, SIGTSTP);
	/* NOFLSH keeps the input. */
	set_flags(f, 0, NOFLSH, -1, -1);
	FEED("cd\x03\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "cd\n", 3);
	/* Without ISIG ^C is data. */
	set_flags(f, ISIG, 0, -1, -1);
	FEED("\x03\n");
	KTEST_EXPECT_EQ(test, t_read(f, 100), 2);
	KTEST_EXPECT_EQ(test, nsigs, 4);
}

/*
 * POSIX job control stops only a process group that someone can
 * continue: unless a member has a parent in another group of the same
 * session (a shell), the group is orphaned and its background reads and
 * writes fail with EIO instead.  The test thread (pid 1, whose parent
 * pid 0 is in no session) alone in its group is such an orphan.  A
 * job makes it a controlled one with real tasks: a "shell" kthread,
 * which moves to a group of its own in current's session, and its
 * child, which stays in current's group.
 */
struct tty_test_job {
	struct completion ready, done;
	struct task_struct *shell, *child;
	bool quit;
};

static int tty_test_job_child(void *arg)
{
	struct tty_test_job *job = arg;

	get_task_struct(current);
	job->child = current;
	complete(&job->ready);
	while (!READ_ONCE(job->quit))
		schedule_timeout_uninterruptible(1);
	return 0;
}

static int tty_test_job_shell(void *arg)
{
	struct tty_test_job *job = arg;

	get_task_struct(current);
	job->shell = current;
	/* The child copies our group before we leave it (setpgid(0, 0)). */
	if (kernel_thread(tty_test_job_child, job, 0) < 0)
		complete(&job->ready); /* the test sees job->child NULL */
	wait_for_completion(&job->ready);
	WRITE_ONCE(current->signal->pgrp, current->tgid);
	complete(&job->done);
	while (!READ_ONCE(job->quit))
		schedule_timeout_uninterruptible(1);
	return 0;
}

static bool tty_test_task_gone(struct task_struct *t)
{
	for (int i = 0; t && i < 1000; i++) {
		if (READ_ONCE(t->exit_state) && !READ_ONCE(t->on_cpu))
			return true;
		schedule_timeout_uninterruptible(1);
	}
	return !t;
}

/* End the job: both tasks exit; their ctty references go with them. */
static void tty_test_job_end(struct ktest *test, struct tty_test_job *job)
{
	WRITE_ONCE(job->quit, true);
	KTEST_EXPECT_TRUE(test, tty_test_task_gone(job->child));
	KTEST_EXPECT_TRUE(test, tty_test_task_gone(job->shell));
	if (job->child)
		put_task_struct(job->child);
	if (job->shell)
		put_task_struct(job->shell);
	kfree(job);
}

/* Start a job for current's group; NULL (a failed expectation) if not. */
static struct tty_test_job *tty_test_job_start(struct ktest *test)
{
	struct tty_test_job *job = kzalloc(sizeof(*job), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, job);
	init_completion(&job->ready);
	init_completion(&job->done);
	if (kernel_thread(tty_test_job_shell, job, 0) < 0) {
		kfree(job);
		KTEST_EXPECT_TRUE(test, !"kernel_thread failed");
		return NULL;
	}
	wait_for_completion(&job->done);
	if (!job->child) {
		KTEST_EXPECT_TRUE(test, !"the job's child did not start");
		tty_test_job_end(test, job);
		return NULL;
	}
	return job;
}

static void tty_test_jobctrl_ioctls(struct ktest *test)
{
	struct tty_test_job *job;
	struct winsize *ws;
	struct file *f, *g;
	unsigned int krefs;
	int *v;

	if (!ubuf || !tdrv) {
		ktest_skip(test, "no user pages/driver");
		return;
	}
	/* Without a session: no ctty, TIOCSCTTY refused. */
	g = t_openf(test, O_RDWR | O_NOCTTY);
	KTEST_ASSERT_FALSE(test, IS_ERR(g));
	KTEST_EXPECT_EQ(test, t_ioctl(g, TIOCGPGRP, (unsigned long)uint),
			-ENOTTY);
	KTEST_EXPECT_EQ(test, t_ioctl(g, TIOCSCTTY, 0), -EPERM);
	KTEST_EXPECT_EQ(test, t_ioctl(g, TIOCNOTTY, 0), -ENOTTY);

	f = open_ctty(test);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	v = ktest_dev_user_kaddr(uint);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCGPGRP, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *v, 4242);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCGSID, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, *v, 4242);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSCTTY, 0), 0); /* already ours */
	/* TIOCSPGRP: a group that does not exist, a negative one. */
	*v = 31337;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSPGRP, (unsigned long)uint),
			-ESRCH);
	*v = -1;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSPGRP, (unsigned long)uint),
			-EINVAL);
	*v = 4242;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSPGRP, (unsigned long)uint), 0);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSPGRP, 0xffff880000000000UL),
			-EFAULT);

	/* TIOCSWINSZ announces a change with SIGWINCH, once. */
	ws = ktest_dev_user_kaddr(ubuf);
	ws->ws_row = 24;
	ws->ws_col = 80;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSWINSZ, (unsigned long)ubuf), 0);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSWINSZ, (unsigned long)ubuf), 0);
	KTEST_EXPECT_EQ(test, nsigs, 1);
	KTEST_EXPECT_EQ(test, sigs[0].sig, SIGWINCH);
	memset(ws, 0, sizeof(*ws));
	KTEST_EXPECT_EQ(test, t_ioctl(g, TIOCGWINSZ, (unsigned long)ubuf), 0);
	KTEST_EXPECT_EQ(test, ws->ws_col, 80);

	/* TIOCSTI: fake input on our ctty. */
	*(char *)ktest_dev_user_kaddr(ubuf + 8) = 'q';
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSTI, (unsigned long)(ubuf + 8)),
			0);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCFLSH, TCIFLUSH), 0);

	/*
	 * Background, and nobody to continue us (orphaned group): reads
	 * and TOSTOP writes fail with EIO and signal no one.
	 */
	ftty(f)->pgrp = 777;
	nsigs = 0;
	KTEST_EXPECT_EQ(test, t_read(f, 10), -EIO);
	ftty(f)->termios.c_lflag |= TOSTOP;
	KTEST_EXPECT_EQ(test, t_write_str(f, "no"), -EIO);
	ftty(f)->termios.c_lflag &= ~TOSTOP;
	KTEST_EXPECT_EQ(test, nsigs, 0);

	/* A shell's job: the ctty is inherited with a reference each. */
	krefs = refcount_read(&ftty(f)->kref);
	job = tty_test_job_start(test);
	if (!job)
		return;
	KTEST_EXPECT_PTR_EQ(test, job->child->signal->tty, ftty(f));
	KTEST_EXPECT_EQ(test, task_pgrp_nr(job->child), 4242);
	KTEST_EXPECT_EQ(test, task_session_nr(job->shell), 4242);
	KTEST_EXPECT_NE(test, task_pgrp_nr(job->shell), 4242);
	KTEST_EXPECT_EQ(test, refcount_read(&ftty(f)->kref), krefs + 2);

	/* Background: reads get SIGTTIN, TOSTOP writes SIGTTOU. */
	KTEST_EXPECT_EQ(test, t_read(f, 10), -ERESTARTSYS);
	KTEST_EXPECT_EQ(test, nsigs, 1);
	KTEST_EXPECT_EQ(test, sigs[0].sig, SIGTTIN);
	KTEST_EXPECT_EQ(test, sigs[0].pgrp, 4242);
	KTEST_EXPECT_EQ(test, t_write_str(f, "ok"), 2); /* no TOSTOP */
	set_flags(f, 0, TOSTOP, -1, -1); /* SIGTTOU too: TCSETS checks */
	KTEST_EXPECT_EQ(test, sigs[1].sig, SIGTTOU);
	ftty(f)->termios.c_lflag |= TOSTOP;
	KTEST_EXPECT_EQ(test, t_write_str(f, "no"), -ERESTARTSYS);
	KTEST_EXPECT_EQ(test, sigs[nsigs - 1].sig, SIGTTOU);
	ftty(f)->pgrp = 4242;
	tty_test_job_end(test, job);
	KTEST_EXPECT_EQ(test, refcount_read(&ftty(f)->kref), krefs);

	/* TIOCNOTTY by the leader: fg group gets SIGHUP+SIGCONT. */
	nsigs = 0;
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCNOTTY, 0), 0);
	KTEST_EXPECT_NULL(test, current->signal->tty);
	KTEST_EXPECT_EQ(test, nsigs, 2);
	KTEST_EXPECT_EQ(test, sigs[0].sig, SIGHUP);
	KTEST_EXPECT_EQ(test, sigs[1].sig, SIGCONT);
	KTEST_EXPECT_EQ(test, ftty(f)->session, 0);
	/* Now it is free: TIOCSCTTY takes it again. */
	KTEST_EXPECT_EQ(test, t_ioctl(f, TIOCSCTTY, 0), 0);
	KTEST_EXPECT_PTR_EQ(test, current->signal->tty, ftty(f));
}

/* The session leader exits: its serial ctty is hung up. */
static void tty_test_exit_hangup(struct ktest *test)
{
	struct file *f, *g;

	if (!ubuf || !tdrv) {
		ktest_skip(test, "no user pages/driver");
		return;
	}
	f = open_ctty(test);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	disassociate_ctty(1);
	KTEST_EXPECT_NULL(test, current->signal->tty);
	KTEST_EXPECT_GE(test, nsigs, 1);
	KTEST_EXPECT_EQ(test, sigs[0].sig, SIGHUP);
	KTEST_EXPECT_TRUE(test, tty_hung_up_p(f));
	KTEST_EXPECT_EQ(test, t_read(f, 10), 0);
	KTEST_EXPECT_EQ(test, t_write_str(f, "x"), -EIO);
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & (EPOLLHUP | EPOLLIN),
			EPOLLHUP | EPOLLIN);
	KTEST_EXPECT_EQ(test, t_ioctl(f, TCGETS, (unsigned long)uint), -EIO);
	/* A new open works again. */
	g = t_openf(test, O_RDWR | O_NOCTTY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(g));
	FEED("hi\n");
	KTEST_EXPECT_EQ(test, t_read(g, 10), 3);
}

static void tty_test_poll_and_signal(struct ktest *test)
{
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & (EPOLLIN | EPOLLOUT),
			EPOLLOUT);
	FEED("abc");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, 0); /* no line */
	FEED("\n");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, EPOLLIN);
	KTEST_EXPECT_EQ(test, t_read(f, 100), 4);
	/* Non-canonical, MIN 3: readable at three bytes. */
	set_flags(f, ICANON, 0, 3, 0);
	FEED("ab");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, 0);
	FEED("c");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, EPOLLIN);
	KTEST_EXPECT_EQ(test, t_read(f, 100), 3);
	/* A blocking read with a signal pending: -ERESTARTSYS. */
	set_tsk_thread_flag(current, TIF_SIGPENDING);
	KTEST_EXPECT_EQ(test, t_read(f, 100), -ERESTARTSYS);
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
	/* Full driver: not writable. */
	room = 0;
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLOUT, 0);
}

/* A thread that types @s after @ms milliseconds. */
struct feeder {
	unsigned int ms;
	const char *s;
};

static int feeder_fn(void *data)
{
	struct feeder *fd = data;

	msleep(fd->ms);
	feed(fd->s, strlen(fd->s));
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/* Read @n after a feeder; returns the result, *ms the time it took. */
static ssize_t timed_read(struct file *f, size_t n, struct feeder *fd,
			  unsigned int *ms)
{
	struct task_struct *k = NULL;
	unsigned long t0 = jiffies;
	ssize_t ret;

	if (fd)
		k = kthread_run(feeder_fn, fd, "ktest_feed");
	ret = t_read(f, n);
	*ms = jiffies_to_msecs(jiffies - t0);
	if (k && !IS_ERR(k))
		kthread_stop(k);
	return ret;
}

static void tty_test_vmin_vtime(struct ktest *test)
{
	struct feeder fd;
	unsigned int ms;
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	/* MIN 0, TIME 0: a poll, returns at once. */
	set_flags(f, ICANON | ECHO, 0, 0, 0);
	KTEST_EXPECT_EQ(test, timed_read(f, 10, NULL, &ms), 0);
	KTEST_EXPECT_LT(test, ms, 20);
	/* MIN 2, TIME 0: waits for two bytes, however long. */
	set_flags(f, 0, 0, 2, 0);
	fd = (struct feeder){ 60, "x" };
	FEED("w");
	KTEST_EXPECT_EQ(test, timed_read(f, 10, &fd, &ms), 2);
	KTEST_EXPECT_GE(test, ms, 50);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "wx", 2);
	/* MIN 0, TIME 2: 200 ms for the first byte, then 0. */
	set_flags(f, 0, 0, 0, 2);
	KTEST_EXPECT_EQ(test, timed_read(f, 10, NULL, &ms), 0);
	KTEST_EXPECT_GE(test, ms, 190);
	KTEST_EXPECT_LT(test, ms, 400);
	/* ... or less when a byte comes. */
	fd = (struct feeder){ 40, "y" };
	KTEST_EXPECT_EQ(test, timed_read(f, 10, &fd, &ms), 1);
	KTEST_EXPECT_LT(test, ms, 190);
	/* MIN 3, TIME 1: no timer before the first byte (150 ms), then
	 * 100 ms between bytes ends the read with two. */
	set_flags(f, 0, 0, 3, 1);
	fd = (struct feeder){ 150, "ab" };
	KTEST_EXPECT_EQ(test, timed_read(f, 10, &fd, &ms), 2);
	KTEST_EXPECT_GE(test, ms, 240);
	KTEST_EXPECT_LT(test, ms, 500);
	/* ... and MIN bytes end it at once. */
	FEED("abcd");
	KTEST_EXPECT_EQ(test, timed_read(f, 10, NULL, &ms), 4);
	KTEST_EXPECT_LT(test, ms, 50);
	/* O_NONBLOCK, nothing there: EAGAIN. */
	f->f_flags |= O_NONBLOCK;
	KTEST_EXPECT_EQ(test, t_read(f, 10), -EAGAIN);
}

static void tty_test_canon_blocking_read(struct ktest *test)
{
	struct feeder fd = { 30, "line\n" };
	unsigned int ms;
	struct file *f;

	OPEN_OR_SKIP(f, O_RDWR | O_NOCTTY);
	KTEST_EXPECT_EQ(test, timed_read(f, 100, &fd, &ms), 5);
	KTEST_EXPECT_GE(test, ms, 20);
	KTEST_EXPECT_MEMEQ(test, kbuf(), "line\n", 5);
}

static void tty_test_baud(struct ktest *test)
{
	struct ktermios kt = tty_std_termios;

	KTEST_EXPECT_EQ(test, tty_termios_baud_rate(&kt), 38400);
	kt.c_cflag = (kt.c_cflag & ~CBAUD) | B115200;
	KTEST_EXPECT_EQ(test, tty_termios_baud_rate(&kt), 115200);
	tty_termios_encode_baud_rate(&kt, 9600, 9600);
	KTEST_EXPECT_EQ(test, kt.c_cflag & CBAUD, B9600);
	tty_termios_encode_baud_rate(&kt, 12345, 12345);
	KTEST_EXPECT_EQ(test, kt.c_cflag & CBAUD, BOTHER);
	KTEST_EXPECT_EQ(test, tty_termios_baud_rate(&kt), 12345);
}

static struct ktest_case tty_test_cases[] = {
	KTEST_CASE(tty_test_default_termios),
	KTEST_CASE(tty_test_canon_erase),
	KTEST_CASE(tty_test_canon_kill_werase),
	KTEST_CASE(tty_test_canon_eof_lnext),
	KTEST_CASE(tty_test_input_maps),
	KTEST_CASE(tty_test_output_post),
	KTEST_CASE(tty_test_ixon),
	KTEST_CASE(tty_test_isig),
	KTEST_CASE(tty_test_jobctrl_ioctls),
	KTEST_CASE(tty_test_exit_hangup),
	KTEST_CASE(tty_test_poll_and_signal),
	KTEST_CASE(tty_test_vmin_vtime),
	KTEST_CASE(tty_test_canon_blocking_read),
	KTEST_CASE(tty_test_baud),
	{}
};

static struct ktest_suite tty_test_suite = {
	.name = "tty",
	.init = tty_suite_init,
	.exit = tty_suite_exit,
	.test_cases = tty_test_cases,
};
ktest_suite(tty_test_suite);
