/*
 * FUTEX_WAIT, FUTEX_WAKE and their _BITSET forms, FUTEX_WAKE_OP.
 */
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <asm/barrier.h>
#include <asm/futex.h>

#include "futex.h"

/**
 * futex_wake - wake up to @nr_wake waiters on @uaddr whose bitset meets
 * @bitset.
 *
 * Process context.  Returns the number woken, -EINVAL (no bits,
 * misaligned) or -EFAULT.
 */
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_q *this, *next;
	struct futex_hash_bucket *hb;
	struct futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	if (!atomic_read(&hb->waiters))
		return 0;
	spin_lock(&hb->lock);
	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, &key) || !(this->bitset & bitset))
			continue;
		futex_wake_mark(this);
		if (++ret >= nr_wake)
			break;
	}
	spin_unlock(&hb->lock);
	return ret;
}

/*
 * Check *@uaddr == @val and queue @q, atomically with respect to
 * wakers (the bucket lock).  Returns 0 with @q queued, -EWOULDBLOCK if
 * the value differs, or an error.
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags,
			    struct futex_q *q)
{
	struct futex_hash_bucket *hb;
	u32 uval;
	int ret;

retry:
	ret = get_futex_key(uaddr, flags, &q->key);
	if (ret)
		return ret;
	hb = futex_hash(&q->key);
	futex_q_lock(q, hb);
	ret = futex_get_value_locked(&uval, uaddr);
	if (ret) {
		futex_q_unlock(hb);
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry; /* now present */
	}
	if (uval != val) {
		futex_q_unlock(hb);
		return -EWOULDBLOCK;
	}
	/* Sleepy before the waker can see us: no lost wake-up. */
	set_current_state(TASK_INTERRUPTIBLE);
	futex_queue(q, hb);
	return 0;
}

static long futex_wait_restart(struct restart_block *restart);

