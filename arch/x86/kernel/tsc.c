/*
 * The time stamp counter: calibrated against the PIT at boot, then the
 * source of local_clock(), of the busy-wait delays, and the clocksource
 * of timekeeping.
 */
#include <vdso/datapage.h>
#include <linux/clocksource.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
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

/**
 * pit_measure - how far a counter advances in @ms milliseconds.
 * @read: reads the counter (must count up)
 * @ms: the window, at most 54 (the PIT's 16-bit count)
 *
 * Counts while PIT channel 2 counts down @ms milliseconds.  Channel
 * 2's gate is port 0x61 bit 0 and its output is readable at bit 5, so
 * no interrupt is needed.  Boot, irqs off.
 */
u64 __init pit_measure(u64 (*read)(void), unsigned int ms)
{
	u32 latch = PIT_TICK_RATE * ms / 1000;
	u64 t1, t2;

	outb((inb(0x61) & ~0x02) | 0x01, 0x61); /* gate on, speaker off */
	outb(0xb0, 0x43); /* ch2, lobyte/hibyte, mode 0 */
	outb(latch & 0xff, 0x42);
	outb(latch >> 8, 0x42);
	t1 = read();
	while (!(inb(0x61) & 0x20))
		;
	t2 = read();
	return t2 - t1;
}

static u64 __init read_tsc_raw(void)
{
	return rdtsc();
}

static u64 read_tsc(struct clocksource *cs)
{
	return rdtsc();
}

static struct clocksource clocksource_tsc = {
	.name = "tsc",
	.rating = 300,
	.read = read_tsc,
	.mask = CLOCKSOURCE_MASK(64),
	.flags = CLOCK_SOURCE_IS_CONTINUOUS,
	.vdso_clock_mode = VDSO_CLOCKMODE_TSC, /* rdtsc works in user mode */
};

/*
 * CPUID 0x80000007 EDX bit 8: the TSC ticks at a constant rate in every
 * P-, C- and T-state, so it can keep time.  Without it the rate may
 * change with the CPU's frequency; we use it anyway (there is no HPET
 * driver yet) and say so.
 */
static bool __init tsc_is_invariant(void)
{
	u32 eax, ebx, ecx, edx;

	if (boot_cpu_data.extended_cpuid_level < 0x80000007)
		return false;
	cpuid(0x80000007, &eax, &ebx, &ecx, &edx);
	return edx & (1U << 8);
}

/**
 * tsc_early_init - calibrate the TSC; timestamps start here.
 *
 * Boot CPU, interrupts off.  Registers the TSC as clocksource.
 */
void __init tsc_early_init(void)
{
	u64 khz = pit_measure(read_tsc_raw, CALIBRATE_MS) / CALIBRATE_MS;

	if (!khz) {
		pr_warn("tsc: calibration against the PIT failed\n");
		return;
	}
	cyc2ns_mul = (1000000ULL << 32) / khz;
	tsc_boot = rdtsc();
	tsc_khz = khz;
	lpj_fine = (u64)tsc_khz * 1000 / HZ;
	pr_info("tsc: Detected %u.%03u MHz processor\n", tsc_khz / 1000,
		tsc_khz % 1000);
	clocksource_register_khz(&clocksource_tsc, tsc_khz);
}

/**
 * tsc_init - report what the TSC can do.  From time_init().
 */
void __init tsc_init(void)
{
	if (!tsc_khz)
		return;
	pr_info("tsc: %s TSC at %u.%03u MHz\n",
		tsc_is_invariant() ?
			"invariant" :
			"non-invariant (constant rate not guaranteed)",
		tsc_khz / 1000, tsc_khz % 1000);
}
