/*
 * Running functions on other CPUs, and bringing the CPUs up.
 *
 * Each CPU has a call-single queue, a lock-free list (linux/llist.h) of
 * requests ("csd": call single data) that other CPUs push and that it
 * empties in its CALL_FUNCTION_VECTOR handler.  A request is locked
 * (CSD_FLAG_LOCK) from the moment its sender fills it until the target
 * is done with it:
 *
 *	sender                              target
 *	csd_lock(csd): wait, set LOCK
 *	csd->func, csd->info
 *	llist_add(queue) -- was empty?
 *	   yes: IPI  ---------------------> llist_del_all(queue)
 *	                                    func(info)
 *	csd_lock_wait(csd)  <-------------- csd_unlock(csd): release
 *	(only if the caller waits)
 *
 * Only the push that finds the queue empty sends an IPI: a non-empty
 * queue has an IPI on its way, and the target takes the whole queue at
 * once, this request included.  A request nobody waits for is unlocked
 * before its function runs (its fields were copied), so its sender may
 * reuse it at once; a waited-for one only after, which is what the
 * waiting is for.
 *
 * Where the csd lives: on the caller's stack when it waits (it cannot
 * go away before the unlock), otherwise in the per-CPU csd_data or
 * cfd_data of the sending CPU, reused once unlocked.
 */
#define pr_fmt(fmt) "smp: " fmt

#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/llist.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/smp.h>

/* One sending CPU's requests to all the others, for _many(). */
struct call_function_data {
	struct __call_single_data csd[NR_CPUS];
	struct cpumask cpumask; /* the targets of this call */
	struct cpumask cpumask_ipi; /* those whose queue needs a kick */
};

static DEFINE_PER_CPU(struct llist_head, call_single_queue);
static DEFINE_PER_CPU(struct __call_single_data, csd_data);
static DEFINE_PER_CPU(struct call_function_data, cfd_data);

static void csd_lock_wait(struct __call_single_data *csd)
{
	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
}

/* Wait for @csd's previous use to end, then claim it. */
static void csd_lock(struct __call_single_data *csd, unsigned int type)
{
	csd_lock_wait(csd);
	csd->flags = CSD_FLAG_LOCK | type;
}

/* The target is done with @csd (or with its fields, if async). */
static void csd_unlock(struct __call_single_data *csd)
{
	smp_store_release(&csd->flags, 0);
}

/*
 * Irqs off on a CPU that is online: it could never answer the other
 * CPU that, at the same moment, waits for it.  (Not online yet: the
 * boot path, where nobody calls anyone.)
 */
static void smp_call_check_context(void)
{
	WARN_ON_ONCE(cpu_online(smp_processor_id()) && irqs_disabled() &&
		     !oops_in_progress);
}

/* Queue @csd for @cpu; preemption off.  Runs it here if @cpu is us. */
static int generic_exec_single(int cpu, struct __call_single_data *csd)
{
	if (cpu == smp_processor_id()) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;
		unsigned long flags;

		csd_unlock(csd);
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if (!cpu_online(cpu)) {
		csd_unlock(csd);
		return -ENXIO;
	}
	if (llist_add(&csd->node, &per_cpu(call_single_queue, cpu)))
		arch_send_call_function_single_ipi(cpu);
	return 0;
}

/**
 * generic_smp_call_function_interrupt - run this CPU's queued requests.
 *
 * Hardirq context, irqs off (the CALL_FUNCTION_VECTOR handler).  They
 * run in the order they were queued.
 */
