/*
 * rw_semaphore tests: readers share, writers exclude everyone, totals
 * are exact under stress, a writer is not starved by a stream of
 * readers, and downgrade_write() lets queued readers in.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define RWSEM_ITERS 400

static void rwsem_test_trylocks(struct ktest *test)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	KTEST_EXPECT_TRUE(test, down_read_trylock(&sem));
	KTEST_EXPECT_TRUE(test, rwsem_is_locked(&sem));
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	KTEST_EXPECT_TRUE(test, down_write_trylock(&sem));
	KTEST_EXPECT_FALSE(test, down_read_trylock(&sem));
	downgrade_write(&sem);
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&sem));
	KTEST_EXPECT_EQ(test, atomic_long_read(&sem.count), 0);
}

struct rwsem_stress {
	struct rw_semaphore sem;
	unsigned long a, b; /* writers keep a == b */
	atomic_t writers_inside;
	atomic_t readers_inside;
	atomic_t bad;
	atomic_t reads;
};

static void rwsem_stress_write(struct rwsem_stress *s, int i)
{
	down_write(&s->sem);
	if (atomic_inc_return(&s->writers_inside) != 1 ||
	    atomic_read(&s->readers_inside))
		atomic_inc(&s->bad);
	WRITE_ONCE(s->a, s->a + 1);
	if (!(i % 32))
		yield();
	WRITE_ONCE(s->b, s->b + 1);
	atomic_dec(&s->writers_inside);
	up_write(&s->sem);
}

static void rwsem_stress_read(struct rwsem_stress *s, int i)
{
	down_read(&s->sem);
	atomic_inc(&s->readers_inside);
	if (atomic_read(&s->writers_inside) ||
	    READ_ONCE(s->a) != READ_ONCE(s->b))
		atomic_inc(&s->bad);
	if (!(i % 32))
		yield();
	atomic_dec(&s->readers_inside);
	up_read(&s->sem);
	atomic_inc(&s->reads);
}

static int rwsem_stress_fn(void *data, unsigned int index)
{
	struct rwsem_stress *s = data;
	int i;

	for (i = 0; i < RWSEM_ITERS; i++) {
		if (index % 3 == 0)
			rwsem_stress_write(s, i);
		else
			rwsem_stress_read(s, i);
	}
	return 0;
}

static void rwsem_test_stress(struct ktest *test)
{
	static struct rwsem_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(3, 6), writers = (n + 2) / 3;

	init_rwsem(&s.sem);
	s.a = s.b = 0;
	atomic_set(&s.writers_inside, 0);
	atomic_set(&s.readers_inside, 0);
	atomic_set(&s.bad, 0);
	atomic_set(&s.reads, 0);
	ktest_threads_start(test, &g, rwsem_stress_fn, &s, n, "ktest_rwsem");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&s.bad), 0);
	KTEST_EXPECT_EQ(test, s.a, (unsigned long)writers * RWSEM_ITERS);
	KTEST_EXPECT_EQ(test, s.b, s.a);
	KTEST_EXPECT_EQ(test, atomic_read(&s.reads),
			(int)(n - writers) * RWSEM_ITERS);
	KTEST_EXPECT_EQ(test, atomic_long_read(&s.sem.count), 0);
}

/*
 * Readers take turns holding the lock so that it is never free; a
 * writer that queues must still get in, because readers arriving after
 * it queue behind it.
 */
struct rwsem_starve {
	struct rw_semaphore sem;
	atomic_t writer_done;
	atomic_t reader_passes;
	unsigned long writer_wait; /* jiffies */
};

static int rwsem_starve_fn(void *data, unsigned int index)
{
	struct rwsem_starve *s = data;
	unsigned long end = jiffies + 10 * HZ;

	if (index == 0) {
		schedule_timeout_uninterruptible(HZ / 50); /* readers first */
		s->writer_wait = jiffies;
		down_write(&s->sem);
		s->writer_wait = jiffies - s->writer_wait;
		atomic_set(&s->writer_done, 1);
		up_write(&s->sem);
		return 0;
	}
	while (!atomic_read(&s->writer_done) && time_before(jiffies, end)) {
		down_read(&s->sem);
		atomic_inc(&s->reader_passes);
		schedule_timeout_uninterruptible(1); /* overlap the others */
		up_read(&s->sem);
	}
	return 0;
}

static void rwsem_test_writer_not_starved(struct ktest *test)
{
	static struct rwsem_starve s;
	static struct ktest_threads g;

	init_rwsem(&s.sem);
	atomic_set(&s.writer_done, 0);
	atomic_set(&s.reader_passes, 0);
	ktest_threads_start(test, &g, rwsem_starve_fn, &s, 4, "ktest_starve");
	ktest_threads_wait(test, &g);
	ktest_info(test, "writer waited %lu jiffies; %d reader passes in all",
		   s.writer_wait, atomic_read(&s.reader_passes));
	KTEST_EXPECT_EQ(test, atomic_read(&s.writer_done), 1);
	KTEST_EXPECT_LT(test, s.writer_wait, 2 * HZ);
}

static struct ktest_case rwsem_test_cases[] = {
	KTEST_CASE(rwsem_test_trylocks),
	KTEST_CASE(rwsem_test_stress),
	KTEST_CASE(rwsem_test_writer_not_starved),
	{}
};

static struct ktest_suite rwsem_test_suite = {
	.name = "rwsem",
	.test_cases = rwsem_test_cases,
};
ktest_suite(rwsem_test_suite);
