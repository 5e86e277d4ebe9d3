/*
 * Bottom halves and execution contexts: preempt_count in each context
 * (seed 002: process, softirq, hardirq), the softirq restart limit and
 * its hand-off to ksoftirqd, and tasklet serialisation.
 *
 * Tests borrow IRQ_POLL_SOFTIRQ, which nothing else uses yet, and put
 * back whatever handler it had.
 */
#include <linux/bottom_half.h>
#include <linux/bug.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <ktest/test.h>
#include <asm/irq_stack.h>

#define TEST_SOFTIRQ IRQ_POLL_SOFTIRQ

struct ctx_seen {
	unsigned int runs;
	bool in_hardirq;
	bool in_softirq;
	bool in_serving_softirq;
	bool in_interrupt;
	bool in_task;
	bool irqs_off;
	bool on_irq_stack;
};

static struct ctx_seen softirq_seen;

static void record_context(struct ctx_seen *s)
{
	unsigned long lo, hi;

	s->runs++;
	s->in_hardirq = in_hardirq();
	s->in_softirq = in_softirq();
	s->in_serving_softirq = in_serving_softirq();
	s->in_interrupt = in_interrupt();
	s->in_task = in_task();
	s->irqs_off = irqs_disabled();
	s->on_irq_stack = on_irq_stack(
		(unsigned long)__builtin_frame_address(0), &lo, &hi);
}

static void record_softirq(struct softirq_action *h)
{
	record_context(&softirq_seen);
}

static void softirq_test_process_context(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, preempt_count(), 0);
	KTEST_EXPECT_FALSE(test, in_interrupt());
	KTEST_EXPECT_FALSE(test, in_hardirq());
	KTEST_EXPECT_FALSE(test, in_softirq());
	KTEST_EXPECT_FALSE(test, in_nmi());
	KTEST_EXPECT_FALSE(test, in_atomic());
	KTEST_EXPECT_TRUE(test, in_task());
	KTEST_EXPECT_FALSE(test, irqs_disabled());
}

static void softirq_test_preempt_disable_nests(struct ktest *test)
{
	preempt_disable();
	preempt_disable();
	KTEST_EXPECT_EQ(test, preempt_count(), 2);
	KTEST_EXPECT_TRUE(test, in_atomic());
	KTEST_EXPECT_FALSE(test, in_interrupt());
	preempt_enable();
	preempt_enable();
	KTEST_EXPECT_EQ(test, preempt_count(), 0);
}

/*
 * preempt_count while bottom halves are off: SOFTIRQ_DISABLE_OFFSET
 * per level, which is "in softirq" (and in_interrupt()) without
 * serving one.
 */
static void softirq_test_bh_disable_counts(struct ktest *test)
{
	local_bh_disable();
	KTEST_EXPECT_EQ(test, preempt_count(), SOFTIRQ_DISABLE_OFFSET);
	KTEST_EXPECT_TRUE(test, in_softirq());
	KTEST_EXPECT_FALSE(test, in_serving_softirq());
	KTEST_EXPECT_TRUE(test, in_interrupt());
	KTEST_EXPECT_TRUE(test, in_task());
	local_bh_disable();
	KTEST_EXPECT_EQ(test, preempt_count(), 2 * SOFTIRQ_DISABLE_OFFSET);
	local_bh_enable();
	local_bh_enable();
	KTEST_EXPECT_EQ(test, preempt_count(), 0);
}

/*
 * Raised with bottom halves off, the softirq waits; the outermost
 * local_bh_enable() runs it, on the irq stack, serving, irqs on.
 */
static void softirq_test_runs_at_bh_enable(struct ktest *test)
{
	unsigned int before = kstat_softirqs_cpu(TEST_SOFTIRQ, 0);

	memset(&softirq_seen, 0, sizeof(softirq_seen));
	open_softirq(TEST_SOFTIRQ, record_softirq);
	local_bh_disable();
	raise_softirq(TEST_SOFTIRQ);
	KTEST_EXPECT_EQ(test, softirq_seen.runs, 0);
	local_bh_enable();
	KTEST_EXPECT_EQ(test, softirq_seen.runs, 1);
	KTEST_EXPECT_TRUE(test, softirq_seen.in_serving_softirq);
	KTEST_EXPECT_TRUE(test, softirq_seen.in_softirq);
	KTEST_EXPECT_TRUE(test, softirq_seen.in_interrupt);
	KTEST_EXPECT_FALSE(test, softirq_seen.in_hardirq);
	KTEST_EXPECT_FALSE(test, softirq_seen.in_task);
	KTEST_EXPECT_FALSE(test, softirq_seen.irqs_off);
	KTEST_EXPECT_TRUE(test, softirq_seen.on_irq_stack);
	KTEST_EXPECT_EQ(test, kstat_softirqs_cpu(TEST_SOFTIRQ, 0), before + 1);
	KTEST_EXPECT_EQ(test, preempt_count(), 0);
	open_softirq(TEST_SOFTIRQ, NULL);
}

