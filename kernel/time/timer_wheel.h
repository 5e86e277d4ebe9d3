#ifndef _KERNEL_TIME_TIMER_WHEEL_H
#define _KERNEL_TIME_TIMER_WHEEL_H

/*
 * The timer wheel's arithmetic, kept free of kernel state so that the
 * host tests (tests/host/timer_wheel_test.c) check it directly.
 *
 * The wheel is Linux's non-cascading design (4.8 and later): LVL_DEPTH
 * levels of 64 buckets; level n has a granularity of 8^n jiffies and
 * takes the timers due between LVL_START(n) and LVL_START(n + 1)
 * jiffies from now.  At HZ=250:
 *
 *	level  granularity   range
 *	  0       4 ms        0 ms ..  252 ms
 *	  1      32 ms      252 ms ..    2 s
 *	  2     256 ms        2 s  ..   16 s
 *	  ...
 *	  8      ~6 days    ~3 days .. ~49 days
 *
 * A timer is put in the bucket of the first granularity boundary at or
 * after its expiry and never moves again.  The classic wheel instead
 * cascades timers down a level as their time comes, which costs a burst
 * of work at level boundaries for timers that, being mostly timeouts,
 * are usually deleted before they fire.  Here insertion and deletion
 * are O(1) and nothing cascades; the price is that a distant timer
 * fires up to 1/8 of its timeout late (never early), which timeouts
 * do not mind.
 *
 * Bucket processing: at wheel time clk, level n's bucket
 * (clk >> 3n) & 63 is due when clk is a multiple of 8^n.  A timer's
 * bucket value v = ceil(expires / 8^n) therefore runs at clk = v * 8^n;
 * the level ranges keep v within 64 buckets of now, so the bucket index
 * never wraps onto a slot that comes round earlier.
 */
#include <linux/types.h>
#include <linux/bitops.h>
#include <asm/param.h>

#define LVL_CLK_SHIFT 3
#define LVL_CLK_DIV (1UL << LVL_CLK_SHIFT)
#define LVL_CLK_MASK (LVL_CLK_DIV - 1)
#define LVL_SHIFT(n) ((n)*LVL_CLK_SHIFT)
#define LVL_GRAN(n) (1UL << LVL_SHIFT(n))

#define LVL_BITS 6
#define LVL_SIZE (1UL << LVL_BITS)
#define LVL_MASK (LVL_SIZE - 1)
#define LVL_OFFS(n) ((n)*LVL_SIZE)

/* First delta (jiffies) that no longer fits level n - 1. */
#define LVL_START(n) ((LVL_SIZE - 1) << (((n)-1) * LVL_CLK_SHIFT))

/* 9 levels cover 49 days at HZ=250; 8 suffice at HZ=100. */
#if HZ > 100
#define LVL_DEPTH 9
#else
#define LVL_DEPTH 8
#endif

#define WHEEL_SIZE (LVL_SIZE * LVL_DEPTH)

/*
 * Longer timeouts are parked in the last level at WHEEL_TIMEOUT_MAX;
 * when that bucket comes round they are queued again, not run.
 */
#define WHEEL_TIMEOUT_CUTOFF (LVL_START(LVL_DEPTH))
#define WHEEL_TIMEOUT_MAX (WHEEL_TIMEOUT_CUTOFF - LVL_GRAN(LVL_DEPTH - 1))

/* next_expiry of an empty wheel: far away, still wrap-safe. */
#define NEXT_TIMER_MAX_DELTA ((1UL << 30) - 1)

/* Which level a timer @delta jiffies away goes to. */
static inline unsigned int wheel_level(unsigned long delta)
{
	unsigned int lvl = 0;

	while (lvl < LVL_DEPTH - 1 && delta >= LVL_START(lvl + 1))
		lvl++;
	return lvl;
}

/*
 * Bucket index of @expires at level @lvl; *@bucket_expiry gets the
 * wheel time at which that bucket runs (the first boundary at or
 * after @expires).
 */
static inline unsigned int calc_index(unsigned long expires, unsigned int lvl,
				      unsigned long *bucket_expiry)
{
	unsigned long v = (expires + LVL_GRAN(lvl) - 1) >> LVL_SHIFT(lvl);

	*bucket_expiry = v << LVL_SHIFT(lvl);
	return LVL_OFFS(lvl) + (v & LVL_MASK);
}

/**
 * calc_wheel_index - the bucket for a timer due at @expires.
 * @expires: the timer's expiry, in jiffies
 * @clk: the wheel's current time (its next unprocessed jiffy)
 * @bucket_expiry: receives when the bucket runs, never before @expires
 *	(but for timeouts beyond the wheel, which come round again)
 *
 * A timer already due goes to the bucket that runs next.
 */
static inline unsigned int calc_wheel_index(unsigned long expires,
					    unsigned long clk,
					    unsigned long *bucket_expiry)
{
	long delta = (long)(expires - clk);

	if (delta < 0)
		return calc_index(clk, 0, bucket_expiry);
	if ((unsigned long)delta >= WHEEL_TIMEOUT_CUTOFF)
		return calc_index(clk + WHEEL_TIMEOUT_MAX, LVL_DEPTH - 1,
				  bucket_expiry);
	return calc_index(expires, wheel_level(delta), bucket_expiry);
}

/*
 * When the first pending bucket of level @lvl runs, given the 64-bit
 * pending mask of that level and the wheel time @clk; 0 and false if
 * the level is empty.  Buckets are due in index order starting from
 * the first processing time at or after @clk.
 */
static inline bool level_next_expiry(u64 pending, unsigned int lvl,
				     unsigned long clk, unsigned long *expiry)
{
	unsigned long first = (clk + LVL_GRAN(lvl) - 1) >> LVL_SHIFT(lvl);
	unsigned int pos = first & LVL_MASK;
	u64 rotated;

	if (!pending)
		return false;
	/* Bit k of rotated is bucket (pos + k) mod 64. */
	rotated = pos ? (pending >> pos) | (pending << (LVL_SIZE - pos)) :
			pending;
	*expiry = (first + __builtin_ctzll(rotated)) << LVL_SHIFT(lvl);
	return true;
}

/**
 * wheel_next_expiry - when the earliest pending bucket of a wheel runs.
 * @pending_map: WHEEL_SIZE bits, one per bucket (64 per level)
 * @clk: the wheel's current time
 *
 * Returns @clk + NEXT_TIMER_MAX_DELTA for an empty wheel.
 */
static inline unsigned long wheel_next_expiry(const u64 *pending_map,
					      unsigned long clk)
{
	unsigned long next = clk + NEXT_TIMER_MAX_DELTA, e;
	unsigned int lvl;

	for (lvl = 0; lvl < LVL_DEPTH; lvl++) {
		if (level_next_expiry(pending_map[lvl], lvl, clk, &e) &&
		    (long)(e - next) < 0)
			next = e;
	}
	return next;
}

#endif /* _KERNEL_TIME_TIMER_WHEEL_H */
