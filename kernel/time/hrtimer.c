/*
 * High-resolution timers (include/linux/hrtimer.h).
 *
 * Each CPU has a hrtimer_cpu_base with one red-black tree per clock
 * (monotonic, realtime, boottime), twice: for timers that expire in
 * hardirq context and for HRTIMER_MODE_SOFT ones that expire in
 * HRTIMER_SOFTIRQ.  The leftmost node of a tree is its next expiry.
 *
 * Low-resolution mode: the periodic tick calls hrtimer_run_queues(),
 * so timers fire on the first tick after they expire.  As soon as the
 * CPU's clock event device can do oneshot, that call switches to
 * high-resolution mode: the device is programmed for expires_next, the
 * earliest expiry of all trees, and hrtimer_interrupt() runs what is
 * due and programs the next one.  The tick itself becomes an hrtimer
 * (tick-sched.c).
 *
 * Realtime timers are kept in realtime; the base's offset converts to
 * the monotonic time the device is programmed in.
 */
#include <linux/bug.h>
#include <linux/clockchips.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/tick.h>
#include <linux/timekeeping.h>
#include <asm/processor.h>
#include <uapi/linux/time_types.h>

#include "posix-timers.h"
#include "tick-internal.h"

#define HRTIMER_SOFT_BASES 3 /* the soft bases follow the hard ones */

/* A timer-interrupt loop that keeps finding more work gives up after: */
#define HRTIMER_MAX_RETRIES 3

DEFINE_PER_CPU(struct hrtimer_cpu_base, hrtimer_bases);

/*
 * Where a timer points while it moves between CPUs: a base that is
 * never locked for long, so lock_hrtimer_base() waits for the move.
 */
static struct hrtimer_cpu_base migration_cpu_base;
static struct hrtimer_clock_base migration_base = {
	.cpu_base = &migration_cpu_base,
};

static bool hrtimer_hres_enabled = true;

static int __init setup_hrtimer_hres(char *str)
{
	if (!strcmp(str, "off"))
		hrtimer_hres_enabled = false;
	else if (!strcmp(str, "on"))
		hrtimer_hres_enabled = true;
	else
		return 0;
	return 1;
}
__setup("highres=", setup_hrtimer_hres);

static const struct {
	clockid_t clockid;
	ktime_t (*get_time)(void);
} base_clocks[HRTIMER_SOFT_BASES] = {
	[HRTIMER_BASE_MONOTONIC] = { CLOCK_MONOTONIC, ktime_get },
	[HRTIMER_BASE_REALTIME] = { CLOCK_REALTIME, ktime_get_real },
	[HRTIMER_BASE_BOOTTIME] = { CLOCK_BOOTTIME, ktime_get_boottime },
};

static int clockid_to_base(clockid_t clock_id)
{
	switch (clock_id) {
	case CLOCK_REALTIME:
		return HRTIMER_BASE_REALTIME;
	case CLOCK_BOOTTIME:
		return HRTIMER_BASE_BOOTTIME;
	case CLOCK_MONOTONIC:
		return HRTIMER_BASE_MONOTONIC;
	default:
		WARN(1, "Invalid clockid %d. Using MONOTONIC\n", clock_id);
		return HRTIMER_BASE_MONOTONIC;
	}
}

/**
 * hrtimer_hres_active - is this CPU in high-resolution mode?
 */
bool hrtimer_hres_active(void)
{
	return this_cpu_ptr(&hrtimer_bases)->hres_active;
}

/* The CLOCK_MONOTONIC time; refreshes the realtime bases' offset. */
static ktime_t hrtimer_update_base(struct hrtimer_cpu_base *cpu_base)
{
	ktime_t offs_real, now = ktime_get_update_offsets_now(&offs_real);

	cpu_base->clock_base[HRTIMER_BASE_REALTIME].offset = offs_real;
	cpu_base->clock_base[HRTIMER_BASE_REALTIME_SOFT].offset = offs_real;
	return now;
}

/* @timer's expiry on the monotonic clock the device runs on. */
static ktime_t hrtimer_mono_expires(const struct hrtimer *timer)
{
	return ktime_sub(timer->expires, timer->base->offset);
}

