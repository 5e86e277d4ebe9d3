/*
 * Kernel timers: struct timer_list on a per-CPU timer wheel
 * (timer_wheel.h explains the wheel), run from TIMER_SOFTIRQ (seed 001:
 * "定时器作为软中断在下半部中执行").
 *
 * Each CPU's timer_base has its own lock and clock (clk, the next
 * jiffy it has not processed).  The tick raises TIMER_SOFTIRQ only when
 * jiffies reaches next_expiry, the earliest pending bucket; the softirq
 * then moves clk forward to jiffies, running every bucket it passes.
 *
 * A timer is queued on the CPU that arms it.  Its flags say which base
 * it is on; TIMER_MIGRATING marks the moment it moves between bases,
 * so lock_timer_base() always locks the right one.
 */
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/hrtimer.h>
#include <linux/tick.h>
#include <linux/rcupdate.h>
#include <linux/timer.h>
#include <asm/processor.h>

#include "timer_wheel.h"

struct timer_base {
	raw_spinlock_t lock;
	struct timer_list *running_timer;
	unsigned long clk;
	unsigned long next_expiry;
	unsigned int cpu;
	u64 pending_map[LVL_DEPTH]; /* bit per bucket: 64 per level */
	struct hlist_head vectors[WHEEL_SIZE];
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static inline unsigned int timer_get_idx(const struct timer_list *timer)
{
	return (timer->flags & TIMER_ARRAYMASK) >> TIMER_ARRAYSHIFT;
}

static inline void timer_set_idx(struct timer_list *timer, unsigned int idx)
{
	timer->flags = (timer->flags & ~TIMER_ARRAYMASK) |
		       idx << TIMER_ARRAYSHIFT;
}

/**
 * init_timer_key - prepare @timer; use timer_setup().
 * @timer: the timer
 * @func: its callback
 * @flags: TIMER_DEFERRABLE, TIMER_PINNED, TIMER_IRQSAFE or 0
 */
void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *),
		    unsigned int flags)
{
	timer->entry.pprev = NULL;
	timer->entry.next = NULL;
	timer->function = func;
	timer->expires = 0;
	timer->flags = (flags & TIMER_INIT_FLAGS) | smp_processor_id();
}

static void enqueue_timer(struct timer_base *base, struct timer_list *timer,
			  unsigned int idx, unsigned long bucket_expiry)
{
	hlist_add_head(&timer->entry, base->vectors + idx);
	base->pending_map[idx / LVL_SIZE] |= 1ULL << (idx % LVL_SIZE);
	timer_set_idx(timer, idx);
	if (time_before(bucket_expiry, base->next_expiry))
		base->next_expiry = bucket_expiry;
}

static void internal_add_timer(struct timer_base *base,
			       struct timer_list *timer)
{
	unsigned long bucket_expiry;
	unsigned int idx;

	idx = calc_wheel_index(timer->expires, base->clk, &bucket_expiry);
	enqueue_timer(base, timer, idx, bucket_expiry);
}

/*
 * Take @timer off its bucket.  An emptied bucket leaves next_expiry
 * early at worst, which only costs one idle softirq run.
 */
static int detach_if_pending(struct timer_list *timer, struct timer_base *base)
{
	unsigned int idx;

	if (!timer_pending(timer))
		return 0;
	idx = timer_get_idx(timer);
	if (hlist_is_singular_node(&timer->entry, base->vectors + idx))
		base->pending_map[idx / LVL_SIZE] &=
			~(1ULL << (idx % LVL_SIZE));
	__hlist_del(&timer->entry);
	timer->entry.pprev = NULL;
	timer->entry.next = NULL;
	return 1;
}

/*
 * Lock the base @timer is on.  Its flags may change under us (it is
 * being moved): lock, check they did not, or try again.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer,
					  unsigned long *flags)
{
	for (;;) {
		u32 tf = READ_ONCE(timer->flags);
		struct timer_base *base;

		if (!(tf & TIMER_MIGRATING)) {
			base = per_cpu_ptr(&timer_bases, tf & TIMER_CPUMASK);
			spin_lock_irqsave(&base->lock, *flags);
			if (timer->flags == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/*
 * A base whose softirq has not run for a while still has an old clk;
 * bring it up to jiffies before computing a bucket, or a new timer
 * would land in a coarse level.  Never past next_expiry: the buckets
 * before it are empty, the ones after it must still come round.
 */
static void forward_timer_base(struct timer_base *base)
{
	unsigned long jnow = READ_ONCE(jiffies);

	if (!time_after(jnow, base->clk))
		return;
	if (time_after(base->next_expiry, jnow))
		base->clk = jnow;
	else
		base->clk = base->next_expiry;
}

#define MOD_TIMER_PENDING_ONLY 0x01
#define MOD_TIMER_REDUCE 0x02
#define MOD_TIMER_NOTPENDING 0x04

