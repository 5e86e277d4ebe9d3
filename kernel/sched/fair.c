/*
 * The normal class: Linux 2.6's O(1) scheduler for SCHED_NORMAL,
 * SCHED_BATCH and SCHED_IDLE (seed 001).
 *
 *   - Time slice from the static priority (task_timeslice): nice 0
 *     gets 100 ms, nice -20 800 ms, nice 19 5 ms.
 *   - A dynamic priority: static priority minus a bonus of -5..+5 from
 *     the sleep average.  Tasks that sleep a lot (interactive ones)
 *     gain up to 5 levels; CPU hogs lose up to 5.
 *   - Two arrays per CPU.  A task that used up its slice goes to the
 *     expired array -- unless it is interactive and the expired tasks
 *     are not starving, then it goes back into the active array.  When
 *     the active array is empty the two swap: O(1), no recalculation.
 *
 * The running task stays in its array; picking the next task is the
 * first set bit of the active bitmap and the head of that list.
 */
#include <linux/timekeeping.h>
#include "sched.h"

#define MAX_USER_PRIO (MAX_PRIO - MAX_RT_PRIO) /* 40 */
#define MS_TO_TICKS(ms) (((ms)*HZ + 999) / 1000)
#define INTERACTIVE_DELTA 2
#define STARVATION_LIMIT MS_TO_TICKS(DEF_TIMESLICE_MS *MAX_BONUS)
#define BALANCE_INTERVAL_TICKS MS_TO_TICKS(200)

/* Scale a slice of @ms milliseconds by priority; the result in ticks. */
static unsigned int scale_prio(unsigned int ms, int prio)
{
	ms = max_t(unsigned int, ms *(MAX_PRIO - prio) / (MAX_USER_PRIO / 2),
		   MIN_TIMESLICE_MS);
	return max_t(unsigned int, MS_TO_TICKS(ms), 1);
}

/**
 * task_timeslice - a task's time slice in ticks, from its static priority.
 *
 * Linux 2.6's table: nice < 0 scales 4 * 100 ms, nice >= 0 scales
 * 100 ms, both by (MAX_PRIO - prio) / 20, never below 5 ms.
 */
unsigned int task_timeslice(const struct task_struct *p)
{
	if (p->policy == SCHED_RR || p->policy == SCHED_FIFO)
		return RR_TIMESLICE;
	if (p->static_prio < NICE_TO_PRIO(0))
		return scale_prio(DEF_TIMESLICE_MS * 4, p->static_prio);
	return scale_prio(DEF_TIMESLICE_MS, p->static_prio);
}

/* The bonus, 0..MAX_BONUS, that the sleep average earns. */
static int current_bonus(const struct task_struct *p)
{
	return p->sleep_avg * MAX_BONUS / MAX_SLEEP_AVG_NS;
}

/**
 * fair_effective_prio - static priority adjusted by the sleep bonus.
 *
 * SCHED_BATCH gets no bonus (it is never interactive); SCHED_IDLE sits
 * at the lowest priority.
 */
int fair_effective_prio(const struct task_struct *p)
{
	int prio;

	if (p->policy == SCHED_IDLE)
		return MAX_PRIO - 1;
	if (p->policy == SCHED_BATCH)
		return p->static_prio;
	prio = p->static_prio - (current_bonus(p) - MAX_BONUS / 2);
	return clamp(prio, MAX_RT_PRIO, MAX_PRIO - 1);
}

/*
 * Interactive: the bonus has lifted it at least DELTA levels above its
 * static priority; DELTA grows with nice, so nice 19 can hardly ever be
 * interactive and nice -20 almost always is.
 */
static bool task_interactive(const struct task_struct *p)
{
	int delta = task_nice(p) * MAX_BONUS / 40 + INTERACTIVE_DELTA;

	return p->policy == SCHED_NORMAL && p->prio <= p->static_prio - delta;
}

/*
 * The expired tasks have waited too long (or one of them outranks the
 * running task): stop recycling interactive tasks into the active array.
 */
static bool expired_starving(const struct rq *rq)
{
	if (rq->curr->static_prio > rq->best_expired_prio)
		return true;
	return rq->expired_timestamp &&
	       time_after_eq(jiffies,
			     rq->expired_timestamp +
				     STARVATION_LIMIT * rq->fair_nr_running);
}

/** fair_init_rq - empty arrays for @rq. */
void fair_init_rq(struct rq *rq)
{
	prio_array_init(&rq->arrays[0]);
	prio_array_init(&rq->arrays[1]);
	rq->active = &rq->arrays[0];
	rq->expired = &rq->arrays[1];
	rq->best_expired_prio = MAX_PRIO;
	rq->expired_timestamp = 0;
	rq->fair_nr_running = 0;
}

/* Credit the time slept (ns) to the sleep average, up to its cap. */
static void recalc_task_prio(struct task_struct *p, u64 now)
{
	u64 slept = now > p->timestamp ? now - p->timestamp : 0;

	p->sleep_avg = min_t(u64, p->sleep_avg + slept, MAX_SLEEP_AVG_NS);
	p->prio = fair_effective_prio(p);
}

static void enqueue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	if (flags & ENQUEUE_WAKEUP)
		recalc_task_prio(p, rq->clock);
	if (!p->time_slice)
		p->time_slice = task_timeslice(p);
	prio_array_enqueue(rq->active, p, flags & ENQUEUE_HEAD);
	rq->fair_nr_running++;
}

static void dequeue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	if (flags & DEQUEUE_SLEEP)
		p->timestamp = rq->clock; /* sleep starts now */
	prio_array_dequeue(p->array, p);
	rq->fair_nr_running--;
}

