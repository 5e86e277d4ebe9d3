/*
 * Mutex tests: ownership and trylock from one thread, then several
 * threads on every CPU that sleep inside the critical section now and
 * then, so that waiters really queue, spin and hand the lock over.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define MUTEX_ITERS 500

static DEFINE_MUTEX(static_mutex);

static void mutex_test_lock_unlock(struct ktest *test)
{
	struct mutex m;

	mutex_init(&m);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&m));
	mutex_lock(&m);
	KTEST_EXPECT_TRUE(test, mutex_is_locked(&m));
	KTEST_EXPECT_PTR_EQ(test, mutex_owner(&m), current);
	KTEST_EXPECT_FALSE(test, mutex_trylock(&m));
	mutex_unlock(&m);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&m));
	KTEST_EXPECT_TRUE(test, mutex_trylock(&m));
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(test, mutex_lock_interruptible(&m), 0);
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(test, mutex_lock_killable(&m), 0);
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(test, atomic_long_read(&m.owner), 0);
}

static void mutex_test_static_initializer(struct ktest *test)
{
	mutex_lock(&static_mutex);
	KTEST_EXPECT_PTR_EQ(test, mutex_owner(&static_mutex), current);
	mutex_unlock(&static_mutex);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&static_mutex));
}

struct mutex_stress {
	struct mutex lock;
	unsigned long counter;
	atomic_t inside; /* must never exceed 1 */
	atomic_t overlaps;
};

static int mutex_stress_fn(void *data, unsigned int index)
{
	struct mutex_stress *s = data;
	int i;

	for (i = 0; i < MUTEX_ITERS; i++) {
		mutex_lock(&s->lock);
		if (atomic_inc_return(&s->inside) != 1)
			atomic_inc(&s->overlaps);
		WRITE_ONCE(s->counter, READ_ONCE(s->counter) + 1);
		if (!(i % 64))
			schedule_timeout_uninterruptible(
				1); /* sleep holding it */
		else if (!(i % 8))
			yield();
		atomic_dec(&s->inside);
		mutex_unlock(&s->lock);
	}
	return 0;
}

static void mutex_test_stress_exact_total(struct ktest *test)
{
	static struct mutex_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4);

	mutex_init(&s.lock);
	s.counter = 0;
	atomic_set(&s.inside, 0);
	atomic_set(&s.overlaps, 0);
	ktest_threads_start(test, &g, mutex_stress_fn, &s, n, "ktest_mutex");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, s.counter, (unsigned long)n * MUTEX_ITERS);
	KTEST_EXPECT_EQ(test, atomic_read(&s.overlaps), 0);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&s.lock));
	KTEST_EXPECT_EQ(test, atomic_long_read(&s.lock.owner), 0);
}

/*
 * A waiter queued behind the holder gets the lock once it is released,
 * and is the owner then.
 */
struct mutex_handover {
	struct mutex lock;
	atomic_t waiting;
	struct task_struct *owner_seen;
};

static int mutex_handover_fn(void *data, unsigned int index)
{
	struct mutex_handover *h = data;

	atomic_inc(&h->waiting);
	mutex_lock(&h->lock);
	h->owner_seen = mutex_owner(&h->lock);
	mutex_unlock(&h->lock);
	return 0;
}

static void mutex_test_waiter_gets_lock(struct ktest *test)
{
	static struct mutex_handover h;
	static struct ktest_threads g;
	int tries;

	mutex_init(&h.lock);
	atomic_set(&h.waiting, 0);
	h.owner_seen = NULL;
	mutex_lock(&h.lock);
	ktest_threads_start(test, &g, mutex_handover_fn, &h, 1, "ktest_mwait");
	for (tries = 0; tries < 100 && !atomic_read(&h.waiting); tries++)
		schedule_timeout_uninterruptible(1);
	schedule_timeout_uninterruptible(2); /* let it queue and sleep */
	KTEST_EXPECT_TRUE(test,
			  atomic_long_read(&h.lock.owner) & MUTEX_FLAG_WAITERS);
	mutex_unlock(&h.lock);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_PTR_EQ(test, h.owner_seen, g.slots[0].task);
	KTEST_EXPECT_EQ(test, atomic_long_read(&h.lock.owner), 0);
}

static struct ktest_case mutex_test_cases[] = {
	KTEST_CASE(mutex_test_lock_unlock),
	KTEST_CASE(mutex_test_static_initializer),
	KTEST_CASE(mutex_test_waiter_gets_lock),
	KTEST_CASE(mutex_test_stress_exact_total),
	{}
};

static struct ktest_suite mutex_test_suite = {
	.name = "mutex",
	.test_cases = mutex_test_cases,
};
ktest_suite(mutex_test_suite);
