#ifndef _LINUX_CLOCKCHIPS_H
#define _LINUX_CLOCKCHIPS_H

#include <linux/types.h>
#include <linux/ktime.h>

/*
 * A clock event device raises an interrupt when told: every tick
 * (periodic) or once at a programmed time (oneshot).  The local APIC
 * timer is one per CPU.  Its interrupt calls @event_handler, which the
 * tick layer sets: tick_handle_periodic() or hrtimer_interrupt().
 */
enum clock_event_state {
	CLOCK_EVT_STATE_DETACHED,
	CLOCK_EVT_STATE_SHUTDOWN,
	CLOCK_EVT_STATE_PERIODIC,
	CLOCK_EVT_STATE_ONESHOT,
};

#define CLOCK_EVT_FEAT_PERIODIC 0x000001
#define CLOCK_EVT_FEAT_ONESHOT 0x000002

/**
 * struct clock_event_device - a programmable timer interrupt
 * @event_handler: called from the device's interrupt, hardirq context
 * @set_next_event: fire in @evt device ticks (oneshot mode)
 * @next_event: the time it is programmed for
 * @max_delta_ns: the longest delay it can be programmed for
 * @min_delta_ns: the shortest
 * @mult: ns to device ticks: ticks = (ns * mult) >> shift
 * @shift: see @mult
 * @state: CLOCK_EVT_STATE_*
 * @features: CLOCK_EVT_FEAT_*
 * @max_delta_ticks: @max_delta_ns in device ticks
 * @min_delta_ticks: @min_delta_ns in device ticks
 * @set_state_periodic: switch to periodic mode at HZ
 * @set_state_oneshot: switch to oneshot mode
 * @set_state_shutdown: stop it
 * @name: for the boot log
 * @rating: quality; the better device wins a CPU
 * @cpu: the CPU it interrupts
 */
struct clock_event_device {
	void (*event_handler)(struct clock_event_device *evt);
	int (*set_next_event)(unsigned long evt, struct clock_event_device *);
	ktime_t next_event;
	u64 max_delta_ns;
	u64 min_delta_ns;
	u32 mult;
	u32 shift;
	enum clock_event_state state;
	unsigned int features;
	unsigned long max_delta_ticks;
	unsigned long min_delta_ticks;
	int (*set_state_periodic)(struct clock_event_device *evt);
	int (*set_state_oneshot)(struct clock_event_device *evt);
	int (*set_state_shutdown)(struct clock_event_device *evt);
	const char *name;
	int rating;
	int cpu;
};

void clockevents_config_and_register(struct clock_event_device *dev, u32 freq,
				     unsigned long min_delta,
				     unsigned long max_delta);
void clockevents_switch_state(struct clock_event_device *dev,
			      enum clock_event_state state);
int clockevents_program_event(struct clock_event_device *dev, ktime_t expires,
			      bool force);

#endif /* _LINUX_CLOCKCHIPS_H */