/*
 * Lock the base @timer is on: it may be moving, so check after taking
 * the lock that it did not leave meanwhile.
 */
static struct hrtimer_clock_base *lock_hrtimer_base(const struct hrtimer *timer,
						    unsigned long *flags)
{
	for (;;) {
		struct hrtimer_clock_base *base = READ_ONCE(timer->base);

		if (base != &migration_base) {
			spin_lock_irqsave(&base->cpu_base->lock, *flags);
			if (base == timer->base)
				return base;
			spin_unlock_irqrestore(&base->cpu_base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Queue @timer; true if it is now the first of its base. */
static bool enqueue_hrtimer(struct hrtimer *timer,
			    struct hrtimer_clock_base *base)
{
	struct rb_node **link = &base->active.rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		struct hrtimer *t = rb_entry(*link, struct hrtimer, node);

		parent = *link;
		if (timer->expires < t->expires) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right; /* equal: after, FIFO */
			leftmost = false;
		}
	}
	rb_link_node(&timer->node, parent, link);
	rb_insert_color_cached(&timer->node, &base->active, leftmost);
	base->cpu_base->active_bases |= 1U << base->index;
	WRITE_ONCE(timer->state, HRTIMER_STATE_ENQUEUED);
	return leftmost;
}

/* The earliest expiry, in monotonic time, of the bases in @mask. */
static ktime_t __hrtimer_get_next_event(struct hrtimer_cpu_base *cpu_base,
					unsigned int mask)
{
	unsigned int active = cpu_base->active_bases & mask;
	ktime_t next = KTIME_MAX;

	while (active) {
		unsigned int idx = __builtin_ctz(active);
		struct hrtimer_clock_base *base = &cpu_base->clock_base[idx];
		struct rb_node *first = rb_first_cached(&base->active);

		active &= active - 1;
		if (first) {
			struct hrtimer *t =
				rb_entry(first, struct hrtimer, node);

			next = min(next, hrtimer_mono_expires(t));
		}
	}
	return next;
}

/*
 * The time to program: the earliest hard expiry, or the earliest soft
 * one if sooner and HRTIMER_SOFTIRQ is not already on its way.
 */
static ktime_t hrtimer_update_next_event(struct hrtimer_cpu_base *cpu_base)
{
	ktime_t soft = KTIME_MAX, hard;

	if (!cpu_base->softirq_activated) {
		soft = __hrtimer_get_next_event(cpu_base, HRTIMER_ACTIVE_SOFT);
		cpu_base->softirq_expires_next = soft;
	}
	hard = __hrtimer_get_next_event(cpu_base, HRTIMER_ACTIVE_HARD);
	return min(soft, hard);
}

/* Recompute expires_next and program it; cpu_base->lock held. */
static void hrtimer_force_reprogram(struct hrtimer_cpu_base *cpu_base,
				    bool skip_equal)
{
	ktime_t expires_next = hrtimer_update_next_event(cpu_base);

	if (skip_equal && expires_next == cpu_base->expires_next)
		return;
	cpu_base->expires_next = expires_next;
	if (cpu_base->hres_active && !cpu_base->in_hrtirq)
		tick_program_event(expires_next, 1);
}

/*
 * @timer became the first of its base: program the device for it if
 * it is now the earliest of all.  Only for this CPU's base.
 */
static void hrtimer_reprogram(struct hrtimer *timer)
{
	struct hrtimer_cpu_base *cpu_base = timer->base->cpu_base;
	ktime_t expires = hrtimer_mono_expires(timer);

	if (expires < 0)
		expires = 0;
	if (timer->is_soft) {
		if (cpu_base->softirq_activated ||
		    expires >= cpu_base->softirq_expires_next)
			return;
		cpu_base->softirq_expires_next = expires;
	}
	if (expires >= cpu_base->expires_next)
		return;
	cpu_base->expires_next = expires;
	if (cpu_base->hres_active && !cpu_base->in_hrtirq)
		tick_program_event(expires, 1);
}

/* Unqueue @timer; reprogram if it was the next to expire here. */
static int remove_hrtimer(struct hrtimer *timer,
			  struct hrtimer_clock_base *base, bool reprogram)
{
	struct hrtimer_cpu_base *cpu_base = base->cpu_base;
	bool was_first;

	if (!(timer->state & HRTIMER_STATE_ENQUEUED))
		return 0;
	was_first = rb_first_cached(&base->active) == &timer->node;
	rb_erase_cached(&timer->node, &base->active);
	RB_CLEAR_NODE(&timer->node);
	WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
	if (RB_EMPTY_ROOT(&base->active.rb_root))
		cpu_base->active_bases &= ~(1U << base->index);
	if (reprogram && was_first && cpu_base == this_cpu_ptr(&hrtimer_bases))
		hrtimer_force_reprogram(cpu_base, true);
	return 1;
}

/*
 * Move @timer to this CPU's corresponding base, unless its callback is
 * running where it is (hrtimer_cancel() waits for it there).  Called
 * with the old base locked; returns the new base, locked.
 */
static struct hrtimer_clock_base *
switch_hrtimer_base(struct hrtimer *timer, struct hrtimer_clock_base *base)
{
	struct hrtimer_cpu_base *new_cpu_base = this_cpu_ptr(&hrtimer_bases);
	struct hrtimer_clock_base *new_base;

	new_base = &new_cpu_base->clock_base[base->index];
	if (new_base == base || base->running == timer)
		return base;
	WRITE_ONCE(timer->base, &migration_base);
	spin_unlock(&base->cpu_base->lock);
	spin_lock(&new_cpu_base->lock);
	WRITE_ONCE(timer->base, new_base);
	return new_base;
}

/**
 * hrtimer_init - prepare @timer for @clock_id.
 * @timer: the timer
 * @clock_id: CLOCK_MONOTONIC, CLOCK_REALTIME or CLOCK_BOOTTIME
 * @mode: HRTIMER_MODE_*; only HRTIMER_MODE_SOFT matters here
 */
void hrtimer_init(struct hrtimer *timer, clockid_t clock_id,
		  enum hrtimer_mode mode)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	int idx = clockid_to_base(clock_id);

	memset(timer, 0, sizeof(*timer));
	timer->is_soft = !!(mode & HRTIMER_MODE_SOFT);
	if (timer->is_soft)
		idx += HRTIMER_SOFT_BASES;
	timer->base = &cpu_base->clock_base[idx];
	RB_CLEAR_NODE(&timer->node);
}

/**
 * hrtimer_start_range_ns - (re)start @timer.
 * @timer: the timer
 * @tim: the expiry: absolute, or relative to now with HRTIMER_MODE_REL
 * @range_ns: allowed slack; ignored (timers fire at @tim)
 * @mode: HRTIMER_MODE_*
 *
 * Any context.  The timer moves to this CPU unless its callback is
 * running.
 */
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns,
			    const enum hrtimer_mode mode)
{
	struct hrtimer_clock_base *base;
	unsigned long flags;

	base = lock_hrtimer_base(timer, &flags);
	remove_hrtimer(timer, base, true);
	if (mode & HRTIMER_MODE_REL) {
		tim = ktime_add(tim, base->get_time());
		if (tim < 0) /* overflowed */
			tim = KTIME_MAX;
	}
	timer->is_rel = !!(mode & HRTIMER_MODE_REL);
	base = switch_hrtimer_base(timer, base);
	timer->expires = tim;
	if (enqueue_hrtimer(timer, base) &&
	    base->cpu_base == this_cpu_ptr(&hrtimer_bases))
		hrtimer_reprogram(timer);
	spin_unlock_irqrestore(&base->cpu_base->lock, flags);
}

