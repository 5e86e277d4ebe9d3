/*
 * Signals: their state, sending, delivery decisions and job control.
 *
 * Every thread group (process) has a signal_struct (shared pending set,
 * group exit and stop, pgrp/session, rlimits); every set of threads
 * sharing handlers (CLONE_SIGHAND) a sighand_struct whose siglock guards
 * all of it.  A signal is a bit in a pending set -- the thread's own
 * (tkill, faults) or the group's (kill) -- plus a queued siginfo:
 *
 *	send_signal_locked()  prepare_signal: stop/continue side effects,
 *	                      drop ignored signals
 *	                      queue: standard signals coalesce, RT signals
 *	                      queue one siginfo per send (RLIMIT_SIGPENDING)
 *	                      complete_signal: pick a thread that does not
 *	                      block it, wake it; a fatal signal kills the
 *	                      whole group at once
 *	get_signal()          on the way back to user mode: dequeue, run
 *	                      the default action (ignore, stop, terminate)
 *	                      or return the handler for the arch code to
 *	                      build a frame (arch/x86/kernel/signal.c)
 *
 * Job control: a stop signal makes every thread of the group stop in
 * get_signal(); the last one to stop tells the parent (CLD_STOPPED).
 * SIGCONT wakes them all and the parent hears CLD_CONTINUED.
 *
 * Lock order: tasklist_lock, then siglock.  Pids are global numbers.
 */
#include <linux/bug.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "signal_internal.h"

/* ---------------------------------------------------------------- */
/* Creating, sharing and releasing the signal state                  */
/* ---------------------------------------------------------------- */

