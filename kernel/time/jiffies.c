/*
 * jiffies, and the clocksource of last resort built on it.
 */
#include <linux/clocksource.h>
#include <linux/init.h>
#include <linux/jiffies.h>

/*
 * jiffies is an alias of jiffies_64: on a 64-bit machine both are the
 * same 8 bytes, so a read of either is one atomic load.
 */
u64 jiffies_64 __aligned(64) = INITIAL_JIFFIES;
extern unsigned long volatile jiffies __attribute__((__alias__("jiffies_64")));

static u64 jiffies_read(struct clocksource *cs)
{
	return get_jiffies_64();
}

/*
 * Tick resolution only, and it stands still while interrupts are off;
 * used if the TSC could not be calibrated.
 */
static struct clocksource clocksource_jiffies = {
	.name = "jiffies",
	.rating = 1,
	.read = jiffies_read,
	.mask = CLOCKSOURCE_MASK(64),
};

/** clocksource_default_clock - the jiffies clocksource, registered. */
struct clocksource *__init clocksource_default_clock(void)
{
	if (!clocksource_jiffies.mult)
		clocksource_register_hz(&clocksource_jiffies, HZ);
	return &clocksource_jiffies;
}
