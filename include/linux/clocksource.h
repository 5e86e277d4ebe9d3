#ifndef _LINUX_CLOCKSOURCE_H
#define _LINUX_CLOCKSOURCE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/math64.h>
#include <linux/bitops.h>

/*
 * A clocksource is a free-running counter that timekeeping reads to
 * tell the time between ticks: the TSC, or failing that the jiffies
 * counter.  ns = (cycles * mult) >> shift.  The best-rated registered
 * one is used.
 */
struct clocksource {
	u64 (*read)(struct clocksource *cs);
	u64 mask;
	u32 mult;
	u32 shift;
	const char *name;
	int rating;
	unsigned long flags;
	u32 khz;
	int vdso_clock_mode; /* VDSO_CLOCKMODE_*: readable from user mode? */
	struct list_head list;
};

#define CLOCK_SOURCE_IS_CONTINUOUS 0x01

#define CLOCKSOURCE_MASK(bits) GENMASK_ULL((bits)-1, 0)

static inline s64 clocksource_cyc2ns(u64 cycles, u32 mult, u32 shift)
{
	return mul_u64_u32_shr(cycles, mult, shift);
}

void clocks_calc_mult_shift(u32 *mult, u32 *shift, u32 from, u32 to);
int clocksource_register_khz(struct clocksource *cs, u32 khz);
int clocksource_register_hz(struct clocksource *cs, u32 hz);
struct clocksource *clocksource_default_clock(void);
struct clocksource *clocksource_best(void);

#endif /* _LINUX_CLOCKSOURCE_H */