/**
 * hrtimer_active - is @timer queued or its callback running?
 * @timer: the timer
 */
bool hrtimer_active(const struct hrtimer *timer)
{
	const struct hrtimer_clock_base *base = READ_ONCE(timer->base);

	return READ_ONCE(timer->state) != HRTIMER_STATE_INACTIVE ||
	       READ_ONCE(base->running) == timer;
}

/**
 * hrtimer_try_to_cancel - dequeue @timer unless its callback runs.
 * @timer: the timer
 *
 * Any context.  Returns 1 if it was queued, 0 if it was not, -1 if its
 * callback is running now.
 */
int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	struct hrtimer_clock_base *base;
	unsigned long flags;
	int ret = -1;

	if (!hrtimer_active(timer))
		return 0;
	base = lock_hrtimer_base(timer, &flags);
	if (!hrtimer_callback_running(timer))
		ret = remove_hrtimer(timer, base, true);
	spin_unlock_irqrestore(&base->cpu_base->lock, flags);
	return ret;
}

/**
 * hrtimer_cancel - dequeue @timer and wait until its callback is done.
 * @timer: the timer
 *
 * Not from the callback itself, nor from hardirq context for a timer
 * that expires in hardirq context on this CPU.  Returns 1 if it was
 * queued, 0 if not.
 */
