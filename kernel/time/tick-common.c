/*
 * The periodic tick (seed 001: "时钟中断处理程序").
 *
 * Each CPU's clock event device interrupts HZ times a second and calls
 * tick_handle_periodic().  On the do_timer CPU that advances jiffies
 * and the wall clock (do_timer(), update_wall_time()); on every CPU it
 * runs the timers and the scheduler's tick (update_process_times()).
 * Once hrtimers switch to high resolution, the device becomes oneshot
 * and tick-sched.c emulates this tick with an hrtimer.
 */
#include <linux/clockchips.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <linux/timekeeping.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>

#include "tick-internal.h"

DEFINE_PER_CPU(struct tick_device, tick_cpu_device);

int tick_do_timer_cpu = TICK_DO_TIMER_NONE;
ktime_t tick_next_period; /* when the next jiffy is due */
DEFINE_RAW_SPINLOCK(jiffies_lock);

static void tick_periodic(int cpu)
{
	struct pt_regs *regs = get_irq_regs();

	if (tick_do_timer_cpu == cpu) {
		spin_lock(&jiffies_lock);
		tick_next_period = ktime_add_ns(tick_next_period, TICK_NSEC);
		do_timer(1);
		spin_unlock(&jiffies_lock);
		update_wall_time();
	}
	update_process_times(regs && user_mode(regs));
}

/**
 * tick_handle_periodic - the event handler of a device in periodic mode.
 * @dev: the CPU's clock event device
 *
 * Hardirq context.  A device without a periodic mode is reprogrammed
 * one tick ahead each time, catching up ticks it missed.
 */
void tick_handle_periodic(struct clock_event_device *dev)
{
	ktime_t next;

	tick_periodic(smp_processor_id());
	if (dev->state != CLOCK_EVT_STATE_ONESHOT)
		return;
	next = ktime_add_ns(dev->next_event, TICK_NSEC);
	while (clockevents_program_event(dev, next, false)) {
		tick_periodic(smp_processor_id());
		next = ktime_add_ns(next, TICK_NSEC);
	}
}

static void tick_setup_periodic(struct clock_event_device *dev)
{
	dev->event_handler = tick_handle_periodic;
	if (dev->features & CLOCK_EVT_FEAT_PERIODIC) {
		clockevents_switch_state(dev, CLOCK_EVT_STATE_PERIODIC);
		return;
	}
	clockevents_switch_state(dev, CLOCK_EVT_STATE_ONESHOT);
	clockevents_program_event(dev, ktime_add_ns(ktime_get(), TICK_NSEC),
				  true);
}

/**
 * tick_check_new_device - offer @dev as this CPU's tick device.
 * @dev: a newly registered clock event device of this CPU
 *
 * Irqs off.  The first CPU to get a device also takes the do_timer
 * duty.
 */
void tick_check_new_device(struct clock_event_device *dev)
{
	struct tick_device *td = this_cpu_ptr(&tick_cpu_device);
	int cpu = smp_processor_id();

	if (td->evtdev && td->evtdev->rating >= dev->rating)
		return;
	if (td->evtdev)
		clockevents_switch_state(td->evtdev, CLOCK_EVT_STATE_SHUTDOWN);
	if (tick_do_timer_cpu == TICK_DO_TIMER_NONE) {
		tick_do_timer_cpu = cpu;
		tick_next_period = ktime_add_ns(ktime_get(), TICK_NSEC);
	}
	td->evtdev = dev;
	td->mode = TICKDEV_MODE_PERIODIC;
	dev->cpu = cpu;
	tick_setup_periodic(dev);
}

/** tick_oneshot_possible - can this CPU's tick device do oneshot? */
bool tick_oneshot_possible(void)
{
	struct clock_event_device *dev = this_cpu_read(tick_cpu_device.evtdev);

	return dev && (dev->features & CLOCK_EVT_FEAT_ONESHOT);
}

/**
 * tick_switch_to_oneshot - make this CPU's device oneshot, for hrtimers.
 * @handler: its new event handler (hrtimer_interrupt)
 *
 * Irqs off.  Returns 0, or -EINVAL without a oneshot-capable device.
 */
int tick_switch_to_oneshot(void (*handler)(struct clock_event_device *))
{
	struct tick_device *td = this_cpu_ptr(&tick_cpu_device);
	struct clock_event_device *dev = td->evtdev;

	if (!tick_oneshot_possible())
		return -EINVAL;
	td->mode = TICKDEV_MODE_ONESHOT;
	dev->event_handler = handler;
	clockevents_switch_state(dev, CLOCK_EVT_STATE_ONESHOT);
	return 0;
}

/**
 * tick_program_event - program this CPU's oneshot device.
 * @expires: CLOCK_MONOTONIC time; KTIME_MAX for "nothing to do"
 * @force: see clockevents_program_event()
 *
 * Irqs off.  Returns 0 or -ETIME.
 */
int tick_program_event(ktime_t expires, int force)
{
	struct clock_event_device *dev = this_cpu_read(tick_cpu_device.evtdev);

	if (expires == KTIME_MAX) {
		dev->next_event = KTIME_MAX;
		return 0;
	}
	return clockevents_program_event(dev, expires, force);
}