static void init_signal_struct(struct signal_struct *sig)
{
	refcount_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	hrtimer_init(&sig->real_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	sig->real_timer.function = it_real_fn;
}

/**
 * copy_sighand - give the new task @p its handlers.
 * @clone_flags: CLONE_SIGHAND shares current's; otherwise a copy
 * @p: the task being created
 *
 * Process context, may sleep.  Returns 0 or -ENOMEM.
 */
int copy_sighand(unsigned long clone_flags, struct task_struct *p)
{
	struct sighand_struct *sig;
	unsigned long flags;

	if (clone_flags & CLONE_SIGHAND) {
		refcount_inc(&current->sighand->count);
		p->sighand = current->sighand;
		return 0;
	}
	sig = kmalloc(sizeof(*sig), GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	refcount_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	init_waitqueue_head(&sig->signalfd_wqh);
	spin_lock_irqsave(&current->sighand->siglock, flags);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	p->sighand = sig;
	return 0;
}

/**
 * copy_signal - give the new task @p its thread group's signal state.
 * @clone_flags: CLONE_THREAD joins current's group; otherwise a new
 *	group inheriting the rlimits, process group, session and tty
 * @p: the task being created; its pid need not be known yet
 *
 * Process context, may sleep.  Returns 0 or -ENOMEM.  A new group
 * starts with nr_threads = live = 1 and an empty thread list;
 * signal_link_thread() links the task in.
 */
int copy_signal(unsigned long clone_flags, struct task_struct *p)
{
	struct signal_struct *cur = current->signal, *sig;
	unsigned long flags;

	if (clone_flags & CLONE_THREAD) {
		refcount_inc(&cur->sigcnt);
		p->signal = cur;
		return 0;
	}
	sig = kzalloc(sizeof(*sig), GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	init_signal_struct(sig);
	spin_lock_irqsave(&current->sighand->siglock, flags);
	memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
	sig->pgrp = cur->pgrp;
	sig->session = cur->session;
	/* The ctty (and its reference) comes in signal_link_thread(). */
	sig->has_child_subreaper = cur->has_child_subreaper ||
				   cur->is_child_subreaper;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	p->signal = sig;
	return 0;
}

/**
 * signal_link_thread - make the new task @p a member of its group.
 * @p: a task copy_signal() prepared, its pid known
 *
 * copy_process calls it once nothing can fail any more, under
 * tasklist_lock: the group's thread list changes under its siglock as
 * well, since senders walk it holding only that.  A new thread
 * (CLONE_THREAD) counts in nr_threads and live; the first thread of a
 * new group was counted by copy_signal().  __exit_signal() undoes it.
 *
 * A new group inherits current's controlling tty with a reference of
 * its own: the tty code drops one reference for every process it takes
 * the tty from (hangup, TIOCNOTTY, setsid), and __exit_signal() drops
 * it when the group dies.  Taken under tasklist_lock, so no session
 * walk of the tty code can miss the new process.
 */
void signal_link_thread(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	if (list_empty(&sig->thread_head))
		sig->tty = get_current_tty();
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (!list_empty(&sig->thread_head)) {
		sig->nr_threads++;
		atomic_inc(&sig->live);
	}
	list_add_tail(&p->thread_node, &sig->thread_head);
	if (thread_group_leader(p))
		sig->leader_pid = p->tgid;
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

/**
 * init_task_signal_state - the per-thread signal state of a new task.
 * @p: the task being created (a copy of current)
 * @clone_flags: CLONE_VM without CLONE_VFORK drops the alternate stack
 *
 * Nothing pending, the parent's blocked mask, no stop in progress.
 */
void init_task_signal_state(struct task_struct *p, unsigned long clone_flags)
{
	init_sigpending(&p->pending);
	sigemptyset(&p->real_blocked);
	sigemptyset(&p->saved_sigmask);
	p->restore_sigmask = false;
	p->jobctl = 0;
	p->pdeath_signal = 0;
	p->restart_block.fn = do_no_restart_syscall;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = 0;
		p->sas_ss_size = 0;
		p->sas_ss_flags = SS_DISABLE;
	}
	clear_tsk_thread_flag(p, TIF_SIGPENDING);
}

static void free_sighand_rcu(struct rcu_head *rcu)
{
	kfree(container_of(rcu, struct sighand_struct, rcu));
}

/**
 * __cleanup_sighand - drop a reference to @sighand.
 *
 * The last one frees it after an RCU grace period, so that
 * lock_task_sighand() of a racing sender never locks freed memory.
 */
void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (!sighand || !refcount_dec_and_test(&sighand->count))
		return;
	if (WARN_ON_ONCE(sighand == &init_sighand))
		return;
	call_rcu(&sighand->rcu, free_sighand_rcu);
}

/**
 * put_signal_struct - drop a reference to @sig (free_task's).
 *
 * The last one flushes what is still queued and frees it.  Any
 * context: the ITIMER_REAL timer was cancelled when the last thread
 * left (__exit_signal), or never ran.
 */
void put_signal_struct(struct signal_struct *sig)
{
	if (!sig || !refcount_dec_and_test(&sig->sigcnt))
		return;
	if (WARN_ON_ONCE(sig == &init_signals))
		return;
	WARN_ON_ONCE(hrtimer_try_to_cancel(&sig->real_timer) < 0);
	flush_sigqueue(&sig->shared_pending);
	kfree(sig);
}

/**
 * __exit_signal - take the exited task @tsk out of its thread group.
 *
 * release_task() calls it; @tsk runs no more.  It leaves the thread
 * list (nr_threads counts one less), its times go to the group's, its
 * pending signals are dropped (the group's too when it is the last
 * thread), its sighand reference is dropped.  Also undoes a failed
 * copy_process() (a task never linked is only uncounted if linked).  The signal_struct
 * reference stays until put_signal_struct() in free_task.
 */
void __exit_signal(struct task_struct *tsk)
{
	struct sighand_struct *sighand = tsk->sighand;
	struct signal_struct *sig = tsk->signal;
	struct tty_struct *tty = NULL;
	unsigned long flags;
	bool group_dead;

	if (!sighand)
		return;
	spin_lock_irqsave(&sighand->siglock, flags);
	sig->utime += tsk->utime;
	sig->stime += tsk->stime;
	sig->nvcsw += tsk->nvcsw;
	sig->nivcsw += tsk->nivcsw;
	if (!list_empty(&tsk->thread_node)) { /* linked = counted */
		list_del_init(&tsk->thread_node);
		sig->nr_threads--;
	}
	if (sig->curr_target == tsk)
		sig->curr_target = NULL;
	flush_sigqueue(&tsk->pending);
	group_dead = !sig->nr_threads;
	if (group_dead) {
		flush_sigqueue(&sig->shared_pending);
		/* Out of the task list: no tty session walk reaches it. */
		tty = sig->tty;
		sig->tty = NULL;
	}
	tsk->sighand = NULL;
	spin_unlock_irqrestore(&sighand->siglock, flags);
	tty_kref_put(tty);
	/* Its callback takes the siglock: cancel it unlocked. */
	if (group_dead && sig != &init_signals)
		hrtimer_cancel(&sig->real_timer);
	__cleanup_sighand(sighand);
	clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
}

/**
 * flush_signal_handlers - reset the handlers of @t for exec.
 * @t: the task (current, single-threaded by now)
 * @force_default: reset ignored signals too
 *
 * Caught signals go back to SIG_DFL (the handler's code is gone); as
 * POSIX wants, ignored ones stay ignored unless @force_default.
 */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct k_sigaction *ka = &t->sighand->action[0];
	int i;

	for (i = _NSIG; i; i--, ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

/**
 * flush_sigqueue - empty @queue and free its siginfos.
 *
 * The owner's siglock held, or the queue private to the caller.
 */
void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	sigemptyset(&queue->signal);
	list_for_each_entry_safe(q, n, &queue->list, list) {
		list_del_init(&q->list);
		__sigqueue_free(q);
	}
}

/** flush_signals - drop every signal pending for @t (and its group). */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	flush_sigqueue(&t->pending);
	flush_sigqueue(&t->signal->shared_pending);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/**
 * ignore_signals - make @t ignore every signal (kernel threads).
 *
 * kthreadd calls it for itself; the threads it creates copy its
 * handlers, so signals sent to kernel threads are dropped at once.
 */
void ignore_signals(struct task_struct *t)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (i = 0; i < _NSIG; i++)
		t->sighand->action[i].sa.sa_handler = SIG_IGN;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	flush_signals(t);
}

/**
 * lock_task_sighand - lock the sighand of @t, which may be exiting.
 * @t: a task the caller holds a reference to
 * @flags: saved irq state for unlock_task_sighand()
 *
 * Any context.  Returns the locked sighand, or NULL when @t has been
 * released (__exit_signal) and takes no more signals.
 */
struct sighand_struct *lock_task_sighand(struct task_struct *t,
					 unsigned long *flags)
{
	struct sighand_struct *sighand;

	rcu_read_lock();
	for (;;) {
		sighand = READ_ONCE(t->sighand);
		if (!sighand)
			break;
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (likely(sighand == t->sighand))
			break;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
	rcu_read_unlock();
	return sighand;
}

/* ---------------------------------------------------------------- */
/* Pending state                                                     */
/* ---------------------------------------------------------------- */

static bool has_pending_signals(const sigset_t *signal, const sigset_t *blocked)
{
	return signal->sig[0] & ~blocked->sig[0];
}

/**
 * recalc_sigpending_tsk - set TIF_SIGPENDING if @t has work.
 *
 * siglock held.  Returns true if it set it; never clears it, since
 * only the task itself may (recalc_sigpending()).
 */
bool recalc_sigpending_tsk(struct task_struct *t)
{
	if ((t->jobctl & JOBCTL_PENDING_MASK) ||
	    has_pending_signals(&t->pending.signal, &t->blocked) ||
	    has_pending_signals(&t->signal->shared_pending.signal,
				&t->blocked)) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	return false;
}

/** recalc_sigpending - make current's TIF_SIGPENDING exact; siglock held. */
void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

static void recalc_sigpending_and_wake(struct task_struct *t)
{
	if (recalc_sigpending_tsk(t))
		signal_wake_up(t, false);
}

/**
 * signal_wake_up_state - tell @t a signal is pending.
 * @t: the task; its siglock held
 * @state: extra sleep states to end (TASK_WAKEKILL for SIGKILL)
 *
 * An interruptible sleeper wakes; a task running on another CPU gets a
 * reschedule IPI so its return to user mode sees the flag at once.
 */
void signal_wake_up_state(struct task_struct *t, unsigned int state)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	if (!wake_up_state(t, state | TASK_INTERRUPTIBLE)) {
		int cpu = READ_ONCE(t->cpu);

		if (READ_ONCE(t->on_cpu) && cpu != smp_processor_id())
			smp_send_reschedule(cpu);
	}
}

/** flush_sigqueue_mask - remove the signals in @mask from @s, with their siginfos. */
void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s)
{
	struct sigqueue *q, *n;
	sigset_t m;

	sigandsets(&m, mask, &s->signal);
	if (sigisemptyset(&m))
		return;
	sigandnsets(&s->signal, &s->signal, mask);
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del_init(&q->list);
			__sigqueue_free(q);
		}
	}
}

