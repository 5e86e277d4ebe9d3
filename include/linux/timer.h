#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kernel.h>

/*
 * Timers (seed 001: "定时器"): call a function once, in softirq
 * context (TIMER_SOFTIRQ), at the first tick at or after @expires (in
 * jiffies).  They live on a per-CPU timer wheel (kernel/time/timer.c);
 * a timer runs on the CPU that queued it.
 *
 * @flags holds the CPU whose wheel the timer is on (low bits), the
 * TIMER_* options, and, while queued, the wheel bucket (top bits).
 */
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_CPUMASK 0x0003ffff
#define TIMER_MIGRATING 0x00040000
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT 22
#define TIMER_ARRAYMASK 0xffc00000

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *),
		    unsigned int flags);

/**
 * timer_setup - prepare @timer to call @callback; it is not queued yet.
 * @timer: the timer
 * @callback: gets @timer (use from_timer() to find the container)
 * @flags: TIMER_* options, usually 0
 */
#define timer_setup(timer, callback, flags) \
	init_timer_key((timer), (callback), (flags))

#define DEFINE_TIMER(_name, _function)                    \
	struct timer_list _name = {                       \
		.entry = { .next = NULL, .pprev = NULL }, \
		.function = (_function),                  \
	}

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/**
 * timer_pending - is @timer queued?
 * @timer: the timer
 *
 * Racy unless the caller serialises against the timer's own CPU.
 */
static inline bool timer_pending(const struct timer_list *timer)
{
	return !hlist_unhashed_lockless(&timer->entry);
}

void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);

void init_timers(void);
void timers_prepare_cpu(unsigned int cpu);
void run_local_timers(void);
void update_process_times(int user_tick);

#endif /* _LINUX_TIMER_H */
