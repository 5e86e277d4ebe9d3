/*
 * Workqueue tests: work runs in process context and may sleep; flush
 * and cancel wait for what they promise; delayed work is never early;
 * a work item never runs twice at once, not even on two CPUs; a
 * sleeping work item does not hold up its pool; destroying a
 * workqueue runs what was queued on it.
 *
 * The work items are static: if a case gives up on a wait, the item
 * may still run later, and must not find a dead stack frame.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#include "workqueue_internal.h"

#define WAIT_TIMEOUT (2 * HZ)

struct test_work {
	struct work_struct work;
	struct delayed_work dwork;
	atomic_t runs;
	atomic_t running; /* instances running now */
	int max_running;
	int last_cpu;
	int first_cpu;
	unsigned long ran_at; /* jiffies */
	struct completion started;
	struct completion release; /* the first run waits for it */
	struct completion done;
	bool wait_for_release;
	unsigned int sleep_ms;
};

static struct test_work tw;

static void test_work_init(struct test_work *t, work_func_t fn)
{
	memset(t, 0, sizeof(*t));
	INIT_WORK(&t->work, fn);
	INIT_DELAYED_WORK(&t->dwork, fn);
	init_completion(&t->started);
	init_completion(&t->release);
	init_completion(&t->done);
	t->first_cpu = -1;
}

static bool wait_done(struct completion *c)
{
	return wait_for_completion_timeout(c, WAIT_TIMEOUT);
}

/*
 * The common body: count the run and how many run at once, note where
 * and when, optionally wait for the test to release the first run or
 * sleep a while, then say it is done.
 */
static void test_work_body(struct test_work *t)
{
	int now = atomic_inc_return(&t->running);
	int run = atomic_inc_return(&t->runs);

	if (now > t->max_running)
		t->max_running = now;
	t->last_cpu = smp_processor_id();
	if (t->first_cpu < 0)
		t->first_cpu = t->last_cpu;
	t->ran_at = jiffies;
	complete(&t->started);
	if (run == 1 && t->wait_for_release)
		wait_done(&t->release);
	if (t->sleep_ms)
		msleep(t->sleep_ms);
	atomic_dec(&t->running);
	complete(&t->done);
}

static void test_work_fn(struct work_struct *work)
{
	test_work_body(container_of(work, struct test_work, work));
}

static void test_dwork_fn(struct work_struct *work)
{
	test_work_body(
		container_of(to_delayed_work(work), struct test_work, dwork));
}

static void shrink_fn(struct work_struct *work)
{
	kmem_cache_shrink_all();
}

/*
 * Leave the pools as the case found them, for the leak check after the
 * suites.  Workers created on another CPU leave that CPU a slab of its
 * own, and kmem_cache_shrink() empties only the caller's: shrink on
 * every CPU, from a work item bound there.
 */
static void workqueue_test_exit(struct ktest *test)
{
	struct work_struct shrink;
	unsigned int cpu;

	wq_cull_idle_workers();
	INIT_WORK_ONSTACK(&shrink, shrink_fn);
	for_each_online_cpu(cpu) {
		schedule_work_on(cpu, &shrink);
		flush_work(&shrink);
	}
}

/* --- context -------------------------------------------------------------- */

struct ctx_seen {
	bool in_task;
	bool in_interrupt;
	int preempt_count;
	bool irqs_off;
	bool wq_worker;
	char comm[TASK_COMM_LEN];
	int nice;
	struct work_struct *current_work;
	bool slept;
};

static struct ctx_seen ctx_seen;
static DECLARE_COMPLETION(ctx_done);

static void record_ctx_fn(struct work_struct *work)
{
	ctx_seen.in_task = in_task();
	ctx_seen.in_interrupt = in_interrupt();
	ctx_seen.preempt_count = preempt_count();
	ctx_seen.irqs_off = irqs_disabled();
	ctx_seen.wq_worker = current->flags & PF_WQ_WORKER;
	memcpy(ctx_seen.comm, current->comm, TASK_COMM_LEN);
	ctx_seen.nice = task_nice(current);
	ctx_seen.current_work = current_work();
	msleep(5);
	ctx_seen.slept = true;
	complete(&ctx_done);
}

