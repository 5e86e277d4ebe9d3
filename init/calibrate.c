/*
 * calibrate_delay(): loops_per_jiffy and the BogoMIPS line of the boot
 * log (seed 001: "内核在启动时利用calibrate_delay计算loops_per_jiffy").
 *
 * When the architecture knows its delay loop's rate (x86: the TSC
 * frequency, measured against the PIT) it sets lpj_fine and nothing is
 * measured.  Otherwise we count how many loops fit in one tick.
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <asm/processor.h>

#define LPJ_CHUNK 1000 /* loops between two looks at jiffies */

unsigned long loops_per_jiffy = 1 << 12;
unsigned long lpj_fine;

/* Needs the tick: interrupts on. */
static unsigned long __init measure_lpj(void)
{
	unsigned long ticks, loops = 0;

	ticks = jiffies;
	while (ticks == jiffies) /* start on a tick edge */
		cpu_relax();
	ticks = jiffies;
	while (ticks == jiffies) {
		__delay(LPJ_CHUNK);
		loops += LPJ_CHUNK;
	}
	return loops;
}

/**
 * calibrate_delay - set loops_per_jiffy and print BogoMIPS.
 *
 * Boot CPU, after local_irq_enable() (the measured path needs ticks).
 */
void __init calibrate_delay(void)
{
	unsigned long lpj;

	if (lpj_fine) {
		lpj = lpj_fine;
		pr_info("Calibrating delay loop (skipped), value calculated using timer frequency.. ");
	} else if (irqs_disabled()) {
		lpj = loops_per_jiffy;
		pr_info("Calibrating delay loop (skipped, no tick).. ");
	} else {
		lpj = measure_lpj();
		pr_info("Calibrating delay loop... ");
	}
	loops_per_jiffy = lpj;
	pr_cont("%lu.%02lu BogoMIPS (lpj=%lu)\n", lpj / (500000 / HZ),
		(lpj / (5000 / HZ)) % 100, lpj);
}
