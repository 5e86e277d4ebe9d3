/*
 * might_sleep(): catch a sleeping function called where sleeping is not
 * allowed (seed 000: "might_sleep()：断言当前上下文允许 sleep"; seed 002:
 * CONFIG_DEBUG_ATOMIC_SLEEP).  Linux keeps this in kernel/sched/core.c.
 *
 * Sleeping needs a context switch, which is forbidden -- and would
 * deadlock or corrupt -- while preempt_count is non-zero (a spinlock
 * held, preemption disabled, in an interrupt) or with irqs off.  The
 * check runs on every call, not only when the call really blocks, so
 * the bug shows up on the first run.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>

#if CONFIG_DEBUG_ATOMIC_SLEEP

/* One report a second at most: a bug in a loop must not drown the log. */
static bool might_sleep_ratelimit(void)
{
	static unsigned long prev_jiffy;
	unsigned long now = jiffies;

	if (prev_jiffy && time_before(now, prev_jiffy + HZ))
		return true;
	prev_jiffy = now ? now : 1;
	return false;
}

static void report_atomic_sleep(const char *file, int line)
{
	warn_count++;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", preempt_count());
	debug_show_held_locks(current);
	dump_stack();
}

/**
 * __might_sleep - might_sleep(): complain if the caller may not sleep.
 * @file: source file of the might_sleep()
 * @line: its line
 *
 * Any context (that is the point).  Silent while the boot still runs
 * with irqs off and during an oops.
 */
void __might_sleep(const char *file, int line)
{
	unsigned int state = READ_ONCE(current->__state);

	/*
	 * A task that set a sleeping state and then blocks elsewhere
	 * loses that state to the inner sleep: the outer wait can miss
	 * its wake-up.
	 */
	WARN_ONCE(state != TASK_RUNNING,
		  "do not call blocking ops when !TASK_RUNNING; state=%x\n",
		  state);
	if (likely(!preempt_count() && !irqs_disabled()))
		return;
	if (early_boot_irqs_disabled || oops_in_progress)
		return;
	if (might_sleep_ratelimit())
		return;
	report_atomic_sleep(file, line);
}

#endif /* CONFIG_DEBUG_ATOMIC_SLEEP */
