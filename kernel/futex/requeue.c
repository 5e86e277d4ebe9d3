/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: wake some waiters of one futex
 * and move others, without waking them, to another (a condition
 * variable's broadcast moves its waiters to the mutex).  PI requeue is
 * not supported.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>

#include "futex.h"

/* Move @q from @hb1 to @hb2 and re-key it; both buckets locked. */
static void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
			  struct futex_hash_bucket *hb2,
			  const struct futex_key *key2)
{
	if (hb1 != hb2) {
		list_del(&q->list);
		list_add_tail(&q->list, &hb2->chain);
		atomic_dec(&hb1->waiters);
		atomic_inc(&hb2->waiters);
		q->lock_ptr = &hb2->lock;
	}
	q->key = *key2;
}

/**
 * futex_requeue - wake @nr_wake waiters of @uaddr1, move up to
 * @nr_requeue more to @uaddr2.
 * @cmpval: FUTEX_CMP_REQUEUE: fail with -EAGAIN unless *@uaddr1 is this
 *
 * Returns the number woken plus requeued, or -EINVAL (negative
 * counts, misaligned), -EFAULT or -EAGAIN.
 */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval)
{
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *this, *next;
	struct futex_key key1, key2;
	int ret, task_count = 0;
	u32 curval;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	ret = get_futex_key(uaddr1, flags, &key1);
	if (!ret)
		ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
retry:
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		ret = futex_get_value_locked(&curval, uaddr1);
		if (ret) {
			double_unlock_hb(hb1, hb2);
			if (get_user(curval, uaddr1))
				return -EFAULT;
			goto retry;
		}
		if (curval != *cmpval) {
			double_unlock_hb(hb1, hb2);
			return -EAGAIN;
		}
	}
	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&this->key, &key1))
			continue;
		if (++task_count <= nr_wake) {
			futex_wake_mark(this);
			continue;
		}
		requeue_futex(this, hb1, hb2, &key2);
	}
	double_unlock_hb(hb1, hb2);
	return task_count;
}
