/*
 * The scheduler core (seed 001): runqueues, wake-ups, the tick, and
 * schedule() itself.  The policies live in rt.c, fair.c and idle.c.
 *
 * Locking: each runqueue has a lock, always taken with irqs off.  A
 * task's rq may change only with that rq locked; task_rq_lock() copes
 * with a task that moves while we wait.  Two rqs are locked in address
 * order (double_rq_lock).
 */
#include <linux/uaccess.h>
#include <linux/bug.h>
#include <linux/instruction_pointer.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>
#include <asm/mmu_context.h>
#include <asm/switch_to.h>
#include "sched.h"
#include "../workqueue_internal.h"

DEFINE_PER_CPU(struct rq, runqueues);

/* --- priority arrays ---------------------------------------------------- */

/**
 * prio_array_init - empty a priority array.
 *
 * The delimiter bit at MAX_PRIO stays set, so a search of an empty
 * array stops there.
 */
void prio_array_init(struct prio_array *array)
{
	int i;

	array->nr_active = 0;
	bitmap_zero(array->bitmap, MAX_PRIO + 1);
	__set_bit(MAX_PRIO, array->bitmap);
	for (i = 0; i < MAX_PRIO; i++)
		INIT_LIST_HEAD(&array->queue[i]);
}

/** prio_array_enqueue - queue @p on its priority's list, tail or @head. */
void prio_array_enqueue(struct prio_array *array, struct task_struct *p,
			bool head)
{
	if (head)
		list_add(&p->run_list, &array->queue[p->prio]);
	else
		list_add_tail(&p->run_list, &array->queue[p->prio]);
	__set_bit(p->prio, array->bitmap);
	array->nr_active++;
	p->array = array;
}

/** prio_array_dequeue - remove @p; clear the bit if its list empties. */
void prio_array_dequeue(struct prio_array *array, struct task_struct *p)
{
	list_del_init(&p->run_list);
	if (list_empty(&array->queue[p->prio]))
		__clear_bit(p->prio, array->bitmap);
	array->nr_active--;
	p->array = NULL;
}

/** prio_array_requeue - move @p to the tail of its list (round robin). */
void prio_array_requeue(struct prio_array *array, struct task_struct *p)
{
	list_move_tail(&p->run_list, &array->queue[p->prio]);
}

/* --- runqueue locking ------------------------------------------------- */

/* Lock @p's runqueue, irqs off; returns it. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	for (;;) {
		local_irq_save(*flags);
		rq = task_rq(p);
		raw_spin_lock(&rq->lock);
		if (rq == task_rq(p))
			return rq;
		raw_spin_unlock(&rq->lock);
		local_irq_restore(*flags);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	raw_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/** double_rq_lock - lock two runqueues in address order; irqs off. */
void double_rq_lock(struct rq *rq1, struct rq *rq2)
{
	if (rq1 == rq2) {
		raw_spin_lock(&rq1->lock);
	} else if (rq1 < rq2) {
		raw_spin_lock(&rq1->lock);
		raw_spin_lock_nested(&rq2->lock, SINGLE_DEPTH_NESTING);
	} else {
		raw_spin_lock(&rq2->lock);
		raw_spin_lock_nested(&rq1->lock, SINGLE_DEPTH_NESTING);
	}
}

/** double_rq_unlock - undo double_rq_lock(). */
void double_rq_unlock(struct rq *rq1, struct rq *rq2)
{
	raw_spin_unlock(&rq1->lock);
	if (rq1 != rq2)
		raw_spin_unlock(&rq2->lock);
}

/** update_rq_clock - read the clock for this rq's accounting.  Locked. */
void update_rq_clock(struct rq *rq)
{
	rq->clock = local_clock();
}

/* --- enqueue, dequeue, preemption ------------------------------------- */

/** activate_task - make @p runnable on @rq.  rq locked. */
void activate_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->enqueue_task(rq, p, flags);
	rq->nr_running++;
	p->on_rq = 1;
}

/** deactivate_task - take @p off @rq (it sleeps or moves).  rq locked. */
void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->dequeue_task(rq, p, flags);
	rq->nr_running--;
	p->on_rq = 0;
}