static unsigned int flood_runs;
static unsigned int flood_first_batch; /* before the first hand-off */
static unsigned int flood_ksoftirqd_runs;
static unsigned long flood_handoffs; /* the count when it started */
static int flood_cpu;
static bool flood_active;
static struct ctx_seen flood_ksoftirqd_seen;
static char flood_comm[TASK_COMM_LEN];

static bool in_ksoftirqd(void)
{
	return !strncmp(current->comm, "ksoftirqd/", 10);
}

/*
 * Re-raise until ksoftirqd has run this three times.  Softirqs stay on
 * the CPU that raised them, so every run is on flood_cpu.
 */
static void flood_softirq(struct softirq_action *h)
{
	flood_runs++;
	if (ksoftirqd_handoffs() == flood_handoffs)
		flood_first_batch++;
	if (in_ksoftirqd()) {
		flood_ksoftirqd_runs++;
		record_context(&flood_ksoftirqd_seen);
		memcpy(flood_comm, current->comm, TASK_COMM_LEN);
	}
	WARN_ON_ONCE(smp_processor_id() != flood_cpu);
	if (READ_ONCE(flood_active) && flood_ksoftirqd_runs < 3)
		raise_softirq(TEST_SOFTIRQ);
}

/*
 * A softirq that keeps re-raising itself: __do_softirq() runs it
 * MAX_SOFTIRQ_RESTART times (fewer if a tick passes the 2 ms limit),
 * then wakes ksoftirqd/N, which goes on running it in its own context:
 * a task named ksoftirqd/N, serving a softirq, irqs on, on its own
 * stack.
 */
static void softirq_test_flood_hands_off_to_ksoftirqd(struct ktest *test)
{
	unsigned long j;
	int tries;

	open_softirq(TEST_SOFTIRQ, flood_softirq);
	flood_runs = flood_first_batch = flood_ksoftirqd_runs = 0;
	memset(&flood_ksoftirqd_seen, 0, sizeof(flood_ksoftirqd_seen));
	WRITE_ONCE(flood_active, true);
	local_bh_disable();
	flood_cpu = smp_processor_id();
	flood_handoffs = ksoftirqd_handoffs();
	raise_softirq(TEST_SOFTIRQ);
	j = jiffies;
	local_bh_enable(); /* the first batch, then the hand-off */
	KTEST_EXPECT_GE(test, flood_first_batch, 1);
	KTEST_EXPECT_LE(test, flood_first_batch, MAX_SOFTIRQ_RESTART);
	if (jiffies == j)
		KTEST_EXPECT_EQ(test, flood_first_batch, MAX_SOFTIRQ_RESTART);
	KTEST_EXPECT_NOT_NULL(test, per_cpu(ksoftirqd, flood_cpu));

	for (tries = 0; tries < 100 && READ_ONCE(flood_ksoftirqd_runs) < 3;
	     tries++)
		msleep(10);
	WRITE_ONCE(flood_active, false);
	KTEST_EXPECT_GE(test, flood_ksoftirqd_runs, 3);
	KTEST_EXPECT_TRUE(test, flood_ksoftirqd_seen.in_serving_softirq);
	KTEST_EXPECT_FALSE(test, flood_ksoftirqd_seen.in_hardirq);
	KTEST_EXPECT_FALSE(test, flood_ksoftirqd_seen.in_task);
	KTEST_EXPECT_FALSE(test, flood_ksoftirqd_seen.irqs_off);
	KTEST_EXPECT_FALSE(test, flood_ksoftirqd_seen.on_irq_stack);
	ktest_info(test, "%u runs before the hand-off, %u in all, %u in %s",
		   flood_first_batch, flood_runs, flood_ksoftirqd_runs,
		   flood_comm);

	msleep(10); /* the last one has run: nothing raises it any more */
	j = flood_runs;
	msleep(10);
	KTEST_EXPECT_EQ(test, flood_runs, j);
	open_softirq(TEST_SOFTIRQ, NULL);
}

