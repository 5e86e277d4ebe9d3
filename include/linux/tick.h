#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

#include <linux/types.h>
#include <linux/ktime.h>
#include <linux/percpu.h>

struct clock_event_device;

/*
 * The tick: each CPU's clock event device, first periodic at HZ, then,
 * once hrtimers switch to high resolution, oneshot with the tick
 * emulated by an hrtimer (kernel/time/tick-sched.c).  One CPU, the
 * do_timer CPU, advances jiffies and the wall clock.
 */
enum tick_device_mode {
	TICKDEV_MODE_PERIODIC,
	TICKDEV_MODE_ONESHOT,
};

struct tick_device {
	struct clock_event_device *evtdev;
	enum tick_device_mode mode;
};

DECLARE_PER_CPU(struct tick_device, tick_cpu_device);

void tick_check_new_device(struct clock_event_device *dev);
bool tick_oneshot_possible(void);
int tick_switch_to_oneshot(void (*handler)(struct clock_event_device *));
int tick_program_event(ktime_t expires, int force);
void tick_setup_sched_timer(void);

#endif /* _LINUX_TICK_H */