/** set_tsk_need_resched - ask @p to call schedule() soon (seed 001). */
void set_tsk_need_resched(struct task_struct *p)
{
	set_tsk_thread_flag(p, TIF_NEED_RESCHED);
}

/** clear_tsk_need_resched - the request is being served. */
void clear_tsk_need_resched(struct task_struct *p)
{
	clear_tsk_thread_flag(p, TIF_NEED_RESCHED);
}

/*
 * preempt_count carries an inverted copy of the current task's
 * TIF_NEED_RESCHED (asm/preempt.h), so preempt_enable() tests both at
 * once.  Keep the copy in step whenever the flag or the task changes.
 */
static void fold_need_resched(void)
{
	if (test_tsk_need_resched(current))
		set_preempt_need_resched();
	else
		clear_preempt_need_resched();
}

/**
 * resched_curr - make the task running on @rq reschedule.  rq locked.
 *
 * Locally that is a flag; another CPU gets a reschedule IPI.
 */
void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu == smp_processor_id())
		set_preempt_need_resched();
	else
		smp_send_reschedule(rq->cpu);
}

static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (p->sched_class == rq->curr->sched_class)
		p->sched_class->check_preempt_curr(rq, p);
	else if (rq->curr->sched_class == &idle_sched_class ||
		 (p->sched_class == &rt_sched_class))
		resched_curr(rq);
}

/** task_allowed_on - may @p run on @cpu (cpus_allowed)? */
bool task_allowed_on(const struct task_struct *p, int cpu)
{
	return test_bit(cpu, p->cpus_mask) && cpu_online(cpu);
}

/** set_task_cpu - move a task that is on no runqueue to @cpu. */
void set_task_cpu(struct task_struct *p, unsigned int cpu)
{
	WRITE_ONCE(p->cpu, cpu);
}

/* --- wake-ups ------------------------------------------------------------ */

/* An online CPU @p may run on, for a task whose CPU became forbidden. */
static int select_fallback_cpu(const struct task_struct *p)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (test_bit(cpu, p->cpus_mask))
			return cpu;
	return task_cpu(p); /* nothing allowed is online: stay */
}

/*
 * @p, asleep and switched out, may not run on its CPU any more: move it
 * to an allowed one.  Called and returns with the (new) rq locked.
 */
static struct rq *ttwu_migrate(struct task_struct *p, struct rq *rq)
{
	int cpu = select_fallback_cpu(p);

	if (cpu == rq->cpu)
		return rq;
	set_task_cpu(p, cpu);
	raw_spin_unlock(&rq->lock);
	rq = cpu_rq(cpu);
	raw_spin_lock(&rq->lock);
	return rq;
}

/**
 * try_to_wake_up - wake @p if its state is one of @state.
 * @p: the task
 * @state: the sleep states this wake-up may end (TASK_NORMAL...)
 * @wake_flags: unused
 *
 * Any context.  Returns 1 if @p was woken (or had not gone to sleep
 * yet and now will not), 0 if its state did not match.  @p wakes on
 * the runqueue it slept on, unless that CPU is no longer allowed: a
 * task still switching out elsewhere must not start here too, and with
 * its rq locked we know it is not (on_cpu is cleared under that lock).
 * The load balancer spreads tasks out.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	struct rq *rq;
	int success = 0;

	preempt_disable(); /* its enable is where a woken RT task runs */
	rq = task_rq_lock(p, &flags);
	if (!(READ_ONCE(p->__state) & state))
		goto out;
	success = 1;
	if (!p->on_rq && !p->on_cpu && !task_allowed_on(p, rq->cpu))
		rq = ttwu_migrate(p, rq);
	if (!p->on_rq) {
		update_rq_clock(rq);
		activate_task(rq, p, ENQUEUE_WAKEUP);
		if (p->__state & TASK_UNINTERRUPTIBLE && rq->nr_uninterruptible)
			rq->nr_uninterruptible--;
		check_preempt_curr(rq, p);
	}
	/* Still queued: it never got to sleep; it just stays running. */
	WRITE_ONCE(p->__state, TASK_RUNNING);
out:
	task_rq_unlock(rq, flags);
	preempt_enable();
	return success;
}

/**
 * wait_task_inactive - wait until @p is off every CPU and runqueue.
 *
 * For a task that is going to sleep (a new kthread): afterwards its
 * CPU can be changed safely.  Process context.
 */
