#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

/*
 * The tty core (drivers/tty/): a tty_struct is one open terminal -- its
 * termios, window size, foreground process group and session, line
 * discipline and wait queues -- bound to a driver and a port.  It
 * lives from the first open to the last close, longer while someone
 * holds a reference (a session's controlling tty, a pty's other half).
 *
 * Job control state uses pid numbers (pid_t, 0 = none), as
 * signal_struct does here.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/tty_driver.h>
#include <linux/tty_ldisc.h>
#include <linux/tty_port.h>
#include <uapi/linux/termios.h>

struct file;
struct inode;
struct task_struct;

#define N_TTY_BUF_SIZE 4096
#define TTY_WRITE_BUF_SIZE 2048

struct tty_struct {
	refcount_t kref; /* tty_kref_get / tty_kref_put */
	struct tty_driver *driver;
	const struct tty_operations *ops;
	int index;
	struct tty_ldisc ldisc;
	struct mutex ldisc_lock; /* ldisc changes, hangup against I/O */
	struct mutex atomic_write_lock; /* one write() at a time */
	struct mutex legacy_mutex; /* tty_lock(): open, close, ioctls */
	struct rw_semaphore termios_rwsem;
	struct ktermios termios, termios_locked;
	char name[64];
	unsigned long flags; /* TTY_* bits */
	int count; /* open files (tty_lock) */
	struct winsize winsize; /* termios_rwsem */

	/* Job control: under ctrl_lock. */
	spinlock_t ctrl_lock;
	pid_t pgrp; /* foreground process group, 0 = none */
	pid_t session; /* the session it controls, 0 = none */
	bool stopped; /* output stopped (^S, TCOOFF) */
	bool tco_stopped; /* ... by TCOOFF: only TCOON restarts */

	wait_queue_head_t write_wait;
	wait_queue_head_t read_wait;
	struct work_struct hangup_work; /* tty_hangup() from any context */
	struct work_struct release_work; /* the last reference went */
	void *disc_data; /* the line discipline's state */
	void *driver_data;
	spinlock_t files_lock;
	struct list_head tty_files; /* tty_file_private of open files */
	struct tty_struct *link; /* pty: the other half */
	struct tty_port *port;
	u8 *write_buf; /* tty_write's bounce buffer */
};

/* tty->flags bits */
#define TTY_THROTTLED 0
#define TTY_IO_ERROR 1 /* reads/writes fail with EIO */
#define TTY_OTHER_CLOSED 2 /* pty: the other side is gone */
#define TTY_EXCLUSIVE 3 /* TIOCEXCL: only root may reopen */
#define TTY_DO_WRITE_WAKEUP 5
#define TTY_LDISC_OPEN 11
#define TTY_PTY_LOCK 16 /* pty slave locked (TIOCSPTLCK) */
#define TTY_NO_WRITE_SPLIT 17
#define TTY_HUPPED 18 /* hung up: tty_hung_up_p() */
#define TTY_HUPPING 19
#define TTY_LDISC_CHANGING 20
#define TTY_LDISC_HALTED 22

/* A file's link to its tty (file->private_data). */
struct tty_file_private {
	struct tty_struct *tty;
	struct file *file;
	struct list_head list;
	bool hung_up; /* this open was hung up: EOF / EIO */
};

/* termios flag tests, as Linux names them. */
#define _I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define _O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))
#define _C_FLAG(tty, f) ((tty)->termios.c_cflag & (f))
#define _L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))

#define INTR_CHAR(tty) ((tty)->termios.c_cc[VINTR])
#define QUIT_CHAR(tty) ((tty)->termios.c_cc[VQUIT])
#define ERASE_CHAR(tty) ((tty)->termios.c_cc[VERASE])
#define KILL_CHAR(tty) ((tty)->termios.c_cc[VKILL])
#define EOF_CHAR(tty) ((tty)->termios.c_cc[VEOF])
#define TIME_CHAR(tty) ((tty)->termios.c_cc[VTIME])
#define MIN_CHAR(tty) ((tty)->termios.c_cc[VMIN])
#define START_CHAR(tty) ((tty)->termios.c_cc[VSTART])
#define STOP_CHAR(tty) ((tty)->termios.c_cc[VSTOP])
#define SUSP_CHAR(tty) ((tty)->termios.c_cc[VSUSP])
#define EOL_CHAR(tty) ((tty)->termios.c_cc[VEOL])
#define REPRINT_CHAR(tty) ((tty)->termios.c_cc[VREPRINT])
#define WERASE_CHAR(tty) ((tty)->termios.c_cc[VWERASE])
#define LNEXT_CHAR(tty) ((tty)->termios.c_cc[VLNEXT])
#define EOL2_CHAR(tty) ((tty)->termios.c_cc[VEOL2])

