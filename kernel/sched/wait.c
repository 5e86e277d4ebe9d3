/*
 * Wait queues (seed 002: "等待队列"; the API is in <linux/wait.h>).
 *
 * The queue lock is taken with irqs saved: interrupt handlers wake
 * queues.  Plain waiters are queued at the head, exclusive ones at the
 * tail, so a wake-up reaches every plain waiter before it starts
 * counting exclusive ones:
 *
 *	head -> plain -> plain -> excl -> excl -> excl
 *	wake_up():       woken     woken   woken   (stop)
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/**
 * __init_waitqueue_head - set up an empty wait queue.
 * @wq_head: the queue
 * @name: its lock's name for lockdep
 * @key: its lock's lockdep class
 *
 * Use init_waitqueue_head(), which supplies a key per call site.
 */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	__raw_spin_lock_init(&wq_head->lock, name, key);
	INIT_LIST_HEAD(&wq_head->head);
}

/**
 * add_wait_queue - queue a plain waiter.
 * @wq_head: the queue
 * @wq_entry: the waiter
 *
 * Any context.  The caller sets its task state and sleeps itself.
 */
void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * add_wait_queue_exclusive - queue an exclusive waiter at the tail.
 * @wq_head: the queue
 * @wq_entry: the waiter
 */
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue_exclusive(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * remove_wait_queue - take a waiter off the queue.
 * @wq_head: the queue
 * @wq_entry: a waiter that is queued
 */
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__remove_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/*
 * Call the waiters' functions until @nr exclusive ones reported a
 * wake-up (@nr == 0: all of them).  A waiter that was already awake
 * does not count, so the wake-up goes on to the next.
 */
static void __wake_up_common(struct wait_queue_head *wq_head, unsigned int mode,
			     int nr, int wake_flags, void *key)
{
	struct wait_queue_entry *curr, *next;

	lockdep_assert_held(&wq_head->lock);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, wake_flags, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
}

/**
 * __wake_up - wake the waiters of a queue.
 * @wq_head: the queue
 * @mode: the task states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr: how many exclusive waiters to wake; 0 for all
 * @key: passed to the wake functions
 *
 * Any context.  Every plain waiter in @mode is woken.  Use it after
 * making the waiters' condition true: the queue lock orders the two.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_common(wq_head, mode, nr, 0, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * __wake_up_locked - __wake_up() for a caller holding the queue lock.
 * @wq_head: the queue
 * @mode: the task states to wake
 * @nr: how many exclusive waiters to wake; 0 for all
 */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr)
{
	__wake_up_common(wq_head, mode, nr, 0, NULL);
}

/**
 * __wake_up_locked_key - wake one exclusive waiter, passing @key.
 * @wq_head: the queue; the caller holds its lock
 * @mode: the task states to wake
 * @key: passed to the wake functions
 */
void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode,
			  void *key)
{
	__wake_up_common(wq_head, mode, 1, 0, key);
}

/**
 * default_wake_function - wake the entry's task.
 * @wq_entry: the waiter; ->private is its task
 * @mode: the task states to wake
 * @wake_flags: for try_to_wake_up()
 * @key: unused
 *
 * Returns 1 if the task was woken, 0 if it was not in @mode.
 */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int wake_flags, void *key)
{
	return try_to_wake_up(wq_entry->private, mode, wake_flags);
}

/*
 * Unlink and re-initialise @entry so that a lockless list_empty_careful()
 * seeing it empty also sees that we are done with it: the waiter's
 * stack frame may be gone right after.
 */
static void list_del_init_careful(struct list_head *entry)
{
	__list_del_entry(entry);
	WRITE_ONCE(entry->prev, entry);
	smp_store_release(&entry->next, entry);
}

/**
 * autoremove_wake_function - wake the task and unqueue its entry.
 * @wq_entry: the waiter
 * @mode: the task states to wake
 * @wake_flags: for try_to_wake_up()
 * @key: unused
 *
 * The function of DEFINE_WAIT() entries.  Returns as
 * default_wake_function().
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int wake_flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, wake_flags, key);

	if (ret)
		list_del_init_careful(&wq_entry->entry);
	return ret;
}

/**
 * init_wait_entry - set up an autoremove entry for current.
 * @wq_entry: the entry
 * @flags: 0 or WQ_FLAG_EXCLUSIVE
 */
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/**
 * prepare_to_wait - queue @wq_entry if needed and set current's state.
 * @wq_head: the queue
 * @wq_entry: current's entry (DEFINE_WAIT)
 * @state: TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE, ...
 *
 * Then test the condition, schedule() if false, and loop; finish_wait()
 * after.  The state is set under the queue lock, so a waker cannot
 * slip between it and the queueing.
 */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		__add_wait_queue(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_exclusive - prepare_to_wait() as an exclusive waiter.
 * @wq_head: the queue
 * @wq_entry: current's entry
 * @state: the sleep state
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		__add_wait_queue_exclusive(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_event - one pass of wait_event(): queue and set state.
 * @wq_head: the queue
 * @wq_entry: current's entry, flags set by init_wait_entry()
 * @state: the sleep state
 *
 * Returns 0, or -ERESTARTSYS if a signal is pending that @state lets
 * through; then the entry is unqueued instead.  An exclusive waiter
 * chosen by a wake-up was already unqueued by it: the caller tests its
 * condition before the return value, and returns success if the
 * wake-up brought what it waited for.  If not, it gave up its turn and
 * the next wake-up goes to another waiter.
 */
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (signal_pending_state(state, current)) {
		list_del_init(&wq_entry->entry);
		ret = -ERESTARTSYS;
	} else {
		if (list_empty(&wq_entry->entry)) {
			if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
				__add_wait_queue_entry_tail(wq_head, wq_entry);
			else
				__add_wait_queue(wq_head, wq_entry);
		}
		set_current_state(state);
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return ret;
}

/**
 * finish_wait - end a wait: back to TASK_RUNNING, entry unqueued.
 * @wq_head: the queue
 * @wq_entry: current's entry, queued or already removed by a wake-up
 */
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/*
	 * Unlocked test: an entry a wake-up removed stays empty (no one
	 * else queues it), and list_del_init_careful() published it
	 * empty last.
	 */
	if (!list_empty_careful(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

/**
 * woken_wake_function - wake function for wait_woken() loops.
 * @wq_entry: the waiter
 * @mode: the task states to wake
 * @wake_flags: for try_to_wake_up()
 * @key: unused
 *
 * Marks the entry woken before waking, so that a wake-up arriving
 * before wait_woken() sleeps is not lost.
 */
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			int wake_flags, void *key)
{
	/* Pairs with the barrier in wait_woken(). */
	smp_mb();
	wq_entry->flags |= WQ_FLAG_WOKEN;
	return default_wake_function(wq_entry, mode, wake_flags, key);
}

/**
 * wait_woken - sleep unless woken since the last call.
 * @wq_entry: current's entry, queued with woken_wake_function
 * @mode: the sleep state
 * @timeout: in jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * For loops whose condition cannot be tested with the task state set.
 * Returns the timeout left.
 */
long wait_woken(struct wait_queue_entry *wq_entry, unsigned int mode,
		long timeout)
{
	set_current_state(mode);
	if (!(wq_entry->flags & WQ_FLAG_WOKEN) &&
	    !signal_pending_state(mode, current))
		timeout = schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	/* Clearing WOKEN after the sleep: pairs with woken_wake_function(). */
	smp_store_mb(wq_entry->flags, wq_entry->flags & ~WQ_FLAG_WOKEN);
	return timeout;
}
