/*
 * Bringing up the application processors (APs).
 *
 * setup_arch() learns the processors from the ACPI MADT and numbers
 * them: the boot CPU is 0, the others follow in MADT order
 * (prefill_possible_map).  kernel_init() then starts them one at a
 * time (smp_init -> cpu_up -> native_cpu_up):
 *
 *	boot CPU                               AP
 *	cpu_up(): runqueue, idle task,
 *	  timer bases
 *	native_cpu_up(): the AP's current,
 *	  preempt count, irq stack;
 *	  trampoline: stack, %gs base
 *	INIT, 10 ms, STARTUP, STARTUP   --->   real mode in the trampoline
 *	                                       (trampoline_64.S) ... long
 *	                                       mode, start_secondary():
 *	                                       GDT/TSS/IDT, local APIC,
 *	                                       vectors, tick; online;
 *	wait_for_completion  <---------------  complete(); irqs on; idle
 *
 * The INIT/STARTUP protocol and its delays are the Intel SDM's
 * (vol. 3, "MP initialization"): INIT resets the AP into a state
 * waiting for STARTUP, whose vector is the trampoline's page number.
 * The second STARTUP is for old CPUs that may miss the first; a CPU
 * that already started ignores it.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <asm/apic.h>
#include <asm/current.h>
#include <asm/irq_stack.h>
#include <asm/hw_irq.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <asm/smp.h>

#define AP_START_TIMEOUT (10 * HZ) /* generous: TCG may run it slowly */
#define ICR_IDLE_TIMEOUT_US 1000

u32 x86_cpu_to_apicid_early_map[NR_CPUS] __initdata;

/* The AP being started says it is online; one AP at a time. */
static DECLARE_COMPLETION(cpu_running);
static bool trampoline_ready;
static u64 ap_boot_ns_total, ap_boot_ns_max;

/**
 * prefill_possible_map - number the CPUs the MADT lists.
 *
 * From setup_arch(), after acpi_boot_init().  The boot CPU (its
 * initial APIC ID from CPUID) becomes CPU 0 wherever the MADT lists
 * it; enabled processors are possible and present.  Disabled MADT
 * entries would be hot-pluggable CPUs on Linux; without hotplug they
 * are left out, so possible == present.
 */
void __init prefill_possible_map(void)
{
	u32 boot_apicid = boot_cpu_data.apicid;
	unsigned int i, cpu = 1;
	bool boot_listed = false;

	x86_cpu_to_apicid_early_map[0] = boot_apicid;
	for (i = 0; i < num_processors; i++) {
		if (x86_cpu_apicids[i] == boot_apicid) {
			boot_listed = true;
			continue;
		}
		if (cpu >= NR_CPUS) {
			pr_warn("NR_CPUS=%d reached; APIC ID %#x ignored\n",
				NR_CPUS, x86_cpu_apicids[i]);
			continue;
		}
		x86_cpu_to_apicid_early_map[cpu] = x86_cpu_apicids[i];
		set_cpu_possible(cpu, true);
		set_cpu_present(cpu, true);
		cpu++;
	}
	if (num_processors && !boot_listed)
		pr_warn("boot CPU (APIC ID %#x) not in the MADT\n",
			boot_apicid);
	nr_cpu_ids = cpu;
	pr_info("Allowing %u CPUs, 0 hotplug CPUs\n", cpu);
}

/**
 * smp_prepare_cpus - get ready to start the APs.
 * @max_cpus: how many CPUs may run in all (maxcpus=, nosmp)
 *
 * Boot, process context, before smp_init(): the trampoline goes below
 * 1 MiB.
 */
void __init smp_prepare_cpus(unsigned int max_cpus)
{
	if (num_present_cpus() < 2 || max_cpus < 2)
		return;
	if (setup_real_mode())
		return;
	smp_send_stop_init();
	trampoline_ready = true;
}

/* Wait until the local APIC has sent the last command; 0 or -EIO. */
static int safe_apic_wait_icr_idle(void)
{
	unsigned int us;

	for (us = 0; us < ICR_IDLE_TIMEOUT_US; us++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return 0;
		udelay(1);
	}
	return -EIO;
}

/*
 * Send one command to @apicid.  Irqs off around the two register
 * writes: an IPI sent from an interrupt in between would change the
 * destination under us.
 */
static int apic_icr_write_wait(u32 low, u32 apicid)
{
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	ret = safe_apic_wait_icr_idle();
	if (!ret) {
		apic_write(APIC_ICR2, apicid << 24);
		apic_write(APIC_ICR, low);
		ret = safe_apic_wait_icr_idle();
	}
	local_irq_restore(flags);
	return ret;
}

/* The APIC's error status, after clearing it: writing ESR latches it. */
static u32 apic_read_esr(void)
{
	apic_write(APIC_ESR, 0);
	return apic_read(APIC_ESR) & 0xef; /* bit 4: reserved */
}

/*
 * INIT (assert, then deassert for CPUs that want it), 10 ms, then two
 * STARTUPs 200 us apart.  Returns 0 if the APIC accepted them all.
 */
