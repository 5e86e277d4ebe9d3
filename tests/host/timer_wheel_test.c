/*
 * Host tests for the timer wheel's arithmetic (kernel/time/timer_wheel.h).
 *
 * host-test-sources:
 *
 * Two kinds of check.  Per timer: calc_wheel_index() picks the level
 * for the distance, a bucket whose run time is at or after the expiry
 * and less than one granularity later, and an index that matches that
 * run time.  Whole wheel: a model wheel driven by the same rules as
 * kernel/time/timer.c (collect level n's bucket when clk is a multiple
 * of 8^n; jump clk to wheel_next_expiry() when nothing is due) must run
 * every timer exactly at its bucket's time, never early, including
 * across the 32-bit and the 64-bit wrap of jiffies.
 */
#define _ISOC11_SOURCE

#include <linux/kernel.h>
#include <linux/types.h>
#include "../../kernel/time/timer_wheel.h"

#include "hosttest.h"

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u64 rng64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* Interesting clocks: boot, around the 32-bit and the 64-bit wrap. */
static const unsigned long clocks[] = {
	(unsigned long)(unsigned int)(-300 * HZ),
	0xffffffffUL - 70,
	0x100000000UL,
	~0UL - 5000,
	~0UL - 3,
	12345,
};

/* A distance spread over every level, with the level edges favoured. */
static unsigned long random_delta(void)
{
	u64 r = rng64();
	unsigned int lvl = (r >> 8) % LVL_DEPTH;
	unsigned long base = lvl ? LVL_START(lvl) : 0;

	switch (r & 3) {
	case 0:
		return base; /* first delta of a level */
	case 1:
		return LVL_START(lvl + 1) - 1; /* last one */
	default:
		return base + (r >> 16) % (LVL_START(lvl + 1) - base);
	}
}

HOST_TEST(wheel_level_edges)
{
	HT_EXPECT_EQ(wheel_level(0), 0);
	HT_EXPECT_EQ(wheel_level(62), 0);
	HT_EXPECT_EQ(wheel_level(63), 1);
	HT_EXPECT_EQ(wheel_level(LVL_START(2) - 1), 1);
	HT_EXPECT_EQ(wheel_level(LVL_START(2)), 2);
	HT_EXPECT_EQ(wheel_level(WHEEL_TIMEOUT_CUTOFF - 1), LVL_DEPTH - 1);
	HT_EXPECT_EQ(wheel_level(~0UL), LVL_DEPTH - 1);
}

HOST_TEST(wheel_index_never_early_and_within_granularity)
{
	unsigned int i, c;

	for (c = 0; c < ARRAY_SIZE(clocks); c++) {
		for (i = 0; i < 200000; i++) {
			unsigned long clk = clocks[c] + (rng64() % 4096);
			unsigned long delta = random_delta();
			unsigned long expires = clk + delta, bexp;
			unsigned int lvl = wheel_level(delta);
			unsigned int idx =
				calc_wheel_index(expires, clk, &bexp);
			unsigned long late = bexp - expires;

			HT_ASSERT((long)late >= 0);
			HT_ASSERT(late < LVL_GRAN(lvl));
			HT_ASSERT(idx / LVL_SIZE == lvl);
			HT_ASSERT(idx % LVL_SIZE ==
				  ((bexp >> LVL_SHIFT(lvl)) & LVL_MASK));
			/* Runs after now, within 64 of its level's buckets. */
			HT_ASSERT((long)(bexp - clk) >= 0);
			HT_ASSERT(bexp - clk <= LVL_SIZE * LVL_GRAN(lvl));
		}
	}
}

HOST_TEST(wheel_index_level0_is_exact)
{
	unsigned long clk = 1000, bexp;
	unsigned int idx;

	idx = calc_wheel_index(clk + 5, clk, &bexp);
	HT_EXPECT_EQ(idx, (clk + 5) & LVL_MASK);
	HT_EXPECT_EQ(bexp, clk + 5);
	/* Already due: the bucket that runs next, at clk. */
	idx = calc_wheel_index(clk - 7, clk, &bexp);
	HT_EXPECT_EQ(idx, clk & LVL_MASK);
	HT_EXPECT_EQ(bexp, clk);
}

HOST_TEST(wheel_index_parks_huge_timeouts)
{
	unsigned long clk = 777, bexp;
	unsigned int idx;

	idx = calc_wheel_index(clk + WHEEL_TIMEOUT_CUTOFF + 999, clk, &bexp);
	HT_EXPECT_EQ(idx / LVL_SIZE, LVL_DEPTH - 1);
	/* Parked before its expiry; timer.c queues it again then. */
	HT_EXPECT((long)(bexp - (clk + WHEEL_TIMEOUT_CUTOFF + 999)) < 0);
	HT_EXPECT((long)(bexp - (clk + WHEEL_TIMEOUT_MAX)) >= 0);
}

