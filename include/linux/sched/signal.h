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
#include <linux/rcupdate.h>
#include <linux/hrtimer.h>
#include <linux/signal.h>
#include <linux/sched/jobctl.h>

struct tty_struct;

struct sighand_struct {
	refcount_t count;
	spinlock_t siglock;
	wait_queue_head_t signalfd_wqh;
	struct rcu_head rcu; /* freed after a grace period: lock_task_sighand */
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

	/* ITIMER_REAL / alarm(): SIGALRM to leader_pid from an hrtimer */
	struct hrtimer real_timer;
	ktime_t it_real_incr; /* ns; 0 = one shot */
	pid_t leader_pid; /* the thread group's id */

	bool is_child_subreaper; /* PR_SET_CHILD_SUBREAPER */
	bool has_child_subreaper; /* some ancestor is one */

	/* Accounting of the group and its reaped children (ns, counts). */
	u64 utime, stime, cutime, cstime;
	unsigned long nvcsw, nivcsw, cnvcsw, cnivcsw;
	unsigned long min_flt, maj_flt, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;

	struct rlimit rlim[RLIM_NLIMITS];

	short oom_score_adj; /* /proc/<pid>/oom_score_adj; inherited */
};

/* signal_struct.flags */
#define SIGNAL_STOP_STOPPED 0x00000001 /* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x00000002 /* SIGCONT since WCONTINUED reaped */
#define SIGNAL_GROUP_EXIT 0x00000004 /* group exit in progress */
#define SIGNAL_CLD_STOPPED 0x00000010
#define SIGNAL_CLD_CONTINUED 0x00000020
#define SIGNAL_UNKILLABLE 0x00000040 /* for init: ignore fatal signals */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_STOP_MASK \
	(SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

/* init_task's (pid 0's), which every task's are copied from. */
extern struct signal_struct init_signals;
extern struct sighand_struct init_sighand;

/* Threads of @p's group; siglock or tasklist_lock held. */
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

static inline bool same_thread_group(const struct task_struct *p1,
				     const struct task_struct *p2)
{
	return p1->signal == p2->signal;
}

/* Only the one "head" thread is left of its group. */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return p->signal->nr_threads <= 1;
}

static inline bool signal_group_exit(const struct signal_struct *sig)
{
	return (sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task;
}

/*
 * Creating, sharing and releasing the signal state (kernel/signal.c),
 * for fork, exec and exit:
 *
 *   copy_process:  copy_sighand(), copy_signal(),
 *                  init_task_signal_state(p) for the per-thread part;
 *                  once it cannot fail: signal_link_thread(p)
 *   exec:          flush_signal_handlers(current, 0)
 *   do_exit:       exit_signals(tsk) first (sets PF_EXITING); then
 *                  do_notify_parent() (group leader, last thread) under
 *                  tasklist_lock; release: __exit_signal(p)
 *   free_task:     put_signal_struct(p->signal)
 */
int copy_sighand(unsigned long clone_flags, struct task_struct *p);
int copy_signal(unsigned long clone_flags, struct task_struct *p);
void signal_link_thread(struct task_struct *p);
void init_task_signal_state(struct task_struct *p, unsigned long clone_flags);
void __cleanup_sighand(struct sighand_struct *sighand);
void put_signal_struct(struct signal_struct *sig);
void __exit_signal(struct task_struct *tsk);
void exit_signals(struct task_struct *tsk);
void flush_signal_handlers(struct task_struct *t, int force_default);
bool do_notify_parent(struct task_struct *tsk, int sig);
void do_notify_parent_cldstop(struct task_struct *tsk, int why);
void zap_other_threads(struct task_struct *p);
void do_group_exit(int exit_code); /* kernel/exit.c; never returns */
void signals_init(void);

/* Lock @t's sighand, which exit may take away: NULL if it did. */
struct sighand_struct *lock_task_sighand(struct task_struct *t,
					 unsigned long *flags);

static inline void unlock_task_sighand(struct task_struct *t,
				       unsigned long *flags)
{
	spin_unlock_irqrestore(&t->sighand->siglock, *flags);
}

/* Wake @t to notice a signal; fatal also ends TASK_KILLABLE sleeps. */
static inline void signal_wake_up(struct task_struct *t, bool fatal)
{
	signal_wake_up_state(t, fatal ? TASK_WAKEKILL : 0);
}

/*
 * sigsuspend, ppoll, pselect: put the mask back after the handler ran
 * (the signal frame saves saved_sigmask) or when no handler runs.
 */
static inline void set_restore_sigmask(void)
{
	current->restore_sigmask = true;
}

static inline void clear_restore_sigmask(void)
{
	current->restore_sigmask = false;
}

static inline bool test_and_clear_restore_sigmask(void)
{
	bool was = current->restore_sigmask;

	current->restore_sigmask = false;
	return was;
}

static inline sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask :
					  &current->blocked;
}

void restore_saved_sigmask(void);

extern spinlock_t tasklist_lock;

/* Sending (kernel/signal.c).  priv: 1 = from the kernel, skip checks. */
struct kernel_siginfo;
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int kill_pid(pid_t pid, int sig, int priv);
int kill_pgrp(pid_t pgrp, int sig, int priv);
int force_sig(int sig);
int force_sig_fault(int sig, int code, void __user *addr);
int force_sig_fault_to_task(int sig, int code, void __user *addr,
			    struct task_struct *t);
void force_sigsegv(int sig);
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