/* ... from the group's set and every thread's; siglock held. */
static void flush_group_sigqueue_mask(struct task_struct *p,
				      const sigset_t *mask)
{
	struct task_struct *t;

	flush_sigqueue_mask(mask, &p->signal->shared_pending);
	for_each_thread(p, t) flush_sigqueue_mask(mask, &t->pending);
}

/* ---------------------------------------------------------------- */
/* siginfo queue                                                      */
/* ---------------------------------------------------------------- */

/*
 * A siginfo charged to @t's real user.  Standard signals and signals
 * the kernel sends may exceed RLIMIT_SIGPENDING (@override): only RT
 * signals from user space are refused.  Any context (GFP_ATOMIC).
 */
static struct sigqueue *__sigqueue_alloc(int sig, struct task_struct *t,
					 bool override)
{
	struct user_struct *user = t->real_cred->user;
	struct sigqueue *q = NULL;
	int n;

	n = atomic_inc_return(&user->sigpending);
	if (override || n <= task_rlimit(t, RLIMIT_SIGPENDING))
		q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (!q) {
		atomic_dec(&user->sigpending);
		return NULL;
	}
	INIT_LIST_HEAD(&q->list);
	q->flags = 0;
	q->user = get_uid(user);
	return q;
}

void __sigqueue_free(struct sigqueue *q)
{
	if (q->flags & SIGQUEUE_PREALLOC)
		return;
	atomic_dec(&q->user->sigpending);
	free_uid(q->user);
	kfree(q);
}

/* ---------------------------------------------------------------- */
/* Sending                                                           */
/* ---------------------------------------------------------------- */

/*
 * Would @t discard @sig right away?  A blocked signal is never ignored
 * here: the handler may change before it is unblocked.  init drops
 * what it has no handler for, even SIGKILL, unless the kernel forces.
 */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler;

	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	handler = sig_handler(t, sig);
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

static bool task_is_stopped(const struct task_struct *t)
{
	return t->jobctl & JOBCTL_STOPPED;
}

static void task_clear_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (mask & JOBCTL_STOP_PENDING)
		mask |= JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;
	t->jobctl &= ~mask;
}

static void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags)
{
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | flags;
}

/*
 * The side effects of a signal on arrival, before it is queued: a stop
 * signal cancels a pending SIGCONT; SIGCONT cancels pending stop
 * signals, ends a stop (even if SIGCONT itself is ignored or blocked)
 * and arranges CLD_CONTINUED for the parent.  Returns whether the
 * signal is to be queued at all.  siglock held.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	sigset_t flush;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false; /* dying: nothing more matters */
	if (sig_kernel_stop(sig)) {
		siginitset(&flush, sigmask(SIGCONT));
		flush_group_sigqueue_mask(p, &flush);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		siginitset(&flush, SIG_KERNEL_STOP_MASK);
		flush_group_sigqueue_mask(p, &flush);
		for_each_thread(p, t)
		{
			task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
			t->jobctl &= ~JOBCTL_STOPPED;
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED; /* stop was underway */
		if (why) {
			signal_set_stop_flags(signal,
					      why | SIGNAL_STOP_CONTINUED);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/*
 * Can @p take @sig now?  Not if it blocks it or is exiting; a stopped
 * task only for SIGKILL; a task already told of another signal only if
 * it is running (it will see this one too).
 */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig))
		return false;
	if (p->flags & PF_EXITING)
		return false;
	if (sig == SIGKILL)
		return true;
	if (task_is_stopped(p))
		return false;
	return READ_ONCE(p->on_cpu) || !signal_pending(p);
}

