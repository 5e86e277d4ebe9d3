/*
 * musl pthreads on top of clone/futex/signals: create/join/detach, TLS,
 * mutexes and condition variables under contention across CPUs,
 * barriers, rwlocks, semaphores, cancellation, pthread_kill.
 */
#include "ut_util.h"
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>

static void *return_arg_plus_one(void *arg)
{
	return (void *)((long)arg + 1);
}

UTEST(create_join_returns_the_thread_value)
{
	pthread_t t;
	void *ret;

	UT_ASSERT_EQ(pthread_create(&t, NULL, return_arg_plus_one, (void *)41),
		     0);
	UT_ASSERT_EQ(pthread_join(t, &ret), 0);
	UT_EXPECT_EQ((long)ret, 42);
}

static void *exit_with_value(void *arg)
{
	(void)arg;
	pthread_exit((void *)7);
}

UTEST(pthread_exit_value_reaches_join)
{
	pthread_t t;
	void *ret;

	UT_ASSERT_EQ(pthread_create(&t, NULL, exit_with_value, NULL), 0);
	UT_ASSERT_EQ(pthread_join(t, &ret), 0);
	UT_EXPECT_EQ((long)ret, 7);
}

static __thread long tls_value = 5;

static void *touch_tls(void *arg)
{
	tls_value += (long)arg;
	return (void *)tls_value;
}

UTEST(thread_local_storage_is_per_thread)
{
	pthread_t t[4];
	void *ret;

	for (long i = 0; i < 4; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, touch_tls,
					    (void *)(i * 10)),
			     0);
	for (long i = 0; i < 4; i++) {
		UT_ASSERT_EQ(pthread_join(t[i], &ret), 0);
		UT_EXPECT_EQ((long)ret, 5 + i * 10);
	}
	UT_EXPECT_EQ(tls_value, 5);
}

#define STRESS_THREADS 4
#define STRESS_ITERS 10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int cpu_seen[64];

static void *increment(void *arg)
{
	(void)arg;
	for (int i = 0; i < STRESS_ITERS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		if ((i & 1023) == 0) {
			int cpu = sched_getcpu();

			if (cpu >= 0 && cpu < 64)
				cpu_seen[cpu] = 1;
		}
	}
	return NULL;
}

UTEST(mutex_protects_a_counter_under_contention)
{
	pthread_t t[STRESS_THREADS];
	int cpus = 0;

	for (int i = 0; i < STRESS_THREADS; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, increment, NULL), 0);
	for (int i = 0; i < STRESS_THREADS; i++)
		UT_ASSERT_EQ(pthread_join(t[i], NULL), 0);
	UT_EXPECT_EQ(counter, STRESS_THREADS * STRESS_ITERS);
	for (int i = 0; i < 64; i++)
		cpus += cpu_seen[i];
	printf("    # threads ran on %d of %ld CPUs\n", cpus,
	       sysconf(_SC_NPROCESSORS_ONLN));
}

static long racy;

static void *increment_atomic(void *arg)
{
	(void)arg;
	for (int i = 0; i < STRESS_ITERS; i++)
		__atomic_fetch_add(&racy, 1, __ATOMIC_RELAXED);
	return NULL;
}

UTEST(atomics_across_threads_add_up)
{
	pthread_t t[STRESS_THREADS];

	for (int i = 0; i < STRESS_THREADS; i++)
		UT_ASSERT_EQ(
			pthread_create(&t[i], NULL, increment_atomic, NULL), 0);
	for (int i = 0; i < STRESS_THREADS; i++)
		pthread_join(t[i], NULL);
	UT_EXPECT_EQ(racy, STRESS_THREADS * STRESS_ITERS);
}

#define QLEN 8
#define ITEMS 2000

