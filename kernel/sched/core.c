/*
 * The scheduler's entry points that interrupts and preemption call.
 * The scheduler issue replaces this file with the scheduler; until then
 * there is one task and nothing to switch to, so these only mark the
 * places (DESIGN.md section 5).
 */
#include <linux/preempt.h>
#include <linux/sched.h>

/**
 * preempt_schedule - reschedule when preempt_enable() reaches zero
 * with a reschedule pending.  Called with preemption enabled.
 */
void preempt_schedule(void)
{
}

/**
 * preempt_schedule_irq - reschedule on the way out of an interrupt
 * that hit preemptible kernel code.  Irqs off.
 */
void preempt_schedule_irq(void)
{
}

/**
 * scheduler_tick - the scheduler's part of every tick (seed 001:
 * "每个定时器中断会调用scheduler_tick()").  Hardirq context.
 */
void scheduler_tick(void)
{
}

/**
 * scheduler_ipi - another CPU asked this one to reschedule.
 * Hardirq context.
 */
void scheduler_ipi(void)
{
}