static int wakeup_secondary_cpu_via_init(u32 apicid, unsigned long start_ip)
{
	unsigned int i;
	int ret;

	apic_read_esr();
	ret = apic_icr_write_wait(
		APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	if (ret)
		return ret;
	mdelay(10);
	ret = apic_icr_write_wait(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	if (ret)
		return ret;
	for (i = 0; i < 2; i++) {
		apic_read_esr();
		ret = apic_icr_write_wait(APIC_DM_STARTUP | (start_ip >> 12),
					  apicid);
		udelay(200);
		if (ret || apic_read_esr())
			return -EIO;
	}
	return 0;
}

/* Linux's boot line: ".... node  #0, CPUs:      #1 #2 #3". */
static void announce_cpu(unsigned int cpu)
{
	if (cpu == 1) {
		printk(KERN_INFO "x86: Booting SMP configuration:\n");
		printk(KERN_INFO ".... node  #0, CPUs:      #%u", cpu);
	} else {
		pr_cont(" #%u", cpu);
	}
}

/*
 * Start @cpu and wait until it is online.  If it does not come, it is
 * sent INIT again and stays parked there: it must not wake up later
 * and run on an idle stack nobody expects to be used.
 */
static int do_boot_cpu(u32 apicid, unsigned int cpu, struct task_struct *idle)
{
	u64 t0 = local_clock(), dt;
	unsigned long start_ip;
	int ret;

	announce_cpu(cpu);
	start_ip = trampoline_set_cpu(idle, __per_cpu_offset[cpu]);
	reinit_completion(&cpu_running);
	smp_wmb(); /* trampoline and per-CPU data before the IPIs */
	ret = wakeup_secondary_cpu_via_init(apicid, start_ip);
	if (!ret &&
	    !wait_for_completion_timeout(&cpu_running, AP_START_TIMEOUT))
		ret = -ETIMEDOUT;
	if (ret || !cpu_online(cpu)) {
		pr_err("do_boot_cpu failed(%d) to wakeup CPU#%u\n", ret, cpu);
		apic_icr_write_wait(APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
					    APIC_DM_INIT,
				    apicid);
		return ret ? ret : -EIO;
	}
	dt = local_clock() - t0;
	ap_boot_ns_total += dt;
	ap_boot_ns_max = max(ap_boot_ns_max, dt);
	return 0;
}

/**
 * native_cpu_up - start @cpu on its idle task @tidle.
 * @cpu: a present CPU, not yet online
 * @tidle: its idle task (fork_idle), already @cpu's runqueue's current
 *
 * Process context, may sleep; one CPU at a time (smp_init).  Returns 0
 * once @cpu is online, or -errno.
 */
int native_cpu_up(unsigned int cpu, struct task_struct *tidle)
{
	if (!trampoline_ready)
		return -ENODEV;
	/*
	 * What the AP reads first: who it is and that it runs with
	 * preemption disabled once, as cpu_startup_entry() wants.
	 */
	per_cpu(current_task, cpu) = tidle;
	per_cpu(__preempt_count, cpu) =
		PREEMPT_ENABLED + PREEMPT_DISABLE_OFFSET;
	irq_init_percpu_irqstack(cpu);
	return do_boot_cpu(cpu_physical_id(cpu), cpu, tidle);
}

/**
 * start_secondary - the first C code of an AP.
 *
 * Entered from secondary_startup_64 on the AP, irqs off, on its idle
 * task's stack, with its %gs base set and the kernel's page tables
 * loaded -- but still the trampoline's GDT and no IDT.  Sets up what
 * the boot CPU set up in trap_init() and init_IRQ() for itself, marks
 * the CPU online, and becomes its idle loop.
 */
asmlinkage __visible void start_secondary(void)
{
	unsigned int cpu = smp_processor_id();

	cpu_init(); /* GDT, TSS with IST stacks, IDT */
	setup_local_APIC(); /* accept IPIs; LVTs masked */
	lapic_online_vectors(); /* device vectors as on CPU 0 */
	setup_secondary_APIC_clock(); /* this CPU's tick */
	set_cpu_online(cpu, true);
	complete(&cpu_running);
	local_irq_enable();
	cpu_startup_entry();
}

/**
 * smp_cpus_done - every AP that could come up is up.
 * @max_cpus: the limit smp_init() worked to
 *
 * Boot, process context, from smp_init().
 */
void __init smp_cpus_done(unsigned int max_cpus)
{
	unsigned int n = num_online_cpus();
	unsigned long bogosum = loops_per_jiffy * n;

	/* The trampoline's code is __init: no AP can start after boot. */
	trampoline_ready = false;

	pr_info("Total of %u processors activated (%lu.%02lu BogoMIPS)\n", n,
		bogosum / (500000 / HZ), (bogosum / (5000 / HZ)) % 100);
	if (n > 1)
		pr_info("%u APs started in %llu us (slowest %llu us)\n", n - 1,
			ap_boot_ns_total / 1000, ap_boot_ns_max / 1000);
}
