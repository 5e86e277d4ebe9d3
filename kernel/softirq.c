/*
 * Softirqs and tasklets: the bottom halves (seeds 001 and 002).
 *
 * A softirq is one of NR_SOFTIRQS fixed handlers.  raise_softirq() sets
 * its bit in this CPU's pending mask; the pending ones run, lowest
 * number first, with irqs on and SOFTIRQ_OFFSET in preempt_count:
 *
 *  - at the end of an interrupt, in irq_exit(), on the irq stack;
 *  - at local_bh_enable(), when the outermost disable ends;
 *  - in ksoftirqd/N, when they keep re-raising themselves.
 *
 * __do_softirq() reruns the newly raised ones up to MAX_SOFTIRQ_RESTART
 * times or MAX_SOFTIRQ_TIME_MS, then hands the rest to ksoftirqd, so a
 * flood of network packets cannot starve the tasks.  ksoftirqd/N is a
 * kernel thread bound to CPU N, at nice 19 (seed 002: "运行在最低优先级
 * (nice值为19)"): under a flood it runs the softirqs when the scheduler
 * gives it the CPU, and the tasks get theirs.  Before the threads exist
 * (early boot), the bits stay pending for the next irq_exit() or
 * local_bh_enable().
 *
 * Tasklets sit on top of HI_SOFTIRQ and TASKLET_SOFTIRQ.
 */
#include <linux/irqflags.h>
#include <linux/bug.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <asm/irq_stack.h>
#include <asm/processor.h>

const char *const softirq_to_name[NR_SOFTIRQS] = {
	[HI_SOFTIRQ] = "HI",	       [TIMER_SOFTIRQ] = "TIMER",
	[NET_TX_SOFTIRQ] = "NET_TX",   [NET_RX_SOFTIRQ] = "NET_RX",
	[BLOCK_SOFTIRQ] = "BLOCK",     [IRQ_POLL_SOFTIRQ] = "IRQ_POLL",
	[TASKLET_SOFTIRQ] = "TASKLET", [SCHED_SOFTIRQ] = "SCHED",
	[HRTIMER_SOFTIRQ] = "HRTIMER", [RCU_SOFTIRQ] = "RCU",
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static DEFINE_PER_CPU(unsigned long, softirqd_handoffs);
DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

#define KSOFTIRQD_NICE 19

/*
 * Let this CPU's ksoftirqd run what is still pending.  Irqs off; from
 * any context but hardirq.  The count lets the tests see the hand-off.
 */
static void wakeup_softirqd(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	this_cpu_inc(softirqd_handoffs);
	if (tsk)
		wake_up_process(tsk);
}

/** ksoftirqd_handoffs - how often this CPU gave up in __do_softirq(). */
unsigned long ksoftirqd_handoffs(void)
{
	return this_cpu_read(softirqd_handoffs);
}

/**
 * open_softirq - install the handler of softirq @nr.
 * @nr: one of the *_SOFTIRQ numbers
 * @action: runs in softirq context, irqs on; may run on several CPUs
 *	at once
 *
 * Boot, by the subsystem that owns @nr.
 */
void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/** __raise_softirq_irqoff - mark softirq @nr pending; irqs off. */
void __raise_softirq_irqoff(unsigned int nr)
{
	or_softirq_pending((u16)(1U << nr));
}

/**
 * raise_softirq_irqoff - mark softirq @nr pending, and see that it runs.
 * @nr: the softirq
 *
 * Irqs off.  In interrupt or softirq context (or with bottom halves
 * disabled), the end of that context runs it; in a task, ksoftirqd must.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	if (!in_interrupt())
		wakeup_softirqd();
}

/** raise_softirq - raise_softirq_irqoff() from any context. */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/*
 * Run each pending handler once, lowest number first.  A handler that
 * leaves preempt_count unbalanced is a bug worth naming.
 */
static void run_softirq_handlers(u32 pending)
{
	struct softirq_action *h = softirq_vec;
	unsigned int bit;

	while ((bit = __builtin_ffs(pending))) {
		unsigned int nr;
		int prev_count;

		h += bit - 1;
		nr = h - softirq_vec;
		prev_count = preempt_count();
		kstat_incr_softirqs_this_cpu(nr);
		if (h->action)
			h->action(h);
		if (unlikely(prev_count != preempt_count())) {
			pr_err("huh, entered softirq %u %s %ps with preempt_count %08x, exited with %08x?\n",
			       nr, softirq_to_name[nr], h->action, prev_count,
			       preempt_count());
			preempt_count_set(prev_count);
		}
		h++;
		pending >>= bit;
	}
}

/**
 * __do_softirq - run the pending softirqs.
 *
 * Irqs off on entry and on return (they are on while handlers run);
 * not in interrupt context.  Callers: irq_exit() on the irq stack, and
 * do_softirq() through do_softirq_own_stack().
 */
void __do_softirq(void)
{
	unsigned long end = jiffies + msecs_to_jiffies(MAX_SOFTIRQ_TIME_MS);
	int max_restart = MAX_SOFTIRQ_RESTART;
	u32 pending = local_softirq_pending();

	preempt_count_add(SOFTIRQ_OFFSET);
restart:
	set_softirq_pending(0);
	local_irq_enable();
	run_softirq_handlers(pending);
	local_irq_disable();

	pending = local_softirq_pending();
	if (pending) {
		if (time_before(jiffies, end) && !test_preempt_need_resched() &&
		    --max_restart)
			goto restart;
		wakeup_softirqd();
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

/**
 * do_softirq - run pending softirqs now, if we are in a task.
 *
 * Any context; does nothing in interrupt context or with bottom halves
 * disabled (their end will run them).
 */
void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		do_softirq_own_stack();
	local_irq_restore(flags);
}

/**
 * local_bh_disable - keep softirqs and tasklets off this CPU.
 *
 * Any context; nests.  Also disables preemption.
 */
void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
	barrier();
}

/**
 * _local_bh_enable - end a local_bh_disable() without running softirqs.
 *
 * For code that must not run them here (irqs off, or about to).
 */
void _local_bh_enable(void)
{
	WARN_ON_ONCE(in_hardirq());
	barrier();
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
}

/**
 * local_bh_enable - end a local_bh_disable(); run what was raised.
 *
 * Irqs must be on: softirqs run here.  The count drops to "preempt
 * disabled" first, so in_interrupt() is false for do_softirq() while
 * nothing can move us to another CPU; preemption comes back last.
 */
void local_bh_enable(void)
{
	WARN_ON_ONCE(in_hardirq() || irqs_disabled());
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET - 1);
	if (unlikely(!in_interrupt() && local_softirq_pending()))
		do_softirq();
	preempt_count_dec();
	preempt_check_resched();
}

