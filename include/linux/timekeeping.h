#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

/*
 * Nanoseconds since boot from this CPU's fastest clock (the TSC); 0
 * until the clock is calibrated.  For printk timestamps and
 * measurements; not synchronised across CPUs.
 */
u64 local_clock(void);

#endif /* _LINUX_TIMEKEEPING_H */