#define I_IGNBRK(tty) _I_FLAG((tty), IGNBRK)
#define I_BRKINT(tty) _I_FLAG((tty), BRKINT)
#define I_IGNPAR(tty) _I_FLAG((tty), IGNPAR)
#define I_PARMRK(tty) _I_FLAG((tty), PARMRK)
#define I_INPCK(tty) _I_FLAG((tty), INPCK)
#define I_ISTRIP(tty) _I_FLAG((tty), ISTRIP)
#define I_INLCR(tty) _I_FLAG((tty), INLCR)
#define I_IGNCR(tty) _I_FLAG((tty), IGNCR)
#define I_ICRNL(tty) _I_FLAG((tty), ICRNL)
#define I_IUCLC(tty) _I_FLAG((tty), IUCLC)
#define I_IXON(tty) _I_FLAG((tty), IXON)
#define I_IXANY(tty) _I_FLAG((tty), IXANY)
#define I_IXOFF(tty) _I_FLAG((tty), IXOFF)

#define O_OPOST(tty) _O_FLAG((tty), OPOST)
#define O_OLCUC(tty) _O_FLAG((tty), OLCUC)
#define O_ONLCR(tty) _O_FLAG((tty), ONLCR)
#define O_OCRNL(tty) _O_FLAG((tty), OCRNL)
#define O_ONOCR(tty) _O_FLAG((tty), ONOCR)
#define O_ONLRET(tty) _O_FLAG((tty), ONLRET)
#define O_TABDLY(tty) _O_FLAG((tty), TABDLY)

#define C_BAUD(tty) _C_FLAG((tty), CBAUD)
#define C_CSIZE(tty) _C_FLAG((tty), CSIZE)
#define C_CSTOPB(tty) _C_FLAG((tty), CSTOPB)
#define C_CREAD(tty) _C_FLAG((tty), CREAD)
#define C_PARENB(tty) _C_FLAG((tty), PARENB)
#define C_PARODD(tty) _C_FLAG((tty), PARODD)
#define C_HUPCL(tty) _C_FLAG((tty), HUPCL)
#define C_CLOCAL(tty) _C_FLAG((tty), CLOCAL)

#define L_ISIG(tty) _L_FLAG((tty), ISIG)
#define L_ICANON(tty) _L_FLAG((tty), ICANON)
#define L_ECHO(tty) _L_FLAG((tty), ECHO)
#define L_ECHOE(tty) _L_FLAG((tty), ECHOE)
#define L_ECHOK(tty) _L_FLAG((tty), ECHOK)
#define L_ECHONL(tty) _L_FLAG((tty), ECHONL)
#define L_NOFLSH(tty) _L_FLAG((tty), NOFLSH)
#define L_TOSTOP(tty) _L_FLAG((tty), TOSTOP)
#define L_ECHOCTL(tty) _L_FLAG((tty), ECHOCTL)
#define L_ECHOPRT(tty) _L_FLAG((tty), ECHOPRT)
#define L_ECHOKE(tty) _L_FLAG((tty), ECHOKE)
#define L_IEXTEN(tty) _L_FLAG((tty), IEXTEN)
#define L_EXTPROC(tty) _L_FLAG((tty), EXTPROC)

/* Lifetime (tty_io.c). */
static inline struct tty_struct *tty_kref_get(struct tty_struct *tty)
{
	if (tty)
		refcount_inc(&tty->kref);
	return tty;
}
void tty_kref_put(struct tty_struct *tty);
void tty_lock(struct tty_struct *tty);
void tty_unlock(struct tty_struct *tty);

