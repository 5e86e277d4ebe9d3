#ifndef _KERNEL_SIGNAL_INTERNAL_H
#define _KERNEL_SIGNAL_INTERNAL_H

/* Shared between kernel/signal.c, its syscalls and its tests. */
#include <linux/hrtimer.h>
#include <linux/signal.h>
#include <asm-generic/param.h>
#include <asm/sighandling.h>
#include <uapi/linux/sched.h>

struct sigqueue;

void __sigqueue_free(struct sigqueue *q);

/* kernel/time/itimer.c: ITIMER_REAL expired, SIGALRM to the group. */
enum hrtimer_restart it_real_fn(struct hrtimer *timer);

#endif /* _KERNEL_SIGNAL_INTERNAL_H */
