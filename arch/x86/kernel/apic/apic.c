/*
 * The local APIC (asm/apic.h): bringing it up, its error and spurious
 * vectors, IPIs, and its timer as this CPU's clock event device.
 *
 * The timer counts down at the bus clock divided by 16.  We measure
 * that rate against PIT channel 2 (like the TSC), then run it periodic
 * at HZ until hrtimers switch it to oneshot.  Where the CPU has the
 * TSC-deadline mode, the timer is instead armed with an absolute TSC
 * value, which needs no calibration of its own and no periodic mode.
 */
#include <linux/clockchips.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/time64.h>
#include <asm/apic.h>
#include <asm/barrier.h>
#include <asm/hw_irq.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define LAPIC_CAL_MS 50 /* calibration window, within the PIT's range */
#define X86_FEATURE_APIC_BIT (1U << 9) /* CPUID 1 EDX */
#define X86_FEATURE_TSC_DEADLINE_BIT (1U << 24) /* CPUID 1 ECX */

void *apic_mmio_base;
unsigned long mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
unsigned int boot_cpu_physical_apicid;
unsigned int lapic_timer_period;
static u32 lapic_timer_hz;

/* Processors the MADT lists (the SMP issue starts the others). */
unsigned int num_processors;
u32 x86_cpu_apicids[NR_CPUS];

DEFINE_PER_CPU(u32, x86_cpu_to_apicid);
static DEFINE_PER_CPU(struct clock_event_device, lapic_events);

/** register_lapic_address - the MADT's local APIC address. */
void __init register_lapic_address(unsigned long address)
{
	mp_lapic_addr = address;
}

/** generic_processor_info - note a processor the MADT lists. */
void __init generic_processor_info(u32 apicid)
{
	if (num_processors >= NR_CPUS) {
		pr_warn("APIC: NR_CPUS=%d reached; CPU %#x ignored\n", NR_CPUS,
			apicid);
		return;
	}
	x86_cpu_apicids[num_processors++] = apicid;
}

/** apic_has_tsc_deadline - can the timer take a TSC deadline? */
bool apic_has_tsc_deadline(void)
{
	return (boot_cpu_data.x86_capability[0] &
		X86_FEATURE_TSC_DEADLINE_BIT) &&
	       tsc_khz;
}

static void apic_wait_icr_idle(void)
{
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

/**
 * apic_send_IPI_self - interrupt this CPU with @vector.
 * @vector: a device or system vector
 *
 * Any context.  Arrives once irqs are on (at once if they are).
 */
void apic_send_IPI_self(unsigned int vector)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, 0);
	apic_write(APIC_ICR, APIC_DEST_SELF | APIC_DM_FIXED | vector);
	local_irq_restore(flags);
}

/**
 * apic_send_IPI - interrupt the CPU whose APIC ID is @apicid.
 * @apicid: destination, physical mode
 * @vector: the vector
 */
void apic_send_IPI(unsigned int apicid, unsigned int vector)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, APIC_DEST_PHYSICAL | APIC_DM_FIXED | vector);
	local_irq_restore(flags);
}

/** apic_send_IPI_allbutself - interrupt every other CPU with @vector. */
void apic_send_IPI_allbutself(unsigned int vector)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, 0);
	apic_write(APIC_ICR, APIC_DEST_ALLBUT | APIC_DM_FIXED | vector);
	local_irq_restore(flags);
}

static void lapic_ack(struct irq_data *d)
{
	apic_eoi();
}

static int lapic_retrigger(struct irq_data *d)
{
	apic_send_IPI_self(irq_cfg(d->irq)->vector);
	return 1;
}

/*
 * The chip of lines that exist only as a vector, raised by an IPI (the
 * tests' software line, later MSI-like sources): nothing to mask, the
 * local APIC's EOI is the acknowledge.
 */
struct irq_chip lapic_chip = {
	.name = "APIC",
	.irq_ack = lapic_ack,
	.irq_eoi = lapic_ack,
	.irq_retrigger = lapic_retrigger,
};

/*
 * The spurious vector: the APIC raised an interrupt that went away
 * before the CPU took it.  No EOI, unless it was a real interrupt on
 * this vector (its in-service bit is set).
 */
