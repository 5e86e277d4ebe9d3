/*
 * Wait-queue tests (seed 002: "等待队列"): wake-ups reach the waiters
 * they should -- all plain ones, one exclusive one per wake_up() -- no
 * wake-up is lost when it races with a waiter going to sleep, and the
 * timeouts return what they document.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <ktest/test.h>
#include <ktest/threads.h>

static DECLARE_WAIT_QUEUE_HEAD(static_wq);

static void wait_test_condition_true_returns_at_once(struct ktest *test)
{
	wait_queue_head_t wq;
	long ret;

	init_waitqueue_head(&wq);
	wait_event(wq, true);
	KTEST_EXPECT_EQ(test, wait_event_interruptible(wq, 1), 0);
	ret = wait_event_timeout(wq, true, 10);
	KTEST_EXPECT_EQ(test, ret, 10);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&wq));
	wait_event(static_wq, true);
}

static void wait_test_timeout_expires(struct ktest *test)
{
	unsigned long start = jiffies;
	wait_queue_head_t wq;
	long ret;

	init_waitqueue_head(&wq);
	ret = wait_event_timeout(wq, false, 3);
	KTEST_EXPECT_EQ(test, ret, 0);
	KTEST_EXPECT_GE(test, jiffies - start, 3);
	ret = wait_event_interruptible_timeout(wq, false, 2);
	KTEST_EXPECT_EQ(test, ret, 0);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&wq));
	KTEST_EXPECT_EQ(test, READ_ONCE(current->__state), TASK_RUNNING);
}

struct wq_waiters {
	wait_queue_head_t wq;
	atomic_t go; /* tokens: an exclusive waiter takes one */
	bool open; /* plain waiters wait for this */
	atomic_t queued;
	atomic_t woken;
	bool exclusive;
};

/* Take a token if there is one: the condition of the exclusive waiters. */
static bool take_token(atomic_t *go)
{
	return atomic_dec_if_positive(go) >= 0;
}

static int wq_waiter_fn(void *data, unsigned int index)
{
	struct wq_waiters *w = data;

	atomic_inc(&w->queued);
	if (w->exclusive)
		wait_event_exclusive(w->wq, take_token(&w->go));
	else
		wait_event(w->wq, READ_ONCE(w->open));
	atomic_inc(&w->woken);
	return 0;
}

/* Wait until all @n threads sit in the queue. */
static void wait_for_sleepers(struct wq_waiters *w, int n)
{
	int tries;

	for (tries = 0; tries < 500; tries++) {
		unsigned long flags;
		size_t queued;

		spin_lock_irqsave(&w->wq.lock, flags);
		queued = list_count_nodes(&w->wq.head);
		spin_unlock_irqrestore(&w->wq.lock, flags);
		if (queued == n)
			return;
		schedule_timeout_uninterruptible(1);
	}
}

static void wq_waiters_init(struct wq_waiters *w, bool exclusive)
{
	init_waitqueue_head(&w->wq);
	atomic_set(&w->go, 0);
	w->open = false;
	atomic_set(&w->queued, 0);
	atomic_set(&w->woken, 0);
	w->exclusive = exclusive;
}

/* wake_up() wakes every plain waiter. */
static void wait_test_wake_up_wakes_all_plain(struct ktest *test)
{
	static struct wq_waiters w;
	static struct ktest_threads g;

	wq_waiters_init(&w, false);
	ktest_threads_start(test, &g, wq_waiter_fn, &w, 4, "ktest_wq");
	wait_for_sleepers(&w, 4);
	KTEST_EXPECT_EQ(test, atomic_read(&w.woken), 0);
	WRITE_ONCE(w.open, true);
	wake_up(&w.wq);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&w.woken), 4);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&w.wq));
}

/*
 * Seed 002: an exclusive waiter is woken alone.  One token, one
 * wake_up(): exactly one of four waiters leaves the queue.
 */
