/*
 * The O(1) scheduler: its data structure, its tables, and how tasks of
 * each class share a CPU.  Threads that compete are bound to CPU 0 so
 * the results do not depend on how many CPUs there are.
 */
#include <linux/kthread.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include "sched.h"

/* --- the priority array ------------------------------------------------- */

static struct task_struct fake[6];
static struct prio_array test_array;

/* The bitmap has a bit exactly for each non-empty list (and MAX_PRIO). */
static bool array_consistent(const struct prio_array *a)
{
	unsigned int n = 0;
	int prio;

	for (prio = 0; prio < MAX_PRIO; prio++) {
		bool bit = test_bit(prio, a->bitmap);

		if (bit == list_empty(&a->queue[prio]))
			return false;
		n += list_count_nodes((struct list_head *)&a->queue[prio]);
	}
	return test_bit(MAX_PRIO, a->bitmap) && n == a->nr_active;
}

/*
 *	bitmap  ... 1 . . 1 . . 1 ... 1(MAX_PRIO)
 *	queue[105]: f0 f3
 *	queue[120]: f1 f4      pick: first bit 105 -> f0
 *	queue[139]: f2 f5
 */
static void sched_test_prio_array_bitmap_matches_lists(struct ktest *test)
{
	static const int prios[6] = { 105, 120, 139, 105, 120, 139 };
	int i, first;

	prio_array_init(&test_array);
	KTEST_EXPECT_TRUE(test, array_consistent(&test_array));
	KTEST_EXPECT_EQ(test, sched_find_first_bit(test_array.bitmap),
			MAX_PRIO);
	for (i = 0; i < 6; i++) {
		fake[i].prio = prios[i];
		INIT_LIST_HEAD(&fake[i].run_list);
		prio_array_enqueue(&test_array, &fake[i], false);
		KTEST_EXPECT_TRUE(test, array_consistent(&test_array));
	}
	first = sched_find_first_bit(test_array.bitmap);
	KTEST_EXPECT_EQ(test, first, 105);
	KTEST_EXPECT_PTR_EQ(test,
			    list_first_entry(&test_array.queue[first],
					     struct task_struct, run_list),
			    &fake[0]);
	prio_array_dequeue(&test_array, &fake[0]);
	prio_array_dequeue(&test_array, &fake[3]);
	KTEST_EXPECT_TRUE(test, array_consistent(&test_array));
	KTEST_EXPECT_EQ(test, sched_find_first_bit(test_array.bitmap), 120);
	prio_array_requeue(&test_array, &fake[1]); /* round robin */
	KTEST_EXPECT_PTR_EQ(test,
			    list_first_entry(&test_array.queue[120],
					     struct task_struct, run_list),
			    &fake[4]);
	for (i = 0; i < 6; i++)
		if (fake[i].array)
			prio_array_dequeue(&test_array, &fake[i]);
	KTEST_EXPECT_EQ(test, test_array.nr_active, 0);
	KTEST_EXPECT_TRUE(test, array_consistent(&test_array));
}

/* Linux 2.6's table: nice -20 800 ms, nice 0 100 ms, nice 19 5 ms. */
static void sched_test_timeslice_table(struct ktest *test)
{
	struct task_struct t = { .policy = SCHED_NORMAL };
	static const struct {
		int nice;
		unsigned int ms;
	} table[] = {
		{ -20, 800 }, { -10, 600 }, { 0, 100 }, { 10, 50 }, { 19, 5 }
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(table); i++) {
		unsigned int want = (table[i].ms * HZ + 999) / 1000;

		t.static_prio = NICE_TO_PRIO(table[i].nice);
		KTEST_EXPECT_EQ(test, task_timeslice(&t), want);
	}
}

/* --- threads ---------------------------------------------------------------- */

struct spin_arg {
	u64 until_ns; /* busy until local_clock() passes it */
	volatile unsigned long count;
	volatile unsigned long peer_seen; /* peer's count when we looked */
	volatile unsigned long *peer;
	unsigned long switches; /* times the peer advanced under us */
	volatile bool stop;
	volatile bool started;
};

/* Wait until the threads ran their function (kthread_stop before that
 * would stop them before they start). */
static void wait_started(struct spin_arg *a, struct spin_arg *b)
{
	while (!a->started || (b && !b->started))
		schedule_timeout_uninterruptible(1);
}

