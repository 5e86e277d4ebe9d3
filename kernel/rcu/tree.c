/*
 * RCU grace periods and callbacks (the API and the idea are in
 * <linux/rcupdate.h>).
 *
 * A grace period has a number: rcu_state.gp_seq is even while none
 * runs and odd while one does, so it counts two steps per period.  A
 * waiter notes the gp_seq value that means "a full period that began
 * after me has ended" (rcu_seq_snap) and waits until gp_seq reaches it.
 *
 * A period starts with every online CPU in rcu_state.qsmask.  Each CPU
 * learns of it in its RCU softirq (raised by the tick), and from then
 * on waits for a quiescent state of its own:
 *
 *	context switch		rcu_note_context_switch(), from __schedule()
 *	user mode		rcu_sched_clock_irq(1): the tick hit user code
 *	idle			rcu_idle_enter(), and every tick that finds
 *				the CPU between rcu_idle_enter() and _exit()
 *
 * and the next softirq clears its bit.  The CPU that clears the last
 * one ends the period.  Readers only disable preemption, so none can
 * span any of these points; every reader that began before the period
 * has ended once all CPUs passed one.
 *
 * Callbacks wait on one global list in three segments -- "next" (no
 * period assigned yet), "wait" (for period @wait_gp), "done" -- and are
 * invoked from RCU_SOFTIRQ by one CPU at a time, in the order they were
 * queued, which rcu_barrier() relies on.
 *
 * A CPU that stays in the kernel without scheduling holds every period
 * up; after RCU_JIFFIES_TILL_FORCE_QS its tick asks it to reschedule,
 * which is a context switch even if it picks the same task again.
 */
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/start_kernel.h>

#define RCU_JIFFIES_TILL_FORCE_QS 3
#define RCU_STALL_TIMEOUT (21 * HZ)
#define RCU_BATCH_LIMIT 1000 /* callbacks invoked per softirq run */

struct rcu_cblist {
	struct rcu_head *head;
	struct rcu_head **tail;
	unsigned long len;
};

static struct rcu_state {
	raw_spinlock_t lock;
	unsigned long gp_seq;
	unsigned long gp_start; /* jiffies */
	unsigned long qsmask[BITS_TO_LONGS(NR_CPUS)];
	bool stall_reported;
	struct rcu_cblist next, wait, done;
	unsigned long wait_gp; /* gp_seq that releases @wait */
	bool invoking; /* a CPU is running callbacks */
	bool initialized;
} rcu_state = {
	.lock = __RAW_SPIN_LOCK_INITIALIZER(rcu_state.lock),
	.next = { NULL, &rcu_state.next.head, 0 },
	.wait = { NULL, &rcu_state.wait.head, 0 },
	.done = { NULL, &rcu_state.done.head, 0 },
};

/**
 * struct rcu_data - one CPU's part in the current grace period
 * @gp_seq: the last rcu_state.gp_seq this CPU noticed
 * @qs_pending: the period needs a quiescent state from this CPU
 * @passed_qs: it has been through one since it noticed the period
 * @in_eqs: between rcu_idle_enter() and rcu_idle_exit()
 */
struct rcu_data {
	unsigned long gp_seq;
	bool qs_pending;
	bool passed_qs;
	bool in_eqs;
};

static DEFINE_PER_CPU(struct rcu_data, rcu_data);

/* --- grace-period numbers ------------------------------------------------ */

static bool rcu_seq_in_progress(unsigned long s)
{
	return s & 1;
}

/* The gp_seq at which a period that starts after now has ended. */
static unsigned long rcu_seq_snap(unsigned long s)
{
	return (s + 3) & ~1UL;
}

static bool rcu_seq_done(unsigned long s, unsigned long snap)
{
	return (long)(s - snap) >= 0;
}

/**
 * rcu_get_gp_seq - the current grace-period sequence number.
 *
 * Odd while a grace period runs; +2 per period.  For tests.
 */
unsigned long rcu_get_gp_seq(void)
{
	return READ_ONCE(rcu_state.gp_seq);
}

/* --- callback lists ------------------------------------------------------ */

