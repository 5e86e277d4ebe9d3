/*
 * Ending tasks, and parents waiting for them.
 *
 * do_exit() gives back what the task holds (address space, files, fs,
 * its terminal if it led a session), hands its children to a reaper
 * (init), and tells its parent with exit_signal (SIGCHLD).  The task
 * then stays a zombie -- a task_struct with an exit code and no
 * resources -- until the parent collects it with wait4()/waitid(),
 * which calls release_task().  A parent that ignores SIGCHLD (or set
 * SA_NOCLDWAIT) leaves nothing to collect: its children are released
 * at once, as are kernel threads and non-leader threads of a group.
 */
#include <linux/bug.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/futex.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/wait.h>

extern spinlock_t tasklist_lock;

/* The task that adopts orphans: init (pid 1), or init_task early on. */
static struct task_struct *find_child_reaper(struct task_struct *dying)
{
	struct task_struct *init = find_task_by_pid(1);

	if (init && init != dying && !(init->flags & PF_EXITING))
		return init;
	return &init_task;
}

/*
 * Give @father's children to the reaper; called under tasklist_lock.
 * If a zombie is among them, the reaper's wait4 is woken to reap it.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *child, *next, *reaper;
	bool zombies = false;

	reaper = find_child_reaper(father);
	list_for_each_entry_safe(child, next, &father->children, sibling) {
		child->real_parent = child->parent = reaper;
		list_move_tail(&child->sibling, &reaper->children);
		if (child->pdeath_signal)
			send_sig(child->pdeath_signal, child, 1);
		if (child->exit_state == EXIT_ZOMBIE)
			zombies = true;
	}
	if (zombies && reaper->signal)
		wake_up_interruptible(&reaper->signal->wait_chldexit);
}

/**
 * release_task - forget a dead task: unhash its pid, unlink it.
 * @p: a zombie being reaped, or a task that reaps itself
 *
 * Drops the reference its existence held; the last one (the final
 * switch away from it) frees the stack and descriptor.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;
	unsigned long flags;

	/*
	 * While @p is still in its group the leader cannot be reaped; once
	 * __exit_signal() unlinks it, it can, so hold the leader until we
	 * are done looking at it.
	 */
	if (leader != p)
		get_task_struct(leader);
	free_pid(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(p);
	list_del(&p->tasks);
	list_del_init(&p->sibling);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&p->real_cred->user->processes);
	__exit_signal(p); /* unlinks the thread from its group */
	/*
	 * The last thread gone lets a zombie leader be reported.  Its parent
	 * is looked at under tasklist_lock: unlocked, the parent could reap
	 * the leader, exit and be freed before the wake-up.
	 */
	if (leader != p) {
		spin_lock_irqsave(&tasklist_lock, flags);
		if (leader->exit_state == EXIT_ZOMBIE &&
		    thread_group_empty(leader))
			wake_up_parent(leader);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		put_task_struct(leader);
	}
	put_task_struct(p);
}

/* Let @p's parent know something changed (wait4 sleeps on this). */
void wake_up_parent(struct task_struct *p)
{
	struct task_struct *parent = p->parent;

	if (parent->signal)
		wake_up_interruptible(&parent->signal->wait_chldexit);
}

/*
 * Drop the address space.  A vfork parent waits for this moment, and a
 * thread created with CLONE_CHILD_CLEARTID has its tid word cleared and
 * a futex waiter woken (pthread_join).
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	exit_mm_release(tsk, mm);
	if (!mm)
		return;
	mmgrab(mm); /* still the active (lazy TLB) mm until we switch */
	task_lock(tsk);
	tsk->mm = NULL;
	task_unlock(tsk);
	mmput(mm);
}

/* Decide the task's fate: zombie for the parent, or released now. */
static void exit_notify(struct task_struct *tsk)
{
	unsigned long flags;
	bool autoreap;

	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk);
	if (tsk->flags & PF_KTHREAD || !tsk->signal) {
		autoreap = true;
	} else if (tsk != tsk->group_leader) {
		autoreap = true; /* threads are reaped by the group */
	} else if (!thread_group_empty(tsk)) {
		autoreap = false; /* reported when the last thread goes */
	} else {
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	}
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/*
	 * do_notify_parent() woke the parent under the lock.  Once it is
	 * dropped, a zombie's parent may reap it, exit and be freed at any
	 * moment: nothing below may touch tsk->parent.
	 */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (autoreap)
		release_task(tsk);
}