static bool sig_fatal(struct task_struct *t, int sig)
{
	return !siginmask(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
	       sig_handler(t, sig) == SIG_DFL;
}

/*
 * A signal was queued for @p (@type: the thread alone, or its group):
 * find a thread to handle it and wake it.  A fatal default action
 * (other than a core dump's, which one thread performs) kills the
 * whole group here: every thread gets SIGKILL.  siglock held.
 */
static void complete_signal(int sig, struct task_struct *p, enum pid_type type)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (type == PIDTYPE_PID || thread_group_empty(p)) {
		return; /* it will find the signal when it unblocks */
	} else {
		t = signal->curr_target ? signal->curr_target : p;
		while (!wants_signal(sig, t)) {
			t = list_next_entry(t, thread_node);
			if (&t->thread_node == &signal->thread_head)
				t = list_first_entry(&signal->thread_head,
						     struct task_struct,
						     thread_node);
			if (t ==
			    (signal->curr_target ? signal->curr_target : p))
				return; /* every thread blocks it */
		}
		signal->curr_target = t;
	}

	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig) && !sig_kernel_coredump(sig)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(p, t)
		{
			task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK);
			sigaddset(&t->pending.signal, SIGKILL);
			signal_wake_up(t, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* A standard signal already pending is not queued twice. */
static bool legacy_queue(struct sigpending *signals, int sig)
{
	return sig < SIGRTMIN && sigismember(&signals->signal, sig);
}

static void fill_sigqueue_info(struct sigqueue *q, int sig,
			       struct kernel_siginfo *info)
{
	if (info == SEND_SIG_NOINFO) {
		clear_siginfo(&q->info);
		q->info.si_signo = sig;
		q->info.si_code = SI_USER;
		q->info.si_pid = current->tgid;
		q->info.si_uid = current_uid();
	} else if (info == SEND_SIG_PRIV) {
		clear_siginfo(&q->info);
		q->info.si_signo = sig;
		q->info.si_code = SI_KERNEL;
	} else {
		q->info = *info;
	}
}

/**
 * send_signal_locked - queue @sig for @t (or its group) and wake it.
 * @sig: 1.._NSIG
 * @info: the siginfo, SEND_SIG_NOINFO (from current, a user) or
 *	SEND_SIG_PRIV (from the kernel)
 * @t: the target
 * @type: PIDTYPE_PID for @t alone; anything else for its group
 *
 * @t's siglock held; any context.  Returns 0 (also when the signal is
 * ignored or coalesced) or -EAGAIN when an RT signal sent by
 * sigqueue-like calls finds its user over RLIMIT_SIGPENDING.
 */
int send_signal_locked(int sig, struct kernel_siginfo *info,
		       struct task_struct *t, enum pid_type type)
{
	bool force = info == SEND_SIG_PRIV ||
		     (!is_si_special(info) && SI_FROMKERNEL(info));
	struct sigpending *pending;
	bool override;
	struct sigqueue *q;

	lockdep_assert_held(&t->sighand->siglock);
	if (!prepare_signal(sig, t, force))
		return 0;
	pending = type == PIDTYPE_PID ? &t->pending :
					&t->signal->shared_pending;
	if (legacy_queue(pending, sig))
		return 0;
	if (sig == SIGKILL)
		goto out_set; /* needs no siginfo, must not fail */
	/* RT signals from sigqueue()/tgsigqueueinfo honour the limit. */
	override = sig < SIGRTMIN || is_si_special(info) || info->si_code >= 0;
	q = __sigqueue_alloc(sig, t, override);
	if (q) {
		fill_sigqueue_info(q, sig, info);
		list_add_tail(&q->list, &pending->list);
	} else if (!is_si_special(info) && sig >= SIGRTMIN &&
		   info->si_code != SI_USER) {
		return -EAGAIN;
	}
out_set:
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, type);
	return 0;
}

/**
 * do_send_sig_info - send @sig to @p or its group.
 *
 * Any context.  No permission checks.  Returns 0, -EAGAIN (RT queue
 * full) or -ESRCH when @p has already been released.
 */
int do_send_sig_info(int sig, struct kernel_siginfo *info,
		     struct task_struct *p, enum pid_type type)
{
	unsigned long flags;
	int ret = -ESRCH;

	if (lock_task_sighand(p, &flags)) {
		ret = send_signal_locked(sig, info, p, type);
		unlock_task_sighand(p, &flags);
	}
	return ret;
}

/* Signals from user space carry SI_USER or a negative si_code. */
static bool si_fromuser(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_NOINFO ||
	       (!is_si_special(info) && SI_FROMUSER(info));
}

/* kill(2)'s rule: the sender's real or effective uid is the target's real or saved uid. */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred();
	const struct cred *tcred = t->real_cred;

	return cred->euid == tcred->suid || cred->euid == tcred->uid ||
	       cred->uid == tcred->suid || cred->uid == tcred->uid ||
	       capable(CAP_KILL);
}

/*
 * May current send @sig to @t?  The kernel always may; a user needs a
 * matching uid or CAP_KILL -- except SIGCONT within one session.
 */
static int check_kill_permission(int sig, struct kernel_siginfo *info,
				 struct task_struct *t)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!si_fromuser(info))
		return 0;
	if (same_thread_group(current, t) || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && task_session_nr(t) == task_session_nr(current))
		return 0;
	return -EPERM;
}

/**
 * group_send_sig_info - kill(2) to one process, with permission checks.
 * @sig: the signal; 0 only checks that it could be sent
 * @info: as send_signal_locked()
 * @p: any thread of the target process
 * @type: PIDTYPE_TGID normally
 *
 * Any context.  Returns 0, -EPERM, -EINVAL, -EAGAIN or -ESRCH.
 */
