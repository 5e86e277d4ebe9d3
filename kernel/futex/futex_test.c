/*
 * Futex tests.  The futex words live on test user pages
 * (include/ktest/user.h), so the whole path -- key, uaccess, hash
 * queue, sleep, wake -- runs as for a process; the waiters are kernel
 * threads, which all see those pages and share one (NULL) mm.
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/futex.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <ktest/test.h>
#include <ktest/threads.h>
#include <ktest/user.h>

#include "futex.h"

struct futex_waiters {
	u32 __user *uaddr[4]; /* waiter i waits on uaddr[i % 4] */
	u32 bitset[4];
	int op;
	ktime_t timeout; /* relative, 0 = none */
	bool catch_usr1;
};

static int futex_waiter(void *data, unsigned int i)
{
	struct futex_waiters *w = data;
	ktime_t t, *tp = NULL;
	u32 val;
	int ret;

	if (w->catch_usr1) {
		struct k_sigaction ka = {
			.sa = { .sa_handler = (__sighandler_t)0x1000 }
		};

		do_sigaction(SIGUSR1, &ka, NULL);
	}
	if (get_user(val, w->uaddr[i % 4]))
		return -EFAULT;
	if (w->timeout) {
		t = ktime_add(ktime_get(), w->timeout);
		tp = &t;
	}
	ret = do_futex(w->uaddr[i % 4], w->op, val, tp, NULL, 0,
		       w->bitset[i % 4] ? w->bitset[i % 4] :
					  FUTEX_BITSET_MATCH_ANY);
	flush_signals(current); /* or its idle loop could not sleep */
	return ret;
}

/* How many waiters sit on @uaddr's queue? */
static int queued_on(u32 __user *uaddr)
{
	struct futex_key key = { .mm = current->mm,
				 .address = (unsigned long)uaddr };
	struct futex_hash_bucket *hb = futex_hash(&key);
	struct futex_q *q;
	int n = 0;

	spin_lock(&hb->lock);
	list_for_each_entry(q, &hb->chain, list)
		n += futex_match(&q->key, &key);
	spin_unlock(&hb->lock);
	return n;
}

static bool wait_queued(u32 __user *uaddr, int n)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (queued_on(uaddr) == n)
			return true;
		schedule_timeout_uninterruptible(1);
	}
	return false;
}

static void futex_test_exit(struct ktest *test)
{
	ktest_user_unmap(test);
}

static void futex_test_errors(struct ktest *test)
{
	u32 __user *u = ktest_user_map(test, 1);
	u32 kword = 0;

	KTEST_EXPECT_EQ(test,
			do_futex((void __user *)u + 1, FUTEX_WAIT, 0, NULL,
				 NULL, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_futex((u32 __user *)&kword, FUTEX_WAIT, 0, NULL,
				 NULL, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(test,
			do_futex((u32 __user *)0x1000, FUTEX_WAIT, 0, NULL,
				 NULL, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAIT_BITSET, 0, NULL, NULL, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, do_futex(u, 99, 0, NULL, NULL, 0, 0), -ENOSYS);
	KTEST_EXPECT_EQ(test, do_futex(u, FUTEX_LOCK_PI, 0, NULL, NULL, 0, 0),
			-ENOSYS);
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL,
				 NULL, 0, 0),
			-ENOSYS);
	KTEST_EXPECT_EQ(test, do_futex(u, FUTEX_REQUEUE, -1, NULL, u + 1, 1, 0),
			-EINVAL);
	/* The value differs: EAGAIN at once. */
	KTEST_EXPECT_EQ(test, put_user(7, u), 0);
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAIT_PRIVATE, 6, NULL, NULL, 0, 0),
			-EAGAIN);
	KTEST_EXPECT_EQ(test, do_futex(u, FUTEX_WAKE, 1, NULL, NULL, 0, 0), 0);
	KTEST_EXPECT_EQ(test, queued_on(u), 0);
}

static void futex_test_timeouts(struct ktest *test)
{
	u32 __user *u = ktest_user_map(test, 1);
	ktime_t start = ktime_get(), t;

	t = ktime_add(start, 10 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, do_futex(u, FUTEX_WAIT, 0, &t, NULL, 0, 0),
			-ETIMEDOUT);
	KTEST_EXPECT_GE(test, ktime_get() - start, 10 * NSEC_PER_MSEC);
	/* WAIT_BITSET: absolute, on CLOCK_REALTIME if asked. */
	t = ktime_add(ktime_get_real(), 5 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0,
				 &t, NULL, 0, FUTEX_BITSET_MATCH_ANY),
			-ETIMEDOUT);
	t = ktime_get() - NSEC_PER_SEC; /* in the past */
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAIT_BITSET, 0, &t, NULL, 0,
				 FUTEX_BITSET_MATCH_ANY),
			-ETIMEDOUT);
	KTEST_EXPECT_EQ(test, queued_on(u), 0);
}

