#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

/*
 * The signal state of tasks and thread groups (kernel/signal.c).
 *
 * sighand_struct: the handlers, shared by CLONE_SIGHAND threads; its
 * siglock guards all signal state of the group.  signal_struct: what a
 * thread group (a process) has once -- shared pending signals, the
 * group exit, job-control stop, its process group and session, its
 * controlling tty, rlimits and the children's accounting.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/refcount.h>
#include <linux/signal_types.h>
#include <linux/sched.h>
#include <linux/resource.h>

struct tty_struct;

struct sighand_struct {
	refcount_t count;
	spinlock_t siglock;
	wait_queue_head_t signalfd_wqh;
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	refcount_t sigcnt; /* references to the structure */
	atomic_t live; /* threads not yet exited */
	int nr_threads;
	struct list_head thread_head; /* task->thread_node of each thread */

	wait_queue_head_t wait_chldexit; /* wait4() sleeps here */
	struct task_struct *curr_target; /* next thread to try for a signal */
	struct sigpending shared_pending; /* kill() to the process */

	int group_exit_code;
	struct task_struct *group_exec_task; /* exec kills other threads */
	int notify_count;
	int group_stop_count;
	unsigned int flags; /* SIGNAL_* */

	/* Job control (tty): pid_t numbers, pids are not namespaced. */
	pid_t pgrp;
	pid_t session;
	int leader; /* session leader */
	struct tty_struct *tty; /* controlling terminal, or NULL */

	/* ITIMER_REAL / alarm() */
	struct hrtimer *real_timer;
	u64 it_real_incr; /* ns */

	/* Accounting of the group and its reaped children (ns, counts). */
	u64 utime, stime, cutime, cstime;
	unsigned long nvcsw, nivcsw, cnvcsw, cnivcsw;
	unsigned long min_flt, maj_flt, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;

	struct rlimit rlim[RLIM_NLIMITS];
};

/* signal_struct.flags */
#define SIGNAL_STOP_STOPPED 0x00000001 /* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x00000002 /* SIGCONT since WCONTINUED reaped */
#define SIGNAL_GROUP_EXIT 0x00000004 /* group exit in progress */
#define SIGNAL_CLD_STOPPED 0x00000010
#define SIGNAL_CLD_CONTINUED 0x00000020
#define SIGNAL_UNKILLABLE 0x00000040 /* for init: ignore fatal signals */

/* Sending (kernel/signal.c).  priv: 1 = from the kernel, skip checks. */
struct kernel_siginfo;
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int kill_pid(pid_t pid, int sig, int priv);
int kill_pgrp(pid_t pgrp, int sig, int priv);
int force_sig(int sig);
int force_sig_fault(int sig, int code, void __user *addr);
/* Is current's process group orphaned (no parent in another group of
 * the same session)?  Job control: SIGTTIN/SIGTTOU/SIGTSTP rules. */
bool is_current_pgrp_orphaned(void);
/* Is @sig blocked or ignored by current? (tty job control) */
bool is_ignored(int sig);

static inline pid_t task_pgrp_nr(struct task_struct *t)
{
	return t->signal->pgrp;
}

static inline pid_t task_session_nr(struct task_struct *t)
{
	return t->signal->session;
}

static inline unsigned long task_rlimit(const struct task_struct *t,
					unsigned int limit)
{
	return READ_ONCE(t->signal->rlim[limit].rlim_cur);
}

static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

#endif /* _LINUX_SCHED_SIGNAL_H */
