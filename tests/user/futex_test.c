/*
 * futex(2): WAIT/WAKE, timeouts, bitsets, REQUEUE/CMP_REQUEUE, private
 * and shared futexes, and the argument errors.
 */
#include "ut_util.h"
#include <limits.h>
#include <pthread.h>

static long futex(int *uaddr, int op, int val, const struct timespec *ts,
		  int *uaddr2, int val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static int word, word2;
static volatile int waiting, woken;

struct waiter {
	int *addr;
	int op;
	unsigned int bitset;
	long ret;
};

static void *waiter_fn(void *arg)
{
	struct waiter *w = arg;

	__atomic_fetch_add(&waiting, 1, __ATOMIC_SEQ_CST);
	if (w->op == FUTEX_WAIT_BITSET)
		w->ret = futex(w->addr, FUTEX_WAIT_BITSET, 0, NULL, NULL,
			       w->bitset);
	else
		w->ret = futex(w->addr, w->op, 0, NULL, NULL, 0);
	__atomic_fetch_add(&woken, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Start @n threads waiting on @addr (value 0) and let them fall asleep. */
static void start_waiters(pthread_t *t, struct waiter *w, int n, int *addr,
			  int op, unsigned int bitset)
{
	long long end = ut_now_ns() + 10000000000LL;

	for (int i = 0; i < n; i++) {
		w[i].addr = addr;
		w[i].op = op;
		w[i].bitset = bitset;
		UT_ASSERT_EQ(pthread_create(&t[i], NULL, waiter_fn, &w[i]), 0);
	}
	while (waiting < n && ut_now_ns() < end)
		usleep(1000);
	UT_ASSERT_EQ(waiting, n);
	usleep(100 * 1000); /* from "about to wait" to asleep */
}

/* Wake until @n waiters are gone (a safety net for failed cases). */
static void drain(int *addr, pthread_t *t, int n)
{
	while (woken < n) {
		futex(addr, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
		usleep(1000);
	}
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

UTEST(wait_with_other_value_fails_with_eagain)
{
	word = 5;
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0), EAGAIN);
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 4, NULL,
			      NULL, 0),
			EAGAIN);
}

UTEST(wait_times_out_with_etimedout)
{
	struct timespec ts = { 0, 30 * 1000 * 1000 };
	long long t0 = ut_now_ns();

	word = 0;
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 0, &ts, NULL, 0), ETIMEDOUT);
	UT_EXPECT_GE(ut_now_ns() - t0, 30 * 1000 * 1000);
	ts.tv_nsec = 1000000000;
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 0, &ts, NULL, 0), EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 0, &ts, NULL, 0), EINVAL);
}

UTEST(wait_bitset_absolute_timeout_on_both_clocks)
{
	struct timespec ts;

	word = 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET, 0, &ts, NULL,
			      FUTEX_BITSET_MATCH_ANY),
			ETIMEDOUT);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec -= 1; /* already past */
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME,
			      0, &ts, NULL, FUTEX_BITSET_MATCH_ANY),
			ETIMEDOUT);
}

UTEST(wake_returns_how_many_it_woke)
{
	pthread_t t[3];
	struct waiter w[3];

	word = 0;
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 0);
	start_waiters(t, w, 3, &word, FUTEX_WAIT, 0);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 1);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0), 2);
	drain(&word, t, 3);
	for (int i = 0; i < 3; i++)
		UT_EXPECT_EQ(w[i].ret, 0);
}

UTEST(private_wake_matches_private_wait)
{
	pthread_t t[2];
	struct waiter w[2];

	word = 0;
	start_waiters(t, w, 2, &word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX,
			   NULL, NULL, 0),
		     2);
	drain(&word, t, 2);
}

UTEST(shared_futex_wakes_another_process)
{
	int *shared = ut_shared(4096);
	struct timespec ts = { 10, 0 };
	long long end;
	long n = 0;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		shared[1] = 1;
		/* 0: woken; ETIMEDOUT would mean nobody woke us. */
		_exit(futex(&shared[0], FUTEX_WAIT, 0, &ts, NULL, 0) == 0 ? 0 :
									    1);
	}
	end = ut_now_ns() + 10000000000LL;
	while (!shared[1] && ut_now_ns() < end)
		usleep(1000);
	usleep(100 * 1000);
	/* Keep waking until the child is woken (it may not sleep yet). */
	while (n == 0 && ut_now_ns() < end) {
		n = futex(&shared[0], FUTEX_WAKE, 1, NULL, NULL, 0);
		if (!n)
			usleep(1000);
	}
	UT_EXPECT_EQ(n, 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(wait_bitset_wakes_only_matching_bits)
{
	pthread_t t[1];
	struct waiter w[1];

	word = 0;
	start_waiters(t, w, 1, &word, FUTEX_WAIT_BITSET, 0x1);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x2), 0);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x3), 1);
	drain(&word, t, 1);
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET, 0, NULL, NULL, 0),
			EINVAL);
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0),
			EINVAL);
}