/**
 * irq_enter - enter hardirq context.  From the interrupt entry, irqs off.
 */
void irq_enter(void)
{
	__irq_enter();
}

/**
 * irq_exit - leave hardirq context; run pending softirqs if this was
 * the outermost interrupt and no softirq was running or disabled.
 *
 * Irqs off.  x86 calls it on the irq stack, so the softirqs run there.
 */
void irq_exit(void)
{
	WARN_ON_ONCE(!irqs_disabled());
	__irq_exit();
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
}

/*
 * Tasklets.  Each CPU keeps two FIFO lists of scheduled tasklets; the
 * softirq takes the whole list with irqs off, then runs each tasklet
 * whose RUN bit it can take and which is enabled, and puts the others
 * back (re-raising the softirq).
 */
struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct *tail; /* last element; NULL when empty */
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

static void tasklet_list_add(struct tasklet_head *tl, struct tasklet_struct *t)
{
	t->next = NULL;
	if (tl->tail)
		tl->tail->next = t;
	else
		tl->head = t;
	tl->tail = t;
}

static void __tasklet_schedule_common(struct tasklet_struct *t,
				      struct tasklet_head *vec,
				      unsigned int softirq_nr)
{
	unsigned long flags;

	local_irq_save(flags);
	tasklet_list_add(this_cpu_ptr(vec), t);
	raise_softirq_irqoff(softirq_nr);
	local_irq_restore(flags);
}

/** __tasklet_schedule - queue @t, whose SCHED bit the caller set. */
void __tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_vec, TASKLET_SOFTIRQ);
}

/** __tasklet_hi_schedule - __tasklet_schedule() at HI_SOFTIRQ. */
void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_hi_vec, HI_SOFTIRQ);
}

/*
 * Run @t if no other CPU runs it and it is enabled.  SCHED is cleared
 * before the call, so the tasklet may schedule itself again.
 */
static bool tasklet_run_one(struct tasklet_struct *t)
{
	if (!tasklet_trylock(t))
		return false;
	if (atomic_read(&t->count)) {
		tasklet_unlock(t);
		return false;
	}
	if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
		WARN_ONCE(1, "tasklet %ps ran without being scheduled\n",
			  t->use_callback ? (void *)t->callback :
					    (void *)t->func);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	tasklet_unlock(t);
	return true;
}

static void tasklet_action_common(struct tasklet_head *tl,
				  unsigned int softirq_nr)
{
	struct tasklet_struct *list;

	local_irq_disable();
	list = tl->head;
	tl->head = NULL;
	tl->tail = NULL;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (tasklet_run_one(t))
			continue;
		local_irq_disable();
		tasklet_list_add(tl, t);
		__raise_softirq_irqoff(softirq_nr);
		local_irq_enable();
	}
}