int hrtimer_cancel(struct hrtimer *timer)
{
	int ret;

	while ((ret = hrtimer_try_to_cancel(timer)) < 0)
		cpu_relax();
	return ret;
}

/**
 * hrtimer_forward - move @timer's expiry past @now in steps of @interval.
 * @timer: the timer, not queued (e.g. in its callback)
 * @now: the time to move past
 * @interval: the period
 *
 * Returns the number of periods moved (overruns + 1), 0 if the expiry
 * was already after @now.
 */
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	ktime_t delta = ktime_sub(now, timer->expires);
	u64 orun;

	if (delta < 0)
		return 0;
	if (WARN_ON(timer->state & HRTIMER_STATE_ENQUEUED))
		return 0;
	if (interval < 1)
		interval = 1;
	orun = delta / interval + 1;
	timer->expires = ktime_add(timer->expires, orun * interval);
	return orun;
}

/** hrtimer_get_remaining - time left until @timer expires (may be < 0). */
ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
	return ktime_sub(timer->expires, timer->base->get_time());
}

/** hrtimer_cb_get_time - the current time of @timer's clock. */
ktime_t hrtimer_cb_get_time(const struct hrtimer *timer)
{
	return timer->base->get_time();
}

/*
 * Run one expired timer; cpu_base->lock held, dropped around the
 * callback, which runs with the irq state of the caller (off in
 * hardirq context, on in the softirq).  base->running lets
 * hrtimer_cancel() on another CPU wait for it.
 */
static void __run_hrtimer(struct hrtimer_cpu_base *cpu_base,
			  struct hrtimer_clock_base *base,
			  struct hrtimer *timer, unsigned long *flags)
{
	enum hrtimer_restart (*fn)(struct hrtimer *) = timer->function;
	enum hrtimer_restart restart;

	WRITE_ONCE(base->running, timer);
	remove_hrtimer(timer, base, false);
	spin_unlock_irqrestore(&cpu_base->lock, *flags);
	restart = fn(timer);
	spin_lock_irqsave(&cpu_base->lock, *flags);
	if (restart != HRTIMER_NORESTART &&
	    !(timer->state & HRTIMER_STATE_ENQUEUED))
		enqueue_hrtimer(timer, base);
	WRITE_ONCE(base->running, NULL);
}

/* Run what has expired by @now in the bases of @active_mask. */
static void __hrtimer_run_queues(struct hrtimer_cpu_base *cpu_base, ktime_t now,
				 unsigned long *flags, unsigned int active_mask)
{
	unsigned int active = cpu_base->active_bases & active_mask;

	while (active) {
		unsigned int idx = __builtin_ctz(active);
		struct hrtimer_clock_base *base = &cpu_base->clock_base[idx];
		ktime_t basenow = ktime_add(now, base->offset);
		struct rb_node *node;

		active &= active - 1;
		while ((node = rb_first_cached(&base->active))) {
			struct hrtimer *t =
				rb_entry(node, struct hrtimer, node);

			if (basenow < t->expires)
				break;
			__run_hrtimer(cpu_base, base, t, flags);
		}
	}
}

