/*
 * The vvar page the vDSO reads: it follows the timekeeper (same
 * CLOCK_MONOTONIC when evaluated the vDSO's way), its sequence count is
 * even between updates, and the per-CPU CPUNODE descriptor gives the
 * CPU number to lsl.
 */
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/smp.h>
#include <linux/timekeeper_internal.h>
#include <linux/timekeeping.h>
#include <vdso/datapage.h>
#include <asm/segment.h>
#include <asm/msr.h>
#include <ktest/test.h>

/* CLOCK_MONOTONIC computed from the vvar page as the vDSO does. */
static u64 vvar_mono(const struct vdso_data *vd, unsigned int *seq_out)
{
	unsigned int seq;
	u64 ns;

	do {
		seq = READ_ONCE(vd->seq);
		barrier();
		ns = vd->mono_ns +
		     (u64)(((unsigned __int128)((rdtsc() - vd->cycle_last) &
						vd->mask) *
				    vd->mult +
			    vd->frac) >>
			   vd->shift);
		barrier();
	} while ((seq & 1) || seq != READ_ONCE(vd->seq));
	*seq_out = seq;
	return ns;
}

static void vsyscall_test_vvar_follows_timekeeper(struct ktest *test)
{
	const struct vdso_data *vd = vdso_data;
	unsigned int seq1, seq2;
	u64 before, vns, after;

	KTEST_ASSERT_EQ(test, vd->clock_mode, VDSO_CLOCKMODE_TSC);
	before = ktime_get();
	vns = vvar_mono(vd, &seq1);
	after = ktime_get();
	KTEST_EXPECT_GE(test, vns, before);
	KTEST_EXPECT_LE(test, vns, after);
	/* The tick keeps publishing: the count moves on, stays even. */
	msleep(20);
	vvar_mono(vd, &seq2);
	KTEST_EXPECT_GT(test, seq2, seq1);
	KTEST_EXPECT_EQ(test, seq2 & 1, 0);
	KTEST_EXPECT_EQ(test, ktime_get_real_offset(), vd->offs_real);
}

static void vsyscall_test_cpunode_segment(struct ktest *test)
{
	unsigned int limit;

	preempt_disable();
	asm volatile("lsl %1, %0" : "=r"(limit) : "r"(__CPUNODE_SEG));
	KTEST_EXPECT_EQ(test, limit & 0xfff, smp_processor_id());
	preempt_enable();
}

static struct ktest_case vsyscall_test_cases[] = {
	KTEST_CASE(vsyscall_test_vvar_follows_timekeeper),
	KTEST_CASE(vsyscall_test_cpunode_segment),
	{}
};

static struct ktest_suite vsyscall_test_suite = {
	.name = "vsyscall",
	.test_cases = vsyscall_test_cases,
};
ktest_suite(vsyscall_test_suite);
