#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/signal_types.h>
#include <linux/restart_block.h>
#include <asm/current.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/fpu/types.h>

#define TASK_COMM_LEN 16
#define STACK_END_MAGIC 0x57AC6E9D /* seed 003 */

/*
 * Task states (task->__state).  TASK_RUNNING means "on a runqueue or
 * running"; the sleeping states say what may wake the task.
 */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define __TASK_TRACED 0x0008
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020
#define TASK_PARKED 0x0040
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_WAKING 0x0200
#define TASK_NOLOAD 0x0400
#define TASK_NEW 0x0800

#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags */
#define PF_IDLE 0x00000002 /* the per-CPU idle task */
#define PF_EXITING 0x00000004
#define PF_FORKNOEXEC 0x00000040 /* forked but did not exec */
#define PF_SIGNALED 0x00000400 /* killed by a signal */
#define PF_WQ_WORKER 0x00000020
#define PF_KTHREAD 0x00200000
#define PF_NO_SETAFFINITY 0x04000000

/* Scheduling policies (UAPI values). */
#define SCHED_NORMAL 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5

/*
 * Priorities, as seed 001 draws them: 0..99 real-time (lower is more
 * urgent), 100..139 normal, nice -20..19 mapping to 100..139.
 */
#define MAX_RT_PRIO 100
#define MAX_PRIO (MAX_RT_PRIO + 40)
#define DEFAULT_PRIO (MAX_RT_PRIO + 20)
#define NICE_TO_PRIO(nice) ((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio) ((prio)-DEFAULT_PRIO)
#define MAX_USER_RT_PRIO 100

struct sched_class;
struct prio_array;
struct mm_struct;
struct files_struct;
struct fs_struct;
struct sighand_struct;
struct signal_struct;
struct cred;
struct completion;

/*
 * Architecture state kept for a task that is not running: its kernel
 * stack pointer (switch_to saved the callee-saved registers there), its
 * FS/GS bases, and room for the FPU/SSE registers of user tasks.
 */
struct thread_struct {
	unsigned long sp;
	unsigned long fsbase;
	unsigned long gsbase;
	u16 fsindex, gsindex;
	struct fpu fpu; /* user tasks: saved while not running */
};

/* Low-level flags tested on the way back to user space. */
struct thread_info {
	unsigned long flags; /* TIF_* */
};

#define TIF_SIGPENDING 2
#define TIF_NEED_RESCHED 3
#define TIF_NOTIFY_RESUME 1

/*
 * The process descriptor (seed 003).  The fields the scheduler uses are
 * grouped first: policy and priorities, the O(1) scheduler's run list,
 * time slice and sleep average, accounting.
 */
struct task_struct {
	struct thread_info thread_info; /* first: task == thread_info */
	volatile unsigned int __state;
	void *stack; /* the THREAD_SIZE kernel stack */
	atomic_t usage; /* references to this descriptor */
	unsigned int flags; /* PF_* */

	/* Scheduling */
	int on_cpu; /* running right now */
	int cpu; /* the runqueue it belongs to */
	int on_rq; /* queued (TASK_RUNNING and not running, or running) */
	int prio; /* effective: what the arrays sort by */
	int static_prio; /* from nice */
	int normal_prio; /* from policy and static/rt priority */
	unsigned int rt_priority; /* 1..99 for SCHED_FIFO/RR */
	unsigned int policy;
	const struct sched_class *sched_class;
	struct list_head run_list; /* in an array's queue[prio] */
	struct prio_array *array; /* active, expired, or NULL */
	unsigned int time_slice; /* ticks left */
	unsigned long sleep_avg; /* ns, bounded: interactivity */
	u64 timestamp; /* when it last woke or was switched out */
	u64 last_ran;
	int activated; /* woken from interruptible sleep: bonus */
	unsigned long cpus_mask[BITS_TO_LONGS(NR_CPUS)];
	int nr_cpus_allowed;

	/* Accounting (seed 001: tick based) */
	u64 utime; /* ns */
	u64 stime; /* ns */
	u64 sum_exec_runtime; /* ns */
	u64 exec_start;
	unsigned long nvcsw; /* voluntary context switches */
	unsigned long nivcsw; /* involuntary */
	u64 start_time; /* ns since boot */

	/* Memory */
	struct mm_struct *mm; /* NULL for kernel threads */
	struct mm_struct *active_mm; /* borrowed by kernel threads */

	/* Identity and family */
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;
	struct list_head tasks; /* all tasks, from init_task */
	struct hlist_node pid_link; /* in the pid hash (kernel/pid.c) */
	int exit_code;
	int exit_state;
	char comm[TASK_COMM_LEN];

	/*
	 * Process resources, each shared per CLONE_* flag (kernel/fork.c):
	 * open files (fs/file.c), root and cwd (fs/fs_struct.c), signal
	 * handlers and the thread group's shared signal state
	 * (kernel/signal.c), credentials (kernel/cred.c).
	 */
	struct files_struct *files;
	struct fs_struct *fs;
	struct sighand_struct *sighand;
	struct signal_struct *signal;
	const struct cred *real_cred; /* objective: who we are to others */
	const struct cred *cred; /* subjective: what we act as */
	struct list_head thread_node; /* in signal->thread_head */
	sigset_t blocked; /* rt_sigprocmask */
	sigset_t real_blocked; /* saved while rt_sigtimedwait waits */
	sigset_t saved_sigmask; /* restored after sigsuspend's handler */
	bool restore_sigmask; /* saved_sigmask is to be restored */
	bool no_new_privs; /* PR_SET_NO_NEW_PRIVS */
	struct restart_block restart_block; /* -ERESTART_RESTARTBLOCK */
	struct sigpending pending; /* signals to this thread only */
	unsigned long sas_ss_sp; /* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	unsigned long jobctl; /* JOBCTL_* */
	int pdeath_signal; /* PR_SET_PDEATHSIG */
	int exit_signal; /* to the parent at exit: SIGCHLD or 0 (threads) */
	struct completion *vfork_done; /* a vfork parent waits on this */
	int __user *set_child_tid; /* CLONE_CHILD_SETTID */
	int __user *clear_child_tid; /* CLONE_CHILD_CLEARTID, set_tid_address */
	void __user *robust_list;
	size_t robust_list_len;

