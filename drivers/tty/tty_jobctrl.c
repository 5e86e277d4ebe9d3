/*
 * Controlling terminals and job control.
 *
 * A session leader acquires a controlling tty by opening a terminal
 * without O_NOCTTY while it has none (and the tty belongs to no
 * session), or with TIOCSCTTY.  The tty then records the session and
 * its foreground process group; signals typed at it go to that group,
 * and a process of another group that reads it gets SIGTTIN (writes
 * with TOSTOP, and termios changes, SIGTTOU) -- or EIO when its group
 * is orphaned or the signal is ignored or blocked, since nobody would
 * ever continue it.
 *
 * Locking: ctty_lock guards signal->tty of every task (the tty layer
 * is the only writer; fork copies it with tty_kref_get), taken inside
 * tasklist_lock; tty->ctrl_lock guards tty->pgrp/session, taken inside
 * ctty_lock.  Each signal->tty pointer holds a tty reference.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

static DEFINE_SPINLOCK(ctty_lock);

int (*tty_kill_pgrp_hook)(pid_t pgrp, int sig, int priv);
/* Tests: signals for one task (session leaders at hangup). */
int (*tty_send_sig_hook)(int sig, struct task_struct *p, int priv);

/**
 * tty_kill_pgrp - signal process group @pgrp on behalf of a tty.
 * @pgrp: the group
 * @sig: the signal
 * @priv: 1 when the kernel sends it (no permission checks)
 */
int tty_kill_pgrp(pid_t pgrp, int sig, int priv)
{
	int (*hook)(pid_t, int, int) = READ_ONCE(tty_kill_pgrp_hook);

	if (hook)
		return hook(pgrp, sig, priv);
	return kill_pgrp(pgrp, sig, priv);
}

static int tty_send_sig(int sig, struct task_struct *p, int priv)
{
	int (*hook)(int, struct task_struct *, int) =
		READ_ONCE(tty_send_sig_hook);

	if (hook)
		return hook(sig, p, priv);
	return send_sig(sig, p, priv);
}

/** tty_get_pgrp - @tty's foreground process group, 0 if none. */
pid_t tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return pgrp;
}

/** get_current_tty - current's controlling tty with a reference, or NULL. */
struct tty_struct *get_current_tty(void)
{
	struct tty_struct *tty = NULL;
	unsigned long flags;

	if (!current->signal)
		return NULL;
	spin_lock_irqsave(&ctty_lock, flags);
	tty = tty_kref_get(current->signal->tty);
	spin_unlock_irqrestore(&ctty_lock, flags);
	return tty;
}

/* Make @tty current's controlling tty, current's group foreground. */
static void __proc_set_tty(struct tty_struct *tty)
{
	struct tty_struct *old;
	unsigned long flags;

	spin_lock_irqsave(&ctty_lock, flags);
	spin_lock(&tty->ctrl_lock);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock(&tty->ctrl_lock);
	old = current->signal->tty;
	current->signal->tty = tty_kref_get(tty);
	spin_unlock_irqrestore(&ctty_lock, flags);
	tty_kref_put(old);
}

/**
 * proc_clear_tty - @p no longer has a controlling tty.
 * @p: a task (its whole thread group: signal_struct is shared)
 *
 * For setsid() and the exit path.  Drops the reference.
 */
void proc_clear_tty(struct task_struct *p)
{
	struct tty_struct *tty;
	unsigned long flags;

	if (!p->signal)
		return;
	spin_lock_irqsave(&ctty_lock, flags);
	tty = p->signal->tty;
	p->signal->tty = NULL;
	spin_unlock_irqrestore(&ctty_lock, flags);
	tty_kref_put(tty);
}

/**
 * session_clear_tty - every process of @session loses its ctty.
 * @session: session id
 */