static DECLARE_WORK(ctx_work, record_ctx_fn);

static void run_ctx_work(struct ktest *test, struct workqueue_struct *wq)
{
	memset(&ctx_seen, 0, sizeof(ctx_seen));
	reinit_completion(&ctx_done);
	KTEST_ASSERT_TRUE(test, queue_work(wq, &ctx_work));
	KTEST_ASSERT_TRUE(test, wait_done(&ctx_done));
	flush_work(&ctx_work);
}

static void workqueue_test_runs_in_process_context(struct ktest *test)
{
	run_ctx_work(test, system_wq);
	KTEST_EXPECT_TRUE(test, ctx_seen.in_task);
	KTEST_EXPECT_FALSE(test, ctx_seen.in_interrupt);
	KTEST_EXPECT_EQ(test, ctx_seen.preempt_count, 0);
	KTEST_EXPECT_FALSE(test, ctx_seen.irqs_off);
	KTEST_EXPECT_TRUE(test, ctx_seen.wq_worker);
	KTEST_EXPECT_TRUE(test, !strncmp(ctx_seen.comm, "kworker/", 8));
	KTEST_EXPECT_PTR_EQ(test, ctx_seen.current_work, &ctx_work);
	KTEST_EXPECT_TRUE(test, ctx_seen.slept);
	KTEST_EXPECT_NULL(test, current_work());
	ktest_info(test, "ran in %s", ctx_seen.comm);
}

static void workqueue_test_highpri_and_unbound_workers(struct ktest *test)
{
	size_t len;

	run_ctx_work(test, system_highpri_wq);
	len = strlen(ctx_seen.comm);
	KTEST_EXPECT_EQ(test, ctx_seen.nice, -20);
	KTEST_EXPECT_TRUE(test, len && ctx_seen.comm[len - 1] == 'H');
	ktest_info(test, "highpri: %s", ctx_seen.comm);

	run_ctx_work(test, system_unbound_wq);
	KTEST_EXPECT_TRUE(test, !strncmp(ctx_seen.comm, "kworker/u", 9));
	KTEST_EXPECT_EQ(test, ctx_seen.nice, 0);
	KTEST_EXPECT_TRUE(test, ctx_seen.in_task);
	ktest_info(test, "unbound: %s", ctx_seen.comm);
}

/* --- flush ---------------------------------------------------------------- */

static void workqueue_test_flush_work_waits(struct ktest *test)
{
	test_work_init(&tw, test_work_fn);
	KTEST_EXPECT_FALSE(test, flush_work(&tw.work)); /* never queued */
	tw.sleep_ms = 30;
	KTEST_ASSERT_TRUE(test, schedule_work(&tw.work));
	KTEST_EXPECT_TRUE(test, flush_work(&tw.work));
	KTEST_EXPECT_TRUE(test, completion_done(&tw.done));
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
	KTEST_EXPECT_FALSE(test, work_pending(&tw.work));
	KTEST_EXPECT_FALSE(test, flush_work(&tw.work)); /* idle again */
}

static void workqueue_test_queue_pending_is_noop(struct ktest *test)
{
	test_work_init(&tw, test_work_fn);
	tw.wait_for_release = true;
	KTEST_ASSERT_TRUE(test, schedule_work(&tw.work));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.started));
	KTEST_EXPECT_TRUE(test, schedule_work(&tw.work)); /* runs: requeue */
	KTEST_EXPECT_TRUE(test, work_pending(&tw.work));
	KTEST_EXPECT_FALSE(test, schedule_work(&tw.work)); /* pending */
	complete(&tw.release);
	flush_work(&tw.work); /* false if both runs are over already */
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 2);
	KTEST_EXPECT_EQ(test, tw.max_running, 1);
}