static void wait_test_exclusive_wakes_one(struct ktest *test)
{
	static struct wq_waiters w;
	static struct ktest_threads g;

	wq_waiters_init(&w, true);
	ktest_threads_start(test, &g, wq_waiter_fn, &w, 4, "ktest_wqx");
	wait_for_sleepers(&w, 4);
	atomic_inc(&w.go);
	wake_up(&w.wq);
	schedule_timeout_uninterruptible(HZ / 25);
	KTEST_EXPECT_EQ(test, atomic_read(&w.woken), 1);
	wait_for_sleepers(&w, 3); /* the three others still sleep */
	atomic_add(2, &w.go);
	wake_up_nr(&w.wq, 2);
	schedule_timeout_uninterruptible(HZ / 25);
	KTEST_EXPECT_EQ(test, atomic_read(&w.woken), 3);
	atomic_inc(&w.go);
	wake_up_all(&w.wq);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&w.woken), 4);
}

/*
 * Ping-pong: two threads hand a token back and forth many times; a
 * lost wake-up leaves both asleep and the test times out.
 */
struct pingpong {
	wait_queue_head_t wq;
	int turn; /* whose turn: 0 or 1 */
	int rounds;
};

#define PINGPONG_ROUNDS 500

static int pingpong_fn(void *data, unsigned int index)
{
	struct pingpong *p = data;
	int i;

	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		wait_event(p->wq, READ_ONCE(p->turn) == index);
		p->rounds++;
		smp_store_release(&p->turn, !index);
		wake_up(&p->wq);
	}
	return 0;
}

static void wait_test_pingpong_no_lost_wakeup(struct ktest *test)
{
	static struct pingpong p;
	static struct ktest_threads g;

	init_waitqueue_head(&p.wq);
	p.turn = 0;
	p.rounds = 0;
	ktest_threads_start(test, &g, pingpong_fn, &p, 2, "ktest_pingpong");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, p.rounds, 2 * PINGPONG_ROUNDS);
}

/* Many producers wake one consumer; every event is seen. */
struct wq_race {
	wait_queue_head_t wq;
	atomic_t produced;
	atomic_t producers_left;
};

#define RACE_EVENTS 1000

static int wq_race_fn(void *data, unsigned int index)
{
	struct wq_race *r = data;
	int i, want = 0;

	if (index == 0) { /* the consumer */
		for (;;) {
			wait_event(r->wq,
				   atomic_read(&r->produced) > want ||
					   !atomic_read(&r->producers_left));
			want = atomic_read(&r->produced);
			if (!atomic_read(&r->producers_left) &&
			    want == atomic_read(&r->produced))
				break;
		}
		return want;
	}
	for (i = 0; i < RACE_EVENTS; i++) {
		atomic_inc(&r->produced);
		wake_up(&r->wq);
		if (!(i % 128))
			yield();
	}
	atomic_dec(&r->producers_left);
	wake_up(&r->wq);
	return 0;
}

static void wait_test_wakeup_races(struct ktest *test)
{
	static struct wq_race r;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4);

	init_waitqueue_head(&r.wq);
	atomic_set(&r.produced, 0);
	atomic_set(&r.producers_left, n - 1);
	ktest_threads_start(test, &g, wq_race_fn, &r, n, "ktest_wqrace");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, g.slots[0].result, (int)(n - 1) * RACE_EVENTS);
}

/* By hand: DEFINE_WAIT, prepare_to_wait, finish_wait. */
static void wait_test_prepare_finish(struct ktest *test)
{
	wait_queue_head_t wq;
	DEFINE_WAIT(wait);

	init_waitqueue_head(&wq);
	prepare_to_wait(&wq, &wait, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_TRUE(test, waitqueue_active(&wq));
	KTEST_EXPECT_EQ(test, READ_ONCE(current->__state),
			TASK_UNINTERRUPTIBLE);
	/* The condition is already true: do not sleep. */
	finish_wait(&wq, &wait);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&wq));
	KTEST_EXPECT_EQ(test, READ_ONCE(current->__state), TASK_RUNNING);
}

static struct ktest_case wait_test_cases[] = {
	KTEST_CASE(wait_test_condition_true_returns_at_once),
	KTEST_CASE(wait_test_timeout_expires),
	KTEST_CASE(wait_test_prepare_finish),
	KTEST_CASE(wait_test_wake_up_wakes_all_plain),
	KTEST_CASE(wait_test_exclusive_wakes_one),
	KTEST_CASE(wait_test_pingpong_no_lost_wakeup),
	KTEST_CASE(wait_test_wakeup_races),
	{}
};

static struct ktest_suite wait_test_suite = {
	.name = "wait",
	.test_cases = wait_test_cases,
};
ktest_suite(wait_test_suite);
