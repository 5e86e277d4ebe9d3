/*
 * The idle class and the idle loop.  Each CPU has one idle task (CPU
 * 0's is init_task); it runs when nothing else can and halts the CPU
 * until the next interrupt.
 */
#include <linux/irqflags.h>
#include "sched.h"

static void enqueue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	WARN_ONCE(1, "idle task %s enqueued\n", p->comm);
}

static void dequeue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	WARN_ONCE(1, "idle task %s dequeued\n", p->comm);
}

static void check_preempt_curr_idle(struct rq *rq, struct task_struct *p)
{
	resched_curr(rq);
}

static struct task_struct *pick_next_task_idle(struct rq *rq)
{
	return rq->idle;
}

static void put_prev_task_idle(struct rq *rq, struct task_struct *p)
{
}

static void task_tick_idle(struct rq *rq, struct task_struct *p)
{
}

const struct sched_class idle_sched_class = {
	.next = NULL,
	.enqueue_task = enqueue_task_idle,
	.dequeue_task = dequeue_task_idle,
	.check_preempt_curr = check_preempt_curr_idle,
	.pick_next_task = pick_next_task_idle,
	.put_prev_task = put_prev_task_idle,
	.task_tick = task_tick_idle,
};

/* The RCU engineer's hooks: an idle CPU is in a quiescent state. */
void __weak rcu_idle_enter(void)
{
}

void __weak rcu_idle_exit(void)
{
}

/*
 * Halt until an interrupt.  need_resched is checked with irqs off and
 * "sti; hlt" re-enables them atomically with the halt, so a wake-up
 * IPI cannot slip in between the check and the halt.
 */
static void do_idle(void)
{
	while (!need_resched()) {
		rcu_idle_enter();
		local_irq_disable();
		if (!need_resched())
			arch_safe_halt();
		else
			local_irq_enable();
		rcu_idle_exit();
	}
	schedule_preempt_disabled();
}

/**
 * cpu_startup_entry - become this CPU's idle loop; never returns.
 *
 * Called with preemption disabled once (by the boot path).
 */
void cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