static void rcu_cblist_init(struct rcu_cblist *l)
{
	l->head = NULL;
	l->tail = &l->head;
	l->len = 0;
}

static void rcu_cblist_enqueue(struct rcu_cblist *l, struct rcu_head *head)
{
	head->next = NULL;
	*l->tail = head;
	l->tail = &head->next;
	l->len++;
}

/* Move all of @from to the tail of @to. */
static void rcu_cblist_splice(struct rcu_cblist *to, struct rcu_cblist *from)
{
	if (!from->head)
		return;
	*to->tail = from->head;
	to->tail = from->tail;
	to->len += from->len;
	rcu_cblist_init(from);
}

/* --- the grace-period machine (rcu_state.lock held) ----------------------- */

static void rcu_start_gp(void)
{
	unsigned int cpu;

	rcu_state.gp_seq++;
	rcu_state.gp_start = jiffies;
	rcu_state.stall_reported = false;
	for_each_online_cpu(cpu)
		__set_bit(cpu, rcu_state.qsmask);
}

/*
 * Move callbacks along: "wait" is done once its period ended, and
 * "next" then waits for a period that starts after now.  Start that
 * period if none runs.
 */
static void rcu_advance_cbs(void)
{
	if (rcu_state.wait.head &&
	    rcu_seq_done(rcu_state.gp_seq, rcu_state.wait_gp))
		rcu_cblist_splice(&rcu_state.done, &rcu_state.wait);
	if (!rcu_state.wait.head && rcu_state.next.head) {
		rcu_cblist_splice(&rcu_state.wait, &rcu_state.next);
		rcu_state.wait_gp = rcu_seq_snap(rcu_state.gp_seq);
	}
	if (rcu_state.wait.head && !rcu_seq_in_progress(rcu_state.gp_seq))
		rcu_start_gp();
}

static void rcu_end_gp(void)
{
	rcu_state.gp_seq++;
	rcu_advance_cbs();
}

static bool rcu_qsmask_empty(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rcu_state.qsmask); i++) {
		if (rcu_state.qsmask[i])
			return false;
	}
	return true;
}

/* This CPU passed its quiescent state: clear its bit, maybe end the period. */
static void rcu_report_qs(unsigned int cpu)
{
	if (!__test_and_clear_bit(cpu, rcu_state.qsmask))
		return;
	if (rcu_qsmask_empty())
		rcu_end_gp();
}

/* --- quiescent states ----------------------------------------------------- */

/*
 * The CPU is quiescent right now.  It counts for the period only if
 * the CPU had noticed that period already: @qs_pending is set when it
 * does.  Called with preemption or irqs off, on the CPU itself.
 */
static void rcu_qs(void)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);

	if (READ_ONCE(rdp->qs_pending))
		WRITE_ONCE(rdp->passed_qs, true);
}

/**
 * rcu_note_context_switch - a context switch is a quiescent state.
 * @preempt: the switch is a preemption (unused: preempted or not, the
 *           task is not in a read-side critical section)
 *
 * Called by __schedule() with preemption disabled.  Inside __schedule()
 * this CPU runs no reader, so the moment of the call is quiescent even
 * if an interrupt told it of a new period just before.
 */
void rcu_note_context_switch(bool preempt)
{
	rcu_qs();
}

/**
 * rcu_idle_enter - this CPU stops running readers until rcu_idle_exit().
 *
 * Called by the idle loop before it halts, preemption disabled.
 * Interrupts that come while idle may run readers; those are not
 * covered, which is why the tick re-checks (rcu_sched_clock_irq()).
 */
void rcu_idle_enter(void)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);

	WRITE_ONCE(rdp->in_eqs, true);
	rcu_qs();
}

/** rcu_idle_exit - the idle loop is done halting; readers may follow. */
void rcu_idle_exit(void)
{
	WRITE_ONCE(this_cpu_ptr(&rcu_data)->in_eqs, false);
}

/*
 * Did the tick interrupt the idle loop itself (not a softirq or another
 * interrupt running on top of it)?
 */
