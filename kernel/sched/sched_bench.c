/*
 * ktest=bench_sched: what the scheduler costs, measured with
 * local_clock() (the TSC).  A manual suite; it prints, it does not
 * judge.  Each result is one line "# bench_sched: <name> <value> <unit>".
 */
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include "sched.h"

#define PINGPONG_ROUNDS 20000
#define SPIN_ROUNDS 1000000
#define WAKEUP_ROUNDS 2000

/*
 * Two threads on one CPU hand a token back and forth: each wakes the
 * other and sleeps until the token returns, so every hand-off is one
 * wake-up and one context switch.
 */
struct pingpong {
	struct task_struct *task[2];
	volatile int turn;
	unsigned long rounds;
	volatile bool ready[2];
};

static int pingpong_fn(void *data)
{
	struct pingpong *pp = data;
	int me = current == pp->task[1];
	unsigned long i;

	pp->ready[me] = true;
	for (i = 0; i < pp->rounds; i++) {
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			if (pp->turn == me)
				break;
			schedule();
		}
		__set_current_state(TASK_RUNNING);
		pp->turn = !me;
		wake_up_process(pp->task[!me]);
	}
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void bench_sched_context_switch(struct ktest *test)
{
	static struct pingpong pp;
	u64 start, ns;
	int i;

	pp.rounds = PINGPONG_ROUNDS;
	pp.turn = -1; /* nobody moves until both exist */
	for (i = 0; i < 2; i++) {
		pp.task[i] =
			kthread_create_on_cpu(pingpong_fn, &pp, 0, "pingpong");
		KTEST_ASSERT_FALSE(test, IS_ERR(pp.task[i]));
	}
	for (i = 0; i < 2; i++)
		wake_up_process(pp.task[i]);
	while (!pp.ready[0] || !pp.ready[1])
		schedule_timeout_uninterruptible(1);
	start = local_clock();
	pp.turn = 0;
	wake_up_process(pp.task[0]);
	kthread_stop(pp.task[0]);
	ns = local_clock() - start;
	kthread_stop(pp.task[1]);
	printk(KERN_INFO "# bench_sched: context_switch %llu ns\n",
	       ns / (2 * PINGPONG_ROUNDS));
}

static void bench_sched_spinlock(struct ktest *test)
{
	static DEFINE_SPINLOCK(lock);
	u64 start = local_clock();
	unsigned long i;

	for (i = 0; i < SPIN_ROUNDS; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	printk(KERN_INFO "# bench_sched: spin_lock+unlock %llu ns\n",
	       (local_clock() - start) / SPIN_ROUNDS);
}

/* A FIFO sleeper notes when it runs; the waker notes when it woke it. */
struct wakeup {
	volatile u64 woken_at, ran_at;
	volatile bool sleeping;
};

static int wakeup_fn(void *data)
{
	struct wakeup *w = data;

	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		w->sleeping = true;
		schedule();
		w->ran_at = local_clock();
		w->sleeping = false;
	}
	return 0;
}

static void bench_sched_wakeup_latency(struct ktest *test)
{
	static struct wakeup w;
	struct task_struct *k =
		kthread_create_on_cpu(wakeup_fn, &w, 0, "waker");
	u64 total = 0;
	int i;

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	sched_setscheduler_nocheck(k, SCHED_FIFO, 50);
	wake_up_process(k);
	for (i = 0; i < WAKEUP_ROUNDS; i++) {
		while (!w.sleeping || READ_ONCE(k->__state) == TASK_RUNNING)
			schedule_timeout_uninterruptible(1);
		w.woken_at = local_clock();
		wake_up_process(k); /* it preempts us at once */
		total += w.ran_at - w.woken_at;
	}
	kthread_stop(k);
	printk(KERN_INFO "# bench_sched: wakeup_to_run %llu.%03llu us\n",
	       total / WAKEUP_ROUNDS / 1000, total / WAKEUP_ROUNDS % 1000);
}

static struct ktest_case bench_sched_cases[] = {
	KTEST_CASE(bench_sched_context_switch),
	KTEST_CASE(bench_sched_spinlock),
	KTEST_CASE(bench_sched_wakeup_latency),
	{}
};

static struct ktest_suite bench_sched_suite = {
	.name = "bench_sched",
	.test_cases = bench_sched_cases,
	.manual = true,
};
ktest_suite(bench_sched_suite);
