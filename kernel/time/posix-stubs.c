/*
 * The POSIX clocks without POSIX timers: clock_gettime, clock_getres,
 * clock_settime and clock_nanosleep.  timer_create and the rest of the
 * POSIX timer calls are not implemented (-ENOSYS from the table).
 *
 *	REALTIME, TAI         wall time (TAI: no leap offset kept)
 *	MONOTONIC, _RAW       since boot (RAW: no NTP exists to slew it)
 *	BOOTTIME              since boot, suspend included (none here)
 *	*_COARSE              the same at tick resolution
 *	PROCESS/THREAD_CPUTIME_ID   CPU time, tick-accounted
 *	*_ALARM               read like REALTIME/BOOTTIME
 * Per-process CPU clocks (negative ids) are not supported: -EINVAL.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>
#include <uapi/linux/time_types.h>

#include "posix-timers.h"

static u64 thread_group_sum_exec(struct task_struct *p)
{
	struct task_struct *t;
	u64 sum;

	spin_lock_irq(&p->sighand->siglock);
	sum = p->signal->utime + p->signal->stime;
	for_each_thread(p, t) sum += t->sum_exec_runtime;
	spin_unlock_irq(&p->sighand->siglock);
	return sum;
}

static ktime_t coarse(ktime_t t)
{
	return t - t % TICK_NSEC;
}

/**
 * posix_clock_get - read clock @which_clock.
 *
 * Any process context.  Returns 0 or -EINVAL for an unknown clock.
 */
int posix_clock_get(clockid_t which_clock, struct timespec64 *tp)
{
	ktime_t t;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
	case CLOCK_REALTIME_ALARM:
		t = ktime_get_real();
		break;
	case CLOCK_REALTIME_COARSE:
		t = coarse(ktime_get_real());
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
		t = ktime_get();
		break;
	case CLOCK_MONOTONIC_COARSE:
		t = coarse(ktime_get());
		break;
	case CLOCK_BOOTTIME:
	case CLOCK_BOOTTIME_ALARM:
		t = ktime_get_boottime();
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
		t = thread_group_sum_exec(current);
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		t = current->sum_exec_runtime;
		break;
	default:
		return -EINVAL;
	}
	*tp = ns_to_timespec64(t);
	return 0;
}

/** posix_clock_getres - the resolution of @which_clock (ns). */
int posix_clock_getres(clockid_t which_clock, struct timespec64 *tp)
{
	struct timespec64 dummy;
	s64 res = 1; /* hrtimer-backed clocks: the clocksource's ns */

	if (posix_clock_get(which_clock, &dummy))
		return -EINVAL;
	switch (which_clock) {
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		res = TICK_NSEC;
		break;
	}
	*tp = ns_to_timespec64(res);
	return 0;
}

static int get_timespec64(struct timespec64 *ts,
			  const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	return 0;
}

static int put_timespec64(const struct timespec64 *ts,
			  struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec,
					 .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, const clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	int ret = posix_clock_get(which_clock, &ts);

	if (ret)
		return ret;
	return put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, const clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	int ret = posix_clock_getres(which_clock, &ts);

	if (ret || !tp)
		return ret;
	return put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_settime, const clockid_t, which_clock,
		const struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;

	if (get_timespec64(&ts, tp))
		return -EFAULT;
	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	return do_settimeofday64(&ts);
}

SYSCALL_DEFINE4(clock_nanosleep, const clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP; /* a clock, but one nobody sleeps on here */
	default:
		return -EINVAL;
	}
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	if (flags & TIMER_ABSTIME)
		rmtp = NULL;
	current->restart_block.fn = do_no_restart_syscall;
	current->restart_block.nanosleep.type = rmtp ? TT_NATIVE : TT_NONE;
	current->restart_block.nanosleep.rmtp = rmtp;
	return hrtimer_nanosleep(
		timespec64_to_ktime(t),
		flags & TIMER_ABSTIME ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL,
		which_clock == CLOCK_TAI ? CLOCK_REALTIME : which_clock);
}