/**
 * do_exit - end the current task with @code.
 * @code: wait status: exit status << 8, or the killing signal
 *
 * Process context.  Never returns: the task's last schedule() switches
 * away for good and the next task frees its stack.
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	WARN_ON(is_idle_task(tsk));
	if (tsk->pid == 1 && !(tsk->flags & PF_KTHREAD))
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	exit_signals(tsk); /* sets PF_EXITING: no more signals for us */
	if (tsk->signal && !(tsk->signal->flags & SIGNAL_GROUP_EXIT))
		tsk->signal->group_exit_code = code;
	tsk->exit_code = code;
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (tsk->signal && tsk->signal->leader &&
	    thread_group_empty(tsk->group_leader))
		disassociate_ctty(1);
	exit_notify(tsk);
	do_task_dead();
}

/**
 * do_group_exit - end every thread of the current process.
 * @exit_code: the wait status the parent will see
 */
void do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	if (sig && !thread_group_empty(current)) {
		spin_lock_irq(&current->sighand->siglock);
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			exit_code = sig->group_exit_code;
		} else if (sig->group_exec_task) {
			/* Killed by another thread's exec: only we go. */
			exit_code = 0;
		} else {
			sig->group_exit_code = exit_code;
			sig->flags |= SIGNAL_GROUP_EXIT;
			zap_other_threads(current);
		}
		spin_unlock_irq(&current->sighand->siglock);
	}
	do_exit(exit_code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
	return 0;
}

/* What a wait call asked for. */
struct wait_opts {
	int which; /* P_ALL, P_PID, P_PGID */
	pid_t pid;
	int options; /* W* */
	struct waitid_info *info; /* waitid: fill this */
	int __user *stat_addr; /* wait4: status here */
	struct rusage __user *ru;
	int notask_error; /* -ECHILD until an eligible child is seen */
};

struct waitid_info {
	pid_t pid;
	uid_t uid;
	int status;
	int cause; /* CLD_* */
};

/* Does @p match the pid selector and clone-type options? */
static bool eligible_child(struct wait_opts *wo, struct task_struct *p)
{
	if (wo->which == P_PID && p->pid != wo->pid)
		return false;
	if (wo->which == P_PGID && (!p->signal || task_pgrp_nr(p) != wo->pid))
		return false;
	if (p != p->group_leader)
		return false; /* threads are not waited for */
	/*
	 * __WCLONE picks children that report with a signal other than
	 * SIGCHLD; __WALL picks both kinds.
	 */
	if (!(wo->options & __WALL) &&
	    ((p->exit_signal != SIGCHLD) ^ !!(wo->options & __WCLONE)))
		return false;
	return true;
}

/* Accounting of @p for the parent's rusage and its own children sums. */
static void fill_rusage(struct task_struct *p, struct rusage *ru)
{
	struct signal_struct *sig = p->signal;

	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = (p->utime + sig->utime) / NSEC_PER_SEC;
	ru->ru_utime.tv_usec =
		(p->utime + sig->utime) % NSEC_PER_SEC / NSEC_PER_USEC;
	ru->ru_stime.tv_sec = (p->stime + sig->stime) / NSEC_PER_SEC;
	ru->ru_stime.tv_usec =
		(p->stime + sig->stime) % NSEC_PER_SEC / NSEC_PER_USEC;
	ru->ru_nvcsw = p->nvcsw + sig->nvcsw;
	ru->ru_nivcsw = p->nivcsw + sig->nivcsw;
	ru->ru_minflt = sig->min_flt;
	ru->ru_majflt = sig->maj_flt;
	ru->ru_maxrss = sig->maxrss;
}