/* Hand the expired soft timers to HRTIMER_SOFTIRQ; lock held. */
static void hrtimer_check_softirq(struct hrtimer_cpu_base *cpu_base,
				  ktime_t now)
{
	if (now < cpu_base->softirq_expires_next)
		return;
	cpu_base->softirq_expires_next = KTIME_MAX;
	cpu_base->softirq_activated = true;
	raise_softirq_irqoff(HRTIMER_SOFTIRQ);
}

/*
 * The device's deadline keeps passing while we run timers (the machine
 * is slow, or a callback is): program a little ahead instead of
 * looping forever, and say so once.
 */
static void hrtimer_interrupt_hang(struct hrtimer_cpu_base *cpu_base,
				   ktime_t entry_time, ktime_t now)
{
	ktime_t delta = ktime_sub(now, entry_time);
	static bool warned;

	if (!warned) {
		warned = true;
		pr_warn("hrtimer: interrupt took %lld ns\n", delta);
	}
	delta = min_t(ktime_t, delta, 100 * NSEC_PER_MSEC);
	cpu_base->expires_next = ktime_add(now, delta);
	tick_program_event(cpu_base->expires_next, 1);
}

/**
 * hrtimer_interrupt - event handler of the oneshot clock event device.
 * @dev: this CPU's device
 *
 * Hardirq context.  Runs the expired hard timers, raises the softirq
 * for expired soft ones, and programs the next expiry; if that has
 * passed already, runs again.
 */
void hrtimer_interrupt(struct clock_event_device *dev)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	ktime_t expires_next, now, entry_time;
	unsigned long flags;
	int retries = 0;

	dev->next_event = KTIME_MAX;
	cpu_base->nr_events++;
	spin_lock_irqsave(&cpu_base->lock, flags);
	entry_time = now = hrtimer_update_base(cpu_base);
	for (;;) {
		cpu_base->in_hrtirq = true;
		cpu_base->expires_next = KTIME_MAX;
		hrtimer_check_softirq(cpu_base, now);
		__hrtimer_run_queues(cpu_base, now, &flags,
				     HRTIMER_ACTIVE_HARD);
		expires_next = hrtimer_update_next_event(cpu_base);
		cpu_base->expires_next = expires_next;
		cpu_base->in_hrtirq = false;
		if (!tick_program_event(expires_next, 0))
			break;
		now = hrtimer_update_base(cpu_base);
		cpu_base->nr_retries++;
		if (++retries >= HRTIMER_MAX_RETRIES) {
			hrtimer_interrupt_hang(cpu_base, entry_time, now);
			break;
		}
	}
	spin_unlock_irqrestore(&cpu_base->lock, flags);
}

static void hrtimer_switch_to_hres(void)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;

	if (tick_switch_to_oneshot(hrtimer_interrupt))
		return;
	spin_lock_irqsave(&cpu_base->lock, flags);
	cpu_base->hres_active = true;
	hrtimer_force_reprogram(cpu_base, false);
	spin_unlock_irqrestore(&cpu_base->lock, flags);
	tick_setup_sched_timer();
	pr_info("hrtimer: Switched to high resolution mode on CPU %u\n",
		cpu_base->cpu);
}

/**
 * hrtimer_run_queues - the tick's part in low-resolution mode.
 *
 * Hardirq context, from the periodic tick.  Switches this CPU to
 * high resolution on the first tick where that is possible.
 */
void hrtimer_run_queues(void)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;
	ktime_t now;

	if (cpu_base->hres_active)
		return;
	if (hrtimer_hres_enabled && tick_oneshot_possible()) {
		hrtimer_switch_to_hres();
		return;
	}
	spin_lock_irqsave(&cpu_base->lock, flags);
	now = hrtimer_update_base(cpu_base);
	hrtimer_check_softirq(cpu_base, now);
	__hrtimer_run_queues(cpu_base, now, &flags, HRTIMER_ACTIVE_HARD);
	spin_unlock_irqrestore(&cpu_base->lock, flags);
}

static void hrtimer_run_softirq(struct softirq_action *h)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;
	ktime_t now;

	spin_lock_irqsave(&cpu_base->lock, flags);
	now = hrtimer_update_base(cpu_base);
	__hrtimer_run_queues(cpu_base, now, &flags, HRTIMER_ACTIVE_SOFT);
	cpu_base->softirq_activated = false;
	hrtimer_force_reprogram(cpu_base, true);
	spin_unlock_irqrestore(&cpu_base->lock, flags);
}