static void futex_test_wake_counts(struct ktest *test)
{
	struct futex_waiters w = { .op = FUTEX_WAIT_PRIVATE };
	u32 __user *u = ktest_user_map(test, 1);
	struct ktest_threads g;
	unsigned int i;

	for (i = 0; i < 4; i++)
		w.uaddr[i] = u;
	ktest_threads_start(test, &g, futex_waiter, &w, 3, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(u, 3));
	/* Private and shared futexes are keyed alike (futex.h). */
	KTEST_EXPECT_EQ(
		test, do_futex(u, FUTEX_WAKE_PRIVATE, 2, NULL, NULL, 0, 0), 2);
	KTEST_EXPECT_EQ(test, queued_on(u), 1);
	KTEST_EXPECT_EQ(test, do_futex(u, FUTEX_WAKE, 10, NULL, NULL, 0, 0), 1);
	ktest_threads_wait(test, &g);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(test, g.slots[i].result, 0);
}

static void futex_test_bitset_selects_waiters(struct ktest *test)
{
	struct futex_waiters w = { .op = FUTEX_WAIT_BITSET };
	u32 __user *u = ktest_user_map(test, 1);
	struct ktest_threads g;
	unsigned int i;

	for (i = 0; i < 4; i++)
		w.uaddr[i] = u;
	w.bitset[0] = 1;
	w.bitset[1] = 2;
	ktest_threads_start(test, &g, futex_waiter, &w, 2, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(u, 2));
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAKE_BITSET, 5, NULL, NULL, 0, 2), 1);
	schedule_timeout_uninterruptible(2);
	KTEST_EXPECT_TRUE(test, READ_ONCE(g.slots[1].done));
	KTEST_EXPECT_FALSE(test, READ_ONCE(g.slots[0].done));
	KTEST_EXPECT_EQ(test,
			do_futex(u, FUTEX_WAKE_BITSET, 5, NULL, NULL, 0,
				 FUTEX_BITSET_MATCH_ANY),
			1);
	ktest_threads_wait(test, &g);
}

static void futex_test_cmp_requeue(struct ktest *test)
{
	struct futex_waiters w = { .op = FUTEX_WAIT };
	u32 __user *a = ktest_user_map(test, 1);
	u32 __user *b = a + 16;
	struct ktest_threads g;
	unsigned int i;

	for (i = 0; i < 4; i++)
		w.uaddr[i] = a;
	put_user(3, a);
	ktest_threads_start(test, &g, futex_waiter, &w, 3, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(a, 3));
	/* The value moved on: nothing happens. */
	KTEST_EXPECT_EQ(test, do_futex(a, FUTEX_CMP_REQUEUE, 1, NULL, b, 1, 4),
			-EAGAIN);
	KTEST_EXPECT_EQ(test, queued_on(a), 3);
	/* Wake one, move one, leave one. */
	KTEST_EXPECT_EQ(test, do_futex(a, FUTEX_CMP_REQUEUE, 1, NULL, b, 1, 3),
			2);
	KTEST_EXPECT_EQ(test, queued_on(a), 1);
	KTEST_EXPECT_EQ(test, queued_on(b), 1);
	/* Plain requeue of the rest with nothing woken. */
	KTEST_EXPECT_EQ(test, do_futex(a, FUTEX_REQUEUE, 0, NULL, b, 5, 0), 1);
	KTEST_EXPECT_EQ(test, queued_on(b), 2);
	KTEST_EXPECT_EQ(test, do_futex(b, FUTEX_WAKE, 5, NULL, NULL, 0, 0), 2);
	ktest_threads_wait(test, &g);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(test, g.slots[i].result, 0);
}