static void tasklet_action(struct softirq_action *a)
{
	tasklet_action_common(this_cpu_ptr(&tasklet_vec), TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	tasklet_action_common(this_cpu_ptr(&tasklet_hi_vec), HI_SOFTIRQ);
}

/**
 * tasklet_setup - prepare @t to call @callback(@t); enabled, not queued.
 * @t: the tasklet
 * @callback: runs in softirq context
 */
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}

/**
 * tasklet_init - prepare @t to call @func(@data); the older interface.
 * @t: the tasklet
 * @func: runs in softirq context
 * @data: its argument
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}

/**
 * tasklet_unlock_wait - wait until @t is not running on any CPU.
 * @t: the tasklet
 */
void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}

/*
 * Let this CPU's pending softirqs run, if it can take them: the
 * tasklet we wait for may be queued right here.
 */
static void tasklet_kill_wait_step(void)
{
	if (!in_interrupt() && !irqs_disabled()) {
		local_bh_disable();
		local_bh_enable();
	}
	cpu_relax();
}

/**
 * tasklet_kill - wait for @t to run if queued, and make sure it is idle.
 * @t: the tasklet
 *
 * Process context with irqs on.  @t must not reschedule itself
 * forever, and must not be disabled while queued (it would never run).
 */
void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_notice("Attempt to kill tasklet from interrupt\n");
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		while (test_bit(TASKLET_STATE_SCHED, &t->state))
			tasklet_kill_wait_step();
	}
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}

/**
 * show_softirqs - write /proc/softirqs into @p: per-CPU run counts.
 * @p: the output
 * @v: unused (the procfs iterator's position)
 *
 * Returns 0.  The layout is Linux's:
 *
 *	                    CPU0       CPU1
 *	          HI:          0          0
 *	       TIMER:        312        298
 */
int show_softirqs(struct seq_file *p, void *v)
{
	unsigned int i, cpu;

	seq_printf(p, "%20s", "");
	for_each_online_cpu(cpu)
		seq_printf(p, "CPU%-8u", cpu);
	seq_putc(p, '\n');
	for (i = 0; i < NR_SOFTIRQS; i++) {
		seq_printf(p, "%12s:", softirq_to_name[i]);
		for_each_online_cpu(cpu)
			seq_printf(p, " %10u", kstat_softirqs_cpu(i, cpu));
		seq_putc(p, '\n');
	}
	return 0;
}

/*
 * The body of ksoftirqd/N: while softirqs are pending on this CPU, run
 * them, a __do_softirq() round at a time (softirq context: bottom
 * halves off, irqs on in the handlers), offering the CPU between
 * rounds; then sleep until wakeup_softirqd().  The state is set before
 * the test, so a raise between the two is not lost.
 */
static int run_ksoftirqd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		if (!local_softirq_pending()) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending())
			__do_softirq();
		local_irq_enable();
		cond_resched();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static DEFINE_MUTEX(ksoftirqd_mutex);

/**
 * softirq_prepare_cpu - start ksoftirqd/@cpu if it does not exist yet.
 * @cpu: an online CPU (its per-CPU area must exist)
 *
 * Process context, may sleep.  For the boot CPUs (spawn_ksoftirqd())
 * and for the SMP bring-up code once a CPU is online.  Returns 0 or a
 * negative errno.
 */
int softirq_prepare_cpu(unsigned int cpu)
{
	char name[TASK_COMM_LEN];
	struct task_struct *tsk;
	int ret = 0;

	mutex_lock(&ksoftirqd_mutex);
	if (per_cpu(ksoftirqd, cpu))
		goto out_unlock;
	snprintf(name, sizeof(name), "ksoftirqd/%u", cpu);
	tsk = kthread_create_on_cpu(run_ksoftirqd, NULL, cpu, name);
	if (IS_ERR(tsk)) {
		ret = PTR_ERR(tsk);
		pr_err("softirq: cannot start %s: %d\n", name, ret);
		goto out_unlock;
	}
	set_user_nice(tsk, KSOFTIRQD_NICE);
	WRITE_ONCE(per_cpu(ksoftirqd, cpu), tsk);
	wake_up_process(tsk);
out_unlock:
	mutex_unlock(&ksoftirqd_mutex);
	return ret;
}

/* pid 1 runs the initcalls, so kthreadd is there to create the threads. */
static int __init spawn_ksoftirqd(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		softirq_prepare_cpu(cpu);
	return 0;
}
early_initcall(spawn_ksoftirqd);

/**
 * softirq_init - install the tasklet softirqs.  Boot CPU, irqs off.
 */
void __init softirq_init(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