/* One ksoftirqd/N per online CPU, bound to it, at nice 19. */
static void softirq_test_ksoftirqd_per_cpu(struct ktest *test)
{
	char name[TASK_COMM_LEN];
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *tsk = per_cpu(ksoftirqd, cpu);

		KTEST_ASSERT_NOT_NULL(test, tsk);
		snprintf(name, sizeof(name), "ksoftirqd/%u", cpu);
		KTEST_EXPECT_STREQ(test, tsk->comm, name);
		KTEST_EXPECT_TRUE(test, tsk->flags & PF_KTHREAD);
		KTEST_EXPECT_EQ(test, tsk->nr_cpus_allowed, 1);
		KTEST_EXPECT_TRUE(test, test_bit(cpu, tsk->cpus_mask));
		KTEST_EXPECT_EQ(test, task_nice(tsk), 19);
	}
}

/* Show a multi-line text as KTAP diagnostics, one line each. */
static void ktest_info_lines(struct ktest *test, char *text)
{
	char *line;

	while ((line = strsep(&text, "\n")))
		if (*line)
			ktest_info(test, "%s", line);
}

static void softirq_test_show_softirqs_format(struct ktest *test)
{
	static char buf[1024];
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	show_softirqs(&m, NULL);
	KTEST_ASSERT_FALSE(test, seq_has_overflowed(&m));
	buf[m.count] = '\0';
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "                    CPU0", 24));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n          HI: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n       TIMER: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n     HRTIMER: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n         RCU: "));
	ktest_info(test, "/proc/softirqs:");
	ktest_info_lines(test, buf);
}

/* Tasklets. */

struct test_tasklet {
	struct tasklet_struct t;
	struct ctx_seen seen;
	unsigned int depth, max_depth;
	unsigned int reschedule; /* times to schedule itself again */
	unsigned int order;
};

static unsigned int tasklet_order;

static void test_tasklet_fn(struct tasklet_struct *t)
{
	struct test_tasklet *tt = from_tasklet(tt, t, t);

	tt->depth++;
	if (tt->depth > tt->max_depth)
		tt->max_depth = tt->depth;
	record_context(&tt->seen);
	tt->order = ++tasklet_order;
	if (tt->reschedule) {
		tt->reschedule--;
		tasklet_schedule(t);
	}
	tt->depth--;
}

/* Run what is pending on this CPU now. */
static void run_bottom_halves(void)
{
	local_bh_disable();
	local_bh_enable();
}

static void tasklet_test_runs_once_in_softirq(struct ktest *test)
{
	struct test_tasklet tt = {};

	tasklet_setup(&tt.t, test_tasklet_fn);
	local_bh_disable();
	tasklet_schedule(&tt.t);
	tasklet_schedule(&tt.t); /* already queued: no second run */
	KTEST_EXPECT_TRUE(test, test_bit(TASKLET_STATE_SCHED, &tt.t.state));
	local_bh_enable();
	KTEST_EXPECT_EQ(test, tt.seen.runs, 1);
	KTEST_EXPECT_TRUE(test, tt.seen.in_serving_softirq);
	KTEST_EXPECT_FALSE(test, tt.seen.in_hardirq);
	KTEST_EXPECT_EQ(test, tt.t.state, 0);
	tasklet_kill(&tt.t);
}

static void tasklet_test_reschedule_runs_again_not_nested(struct ktest *test)
{
	struct test_tasklet tt = { .reschedule = 5 };

	tasklet_setup(&tt.t, test_tasklet_fn);
	tasklet_schedule(&tt.t);
	run_bottom_halves();
	run_bottom_halves(); /* if the hand-off left some */
	tasklet_kill(&tt.t);
	KTEST_EXPECT_EQ(test, tt.seen.runs, 6);
	KTEST_EXPECT_EQ(test, tt.max_depth, 1);
}