static void sysvec_spurious_apic_interrupt(struct pt_regs *regs)
{
	unsigned int v = SPURIOUS_APIC_VECTOR;

	inc_irq_stat(irq_spurious_count);
	if (apic_read(APIC_ISR + ((v & ~0x1f) >> 1)) & (1U << (v & 0x1f)))
		apic_eoi();
}

/* The APIC detected an error (a bad vector, a send that failed). */
static void sysvec_error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	apic_write(APIC_ESR, 0); /* latch the errors into ESR */
	esr = apic_read(APIC_ESR);
	apic_eoi();
	atomic_inc(&irq_err_count);
	pr_debug("APIC error on CPU%u: %02x\n", smp_processor_id(), esr);
}

/* The timer's interrupt: the tick, or the next hrtimer. */
static void sysvec_apic_timer_interrupt(struct pt_regs *regs)
{
	struct clock_event_device *evt = this_cpu_ptr(&lapic_events);

	apic_eoi();
	inc_irq_stat(apic_timer_irqs);
	if (evt->event_handler)
		evt->event_handler(evt);
}

static int lapic_next_event(unsigned long delta, struct clock_event_device *evt)
{
	apic_write(APIC_TMICT, delta);
	return 0;
}

static int lapic_next_deadline(unsigned long delta,
			       struct clock_event_device *evt)
{
	wrmsr(MSR_IA32_TSC_DEADLINE, rdtsc() + delta);
	return 0;
}

static int lapic_timer_shutdown(struct clock_event_device *evt)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0);
	return 0;
}

static int lapic_timer_set_periodic(struct clock_event_device *evt)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
	return 0;
}

static int lapic_timer_set_oneshot(struct clock_event_device *evt)
{
	if (evt->set_next_event == lapic_next_deadline) {
		apic_write(APIC_LVTT,
			   APIC_LVT_TIMER_TSCDEADLINE | LOCAL_TIMER_VECTOR);
		/* SDM: the mode switch must be visible before a deadline
		 * is written. */
		mb();
		return 0;
	}
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_ONESHOT | LOCAL_TIMER_VECTOR);
	return 0;
}

static const struct clock_event_device lapic_clockevent = {
	.name = "lapic",
	.features = CLOCK_EVT_FEAT_PERIODIC | CLOCK_EVT_FEAT_ONESHOT,
	.rating = 100,
	.set_next_event = lapic_next_event,
	.set_state_periodic = lapic_timer_set_periodic,
	.set_state_oneshot = lapic_timer_set_oneshot,
	.set_state_shutdown = lapic_timer_shutdown,
};

/* The timer counts down; this reads it as a count that goes up. */
static u64 __init lapic_count_up(void)
{
	return 0xffffffffULL - apic_read(APIC_TMCCT);
}

/*
 * Let the timer run one-shot from its maximum, masked, for
 * LAPIC_CAL_MS of PIT time.
 */
static void __init calibrate_APIC_clock(void)
{
	u64 counts;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
	counts = pit_measure(lapic_count_up, LAPIC_CAL_MS);
	apic_write(APIC_TMICT, 0);
	lapic_timer_hz = counts * 1000 / LAPIC_CAL_MS;
	lapic_timer_period = lapic_timer_hz / HZ;
}

/* Register this CPU's APIC timer as its clock event device. */
static void setup_APIC_timer(void)
{
	struct clock_event_device *evt = this_cpu_ptr(&lapic_events);

	*evt = lapic_clockevent;
	evt->cpu = smp_processor_id();
	if (apic_has_tsc_deadline()) {
		evt->name = "lapic-deadline";
		evt->features = CLOCK_EVT_FEAT_ONESHOT;
		evt->set_next_event = lapic_next_deadline;
		clockevents_config_and_register(evt, tsc_khz * 1000, 0xf,
						0x7fffffffffffULL);
	} else {
		clockevents_config_and_register(evt, lapic_timer_hz, 0xf,
						0x7fffffff);
	}
}

/**
 * setup_boot_APIC_clock - calibrate the APIC timer and make it this
 * CPU's tick.
 *
 * Boot CPU, irqs off, from time_init().  The TSC-deadline mode is
 * used where the CPU has it (not under QEMU's TCG, so that path is
 * only exercised on KVM and real hardware).
 */
