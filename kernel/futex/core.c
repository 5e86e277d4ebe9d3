/*
 * Futex core: keys, the hash of wait queues, queueing, and the robust
 * lists that exit releases (FUTEX_OWNER_DIED).
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/barrier.h>
#include <asm/futex.h>

#include "futex.h"

#define FUTEX_HASH_BITS 8

static struct futex_hash_bucket futex_queues[1 << FUTEX_HASH_BITS];

static int __init futex_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		atomic_set(&futex_queues[i].waiters, 0);
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
	return 0;
}
core_initcall(futex_init);

/**
 * get_futex_key - the key of the futex word at @uaddr.
 * @flags: FLAGS_SHARED or not (keyed alike, see futex.h)
 *
 * Returns 0, -EINVAL for a misaligned address or -EFAULT for one
 * outside user space.
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags, struct futex_key *key)
{
	unsigned long address = (unsigned long)uaddr;

	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page;
	long got;

	if (address % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	key->mm = mm;
	key->address = address;
	if (!(flags & FLAGS_SHARED) || !mm)
		return 0;
	/*
	 * A shared futex in a MAP_SHARED mapping is the same word for every
	 * process that maps the page, at whatever address: key it by the
	 * physical page and the offset in it (mm NULL).  Pages are never
	 * swapped or migrated, so the page stays put while it is mapped.
	 * Private mappings keep the (mm, address) key, as on Linux.
	 */
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	if (!(vma->vm_flags & VM_SHARED)) {
		mmap_read_unlock(mm);
		return 0;
	}
	got = get_user_pages(address & PAGE_MASK, 1, 0, &page);
	mmap_read_unlock(mm);
	if (got != 1)
		return -EFAULT;
	key->mm = NULL;
	key->address = (page_to_pfn(page) << PAGE_SHIFT) | (address & ~PAGE_MASK);
	put_page(page);
	return 0;
}

/** futex_hash - the bucket of @key. */
struct futex_hash_bucket *futex_hash(const struct futex_key *key)
{
	u64 h = hash_64((u64)(unsigned long)key->mm ^ key->address,
			FUTEX_HASH_BITS);

	return &futex_queues[h];
}

/*
 * Read the futex word with the bucket lock held: the fault handler may
 * not sleep here, so a page not yet present is -EFAULT and the caller
 * retries after fault_in_user_readable.
 */
int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	return get_user(*dest, from);
}

/* Make @uaddr present and writable (no locks held).  0 or -EFAULT. */
int fault_in_user_writeable(u32 __user *uaddr)
{
	u32 val, cur;

	if (get_user(val, uaddr))
		return -EFAULT;
	return futex_atomic_cmpxchg_inatomic(&cur, uaddr, val, val);
}

/** futex_q_lock - lock @hb before checking the value and queueing @q. */
void futex_q_lock(struct futex_q *q, struct futex_hash_bucket *hb)
{
	atomic_inc(&hb->waiters); /* before the lock: futex_wake peeks */
	spin_lock(&hb->lock);
	q->lock_ptr = &hb->lock;
}

/** futex_q_unlock - undo futex_q_lock() without queueing. */
void futex_q_unlock(struct futex_hash_bucket *hb)
{
	spin_unlock(&hb->lock);
	atomic_dec(&hb->waiters);
}

/** futex_queue - enqueue @q (its bucket locked by futex_q_lock) and unlock. */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	q->task = current;
	list_add_tail(&q->list, &hb->chain);
	spin_unlock(&hb->lock);
}

/* Take @q off its bucket; the bucket lock held. */
void __futex_unqueue(struct futex_q *q)
{
	struct futex_hash_bucket *hb =
		container_of(q->lock_ptr, struct futex_hash_bucket, lock);

	list_del_init(&q->list);
	atomic_dec(&hb->waiters);
}

/**
 * futex_unqueue - the waiter leaves its queue, unless a waker took it.
 *
 * Returns 1 if @q was still queued (not woken), 0 if a waker had
 * dequeued it.  A requeue may move @q meanwhile: the lock is rechecked.
 */
int futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock_ptr;

retry:
	lock_ptr = smp_load_acquire(&q->lock_ptr);
	if (!lock_ptr)
		return 0;
	spin_lock(lock_ptr);
	if (unlikely(lock_ptr != q->lock_ptr)) {
		spin_unlock(lock_ptr);
		goto retry;
	}
	__futex_unqueue(q);
	spin_unlock(lock_ptr);
	return 1;
}

/**
 * futex_wake_mark - dequeue @q and wake its task; its bucket locked.
 *
 * Once lock_ptr is NULL the waiter may return and its futex_q vanish,
 * so the task is held by a reference of its own for the wake-up.
 */
void futex_wake_mark(struct futex_q *q)
{
	struct task_struct *p = q->task;

	get_task_struct(p);
	__futex_unqueue(q);
	smp_store_release(&q->lock_ptr, NULL);
	wake_up_process(p);
	put_task_struct(p);
}

/** double_lock_hb - lock two buckets in address order (once if equal). */
void double_lock_hb(struct futex_hash_bucket *hb1,
		    struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2)
		swap(hb1, hb2);
	spin_lock(&hb1->lock);
	if (hb1 != hb2)
		spin_lock_nested(&hb2->lock, 1);
}

void double_unlock_hb(struct futex_hash_bucket *hb1,
		      struct futex_hash_bucket *hb2)
{
	spin_unlock(&hb1->lock);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
}

/* -- robust lists ---------------------------------------------------- */

/*
 * The owner @curr of the futex at @uaddr dies: mark it FUTEX_OWNER_DIED
 * (keeping FUTEX_WAITERS) and wake a waiter, who then owns a lock whose
 * state it must repair.  A pending lock operation with the word still
 * 0 may have a waiter that missed its wake-up: wake one.  Returns -1 to
 * stop walking the list (bad address).
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr,
			      bool pi, bool pending_op)
{
	u32 uval, nval, mval;

	if ((unsigned long)uaddr % sizeof(u32))
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	if (pending_op && !pi && !uval) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)curr->pid)
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval))
		return -1;
	if (nval != uval)
		goto retry; /* changed under us */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Read a list pointer; its low bit says "PI futex". */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *const __user *head,
			      bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * Walk current's robust list (at most ROBUST_LIST_LIMIT entries, so a
 * circular list cannot hang the exit) and release every futex it holds.
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, pip, next_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((void __user *)entry + futex_offset,
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((void __user *)pending + futex_offset, curr,
				   pip, true);
}

/**
 * futex_exit_release - @tsk (current) exits: release its robust futexes.
 *
 * Process context, before the address space goes.
 */
void futex_exit_release(struct task_struct *tsk)
{
	if (WARN_ON_ONCE(tsk != current))
		return;
	if (tsk->robust_list)
		exit_robust_list(tsk);
	tsk->robust_list = NULL;
}

/** futex_exec_release - the same when exec replaces the address space. */
void futex_exec_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
}

/**
 * futex_wake_tid - wake one waiter on a tid word that was just zeroed
 * (CLONE_CHILD_CLEARTID at thread exit: pthread_join).
 */
void futex_wake_tid(u32 __user *uaddr)
{
	futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
}