	void *kthread; /* struct kthread of a kernel thread */
	void *lockdep; /* held-lock stack, kernel/locking/lockdep.c */
	struct thread_struct thread; /* arch: last */
};

/* Seed 003: the stack and, at its lowest word, the overflow canary. */
union thread_union {
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

extern struct task_struct init_task;
extern union thread_union init_thread_union;

static inline unsigned long *end_of_stack(const struct task_struct *p)
{
	return (unsigned long *)p->stack;
}

void set_task_stack_end_magic(struct task_struct *tsk);

static inline bool task_stack_end_corrupted(const struct task_struct *p)
{
	return *end_of_stack(p) != STACK_END_MAGIC;
}

static inline struct thread_info *task_thread_info(struct task_struct *p)
{
	return &p->thread_info;
}

static inline bool test_tsk_thread_flag(struct task_struct *p, int flag)
{
	return test_bit(flag, &p->thread_info.flags);
}

static inline void set_tsk_thread_flag(struct task_struct *p, int flag)
{
	set_bit(flag, &p->thread_info.flags);
}

static inline void clear_tsk_thread_flag(struct task_struct *p, int flag)
{
	clear_bit(flag, &p->thread_info.flags);
}

static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_NEED_RESCHED);
}

/* Seed 001: need_resched tells the kernel to call schedule() soon. */
void set_tsk_need_resched(struct task_struct *p);
void clear_tsk_need_resched(struct task_struct *p);

static inline bool need_resched(void)
{
	return test_tsk_need_resched(current);
}

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return p->cpu;
}

static inline bool task_is_running(const struct task_struct *p)
{
	return READ_ONCE(p->__state) == TASK_RUNNING;
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

static inline bool rt_prio(int prio)
{
	return prio < MAX_RT_PRIO;
}

static inline bool rt_task(const struct task_struct *p)
{
	return rt_prio(p->prio);
}

/*
 * Setting the state before testing the sleep condition pairs with the
 * waker, which changes the condition before waking: the full barrier of
 * the xchg keeps the two orders from crossing.
 */
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))
#define set_current_state(state) \
	__atomic_store_n(&current->__state, (state), __ATOMIC_SEQ_CST)

/*
 * TIF_SIGPENDING: a signal the task does not block is pending, or a
 * group stop or exit needs it (kernel/signal.c keeps it exact for the
 * task itself, recalc_sigpending()).
 */
static inline bool signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* SIGKILL is queued for @p: killable sleeps end (kernel/signal.c). */
static inline bool __fatal_signal_pending(struct task_struct *p)
{
	return p->pending.signal.sig[0] & (1UL << (SIGKILL - 1));
}

static inline bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && __fatal_signal_pending(p);
}

static inline bool signal_pending_state(unsigned int state,
					struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return false;
	if (!signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

/* kernel/sched/core.c */
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void schedule_preempt_disabled(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
void wake_up_new_task(struct task_struct *p);
void wait_task_inactive(struct task_struct *p);
void yield(void);
int _cond_resched(void);
#define cond_resched() _cond_resched()
void set_user_nice(struct task_struct *p, long nice);
int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       int rt_priority);
int set_cpus_allowed_ptr(struct task_struct *p, const unsigned long *mask);
unsigned int task_timeslice(const struct task_struct *p);
void sched_init(void);
void sched_init_smp(void);
void init_idle(struct task_struct *idle, int cpu);
__noreturn void cpu_startup_entry(void);
unsigned long nr_running(void);
unsigned long long nr_context_switches(void);
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);

/* The tick's and the IPI's way into the scheduler (hardirq context). */
void scheduler_tick(void);
void scheduler_ipi(void);

/* Task references: the last put frees a dead task's descriptor. */
static inline void get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
}

void __put_task_struct(struct task_struct *t);

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

/* kernel/fork.c */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
struct task_struct *fork_idle(int cpu);
struct task_struct *find_task_by_pid(pid_t pid);
void exchange_pids(struct task_struct *a, struct task_struct *b);
struct task_struct *find_get_task_by_pid(pid_t pid);
int copy_thread(struct task_struct *p, unsigned long clone_flags,
		unsigned long sp, unsigned long tls);
void sched_fork(struct task_struct *p);
__noreturn void do_task_dead(void);
void sched_init_rq(int cpu);
void fork_init(void);

#define for_each_process(p)                                                  \
	for (p = &init_task;                                                 \
	     (p = list_entry((p)->tasks.next, struct task_struct, tasks)) != \
	     &init_task;)

/* kernel/exit.c */
__noreturn void do_exit(long code);
void set_task_comm(struct task_struct *tsk, const char *name);

#endif /* _LINUX_SCHED_H */