/* Spin (counting) until told or until the time is up; then wait to be stopped. */
static int spin_fn(void *data)
{
	struct spin_arg *a = data;
	unsigned long last = a->peer ? *a->peer : 0;

	a->started = true;
	while (!a->stop && (!a->until_ns || local_clock() < a->until_ns)) {
		a->count++;
		if (a->peer && *a->peer != last) {
			a->switches++;
			last = *a->peer;
		}
	}
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static struct task_struct *start_bound(struct ktest *test, int (*fn)(void *),
				       void *arg, const char *name)
{
	struct task_struct *k = kthread_create_on_cpu(fn, arg, 0, name);

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	return k;
}

static int return_value_fn(void *data)
{
	if (data)
		*(volatile bool *)data = true;
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 42;
}

static void sched_test_kthread_stop_returns_result(struct ktest *test)
{
	volatile bool started = false;
	struct task_struct *k =
		kthread_run(return_value_fn, (void *)&started, "ktest_ret");

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	while (!started)
		schedule_timeout_uninterruptible(1);
	KTEST_EXPECT_GT(test, k->pid, 2);
	KTEST_EXPECT_TRUE(test, k->flags & PF_KTHREAD);
	KTEST_EXPECT_EQ(test, strcmp(k->comm, "ktest_ret"), 0);
	KTEST_EXPECT_EQ(test, kthread_stop(k), 42);
}

static void sched_test_kthread_stop_before_run(struct ktest *test)
{
	struct task_struct *k = kthread_create(return_value_fn, NULL, "never");

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	KTEST_EXPECT_EQ(test, kthread_stop(k), -EINTR);
}

/*
 * A FIFO task is never preempted by a normal one: while it spins on
 * CPU 0, a normal spinner bound to CPU 0 makes no progress.
 */
static void sched_test_fifo_beats_normal(struct ktest *test)
{
	struct spin_arg normal = { 0 }, fifo = { 0 };
	struct task_struct *n, *f;
	unsigned long before;

	n = start_bound(test, spin_fn, &normal, "ktest_normal");
	wake_up_process(n);
	wait_started(&normal, NULL);
	f = start_bound(test, spin_fn, &fifo, "ktest_fifo");
	KTEST_ASSERT_EQ(test, sched_setscheduler_nocheck(f, SCHED_FIFO, 50), 0);
	fifo.peer = &normal.count;
	fifo.until_ns = local_clock() + 40 * NSEC_PER_MSEC;
	before = normal.count;
	wake_up_process(f);
	kthread_stop(f); /* returns once the FIFO task is done */
	KTEST_EXPECT_EQ(test, fifo.switches, 0);
	KTEST_EXPECT_GT(test, fifo.count, 0);
	KTEST_EXPECT_GT(test, before, 0); /* it was running before */
	normal.stop = true;
	kthread_stop(n);
}

/* Two SCHED_RR tasks of one priority take turns every 100 ms. */
static void sched_test_rr_rotates(struct ktest *test)
{
	struct spin_arg a = { 0 }, b = { 0 };
	struct task_struct *ta, *tb;
	u64 until = local_clock() + 500 * NSEC_PER_MSEC;

	a.until_ns = b.until_ns = until;
	a.peer = &b.count;
	b.peer = &a.count;
	ta = start_bound(test, spin_fn, &a, "ktest_rr_a");
	tb = start_bound(test, spin_fn, &b, "ktest_rr_b");
	sched_setscheduler_nocheck(ta, SCHED_RR, 10);
	sched_setscheduler_nocheck(tb, SCHED_RR, 10);
	/* Outrank both while waking them, or the first would run alone. */
	sched_setscheduler_nocheck(current, SCHED_FIFO, 20);
	wake_up_process(ta);
	wake_up_process(tb);
	sched_setscheduler_nocheck(current, SCHED_NORMAL, 0);
	wait_started(&a, &b);
	kthread_stop(ta);
	kthread_stop(tb);
	ktest_info(test, "rr: a saw b move %lu times, b saw a %lu times",
		   a.switches, b.switches);
	KTEST_EXPECT_GT(test, a.switches, 0);
	KTEST_EXPECT_GT(test, b.switches, 0);
}

/*
 * Fairness: CPU-bound tasks of equal nice get the same CPU time within
 * 10%; nice 0 against nice 10 gets the timeslice ratio 25:12 ticks.
 */
static void run_pair(struct ktest *test, int nice_a, int nice_b, u64 *ra,
		     u64 *rb)
{
	struct spin_arg a = { 0 }, b = { 0 };
	struct task_struct *ta, *tb;

	a.until_ns = b.until_ns = local_clock() + 1200 * NSEC_PER_MSEC;
	ta = start_bound(test, spin_fn, &a, "ktest_fair_a");
	tb = start_bound(test, spin_fn, &b, "ktest_fair_b");
	set_user_nice(ta, nice_a);
	set_user_nice(tb, nice_b);
	get_task_struct(ta);
	get_task_struct(tb);
	wake_up_process(ta);
	wake_up_process(tb);
	wait_started(&a, &b);
	kthread_stop(ta);
	kthread_stop(tb);
	*ra = ta->sum_exec_runtime;
	*rb = tb->sum_exec_runtime;
	put_task_struct(ta);
	put_task_struct(tb);
	ktest_info(test, "nice %d: %llu ms, nice %d: %llu ms", nice_a,
		   *ra / 1000000, nice_b, *rb / 1000000);
}

static void sched_test_fair_equal_nice(struct ktest *test)
{
	u64 ra, rb;

	run_pair(test, 0, 0, &ra, &rb);
	KTEST_ASSERT_GT(test, ra + rb, 0);
	KTEST_EXPECT_LE(test, ra > rb ? ra - rb : rb - ra, (ra + rb) / 10);
}

static void sched_test_fair_nice_ratio(struct ktest *test)
{
	u64 ra, rb;

	run_pair(test, 0, 10, &ra, &rb);
	KTEST_ASSERT_GT(test, rb, 0);
	/*
	 * 25 ticks against 13: 1.92 once both are plain CPU hogs; their
	 * sleep credit from creation lets nice 0 stay "interactive" for a
	 * while at first, so accept 1.5 .. 3.0.
	 */
	KTEST_EXPECT_GE(test, ra * 10, rb * 15);
	KTEST_EXPECT_LE(test, ra * 10, rb * 30);
}

static void sched_test_schedule_timeout_sleeps(struct ktest *test)
{
	unsigned long start = jiffies;
	long left;

	left = schedule_timeout_uninterruptible(5);
	KTEST_EXPECT_EQ(test, left, 0);
	KTEST_EXPECT_GE(test, jiffies - start, 5);
}

static int sleeper_fn(void *data)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/* Sleeping counts voluntary switches; the task is off the runqueue. */
static void sched_test_sleep_dequeues_and_counts(struct ktest *test)
{
	struct task_struct *k = kthread_run(sleeper_fn, NULL, "ktest_sleep");

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	schedule_timeout_uninterruptible(2);
	KTEST_EXPECT_EQ(test, READ_ONCE(k->__state), TASK_INTERRUPTIBLE);
	KTEST_EXPECT_EQ(test, k->on_rq, 0);
	KTEST_EXPECT_GT(test, k->nvcsw, 0);
	KTEST_EXPECT_EQ(test, wake_up_state(k, TASK_UNINTERRUPTIBLE), 0);
	kthread_stop(k);
}

static struct ktest_case sched_test_cases[] = {
	KTEST_CASE(sched_test_prio_array_bitmap_matches_lists),
	KTEST_CASE(sched_test_timeslice_table),
	KTEST_CASE(sched_test_kthread_stop_returns_result),
	KTEST_CASE(sched_test_kthread_stop_before_run),
	KTEST_CASE(sched_test_fifo_beats_normal),
	KTEST_CASE(sched_test_rr_rotates),
	KTEST_CASE(sched_test_fair_equal_nice),
	KTEST_CASE(sched_test_fair_nice_ratio),
	KTEST_CASE(sched_test_schedule_timeout_sleeps),
	KTEST_CASE(sched_test_sleep_dequeues_and_counts),
	{}
};

static struct ktest_suite sched_test_suite = {
	.name = "sched",
	.test_cases = sched_test_cases,
};
ktest_suite(sched_test_suite);

/*
 * ktest=stack_canary_demo: a thread overwrites the canary at the end of
 * its stack, as an overflow would; its next context switch must panic
 * naming it.  Manual: the harness boots it and expects the panic.
 */
static int stack_smasher_fn(void *data)
{
	*end_of_stack(current) = 0;
	schedule_timeout_uninterruptible(1);
	return 0;
}

static void stack_canary_demo_overflow_panics(struct ktest *test)
{
	struct task_struct *k =
		kthread_run(stack_smasher_fn, NULL, "stack_smasher");

	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	schedule_timeout_uninterruptible(HZ);
	KTEST_EXPECT_TRUE(test, false); /* not reached */
}

static struct ktest_case stack_canary_demo_cases[] = {
	KTEST_CASE(stack_canary_demo_overflow_panics), {}
};

static struct ktest_suite stack_canary_demo_suite = {
	.name = "stack_canary_demo",
	.test_cases = stack_canary_demo_cases,
	.manual = true,
};
ktest_suite(stack_canary_demo_suite);