int group_send_sig_info(int sig, struct kernel_siginfo *info,
			struct task_struct *p, enum pid_type type)
{
	int ret = check_kill_permission(sig, info, p);

	if (!ret && sig)
		ret = do_send_sig_info(sig, info, p, type);
	return ret;
}

/**
 * kill_pid_info - send @sig to the process that thread @pid belongs to.
 *
 * Any context (the ITIMER_REAL timer sends SIGALRM from hardirq).
 * Returns 0 or -errno, -ESRCH when there is no such task.
 */
int kill_pid_info(int sig, struct kernel_siginfo *info, pid_t pid)
{
	struct task_struct *p = pid > 0 ? find_get_task_by_pid(pid) : NULL;
	int ret;

	if (!p)
		return -ESRCH;
	ret = group_send_sig_info(sig, info, p, PIDTYPE_TGID);
	put_task_struct(p);
	return ret;
}

/*
 * Every process of the group @pgrp: 0 if the signal reached at least
 * one, else the last error (-ESRCH for an empty group).  tasklist_lock
 * held.
 */
static int __kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp)
{
	struct task_struct *p;
	bool success = false;
	int ret = -ESRCH;

	if (pgrp <= 0)
		return -ESRCH;
	for_each_process(p)
	{
		if (!thread_group_leader(p) || !p->signal ||
		    task_pgrp_nr(p) != pgrp || !p->sighand)
			continue;
		ret = group_send_sig_info(sig, info, p, PIDTYPE_PGID);
		success |= !ret;
	}
	return success ? 0 : ret;
}

/** kill_pgrp_info - send @sig to every process of group @pgrp. */
int kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, info, pgrp);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static struct kernel_siginfo *si_special(int priv)
{
	return priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO;
}

/**
 * kill_pgrp - send @sig to process group @pgrp (the tty's job control).
 * @priv: 1 if the kernel sends it (no permission checks)
 */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return kill_pgrp_info(sig, si_special(priv), pgrp);
}

/** kill_pid - send @sig to the process with (thread) id @pid. */
int kill_pid(pid_t pid, int sig, int priv)
{
	return kill_pid_info(sig, si_special(priv), pid);
}

/** send_sig_info - send @sig to @p's process; no permission checks. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	return do_send_sig_info(sig, info, p, PIDTYPE_TGID);
}

/** send_sig - send_sig_info() with SI_KERNEL (@priv) or SI_USER info. */
int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, si_special(priv), p);
}

/*
 * A signal current cannot refuse, caused by what it just did (a fault,
 * a bad signal frame): a blocked or ignored one is unblocked and reset
 * to its default, which then kills even init.
 */
static int force_sig_info_to_task(struct kernel_siginfo *info,
				  struct task_struct *t)
{
	int sig = info->si_signo;
	struct k_sigaction *action;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	action = &t->sighand->action[sig - 1];
	if (action->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		action->sa.sa_handler = SIG_DFL;
		if (sigismember(&t->blocked, sig)) {
			sigdelset(&t->blocked, sig);
			recalc_sigpending_and_wake(t);
		}
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	ret = send_signal_locked(sig, info, t, PIDTYPE_PID);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return ret;
}

/** force_sig_info - force_sig_info_to_task() on current. */
int force_sig_info(struct kernel_siginfo *info)
{
	return force_sig_info_to_task(info, current);
}

/** force_sig - force @sig on current with SI_KERNEL info. */
int force_sig(int sig)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	return force_sig_info(&info);
}

/**
 * force_sig_fault_to_task - a fault's signal (SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGTRAP) for @t with si_code @code and si_addr @addr.
 */
int force_sig_fault_to_task(int sig, int code, void __user *addr,
			    struct task_struct *t)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	return force_sig_info_to_task(&info, t);
}

/**
 * force_sig_fault - deliver a fault's signal to current.
 * @sig: SIGSEGV, SIGBUS, SIGFPE, SIGILL or SIGTRAP
 * @code: SEGV_MAPERR, BUS_ADRERR, ...
 * @addr: the faulting address (si_addr)
 *
 * Process context (the fault handler, on its way back to user mode).
 */
int force_sig_fault(int sig, int code, void __user *addr)
{
	return force_sig_fault_to_task(sig, code, addr, current);
}

/**
 * force_sigsegv - current cannot go on (e.g. no room for a signal
 * frame): SIGSEGV with its default action, so it dies.
 */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV) {
		unsigned long flags;

		spin_lock_irqsave(&current->sighand->siglock, flags);
		current->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	force_sig(SIGSEGV);
}

/**
 * zap_other_threads - SIGKILL every other thread of @p's group.
 *
 * siglock held.  Group exit and exec use it.
 */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t)
	{
		task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK);
		if (t == p || t->exit_state)
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
}

/* ---------------------------------------------------------------- */
/* Receiving                                                          */
/* ---------------------------------------------------------------- */

/* The next signal of @pending outside @mask: synchronous ones first. */
static int next_signal(struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/*
 * Take the first siginfo of @sig off @list; the bit stays set when
 * another one is queued.  A signal with no siginfo (coalesced, or no
 * memory) gets SI_USER with zero pid and uid.
 */
static void collect_signal(int sig, struct sigpending *list,
			   kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first)
			goto still_pending;
		first = q;
	}
	sigdelset(&list->signal, sig);
