/*
 * The time stamp counter: calibrated against the PIT at boot, then the
 * source of local_clock() and of the busy-wait delays.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/tsc.h>

#define PIT_TICK_RATE 1193182UL /* Hz of the 8254's input clock */
#define CALIBRATE_MS 10

unsigned int tsc_khz;
static u64 tsc_boot; /* TSC at calibration: time 0 of the log */
static u64 cyc2ns_mul; /* ns = cycles * cyc2ns_mul >> 32 */

/**
 * tsc_cycles_to_ns - convert a TSC cycle count to nanoseconds.
 *
 * The multiply is 64x64→128 bits, so no cycle count can overflow it.
 */
u64 tsc_cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * cyc2ns_mul) >> 32);
}

/** local_clock - nanoseconds since TSC calibration; see timekeeping.h. */
u64 local_clock(void)
{
	if (!tsc_khz)
		return 0;
	return tsc_cycles_to_ns(rdtsc() - tsc_boot);
}

/*
 * Count TSC cycles while PIT channel 2 counts down CALIBRATE_MS
 * milliseconds.  Channel 2's gate is port 0x61 bit 0 and its output
 * is readable at bit 5, so no interrupt is needed.
 */
static u64 __init pit_calibrate_tsc(void)
{
	u32 latch = PIT_TICK_RATE / (1000 / CALIBRATE_MS);
	u64 t1, t2;

	outb((inb(0x61) & ~0x02) | 0x01, 0x61); /* gate on, speaker off */
	outb(0xb0, 0x43); /* ch2, lobyte/hibyte, mode 0 */
	outb(latch & 0xff, 0x42);
	outb(latch >> 8, 0x42);
	t1 = rdtsc();
	while (!(inb(0x61) & 0x20))
		;
	t2 = rdtsc();
	return (t2 - t1) / CALIBRATE_MS; /* cycles per ms = kHz */
}

/**
 * tsc_early_init - calibrate the TSC; timestamps start here.
 *
 * Boot CPU, interrupts off.
 */
void __init tsc_early_init(void)
{
	u64 khz = pit_calibrate_tsc();

	if (!khz) {
		pr_warn("tsc: calibration against the PIT failed\n");
		return;
	}
	cyc2ns_mul = (1000000ULL << 32) / khz;
	tsc_boot = rdtsc();
	tsc_khz = khz;
	pr_info("tsc: Detected %u.%03u MHz processor\n", tsc_khz / 1000,
		tsc_khz % 1000);
}