static atomic_t wq_count;
static struct work_struct count_works[6];

static void count_fn(struct work_struct *work)
{
	msleep(2);
	atomic_inc(&wq_count);
}

static void workqueue_test_flush_workqueue(struct ktest *test)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_flush", 0, 0);
	int i;

	KTEST_ASSERT_NOT_NULL(test, wq);
	atomic_set(&wq_count, 0);
	for (i = 0; i < ARRAY_SIZE(count_works); i++) {
		INIT_WORK(&count_works[i], count_fn);
		queue_work_on(ktest_nth_online_cpu(i), wq, &count_works[i]);
	}
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(test, atomic_read(&wq_count), ARRAY_SIZE(count_works));
	flush_workqueue(wq); /* nothing queued: returns at once */
	destroy_workqueue(wq);
}

/* --- cancel --------------------------------------------------------------- */

/*
 * Pending on the pool's worklist: the pool's workers are bound to this
 * CPU, so none can take the work while preemption is off here.
 */
static void workqueue_test_cancel_pending_work(struct ktest *test)
{
	bool queued, canceled;

	test_work_init(&tw, test_work_fn);
	preempt_disable();
	queued = queue_work_on(smp_processor_id(), system_wq, &tw.work);
	canceled = cancel_work(&tw.work);
	preempt_enable();
	KTEST_EXPECT_TRUE(test, queued);
	KTEST_EXPECT_TRUE(test, canceled);
	KTEST_EXPECT_FALSE(test, work_pending(&tw.work));
	KTEST_EXPECT_FALSE(test, cancel_work_sync(&tw.work));
	msleep(20);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 0);
}

static struct test_work tw2;

/*
 * Held back by max_active (the inactive list): an ordered workqueue
 * runs one item at a time, and the first waits for the test.
 */
static void workqueue_test_cancel_sync_inactive_work(struct ktest *test)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_ord", 0);

	KTEST_ASSERT_NOT_NULL(test, wq);
	test_work_init(&tw, test_work_fn);
	test_work_init(&tw2, test_work_fn);
	tw.wait_for_release = true;
	queue_work(wq, &tw.work);
	KTEST_ASSERT_TRUE(test, wait_done(&tw.started));
	KTEST_EXPECT_TRUE(test, queue_work(wq, &tw2.work));
	KTEST_EXPECT_TRUE(test, cancel_work_sync(&tw2.work));
	complete(&tw.release);
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
	KTEST_EXPECT_EQ(test, atomic_read(&tw2.runs), 0);
	destroy_workqueue(wq);
}

static void workqueue_test_cancel_sync_waits_for_running(struct ktest *test)
{
	test_work_init(&tw, test_work_fn);
	tw.sleep_ms = 40;
	KTEST_ASSERT_TRUE(test, schedule_work(&tw.work));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.started));
	KTEST_EXPECT_FALSE(test, cancel_work_sync(&tw.work)); /* not pending */
	KTEST_EXPECT_TRUE(test, completion_done(&tw.done));
	KTEST_EXPECT_EQ(test, atomic_read(&tw.running), 0);
}

/*
 * Running, and queued again: cancel_work_sync() takes the queueing
 * back and waits for the run.
 */
static void workqueue_test_cancel_sync_running_and_pending(struct ktest *test)
{
	test_work_init(&tw, test_work_fn);
	tw.sleep_ms = 30;
	KTEST_ASSERT_TRUE(test, schedule_work(&tw.work));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.started));
	KTEST_EXPECT_TRUE(test, schedule_work(&tw.work));
	KTEST_EXPECT_TRUE(test, cancel_work_sync(&tw.work));
	KTEST_EXPECT_EQ(test, atomic_read(&tw.running), 0);
	KTEST_EXPECT_FALSE(test, work_pending(&tw.work));
	msleep(40);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
}