static void tasklet_test_disabled_waits_for_enable(struct ktest *test)
{
	struct test_tasklet tt = {};

	tasklet_setup(&tt.t, test_tasklet_fn);
	tasklet_disable(&tt.t);
	tasklet_schedule(&tt.t);
	run_bottom_halves();
	KTEST_EXPECT_EQ(test, tt.seen.runs, 0);
	KTEST_EXPECT_TRUE(test, test_bit(TASKLET_STATE_SCHED, &tt.t.state));
	tasklet_enable(&tt.t);
	run_bottom_halves();
	KTEST_EXPECT_EQ(test, tt.seen.runs, 1);
	tasklet_kill(&tt.t);
}

/*
 * Another CPU running the tasklet holds its RUN bit.  This CPU must
 * then leave it queued rather than run it a second time at once:
 *
 *	CPU1: RUN set (callback running)   CPU0: softirq finds RUN set
 *	                                         -> requeue, no call
 *	CPU1: RUN cleared                  CPU0: next softirq -> call
 *
 * With one CPU online, the test plays CPU1 by setting the bit itself.
 */
static void tasklet_test_never_runs_while_running_elsewhere(struct ktest *test)
{
	struct test_tasklet tt = {};

	tasklet_setup(&tt.t, test_tasklet_fn);
	KTEST_ASSERT_TRUE(test, tasklet_trylock(&tt.t));
	tasklet_schedule(&tt.t);
	run_bottom_halves();
	KTEST_EXPECT_EQ(test, tt.seen.runs, 0);
	KTEST_EXPECT_TRUE(test, test_bit(TASKLET_STATE_SCHED, &tt.t.state));
	tasklet_unlock(&tt.t);
	run_bottom_halves();
	run_bottom_halves();
	KTEST_EXPECT_EQ(test, tt.seen.runs, 1);
	tasklet_kill(&tt.t);
}

static void tasklet_test_hi_runs_first(struct ktest *test)
{
	struct test_tasklet lo = {}, hi = {};

	tasklet_setup(&lo.t, test_tasklet_fn);
	tasklet_setup(&hi.t, test_tasklet_fn);
	local_bh_disable();
	tasklet_schedule(&lo.t);
	tasklet_hi_schedule(&hi.t);
	local_bh_enable();
	KTEST_EXPECT_EQ(test, hi.seen.runs, 1);
	KTEST_EXPECT_EQ(test, lo.seen.runs, 1);
	KTEST_EXPECT_LT(test, hi.order, lo.order);
	tasklet_kill(&lo.t);
	tasklet_kill(&hi.t);
}

static void old_style_fn(unsigned long data)
{
	*(unsigned long *)data += 1;
}

static void tasklet_test_kill_waits_for_queued(struct ktest *test)
{
	struct tasklet_struct t;
	unsigned long count = 0;

	tasklet_init(&t, old_style_fn, (unsigned long)&count);
	tasklet_schedule(&t);
	tasklet_kill(&t); /* runs it (here, via local_bh_enable) */
	KTEST_EXPECT_EQ(test, count, 1);
	KTEST_EXPECT_EQ(test, t.state, 0);
	tasklet_schedule(&t);
	run_bottom_halves();
	KTEST_EXPECT_EQ(test, count, 2);
	tasklet_kill(&t);
}

static struct ktest_case softirq_test_cases[] = {
	KTEST_CASE(softirq_test_process_context),
	KTEST_CASE(softirq_test_preempt_disable_nests),
	KTEST_CASE(softirq_test_bh_disable_counts),
	KTEST_CASE(softirq_test_runs_at_bh_enable),
	KTEST_CASE(softirq_test_flood_hands_off_to_ksoftirqd),
	KTEST_CASE(softirq_test_ksoftirqd_per_cpu),
	KTEST_CASE(softirq_test_show_softirqs_format),
	KTEST_CASE(tasklet_test_runs_once_in_softirq),
	KTEST_CASE(tasklet_test_reschedule_runs_again_not_nested),
	KTEST_CASE(tasklet_test_disabled_waits_for_enable),
	KTEST_CASE(tasklet_test_never_runs_while_running_elsewhere),
	KTEST_CASE(tasklet_test_hi_runs_first),
	KTEST_CASE(tasklet_test_kill_waits_for_queued),
	{}
};

static struct ktest_suite softirq_test_suite = {
	.name = "softirq",
	.test_cases = softirq_test_cases,
};
ktest_suite(softirq_test_suite);
