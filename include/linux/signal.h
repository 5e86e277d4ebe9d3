#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

/*
 * Signals inside the kernel (kernel/signal.c).
 *
 * A signal sent to a task is a bit in a pending set (task->pending for
 * one thread, signal->shared_pending for the whole process) plus, when
 * memory allows, a struct sigqueue carrying its siginfo.  Standard
 * signals (1..31) coalesce: one pending instance at most.  Real-time
 * signals (32..64) queue one siginfo per send, limited per user by
 * RLIMIT_SIGPENDING.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/signal_types.h>
#include <uapi/asm-generic/siginfo.h>

struct task_struct;
struct pt_regs;
struct user_struct;

/* The part of siginfo_t the kernel keeps: 48 bytes on x86_64. */
typedef struct kernel_siginfo {
	__SIGINFO;
} kernel_siginfo_t;

/* A queued signal: its info, on a struct sigpending's list. */
struct sigqueue {
	struct list_head list;
	int flags; /* SIGQUEUE_PREALLOC: not ours to free */
	kernel_siginfo_t info;
	struct user_struct *user; /* charged for RLIMIT_SIGPENDING */
};

#define SIGQUEUE_PREALLOC 1

/* The special "info" values of the send functions. */
#define SEND_SIG_NOINFO ((struct kernel_siginfo *)0) /* from a user: SI_USER */
#define SEND_SIG_PRIV ((struct kernel_siginfo *)1) /* from the kernel */

static inline bool is_si_special(const struct kernel_siginfo *info)
{
	return info <= SEND_SIG_PRIV;
}

static inline void clear_siginfo(kernel_siginfo_t *info)
{
	memset(info, 0, sizeof(*info));
}

/* Which set a signal is queued on: one thread's or the group's. */
enum pid_type {
	PIDTYPE_PID, /* the thread */
	PIDTYPE_TGID, /* its thread group (process) */
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

/* A signal that get_signal() decided the task handles in user mode. */
struct ksignal {
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;
};

/* sigset_t operations; signals are numbered from 1. */
#define sigmask(sig) (1UL << ((sig)-1))

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return set->sig[0] == 0;
}

static inline bool sigequalsets(const sigset_t *a, const sigset_t *b)
{
	return a->sig[0] == b->sig[0];
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
}

static inline void siginitset(sigset_t *set, unsigned long mask)
{
	set->sig[0] = mask;
}

static inline void siginitsetinv(sigset_t *set, unsigned long mask)
{
	set->sig[0] = ~mask;
}

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
}

static inline void sigandsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & b->sig[0];
}

static inline void sigandnsets(sigset_t *r, const sigset_t *a,
			       const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
}

static inline void signotset(sigset_t *set)
{
	set->sig[0] = ~set->sig[0];
}

static inline void init_sigpending(struct sigpending *sig)
{
	sigemptyset(&sig->signal);
	INIT_LIST_HEAD(&sig->list);
}

/*
 * The default actions, as masks (signal(7)): SIGKILL and SIGSTOP can be
 * neither caught, blocked nor ignored; the stop signals stop the
 * process; the core signals terminate it "with a core dump"; the
 * ignore signals are dropped; every other one terminates.
 */
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK                                      \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
	 sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK                                 \
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
	 sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) | \
	 sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) |  \
	 sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK                                     \
	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | \
	 sigmask(SIGURG))
/* Raised by the faulting instruction itself: delivered first. */
#define SYNCHRONOUS_MASK                                        \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static inline bool siginmask(int sig, unsigned long mask)
{
	return sig < SIGRTMIN && (sigmask(sig) & mask);
}

#define sig_kernel_only(sig) siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig) siginmask(sig, SIG_KERNEL_IGNORE_MASK)
#define sig_kernel_stop(sig) siginmask(sig, SIG_KERNEL_STOP_MASK)

/* The sa_flags user space may set (x86_64); the rest are cleared. */
#define UAPI_SA_FLAGS                                                         \
	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
	 SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

/* Sending (kernel/signal.c); see also linux/sched/signal.h. */
int do_send_sig_info(int sig, struct kernel_siginfo *info,
		     struct task_struct *p, enum pid_type type);
int group_send_sig_info(int sig, struct kernel_siginfo *info,
			struct task_struct *p, enum pid_type type);
int send_signal_locked(int sig, struct kernel_siginfo *info,
		       struct task_struct *t, enum pid_type type);
int kill_pid_info(int sig, struct kernel_siginfo *info, pid_t pid);
int kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp);
int force_sig_info(struct kernel_siginfo *info);

/* Receiving. */
int dequeue_signal(struct task_struct *tsk, sigset_t *mask,
		   kernel_siginfo_t *info, enum pid_type *type);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
void recalc_sigpending(void);
bool recalc_sigpending_tsk(struct task_struct *t);
void signal_wake_up_state(struct task_struct *t, unsigned int state);
void flush_sigqueue(struct sigpending *queue);
void flush_signals(struct task_struct *t);
void ignore_signals(struct task_struct *t);

/* The blocked mask. */
void set_current_blocked(sigset_t *newset);
void __set_current_blocked(const sigset_t *newset);
int sigprocmask(int how, sigset_t *set, sigset_t *oldset);
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);

/* sigaction and the alternate stack. */
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact);
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp,
		   size_t min_ss_size);
int restore_altstack(const stack_t __user *uss);
int __save_altstack(stack_t __user *uss, unsigned long sp);
int on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
unsigned long sigsp(unsigned long sp, struct ksignal *ksig);

/* siginfo in and out of user space (128 bytes, tail zeroed). */
int copy_siginfo_to_user(siginfo_t __user *to, const kernel_siginfo_t *from);
int copy_siginfo_from_user(kernel_siginfo_t *to, const siginfo_t __user *from);

/* Signals as syscall results. */
struct timespec64;
int do_sigtimedwait(const sigset_t *which, kernel_siginfo_t *info,
		    const struct timespec64 *ts);

#endif /* _LINUX_SIGNAL_H */