static void futex_test_wake_op(struct ktest *test)
{
	struct futex_waiters w = { .op = FUTEX_WAIT };
	u32 __user *a = ktest_user_map(test, 1);
	u32 __user *b = a + 16;
	struct ktest_threads g;
	u32 val;

	w.uaddr[0] = a;
	w.uaddr[1] = b;
	ktest_threads_start(test, &g, futex_waiter, &w, 2, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(a, 1) && wait_queued(b, 1));
	/* *b was 0: 0 == 0 holds, so b's waiter is woken too. */
	KTEST_EXPECT_EQ(test,
			do_futex(a, FUTEX_WAKE_OP, 1, NULL, b, 1,
				 FUTEX_OP(FUTEX_OP_SET, 5, FUTEX_OP_CMP_EQ, 0)),
			2);
	get_user(val, b);
	KTEST_EXPECT_EQ(test, val, 5);
	KTEST_EXPECT_EQ(
		test,
		do_futex(a, FUTEX_WAKE_OP, 1, NULL, b, 1,
			 FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 10)),
		0);
	get_user(val, b);
	KTEST_EXPECT_EQ(test, val, 6);
	KTEST_EXPECT_EQ(test,
			do_futex(a, FUTEX_WAKE_OP, 1, NULL, b, 1,
				 FUTEX_OP(7, 1, FUTEX_OP_CMP_GT, 10)),
			-ENOSYS);
	ktest_threads_wait(test, &g);
}

static void futex_test_signal_interrupts_wait(struct ktest *test)
{
	struct futex_waiters w = { .op = FUTEX_WAIT, .catch_usr1 = true };
	u32 __user *u = ktest_user_map(test, 1);
	struct ktest_threads g;
	unsigned int i;

	for (i = 0; i < 4; i++)
		w.uaddr[i] = u;
	ktest_threads_start(test, &g, futex_waiter, &w, 1, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(u, 1));
	send_sig(SIGUSR1, g.slots[0].task, 1);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, g.slots[0].result, -ERESTARTSYS);
	KTEST_EXPECT_EQ(test, queued_on(u), 0);

	/* With a timeout it restarts through restart_syscall. */
	w.timeout = 10 * NSEC_PER_SEC;
	ktest_threads_start(test, &g, futex_waiter, &w, 1, "futex_waiter");
	KTEST_ASSERT_TRUE(test, wait_queued(u, 1));
	send_sig(SIGUSR1, g.slots[0].task, 1);
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, g.slots[0].result, -ERESTART_RESTARTBLOCK);
}

static void futex_test_robust_list_owner_died(struct ktest *test)
{
	struct robust_list_head __user *head = ktest_user_map(test, 1);
	struct robust_list __user *e1 = (void __user *)head + 64;
	struct robust_list __user *e2 = (void __user *)head + 128;
	u32 __user *f1 = (void __user *)e1 + 8; /* futex_offset 8 */
	u32 __user *f2 = (void __user *)e2 + 8;
	u32 v1, v2;

	/* head -> e1 -> e2 -> head; we own f1 (with waiters), not f2. */
	put_user((void __user *)e1, &head->list.next);
	put_user(8L, &head->futex_offset);
	put_user((void __user *)e2, &e1->next);
	put_user((void __user *)&head->list, &e2->next);
	put_user((u32)current->pid | FUTEX_WAITERS, f1);
	put_user(12345u, f2);
	current->robust_list = head;
	futex_exit_release(current);
	get_user(v1, f1);
	get_user(v2, f2);
	KTEST_EXPECT_EQ(test, v1, FUTEX_OWNER_DIED | FUTEX_WAITERS);
	KTEST_EXPECT_EQ(test, v2, 12345);
	KTEST_EXPECT_NULL(test, current->robust_list);

	/* A circular list without the head ends at the limit. */
	put_user((void __user *)e1, &e2->next);
	current->robust_list = head;
	futex_exit_release(current);
	KTEST_EXPECT_NULL(test, current->robust_list);
}

static struct ktest_case futex_test_cases[] = {
	KTEST_CASE(futex_test_errors),
	KTEST_CASE(futex_test_timeouts),
	KTEST_CASE(futex_test_wake_counts),
	KTEST_CASE(futex_test_bitset_selects_waiters),
	KTEST_CASE(futex_test_cmp_requeue),
	KTEST_CASE(futex_test_wake_op),
	KTEST_CASE(futex_test_signal_interrupts_wait),
	KTEST_CASE(futex_test_robust_list_owner_died),
	{}
};

static struct ktest_suite futex_test_suite = {
	.name = "futex",
	.exit = futex_test_exit,
	.test_cases = futex_test_cases,
};
ktest_suite(futex_test_suite);