void wait_task_inactive(struct task_struct *p)
{
	while (READ_ONCE(p->on_cpu) || READ_ONCE(p->on_rq)) {
		if (rt_task(current)) /* yield would not let it run */
			schedule_timeout_uninterruptible(1);
		else
			yield();
	}
}

/** wake_up_process - wake @p from any sleep.  Returns 1 if woken. */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/** wake_up_state - wake @p only from the sleep states in @state. */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/**
 * sched_fork - scheduler state of a new task, copied from its parent.
 *
 * The O(1) scheduler splits the parent's remaining time slice between
 * parent and child, so forking cannot gain CPU time.
 */
void sched_fork(struct task_struct *p)
{
	unsigned long flags;

	p->__state = TASK_NEW;
	p->on_cpu = 0;
	p->on_rq = 0;
	p->array = NULL;
	INIT_LIST_HEAD(&p->run_list);
	p->prio = current->normal_prio;
	p->utime = p->stime = p->sum_exec_runtime = 0;
	p->nvcsw = p->nivcsw = 0;
	if (p->sched_class == &idle_sched_class)
		p->sched_class = &fair_sched_class;
	local_irq_save(flags);
	p->time_slice = (current->time_slice + 1) / 2;
	current->time_slice /= 2;
	if (!p->time_slice)
		p->time_slice = 1;
	if (!current->time_slice)
		current->time_slice = 1; /* the tick will expire it */
	local_irq_restore(flags);
	if (p->sched_class->task_fork)
		p->sched_class->task_fork(p);
}

/**
 * wake_up_new_task - put a new task on a runqueue for the first time.
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	preempt_disable();
	rq = task_rq_lock(p, &flags);
	update_rq_clock(rq);
	p->timestamp = rq->clock;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p, 0);
	check_preempt_curr(rq, p);
	task_rq_unlock(rq, flags);
	preempt_enable();
}

/* --- context switch ------------------------------------------------------ */

/*
 * The second half of a switch, run by the task switched to: drop the
 * rq lock, release the lazily borrowed mm, and free a task that died.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;
	unsigned int prev_state = READ_ONCE(prev->__state);

	rq->prev_mm = NULL;
	/* SMP: take over rq->lock from the task that locked it; see
	 * context_switch(). */
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	/* After this store another CPU may run prev; pairs with nothing
	 * reading on_cpu before taking prev's rq lock. */
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
	fold_need_resched();
	raw_spin_unlock(&rq->lock);
	local_irq_enable();
	if (mm)
		mmdrop(mm);
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
}

/**
 * schedule_tail - first code of a new task (from ret_from_fork).
 * @prev: the task that ran before it
 */
asmlinkage void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
	/*
	 * CLONE_CHILD_SETTID: the child writes its tid into its own memory
	 * before it first runs user code (a fault just leaves it unset).
	 */
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/*
 * Switch memory, then registers and stack (seed 000).  A kernel thread
 * has no mm of its own: it borrows the previous task's (active_mm), so
 * no CR3 load or TLB flush is needed to run it ("lazy TLB").
 */
static struct task_struct *context_switch(struct rq *rq,
					  struct task_struct *prev,
					  struct task_struct *next)
{
	next->on_cpu = 1;
	if (!next->mm) {
		next->active_mm = prev->active_mm;
		mmgrab(next->active_mm);
	} else {
		switch_mm(prev->active_mm, next->mm, next);
	}
	if (!prev->mm) {
		rq->prev_mm = prev->active_mm;
		prev->active_mm = NULL;
	}
	/*
	 * SMP: rq->lock is unlocked by next, in finish_task_switch().  For
	 * lockdep, prev stops holding it here: prev may resume on another
	 * CPU and unlock that CPU's rq->lock instead.
	 */
	spin_release(&rq->lock.dep_map, _THIS_IP_);
	return switch_to(prev, next);
}

