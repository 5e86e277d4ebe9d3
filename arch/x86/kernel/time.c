/*
 * time_init(): the x86 clocks.  The TSC (calibrated in setup_arch) is
 * the clocksource; the local APIC timer is each CPU's tick.  The PIT is
 * only a reference for calibration and never interrupts.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <asm/apic.h>
#include <asm/time.h>
#include <asm/tsc.h>

/**
 * time_init - start the tick.
 *
 * Boot CPU, irqs off, after init_IRQ() and timekeeping_init().  The
 * first tick arrives when start_kernel() enables interrupts.
 */
void __init time_init(void)
{
	pr_info("time: HZ=%d (a tick every %lu us), INITIAL_JIFFIES=%#lx\n", HZ,
		TICK_NSEC / NSEC_PER_USEC, INITIAL_JIFFIES);
	tsc_init();
	setup_boot_APIC_clock();
}
