/*
 * Clock event devices: programming a timer interrupt in nanoseconds,
 * whatever the device counts in.
 */
#include <linux/clockchips.h>
#include <linux/clocksource.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/timekeeping.h>

#include "tick-internal.h"

/*
 * Below this a device could interrupt again before the handler has
 * returned; under emulation a few microseconds is already tight.
 */
#define MIN_DELTA_NS 1000

/*
 * @ticks of @dev in ns, rounded up: (ticks << shift) / mult, split so
 * that no intermediate needs more than 64 bits (mult < 2^32).
 */
static u64 cev_delta2ns(unsigned long ticks, struct clock_event_device *dev)
{
	u64 q = ticks / dev->mult, r = ticks % dev->mult;

	if (q >> (63 - dev->shift))
		return S64_MAX;
	return (q << dev->shift) +
	       ((r << dev->shift) + dev->mult - 1) / dev->mult;
}

/**
 * clockevents_switch_state - put @dev into @state.
 * @dev: the device
 * @state: CLOCK_EVT_STATE_*
 *
 * Irqs off.
 */
void clockevents_switch_state(struct clock_event_device *dev,
			      enum clock_event_state state)
{
	if (dev->state == state)
		return;
	switch (state) {
	case CLOCK_EVT_STATE_PERIODIC:
		if (dev->set_state_periodic)
			dev->set_state_periodic(dev);
		break;
	case CLOCK_EVT_STATE_ONESHOT:
		if (dev->set_state_oneshot)
			dev->set_state_oneshot(dev);
		dev->next_event = KTIME_MAX;
		break;
	default:
		if (dev->set_state_shutdown)
			dev->set_state_shutdown(dev);
	}
	dev->state = state;
}

/**
 * clockevents_program_event - make @dev interrupt at @expires.
 * @dev: a device in oneshot mode
 * @expires: CLOCK_MONOTONIC time
 * @force: if @expires has passed, interrupt as soon as possible instead
 *	of failing
 *
 * Irqs off.  Returns 0, or -ETIME when @expires has passed and !@force.
 * Delays beyond the device's range are cut to its maximum: the handler
 * then finds nothing due and programs the rest.
 */
int clockevents_program_event(struct clock_event_device *dev, ktime_t expires,
			      bool force)
{
	s64 delta;

	if (expires < 0)
		return -ETIME;
	dev->next_event = expires;
	if (dev->state != CLOCK_EVT_STATE_ONESHOT)
		return 0;
	delta = ktime_to_ns(ktime_sub(expires, ktime_get()));
	if (delta <= 0 && !force)
		return -ETIME;
	delta = clamp(delta, (s64)dev->min_delta_ns, (s64)dev->max_delta_ns);
	return dev->set_next_event(
		mul_u64_u32_shr(delta, dev->mult, dev->shift), dev);
}

/**
 * clockevents_config_and_register - hand @dev to the tick layer.
 * @dev: the device; name, features, rating and callbacks set
 * @freq: its count rate in Hz
 * @min_delta: the shortest programmable delay, in device ticks
 * @max_delta: the longest
 *
 * On the CPU @dev belongs to, irqs off.
 */
void clockevents_config_and_register(struct clock_event_device *dev, u32 freq,
				     unsigned long min_delta,
				     unsigned long max_delta)
{
	clocks_calc_mult_shift(&dev->mult, &dev->shift, NSEC_PER_SEC, freq);
	dev->min_delta_ticks = min_delta;
	dev->max_delta_ticks = max_delta;
	dev->max_delta_ns = cev_delta2ns(max_delta, dev);
	dev->min_delta_ns =
		max_t(u64, cev_delta2ns(min_delta, dev), MIN_DELTA_NS);
	dev->state = CLOCK_EVT_STATE_DETACHED;
	dev->next_event = KTIME_MAX;
	tick_check_new_device(dev);
}
