#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>
#include <linux/sched.h>

/*
 * Busy-wait delays (arch/x86/lib/delay.c); any context.  On x86 a
 * "loop" of __delay() is a TSC cycle, so loops_per_jiffy is TSC cycles
 * per tick, which is what BogoMIPS is computed from (seed 001:
 * "BogoMIPS = loops_per_jiffy * HZ / 500000").
 */
extern unsigned long loops_per_jiffy;
extern unsigned long lpj_fine; /* set by the architecture if it knows */

void __delay(unsigned long loops);
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);

void calibrate_delay(void);

/*
 * Sleeping delays (kernel/time/sleep_timeout.c): process context only.
 * msleep() rounds up to jiffies; usleep_range() uses an hrtimer.
 */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state);

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif /* _LINUX_DELAY_H */
