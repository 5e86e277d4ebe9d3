/*
 * Busy-wait delays on the TSC.  Before calibration they fall back to
 * the port-0x80 write, which takes about a microsecond on a PC.
 */
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/tsc.h>

static void delay_tsc(u64 cycles)
{
	u64 start = rdtsc();

	while (rdtsc() - start < cycles)
		cpu_relax();
}

/**
 * __delay - spin for @loops loops: TSC cycles, or port writes (about a
 * microsecond each) before the TSC is calibrated.  Any context.
 */
void __delay(unsigned long loops)
{
	if (tsc_khz) {
		delay_tsc(loops);
		return;
	}
	while (loops--)
		io_delay();
}

/** ndelay - spin for at least @nsecs nanoseconds.  Any context. */
void ndelay(unsigned long nsecs)
{
	unsigned long i;

	if (tsc_khz) {
		delay_tsc(((u64)nsecs * tsc_khz + 999999) / 1000000);
		return;
	}
	for (i = 0; i < (nsecs + 999) / 1000; i++)
		io_delay();
}

/** udelay - spin for at least @usecs microseconds.  Any context. */
void udelay(unsigned long usecs)
{
	ndelay(usecs * 1000);
}

/** mdelay - spin for at least @msecs milliseconds.  Any context. */
void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