/* --- delayed work --------------------------------------------------------- */

static void workqueue_test_delayed_work_not_early(struct ktest *test)
{
	unsigned long start;

	test_work_init(&tw, test_dwork_fn);
	start = jiffies;
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 10));
	KTEST_EXPECT_TRUE(test, delayed_work_pending(&tw.dwork));
	KTEST_EXPECT_FALSE(test, schedule_delayed_work(&tw.dwork, 1));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.done));
	KTEST_EXPECT_GE(test, tw.ran_at - start, 10);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
	ktest_info(test, "delay 10 jiffies, ran after %lu", tw.ran_at - start);
}

static void workqueue_test_cancel_delayed_work(struct ktest *test)
{
	test_work_init(&tw, test_dwork_fn);
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 5));
	KTEST_EXPECT_TRUE(test, cancel_delayed_work_sync(&tw.dwork));
	KTEST_EXPECT_FALSE(test, delayed_work_pending(&tw.dwork));
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 5));
	KTEST_EXPECT_TRUE(test, cancel_delayed_work(&tw.dwork));
	KTEST_EXPECT_FALSE(test, cancel_delayed_work(&tw.dwork));
	msleep(40);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 0);
}

static void workqueue_test_mod_delayed_work_rearms(struct ktest *test)
{
	unsigned long start;

	/* Sooner: a long delay cut short. */
	test_work_init(&tw, test_dwork_fn);
	start = jiffies;
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 100 * HZ));
	KTEST_EXPECT_TRUE(test, mod_delayed_work(system_wq, &tw.dwork, 5));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.done));
	KTEST_EXPECT_GE(test, tw.ran_at - start, 5);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);

	/* Later: a short delay pushed back. */
	test_work_init(&tw, test_dwork_fn);
	start = jiffies;
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 1));
	mod_delayed_work(system_wq, &tw.dwork, 25);
	KTEST_ASSERT_TRUE(test, wait_done(&tw.done));
	KTEST_EXPECT_GE(test, tw.ran_at - start, 25);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);

	/* Idle: queues it, says it was not pending. */
	test_work_init(&tw, test_dwork_fn);
	KTEST_EXPECT_FALSE(test, mod_delayed_work(system_wq, &tw.dwork, 0));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.done));
	KTEST_EXPECT_FALSE(test, flush_delayed_work(&tw.dwork));
}

static atomic_t static_dwork_runs;

static void static_dwork_fn(struct work_struct *work)
{
	atomic_inc(&static_dwork_runs);
}

static DECLARE_DELAYED_WORK(static_dwork, static_dwork_fn);

static void workqueue_test_declare_delayed_work(struct ktest *test)
{
	unsigned long start = jiffies;

	atomic_set(&static_dwork_runs, 0);
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&static_dwork, 2));
	msleep(40);
	KTEST_EXPECT_EQ(test, atomic_read(&static_dwork_runs), 1);
	KTEST_EXPECT_FALSE(test, delayed_work_pending(&static_dwork));
	KTEST_EXPECT_GE(test, jiffies - start, 2);
}

static void workqueue_test_flush_delayed_work_runs_now(struct ktest *test)
{
	test_work_init(&tw, test_dwork_fn);
	KTEST_ASSERT_TRUE(test, schedule_delayed_work(&tw.dwork, 100 * HZ));
	flush_delayed_work(&tw.dwork);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
	KTEST_EXPECT_FALSE(test, delayed_work_pending(&tw.dwork));
}

/* --- concurrency ---------------------------------------------------------- */

/*
 * Queued on another CPU while it runs here, the work waits for this
 * run and then runs in this CPU's pool:
 *
 *	CPU a: [run 1 .......]	[run 2]
 *	CPU b:     queue_work_on(b) -> sent to a's pool
 */