void session_clear_tty(pid_t session)
{
	struct task_struct *p;
	unsigned long flags;

	if (!session)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
	{
		struct tty_struct *tty;

		if (!p->signal || p->signal->session != session)
			continue;
		spin_lock(&ctty_lock);
		tty = p->signal->tty;
		p->signal->tty = NULL;
		spin_unlock(&ctty_lock);
		tty_kref_put(tty); /* deferred free: fine under the lock */
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * The session of process group @pgrp, or -ESRCH if no process is in
 * it.  The pid hash (kernel/pid.c) finds tasks by pid only; with no
 * per-group lists (Linux's struct pid), this walks every process, as
 * kill_pgrp() does.
 */
static pid_t session_of_pgrp(pid_t pgrp)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t sid = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
	{
		if (p->signal && p->signal->pgrp == pgrp) {
			sid = p->signal->session;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (sid == -ESRCH && current->signal && current->signal->pgrp == pgrp)
		sid = current->signal->session; /* not listed yet */
	return sid;
}

/**
 * tty_signal_session_leader - a hangup reaches @tty's session.
 * @tty: the tty being hung up
 * @exit_session: the leader is exiting: SIGHUP and SIGCONT to the
 *	foreground group as well
 *
 * Every process of the session loses @tty as its controlling tty; the
 * leader gets SIGHUP and SIGCONT.  Returns how many ctty references
 * were taken from processes (the caller drops them).
 */
int tty_signal_session_leader(struct tty_struct *tty, int exit_session)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t session, pgrp;
	int refs = 0;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	session = tty->session;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	if (session) {
		spin_lock_irqsave(&tasklist_lock, flags);
		for_each_process(p)
		{
			if (!p->signal || p->signal->session != session)
				continue;
			spin_lock(&ctty_lock);
			if (p->signal->tty == tty) {
				p->signal->tty = NULL;
				refs++;
			}
			spin_unlock(&ctty_lock);
			if (!p->signal->leader)
				continue;
			tty_send_sig(SIGHUP, p, 1);
			tty_send_sig(SIGCONT, p, 1);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	if (pgrp && exit_session) {
		tty_kill_pgrp(pgrp, SIGHUP, 1);
		tty_kill_pgrp(pgrp, SIGCONT, 1);
	}
	return refs;
}

/**
 * disassociate_ctty - the session leader gives up its controlling tty.
 * @on_exit: 1 from do_exit(), 0 from TIOCNOTTY/setsid
 *
 * The foreground group gets SIGHUP and SIGCONT (on exit; a serial
 * terminal is hung up as well, so processes still holding it open
 * read EOF), the tty forgets the session and every process of the
 * session loses it.  No-op for a process that is not a session leader.
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	unsigned long flags;

	if (!current->signal || !current->signal->leader)
		return;
	tty = get_current_tty();
	if (tty) {
		if (on_exit && tty->driver->type != TTY_DRIVER_TYPE_PTY) {
			tty_vhangup_session(tty);
		} else {
			pid_t pgrp = tty_get_pgrp(tty);

			if (pgrp) {
				tty_kill_pgrp(pgrp, SIGHUP, on_exit);
				tty_kill_pgrp(pgrp, SIGCONT, on_exit);
			}
		}
		tty_kref_put(tty);
	}
	tty = get_current_tty();
	if (tty) {
		spin_lock_irqsave(&tty->ctrl_lock, flags);
		tty->session = 0;
		tty->pgrp = 0;
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		tty_kref_put(tty);
	}
	session_clear_tty(task_session_nr(current));
}

/** no_tty - TIOCNOTTY, setsid(): current drops its controlling tty. */
void no_tty(void)
{
	disassociate_ctty(0);
	proc_clear_tty(current);
}

/**
 * tty_open_proc_set_tty - an open may make @tty the controlling tty.
 * @filp: the file (opened for reading, without O_NOCTTY)
 * @tty: the tty, locked
 *
 * Linux's rule: only a session leader without one, only a tty no
 * session controls, and only with read access.
 */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	bool set;
	unsigned long flags;

	if (!current->signal || !(filp->f_mode & FMODE_READ))
		return;
	spin_lock_irqsave(&ctty_lock, flags);
	set = current->signal->leader && !current->signal->tty && !tty->session;
	spin_unlock_irqrestore(&ctty_lock, flags);
	if (set)
		__proc_set_tty(tty);
}

/**
 * __tty_check_change - may current act on @tty, or is it background?
 * @tty: the tty
 * @sig: SIGTTIN (reads) or SIGTTOU (writes, termios changes)
 *
 * Returns 0 when allowed, -ERESTARTSYS after signalling current's
 * group (the call restarts once it is continued), -EIO when the
 * group is orphaned or the signal ignored/blocked (a SIGTTOU that is
 * ignored lets the write through).
 */
int __tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp, tty_pgrp;

	if (!current->signal || READ_ONCE(current->signal->tty) != tty)
		return 0;
	pgrp = task_pgrp_nr(current);
	tty_pgrp = tty_get_pgrp(tty);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	tty_kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	unsigned long flags;
	pid_t session;
	int ret = 0;

	if (!current->signal)
		return -EPERM;
	tty_lock(tty);
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	session = tty->session;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	if (current->signal->leader && task_session_nr(current) == session)
		goto unlock; /* already ours */
	if (!current->signal->leader || READ_ONCE(current->signal->tty)) {
		ret = -EPERM;
		goto unlock;
	}
	if (session) {
		/* Another session's: only root may steal it, by asking. */
		if (arg != 1 || !capable(CAP_SYS_ADMIN)) {
			ret = -EPERM;
			goto unlock;
		}
		session_clear_tty(session);
	}
	if (!(file->f_mode & FMODE_READ) && !capable(CAP_SYS_ADMIN)) {
		ret = -EPERM;
		goto unlock;
	}
	__proc_set_tty(tty);
unlock:
	tty_unlock(tty);
	return ret;
}

/* Only our own controlling tty answers TIOCGPGRP/TIOCGSID (a pty
 * master answers for its slave). */
static bool not_our_ctty(struct tty_struct *tty, struct tty_struct *real_tty)
{
	return tty == real_tty && (!current->signal ||
				   READ_ONCE(current->signal->tty) != real_tty);
}

static int tiocspgrp(struct tty_struct *tty, struct tty_struct *real_tty,
		     pid_t __user *p)
{
	unsigned long flags;
	pid_t pgrp;
	int retval;

	retval = tty_check_change(real_tty);
	if (retval == -EIO)
		return -ENOTTY;
	if (retval)
		return retval;
	if (!current->signal || READ_ONCE(current->signal->tty) != real_tty ||
	    real_tty->session != task_session_nr(current))
		return -ENOTTY;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	retval = session_of_pgrp(pgrp);
	if (retval < 0)
		return retval;
	if (retval != task_session_nr(current))
		return -EPERM;
	spin_lock_irqsave(&real_tty->ctrl_lock, flags);
	real_tty->pgrp = pgrp;
	spin_unlock_irqrestore(&real_tty->ctrl_lock, flags);
	return 0;
}

/**
 * tty_jobctrl_ioctl - TIOCNOTTY, TIOCSCTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID.
 * @tty: the tty of the file
 * @real_tty: the one acted on (a pty master's slave)
 * @file: the file
 * @cmd: the ioctl
 * @arg: its argument
 *
 * Returns -ENOIOCTLCMD for other commands.
 */
int tty_jobctrl_ioctl(struct tty_struct *tty, struct tty_struct *real_tty,
		      struct file *file, unsigned int cmd, unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;
	pid_t v;

	switch (cmd) {
	case TIOCNOTTY:
		if (!current->signal || READ_ONCE(current->signal->tty) != tty)
			return -ENOTTY;
		no_tty();
		return 0;
	case TIOCSCTTY:
		return tiocsctty(real_tty, file, arg);
	case TIOCGPGRP:
		if (not_our_ctty(tty, real_tty))
			return -ENOTTY;
		return put_user(tty_get_pgrp(real_tty), p);
	case TIOCSPGRP:
		return tiocspgrp(tty, real_tty, p);
	case TIOCGSID:
		if (not_our_ctty(tty, real_tty))
			return -ENOTTY;
		v = READ_ONCE(real_tty->session);
		if (!v)
			return -ENOTTY;
		return put_user(v, p);
	default:
		return -ENOIOCTLCMD;
	}
}