static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static int queue[QLEN], qhead, qcount;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (qcount == QLEN)
			pthread_cond_wait(&not_full, &lock);
		queue[(qhead + qcount++) % QLEN] = i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long sum = 0;
	int expect = 1, in_order = 1;

	(void)arg;
	for (int i = 0; i < ITEMS; i++) {
		int v;

		pthread_mutex_lock(&lock);
		while (qcount == 0)
			pthread_cond_wait(&not_empty, &lock);
		v = queue[qhead];
		qhead = (qhead + 1) % QLEN;
		qcount--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&lock);
		in_order &= v == expect++;
		sum += v;
	}
	return (void *)(in_order ? sum : -1);
}

UTEST(condvar_producer_consumer_passes_every_item_in_order)
{
	pthread_t p, c;
	void *sum;

	UT_ASSERT_EQ(pthread_create(&c, NULL, consumer, NULL), 0);
	UT_ASSERT_EQ(pthread_create(&p, NULL, producer, NULL), 0);
	UT_ASSERT_EQ(pthread_join(p, NULL), 0);
	UT_ASSERT_EQ(pthread_join(c, &sum), 0);
	UT_EXPECT_EQ((long)sum, (long)ITEMS * (ITEMS + 1) / 2);
}

UTEST(condvar_timedwait_times_out)
{
	struct timespec ts;
	long long t0 = ut_now_ns();

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 30 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&lock);
	UT_EXPECT_EQ(pthread_cond_timedwait(&not_empty, &lock, &ts), ETIMEDOUT);
	pthread_mutex_unlock(&lock);
	UT_EXPECT_GE(ut_now_ns() - t0, 25 * 1000 * 1000);
}

static pthread_barrier_t barrier;
static volatile int before_barrier;

static void *barrier_fn(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&before_barrier, 1, __ATOMIC_SEQ_CST);
	pthread_barrier_wait(&barrier);
	/* Everyone arrived before anyone left. */
	return (void *)(long)before_barrier;
}

UTEST(barrier_releases_all_at_once)
{
	pthread_t t[4];
	void *seen;

	UT_ASSERT_EQ(pthread_barrier_init(&barrier, NULL, 4), 0);
	for (int i = 0; i < 4; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, barrier_fn, NULL), 0);
	for (int i = 0; i < 4; i++) {
		UT_ASSERT_EQ(pthread_join(t[i], &seen), 0);
		UT_EXPECT_EQ((long)seen, 4);
	}
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value;

static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_wrlock(&rw);
		rw_value++;
		rw_value++;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void *rw_reader(void *arg)
{
	long odd = 0;

	(void)arg;
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_rdlock(&rw);
		odd += rw_value & 1;
		pthread_rwlock_unlock(&rw);
	}
	return (void *)odd;
}

UTEST(rwlock_readers_never_see_half_updates)
{
	pthread_t w[2], r[2];
	void *odd;

	for (int i = 0; i < 2; i++) {
		UT_ASSERT_EQ(pthread_create(&w[i], NULL, rw_writer, NULL), 0);
		UT_ASSERT_EQ(pthread_create(&r[i], NULL, rw_reader, NULL), 0);
	}
	for (int i = 0; i < 2; i++) {
		pthread_join(w[i], NULL);
		pthread_join(r[i], &odd);
		UT_EXPECT_EQ((long)odd, 0);
	}
	UT_EXPECT_EQ(rw_value, 8000);
}

static sem_t sem;

static void *sem_poster(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++)
		sem_post(&sem);
	return NULL;
}

UTEST(semaphore_counts_posts)
{
	pthread_t t[2];
	struct timespec ts;

	UT_ASSERT_EQ(sem_init(&sem, 0, 0), 0);
	for (int i = 0; i < 2; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, sem_poster, NULL), 0);
	for (int i = 0; i < 200; i++)
		UT_ASSERT_EQ(sem_wait(&sem), 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	UT_EXPECT_ERRNO(sem_trywait(&sem), EAGAIN);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	UT_EXPECT_ERRNO(sem_timedwait(&sem, &ts), ETIMEDOUT);
}

