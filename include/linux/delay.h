#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

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

#endif /* _LINUX_DELAY_H */
