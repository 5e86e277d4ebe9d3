/*
 * CPU bookkeeping shared by every subsystem: the possible, present and
 * online masks (linux/cpumask.h), and cpu_up(), which prepares what a
 * CPU needs before it runs and hands it to the architecture to start.
 * No hotplug: a CPU, once up, stays up.
 */
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>

/* The boot CPU is all three from its first instruction. */
struct cpumask __cpu_possible_mask = { .bits = { 1UL } };
struct cpumask __cpu_present_mask = { .bits = { 1UL } };
struct cpumask __cpu_online_mask = { .bits = { 1UL } };
unsigned int nr_cpu_ids = NR_CPUS;

/** num_online_cpus - how many CPUs are running.  Any context. */
unsigned int num_online_cpus(void)
{
	return cpumask_weight(cpu_online_mask);
}

/**
 * cpu_up - bring CPU @cpu online.
 * @cpu: a present CPU
 *
 * Process context, may sleep; from smp_init(), one CPU at a time.  The
 * CPU's runqueue, idle task and timer bases are set up here, before it
 * runs, so that it can take its first tick as soon as it enables
 * interrupts.  Returns 0 once the CPU is online, -EINVAL for a CPU that
 * is not present, or the error of the idle task's creation or of the
 * architecture's bring-up.
 */
int cpu_up(unsigned int cpu)
{
	struct task_struct *idle;

	if (!cpu_present(cpu))
		return -EINVAL;
	if (cpu_online(cpu))
		return 0;
	sched_init_rq(cpu);
	idle = fork_idle(cpu);
	if (IS_ERR(idle))
		return PTR_ERR(idle);
	timers_prepare_cpu(cpu);
	hrtimers_prepare_cpu(cpu);
	/*
	 * On failure the idle task stays allocated: the CPU may still wake
	 * up late and run on its stack (Linux keeps idle tasks too).
	 */
	return __cpu_up(cpu, idle);
}