/**
 * hrtimers_prepare_cpu - set up @cpu's hrtimer bases.
 * @cpu: a CPU about to come online (the boot CPU: from hrtimers_init())
 */
void hrtimers_prepare_cpu(unsigned int cpu)
{
	struct hrtimer_cpu_base *cpu_base = per_cpu_ptr(&hrtimer_bases, cpu);
	unsigned int i;

	spin_lock_init(&cpu_base->lock);
	cpu_base->cpu = cpu;
	cpu_base->active_bases = 0;
	cpu_base->hres_active = false;
	cpu_base->expires_next = KTIME_MAX;
	cpu_base->softirq_expires_next = KTIME_MAX;
	for (i = 0; i < HRTIMER_MAX_CLOCK_BASES; i++) {
		struct hrtimer_clock_base *base = &cpu_base->clock_base[i];
		unsigned int clk = i % HRTIMER_SOFT_BASES;

		base->cpu_base = cpu_base;
		base->index = i;
		base->clockid = base_clocks[clk].clockid;
		base->get_time = base_clocks[clk].get_time;
		base->active = RB_ROOT_CACHED;
		base->offset = 0;
		base->running = NULL;
	}
}

/**
 * hrtimers_init - set up the hrtimer bases and HRTIMER_SOFTIRQ.
 *
 * Boot CPU, irqs off.  A CPU brought up later needs
 * hrtimers_prepare_cpu() first.
 */
void __init hrtimers_init(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		hrtimers_prepare_cpu(cpu);
	open_softirq(HRTIMER_SOFTIRQ, hrtimer_run_softirq);
}

/* -- Sleeping on an hrtimer ----------------------------------------- */

static enum hrtimer_restart hrtimer_wakeup(struct hrtimer *timer)
{
	struct hrtimer_sleeper *t =
		container_of(timer, struct hrtimer_sleeper, timer);
	struct task_struct *task = t->task;

	WRITE_ONCE(t->task, NULL);
	if (task)
		wake_up_process(task);
	return HRTIMER_NORESTART;
}

/**
 * hrtimer_init_sleeper - a timer that wakes current when it fires.
 * @sl: the sleeper
 * @clock_id: its clock
 * @mode: HRTIMER_MODE_*
 *
 * Start it with hrtimer_start*(&sl->timer, ...); sl->task is NULL once
 * it fired.
 */
void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode)
{
	hrtimer_init(&sl->timer, clock_id, mode);
	sl->timer.function = hrtimer_wakeup;
	sl->task = current;
}

/**
 * schedule_hrtimeout_range_clock - sleep until woken or a time passes.
 * @expires: the time (absolute or relative per @mode) on @clock_id, or
 *	NULL to sleep until woken
 * @delta: allowed slack (ignored)
 * @mode: HRTIMER_MODE_ABS or HRTIMER_MODE_REL
 * @clock_id: the clock of @expires
 *
 * Process context.  The caller sets the task state first
 * (TASK_INTERRUPTIBLE usually) and checks its wake-up condition after.
 * Returns 0 when the time passed, -EINTR when woken earlier.
 */
int schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
				   const enum hrtimer_mode mode,
				   clockid_t clock_id)
{
	struct hrtimer_sleeper t;

	if (expires && *expires == 0 && (mode & HRTIMER_MODE_REL)) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	if (!expires) {
		schedule();
		return -EINTR;
	}
	hrtimer_init_sleeper(&t, clock_id, mode);
	hrtimer_start_range_ns(&t.timer, *expires, delta, mode);
	if (READ_ONCE(t.task))
		schedule();
	hrtimer_cancel(&t.timer);
	__set_current_state(TASK_RUNNING);
	return READ_ONCE(t.task) ? -EINTR : 0;
}

/** schedule_hrtimeout_range - the same on CLOCK_MONOTONIC. */
int schedule_hrtimeout_range(ktime_t *expires, u64 delta,
			     const enum hrtimer_mode mode)
{
	return schedule_hrtimeout_range_clock(expires, delta, mode,
					      CLOCK_MONOTONIC);
}