static noinline void schedule_debug(struct task_struct *prev, bool preempt)
{
	if (task_stack_end_corrupted(prev))
		panic("corrupted stack end detected inside scheduler: task %s/%d",
		      prev->comm, prev->pid);
	if (unlikely(preempt_count() != PREEMPT_DISABLE_OFFSET)) {
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n",
		       prev->comm, prev->pid, preempt_count());
		dump_stack();
		preempt_count_set(PREEMPT_DISABLE_OFFSET);
	}
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	const struct sched_class *class;
	struct task_struct *p;

	for_each_class(class)
	{
		p = class->pick_next_task(rq);
		if (p)
			return p;
	}
	BUG(); /* the idle class always has a task */
}

/* The RCU engineer's hook: a context switch is a quiescent state. */
void __weak rcu_note_context_switch(bool preempt)
{
}

/*
 * __schedule - the scheduler proper.
 *
 * Entered with preemption disabled (count exactly 1) from:
 *  - schedule(): the task blocks (its state is not TASK_RUNNING) or
 *    yields because need_resched was set;
 *  - preempt_schedule(), preempt_schedule_irq(): kernel preemption
 *    (@preempt = true: the task is runnable whatever its state says,
 *    since it was interrupted before it could sleep);
 *  - the idle loop.
 * Picks the next task class by class and switches to it.  Returns in
 * the context of @prev when it is scheduled again.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev, *next;
	unsigned long *switch_count;
	struct rq *rq;

	rq = this_rq();
	prev = rq->curr;
	schedule_debug(prev, preempt);
	rcu_note_context_switch(preempt);
	local_irq_disable();
	raw_spin_lock(&rq->lock);
	update_rq_clock(rq);

	switch_count = &prev->nivcsw;
	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
		if (signal_pending_state(prev->__state, prev)) {
			WRITE_ONCE(prev->__state, TASK_RUNNING);
		} else {
			deactivate_task(rq, prev, DEQUEUE_SLEEP);
			if ((prev->__state & TASK_UNINTERRUPTIBLE) &&
			    !(prev->__state & TASK_NOLOAD))
				rq->nr_uninterruptible++;
		}
		switch_count = &prev->nvcsw;
	}
	prev->sched_class->put_prev_task(rq, prev);
	next = pick_next_task(rq);
	clear_tsk_need_resched(prev);
	clear_preempt_need_resched();

	if (likely(prev != next)) {
		rq->nr_switches++;
		rq->curr = next;
		++*switch_count;
		next->timestamp = rq->clock;
		prev = context_switch(rq, prev, next);
		finish_task_switch(prev);
	} else {
		raw_spin_unlock(&rq->lock);
		local_irq_enable();
	}
}

/**
 * schedule - give up the CPU.
 *
 * Process context, may sleep; preemption enabled.  If the caller set a
 * sleeping state first (set_current_state), it sleeps until woken.
 */