/*
 * Move @timer to this CPU's base, unless its callback is running on
 * its current base (del_timer_sync() must find it there).  Returns the
 * base, locked.  (Linux may pick another CPU for an unpinned timer when
 * this one is idle; without NO_HZ every timer stays with its armer.)
 */
static struct timer_base *switch_timer_base(struct timer_list *timer,
					    struct timer_base *base)
{
	struct timer_base *new_base = this_cpu_ptr(&timer_bases);

	if (base == new_base || base->running_timer == timer)
		return base;
	timer->flags |= TIMER_MIGRATING;
	spin_unlock(&base->lock);
	spin_lock(&new_base->lock);
	WRITE_ONCE(timer->flags,
		   (timer->flags & ~TIMER_BASEMASK) | new_base->cpu);
	forward_timer_base(new_base);
	return new_base;
}

static int __mod_timer(struct timer_list *timer, unsigned long expires,
		       unsigned int options)
{
	struct timer_base *base;
	unsigned long flags;
	int ret;

	if (!(options & MOD_TIMER_NOTPENDING) && timer_pending(timer)) {
		long diff = (long)(timer->expires - expires);

		if (!diff || ((options & MOD_TIMER_REDUCE) && diff <= 0))
			return 1;
	}
	base = lock_timer_base(timer, &flags);
	forward_timer_base(base);
	if ((options & MOD_TIMER_REDUCE) && timer_pending(timer) &&
	    time_before_eq(timer->expires, expires)) {
		ret = 1;
		goto out_unlock;
	}
	ret = detach_if_pending(timer, base);
	if (!ret && (options & MOD_TIMER_PENDING_ONLY))
		goto out_unlock;
	base = switch_timer_base(timer, base);
	timer->expires = expires;
	internal_add_timer(base, timer);
out_unlock:
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/**
 * mod_timer - (re)arm @timer to fire at @expires.
 * @timer: the timer
 * @expires: absolute time in jiffies
 *
 * Any context.  Returns 1 if @timer was pending, 0 if it was not.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, 0);
}

/**
 * mod_timer_pending - change the expiry of @timer only if it is pending.
 * @timer: the timer
 * @expires: absolute time in jiffies
 *
 * Returns 1 if it was pending (and is rearmed), 0 otherwise.
 */
int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_TIMER_PENDING_ONLY);
}

/**
 * timer_reduce - arm @timer for @expires, or keep it if it fires sooner.
 * @timer: the timer
 * @expires: absolute time in jiffies
 *
 * Returns 1 if @timer was pending, 0 if not.
 */
int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_TIMER_REDUCE);
}

/**
 * add_timer - arm @timer, which must not be pending, for timer->expires.
 * @timer: the timer
 *
 * Any context.
 */
void add_timer(struct timer_list *timer)
{
	if (WARN_ON_ONCE(timer_pending(timer)))
		return;
	__mod_timer(timer, timer->expires, MOD_TIMER_NOTPENDING);
}

/**
 * add_timer_on - arm @timer on the wheel of CPU @cpu.
 * @timer: the timer, not pending
 * @cpu: an online CPU
 */
void add_timer_on(struct timer_list *timer, int cpu)
{
	struct timer_base *new_base = per_cpu_ptr(&timer_bases, cpu);
	struct timer_base *base;
	unsigned long flags;

	if (WARN_ON_ONCE(timer_pending(timer)))
		return;
	base = lock_timer_base(timer, &flags);
	if (base != new_base) {
		timer->flags |= TIMER_MIGRATING;
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->flags,
			   (timer->flags & ~TIMER_BASEMASK) | (u32)cpu);
	}
	forward_timer_base(base);
	internal_add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
}

/**
 * del_timer - disarm @timer.
 * @timer: the timer
 *
 * Any context.  The callback may still be running on another CPU when
 * this returns; use del_timer_sync() to be sure it is not.  Returns 1
 * if @timer was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = 0;

	if (timer_pending(timer)) {
		base = lock_timer_base(timer, &flags);
		ret = detach_if_pending(timer, base);
		spin_unlock_irqrestore(&base->lock, flags);
	}
	return ret;
}

/**
 * try_to_del_timer_sync - disarm @timer unless its callback runs now.
 * @timer: the timer
 *
 * Returns 1 if it was pending, 0 if not, -1 if its callback is running
 * (it was not touched).
 */
int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_timer_base(timer, &flags);
	if (base->running_timer != timer)
		ret = detach_if_pending(timer, base);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/**
 * del_timer_sync - disarm @timer and wait until its callback is done.
 * @timer: the timer
 *
 * Not from hardirq context (unless TIMER_IRQSAFE), not from the
 * callback itself, and not holding a lock the callback takes: each
 * would wait forever.  With one CPU there is nothing to wait for.
 * Returns 1 if it was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret;

	WARN_ON(in_hardirq() && !(timer->flags & TIMER_IRQSAFE));
	do {
		ret = try_to_del_timer_sync(timer);
		if (ret < 0)
			cpu_relax();
	} while (ret < 0);
	return ret;
}

static void call_timer_fn(struct timer_list *timer,
			  void (*fn)(struct timer_list *))
{
	int count = preempt_count();

	fn(timer);
	if (WARN_ONCE(count != preempt_count(),
		      "timer: %pS preempt leak: %08x -> %08x\n", fn, count,
		      preempt_count()))
		preempt_count_set(count);
}

/*
 * Run the timers of one bucket; base->lock held, dropped around each
 * callback.  @clk is the wheel time being processed: a timer parked at
 * the wheel's horizon that is not due yet goes back in.
 */
