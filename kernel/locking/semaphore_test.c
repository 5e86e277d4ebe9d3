/*
 * Counting semaphore tests (seed 001's P and V): the count limits how
 * many are inside at once, up() hands a unit to a sleeper, and the
 * timeouts and trylock behave as documented.
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define SEM_UNITS 3
#define SEM_ITERS 200

static void semaphore_test_counts(struct ktest *test)
{
	struct semaphore sem;

	sema_init(&sem, 2);
	KTEST_EXPECT_EQ(test, down_trylock(&sem), 0);
	KTEST_EXPECT_EQ(test, down_trylock(&sem), 0);
	KTEST_EXPECT_EQ(test, down_trylock(&sem), 1); /* 1: busy */
	up(&sem);
	KTEST_EXPECT_EQ(test, down_interruptible(&sem), 0);
	up(&sem);
	up(&sem);
	KTEST_EXPECT_EQ(test, sem.count, 2);
}

static void semaphore_test_timeout(struct ktest *test)
{
	unsigned long start = jiffies;
	struct semaphore sem;

	sema_init(&sem, 0);
	KTEST_EXPECT_EQ(test, down_timeout(&sem, 3), -ETIME);
	KTEST_EXPECT_GE(test, jiffies - start, 3);
	KTEST_EXPECT_TRUE(test, list_empty(&sem.wait_list));
	up(&sem);
	KTEST_EXPECT_EQ(test, down_timeout(&sem, 3), 0);
}

struct sem_stress {
	struct semaphore sem;
	atomic_t inside;
	atomic_t max_inside;
	atomic_t total;
};

static void sem_note_max(struct sem_stress *s, int now)
{
	int max = atomic_read(&s->max_inside);

	while (now > max && !atomic_try_cmpxchg(&s->max_inside, &max, now))
		;
}

static int sem_stress_fn(void *data, unsigned int index)
{
	struct sem_stress *s = data;
	int i;

	for (i = 0; i < SEM_ITERS; i++) {
		down(&s->sem);
		sem_note_max(s, atomic_inc_return(&s->inside));
		atomic_inc(&s->total);
		if (!(i % 16))
			yield();
		atomic_dec(&s->inside);
		up(&s->sem);
	}
	return 0;
}

/* Never more than SEM_UNITS inside; every pass counted. */
static void semaphore_test_stress(struct ktest *test)
{
	static struct sem_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 6);

	sema_init(&s.sem, SEM_UNITS);
	atomic_set(&s.inside, 0);
	atomic_set(&s.max_inside, 0);
	atomic_set(&s.total, 0);
	ktest_threads_start(test, &g, sem_stress_fn, &s, n, "ktest_sem");
	ktest_threads_wait(test, &g);
	ktest_info(test, "%u threads, at most %d inside at once", n,
		   atomic_read(&s.max_inside));
	KTEST_EXPECT_LE(test, atomic_read(&s.max_inside), SEM_UNITS);
	KTEST_EXPECT_GE(test, atomic_read(&s.max_inside), 1);
	KTEST_EXPECT_EQ(test, atomic_read(&s.total), (int)n * SEM_ITERS);
	KTEST_EXPECT_EQ(test, s.sem.count, SEM_UNITS);
}

/* P in one thread, V in another: the sleeper is handed the unit. */
static int sem_down_fn(void *data, unsigned int index)
{
	down(data);
	return 0;
}

static size_t sem_sleepers(struct semaphore *sem)
{
	unsigned long flags;
	size_t n;

	raw_spin_lock_irqsave(&sem->lock, flags);
	n = list_count_nodes(&sem->wait_list);
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return n;
}

static void semaphore_test_up_wakes_sleeper(struct ktest *test)
{
	static struct semaphore sem;
	static struct ktest_threads g;
	int tries;

	sema_init(&sem, 0);
	ktest_threads_start(test, &g, sem_down_fn, &sem, 2, "ktest_semwait");
	for (tries = 0; tries < 200 && sem_sleepers(&sem) < 2; tries++)
		schedule_timeout_uninterruptible(1);
	KTEST_EXPECT_EQ(test, sem_sleepers(&sem), 2);
	up(&sem);
	up(&sem); /* one unit each, handed over: count stays 0 */
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, sem.count, 0);
	KTEST_EXPECT_TRUE(test, list_empty(&sem.wait_list));
}

static struct ktest_case semaphore_test_cases[] = {
	KTEST_CASE(semaphore_test_counts),
	KTEST_CASE(semaphore_test_timeout),
	KTEST_CASE(semaphore_test_up_wakes_sleeper),
	KTEST_CASE(semaphore_test_stress),
	{}
};

static struct ktest_suite semaphore_test_suite = {
	.name = "semaphore",
	.test_cases = semaphore_test_cases,
};
ktest_suite(semaphore_test_suite);