static void workqueue_test_non_reentrant_across_cpus(struct ktest *test)
{
	unsigned int a, b;

	if (num_online_cpus() < 2) {
		ktest_skip(test, "needs 2 CPUs");
		return;
	}
	a = ktest_nth_online_cpu(0);
	b = ktest_nth_online_cpu(1);
	test_work_init(&tw, test_work_fn);
	tw.wait_for_release = true;
	KTEST_ASSERT_TRUE(test, queue_work_on(a, system_wq, &tw.work));
	KTEST_ASSERT_TRUE(test, wait_done(&tw.started));
	KTEST_EXPECT_TRUE(test, queue_work_on(b, system_wq, &tw.work));
	msleep(10); /* b's pool would have run it by now */
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 1);
	complete(&tw.release);
	flush_work(&tw.work);
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 2);
	KTEST_EXPECT_EQ(test, tw.max_running, 1);
	KTEST_EXPECT_EQ(test, tw.first_cpu, a);
	KTEST_EXPECT_EQ(test, tw.last_cpu, a);

	/* Idle again: now it goes where it is asked to. */
	KTEST_ASSERT_TRUE(test, queue_work_on(b, system_wq, &tw.work));
	flush_work(&tw.work); /* b may have run it already */
	KTEST_EXPECT_EQ(test, atomic_read(&tw.runs), 3);
	KTEST_EXPECT_EQ(test, tw.last_cpu, b);
}

static DECLARE_WAIT_QUEUE_HEAD(sleeper_wq);
static bool second_ran;
static long sleeper_left;

static void sleeper_fn(struct work_struct *work)
{
	sleeper_left = wait_event_timeout(sleeper_wq, READ_ONCE(second_ran),
					  WAIT_TIMEOUT);
}

static void second_fn(struct work_struct *work)
{
	WRITE_ONCE(second_ran, true);
	wake_up(&sleeper_wq);
}

static DECLARE_WORK(sleeper_work, sleeper_fn);
static DECLARE_WORK(second_work, second_fn);

/*
 * Both on one CPU's pool: the first sleeps until the second has run,
 * so the second must get another worker.  Afterwards the extra
 * workers are stopped and the pools are as they were.
 */
static void workqueue_test_sleeping_work_does_not_block_pool(struct ktest *test)
{
	int workers = wq_nr_workers();
	unsigned int cpu = ktest_nth_online_cpu(0);
	unsigned long start = jiffies;

	second_ran = false;
	sleeper_left = -1;
	KTEST_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &sleeper_work));
	KTEST_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &second_work));
	flush_work(&sleeper_work);
	flush_work(&second_work);
	KTEST_EXPECT_GT(test, sleeper_left, 0);
	ktest_info(test, "the second item ran after %lu jiffies; %d workers",
		   jiffies - start, wq_nr_workers());
	wq_cull_idle_workers();
	KTEST_EXPECT_EQ(test, wq_nr_workers(), workers);
}

static struct work_struct order_works[5];
static int order_seen[5];
static atomic_t order_next, order_running;
static int order_max_running;

static void order_fn(struct work_struct *work)
{
	int now = atomic_inc_return(&order_running);

	if (now > order_max_running)
		order_max_running = now;
	order_seen[atomic_inc_return(&order_next) - 1] = work - order_works;
	msleep(2);
	atomic_dec(&order_running);
}

static void workqueue_test_ordered_runs_one_at_a_time(struct ktest *test)
{
	struct workqueue_struct *wq =
		alloc_ordered_workqueue("ktest_o%d", 0, 2);
	int i;

	KTEST_ASSERT_NOT_NULL(test, wq);
	atomic_set(&order_next, 0);
	atomic_set(&order_running, 0);
	order_max_running = 0;
	for (i = 0; i < ARRAY_SIZE(order_works); i++) {
		INIT_WORK(&order_works[i], order_fn);
		queue_work(wq, &order_works[i]);
	}
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(test, atomic_read(&order_next), 5);
	KTEST_EXPECT_EQ(test, order_max_running, 1);
	for (i = 0; i < ARRAY_SIZE(order_works); i++)
		KTEST_EXPECT_EQ(test, order_seen[i], i);
	destroy_workqueue(wq);
}

