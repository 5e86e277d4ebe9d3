/*
 * Completion tests: a complete() is never lost (before or after the
 * wait), releases one waiter each, complete_all() releases everyone,
 * and the timeout and try variants report what happened.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <ktest/test.h>
#include <ktest/threads.h>

static DECLARE_COMPLETION(static_done);

static void completion_test_complete_before_wait(struct ktest *test)
{
	struct completion c;

	init_completion(&c);
	KTEST_EXPECT_FALSE(test, completion_done(&c));
	complete(&c);
	complete(&c);
	KTEST_EXPECT_TRUE(test, completion_done(&c));
	wait_for_completion(&c);
	KTEST_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KTEST_EXPECT_FALSE(test, try_wait_for_completion(&c)); /* used up */
	complete(&static_done);
	wait_for_completion(&static_done);
}

static void completion_test_timeout(struct ktest *test)
{
	unsigned long start = jiffies;
	struct completion c;

	init_completion(&c);
	KTEST_EXPECT_EQ(test, wait_for_completion_timeout(&c, 3), 0);
	KTEST_EXPECT_GE(test, jiffies - start, 3);
	KTEST_EXPECT_EQ(test, wait_for_completion_interruptible_timeout(&c, 2),
			0);
	complete(&c);
	KTEST_EXPECT_GT(test, wait_for_completion_timeout(&c, 3), 0);
	complete(&c);
	KTEST_EXPECT_EQ(test, wait_for_completion_interruptible(&c), 0);
	complete(&c);
	KTEST_EXPECT_EQ(test, wait_for_completion_killable(&c), 0);
}

struct completion_waiters {
	struct completion done;
	atomic_t waiting;
	atomic_t released;
};

static int completion_waiter_fn(void *data, unsigned int index)
{
	struct completion_waiters *w = data;

	atomic_inc(&w->waiting);
	wait_for_completion(&w->done);
	atomic_inc(&w->released);
	return 0;
}

static void wait_until_waiting(struct completion_waiters *w, int n)
{
	int tries;

	for (tries = 0; tries < 500 && atomic_read(&w->waiting) < n; tries++)
		schedule_timeout_uninterruptible(1);
	schedule_timeout_uninterruptible(2); /* into the queue */
}

/* Each complete() releases exactly one waiter. */
static void completion_test_complete_releases_one(struct ktest *test)
{
	static struct completion_waiters w;
	static struct ktest_threads g;

	init_completion(&w.done);
	atomic_set(&w.waiting, 0);
	atomic_set(&w.released, 0);
	ktest_threads_start(test, &g, completion_waiter_fn, &w, 3,
			    "ktest_compl");
	wait_until_waiting(&w, 3);
	complete(&w.done);
	schedule_timeout_uninterruptible(HZ / 25);
	KTEST_EXPECT_EQ(test, atomic_read(&w.released), 1);
	complete(&w.done);
	complete(&w.done);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&w.released), 3);
	KTEST_EXPECT_FALSE(test, completion_done(&w.done));
}

/* complete_all() releases every waiter, and later ones too. */
static void completion_test_complete_all(struct ktest *test)
{
	static struct completion_waiters w;
	static struct ktest_threads g;

	init_completion(&w.done);
	atomic_set(&w.waiting, 0);
	atomic_set(&w.released, 0);
	ktest_threads_start(test, &g, completion_waiter_fn, &w, 4,
			    "ktest_complall");
	wait_until_waiting(&w, 4);
	complete_all(&w.done);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&w.released), 4);
	wait_for_completion(&w.done); /* still complete */
	KTEST_EXPECT_TRUE(test, try_wait_for_completion(&w.done));
	KTEST_EXPECT_TRUE(test, completion_done(&w.done));
	reinit_completion(&w.done);
	KTEST_EXPECT_FALSE(test, completion_done(&w.done));
}

/* Many completes racing many waits: as many releases as completes. */
#define COMPLETION_RACE_ROUNDS 200

static int completion_race_fn(void *data, unsigned int index)
{
	struct completion_waiters *w = data;
	int i;

	for (i = 0; i < COMPLETION_RACE_ROUNDS; i++) {
		if (index % 2) {
			complete(&w->done);
		} else {
			wait_for_completion(&w->done);
			atomic_inc(&w->released);
		}
		if (!(i % 32))
			yield();
	}
	return 0;
}

static void completion_test_races(struct ktest *test)
{
	static struct completion_waiters w;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4) & ~1U;

	init_completion(&w.done);
	atomic_set(&w.released, 0);
	ktest_threads_start(test, &g, completion_race_fn, &w, n,
			    "ktest_complrace");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&w.released),
			(int)(n / 2) * COMPLETION_RACE_ROUNDS);
	KTEST_EXPECT_FALSE(test, completion_done(&w.done));
}

static struct ktest_case completion_test_cases[] = {
	KTEST_CASE(completion_test_complete_before_wait),
	KTEST_CASE(completion_test_timeout),
	KTEST_CASE(completion_test_complete_releases_one),
	KTEST_CASE(completion_test_complete_all),
	KTEST_CASE(completion_test_races),
	{}
};

static struct ktest_suite completion_test_suite = {
	.name = "completion",
	.test_cases = completion_test_cases,
};
ktest_suite(completion_test_suite);
