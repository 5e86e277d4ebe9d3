/*
 * The tick as an hrtimer.  In high-resolution mode the clock event
 * device only fires for the next hrtimer, so the tick (jiffies,
 * timer wheel, scheduler tick) becomes an hrtimer of its own, every
 * TICK_NSEC, aligned to tick_next_period.  Tickless idle (NO_HZ) would
 * stop it while the CPU sleeps; not yet.
 */
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <linux/timekeeping.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>

#include "tick-internal.h"

struct tick_sched {
	struct hrtimer sched_timer;
};

static DEFINE_PER_CPU(struct tick_sched, tick_cpu_sched);

/*
 * Advance jiffies by the ticks that passed by @now, which may be more
 * than one if interrupts were off for long.
 */
static void tick_do_update_jiffies64(ktime_t now)
{
	s64 delta;
	unsigned long ticks;

	spin_lock(&jiffies_lock);
	delta = ktime_sub(now, tick_next_period);
	if (delta < 0) {
		spin_unlock(&jiffies_lock);
		return;
	}
	ticks = 1 + delta / TICK_NSEC;
	tick_next_period = ktime_add_ns(tick_next_period, ticks * TICK_NSEC);
	do_timer(ticks);
	spin_unlock(&jiffies_lock);
	update_wall_time();
}

static enum hrtimer_restart tick_sched_timer(struct hrtimer *timer)
{
	struct pt_regs *regs = get_irq_regs();
	ktime_t now = ktime_get();

	if (tick_do_timer_cpu == smp_processor_id())
		tick_do_update_jiffies64(now);
	update_process_times(regs && user_mode(regs));
	hrtimer_forward(timer, now, TICK_NSEC);
	return HRTIMER_RESTART;
}

/**
 * tick_setup_sched_timer - start this CPU's emulated tick.
 *
 * Irqs off, when hrtimers switch to high resolution.
 */
void tick_setup_sched_timer(void)
{
	struct hrtimer *timer = &this_cpu_ptr(&tick_cpu_sched)->sched_timer;
	ktime_t next;

	hrtimer_init(timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_HARD);
	timer->function = tick_sched_timer;
	spin_lock(&jiffies_lock);
	next = tick_next_period;
	spin_unlock(&jiffies_lock);
	hrtimer_set_expires(timer, next);
	hrtimer_forward(timer, ktime_get(), TICK_NSEC);
	hrtimer_start(timer, hrtimer_get_expires(timer), HRTIMER_MODE_ABS_HARD);
}
