/*
 * Sleeping with a timeout: the caller sets its state, a timer wakes it
 * when the time is up unless something else wakes it first.
 */
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/timer.h>

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout =
		container_of(t, struct process_timer, timer);

	wake_up_process(timeout->task);
}

/**
 * schedule_timeout - sleep until woken or @timeout jiffies have passed.
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT to sleep without a timer
 *
 * The caller sets the sleep state first (set_current_state); with
 * TASK_RUNNING this just yields.  Returns the jiffies left (0 when the
 * time ran out).  Process context, may sleep.
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = timeout + jiffies;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

/** schedule_timeout_interruptible - sleep interruptibly for @timeout jiffies. */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/** schedule_timeout_uninterruptible - sleep @timeout jiffies, no signals. */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/*
 * Sleeping delays (include/linux/delay.h).  A timeout of n jiffies ends
 * at the n-th tick from now, and the first of those may come at once:
 * one more jiffy makes the sleep at least @msecs long.
 */

/**
 * msleep - sleep at least @msecs milliseconds; signals do not end it.
 * @msecs: milliseconds
 *
 * Process context, may sleep.  Rounded up to jiffies (4 ms at HZ=250);
 * for shorter, precise sleeps use usleep_range().
 */
void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/**
 * msleep_interruptible - msleep() that a signal ends early.
 * @msecs: milliseconds
 *
 * Process context, may sleep.  Returns 0, or the milliseconds left when
 * a signal arrived.
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}

/**
 * usleep_range_state - sleep between @min and @max microseconds.
 * @min: the least, in microseconds
 * @max: the most the caller will accept (lets the timer be batched)
 * @state: TASK_UNINTERRUPTIBLE or TASK_IDLE
 *
 * Process context, may sleep.  On a high-resolution timer, so not
 * rounded to jiffies.
 */
void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state)
{
	struct hrtimer_sleeper t;

	might_sleep();
	if (max < min)
		max = min;
	hrtimer_init_sleeper(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start_range_ns(&t.timer, us_to_ktime(min),
			       (u64)(max - min) * NSEC_PER_USEC,
			       HRTIMER_MODE_REL);
	for (;;) {
		set_current_state(state);
		if (!READ_ONCE(t.task))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	hrtimer_cancel(&t.timer);
}
