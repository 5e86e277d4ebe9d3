/*
 * Timekeeping: CLOCK_MONOTONIC and CLOCK_REALTIME from a clocksource.
 *
 * The timekeeper remembers the clocksource reading at the last update
 * (cycle_last) and the monotonic time then (mono_ns, plus a sub-ns
 * remainder).  A reader adds the cycles since, scaled to ns; the tick
 * folds them in (update_wall_time()) so the delta stays small.  The
 * wall clock is the monotonic clock plus offs_real, set at boot from
 * the RTC (seed 001: "RTC实时时钟...用于系统启动时初始化xtime") and by
 * settimeofday.  Readers retry under a seqcount; the one writer holds
 * timekeeper_lock with irqs off.
 */
#include <linux/timekeeper_internal.h>
#include <vdso/datapage.h>
#include <linux/clocksource.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

#include "tick-internal.h"

struct timekeeper {
	struct clocksource *clock;
	u64 mask;
	u32 mult;
	u32 shift;
	u64 cycle_last;
	u64 mono_ns; /* CLOCK_MONOTONIC at cycle_last */
	u64 frac; /* and the fraction of a ns, << shift */
	ktime_t offs_real; /* CLOCK_REALTIME - CLOCK_MONOTONIC */
	ktime_t offs_boot; /* CLOCK_BOOTTIME - CLOCK_MONOTONIC (no suspend) */
};

static struct {
	seqcount_t seq;
	struct timekeeper tk;
} tk_core;

static DEFINE_RAW_SPINLOCK(timekeeper_lock);

/*
 * Cycles since cycle_last.  A clocksource read a little behind
 * cycle_last (another CPU's TSC) counts as no time, not as 2^64.
 */
static u64 tk_cycles_since_last(const struct timekeeper *tk)
{
	u64 delta = (tk->clock->read(tk->clock) - tk->cycle_last) & tk->mask;

	return delta > (tk->mask >> 1) ? 0 : delta;
}

/* CLOCK_MONOTONIC now, in ns; inside a read section or the lock. */
static u64 tk_mono_now(const struct timekeeper *tk)
{
	unsigned __int128 acc =
		(unsigned __int128)tk_cycles_since_last(tk) * tk->mult +
		tk->frac;

	return tk->mono_ns + (u64)(acc >> tk->shift);
}

/* Fold the cycles since cycle_last into mono_ns; timekeeper_lock held. */
static void tk_accumulate(struct timekeeper *tk)
{
	u64 now = tk->clock->read(tk->clock);
	u64 delta = (now - tk->cycle_last) & tk->mask;
	unsigned __int128 acc;

	if (delta > (tk->mask >> 1))
		return;
	acc = (unsigned __int128)delta * tk->mult + tk->frac;
	tk->mono_ns += (u64)(acc >> tk->shift);
	tk->frac = (u64)(acc & ((1ULL << tk->shift) - 1));
	tk->cycle_last = now;
}

static void tk_set_clock(struct timekeeper *tk, struct clocksource *cs)
{
	tk->clock = cs;
	tk->mask = cs->mask;
	tk->mult = cs->mult;
	tk->shift = cs->shift;
	tk->frac = 0;
	tk->cycle_last = cs->read(cs);
}

/*
 * Hand the vDSO what it needs to compute the clocks itself; inside the
 * write section, after every change to the timekeeper.
 */
static void tk_update_vsyscall(const struct timekeeper *tk)
{
	struct vdso_data snap = {
		.clock_mode = tk->clock ? tk->clock->vdso_clock_mode :
					  VDSO_CLOCKMODE_NONE,
		.cycle_last = tk->cycle_last,
		.mask = tk->mask,
		.mult = tk->mult,
		.shift = tk->shift,
		.mono_ns = tk->mono_ns,
		.frac = tk->frac,
		.offs_real = tk->offs_real,
		.offs_boot = tk->offs_boot,
	};

	update_vsyscall(&snap);
}

/**
 * ktime_get - CLOCK_MONOTONIC: nanoseconds since boot.  Any context.
 */
ktime_t ktime_get(void)
{
	const struct timekeeper *tk = &tk_core.tk;
	unsigned int seq;
	u64 ns;

	if (!tk->clock)
		return 0;
	do {
		seq = read_seqcount_begin(&tk_core.seq);
		ns = tk_mono_now(tk);
	} while (read_seqcount_retry(&tk_core.seq, seq));
	return ns;
}

/**
 * ktime_get_update_offsets_now - CLOCK_MONOTONIC and the realtime
 * offset, read together.
 * @offs_real: receives CLOCK_REALTIME - CLOCK_MONOTONIC
 */
ktime_t ktime_get_update_offsets_now(ktime_t *offs_real)
{
	const struct timekeeper *tk = &tk_core.tk;
	unsigned int seq;
	u64 ns;

	do {
		seq = read_seqcount_begin(&tk_core.seq);
		ns = tk->clock ? tk_mono_now(tk) : 0;
		*offs_real = tk->offs_real;
	} while (read_seqcount_retry(&tk_core.seq, seq));
	return ns;
}

/** ktime_get_real_offset - CLOCK_REALTIME - CLOCK_MONOTONIC now. */
ktime_t ktime_get_real_offset(void)
{
	ktime_t offs;

	ktime_get_update_offsets_now(&offs);
	return offs;
}

/**
 * ktime_get_real - CLOCK_REALTIME: ns since 1970-01-01 UTC.  Any context.
 */