/* Report @p's state change to the waiter; 0 = nothing written yet. */
static int wait_report(struct wait_opts *wo, struct task_struct *p,
		       int status, int cause)
{
	int ret = p->pid;

	if (wo->ru) {
		struct rusage ru;

		fill_rusage(p, &ru);
		if (copy_to_user(wo->ru, &ru, sizeof(ru)))
			return -EFAULT;
	}
	if (wo->info) {
		wo->info->pid = p->pid;
		wo->info->uid = task_uid(p);
		wo->info->status = status;
		wo->info->cause = cause;
	}
	return ret;
}

/* Encode a zombie's exit code as waitid's (cause, status). */
static void exit_code_to_info(int code, int *cause, int *status)
{
	if (code & 0x7f) {
		*cause = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
		*status = code & 0x7f;
	} else {
		*cause = CLD_EXITED;
		*status = code >> 8;
	}
}

/* Collect a zombie: status out, sums into our signal_struct, release. */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int code = p->signal->flags & SIGNAL_GROUP_EXIT ?
			   p->signal->group_exit_code :
			   p->exit_code;
	int cause, status, ret;
	struct signal_struct *psig = current->signal;
	unsigned long flags;

	if (!(wo->options & WEXITED))
		return 0;
	exit_code_to_info(code, &cause, &status);
	if (wo->stat_addr && put_user(code, wo->stat_addr))
		return -EFAULT;
	ret = wait_report(wo, p, status, cause);
	if (ret < 0 || (wo->options & WNOWAIT))
		return ret;
	/* Claim it: a racing waiter in another thread sees EXIT_DEAD. */
	spin_lock_irqsave(&tasklist_lock, flags);
	if (p->exit_state != EXIT_ZOMBIE) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	}
	p->exit_state = EXIT_DEAD;
	psig->cutime += p->utime + p->signal->utime + p->signal->cutime;
	psig->cstime += p->stime + p->signal->stime + p->signal->cstime;
	psig->cnvcsw += p->nvcsw + p->signal->nvcsw + p->signal->cnvcsw;
	psig->cnivcsw += p->nivcsw + p->signal->nivcsw + p->signal->cnivcsw;
	psig->cmin_flt += p->signal->min_flt + p->signal->cmin_flt;
	psig->cmaj_flt += p->signal->maj_flt + p->signal->cmaj_flt;
	if (p->signal->maxrss > psig->cmaxrss)
		psig->cmaxrss = p->signal->maxrss;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	release_task(p);
	return ret;
}

/* A stopped child not yet reported (WUNTRACED / WSTOPPED). */
static int wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	int exit_code, ret;

	if (!(wo->options & WSTOPPED) || !sig)
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	exit_code = sig->group_exit_code;
	if (!(sig->flags & SIGNAL_STOP_STOPPED) || !exit_code) {
		spin_unlock_irq(&p->sighand->siglock);
		return 0;
	}
	if (!(wo->options & WNOWAIT))
		sig->group_exit_code = 0;
	spin_unlock_irq(&p->sighand->siglock);
	if (wo->stat_addr && put_user((exit_code << 8) | 0x7f, wo->stat_addr))
		return -EFAULT;
	ret = wait_report(wo, p, exit_code, CLD_STOPPED);
	return ret;
}

/* A child continued by SIGCONT, not yet reported (WCONTINUED). */
static int wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	if (!(wo->options & WCONTINUED) || !sig)
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	if (!(sig->flags & SIGNAL_STOP_CONTINUED)) {
		spin_unlock_irq(&p->sighand->siglock);
		return 0;
	}
	if (!(wo->options & WNOWAIT))
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
	spin_unlock_irq(&p->sighand->siglock);
	if (wo->stat_addr && put_user(0xffff, wo->stat_addr))
		return -EFAULT;
	return wait_report(wo, p, SIGCONT, CLD_CONTINUED);
}

/* Look at one child: >0 reported (its pid), 0 nothing, <0 error. */
static int wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	if (p->exit_state == EXIT_DEAD || !eligible_child(wo, p))
		return 0;
	wo->notask_error = 0;
	if (p->exit_state == EXIT_ZOMBIE) {
		/* A leader whose threads still run is not done yet. */
		if (!thread_group_empty(p))
			return 0;
		return wait_task_zombie(wo, p);
	}
	return wait_task_stopped(wo, p) ?: wait_task_continued(wo, p);
}