void schedule(void)
{
	/* A kworker going to sleep lets its pool start another worker. */
	if ((current->flags & PF_WQ_WORKER) && !task_is_running(current)) {
		preempt_disable();
		wq_worker_sleeping(current);
		preempt_enable_no_resched();
	}
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/** schedule_preempt_disabled - schedule() for a caller that disabled preemption once. */
void schedule_preempt_disabled(void)
{
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
}

/**
 * preempt_schedule - kernel preemption from preempt_enable().
 *
 * Only when the count is zero and irqs are on; otherwise the caller
 * will come back here later.
 */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * preempt_schedule_irq - kernel preemption on return from an interrupt.
 *
 * Irqs off, preempt_count zero (seed 001/002: preemption on irq exit).
 */
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/** _cond_resched - schedule if a reschedule is pending.  Returns 1 if it did. */
int _cond_resched(void)
{
	if (!need_resched() || preempt_count())
		return 0;
	schedule();
	return 1;
}

/** yield - let other runnable tasks of the same priority run first. */
void yield(void)
{
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	raw_spin_lock(&rq->lock);
	if (current->sched_class->yield_task)
		current->sched_class->yield_task(rq);
	raw_spin_unlock(&rq->lock);
	local_irq_enable();
	schedule();
}

/* --- the tick ----------------------------------------------------------- */

/*
 * Seed 001: time is accounted by whole ticks -- the tick's task gets
 * TICK_NSEC of user or system time, whichever mode the tick hit.
 */
static void account_process_tick(struct task_struct *p, bool user)
{
	if (user)
		p->utime += TICK_NSEC;
	else if (!is_idle_task(p))
		p->stime += TICK_NSEC;
	p->sum_exec_runtime += TICK_NSEC;
}

static void run_rebalance_domains(struct softirq_action *h)
{
	fair_load_balance(this_rq(), false);
}

/**
 * scheduler_tick - the scheduler's part of every tick.
 *
 * Hardirq context.  Charges the tick, lets the task's class spend its
 * time slice, and kicks load balancing when it is due.
 */
void scheduler_tick(void)
{
	struct pt_regs *regs = get_irq_regs();
	struct rq *rq = this_rq();
	struct task_struct *curr;

	raw_spin_lock(&rq->lock);
	curr = rq->curr;
	update_rq_clock(rq);
	account_process_tick(curr, regs && user_mode(regs));
	curr->sched_class->task_tick(rq, curr);
	calc_global_load_tick(rq);
	raw_spin_unlock(&rq->lock);
	if (time_after_eq(jiffies, rq->next_balance))
		raise_softirq(SCHED_SOFTIRQ);
}

/**
 * scheduler_ipi - another CPU set our need_resched (hardirq context).
 */
void scheduler_ipi(void)
{
	fold_need_resched();
}

void __weak smp_send_reschedule(int cpu)
{
}

/* --- priorities and policies ------------------------------------------ */

/* The priority a task's policy and nice/rt_priority give it. */
static int normal_prio(const struct task_struct *p)
{
	if (rt_policy(p->policy))
		return MAX_RT_PRIO - 1 - p->rt_priority;
	return p->static_prio;
}

/* Requeue @p after its prio changed, keeping on_rq as it was. */
static void change_prio(struct rq *rq, struct task_struct *p,
			const struct sched_class *class, int prio)
{
	int queued = p->on_rq, oldprio = p->prio;

	if (queued)
		p->sched_class->dequeue_task(rq, p, 0);
	p->sched_class = class;
	p->prio = prio;
	if (queued)
		p->sched_class->enqueue_task(rq, p, 0);
	if (p->sched_class->prio_changed)
		p->sched_class->prio_changed(rq, p, oldprio);
}

/**
 * set_user_nice - change a normal task's nice value (-20..19).
 */
void set_user_nice(struct task_struct *p, long nice)
{
	unsigned long flags;
	struct rq *rq;

	nice = clamp(nice, -20L, 19L);
	rq = task_rq_lock(p, &flags);
	p->static_prio = NICE_TO_PRIO(nice);
	p->normal_prio = normal_prio(p);
	if (!rt_task(p))
		change_prio(rq, p, p->sched_class, fair_effective_prio(p));
	task_rq_unlock(rq, flags);
}

/**
 * sched_setscheduler_nocheck - set policy and rt priority, no permission check.
 *
 * Returns 0 or -EINVAL for an unknown policy or an out-of-range priority.
 */
int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       int rt_priority)
{
	const struct sched_class *class;
	unsigned long flags;
	struct rq *rq;

	if (rt_policy(policy)	? rt_priority < 1 || rt_priority > 99 :
	    fair_policy(policy) ? rt_priority != 0 :
				  true)
		return -EINVAL;
	class = rt_policy(policy) ? &rt_sched_class : &fair_sched_class;
	preempt_disable();
	rq = task_rq_lock(p, &flags);
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->normal_prio = normal_prio(p);
	if (rt_policy(policy) && policy == SCHED_RR && !p->time_slice)
		p->time_slice = RR_TIMESLICE;
	change_prio(rq, p, class,
		    rt_policy(policy) ? p->normal_prio :
					fair_effective_prio(p));
	if (p->on_rq && rq->curr != p)
		check_preempt_curr(rq, p);
	else if (rq->curr == p)
		resched_curr(rq);
	task_rq_unlock(rq, flags);
	preempt_enable();
	return 0;
}

