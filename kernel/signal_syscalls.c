/*
 * The signal system calls: sending (kill, tkill, tgkill, sigqueue),
 * the handlers (rt_sigaction), the mask (rt_sigprocmask, rt_sigpending),
 * waiting (pause, rt_sigsuspend, rt_sigtimedwait), the alternate stack
 * (sigaltstack) and restart_syscall.  Each decodes and copies in all
 * its arguments first, then acts through kernel/signal.c.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#include "signal_internal.h"

/* ---------------------------------------------------------------- */
/* sigaction and sigaltstack                                          */
/* ---------------------------------------------------------------- */

/**
 * do_sigaction - read and/or change the action of @sig.
 * @act: the new action, or NULL
 * @oact: receives the old one, or NULL
 *
 * Unknown sa_flags bits are cleared (user space detects support that
 * way, SA_UNSUPPORTED).  Setting a handler that ignores @sig discards
 * it where it is pending, as POSIX requires.  Returns 0 or -EINVAL
 * (bad signal; SIGKILL or SIGSTOP with @act).
 */
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current, *t;
	struct k_sigaction *k;
	sigset_t mask;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &p->sighand->action[sig - 1];
	spin_lock_irq(&p->sighand->siglock);
	if (oact) {
		*oact = *k;
		oact->sa.sa_flags &= UAPI_SA_FLAGS;
	}
	if (act) {
		act->sa.sa_flags &= UAPI_SA_FLAGS;
		sigdelsetmask(&act->sa.sa_mask,
			      sigmask(SIGKILL) | sigmask(SIGSTOP));
		*k = *act;
		if (sig_handler_ignored(sig_handler(p, sig), sig)) {
			siginitset(&mask, sigmask(sig));
			flush_sigqueue_mask(&mask, &p->signal->shared_pending);
			for_each_thread(p, t)
				flush_sigqueue_mask(&mask, &t->pending);
		}
	}
	spin_unlock_irq(&p->sighand->siglock);
	return 0;
}

/* Is @sp on the alternate stack (which SS_AUTODISARM makes us forget)? */
int on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return 0;
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/** sas_ss_flags - SS_DISABLE, SS_ONSTACK or 0 for a user @sp. */
int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/**
 * sigsp - where the signal frame for @ksig goes: the top of the
 * alternate stack for an SA_ONSTACK handler not already on it, else @sp.
 */
unsigned long sigsp(unsigned long sp, struct ksignal *ksig)
{
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && !sas_ss_flags(sp))
		return current->sas_ss_sp + current->sas_ss_size;
	return sp;
}

/**
 * do_sigaltstack - sigaltstack(2) on kernel copies.
 * @ss: the new stack, or NULL
 * @oss: receives the old one, or NULL
 * @sp: the user stack pointer (no change while running on the stack)
 * @min_ss_size: the least size accepted
 *
 * Returns 0, -EPERM (on the alternate stack now), -EINVAL (bad flags)
 * or -ENOMEM (too small).
 */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp,
		   size_t min_ss_size)
{
	struct task_struct *t = current;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) |
				(t->sas_ss_flags & SS_AUTODISARM);
	}
	if (ss) {
		void __user *ss_sp = ss->ss_sp;
		size_t ss_size = ss->ss_size;
		unsigned int ss_flags = ss->ss_flags;
		unsigned int mode = ss_flags & ~SS_AUTODISARM;

		if (on_sig_stack(sp))
			return -EPERM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			ss_size = 0;
			ss_sp = NULL;
		} else if (ss_size < min_ss_size) {
			return -ENOMEM;
		}
		t->sas_ss_sp = (unsigned long)ss_sp;
		t->sas_ss_size = ss_size;
		t->sas_ss_flags = ss_flags;
	}
	return 0;
}

/**
 * restore_altstack - rt_sigreturn puts back the stack saved in the
 * frame (re-arming an SS_AUTODISARM stack).  Returns 0 or -EFAULT.
 */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	do_sigaltstack(&new, NULL, current_user_stack_pointer(), MINSIGSTKSZ);
	return 0;
}

/**
 * __save_altstack - write the alternate stack as seen from @sp into a
 * signal frame; an SS_AUTODISARM stack is then disarmed for the handler.
 */