/* -- nanosleep -------------------------------------------------------- */

/*
 * Sleep until @t fires or a signal comes.  Returns 0 when the time is
 * up; on a signal, writes the time left to the restart block's rmtp
 * (if any) and returns -ERESTART_RESTARTBLOCK.
 */
static int do_nanosleep(struct hrtimer_sleeper *t, enum hrtimer_mode mode,
			ktime_t tim)
{
	struct restart_block *restart = &current->restart_block;
	struct __kernel_timespec rmt;
	struct timespec64 rem;
	ktime_t left;

	hrtimer_start(&t->timer, tim, mode);
	do {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(t->task))
			schedule();
	} while (READ_ONCE(t->task) && !signal_pending(current));
	__set_current_state(TASK_RUNNING);
	hrtimer_cancel(&t->timer);
	if (!READ_ONCE(t->task))
		return 0;
	if (restart->nanosleep.type != TT_NONE) {
		left = hrtimer_get_remaining(&t->timer);
		if (left <= 0)
			return 0;
		rem = ns_to_timespec64(left);
		rmt.tv_sec = rem.tv_sec;
		rmt.tv_nsec = rem.tv_nsec;
		if (copy_to_user(restart->nanosleep.rmtp, &rmt, sizeof(rmt)))
			return -EFAULT;
	}
	return -ERESTART_RESTARTBLOCK;
}

/* restart_syscall after an interrupted relative sleep: same end time. */
static long hrtimer_nanosleep_restart(struct restart_block *restart)
{
	struct hrtimer_sleeper t;
	int ret;

	hrtimer_init_sleeper(&t, restart->nanosleep.clockid, HRTIMER_MODE_ABS);
	ret = do_nanosleep(&t, HRTIMER_MODE_ABS, restart->nanosleep.expires);
	return ret;
}

/**
 * hrtimer_nanosleep - nanosleep and clock_nanosleep's sleep.
 * @rqtp: the time: relative, or absolute with HRTIMER_MODE_ABS
 * @mode: HRTIMER_MODE_REL or HRTIMER_MODE_ABS
 * @clockid: CLOCK_MONOTONIC, CLOCK_REALTIME or CLOCK_BOOTTIME
 *
 * Process context; the caller set restart_block.nanosleep.type/rmtp.
 * Returns 0; on a signal -ERESTART_RESTARTBLOCK for a relative sleep
 * (restart_syscall goes on to the same end; with a handler the caller
 * sees EINTR and the time left in rmtp), -ERESTARTNOHAND for an
 * absolute one; -EFAULT if rmtp cannot be written.
 */
long hrtimer_nanosleep(ktime_t rqtp, const enum hrtimer_mode mode,
		       const clockid_t clockid)
{
	struct restart_block *restart;
	struct hrtimer_sleeper t;
	int ret;

	hrtimer_init_sleeper(&t, clockid, mode);
	ret = do_nanosleep(&t, mode, rqtp);
	if (ret != -ERESTART_RESTARTBLOCK)
		return ret;
	if (mode == HRTIMER_MODE_ABS)
		return -ERESTARTNOHAND;
	restart = &current->restart_block;
	restart->nanosleep.clockid = clockid;
	restart->nanosleep.expires = hrtimer_get_expires(&t.timer);
	restart->fn = hrtimer_nanosleep_restart;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec kts;
	struct timespec64 tu;

	if (copy_from_user(&kts, rqtp, sizeof(kts)))
		return -EFAULT;
	tu.tv_sec = kts.tv_sec;
	tu.tv_nsec = kts.tv_nsec;
	if (!timespec64_valid(&tu))
		return -EINVAL;
	current->restart_block.fn = do_no_restart_syscall;
	current->restart_block.nanosleep.type = rmtp ? TT_NATIVE : TT_NONE;
	current->restart_block.nanosleep.rmtp = rmtp;
	return hrtimer_nanosleep(timespec64_to_ktime(tu), HRTIMER_MODE_REL,
				 CLOCK_MONOTONIC);
}