/* Opening and the file side (tty_io.c). */
struct tty_struct *tty_alloc_struct(struct tty_driver *driver, int idx);
struct tty_struct *tty_init_dev(struct tty_driver *driver, int idx);
int tty_alloc_file(struct file *file);
void tty_free_file(struct file *file);
void tty_add_file(struct tty_struct *tty, struct file *file);
struct tty_struct *file_tty(struct file *file);
extern const struct file_operations tty_fops;
int tty_name_to_driver(const char *name, int *index,
		       struct tty_driver **driver);

/* Output, wakeups and hangup (tty_io.c). */
void tty_wakeup(struct tty_struct *tty);
void tty_hangup(struct tty_struct *tty);
void tty_vhangup(struct tty_struct *tty);
void tty_vhangup_slave(struct tty_struct *tty);
void tty_vhangup_session(struct tty_struct *tty);
bool tty_hung_up_p(struct file *filp);
void stop_tty(struct tty_struct *tty);
void start_tty(struct tty_struct *tty);
void __stop_tty(struct tty_struct *tty);
void __start_tty(struct tty_struct *tty);
unsigned int tty_write_room(struct tty_struct *tty);
unsigned int tty_chars_in_buffer(struct tty_struct *tty);
void tty_driver_flush_buffer(struct tty_struct *tty);
int tty_put_char(struct tty_struct *tty, u8 c);

static inline bool tty_io_error(struct tty_struct *tty)
{
	return test_bit(TTY_IO_ERROR, &tty->flags);
}

/* termios (tty_ioctl.c). */
int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
void tty_wait_until_sent(struct tty_struct *tty, long timeout);
int tty_set_termios(struct tty_struct *tty, struct ktermios *kt);
speed_t tty_termios_baud_rate(const struct ktermios *termios);
void tty_termios_encode_baud_rate(struct ktermios *termios, speed_t ibaud,
				  speed_t obaud);
int tty_perform_flush(struct tty_struct *tty, unsigned long arg);

/* Job control (tty_jobctrl.c). */
int tty_check_change(struct tty_struct *tty);
int __tty_check_change(struct tty_struct *tty, int sig);
int tty_jobctrl_ioctl(struct tty_struct *tty, struct tty_struct *real_tty,
		      struct file *file, unsigned int cmd, unsigned long arg);
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
struct tty_struct *get_current_tty(void);
void disassociate_ctty(int on_exit);
void proc_clear_tty(struct task_struct *p);
void session_clear_tty(pid_t session);
void no_tty(void);
pid_t tty_get_pgrp(struct tty_struct *tty);
int tty_signal_session_leader(struct tty_struct *tty, int exit_session);
/* Signal a process group from the tty layer (ISIG, SIGWINCH, SIGTTOU). */
int tty_kill_pgrp(pid_t pgrp, int sig, int priv);
/* Tests: see the signals the tty layer sends instead of sending them. */
extern int (*tty_kill_pgrp_hook)(pid_t pgrp, int sig, int priv);
extern int (*tty_send_sig_hook)(int sig, struct task_struct *p, int priv);

/* Flip buffers (tty_buffer.c). */
void tty_buffer_init(struct tty_port *port);
void tty_buffer_free_all(struct tty_port *port);
void tty_buffer_flush(struct tty_struct *tty);
void tty_buffer_restart_work(struct tty_port *port);
void tty_buffer_cancel_work(struct tty_port *port);
unsigned int tty_buffer_space_avail(struct tty_port *port);
unsigned int tty_buffer_count(struct tty_port *port);

/* Line discipline glue (tty_ldisc.c). */
int tty_ldisc_init(struct tty_struct *tty);
void tty_ldisc_deinit(struct tty_struct *tty);
int tty_ldisc_setup(struct tty_struct *tty);
void tty_ldisc_release(struct tty_struct *tty);
void tty_ldisc_flush(struct tty_struct *tty);
void tty_ldisc_hangup(struct tty_struct *tty);
size_t tty_ldisc_receive_buf(struct tty_struct *tty, const u8 *cp, const u8 *fp,
			     size_t count);

/* The console tty (/dev/console): set by the console's driver. */
struct tty_driver *console_device(int *index);

/* For /proc/tty/drivers and tests. */
extern struct list_head tty_drivers;
extern struct mutex tty_mutex;

#endif /* _LINUX_TTY_H */
