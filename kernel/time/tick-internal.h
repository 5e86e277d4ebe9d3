#ifndef _KERNEL_TIME_TICK_INTERNAL_H
#define _KERNEL_TIME_TICK_INTERNAL_H

#include <linux/clockchips.h>
#include <linux/clocksource.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include <linux/tick.h>

/*
 * Shared by kernel/time/: which CPU advances jiffies, when its next
 * jiffy is due (CLOCK_MONOTONIC), and the lock over both and jiffies_64.
 */
#define TICK_DO_TIMER_NONE -1

extern int tick_do_timer_cpu;
extern ktime_t tick_next_period;
extern raw_spinlock_t jiffies_lock;

void tick_handle_periodic(struct clock_event_device *dev);

/* clocksource.c: later registrations may replace the clock. */
void clocksource_timekeeping_started(void);
/* timekeeping.c: change to a better clocksource. */
void timekeeping_change_clocksource(struct clocksource *cs);

#endif /* _KERNEL_TIME_TICK_INTERNAL_H */
