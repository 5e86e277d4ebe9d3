/*
 * Clocksources: the registry of counters timekeeping can read, and the
 * scaled multiply that turns their cycles into nanoseconds.
 */
#include <linux/clocksource.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/time64.h>

#include "tick-internal.h"

static LIST_HEAD(clocksource_list);
static DEFINE_SPINLOCK(clocksource_lock);
static bool timekeeping_running;

/**
 * clocks_calc_mult_shift - factors to convert from one rate to another.
 * @mult: receives the multiplier
 * @shift: receives the shift
 * @from: the source rate (e.g. cycles per second)
 * @to: the target rate (e.g. nanoseconds per second)
 *
 * Afterwards value_to = (value_from * mult) >> shift.  The largest
 * shift (at most 32) whose multiplier fits 32 bits gives the finest
 * rounding.  Every user multiplies in 128 bits (mul_u64_u32_shr()), so
 * unlike on Linux no range of input needs to be reserved.
 */
void clocks_calc_mult_shift(u32 *mult, u32 *shift, u32 from, u32 to)
{
	u32 sft;
	u64 m = 0;

	for (sft = 32; sft > 0; sft--) {
		m = (((u64)to << sft) + from / 2) / from;
		if (m <= U32_MAX)
			break;
	}
	if (m > U32_MAX) /* @to / @from >= 2^32: no shift helps */
		m = U32_MAX;
	*mult = m;
	*shift = sft;
}

/** clocksource_best - the highest-rated registered clocksource. */
struct clocksource *clocksource_best(void)
{
	struct clocksource *cs, *best = NULL;

	spin_lock(&clocksource_lock);
	list_for_each_entry(cs, &clocksource_list, list) {
		if (!best || cs->rating > best->rating)
			best = cs;
	}
	spin_unlock(&clocksource_lock);
	return best;
}

/**
 * clocksource_register_khz - make @cs available to timekeeping.
 * @cs: the clocksource, with read, mask, name and rating set
 * @khz: its frequency
 *
 * Process context or boot.  If timekeeping already runs on a worse
 * clocksource, it switches to @cs.  Returns 0.
 */
int clocksource_register_khz(struct clocksource *cs, u32 khz)
{
	/* Cycles to ns: from @khz cycles per ms to 10^6 ns per ms. */
	clocks_calc_mult_shift(&cs->mult, &cs->shift, khz, NSEC_PER_MSEC);
	cs->khz = khz;
	spin_lock(&clocksource_lock);
	list_add_tail(&cs->list, &clocksource_list);
	spin_unlock(&clocksource_lock);
	pr_info("clocksource: %s: mask: %#llx mult: %u shift: %u\n", cs->name,
		cs->mask, cs->mult, cs->shift);
	if (timekeeping_running && clocksource_best() == cs)
		timekeeping_change_clocksource(cs);
	return 0;
}

/**
 * clocksource_register_hz - clocksource_register_khz() for slow clocks.
 * @cs: the clocksource
 * @hz: its frequency, which may be below 1 kHz (jiffies)
 */
int clocksource_register_hz(struct clocksource *cs, u32 hz)
{
	clocks_calc_mult_shift(&cs->mult, &cs->shift, hz, NSEC_PER_SEC);
	cs->khz = hz / 1000;
	spin_lock(&clocksource_lock);
	list_add_tail(&cs->list, &clocksource_list);
	spin_unlock(&clocksource_lock);
	if (timekeeping_running && clocksource_best() == cs)
		timekeeping_change_clocksource(cs);
	return 0;
}

/**
 * clocksource_timekeeping_started - from now on a better clocksource
 * is switched to as it registers.  Called by timekeeping_init().
 */
void clocksource_timekeeping_started(void)
{
	timekeeping_running = true;
}