int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	stack_t st = {
		.ss_sp = (void __user *)t->sas_ss_sp,
		.ss_flags = sas_ss_flags(sp) |
			    (t->sas_ss_flags & SS_AUTODISARM),
		.ss_size = t->sas_ss_size,
	};

	if (copy_to_user(uss, &st, sizeof(st)))
		return -EFAULT;
	if (t->sas_ss_flags & SS_AUTODISARM) {
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
		t->sas_ss_flags = SS_DISABLE;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* siginfo and user space                                             */
/* ---------------------------------------------------------------- */

/**
 * copy_siginfo_to_user - write @from as a 128-byte siginfo_t.
 *
 * The bytes the kernel does not keep are zeroed, so no kernel memory
 * leaks.  Returns 0 or -EFAULT.
 */
int copy_siginfo_to_user(siginfo_t __user *to, const kernel_siginfo_t *from)
{
	char __user *tail = (char __user *)to + sizeof(*from);

	if (copy_to_user(to, from, sizeof(*from)))
		return -EFAULT;
	if (clear_user(tail, sizeof(siginfo_t) - sizeof(*from)))
		return -EFAULT;
	return 0;
}

/** copy_siginfo_from_user - read the kernel's part of a siginfo_t. */
int copy_siginfo_from_user(kernel_siginfo_t *to, const siginfo_t __user *from)
{
	if (copy_from_user(to, from, sizeof(*to)))
		return -EFAULT;
	return 0;
}

/**
 * do_no_restart_syscall - restart_block.fn of a call that cannot be
 * restarted: restart_syscall(2) fails with EINTR.
 */
long do_no_restart_syscall(struct restart_block *parm)
{
	return -EINTR;
}

SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	return restart->fn(restart);
}

/* The siginfo of kill(2): SI_USER from the caller. */
static void prepare_kill_siginfo(int sig, kernel_siginfo_t *info)
{
	clear_siginfo(info);
	info->si_signo = sig;
	info->si_code = SI_USER;
	info->si_pid = current->tgid;
	info->si_uid = current_uid();
}

static int kill_something(int sig, kernel_siginfo_t *info, pid_t pid);

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	kernel_siginfo_t info;

	prepare_kill_siginfo(sig, &info);
	return kill_something(sig, &info, pid);
}

/* Every process but init and the caller's (kill(-1, sig)). */
static int kill_every_process(int sig, kernel_siginfo_t *info)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = 0, count = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
	{
		int err;

		if (!thread_group_leader(p) || p->tgid <= 1 ||
		    same_thread_group(p, current) || !p->sighand)
			continue;
		err = group_send_sig_info(sig, info, p, PIDTYPE_MAX);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

/*
 * kill(2)'s @pid: > 0 the process containing that thread; 0 the
 * caller's process group; -1 every process it may signal; < -1 the
 * process group -pid.
 */
static int kill_something(int sig, kernel_siginfo_t *info, pid_t pid)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (pid > 0)
		return kill_pid_info(sig, info, pid);
	if (pid == INT_MIN) /* -pid would overflow */
		return -ESRCH;
	if (pid == 0)
		return kill_pgrp_info(sig, info, task_pgrp_nr(current));
	if (pid == -1)
		return kill_every_process(sig, info);
	return kill_pgrp_info(sig, info, -pid);
}

/*
 * One thread: @pid, which must belong to process @tgid unless @tgid is
 * 0 (tkill).  A thread exiting meanwhile is not an error.
 */
static int do_send_specific(pid_t tgid, pid_t pid, int sig,
			    kernel_siginfo_t *info)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int ret = -ESRCH;

	if (!p)
		return -ESRCH;
	if (tgid <= 0 || p->tgid == tgid) {
		ret = group_send_sig_info(sig, info, p, PIDTYPE_PID);
		if (ret == -ESRCH)
			ret = 0;
	}
	put_task_struct(p);
	return ret;
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = SI_TKILL;
	info.si_pid = current->tgid;
	info.si_uid = current_uid();
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/*
 * sigqueue(3) may not pretend to be the kernel or tkill when it
 * signals another process: only a non-positive si_code other than
 * SI_TKILL is accepted.
 */
