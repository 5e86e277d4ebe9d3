#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/*
 * Symmetric multiprocessing: bringing up the other CPUs (smp_init) and
 * running functions on them (kernel/smp.c).
 *
 * smp_call_function_*() queue a request on each target CPU's
 * call-single queue and interrupt it with an IPI; the target runs
 * func(info) in hardirq context, irqs off.  With @wait the caller spins
 * until every target has finished, so @info may live on its stack.
 * Callers must have irqs enabled (two CPUs waiting on each other with
 * irqs off would never see each other's IPI) and must not be in
 * hardirq or softirq context.
 */
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/llist.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/types.h>
#include <asm/smp.h>

typedef void (*smp_call_func_t)(void *info);

/* CSD_FLAG_LOCK: the request is queued or running; don't reuse it yet. */
#define CSD_FLAG_LOCK 0x01
/* CSD_TYPE_SYNC: the sender waits; unlock only after func returned. */
#define CSD_TYPE_SYNC 0x10

/* One request to run func(info) on one CPU ("call single data"). */
struct __call_single_data {
	struct llist_node node;
	unsigned int flags;
	smp_call_func_t func;
	void *info;
};

void smp_setup_processor_id(void);

/* Ask @cpu to reschedule (the RESCHEDULE_VECTOR IPI). */
void smp_send_reschedule(int cpu);
/* Halt the other CPUs (panic). */
void smp_send_stop(void);

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void generic_smp_call_function_interrupt(void);

/* Bringing up the other CPUs, from kernel_init(). */
extern unsigned int setup_max_cpus;
void smp_init(void);
int cpu_up(unsigned int cpu);

/*
 * This CPU's number, with preemption disabled until put_cpu(), so that
 * it stays the CPU we run on.
 */
#define get_cpu()                   \
	({                          \
		preempt_disable();  \
		smp_processor_id(); \
	})
#define put_cpu() preempt_enable()

#endif /* _LINUX_SMP_H */
