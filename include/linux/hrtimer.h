#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/ktime.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <uapi/linux/time.h>

struct task_struct;

/*
 * High-resolution timers: like timer_list, but the expiry is a ktime_t
 * in nanoseconds on a given clock, kept in a red-black tree per CPU and
 * clock (seed 004), so the earliest is found at once.  With a oneshot
 * clock event device the CPU's timer is programmed for exactly that
 * expiry; otherwise they are checked every tick.
 *
 * Callbacks run in hardirq context, or with HRTIMER_MODE_SOFT in
 * softirq context (HRTIMER_SOFTIRQ).  A callback returns
 * HRTIMER_RESTART after moving its expiry (hrtimer_forward()) to be
 * queued again.
 */
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,

	HRTIMER_MODE_ABS_PINNED = HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED = HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_ABS_SOFT = HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT = HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD = HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD = HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
	HRTIMER_MODE_ABS_PINNED_HARD = HRTIMER_MODE_ABS_PINNED |
				       HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_PINNED_HARD = HRTIMER_MODE_REL_PINNED |
				       HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};

#define HRTIMER_STATE_INACTIVE 0x00
#define HRTIMER_STATE_ENQUEUED 0x01

struct hrtimer_clock_base;

/**
 * struct hrtimer - a high-resolution timer
 * @node: in its clock base's tree, ordered by @expires
 * @expires: absolute expiry on the base's clock
 * @function: the callback
 * @base: the per-CPU clock base it belongs to
 * @state: HRTIMER_STATE_*
 * @is_rel: started relative (for hrtimer_get_remaining())
 * @is_soft: expires in softirq context
 */
struct hrtimer {
	struct rb_node node;
	ktime_t expires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	struct hrtimer_clock_base *base;
	u8 state;
	u8 is_rel;
	u8 is_soft;
};

enum hrtimer_base_type {
	HRTIMER_BASE_MONOTONIC,
	HRTIMER_BASE_REALTIME,
	HRTIMER_BASE_BOOTTIME,
	HRTIMER_BASE_MONOTONIC_SOFT,
	HRTIMER_BASE_REALTIME_SOFT,
	HRTIMER_BASE_BOOTTIME_SOFT,
	HRTIMER_MAX_CLOCK_BASES,
};

#define HRTIMER_ACTIVE_HARD 0x07 /* bit per base, the hard ones */
#define HRTIMER_ACTIVE_SOFT (HRTIMER_ACTIVE_HARD << 3)

struct hrtimer_cpu_base;

/**
 * struct hrtimer_clock_base - one CPU's timers on one clock
 * @cpu_base: the CPU's base
 * @index: its hrtimer_base_type
 * @clockid: its clock
 * @active: the queued timers, earliest leftmost
 * @get_time: reads the clock
 * @offset: this clock minus CLOCK_MONOTONIC, as of the last update
 * @running: the timer whose callback runs now, or NULL
 */
struct hrtimer_clock_base {
	struct hrtimer_cpu_base *cpu_base;
	unsigned int index;
	clockid_t clockid;
	struct rb_root_cached active;
	ktime_t (*get_time)(void);
	ktime_t offset;
	struct hrtimer *running;
};

/**
 * struct hrtimer_cpu_base - all of one CPU's hrtimers
 * @lock: protects everything here and the timers queued on it
 * @cpu: which CPU
 * @active_bases: bit per clock base with queued timers
 * @hres_active: the clock event device is oneshot and programmed
 *	for @expires_next
 * @in_hrtirq: hrtimer_interrupt() runs (it reprograms at its end)
 * @softirq_activated: HRTIMER_SOFTIRQ is raised and has not run yet
 * @nr_events: hrtimer_interrupt() calls
 * @nr_retries: reruns of it because more timers expired meanwhile
 * @expires_next: the earliest hard expiry (or soft, if that is sooner
 *	and the softirq is not pending)
 * @softirq_expires_next: the earliest soft expiry
 * @clock_base: the bases
 */
struct hrtimer_cpu_base {
	raw_spinlock_t lock;
	unsigned int cpu;
	unsigned int active_bases;
	bool hres_active;
	bool in_hrtirq;
	bool softirq_activated;
	unsigned int nr_events;
	unsigned int nr_retries;
	ktime_t expires_next;
	ktime_t softirq_expires_next;
	struct hrtimer_clock_base clock_base[HRTIMER_MAX_CLOCK_BASES];
};

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id,
		  enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns,
			    const enum hrtimer_mode mode);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
ktime_t hrtimer_get_remaining(const struct hrtimer *timer);
bool hrtimer_active(const struct hrtimer *timer);
ktime_t hrtimer_cb_get_time(const struct hrtimer *timer);
bool hrtimer_hres_active(void);

/**
 * hrtimer_start - queue @timer to expire at @tim.
 * @timer: the timer, set up with hrtimer_init()
 * @tim: absolute, or relative to now with HRTIMER_MODE_REL
 * @mode: HRTIMER_MODE_*
 *
 * Any context.  A queued timer is moved.
 */
static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim,
				 const enum hrtimer_mode mode)
{
	hrtimer_start_range_ns(timer, tim, 0, mode);
}

static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t time)
{
	timer->expires = time;
}

static inline void hrtimer_add_expires_ns(struct hrtimer *timer, u64 ns)
{
	timer->expires = ktime_add_ns(timer->expires, ns);
}

static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer)
{
	return timer->expires;
}

static inline bool hrtimer_is_queued(const struct hrtimer *timer)
{
	return READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED;
}

static inline bool hrtimer_callback_running(const struct hrtimer *timer)
{
	return READ_ONCE(timer->base->running) == timer;
}

static inline u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
	return hrtimer_forward(timer, hrtimer_cb_get_time(timer), interval);
}

/**
 * struct hrtimer_sleeper - a task sleeping until a timer fires
 * @timer: the timer
 * @task: the sleeper; NULL once the timer fired
 */
struct hrtimer_sleeper {
	struct hrtimer timer;
	struct task_struct *task;
};

void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode);
int schedule_hrtimeout_range(ktime_t *expires, u64 delta,
			     const enum hrtimer_mode mode);
int schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
				   const enum hrtimer_mode mode,
				   clockid_t clock_id);

void hrtimers_init(void);
void hrtimers_prepare_cpu(unsigned int cpu);
void hrtimer_run_queues(void);
struct clock_event_device;
void hrtimer_interrupt(struct clock_event_device *dev);

#endif /* _LINUX_HRTIMER_H */