static void expire_timers(struct timer_base *base, struct hlist_head *head,
			  unsigned long clk)
{
	while (!hlist_empty(head)) {
		struct timer_list *timer;
		void (*fn)(struct timer_list *);

		timer = hlist_entry(head->first, struct timer_list, entry);
		__hlist_del(&timer->entry);
		timer->entry.pprev = NULL;
		timer->entry.next = NULL;
		if (time_before(clk, timer->expires)) {
			internal_add_timer(base, timer);
			continue;
		}
		fn = timer->function;
		base->running_timer = timer;
		spin_unlock_irq(&base->lock);
		call_timer_fn(timer, fn);
		spin_lock_irq(&base->lock);
		base->running_timer = NULL;
	}
}

/*
 * Move the due buckets of wheel time base->clk to @heads: level 0
 * always, each next level while clk is a multiple of its granularity.
 * Returns how many levels it looked at.
 */
static unsigned int collect_expired_timers(struct timer_base *base,
					   struct hlist_head *heads)
{
	unsigned long clk = base->clk;
	unsigned int lvl, levels = 0;

	for (lvl = 0; lvl < LVL_DEPTH; lvl++) {
		unsigned int idx = LVL_OFFS(lvl) + (clk & LVL_MASK);
		u64 bit = 1ULL << (idx % LVL_SIZE);

		if (base->pending_map[lvl] & bit) {
			base->pending_map[lvl] &= ~bit;
			hlist_move_list(base->vectors + idx, heads + levels++);
		}
		if (clk & LVL_CLK_MASK)
			break;
		clk >>= LVL_CLK_SHIFT;
	}
	return levels;
}

static void __run_timers(struct timer_base *base)
{
	struct hlist_head heads[LVL_DEPTH];
	unsigned int levels;

	if (!time_after_eq(jiffies, READ_ONCE(base->next_expiry)))
		return;
	spin_lock_irq(&base->lock);
	while (time_after_eq(jiffies, base->clk) &&
	       time_after_eq(jiffies, base->next_expiry)) {
		unsigned long clk;

		/* Nothing is due before next_expiry: skip the empty ticks. */
		if (time_after(base->next_expiry, base->clk))
			base->clk = base->next_expiry;
		clk = base->clk;
		levels = collect_expired_timers(base, heads);
		base->clk++;
		base->next_expiry =
			wheel_next_expiry(base->pending_map, base->clk);
		while (levels--)
			expire_timers(base, heads + levels, clk);
	}
	spin_unlock_irq(&base->lock);
}

static void run_timer_softirq(struct softirq_action *h)
{
	__run_timers(this_cpu_ptr(&timer_bases));
}

/**
 * run_local_timers - the timer part of the tick.
 *
 * Hardirq context.  Runs expired hrtimers (unless they have their own
 * interrupt) and raises TIMER_SOFTIRQ when a bucket is due.
 */
void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);

	hrtimer_run_queues();
	if (time_after_eq(jiffies, READ_ONCE(base->next_expiry)))
		raise_softirq(TIMER_SOFTIRQ);
}

/**
 * update_process_times - the per-CPU work of every tick.
 * @user_tick: the tick interrupted user mode
 *
 * Hardirq context.  Process time accounting arrives with processes.
 */
void update_process_times(int user_tick)
{
	run_local_timers();
	rcu_sched_clock_irq(user_tick); /* a tick in user mode is quiescent */
	scheduler_tick();
}

/**
 * timers_prepare_cpu - set up @cpu's timer wheel.
 * @cpu: a CPU about to come online (the boot CPU: from init_timers())
 */
void timers_prepare_cpu(unsigned int cpu)
{
	struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);
	unsigned int i;

	spin_lock_init(&base->lock);
	base->cpu = cpu;
	base->clk = jiffies;
	base->next_expiry = base->clk + NEXT_TIMER_MAX_DELTA;
	base->running_timer = NULL;
	for (i = 0; i < WHEEL_SIZE; i++)
		INIT_HLIST_HEAD(base->vectors + i);
	for (i = 0; i < LVL_DEPTH; i++)
		base->pending_map[i] = 0;
}

/**
 * init_timers - set up the timer wheels and TIMER_SOFTIRQ.
 *
 * Boot CPU, irqs off.  A CPU brought up later needs
 * timers_prepare_cpu() before its first timer.
 */
void __init init_timers(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		timers_prepare_cpu(cpu);
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