/*
 * Threads on every CPU queue, cancel and flush the same few work items
 * at random.  Whatever the interleaving, no item may run twice at once,
 * and once the threads are done, cancel_*_sync() leaves every item
 * neither pending nor running.
 */
#define STRESS_WORKS 4
#define STRESS_OPS 1500

struct stress_counts {
	atomic_t running;
	atomic_t runs;
	atomic_t overlaps;
};

/* Two work items, each with its own counts: they may run side by side. */
struct stress_item {
	struct work_struct work;
	struct delayed_work dwork;
	struct stress_counts work_counts;
	struct stress_counts dwork_counts;
};

static struct stress_item stress_items[STRESS_WORKS];

static void stress_check_in(struct stress_counts *c)
{
	if (atomic_inc_return(&c->running) > 1)
		atomic_inc(&c->overlaps);
	atomic_inc(&c->runs);
	udelay(20);
	atomic_dec(&c->running);
}

static void stress_work_fn(struct work_struct *work)
{
	stress_check_in(
		&container_of(work, struct stress_item, work)->work_counts);
}

static void stress_dwork_fn(struct work_struct *work)
{
	stress_check_in(
		&container_of(to_delayed_work(work), struct stress_item, dwork)
			 ->dwork_counts);
}

static void stress_counts_init(struct stress_counts *c)
{
	atomic_set(&c->running, 0);
	atomic_set(&c->runs, 0);
	atomic_set(&c->overlaps, 0);
}

/* Idle now, never overlapped; returns the runs. */
static int stress_counts_check(struct ktest *test, struct stress_counts *c)
{
	KTEST_EXPECT_EQ(test, atomic_read(&c->running), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&c->overlaps), 0);
	return atomic_read(&c->runs);
}

/* A small xorshift generator, one per thread. */
static u32 stress_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static int stress_thread_fn(void *data, unsigned int index)
{
	u32 seed = 0x9e3779b9u * (index + 1);
	int i;

	for (i = 0; i < STRESS_OPS; i++) {
		u32 r = stress_rand(&seed);
		struct stress_item *it = &stress_items[r % STRESS_WORKS];
		unsigned int cpu = ktest_nth_online_cpu(r >> 8);

		switch ((r >> 4) % 8) {
		case 0:
		case 1:
			queue_work_on(cpu, system_wq, &it->work);
			break;
		case 2:
			queue_delayed_work_on(cpu, system_wq, &it->dwork,
					      r % 3);
			break;
		case 3:
			mod_delayed_work(system_wq, &it->dwork, r % 2);
			break;
		case 4:
			flush_work(&it->work);
			break;
		case 5:
			cancel_work_sync(&it->work);
			break;
		case 6:
			cancel_delayed_work_sync(&it->dwork);
			break;
		default:
			cancel_work(&it->work);
			break;
		}
		if (!(i % 64))
			cond_resched();
	}
	return 0;
}

static void workqueue_test_stress_queue_cancel_flush(struct ktest *test)
{
	struct ktest_threads g;
	int i, runs = 0;

	for (i = 0; i < STRESS_WORKS; i++) {
		struct stress_item *it = &stress_items[i];

		INIT_WORK(&it->work, stress_work_fn);
		INIT_DELAYED_WORK(&it->dwork, stress_dwork_fn);
		stress_counts_init(&it->work_counts);
		stress_counts_init(&it->dwork_counts);
	}
	ktest_threads_start(test, &g, stress_thread_fn, NULL,
			    ktest_threads_per_cpus(2, 3), "ktest_wq_stress");
	ktest_threads_wait(test, &g);
	for (i = 0; i < STRESS_WORKS; i++) {
		struct stress_item *it = &stress_items[i];

		cancel_work_sync(&it->work);
		cancel_delayed_work_sync(&it->dwork);
		KTEST_EXPECT_FALSE(test, work_pending(&it->work));
		KTEST_EXPECT_FALSE(test, delayed_work_pending(&it->dwork));
		runs += stress_counts_check(test, &it->work_counts);
		runs += stress_counts_check(test, &it->dwork_counts);
	}
	ktest_info(test, "%u threads, %d runs", g.n, runs);
}

