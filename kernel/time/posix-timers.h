#ifndef _KERNEL_TIME_POSIX_TIMERS_H
#define _KERNEL_TIME_POSIX_TIMERS_H

/* The POSIX clocks (posix-stubs.c) and sleeping on them (hrtimer.c). */
#include <linux/hrtimer.h>
#include <linux/time64.h>

int posix_clock_get(clockid_t which_clock, struct timespec64 *tp);
int posix_clock_getres(clockid_t which_clock, struct timespec64 *tp);
long hrtimer_nanosleep(ktime_t rqtp, const enum hrtimer_mode mode,
		       const clockid_t clockid);

#endif /* _KERNEL_TIME_POSIX_TIMERS_H */