still_pending:
	if (first) {
		list_del_init(&first->list);
		*info = first->info;
		__sigqueue_free(first);
	} else {
		clear_siginfo(info);
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

static int __dequeue_signal(struct sigpending *pending, const sigset_t *mask,
			    kernel_siginfo_t *info)
{
	int sig = next_signal(pending, mask);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/**
 * dequeue_signal - take the next signal outside @mask off @tsk's queues.
 * @tsk: current
 * @mask: signals to leave (the blocked mask, usually)
 * @info: receives its siginfo
 * @type: receives PIDTYPE_PID (own queue) or PIDTYPE_TGID (group's)
 *
 * siglock held.  Returns the signal or 0.  Dequeuing a stop signal
 * records it, so that a SIGCONT racing with the stop cancels it.
 */
int dequeue_signal(struct task_struct *tsk, sigset_t *mask,
		   kernel_siginfo_t *info, enum pid_type *type)
{
	int sig;

	*type = PIDTYPE_PID;
	sig = __dequeue_signal(&tsk->pending, mask, info);
	if (!sig) {
		*type = PIDTYPE_TGID;
		sig = __dequeue_signal(&tsk->signal->shared_pending, mask,
				       info);
	}
	recalc_sigpending();
	if (sig && sig_kernel_stop(sig))
		current->jobctl |= JOBCTL_STOP_DEQUEUED;
	return sig;
}

/* Convert ns of CPU time to clock_t (USER_HZ = 100 ticks a second). */
static long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* Tell the parent's wait4 sleepers; its siglock held. */
static void __wake_up_parent(struct task_struct *p, struct task_struct *parent)
{
	wake_up_all(&parent->signal->wait_chldexit);
}

/**
 * do_notify_parent - tell @tsk's parent that @tsk exited.
 * @tsk: a group leader whose whole group has exited (a zombie-to-be)
 * @sig: the exit signal (SIGCHLD usually; 0 only wakes wait4)
 *
 * Caller holds tasklist_lock.  The siginfo has si_code CLD_EXITED
 * (status: the exit code), CLD_KILLED or CLD_DUMPED (status: the
 * signal), and the group's CPU times.  Returns true if @tsk should
 * reap itself because the parent does not want zombies: its SIGCHLD
 * handler is SIG_IGN or it set SA_NOCLDWAIT.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct sighand_struct *psig;
	kernel_siginfo_t info;
	bool autoreap = false;
	unsigned long flags;

	WARN_ON_ONCE(sig == -1);
	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_pid = tsk->tgid;
	info.si_uid = tsk->real_cred->uid;
	info.si_utime = nsec_to_clock_t(tsk->utime + tsk->signal->utime);
	info.si_stime = nsec_to_clock_t(tsk->stime + tsk->signal->stime);
	info.si_status = tsk->exit_code & 0x7f;
	if (tsk->exit_code & 0x80)
		info.si_code = CLD_DUMPED;
	else if (tsk->exit_code & 0x7f)
		info.si_code = CLD_KILLED;
	else {
		info.si_code = CLD_EXITED;
		info.si_status = tsk->exit_code >> 8;
	}

	psig = lock_task_sighand(parent, &flags);
	if (!psig)
		return true; /* nobody will wait for it */
	if (sig == SIGCHLD &&
	    (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
	     (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		send_signal_locked(sig, &info, parent, PIDTYPE_TGID);
	__wake_up_parent(tsk, parent);
	unlock_task_sighand(parent, &flags);
	return autoreap;
}

/**
 * do_notify_parent_cldstop - tell the parent @tsk's group stopped or
 * continued.
 * @tsk: a thread of the group
 * @why: CLD_STOPPED or CLD_CONTINUED
 *
 * Process context, no locks held.  SIGCHLD goes unless the parent
 * ignores it or set SA_NOCLDSTOP; wait4 sleepers wake in any case.
 */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent;
	struct sighand_struct *sighand;
	kernel_siginfo_t info;
	unsigned long flags, tl_flags;

	tsk = tsk->group_leader;
	clear_siginfo(&info);
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = tsk->tgid;
	info.si_uid = tsk->real_cred->uid;
	info.si_utime = nsec_to_clock_t(tsk->utime);
	info.si_stime = nsec_to_clock_t(tsk->stime);
	info.si_status = why == CLD_CONTINUED ?
				 SIGCONT :
				 tsk->signal->group_exit_code & 0x7f;

	spin_lock_irqsave(&tasklist_lock, tl_flags);
	parent = tsk->real_parent;
	sighand = lock_task_sighand(parent, &flags);
	if (sighand) {
		struct k_sigaction *ka = &sighand->action[SIGCHLD - 1];

		if (ka->sa.sa_handler != SIG_IGN &&
		    !(ka->sa.sa_flags & SA_NOCLDSTOP))
			send_signal_locked(SIGCHLD, &info, parent,
					   PIDTYPE_TGID);
		__wake_up_parent(tsk, parent);
		unlock_task_sighand(parent, &flags);
	}
	spin_unlock_irqrestore(&tasklist_lock, tl_flags);
}

/*
 * @t takes its part in a group stop.  Returns true if it was the last
 * thread to stop: the group is now stopped and the parent must hear.
 */
static bool task_participate_group_stop(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;
	bool consume = t->jobctl & JOBCTL_STOP_CONSUME;

	task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
	if (!consume)
		return false;
	if (!WARN_ON_ONCE(sig->group_stop_count == 0))
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		return true;
	}
	return false;
}

/*
 * Stop current for job control.  The first thread to get here with a
 * freshly dequeued stop signal starts a group stop: every other thread
 * is told to stop too.  Each thread then counts itself and sleeps in
 * TASK_STOPPED; SIGCONT (prepare_signal) or SIGKILL wakes it.
 *
 * Called with siglock held; returns with it released and true if the
 * task stopped, or with it still held and false if the stop was
 * cancelled (SIGCONT came first, or the group is exiting).
 */
static bool do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	bool notify;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		unsigned long gstop = JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
		struct task_struct *t;

		if (!(current->jobctl & JOBCTL_STOP_DEQUEUED) ||
		    signal_group_exit(sig))
			return false;
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 0;
		for_each_thread(current, t)
		{
			if (t->flags & PF_EXITING || task_is_stopped(t))
				continue;
			t->jobctl &= ~JOBCTL_STOP_SIGMASK;
			t->jobctl |= signr | gstop;
			sig->group_stop_count++;
			if (t != current)
				signal_wake_up(t, false);
		}
	}
	notify = task_participate_group_stop(current);
	current->jobctl |= JOBCTL_STOPPED;
	set_current_state(TASK_STOPPED);
	spin_unlock_irq(&current->sighand->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	schedule();
	return true;
}

/*
 * Is the process group of current orphaned?  It is unless some member
 * has a parent in another group of the same session (a shell that can
 * continue it).  tasklist_lock held.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
	{
		struct task_struct *parent = p->real_parent;

		if (!thread_group_leader(p) || !p->signal ||
		    task_pgrp_nr(p) != pgrp)
			continue;
		if ((p->exit_state && thread_group_empty(p)) ||
		    parent->tgid == 1 || !parent->signal)
			continue;
		if (task_pgrp_nr(parent) != pgrp &&
		    task_session_nr(parent) == task_session_nr(p))
			return false;
	}
	return true;
}

/**
 * is_current_pgrp_orphaned - job control's question for SIGTSTP,
 * SIGTTIN and SIGTTOU: would stopping leave nobody to continue us?
 *
 * Process context.
 */
bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(task_pgrp_nr(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * is_ignored - does current block or ignore @sig?  (tty job control:
 * a background read or write then fails instead of stopping.)
 */
bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

/* The stopped group was continued or stopped: tell the parent once. */
static bool notify_cld_flags(void)
{
	struct signal_struct *signal = current->signal;
	int why;

	if (!(signal->flags & SIGNAL_CLD_MASK))
		return false;
	why = signal->flags & SIGNAL_CLD_CONTINUED ? CLD_CONTINUED :
						     CLD_STOPPED;
	signal->flags &= ~SIGNAL_CLD_MASK;
	spin_unlock_irq(&current->sighand->siglock);
	do_notify_parent_cldstop(current, why);
	return true;
}

/* Default action "terminate" (with a core dump for the core signals). */
static void signal_terminate(int signr)
{
	int code = signr;

	current->flags |= PF_SIGNALED;
	/*
	 * Linnet writes no core files.  As Linux does when a dump is
	 * possible, the status says "core dumped" only if RLIMIT_CORE
	 * allows one.
	 */
	if (sig_kernel_coredump(signr) && rlimit(RLIMIT_CORE))
		code |= 0x80;
	do_group_exit(code);
}

/**
 * get_signal - the next signal current handles in user mode.
 * @ksig: receives the signal, its siginfo and the handler's sigaction
 *
 * Process context, on the way back to user mode, no locks held.
 * Handles everything that needs no user-mode code: ignored signals are
 * dropped, stop signals stop the group here (returning after SIGCONT),
 * fatal ones end the process (never returning).  Returns true if
 * @ksig names a handler to run, false when nothing is left.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	enum pid_type type;
	int signr;

relock:
	spin_lock_irq(&sighand->siglock);
	if (notify_cld_flags())
		goto relock;
	for (;;) {
		struct k_sigaction *ka;

		if (signal->flags & SIGNAL_GROUP_EXIT) {
			signr = SIGKILL;
			sigdelset(&current->pending.signal, SIGKILL);
			recalc_sigpending();
			goto fatal;
		}
		if ((current->jobctl & JOBCTL_STOP_PENDING) &&
		    do_signal_stop(0))
			goto relock;

		signr = dequeue_signal(current, &current->blocked, &ksig->info,
				       &type);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break;
		}
		if (sig_kernel_ignore(signr))
			continue;
		if ((signal->flags & SIGNAL_UNKILLABLE) &&
		    !sig_kernel_only(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			/* A stop would orphan us: POSIX drops these. */
			if (signr != SIGSTOP) {
				spin_unlock_irq(&sighand->siglock);
				if (is_current_pgrp_orphaned())
					goto relock;
				spin_lock_irq(&sighand->siglock);
			}
			if (do_signal_stop(signr))
				goto relock;
			continue;
		}
fatal:
		spin_unlock_irq(&sighand->siglock);
		if (signal->flags & SIGNAL_GROUP_EXIT)
			do_group_exit(signal->group_exit_code);
		signal_terminate(signr);
	}
	spin_unlock_irq(&sighand->siglock);
	ksig->sig = signr;
	return signr > 0;
}

