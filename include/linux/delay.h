#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

/* Busy-wait delays (arch/x86/lib/delay.c); any context. */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);

#endif /* _LINUX_DELAY_H */