static bool rcu_tick_interrupted_idle(struct rcu_data *rdp)
{
	return READ_ONCE(rdp->in_eqs) && hardirq_count() == HARDIRQ_OFFSET &&
	       !softirq_count();
}

static void rcu_check_stall(struct rcu_data *rdp)
{
	unsigned long gp_start = READ_ONCE(rcu_state.gp_start);
	unsigned int cpu;

	if (!rcu_seq_in_progress(READ_ONCE(rcu_state.gp_seq)) ||
	    !time_after(jiffies, gp_start + RCU_STALL_TIMEOUT) ||
	    READ_ONCE(rcu_state.stall_reported))
		return;
	WRITE_ONCE(rcu_state.stall_reported, true);
	pr_err("rcu: INFO: rcu_sched detected stalls on CPUs/tasks:");
	for_each_online_cpu(cpu) {
		if (test_bit(cpu, rcu_state.qsmask))
			pr_cont(" %u", cpu);
	}
	pr_cont(" (%lu jiffies, gp_seq %lu)\n", jiffies - gp_start,
		rcu_state.gp_seq);
	dump_stack();
}

/* Anything for this CPU's RCU softirq to do? */
static bool rcu_pending(struct rcu_data *rdp)
{
	unsigned long gp_seq = READ_ONCE(rcu_state.gp_seq);

	if (READ_ONCE(rdp->gp_seq) != gp_seq)
		return true;
	if (READ_ONCE(rdp->qs_pending) && READ_ONCE(rdp->passed_qs))
		return true;
	if (READ_ONCE(rcu_state.done.head))
		return true;
	if (!rcu_seq_in_progress(gp_seq) &&
	    (READ_ONCE(rcu_state.wait.head) || READ_ONCE(rcu_state.next.head)))
		return true;
	return false;
}

/**
 * rcu_sched_clock_irq - RCU's part of the tick.
 * @user: the tick interrupted user mode
 *
 * Hardirq context, from update_process_times().  User mode and the
 * idle loop are quiescent states; a CPU that holds a period up for too
 * long is asked to reschedule.
 */
void rcu_sched_clock_irq(int user)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);

	if (!READ_ONCE(rcu_state.initialized))
		return;
	if (user || rcu_tick_interrupted_idle(rdp))
		rcu_qs();
	if (READ_ONCE(rdp->qs_pending) && !READ_ONCE(rdp->passed_qs) &&
	    time_after(jiffies, READ_ONCE(rcu_state.gp_start) +
					RCU_JIFFIES_TILL_FORCE_QS)) {
		set_tsk_need_resched(current);
		set_preempt_need_resched();
	}
	rcu_check_stall(rdp);
	if (rcu_pending(rdp))
		raise_softirq(RCU_SOFTIRQ);
}

/* --- the softirq ---------------------------------------------------------- */

/* Notice a new period; report this CPU's quiescent state.  Lock held. */
static void rcu_check_gp(struct rcu_data *rdp, unsigned int cpu)
{
	if (rdp->gp_seq != rcu_state.gp_seq) {
		rdp->gp_seq = rcu_state.gp_seq;
		rdp->passed_qs = false;
		rdp->qs_pending = rcu_seq_in_progress(rdp->gp_seq) &&
				  test_bit(cpu, rcu_state.qsmask);
	}
	if (rdp->qs_pending && rdp->passed_qs) {
		rdp->qs_pending = false;
		rcu_report_qs(cpu);
	}
}

static void rcu_do_callback(struct rcu_head *head)
{
	unsigned long offset = (unsigned long)head->func;

	if (__is_kfree_rcu_offset(offset))
		kfree((void *)head - offset);
	else
		head->func(head);
}

/* Detach up to RCU_BATCH_LIMIT done callbacks; returns them, count in *@n. */
static struct rcu_head *rcu_take_batch(unsigned long *n)
{
	struct rcu_head *batch = rcu_state.done.head, *rest = batch;

	for (*n = 0; rest && *n < RCU_BATCH_LIMIT; ++*n)
		rest = rest->next;
	rcu_state.done.head = rest;
	if (!rest)
		rcu_state.done.tail = &rcu_state.done.head;
	rcu_state.done.len -= *n;
	return batch;
}

