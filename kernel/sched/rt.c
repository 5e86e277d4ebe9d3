/*
 * The real-time class: SCHED_FIFO and SCHED_RR (seed 001).
 *
 * 100 priorities, a bitmap and a list per priority; the highest
 * priority runs, always before any normal task.  A FIFO task runs until
 * it blocks or yields; an RR task gets RR_TIMESLICE ticks and then goes
 * to the tail of its priority's list.
 */
#include "sched.h"

/** rt_init_rq - empty @rq's real-time array. */
void rt_init_rq(struct rq *rq)
{
	prio_array_init(&rq->rt.array);
	rq->rt.rt_nr_running = 0;
}

static void enqueue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	prio_array_enqueue(&rq->rt.array, p, flags & ENQUEUE_HEAD);
	rq->rt.rt_nr_running++;
}

static void dequeue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	prio_array_dequeue(&rq->rt.array, p);
	rq->rt.rt_nr_running--;
}

static void yield_task_rt(struct rq *rq)
{
	prio_array_requeue(&rq->rt.array, rq->curr);
}

/* A woken RT task preempts a lower-priority (numerically higher) one. */
static void check_preempt_curr_rt(struct rq *rq, struct task_struct *p)
{
	if (p->prio < rq->curr->prio)
		resched_curr(rq);
}

/* The running task stays queued: the first of the best list runs. */
static struct task_struct *pick_next_task_rt(struct rq *rq)
{
	int idx;

	if (!rq->rt.rt_nr_running)
		return NULL;
	idx = sched_find_first_bit(rq->rt.array.bitmap);
	return list_first_entry(&rq->rt.array.queue[idx], struct task_struct,
				run_list);
}

static void put_prev_task_rt(struct rq *rq, struct task_struct *p)
{
}

static void task_tick_rt(struct rq *rq, struct task_struct *p)
{
	if (p->policy != SCHED_RR || --p->time_slice)
		return;
	p->time_slice = RR_TIMESLICE;
	/* Alone at its priority, it just carries on. */
	if (p->run_list.prev != p->run_list.next) {
		prio_array_requeue(&rq->rt.array, p);
		resched_curr(rq);
	}
}

static void prio_changed_rt(struct rq *rq, struct task_struct *p, int oldprio)
{
	if (rq->curr == p && p->prio > oldprio)
		resched_curr(rq); /* lowered: someone may beat it now */
}

const struct sched_class rt_sched_class = {
	.next = &fair_sched_class,
	.enqueue_task = enqueue_task_rt,
	.dequeue_task = dequeue_task_rt,
	.yield_task = yield_task_rt,
	.check_preempt_curr = check_preempt_curr_rt,
	.pick_next_task = pick_next_task_rt,
	.put_prev_task = put_prev_task_rt,
	.task_tick = task_tick_rt,
	.prio_changed = prio_changed_rt,
};