/**
 * set_cpus_allowed_ptr - restrict @p to the CPUs in @mask.
 *
 * Returns -EINVAL if no online CPU is in @mask.  A task that is on a
 * now-forbidden CPU moves when it next sleeps or is balanced; a
 * sleeping one is moved at once.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const unsigned long *mask)
{
	unsigned long flags;
	unsigned int cpu, first = NR_CPUS;
	struct rq *rq;

	for_each_online_cpu(cpu)
		if (test_bit(cpu, mask) && first == NR_CPUS)
			first = cpu;
	if (first == NR_CPUS)
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	bitmap_copy(p->cpus_mask, mask, NR_CPUS);
	p->nr_cpus_allowed = bitmap_weight(mask, NR_CPUS);
	if (!p->on_rq && !p->on_cpu && !test_bit(task_cpu(p), mask))
		set_task_cpu(p, first);
	else if (!test_bit(task_cpu(p), mask))
		resched_curr(rq); /* the balancer will move it */
	task_rq_unlock(rq, flags);
	return 0;
}

/* --- statistics ---------------------------------------------------------- */

/** nr_running - runnable tasks on all CPUs (running ones included). */
unsigned long nr_running(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_running);
	return sum;
}

/** nr_context_switches - context switches since boot, all CPUs. */
unsigned long long nr_context_switches(void)
{
	unsigned long long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return sum;
}

/*
 * The load average (/proc/loadavg): every LOAD_FREQ, an exponential
 * moving average of runnable plus uninterruptible tasks, in fixed point
 * with FSHIFT fraction bits.  EXP_n = 2^11 / e^(5s / n min).
 */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_FREQ (5 * HZ + 1)
#define EXP_1 1884
#define EXP_5 2014
#define EXP_15 2037

static unsigned long avenrun[3];
static unsigned long calc_load_update_global;

static unsigned long calc_load(unsigned long load, unsigned long exp,
			       unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/** calc_global_load_tick - fold the load average every LOAD_FREQ.  rq locked. */
void calc_global_load_tick(struct rq *rq)
{
	unsigned long active = 0;
	unsigned int cpu;

	if (rq->cpu != 0 || time_before(jiffies, calc_load_update_global))
		return;
	calc_load_update_global = jiffies + LOAD_FREQ;
	for_each_online_cpu(cpu) {
		struct rq *r = cpu_rq(cpu);

		active += READ_ONCE(r->nr_running) - (r->curr == r->idle) +
			  READ_ONCE(r->nr_uninterruptible);
	}
	active *= FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}

/** get_avenrun - the three load averages, scaled by 2^(FSHIFT - @shift)... */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (avenrun[i] + offset) << shift;
}

/* --- boot ----------------------------------------------------------------- */

/**
 * init_idle - make @idle the idle task of @cpu.
 *
 * The boot CPU's is init_task, which becomes idle after rest_init().
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	raw_spin_lock_irqsave(&rq->lock, flags);
	idle->__state = TASK_RUNNING;
	idle->flags |= PF_IDLE;
	idle->sched_class = &idle_sched_class;
	idle->prio = MAX_PRIO;
	idle->on_cpu = 1;
	idle->on_rq = 0;
	set_task_cpu(idle, cpu);
	bitmap_zero(idle->cpus_mask, NR_CPUS);
	__set_bit(cpu, idle->cpus_mask);
	idle->nr_cpus_allowed = 1;
	rq->idle = rq->curr = idle;
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

/** sched_init_rq - set up @cpu's runqueue (boot, or before the CPU starts). */
void sched_init_rq(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	spin_lock_init(&rq->lock);
	rq->cpu = cpu;
	rq->nr_running = 0;
	rq->next_balance = jiffies;
	fair_init_rq(rq);
	rt_init_rq(rq);
}

/**
 * sched_init - the boot CPU's runqueue; init_task becomes its idle task.
 *
 * From start_kernel(), after the allocators and before interrupts.
 */
void __init sched_init(void)
{
	sched_init_rq(0);
	init_idle(current, 0);
	calc_load_update_global = jiffies + LOAD_FREQ;
	open_softirq(SCHED_SOFTIRQ, run_rebalance_domains);
	pr_info("sched: O(1) scheduler, HZ=%d, nice 0 time slice %u ms\n", HZ,
		DEF_TIMESLICE_MS);
}

/**
 * do_task_dead - the last schedule() of an exiting task.
 *
 * The switch away sees TASK_DEAD and drops the task's reference.
 */
void do_task_dead(void)
{
	preempt_disable();
	WRITE_ONCE(current->__state, TASK_DEAD);
	__schedule(false);
	BUG();
}