static void *block_in_read(void *arg)
{
	char b;

	read(*(int *)arg, &b, 1);
	return (void *)1;
}

UTEST(cancel_interrupts_a_blocked_read)
{
	pthread_t t;
	int fds[2];
	void *ret;

	UT_ASSERT_EQ(pipe(fds), 0);
	UT_ASSERT_EQ(pthread_create(&t, NULL, block_in_read, &fds[0]), 0);
	usleep(20000);
	UT_ASSERT_EQ(pthread_cancel(t), 0);
	UT_ASSERT_EQ(pthread_join(t, &ret), 0);
	UT_EXPECT(ret == PTHREAD_CANCELED);
}

static volatile int usr1_tid;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_tid = gettid();
}

static void *wait_for_signal(void *arg)
{
	long long end = ut_now_ns() + 10000000000LL;

	*(volatile int *)arg = gettid();
	while (!usr1_tid && ut_now_ns() < end)
		usleep(1000);
	return NULL;
}

UTEST(pthread_kill_targets_one_thread)
{
	static volatile int tid;
	pthread_t t;

	signal(SIGUSR1, on_usr1);
	UT_ASSERT_EQ(pthread_create(&t, NULL, wait_for_signal, (void *)&tid),
		     0);
	while (!tid)
		usleep(1000);
	UT_ASSERT_EQ(pthread_kill(t, SIGUSR1), 0);
	pthread_join(t, NULL);
	UT_EXPECT_EQ(usr1_tid, tid);
	UT_EXPECT(tid != getpid());
}

static void *noop(void *arg)
{
	return arg;
}

UTEST(many_threads_and_detached_ones)
{
	pthread_t t[64];
	pthread_attr_t attr;

	for (long i = 0; i < 64; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, noop, (void *)i), 0);
	for (long i = 0; i < 64; i++) {
		void *ret;

		UT_ASSERT_EQ(pthread_join(t[i], &ret), 0);
		UT_EXPECT_EQ((long)ret, i);
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 16; i++)
		UT_ASSERT_EQ(pthread_create(&t[i], &attr, noop, NULL), 0);
	usleep(20000);
}

static void *use_big_stack(void *arg)
{
	volatile char buf[512 * 1024];

	buf[0] = 1;
	buf[sizeof(buf) - 1] = 2;
	(void)arg;
	return (void *)(long)(buf[0] + buf[sizeof(buf) - 1]);
}

UTEST(stack_size_attribute_is_honoured)
{
	pthread_attr_t attr;
	pthread_t t;
	void *ret;

	pthread_attr_init(&attr);
	UT_ASSERT_EQ(pthread_attr_setstacksize(&attr, 1 << 20), 0);
	UT_ASSERT_EQ(pthread_create(&t, &attr, use_big_stack, NULL), 0);
	UT_ASSERT_EQ(pthread_join(t, &ret), 0);
	UT_EXPECT_EQ((long)ret, 3);
}

static const struct utest tests[] = {
	UTEST_CASE(create_join_returns_the_thread_value),
	UTEST_CASE(pthread_exit_value_reaches_join),
	UTEST_CASE(thread_local_storage_is_per_thread),
	UTEST_CASE(mutex_protects_a_counter_under_contention),
	UTEST_CASE(atomics_across_threads_add_up),
	UTEST_CASE(condvar_producer_consumer_passes_every_item_in_order),
	UTEST_CASE(condvar_timedwait_times_out),
	UTEST_CASE(barrier_releases_all_at_once),
	UTEST_CASE(rwlock_readers_never_see_half_updates),
	UTEST_CASE(semaphore_counts_posts),
	UTEST_CASE(cancel_interrupts_a_blocked_read),
	UTEST_CASE(pthread_kill_targets_one_thread),
	UTEST_CASE(many_threads_and_detached_ones),
	UTEST_CASE(stack_size_attribute_is_honoured),
};

int main(void)
{
	return utest_main("pthread", tests, ARRAY_SIZE(tests));
}