HOST_TEST(wheel_next_expiry_empty_and_rotated)
{
	u64 map[LVL_DEPTH] = { 0 };
	unsigned long clk = 0x1000, e;

	HT_EXPECT_EQ(wheel_next_expiry(map, clk), clk + NEXT_TIMER_MAX_DELTA);
	/* Level 0, bucket before clk's slot: next time round. */
	map[0] = 1ULL << ((clk - 1) & LVL_MASK);
	HT_EXPECT_EQ(wheel_next_expiry(map, clk), clk - 1 + LVL_SIZE);
	map[0] = 1ULL << (clk & LVL_MASK);
	HT_EXPECT_EQ(wheel_next_expiry(map, clk), clk);
	map[0] = 0;
	/* Level 1 of an unaligned clk starts at the next multiple of 8. */
	map[1] = 1ULL << (((clk + 3 + 7) >> 3) & LVL_MASK);
	HT_EXPECT(level_next_expiry(map[1], 1, clk + 3, &e));
	HT_EXPECT_EQ(e, (clk + 3 + 7) & ~7UL);
}

/* The model wheel. */
#define NR_TIMERS 3000

struct model_timer {
	unsigned long expires;
	unsigned long bucket_expiry;
	unsigned int idx;
	int next; /* in its bucket's list, -1 ends */
	bool queued;
	bool fired;
};

static struct model_timer timers[NR_TIMERS];
static int buckets[WHEEL_SIZE];
static u64 pending[LVL_DEPTH];

static void model_enqueue(int i, unsigned long clk)
{
	struct model_timer *t = &timers[i];

	t->idx = calc_wheel_index(t->expires, clk, &t->bucket_expiry);
	t->next = buckets[t->idx];
	buckets[t->idx] = i;
	pending[t->idx / LVL_SIZE] |= 1ULL << (t->idx % LVL_SIZE);
	t->queued = true;
}

/* Run the buckets due at @clk, as collect_expired_timers() does. */
static unsigned int model_run(unsigned long clk)
{
	unsigned long c = clk;
	unsigned int lvl, ran = 0;

	for (lvl = 0; lvl < LVL_DEPTH; lvl++) {
		unsigned int idx = LVL_OFFS(lvl) + (c & LVL_MASK);
		int i;

		if (pending[lvl] & (1ULL << (idx % LVL_SIZE))) {
			pending[lvl] &= ~(1ULL << (idx % LVL_SIZE));
			for (i = buckets[idx]; i >= 0; i = timers[i].next) {
				HT_ASSERT(timers[i].bucket_expiry == clk);
				HT_ASSERT((long)(clk - timers[i].expires) >= 0);
				timers[i].fired = true;
				timers[i].queued = false;
				ran++;
			}
			buckets[idx] = -1;
		}
		if (c & LVL_CLK_MASK)
			break;
		c >>= LVL_CLK_SHIFT;
	}
	return ran;
}

static void model_reset(void)
{
	unsigned int i;

	for (i = 0; i < WHEEL_SIZE; i++)
		buckets[i] = -1;
	for (i = 0; i < LVL_DEPTH; i++)
		pending[i] = 0;
	memset(timers, 0, sizeof(timers));
}

/*
 * Timers are added at many wheel times while the clock runs; the clock
 * skips empty stretches by wheel_next_expiry(), checked against a
 * brute-force minimum.
 */
static void model_drive(unsigned long start)
{
	unsigned long clk = start;
	unsigned int added = 0, fired = 0, i;

	model_reset();
	while (fired < NR_TIMERS) {
		unsigned long next, brute = clk + NEXT_TIMER_MAX_DELTA;

		while (added < NR_TIMERS && (rng64() & 1)) {
			timers[added].expires =
				clk + (random_delta() >> (rng64() % 20));
			model_enqueue(added++, clk);
		}
		for (i = 0; i < added; i++)
			if (timers[i].queued &&
			    (long)(timers[i].bucket_expiry - brute) < 0)
				brute = timers[i].bucket_expiry;
		next = wheel_next_expiry(pending, clk);
		HT_ASSERT(next == brute);
		if (added < NR_TIMERS && (long)(next - clk) > 64)
			next = clk + 1 + rng64() % 64; /* stop by to add more */
		clk = next;
		fired += model_run(clk);
		clk++;
	}
	for (i = 0; i < NR_TIMERS; i++)
		HT_ASSERT(timers[i].fired);
}

HOST_TEST(wheel_model_runs_every_timer_on_time)
{
	unsigned int c;

	for (c = 0; c < ARRAY_SIZE(clocks); c++)
		model_drive(clocks[c]);
}

static const struct host_test host_tests[] = {
	HOST_CASE(wheel_level_edges),
	HOST_CASE(wheel_index_never_early_and_within_granularity),
	HOST_CASE(wheel_index_level0_is_exact),
	HOST_CASE(wheel_index_parks_huge_timeouts),
	HOST_CASE(wheel_next_expiry_empty_and_rotated),
	HOST_CASE(wheel_model_runs_every_timer_on_time),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
