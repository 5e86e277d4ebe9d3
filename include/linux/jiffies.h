#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/typecheck.h>
#include <linux/time64.h>
#include <asm/param.h>

/*
 * jiffies: ticks since boot (seed 001: "jiffies_64加1" in do_timer()).
 * jiffies_64 is the 64-bit counter; jiffies is the same storage read as
 * an unsigned long.  Only the CPU that owns the tick writes them.
 *
 * They start at INITIAL_JIFFIES, five minutes before the 32-bit value
 * wraps, as on Linux: code that compares jiffies with < instead of
 * time_after() breaks within minutes of boot, not after 49 days.
 */
extern u64 jiffies_64;
extern unsigned long volatile jiffies;

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

/* Nanoseconds per tick, rounded. */
#define TICK_NSEC ((NSEC_PER_SEC + HZ / 2) / HZ)

static inline u64 get_jiffies_64(void)
{
	return READ_ONCE(jiffies_64);
}

/*
 * Wrap-safe comparisons: right as long as the two times are less than
 * half the counter's range apart.  time_after(a, b) is "a is after b".
 */
#define time_after(a, b)                                               \
	(typecheck(unsigned long, a) && typecheck(unsigned long, b) && \
	 ((long)((b) - (a)) < 0))
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b)                                            \
	(typecheck(unsigned long, a) && typecheck(unsigned long, b) && \
	 ((long)((a) - (b)) >= 0))
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))

#define time_after64(a, b) \
	(typecheck(u64, a) && typecheck(u64, b) && ((s64)((b) - (a)) < 0))
#define time_before64(a, b) time_after64(b, a)
#define time_after_eq64(a, b) \
	(typecheck(u64, a) && typecheck(u64, b) && ((s64)((a) - (b)) >= 0))
#define time_before_eq64(a, b) time_after_eq64(b, a)

#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)

/* The largest timeout a timer may be given (half the counter). */
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

/* Conversions; to jiffies they round up, so a delay is never short. */
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
u64 jiffies_to_nsecs(const unsigned long j);
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned long usecs_to_jiffies(const unsigned int u);
unsigned long nsecs_to_jiffies(u64 n);

#endif /* _LINUX_JIFFIES_H */