/**
 * signal_setup_done - the arch code built (or failed to build) the frame.
 * @failed: the frame could not be written: SIGSEGV
 * @ksig: what get_signal() returned
 * @stepping: unused (no ptrace)
 *
 * On success the handler's mask takes effect: sa_mask, plus the signal
 * itself unless SA_NODEFER.
 */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	sigset_t blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	clear_restore_sigmask();
	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

/**
 * exit_signals - current is exiting: it takes no more signals.
 * @tsk: current
 *
 * Sets PF_EXITING; signals for the group that this thread would have
 * taken go to another thread, and a group stop does not wait for it.
 */
void exit_signals(struct task_struct *tsk)
{
	bool notify = false;
	struct task_struct *t;
	sigset_t unblocked;

	spin_lock_irq(&tsk->sighand->siglock);
	tsk->flags |= PF_EXITING;
	if (!signal_group_exit(tsk->signal) && !thread_group_empty(tsk)) {
		siginitset(&unblocked,
			   tsk->signal->shared_pending.signal.sig[0]);
		for_each_thread(tsk, t)
		{
			if (t == tsk || (t->flags & PF_EXITING))
				continue;
			if (has_pending_signals(&unblocked, &t->blocked) &&
			    !signal_pending(t))
				signal_wake_up(t, false);
		}
	}
	if (tsk->jobctl & JOBCTL_STOP_PENDING)
		notify = task_participate_group_stop(tsk);
	spin_unlock_irq(&tsk->sighand->siglock);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
}