/* Worth a closer look: a report may be ready (checked without locks). */
static bool wait_interesting(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	if (p->exit_state == EXIT_ZOMBIE)
		return (wo->options & WEXITED) && thread_group_empty(p);
	if (!sig)
		return false;
	if ((wo->options & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    sig->group_exit_code)
		return true;
	return (wo->options & WCONTINUED) &&
	       (sig->flags & SIGNAL_STOP_CONTINUED);
}

/*
 * Scan the children of every thread in our group.  The tasklist lock
 * is dropped around the report (it writes user memory), so the child
 * found is pinned with a reference; if another waiter got it first the
 * scan starts again.
 */
static int do_wait_scan(struct wait_opts *wo)
{
	struct task_struct *me = current, *t, *p, *found;
	unsigned long flags;
	int ret;

again:
	found = NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&me->sighand->siglock); /* keeps the thread list still */
	for_each_thread(me, t) {
		if ((wo->options & __WNOTHREAD) && t != me)
			continue;
		list_for_each_entry(p, &t->children, sibling) {
			if (p->exit_state == EXIT_DEAD || !eligible_child(wo, p))
				continue;
			wo->notask_error = 0;
			if (wait_interesting(wo, p)) {
				found = p;
				get_task_struct(p);
				goto unlock;
			}
		}
	}
unlock:
	spin_unlock(&me->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found)
		return 0;
	ret = wait_consider_task(wo, found);
	put_task_struct(found);
	if (!ret)
		goto again;
	return ret;
}

static long do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT(wait);
	long ret;

	for (;;) {
		prepare_to_wait(&current->signal->wait_chldexit, &wait,
				TASK_INTERRUPTIBLE);
		wo->notask_error = -ECHILD;
		ret = do_wait_scan(wo);
		if (ret)
			break;
		ret = wo->notask_error;
		if (ret || (wo->options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->signal->wait_chldexit, &wait);
	return ret;
}

/* pid argument of wait4 → (which, pid). */
static int wait_selector(pid_t upid, int *which, pid_t *pid)
{
	if (upid == -1) {
		*which = P_ALL;
		*pid = 0;
	} else if (upid < 0) {
		*which = P_PGID;
		*pid = -upid;
	} else if (upid == 0) {
		*which = P_PGID;
		*pid = task_pgrp_nr(current);
	} else {
		*which = P_PID;
		*pid = upid;
	}
	return 0;
}

long kernel_wait4(pid_t upid, int __user *stat_addr, int options,
		  struct rusage __user *ru)
{
	struct wait_opts wo = { .stat_addr = stat_addr, .ru = ru };

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)
		return -ESRCH; /* -INT_MIN overflows, as Linux says */
	wait_selector(upid, &wo.which, &wo.pid);
	wo.options = options | WEXITED;
	return do_wait(&wo);
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct siginfo __user *,
		infop, int, options, struct rusage __user *, ru)
{
	struct waitid_info info = { 0 };
	struct wait_opts wo = { .info = &info, .ru = ru };
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
	case P_PGID:
		if (upid <= 0 && !(which == P_PGID && upid == 0))
			return -EINVAL;
		if (which == P_PGID && upid == 0)
			upid = task_pgrp_nr(current);
		break;
	default:
		return -EINVAL;
	}
	wo.which = which;
	wo.pid = upid;
	wo.options = options;
	ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	/* waitid returns 0; siginfo says who (zeroed if nobody, WNOHANG). */
	if (infop) {
		struct kernel_siginfo ksi = { 0 };

		if (ret > 0) {
			ksi.si_signo = SIGCHLD;
			ksi.si_code = info.cause;
			ksi.si_pid = info.pid;
			ksi.si_uid = info.uid;
			ksi.si_status = info.status;
		}
		if (copy_siginfo_to_user(infop, &ksi))
			return -EFAULT;
	}
	return 0;
}