/* yield: to the expired array, so every other runnable task goes first. */
static void yield_task_fair(struct rq *rq)
{
	struct task_struct *p = rq->curr;

	if (p->array != rq->active)
		return;
	prio_array_dequeue(rq->active, p);
	prio_array_enqueue(rq->expired, p, false);
	if (!rq->expired_timestamp)
		rq->expired_timestamp = jiffies;
}

static void check_preempt_curr_fair(struct rq *rq, struct task_struct *p)
{
	if (p->prio < rq->curr->prio)
		resched_curr(rq);
}

static struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct prio_array *array = rq->active;
	int idx;

	if (!rq->fair_nr_running)
		return NULL;
	if (!array->nr_active) {
		/* Seed 001: the arrays swap, all slices are fresh. */
		rq->active = rq->expired;
		rq->expired = array;
		array = rq->active;
		rq->expired_timestamp = 0;
		rq->best_expired_prio = MAX_PRIO;
	}
	idx = sched_find_first_bit(array->bitmap);
	return list_first_entry(&array->queue[idx], struct task_struct,
				run_list);
}

static void put_prev_task_fair(struct rq *rq, struct task_struct *p)
{
	p->last_ran = rq->clock;
}

/*
 * One tick of the running task: running costs sleep average; when the
 * slice is gone the task gets a new priority and slice and moves to the
 * expired array (or, if interactive, to the back of the active one).
 */
static void task_tick_fair(struct rq *rq, struct task_struct *p)
{
	p->sleep_avg = p->sleep_avg > TICK_NSEC ? p->sleep_avg - TICK_NSEC : 0;
	if (p->time_slice && --p->time_slice)
		return;
	prio_array_dequeue(p->array, p);
	p->prio = fair_effective_prio(p);
	p->time_slice = task_timeslice(p);
	if (task_interactive(p) && !expired_starving(rq)) {
		prio_array_enqueue(rq->active, p, false);
	} else {
		prio_array_enqueue(rq->expired, p, false);
		if (!rq->expired_timestamp)
			rq->expired_timestamp = jiffies;
		if (p->static_prio < rq->best_expired_prio)
			rq->best_expired_prio = p->static_prio;
	}
	resched_curr(rq);
}

static void task_fork_fair(struct task_struct *p)
{
	/* A child starts without interactivity credit of its own. */
	p->sleep_avg = p->sleep_avg * 75 / 100;
	p->prio = fair_effective_prio(p);
}

static void prio_changed_fair(struct rq *rq, struct task_struct *p, int oldprio)
{
	if (rq->curr == p && p->prio > oldprio)
		resched_curr(rq);
}

const struct sched_class fair_sched_class = {
	.next = &idle_sched_class,
	.enqueue_task = enqueue_task_fair,
	.dequeue_task = dequeue_task_fair,
	.yield_task = yield_task_fair,
	.check_preempt_curr = check_preempt_curr_fair,
	.pick_next_task = pick_next_task_fair,
	.put_prev_task = put_prev_task_fair,
	.task_tick = task_tick_fair,
	.task_fork = task_fork_fair,
	.prio_changed = prio_changed_fair,
};

/* --- load balancing ------------------------------------------------------ */

/* The busiest other runqueue, if it has at least two tasks more than us. */
static struct rq *find_busiest_queue(struct rq *this_rq)
{
	struct rq *busiest = NULL;
	unsigned int cpu, max = this_rq->fair_nr_running + 1;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int n = READ_ONCE(rq->fair_nr_running);

		if (rq != this_rq && n > max) {
			max = n;
			busiest = rq;
		}
	}
	return busiest;
}

/* A task of @src that may move to @dst: queued, not running, allowed. */
static struct task_struct *pick_migratable(struct rq *src, struct rq *dst)
{
	struct prio_array *arrays[2] = { src->expired, src->active };
	struct task_struct *p;
	int i, idx;

	for (i = 0; i < 2; i++) {
		for (idx = 0; idx < MAX_PRIO; idx++) {
			if (!test_bit(idx, arrays[i]->bitmap))
				continue;
			list_for_each_entry(p, &arrays[i]->queue[idx], run_list)
				if (p != src->curr && !p->on_cpu &&
				    task_allowed_on(p, dst->cpu))
					return p;
		}
	}
	return NULL;
}

/* Move queued task @p from @src to @dst.  Both locked. */
static void pull_task(struct rq *src, struct task_struct *p, struct rq *dst)
{
	deactivate_task(src, p, 0);
	set_task_cpu(p, dst->cpu);
	activate_task(dst, p, 0);
	check_preempt_curr_fair(dst, p);
}

/**
 * fair_load_balance - pull work from the busiest CPU to this one.
 * @this_rq: this CPU's runqueue
 * @idle: this CPU has nothing to run (pull even a single task)
 *
 * From SCHED_SOFTIRQ every BALANCE_INTERVAL_TICKS; halves the
 * difference in runnable normal tasks.
 */
void fair_load_balance(struct rq *this_rq, bool idle)
{
	struct rq *busiest;
	unsigned long flags;
	unsigned int moved = 0, imbalance;

	this_rq->next_balance = jiffies + BALANCE_INTERVAL_TICKS;
	busiest = find_busiest_queue(this_rq);
	if (!busiest)
		return;
	local_irq_save(flags);
	double_rq_lock(this_rq, busiest);
	imbalance = (busiest->fair_nr_running - this_rq->fair_nr_running) / 2;
	while (moved < imbalance) {
		struct task_struct *p = pick_migratable(busiest, this_rq);

		if (!p)
			break;
		pull_task(busiest, p, this_rq);
		moved++;
	}
	double_rq_unlock(this_rq, busiest);
	local_irq_restore(flags);
}