ktime_t ktime_get_real(void)
{
	ktime_t offs, now = ktime_get_update_offsets_now(&offs);

	return ktime_add(now, offs);
}

/** ktime_get_boottime - CLOCK_BOOTTIME: monotonic plus time suspended. */
ktime_t ktime_get_boottime(void)
{
	return ktime_add(ktime_get(), tk_core.tk.offs_boot);
}

/** ktime_get_ts64 - CLOCK_MONOTONIC as a timespec64. */
void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}

/** ktime_get_real_ts64 - CLOCK_REALTIME as a timespec64. */
void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real());
}

/**
 * ktime_get_coarse_real_ts64 - CLOCK_REALTIME as of the last tick.
 * @ts: receives it
 *
 * No clocksource read, so cheaper than ktime_get_real_ts64() and up to
 * a tick behind it.  File timestamps use it (current_time()), as in
 * Linux.  Any context.
 */
void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	const struct timekeeper *tk = &tk_core.tk;
	unsigned int seq;
	ktime_t now;

	do {
		seq = read_seqcount_begin(&tk_core.seq);
		now = ktime_add((ktime_t)tk->mono_ns, tk->offs_real);
	} while (read_seqcount_retry(&tk_core.seq, seq));
	*ts = ns_to_timespec64(now);
}

/** ktime_get_seconds - whole seconds of CLOCK_MONOTONIC. */
time64_t ktime_get_seconds(void)
{
	return ktime_get() / NSEC_PER_SEC;
}

/** ktime_get_real_seconds - whole seconds of CLOCK_REALTIME. */
time64_t ktime_get_real_seconds(void)
{
	return ktime_get_real() / NSEC_PER_SEC;
}

/**
 * do_settimeofday64 - set CLOCK_REALTIME.
 * @ts: the new wall time
 *
 * Process context.  CLOCK_MONOTONIC does not move.  Returns 0, or
 * -EINVAL for a malformed @ts.  (Realtime hrtimers are re-evaluated at
 * their next interrupt; clock_was_set() comes with the time syscalls.)
 */
int do_settimeofday64(const struct timespec64 *ts)
{
	struct timekeeper *tk = &tk_core.tk;
	unsigned long flags;

	if (!timespec64_valid(ts))
		return -EINVAL;
	spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_core.seq);
	tk_accumulate(tk);
	tk->offs_real = ktime_sub(timespec64_to_ktime(*ts), tk->mono_ns);
	tk_update_vsyscall(tk);
	write_seqcount_end(&tk_core.seq);
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return 0;
}

/**
 * update_wall_time - fold the time since the last update into the
 * timekeeper.
 *
 * From the tick on the do_timer CPU, hardirq context.
 */
void update_wall_time(void)
{
	struct timekeeper *tk = &tk_core.tk;
	unsigned long flags;

	if (!tk->clock)
		return;
	spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_core.seq);
	tk_accumulate(tk);
	tk_update_vsyscall(tk);
	write_seqcount_end(&tk_core.seq);
	spin_unlock_irqrestore(&timekeeper_lock, flags);
}

/**
 * do_timer - advance jiffies by @ticks (seed 001: "对jiffies_64加1").
 * @ticks: ticks elapsed
 *
 * jiffies_lock held, on the do_timer CPU.
 */
void do_timer(unsigned long ticks)
{
	WRITE_ONCE(jiffies_64, jiffies_64 + ticks);
}

/**
 * timekeeping_change_clocksource - read the time from @cs from now on.
 * @cs: a registered clocksource
 *
 * Process context or boot.  The time already counted is folded in
 * first, so the clocks do not jump.
 */
void timekeeping_change_clocksource(struct clocksource *cs)
{
	struct timekeeper *tk = &tk_core.tk;
	unsigned long flags;

	spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_core.seq);
	tk_accumulate(tk);
	tk_set_clock(tk, cs);
	tk_update_vsyscall(tk);
	write_seqcount_end(&tk_core.seq);
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	pr_info("clocksource: Switched to clocksource %s\n", cs->name);
}

/**
 * read_persistent_clock64 - wall time from the battery-backed clock.
 * @ts: receives it; zero if the machine has none
 *
 * The architecture overrides this (x86: the CMOS RTC).
 */
void __weak read_persistent_clock64(struct timespec64 *ts)
{
	ts->tv_sec = 0;
	ts->tv_nsec = 0;
}

/**
 * timekeeping_init - start the clocks.
 *
 * Boot CPU, irqs off, after the clocksources known at boot have
 * registered (the TSC registers in tsc_early_init()).  CLOCK_MONOTONIC
 * starts at the boot timestamp of printk (local_clock()), so the two
 * agree; CLOCK_REALTIME at the RTC's time.
 */
void __init timekeeping_init(void)
{
	struct timekeeper *tk = &tk_core.tk;
	struct clocksource *cs = clocksource_best();
	struct timespec64 wall;

	if (!cs)
		cs = clocksource_default_clock();
	read_persistent_clock64(&wall);

	spin_lock(&timekeeper_lock);
	write_seqcount_begin(&tk_core.seq);
	tk_set_clock(tk, cs);
	tk->mono_ns = local_clock();
	tk->offs_real = ktime_sub(timespec64_to_ktime(wall), tk->mono_ns);
	tk->offs_boot = 0;
	tk_update_vsyscall(tk);
	write_seqcount_end(&tk_core.seq);
	spin_unlock(&timekeeper_lock);

	clocksource_timekeeping_started();
	pr_info("clocksource: Switched to clocksource %s\n", cs->name);
}