void generic_smp_call_function_interrupt(void)
{
	struct __call_single_data *csd, *next;
	struct llist_node *entry;

	entry = llist_del_all(this_cpu_ptr(&call_single_queue));
	entry = llist_reverse_order(entry);
	llist_for_each_entry_safe(csd, next, entry, node) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		if (csd->flags & CSD_TYPE_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

/**
 * smp_call_function_single - run @func(@info) on @cpu.
 * @cpu: the target CPU (this one: @func runs here, irqs off)
 * @func: the function; it runs in hardirq context and must not sleep
 * @info: its argument
 * @wait: return only once @func has returned on @cpu
 *
 * Irqs enabled, preemption enabled or not; not from hardirq or
 * softirq context.  Returns 0, or -ENXIO if @cpu is not online.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait)
{
	struct __call_single_data csd_stack = {
		.flags = CSD_FLAG_LOCK | CSD_TYPE_SYNC,
	};
	struct __call_single_data *csd = &csd_stack;
	int err;

	get_cpu();
	smp_call_check_context();
	if (!wait) {
		csd = this_cpu_ptr(&csd_data);
		csd_lock(csd, 0);
	}
	csd->func = func;
	csd->info = info;
	err = generic_exec_single(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	put_cpu();
	return err;
}

/**
 * smp_call_function_many - run @func(@info) on the other CPUs in @mask.
 * @mask: the CPUs; this one and offline ones are left out
 * @func: the function; it runs in hardirq context and must not sleep
 * @info: its argument
 * @wait: return only once @func has returned everywhere
 *
 * Preemption disabled by the caller, irqs enabled.
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	struct call_function_data *cfd = this_cpu_ptr(&cfd_data);
	unsigned int cpu, this_cpu = smp_processor_id();

	smp_call_check_context();
	cpumask_and(&cfd->cpumask, mask, cpu_online_mask);
	cpumask_clear_cpu(this_cpu, &cfd->cpumask);
	if (cpumask_empty(&cfd->cpumask))
		return;
	cpumask_clear(&cfd->cpumask_ipi);
	for_each_cpu(cpu, &cfd->cpumask) {
		struct __call_single_data *csd = &cfd->csd[cpu];

		csd_lock(csd, wait ? CSD_TYPE_SYNC : 0);
		csd->func = func;
		csd->info = info;
		if (llist_add(&csd->node, &per_cpu(call_single_queue, cpu)))
			cpumask_set_cpu(cpu, &cfd->cpumask_ipi);
	}
	arch_send_call_function_ipi_mask(&cfd->cpumask_ipi);
	if (!wait)
		return;
	for_each_cpu(cpu, &cfd->cpumask)
		csd_lock_wait(&cfd->csd[cpu]);
}

/**
 * smp_call_function - run @func(@info) on all other online CPUs.
 * @func: the function; it runs in hardirq context and must not sleep
 * @info: its argument
 * @wait: return only once @func has returned everywhere
 *
 * Irqs enabled; not from hardirq or softirq context.
 */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	preempt_enable();
}

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one included.
 * @func: the function; it runs with irqs off and must not sleep
 * @info: its argument
 * @wait: return only once @func has returned everywhere
 *
 * Irqs enabled; not from hardirq or softirq context.  Here @func runs
 * after the other CPUs have been asked (and, with @wait, have done).
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

/* --- bringing the CPUs up ------------------------------------------------- */

/* maxcpus=N: at most N CPUs run (the boot CPU counts); nosmp: only it. */
unsigned int setup_max_cpus = NR_CPUS;

static int __init nosmp(char *str)
{
	setup_max_cpus = 0;
	return 1;
}
early_param("nosmp", nosmp);

static int __init maxcpus(char *str)
{
	unsigned int n;

	if (kstrtouint(str, 0, &n))
		return 0;
	setup_max_cpus = n;
	return 1;
}
early_param("maxcpus", maxcpus);

/**
 * smp_init - bring up the other CPUs.
 *
 * From kernel_init() (pid 1) before the initcalls, after
 * smp_prepare_cpus().  Starts the present CPUs one at a time, up to
 * setup_max_cpus; one that fails stays down and the rest still come.
 */
void __init smp_init(void)
{
	unsigned int cpu, n;

	pr_info("Bringing up secondary CPUs ...\n");
	for_each_present_cpu(cpu) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (!cpu_online(cpu))
			cpu_up(cpu);
	}
	n = num_online_cpus();
	pr_info("Brought up 1 node, %u CPU%s\n", n, n > 1 ? "s" : "");
	smp_cpus_done(setup_max_cpus);
}