/* --- destroy -------------------------------------------------------------- */

static void workqueue_test_destroy_flushes(struct ktest *test)
{
	static const unsigned int flags[] = { 0, WQ_UNBOUND, WQ_HIGHPRI };
	int f, i;

	for (f = 0; f < ARRAY_SIZE(flags); f++) {
		struct workqueue_struct *wq;

		wq = alloc_workqueue("ktest_destroy", flags[f], 0);
		KTEST_ASSERT_NOT_NULL(test, wq);
		atomic_set(&wq_count, 0);
		for (i = 0; i < 4; i++) {
			INIT_WORK(&count_works[i], count_fn);
			queue_work(wq, &count_works[i]);
		}
		destroy_workqueue(wq);
		KTEST_EXPECT_EQ(test, atomic_read(&wq_count), 4);
	}
}

static struct workqueue_struct *chain_wq;
static DECLARE_WORK(chain_work, NULL);

static void chain_fn(struct work_struct *work)
{
	if (atomic_inc_return(&wq_count) < 5)
		queue_work(chain_wq, work);
}

/* A work that queues itself again: draining waits for the chain's end. */
static void workqueue_test_destroy_drains_chain(struct ktest *test)
{
	chain_wq = alloc_workqueue("ktest_chain", 0, 0);
	KTEST_ASSERT_NOT_NULL(test, chain_wq);
	atomic_set(&wq_count, 0);
	INIT_WORK(&chain_work, chain_fn);
	queue_work(chain_wq, &chain_work);
	destroy_workqueue(chain_wq);
	KTEST_EXPECT_EQ(test, atomic_read(&wq_count), 5);
	chain_wq = NULL;
}

static struct ktest_case workqueue_test_cases[] = {
	KTEST_CASE(workqueue_test_runs_in_process_context),
	KTEST_CASE(workqueue_test_highpri_and_unbound_workers),
	KTEST_CASE(workqueue_test_flush_work_waits),
	KTEST_CASE(workqueue_test_queue_pending_is_noop),
	KTEST_CASE(workqueue_test_flush_workqueue),
	KTEST_CASE(workqueue_test_cancel_pending_work),
	KTEST_CASE(workqueue_test_cancel_sync_inactive_work),
	KTEST_CASE(workqueue_test_cancel_sync_waits_for_running),
	KTEST_CASE(workqueue_test_cancel_sync_running_and_pending),
	KTEST_CASE(workqueue_test_delayed_work_not_early),
	KTEST_CASE(workqueue_test_cancel_delayed_work),
	KTEST_CASE(workqueue_test_mod_delayed_work_rearms),
	KTEST_CASE(workqueue_test_declare_delayed_work),
	KTEST_CASE(workqueue_test_flush_delayed_work_runs_now),
	KTEST_CASE(workqueue_test_non_reentrant_across_cpus),
	KTEST_CASE(workqueue_test_sleeping_work_does_not_block_pool),
	KTEST_CASE(workqueue_test_stress_queue_cancel_flush),
	KTEST_CASE(workqueue_test_ordered_runs_one_at_a_time),
	KTEST_CASE(workqueue_test_destroy_flushes),
	KTEST_CASE(workqueue_test_destroy_drains_chain),
	{}
};

static struct ktest_suite workqueue_test_suite = {
	.name = "workqueue",
	.exit = workqueue_test_exit,
	.test_cases = workqueue_test_cases,
};
ktest_suite(workqueue_test_suite);
