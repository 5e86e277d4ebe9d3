#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/ktime.h>

/*
 * Nanoseconds since boot from this CPU's fastest clock (the TSC); 0
 * until the clock is calibrated.  For printk timestamps and
 * measurements; not synchronised across CPUs.
 */
u64 local_clock(void);

/*
 * The clocks of kernel/time/timekeeping.c, any context:
 * ktime_get() is CLOCK_MONOTONIC, nanoseconds since boot, never going
 * back; ktime_get_real() is CLOCK_REALTIME, wall time since 1970,
 * which settimeofday may move.  Between ticks both interpolate with
 * the clocksource, so they have its resolution (1 ns with the TSC).
 */
ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_real_offset(void);
ktime_t ktime_get_update_offsets_now(ktime_t *offs_real);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
int do_settimeofday64(const struct timespec64 *ts);

static inline u64 ktime_get_ns(void)
{
	return ktime_to_ns(ktime_get());
}

static inline u64 ktime_get_real_ns(void)
{
	return ktime_to_ns(ktime_get_real());
}

/* Boot and the tick. */
void timekeeping_init(void);
void update_wall_time(void);
void do_timer(unsigned long ticks);
void read_persistent_clock64(struct timespec64 *ts);

#endif /* _LINUX_TIMEKEEPING_H */
