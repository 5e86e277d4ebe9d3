#ifndef _KERNEL_FUTEX_FUTEX_H
#define _KERNEL_FUTEX_FUTEX_H

/*
 * Futex internals.  A waiter is a struct futex_q on its own stack,
 * queued on the hash bucket of its futex_key; wakers find it there by
 * key.  The bucket lock orders "waiter checked the value and queued"
 * against "waker changed the value, then looked for waiters", so no
 * wake-up is lost:
 *
 *	waiter                          waker
 *	lock(hb)                        *uaddr = new
 *	read *uaddr == val?             lock(hb)
 *	queue q, unlock(hb)             dequeue q, q->lock_ptr = NULL
 *	sleep while q->lock_ptr         unlock(hb), wake q->task
 */
#include <linux/futex.h>
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

/* Internal flags of an operation. */
#define FLAGS_SHARED 0x01 /* no FUTEX_PRIVATE_FLAG */
#define FLAGS_CLOCKRT 0x02 /* FUTEX_CLOCK_REALTIME */
#define FLAGS_HAS_TIMEOUT 0x04 /* restart_block carries a time */

/*
 * Which futex: the address space and the address; or, for a shared
 * futex (no FUTEX_PRIVATE_FLAG) in a MAP_SHARED mapping, mm NULL and
 * the physical address of the word, so every process mapping the page
 * finds the same waiters (get_futex_key).
 */
struct futex_key {
	struct mm_struct *mm;
	unsigned long address;
};

struct futex_hash_bucket {
	atomic_t waiters;
	spinlock_t lock;
	struct list_head chain;
};

/**
 * struct futex_q - one waiter
 * @list: in its bucket's chain
 * @task: the sleeper
 * @lock_ptr: its bucket's lock; NULL once a waker dequeued it
 * @key: the futex it waits on
 * @bitset: FUTEX_WAIT_BITSET's mask (all ones for FUTEX_WAIT)
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	spinlock_t *lock_ptr;
	struct futex_key key;
	u32 bitset;
};

int get_futex_key(u32 __user *uaddr, unsigned int flags, struct futex_key *key);
struct futex_hash_bucket *futex_hash(const struct futex_key *key);

static inline bool futex_match(const struct futex_key *a,
			       const struct futex_key *b)
{
	return a->mm == b->mm && a->address == b->address;
}

int futex_get_value_locked(u32 *dest, u32 __user *from);
int fault_in_user_writeable(u32 __user *uaddr);
void futex_q_lock(struct futex_q *q, struct futex_hash_bucket *hb);
void futex_q_unlock(struct futex_hash_bucket *hb);
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
void __futex_unqueue(struct futex_q *q);
int futex_unqueue(struct futex_q *q);
void futex_wake_mark(struct futex_q *q);
void double_lock_hb(struct futex_hash_bucket *hb1,
		    struct futex_hash_bucket *hb2);
void double_unlock_hb(struct futex_hash_bucket *hb1,
		      struct futex_hash_bucket *hb2);

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
	       ktime_t *abs_time, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, int op);
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval);

#endif /* _KERNEL_FUTEX_FUTEX_H */