void __init setup_boot_APIC_clock(void)
{
	struct clock_event_device *evt = this_cpu_ptr(&lapic_events);
	bool periodic;

	calibrate_APIC_clock();
	pr_info("APIC: timer %u.%03u MHz (bus/16), %u counts per tick at HZ=%d\n",
		lapic_timer_hz / 1000000, lapic_timer_hz / 1000 % 1000,
		lapic_timer_period, HZ);
	if (!lapic_timer_period) {
		pr_err("APIC: timer calibration failed; no tick\n");
		return;
	}
	setup_APIC_timer();
	periodic = evt->features & CLOCK_EVT_FEAT_PERIODIC;
	pr_info("clockevents: %s: %s mode, tick at HZ=%d\n", evt->name,
		periodic ? "periodic" : "oneshot", HZ);
}

/**
 * setup_secondary_APIC_clock - the tick of a CPU brought up later.
 *
 * On that CPU, irqs off, after setup_local_APIC(); all CPUs' timers
 * share the boot CPU's calibration.
 */
void setup_secondary_APIC_clock(void)
{
	if (lapic_timer_period)
		setup_APIC_timer();
}

/* Turn the APIC on in IA32_APIC_BASE, in xAPIC (memory-mapped) mode. */
static bool __init lapic_enable_msr(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (base & X2APIC_ENABLE) {
		pr_err("APIC: firmware left x2APIC mode on; not supported\n");
		return false;
	}
	if (!(base & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_ENABLE);
	return true;
}

/*
 * A boot loader or an earlier kernel may have left vectors in service;
 * they would block lower priorities until EOIed.
 */
static void clear_in_service(void)
{
	unsigned int i, loops;

	for (loops = 0; loops < 256; loops++) {
		bool busy = false;

		for (i = 0; i < 8; i++)
			if (apic_read(APIC_ISR + i * 0x10))
				busy = true;
		if (!busy)
			return;
		apic_eoi();
	}
}

/**
 * setup_local_APIC - program this CPU's local APIC.
 *
 * Irqs off.  Accepts every priority, enables the APIC with the
 * spurious vector, masks LINT0 (the 8259's line; the I/O APIC is in
 * charge) and routes LINT1 to NMI on the boot CPU, as PCs wire it.
 */
void setup_local_APIC(void)
{
	unsigned int maxlvt = (apic_read(APIC_LVR) >> 16) & 0xff;
	unsigned int cpu = smp_processor_id();

	apic_write(APIC_TASKPRI, 0);
	clear_in_service();
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	apic_write(APIC_LVT1, cpu == 0 ? APIC_DM_NMI : APIC_LVT_MASKED);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	if (maxlvt >= 4)
		apic_write(APIC_LVTPC, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		apic_write(APIC_LVTTHMR, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	this_cpu_write(x86_cpu_to_apicid, read_apic_id());
}

/**
 * apic_intr_mode_init - switch from the 8259 to the APICs.
 *
 * Boot CPU, irqs off, from init_IRQ() once the MADT is parsed and the
 * 8259 masked.  Without a local APIC there is no tick: we panic, as
 * every x86_64 CPU has one.
 */
void __init apic_intr_mode_init(void)
{
	if (!(boot_cpu_data.x86_capability[1] & X86_FEATURE_APIC_BIT) ||
	    !lapic_enable_msr())
		panic("APIC: no usable local APIC");
	apic_mmio_base = ioremap(mp_lapic_addr, APIC_SIZE);
	if (!apic_mmio_base)
		panic("APIC: cannot map the local APIC at %#lx", mp_lapic_addr);
	boot_cpu_physical_apicid = read_apic_id();
	pr_info("APIC: local APIC %#x at %#lx, version %#x, %u CPU(s) in the MADT\n",
		boot_cpu_physical_apicid, mp_lapic_addr,
		apic_read(APIC_LVR) & 0xff, num_processors);
	alloc_intr_gate(SPURIOUS_APIC_VECTOR, sysvec_spurious_apic_interrupt);
	alloc_intr_gate(ERROR_APIC_VECTOR, sysvec_error_interrupt);
	alloc_intr_gate(LOCAL_TIMER_VECTOR, sysvec_apic_timer_interrupt);
	alloc_intr_gate(RESCHEDULE_VECTOR, sysvec_reschedule_ipi);
	alloc_intr_gate(CALL_FUNCTION_VECTOR, sysvec_call_function);
	setup_local_APIC();
	setup_IO_APIC();
}