UTEST(requeue_moves_waiters_to_the_second_futex)
{
	pthread_t t[3];
	struct waiter w[3];

	word = 0;
	word2 = 0;
	start_waiters(t, w, 3, &word, FUTEX_WAIT, 0);
	/* Wake 1, move up to 2 (val2 travels in the timeout slot). */
	UT_EXPECT_GE(futex(&word, FUTEX_REQUEUE, 1, (void *)2L, &word2, 0), 1);
	usleep(10000);
	UT_EXPECT_EQ(woken, 1);
	UT_EXPECT_EQ(futex(&word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0), 0);
	UT_EXPECT_EQ(futex(&word2, FUTEX_WAKE, INT_MAX, NULL, NULL, 0), 2);
	drain(&word2, t, 3);
}

UTEST(cmp_requeue_checks_the_value_first)
{
	pthread_t t[3];
	struct waiter w[3];

	word = 0;
	word2 = 0;
	start_waiters(t, w, 3, &word, FUTEX_WAIT, 0);
	UT_EXPECT_ERRNO(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)2L, &word2,
			      1),
			EAGAIN);
	UT_EXPECT_EQ(woken, 0);
	/* Woken + requeued. */
	UT_EXPECT_EQ(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)2L, &word2, 0),
		     3);
	UT_EXPECT_EQ(futex(&word2, FUTEX_WAKE, INT_MAX, NULL, NULL, 0), 2);
	drain(&word2, t, 3);
	UT_EXPECT_ERRNO(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)-1L, &word2,
			      0),
			EINVAL);
}

static void on_usr1(int sig)
{
	(void)sig;
}

UTEST(signal_interrupts_wait_with_eintr)
{
	struct sigaction sa;
	long r;
	int err;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	word = 0;
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		usleep(30000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	errno = 0;
	r = futex(&word, FUTEX_WAIT, 0, NULL, NULL, 0);
	err = errno;
	ut_wait(pid);
	UT_EXPECT_EQ(r, -1);
	UT_EXPECT_EQ(err, EINTR);
}

UTEST(bad_addresses_and_ops)
{
	UT_EXPECT_ERRNO(futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	UT_EXPECT_ERRNO(futex(UT_KERNEL_PTR, FUTEX_WAIT, 0, NULL, NULL, 0),
			EFAULT);
	UT_EXPECT_ERRNO(futex(ut_unmapped(), FUTEX_WAIT, 0, NULL, NULL, 0),
			EFAULT);
	UT_EXPECT_ERRNO(futex((int *)((char *)&word + 1), FUTEX_WAIT, 0, NULL,
			      NULL, 0),
			EINVAL);
	UT_EXPECT_ERRNO(futex(&word, 99, 0, NULL, NULL, 0), ENOSYS);
	word = 0;
	UT_EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 0, UT_KERNEL_PTR, NULL, 0),
			EFAULT);
}

static const struct utest tests[] = {
	UTEST_CASE(wait_with_other_value_fails_with_eagain),
	UTEST_CASE(wait_times_out_with_etimedout),
	UTEST_CASE(wait_bitset_absolute_timeout_on_both_clocks),
	UTEST_CASE(wake_returns_how_many_it_woke),
	UTEST_CASE(private_wake_matches_private_wait),
	UTEST_CASE(shared_futex_wakes_another_process),
	UTEST_CASE(wait_bitset_wakes_only_matching_bits),
	UTEST_CASE(requeue_moves_waiters_to_the_second_futex),
	UTEST_CASE(cmp_requeue_checks_the_value_first),
	UTEST_CASE(signal_interrupts_wait_with_eintr),
	UTEST_CASE(bad_addresses_and_ops),
};

int main(void)
{
	return utest_main("futex", tests, ARRAY_SIZE(tests));
}
