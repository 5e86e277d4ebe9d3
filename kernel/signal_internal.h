#ifndef _KERNEL_SIGNAL_INTERNAL_H
#define _KERNEL_SIGNAL_INTERNAL_H

/* Shared between kernel/signal.c, its syscalls and its tests. */
#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <asm-generic/param.h>
#include <asm/sighandling.h>
#include <uapi/linux/sched.h>

struct sigqueue;

void __sigqueue_free(struct sigqueue *q);
void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s);

static inline __sighandler_t sig_handler(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa.sa_handler;
}

/* SIG_IGN, or SIG_DFL for a signal whose default is to be ignored. */
static inline bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/* kernel/time/itimer.c: ITIMER_REAL expired, SIGALRM to the group. */
enum hrtimer_restart it_real_fn(struct hrtimer *timer);

#endif /* _KERNEL_SIGNAL_INTERNAL_H */