/*
 * Invoke a batch of done callbacks with the lock dropped and irqs on.
 * Only one CPU at a time, so they run in the order they were queued.
 * Lock held on entry and on return.
 */
static void rcu_invoke_callbacks(unsigned long *flags)
{
	struct rcu_head *batch, *next;
	unsigned long n;

	if (rcu_state.invoking || !rcu_state.done.head)
		return;
	rcu_state.invoking = true;
	batch = rcu_take_batch(&n);
	raw_spin_unlock_irqrestore(&rcu_state.lock, *flags);
	for (; n; n--, batch = next) {
		next = batch->next;
		rcu_do_callback(batch);
	}
	raw_spin_lock_irqsave(&rcu_state.lock, *flags);
	rcu_state.invoking = false;
	if (rcu_state.done.head)
		raise_softirq(RCU_SOFTIRQ);
}

static void rcu_core(struct softirq_action *unused)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);
	unsigned int cpu = smp_processor_id();
	unsigned long flags;

	raw_spin_lock_irqsave(&rcu_state.lock, flags);
	rcu_check_gp(rdp, cpu);
	rcu_advance_cbs();
	rcu_check_gp(rdp, cpu); /* a period may have started just now */
	rcu_invoke_callbacks(&flags);
	raw_spin_unlock_irqrestore(&rcu_state.lock, flags);
}

/* --- the API -------------------------------------------------------------- */

/**
 * call_rcu - call @func(@head) after a grace period.
 * @head: the rcu_head embedded in the object concerned
 * @func: the callback; it runs in softirq context and must not sleep
 *
 * Any context.  Every reader that might see the object when call_rcu()
 * is called has finished by the time @func runs.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	unsigned long flags;

	head->func = func;
	raw_spin_lock_irqsave(&rcu_state.lock, flags);
	rcu_cblist_enqueue(&rcu_state.next, head);
	raw_spin_unlock_irqrestore(&rcu_state.lock, flags);
}

struct rcu_synchronize {
	struct rcu_head head;
	struct completion completion;
};

static void wakeme_after_rcu(struct rcu_head *head)
{
	struct rcu_synchronize *rs =
		container_of(head, struct rcu_synchronize, head);

	complete(&rs->completion);
}

/* Queue a callback that completes, and wait for it. */
static void rcu_wait_for_callback(void)
{
	struct rcu_synchronize rs;

	init_completion(&rs.completion);
	call_rcu(&rs.head, wakeme_after_rcu);
	wait_for_completion(&rs.completion);
}

/**
 * synchronize_rcu - wait until every reader running now has finished.
 *
 * Process context, may sleep; must not be called in a read-side
 * critical section (it would wait for itself).  Returns after a full
 * grace period: readers that begin later may still be running.
 */
void synchronize_rcu(void)
{
	might_sleep();
	/* One CPU, no scheduler yet: the caller is the only context. */
	if (early_boot_irqs_disabled)
		return;
	rcu_wait_for_callback();
}

/**
 * rcu_barrier - wait until every callback queued so far has run.
 *
 * Process context, may sleep.  For code about to free what its
 * callbacks use.  Callbacks run in queueing order, so one more queued
 * behind them runs last.
 */
void rcu_barrier(void)
{
	might_sleep();
	rcu_wait_for_callback();
}

/**
 * rcu_init - open RCU_SOFTIRQ; grace periods can start.
 *
 * Boot, once the softirq table exists.  Callbacks queued before wait
 * until then.
 */
void rcu_init(void)
{
	if (rcu_state.initialized)
		return;
	open_softirq(RCU_SOFTIRQ, rcu_core);
	WRITE_ONCE(rcu_state.initialized, true);
	pr_info("rcu: non-preemptible RCU, quiescent states from context switch, user mode and idle\n");
}

/* Until start_kernel() calls rcu_init() itself. */
static int __init rcu_init_initcall(void)
{
	rcu_init();
	return 0;
}
early_initcall(rcu_init_initcall);