static int copy_queueinfo(kernel_siginfo_t *info, const siginfo_t __user *uinfo,
			  int sig, pid_t target_tgid)
{
	if (copy_siginfo_from_user(info, uinfo))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) &&
	    target_tgid != current->tgid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, siginfo_t __user *,
		uinfo)
{
	kernel_siginfo_t info;
	int ret = copy_queueinfo(&info, uinfo, sig, pid);

	if (ret)
		return ret;
	return kill_pid_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	kernel_siginfo_t info;
	int ret;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	ret = copy_queueinfo(&info, uinfo, sig, tgid);
	if (ret)
		return ret;
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new_ka, old_ka;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new_ka.sa, act, sizeof(new_ka.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new_ka : NULL, oact ? &old_ka : NULL);
	if (!ret && oact && copy_to_user(oact, &old_ka.sa, sizeof(old_ka.sa)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old_set, new_set;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	old_set = current->blocked;
	if (nset) {
		if (copy_from_user(&new_set, nset, sizeof(sigset_t)))
			return -EFAULT;
		sigdelsetmask(&new_set, sigmask(SIGKILL) | sigmask(SIGSTOP));
		ret = sigprocmask(how, &new_set, NULL);
		if (ret)
			return ret;
	}
	if (oset && copy_to_user(oset, &old_set, sizeof(sigset_t)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	sigorsets(&pending, &current->pending.signal,
		  &current->signal->shared_pending.signal);
	spin_unlock_irq(&current->sighand->siglock);
	sigandsets(&pending, &current->blocked, &pending);
	if (copy_to_user(uset, &pending, sigsetsize))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

/**
 * sigsuspend - wait for a signal with @set as the mask.
 *
 * The old mask is restored after the handler ran (the frame saves it)
 * or at once if none runs.  Always returns -ERESTARTNOHAND: EINTR to the
 * caller after a handler.
 */
static int sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	set_restore_sigmask();
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

/**
 * set_user_sigmask - ppoll/pselect/epoll_pwait: install a temporary mask.
 * @umask: the user's mask, or NULL for none
 * @sigsetsize: must be 8
 *
 * Saves the current mask for restore_saved_sigmask_unless().
 * Returns 0, -EINVAL or -EFAULT.
 */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(sigset_t)))
		return -EFAULT;
	set_restore_sigmask();
	current->saved_sigmask = current->blocked;
	set_current_blocked(&kmask);
	return 0;
}

/**
 * do_sigtimedwait - wait for one of the signals @which, dequeue it.
 * @which: the signals waited for (SIGKILL/SIGSTOP are never taken)
 * @info: receives its siginfo
 * @ts: the longest wait, or NULL for no limit
 *
 * Process context.  The signals are unblocked while waiting (so they
 * wake us) but not delivered: real_blocked keeps the true mask.
 * Returns the signal, -EAGAIN on timeout, -EINTR if another signal
 * came, -EINVAL for a bad @ts.
 */
int do_sigtimedwait(const sigset_t *which, kernel_siginfo_t *info,
		    const struct timespec64 *ts)
{
	ktime_t *to = NULL, timeout = KTIME_MAX;
	struct task_struct *tsk = current;
	sigset_t mask = *which;
	enum pid_type type;
	int sig, ret = 0;

	if (ts) {
		if (!timespec64_valid(ts))
			return -EINVAL;
		timeout = timespec64_to_ktime(*ts);
		to = &timeout;
	}
	sigdelsetmask(&mask, sigmask(SIGKILL) | sigmask(SIGSTOP));
	signotset(&mask);

	spin_lock_irq(&tsk->sighand->siglock);
	sig = dequeue_signal(tsk, &mask, info, &type);
	if (!sig && timeout) {
		/* Unblock the awaited signals so they wake us. */
		tsk->real_blocked = tsk->blocked;
		sigandsets(&tsk->blocked, &tsk->blocked, &mask);
		recalc_sigpending();
		spin_unlock_irq(&tsk->sighand->siglock);

		__set_current_state(TASK_INTERRUPTIBLE);
		ret = schedule_hrtimeout_range(to, 0, HRTIMER_MODE_REL);

		spin_lock_irq(&tsk->sighand->siglock);
		tsk->blocked = tsk->real_blocked;
		sigemptyset(&tsk->real_blocked);
		sig = dequeue_signal(tsk, &mask, info, &type);
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	if (sig)
		return sig;
	return ret ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese,
		siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t,
		sigsetsize)
{
	struct __kernel_timespec kts;
	struct timespec64 ts;
	kernel_siginfo_t info;
	sigset_t these;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&kts, uts, sizeof(kts)))
			return -EFAULT;
		ts.tv_sec = kts.tv_sec;
		ts.tv_nsec = kts.tv_nsec;
	}
	ret = do_sigtimedwait(&these, &info, uts ? &ts : NULL);
	if (ret > 0 && uinfo && copy_siginfo_to_user(uinfo, &info))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *,
		uoss)
{
	stack_t new, old;
	int ret;

	if (uss && copy_from_user(&new, uss, sizeof(stack_t)))
		return -EFAULT;
	ret = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL,
			     current_user_stack_pointer(), MINSIGSTKSZ);
	if (!ret && uoss && copy_to_user(uoss, &old, sizeof(stack_t)))
		ret = -EFAULT;
	return ret;
}