/* ---------------------------------------------------------------- */
/* The blocked mask                                                   */
/* ---------------------------------------------------------------- */

/*
 * Newly blocked shared signals are pending for the group: wake another
 * thread that does not block them.  siglock held.
 */
static void retarget_shared_pending(struct task_struct *tsk, sigset_t *which)
{
	sigset_t retarget;
	struct task_struct *t;

	sigandsets(&retarget, &tsk->signal->shared_pending.signal, which);
	if (sigisemptyset(&retarget))
		return;
	for_each_thread(tsk, t)
	{
		if (t == tsk || (t->flags & PF_EXITING))
			continue;
		if (!has_pending_signals(&retarget, &t->blocked))
			continue;
		sigandsets(&retarget, &retarget, &t->blocked);
		if (!signal_pending(t))
			signal_wake_up(t, false);
		if (sigisemptyset(&retarget))
			break;
	}
}

static void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset)
{
	if (signal_pending(tsk) && !thread_group_empty(tsk)) {
		sigset_t newblocked;

		sigandnsets(&newblocked, newset, &tsk->blocked);
		retarget_shared_pending(tsk, &newblocked);
	}
	tsk->blocked = *newset;
	recalc_sigpending();
}

/** __set_current_blocked - set current's mask as given (SIGKILL/SIGSTOP allowed: callers remove them). */
void __set_current_blocked(const sigset_t *newset)
{
	struct task_struct *tsk = current;

	if (sigequalsets(&tsk->blocked, newset))
		return;
	spin_lock_irq(&tsk->sighand->siglock);
	__set_task_blocked(tsk, newset);
	spin_unlock_irq(&tsk->sighand->siglock);
}

/**
 * set_current_blocked - set current's blocked mask to @newset, minus
 * SIGKILL and SIGSTOP, which can never be blocked.  Process context.
 */
void set_current_blocked(sigset_t *newset)
{
	sigdelsetmask(newset, sigmask(SIGKILL) | sigmask(SIGSTOP));
	__set_current_blocked(newset);
}

/**
 * sigprocmask - change current's blocked mask.
 * @how: SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK
 * @set: the operand (SIGKILL/SIGSTOP already removed by the caller)
 * @oldset: if not NULL, receives the previous mask
 *
 * Returns 0 or -EINVAL for a bad @how.
 */
int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	struct task_struct *tsk = current;
	sigset_t newset;

	if (oldset)
		*oldset = tsk->blocked;
	switch (how) {
	case SIG_BLOCK:
		sigorsets(&newset, &tsk->blocked, set);
		break;
	case SIG_UNBLOCK:
		sigandnsets(&newset, &tsk->blocked, set);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	__set_current_blocked(&newset);
	return 0;
}

/**
 * restore_saved_sigmask - after sigsuspend and friends, when no handler
 * runs: the mask from before the call is back.
 */
void restore_saved_sigmask(void)
{
	if (test_and_clear_restore_sigmask())
		__set_current_blocked(&current->saved_sigmask);
}

/**
 * restore_saved_sigmask_unless - ppoll/pselect's end: keep the
 * temporary mask for the handler if @interrupted, else restore it.
 */
void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted)
		WARN_ON(!signal_pending(current));
	else
		restore_saved_sigmask();
}

/* Make sure the struct layouts are the ABI's. */
static inline void signal_abi_checks(void)
{
	BUILD_BUG_ON(sizeof(siginfo_t) != 128);
	BUILD_BUG_ON(sizeof(kernel_siginfo_t) != 48);
	BUILD_BUG_ON(offsetof(siginfo_t, _sifields) != 16);
	BUILD_BUG_ON(sizeof(struct sigaction) != 32);
	BUILD_BUG_ON(sizeof(stack_t) != 24);
	BUILD_BUG_ON(sizeof(sigset_t) != 8);
}

/**
 * signals_init - set init's per-user limits that depend on memory.
 *
 * Boot, from fork_init(), before any task but init_task exists: as
 * Linux, RLIMIT_NPROC and RLIMIT_SIGPENDING start at half the number of
 * tasks that would fill a quarter... of memory (max_threads / 2).
 */
void __init signals_init(void)
{
	unsigned long threads =
		totalram_pages() / (8 * (THREAD_SIZE / PAGE_SIZE));

	signal_abi_checks();
	threads = clamp(threads, 20UL, 0x3fffffffUL);
	init_signals.rlim[RLIMIT_NPROC].rlim_cur = threads / 2;
	init_signals.rlim[RLIMIT_NPROC].rlim_max = threads / 2;
	init_signals.rlim[RLIMIT_SIGPENDING].rlim_cur = threads / 2;
	init_signals.rlim[RLIMIT_SIGPENDING].rlim_max = threads / 2;
}
