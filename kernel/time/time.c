/*
 * Time conversions: jiffies to and from milliseconds, microseconds and
 * nanoseconds, and calendar dates to seconds since 1970.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/time.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>
#include <uapi/linux/time_types.h>

/** jiffies_to_msecs - @j jiffies in milliseconds, truncated. */
unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)((u64)j * MSEC_PER_SEC / HZ);
}

/** jiffies_to_usecs - @j jiffies in microseconds, truncated. */
unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)((u64)j * USEC_PER_SEC / HZ);
}

/** jiffies_to_nsecs - @j jiffies in nanoseconds. */
u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * TICK_NSEC;
}

/*
 * @n units of which @per_sec make a second, in jiffies, rounded up so
 * that a timeout is never shorter than asked; capped at
 * MAX_JIFFY_OFFSET.
 */
static unsigned long units_to_jiffies(u64 n, u64 per_sec)
{
	u64 j = DIV_ROUND_UP(n * HZ, per_sec);

	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}

/** msecs_to_jiffies - @m milliseconds in jiffies, rounded up. */
unsigned long msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return units_to_jiffies(m, MSEC_PER_SEC);
}

/** usecs_to_jiffies - @u microseconds in jiffies, rounded up. */
unsigned long usecs_to_jiffies(const unsigned int u)
{
	if ((int)u < 0)
		return MAX_JIFFY_OFFSET;
	return units_to_jiffies(u, USEC_PER_SEC);
}

/**
 * nsecs_to_jiffies - @n nanoseconds in jiffies, rounded down (as on
 * Linux: for accounting, not for timeouts).
 */
unsigned long nsecs_to_jiffies(u64 n)
{
	return div_u64(n, TICK_NSEC);
}

/*
 * Days from 1970-01-01 to @year-@mon-@day of the proleptic Gregorian
 * calendar.  Counting years from March puts the leap day last, so a
 * month's first day is a linear function of its number (153 days per
 * five months) and the leap rules only enter through the year.
 */
static s64 days_from_civil(s64 year, unsigned int mon, unsigned int day)
{
	s64 era, yoe, doy, doe;

	if (mon <= 2)
		year--;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400; /* [0, 399] */
	doy = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
	return era * 146097 + doe - 719468; /* 719468: 0000-03-01 to 1970 */
}

/**
 * mktime64 - seconds since 1970-01-01 00:00:00 UTC of a UTC date.
 * @year: e.g. 2024
 * @mon: 1..12
 * @day: 1..31
 * @hour: 0..23
 * @min: 0..59
 * @sec: 0..60
 */
time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec)
{
	s64 days = days_from_civil(year, mon, day);

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

/* -- gettimeofday, settimeofday, time ---------------------------------- */

/* The time zone settimeofday stores; the kernel itself keeps UTC. */
static struct timezone sys_tz;

SYSCALL_DEFINE1(time, __kernel_old_time_t __user *, tloc)
{
	__kernel_old_time_t t = ktime_get_real_seconds();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		struct timespec64 ts;
		struct __kernel_old_timeval ktv;

		ktime_get_real_ts64(&ts);
		ktv.tv_sec = ts.tv_sec;
		ktv.tv_usec = ts.tv_nsec / NSEC_PER_USEC;
		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	struct __kernel_old_timeval ktv;
	struct timespec64 ts;
	struct timezone ktz;

	if (tv) {
		if (copy_from_user(&ktv, tv, sizeof(ktv)))
			return -EFAULT;
		if (ktv.tv_usec < 0 || ktv.tv_usec >= USEC_PER_SEC ||
		    ktv.tv_sec < 0)
			return -EINVAL;
		ts.tv_sec = ktv.tv_sec;
		ts.tv_nsec = ktv.tv_usec * NSEC_PER_USEC;
	}
	if (tz) {
		if (copy_from_user(&ktz, tz, sizeof(ktz)))
			return -EFAULT;
		if (ktz.tz_minuteswest > 15 * 60 ||
		    ktz.tz_minuteswest < -15 * 60)
			return -EINVAL;
	}
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	if (tz)
		sys_tz = ktz;
	return tv ? do_settimeofday64(&ts) : 0;
}
