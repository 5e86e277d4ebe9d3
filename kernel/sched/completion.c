/*
 * Completions (<linux/completion.h>) on top of a wait queue.
 *
 * Everything happens under the queue's lock: complete() counts one
 * more in @done and wakes one exclusive waiter; a waiter consumes one
 * from @done.  complete_all() sets @done to UINT_MAX, which waiters do
 * not consume, so it stays complete for everyone.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/**
 * complete - signal one waiter (or the next one to come).
 * @x: the completion
 *
 * Any context.  Waiters are released in the order they began waiting.
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all - signal every waiter, and every later one.
 * @x: the completion
 *
 * Any context.  Until reinit_completion(), waits on @x return at once.
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * Wait, lock held, until @done is non-zero, @timeout runs out, or a
 * signal @state admits arrives.  Returns the timeout left (at least 1
 * when completed), 0 on timeout, -ERESTARTSYS on a signal.
 */
static long do_wait_for_common(struct completion *x, long timeout, int state)
{
	DECLARE_WAITQUEUE(wait, current);

	if (x->done)
		goto done;
	__add_wait_queue_exclusive(&x->wait, &wait);
	do {
		if (signal_pending_state(state, current)) {
			timeout = -ERESTARTSYS;
			break;
		}
		__set_current_state(state);
		spin_unlock_irq(&x->wait.lock);
		timeout = schedule_timeout(timeout);
		spin_lock_irq(&x->wait.lock);
	} while (!x->done && timeout);
	__remove_wait_queue(&x->wait, &wait);
	if (!x->done)
		return timeout;
done:
	if (x->done != UINT_MAX)
		x->done--;
	return timeout ? timeout : 1;
}

static long wait_for_common(struct completion *x, long timeout, int state)
{
	might_sleep();
	spin_lock_irq(&x->wait.lock);
	timeout = do_wait_for_common(x, timeout, state);
	spin_unlock_irq(&x->wait.lock);
	return timeout;
}

/**
 * wait_for_completion - wait for complete() or complete_all().
 * @x: the completion
 *
 * Process context, may sleep; not interruptible.
 */
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_timeout - wait_for_completion() for at most @timeout.
 * @x: the completion
 * @timeout: in jiffies
 *
 * Returns 0 on timeout, otherwise the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_interruptible - wait, unless a signal comes first.
 * @x: the completion
 *
 * Returns 0, or -ERESTARTSYS if interrupted.
 */
int wait_for_completion_interruptible(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);

	return t == -ERESTARTSYS ? t : 0;
}

/**
 * wait_for_completion_interruptible_timeout - both of the above.
 * @x: the completion
 * @timeout: in jiffies
 *
 * Returns -ERESTARTSYS, 0 on timeout, or the jiffies left.
 */
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_INTERRUPTIBLE);
}

/**
 * wait_for_completion_killable - wait, unless a fatal signal comes.
 * @x: the completion
 *
 * Returns 0, or -ERESTARTSYS if killed.
 */
int wait_for_completion_killable(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);

	return t == -ERESTARTSYS ? t : 0;
}

/**
 * try_wait_for_completion - consume a completion without waiting.
 * @x: the completion
 *
 * Any context.  Returns true if one was available (and is now used).
 */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	if (!READ_ONCE(x->done))
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

/**
 * completion_done - has @x been completed and not yet consumed?
 * @x: the completion
 *
 * Any context.  True also means no one is waiting on @x any more.
 */
bool completion_done(struct completion *x)
{
	unsigned long flags;

	if (!READ_ONCE(x->done))
		return false;
	/* Let a complete() that is still waking its waiter finish. */
	spin_lock_irqsave(&x->wait.lock, flags);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return true;
}