/**
 * futex_wait - sleep on @uaddr while it holds @val.
 * @flags: FLAGS_SHARED, FLAGS_CLOCKRT (@abs_time is CLOCK_REALTIME)
 * @abs_time: absolute timeout, or NULL
 * @bitset: the wakers it listens to
 *
 * Process context.  Returns 0 when woken, -EAGAIN when the value
 * differed, -ETIMEDOUT, -ERESTARTSYS (signal, no timeout: restarted
 * per SA_RESTART), -ERESTART_RESTARTBLOCK (signal with a timeout: the
 * restart keeps the same absolute expiry), -EINVAL or -EFAULT.
 */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
	       ktime_t *abs_time, u32 bitset)
{
	struct hrtimer_sleeper timeout, *to = NULL;
	struct restart_block *restart;
	struct futex_q q = { .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	if (abs_time) {
		to = &timeout;
		hrtimer_init_sleeper(to,
				     flags & FLAGS_CLOCKRT ? CLOCK_REALTIME :
							     CLOCK_MONOTONIC,
				     HRTIMER_MODE_ABS);
		hrtimer_set_expires(&to->timer, *abs_time);
	}
retry:
	ret = futex_wait_setup(uaddr, val, flags, &q);
	if (ret)
		goto out;
	if (to)
		hrtimer_start(&to->timer, hrtimer_get_expires(&to->timer),
			      HRTIMER_MODE_ABS);
	if (smp_load_acquire(&q.lock_ptr) && (!to || READ_ONCE(to->task)))
		schedule();
	__set_current_state(TASK_RUNNING);

	ret = 0;
	if (!futex_unqueue(&q))
		goto out; /* woken */
	ret = -ETIMEDOUT;
	if (to && !READ_ONCE(to->task))
		goto out;
	if (!signal_pending(current))
		goto retry; /* spurious */
	ret = -ERESTARTSYS;
	if (!abs_time)
		goto out;
	restart = &current->restart_block;
	restart->futex.uaddr = uaddr;
	restart->futex.val = val;
	restart->futex.time = *abs_time;
	restart->futex.bitset = bitset;
	restart->futex.flags = flags | FLAGS_HAS_TIMEOUT;
	restart->fn = futex_wait_restart;
	ret = -ERESTART_RESTARTBLOCK;
out:
	if (to)
		hrtimer_cancel(&to->timer);
	return ret;
}

static long futex_wait_restart(struct restart_block *restart)
{
	u32 __user *uaddr = restart->futex.uaddr;
	ktime_t t, *tp = NULL;

	if (restart->futex.flags & FLAGS_HAS_TIMEOUT) {
		t = restart->futex.time;
		tp = &t;
	}
	restart->fn = do_no_restart_syscall;
	return futex_wait(uaddr, restart->futex.flags & ~FLAGS_HAS_TIMEOUT,
			  restart->futex.val, tp, restart->futex.bitset);
}

/*
 * FUTEX_WAKE_OP's operation on *@uaddr: returns the old value's
 * comparison (0 or 1), -ENOSYS for an unknown op or comparison, or
 * -EFAULT.
 */
static int futex_atomic_op_inuser(unsigned int encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op & 0x70000000) >> 28;
	unsigned int cmp = (encoded_op & 0x0f000000) >> 24;
	int oparg = (int)(encoded_op << 8) >> 20; /* 12 bits, signed */
	int cmparg = (int)(encoded_op << 20) >> 20;
	u32 oldval, newval, cur;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31)
			oparg &= 31; /* as Linux, which warns */
		oparg = 1 << oparg;
	}
	if (get_user(oldval, uaddr))
		return -EFAULT;
	for (;;) {
		switch (op) {
		case FUTEX_OP_SET:
			newval = oparg;
			break;
		case FUTEX_OP_ADD:
			newval = oldval + oparg;
			break;
		case FUTEX_OP_OR:
			newval = oldval | oparg;
			break;
		case FUTEX_OP_ANDN:
			newval = oldval & ~oparg;
			break;
		case FUTEX_OP_XOR:
			newval = oldval ^ oparg;
			break;
		default:
			return -ENOSYS;
		}
		if (futex_atomic_cmpxchg_inatomic(&cur, uaddr, oldval, newval))
			return -EFAULT;
		if (cur == oldval)
			break;
		oldval = cur;
	}
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return (int)oldval == cmparg;
	case FUTEX_OP_CMP_NE:
		return (int)oldval != cmparg;
	case FUTEX_OP_CMP_LT:
		return (int)oldval < cmparg;
	case FUTEX_OP_CMP_LE:
		return (int)oldval <= cmparg;
	case FUTEX_OP_CMP_GT:
		return (int)oldval > cmparg;
	case FUTEX_OP_CMP_GE:
		return (int)oldval >= cmparg;
	default:
		return -ENOSYS;
	}
}

static int wake_matching(struct futex_hash_bucket *hb,
			 const struct futex_key *key, int nr)
{
	struct futex_q *this, *next;
	int woken = 0;

	if (nr <= 0)
		return 0;
	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, key))
			continue;
		futex_wake_mark(this);
		if (++woken >= nr)
			break;
	}
	return woken;
}

/**
 * futex_wake_op - apply @op to *@uaddr2, wake @nr_wake waiters on
 * @uaddr1 and, if the op's comparison held, @nr_wake2 on @uaddr2.
 *
 * The op runs with both buckets locked, so waiters cannot slip between
 * it and the wake-ups.  Returns the number woken or -errno.
 */
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, int op)
{
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	int ret, op_ret;

	ret = get_futex_key(uaddr1, flags, &key1);
	if (!ret)
		ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
retry:
	double_lock_hb(hb1, hb2);
	op_ret = futex_atomic_op_inuser(op, uaddr2);
	if (op_ret < 0) {
		double_unlock_hb(hb1, hb2);
		if (op_ret != -EFAULT)
			return op_ret;
		if (fault_in_user_writeable(uaddr2))
			return -EFAULT;
		goto retry;
	}
	ret = wake_matching(hb1, &key1, nr_wake);
	if (op_ret > 0)
		ret += wake_matching(hb2, &key2, nr_wake2);
	double_unlock_hb(hb1, hb2);
	return ret;
}
