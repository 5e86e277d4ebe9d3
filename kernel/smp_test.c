/*
 * SMP: every CPU came up with its own per-CPU area, functions run
 * where they are sent and the callers wait as they asked, TLB
 * shootdowns reach the other CPUs, a wake-up crosses CPUs with a
 * reschedule IPI, and the load balancer spreads busy threads.  Cases
 * that need a second CPU skip on a uniprocessor boot.
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/hardirq.h>
#include <asm-generic/sections.h>
#include <ktest/test.h>
#include <ktest/threads.h>

static bool smp_test_need_two(struct ktest *test)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(test, "needs at least 2 online CPUs");
	return false;
}

/* Some online CPU other than @this (there must be one). */
static unsigned int other_online_cpu(unsigned int this)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != this)
			return cpu;
	return this;
}

/*
 * Everything the MADT enabled is up (the QEMU -smp count), unless
 * maxcpus= or nosmp asked for fewer; CPUs are numbered without holes.
 */
static void smp_test_all_possible_cpus_online(struct ktest *test)
{
	unsigned int cpu, want = num_present_cpus();

	if (want > max(setup_max_cpus, 1U))
		want = max(setup_max_cpus, 1U);
	KTEST_EXPECT_GE(test, num_present_cpus(), 1);
	KTEST_EXPECT_EQ(test, num_online_cpus(), want);
	KTEST_EXPECT_EQ(test, num_possible_cpus(), num_present_cpus());
	KTEST_EXPECT_EQ(test, nr_cpu_ids, num_possible_cpus());
	for (cpu = 0; cpu < want; cpu++)
		KTEST_EXPECT_TRUE(test, cpu_online(cpu));
	ktest_info(test, "%u of %u CPUs online", num_online_cpus(),
		   num_present_cpus());
}

struct percpu_probe {
	int id;
	int cpu_number;
	unsigned long this_cpu_off;
	unsigned long var_addr;
};

static DEFINE_PER_CPU(int, smp_test_var);

static void record_percpu(void *data)
{
	struct percpu_probe *p = data;

	p->id = smp_processor_id();
	p->cpu_number = this_cpu_read(cpu_number);
	p->this_cpu_off = this_cpu_read(this_cpu_off);
	p->var_addr = (unsigned long)this_cpu_ptr(&smp_test_var);
}

static bool areas_overlap(unsigned int a, unsigned int b)
{
	size_t size = __per_cpu_end - __per_cpu_start;

	return __per_cpu_offset[a] < __per_cpu_offset[b] + size &&
	       __per_cpu_offset[b] < __per_cpu_offset[a] + size;
}

/*
 * Each CPU, asked where it is, answers with its own number and its
 * own area; no two areas overlap.
 *
 *	CPU0 area [__per_cpu_offset[0], +size)  CPU1 area [..[1], +size) ...
 */
static void smp_test_percpu_areas_distinct(struct ktest *test)
{
	static struct percpu_probe probe[NR_CPUS];
	unsigned int cpu, other;

	for_each_online_cpu(cpu) {
		KTEST_ASSERT_EQ(test,
				smp_call_function_single(cpu, record_percpu,
							 &probe[cpu], 1),
				0);
		KTEST_EXPECT_EQ(test, probe[cpu].id, cpu);
		KTEST_EXPECT_EQ(test, probe[cpu].cpu_number, cpu);
		KTEST_EXPECT_EQ(test, probe[cpu].this_cpu_off,
				__per_cpu_offset[cpu]);
		KTEST_EXPECT_EQ(test, probe[cpu].var_addr,
				(unsigned long)per_cpu_ptr(&smp_test_var, cpu));
	}
	for_each_online_cpu(cpu)
		for_each_online_cpu(other)
			if (other != cpu)
				KTEST_EXPECT_FALSE(test,
						   areas_overlap(cpu, other));
}

static void smp_test_get_cpu_disables_preemption(struct ktest *test)
{
	int cpu = get_cpu();

	KTEST_EXPECT_GE(test, preempt_count(), 1);
	KTEST_EXPECT_EQ(test, cpu, smp_processor_id());
	put_cpu();
}

struct slow_call {
	int ran_on;
	int done;
};

/* Slow on purpose: a caller that did not wait would see done == 0. */
static void slow_mark_done(void *data)
{
	struct slow_call *c = data;

	mdelay(20);
	c->ran_on = smp_processor_id();
	WRITE_ONCE(c->done, 1);
}

static void smp_test_call_single_waits(struct ktest *test)
{
	struct slow_call c = { .ran_on = -1 };
	unsigned int this, target;

	if (!smp_test_need_two(test))
		return;
	this = get_cpu();
	target = other_online_cpu(this);
	KTEST_EXPECT_EQ(test,
			smp_call_function_single(target, slow_mark_done, &c, 1),
			0);
	put_cpu();
	KTEST_EXPECT_EQ(test, READ_ONCE(c.done), 1);
	KTEST_EXPECT_EQ(test, c.ran_on, target);
}

static void smp_test_call_single_nowait_returns_early(struct ktest *test)
{
	static struct slow_call c;
	unsigned long timeout = jiffies + HZ;
	unsigned int this, target;

	if (!smp_test_need_two(test))
		return;
	c.done = 0;
	c.ran_on = -1;
	this = get_cpu();
	target = other_online_cpu(this);
	KTEST_EXPECT_EQ(test,
			smp_call_function_single(target, slow_mark_done, &c, 0),
			0);
	/* 20 ms of work on the other side: we are back long before. */
	KTEST_EXPECT_EQ(test, READ_ONCE(c.done), 0);
	put_cpu();
	while (!READ_ONCE(c.done) && time_before(jiffies, timeout))
		cpu_relax();
	KTEST_EXPECT_EQ(test, READ_ONCE(c.done), 1);
	KTEST_EXPECT_EQ(test, c.ran_on, target);
}

static void smp_test_call_single_offline_fails(struct ktest *test)
{
	int dummy = 0;

	KTEST_EXPECT_EQ(test,
			smp_call_function_single(nr_cpu_ids, record_percpu,
						 &dummy, 1),
			-ENXIO);
}

struct cpu_tally {
	atomic_t calls;
	unsigned long seen[BITS_TO_LONGS(NR_CPUS)];
};

static void tally_cpu(void *data)
{
	struct cpu_tally *t = data;

	atomic_inc(&t->calls);
	set_bit(smp_processor_id(), t->seen);
}

static void smp_test_on_each_cpu_runs_everywhere(struct ktest *test)
{
	struct cpu_tally t = { .calls = ATOMIC_INIT(0) };

	on_each_cpu(tally_cpu, &t, 1);
	KTEST_EXPECT_EQ(test, atomic_read(&t.calls), num_online_cpus());
	KTEST_EXPECT_TRUE(test,
			  bitmap_equal(t.seen, cpumask_bits(cpu_online_mask),
				       NR_CPUS));
}

static void smp_test_call_function_skips_self(struct ktest *test)
{
	struct cpu_tally t = { .calls = ATOMIC_INIT(0) };
	unsigned int this;

	this = get_cpu();
	smp_call_function_many(cpu_online_mask, tally_cpu, &t, true);
	KTEST_EXPECT_FALSE(test, test_bit(this, t.seen));
	put_cpu();
	KTEST_EXPECT_EQ(test, atomic_read(&t.calls), num_online_cpus() - 1);
}

/* --- many CPUs calling each other at once ---------------------------------- */

#define STRESS_ROUNDS 100

static atomic_t stress_sync, stress_async;

static void stress_inc_sync(void *unused)
{
	atomic_inc(&stress_sync);
}

static void stress_inc_async(void *unused)
{
	atomic_inc(&stress_async);
}

static void stress_noop(void *unused)
{
}

/*
 * Every thread, one per CPU, sends to its neighbour and to all others,
 * waiting and not waiting, while the others do the same to it: no
 * request is lost or run twice, and nobody deadlocks.
 */
static int stress_caller(void *data, unsigned int index)
{
	unsigned int i, this, next;

	for (i = 0; i < STRESS_ROUNDS; i++) {
		this = get_cpu();
		next = cpumask_next(this, cpu_online_mask);
		if (next >= nr_cpu_ids)
			next = cpumask_first(cpu_online_mask);
		smp_call_function_single(next, stress_inc_sync, NULL, 1);
		smp_call_function_many(cpu_online_mask, stress_inc_async, NULL,
				       false);
		put_cpu();
	}
	return 0;
}

static void smp_test_concurrent_calls_are_exact(struct ktest *test)
{
	struct ktest_threads g;
	unsigned int n = num_online_cpus();

	if (!smp_test_need_two(test))
		return;
	atomic_set(&stress_sync, 0);
	atomic_set(&stress_async, 0);
	ktest_threads_start(test, &g, stress_caller, NULL, n, "ktest_ipi");
	ktest_threads_wait(test, &g);
	/* Queues run in order: this waited call comes after the rest. */
	on_each_cpu(stress_noop, NULL, 1);
	KTEST_EXPECT_EQ(test, atomic_read(&stress_sync), n * STRESS_ROUNDS);
	KTEST_EXPECT_EQ(test, atomic_read(&stress_async),
			n * (n - 1) * STRESS_ROUNDS);
}

/* --- TLB shootdown ------------------------------------------------------- */

struct remote_read {
	const unsigned long *addr;
	unsigned long val;
	long err;
};

static void read_nofault(void *data)
{
	struct remote_read *r = data;

	r->err = copy_from_kernel_nofault(&r->val, r->addr, sizeof(r->val));
}

/*
 * CPU A maps a page and CPU B reads it, so B's TLB holds the
 * translation.  vfree() on A clears the PTE: unless A shoots down B's
 * entry, B keeps reading the freed page.
 *
 *	A: vmalloc, write   B: read (TLB filled)   A: vfree   B: read -> fault
 */
static void smp_test_tlb_shootdown_reaches_other_cpu(struct ktest *test)
{
	struct remote_read r = { .err = -1 };
	unsigned int this, target;
	unsigned long *p;

	if (!smp_test_need_two(test))
		return;
	p = vmalloc(PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, p);
	*p = 0x5eed5eedUL;
	r.addr = p;
	this = get_cpu();
	target = other_online_cpu(this);
	smp_call_function_single(target, read_nofault, &r, 1);
	put_cpu();
	KTEST_EXPECT_EQ(test, r.err, 0);
	KTEST_EXPECT_EQ(test, r.val, 0x5eed5eedUL);

	vfree(p);
	r.err = 0;
	r.val = 0;
	smp_call_function_single(target, read_nofault, &r, 1);
	KTEST_EXPECT_EQ(test, r.err, -EFAULT);
	KTEST_EXPECT_EQ(test, r.val, 0);
}

/* --- wake-ups and balancing ------------------------------------------------ */

struct wake_probe {
	struct completion done;
	int ran_on;
};

static int report_cpu(void *data)
{
	struct wake_probe *w = data;

	w->ran_on = smp_processor_id();
	complete(&w->done);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/*
 * A thread bound to another, idle CPU, woken from here: it runs there,
 * and that CPU was told by a reschedule IPI (its RES count moves).
 */
static void smp_test_reschedule_ipi_wakes_remote_task(struct ktest *test)
{
	struct wake_probe w[2];
	struct task_struct *k[2];
	unsigned int i, this, res_before;

	if (!smp_test_need_two(test))
		return;
	for (i = 0; i < 2; i++) {
		init_completion(&w[i].done);
		w[i].ran_on = -1;
		k[i] = kthread_create_on_cpu(report_cpu, &w[i], i,
					     "ktest_wake");
		KTEST_ASSERT_FALSE(test, IS_ERR(k[i]));
	}
	/* Wake the thread of the CPU we are not on. */
	this = get_cpu();
	i = this == 1 ? 0 : 1;
	res_before = per_cpu(irq_stat, i).irq_resched_count;
	wake_up_process(k[i]);
	put_cpu();
	KTEST_EXPECT_TRUE(test, wait_for_completion_timeout(&w[i].done, HZ));
	KTEST_EXPECT_EQ(test, w[i].ran_on, i);
	KTEST_EXPECT_GT(test, per_cpu(irq_stat, i).irq_resched_count,
			res_before);
	kthread_stop(k[0]);
	kthread_stop(k[1]);
}

#define SPINNERS 4

struct spinner {
	unsigned long seen[BITS_TO_LONGS(NR_CPUS)];
};

static int spin_and_note_cpu(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop()) {
		set_bit(smp_processor_id(), s->seen);
		cpu_relax();
	}
	return 0;
}

static unsigned int spinners_cpus_seen(struct spinner *s)
{
	unsigned long all[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	unsigned int i;

	for (i = 0; i < SPINNERS; i++)
		bitmap_or(all, all, s[i].seen, NR_CPUS);
	return bitmap_weight(all, NR_CPUS);
}

/*
 * Four busy threads start on CPU 0 and may run anywhere: within a
 * second the balancer has moved some of them, so they were seen on at
 * least two CPUs.
 */
static void smp_test_load_balance_spreads_busy_threads(struct ktest *test)
{
	static struct spinner s[SPINNERS];
	struct task_struct *k[SPINNERS];
	unsigned long timeout;
	unsigned int i, seen;

	if (!smp_test_need_two(test))
		return;
	memset(s, 0, sizeof(s));
	for (i = 0; i < SPINNERS; i++) {
		k[i] = kthread_create_on_cpu(spin_and_note_cpu, &s[i], 0,
					     "ktest_spin");
		KTEST_ASSERT_FALSE(test, IS_ERR(k[i]));
	}
	for (i = 0; i < SPINNERS; i++) {
		wake_up_process(k[i]);
		set_cpus_allowed_ptr(k[i], cpumask_bits(cpu_online_mask));
	}
	timeout = jiffies + HZ;
	while (spinners_cpus_seen(s) < 2 && time_before(jiffies, timeout))
		schedule_timeout_uninterruptible(HZ / 50);
	seen = spinners_cpus_seen(s);
	for (i = 0; i < SPINNERS; i++)
		kthread_stop(k[i]);
	ktest_info(test, "%u busy threads seen on %u CPUs", SPINNERS, seen);
	KTEST_EXPECT_GE(test, seen, 2);
}

static struct ktest_case smp_test_cases[] = {
	KTEST_CASE(smp_test_all_possible_cpus_online),
	KTEST_CASE(smp_test_percpu_areas_distinct),
	KTEST_CASE(smp_test_get_cpu_disables_preemption),
	KTEST_CASE(smp_test_call_single_waits),
	KTEST_CASE(smp_test_call_single_nowait_returns_early),
	KTEST_CASE(smp_test_call_single_offline_fails),
	KTEST_CASE(smp_test_on_each_cpu_runs_everywhere),
	KTEST_CASE(smp_test_call_function_skips_self),
	KTEST_CASE(smp_test_concurrent_calls_are_exact),
	KTEST_CASE(smp_test_tlb_shootdown_reaches_other_cpu),
	KTEST_CASE(smp_test_reschedule_ipi_wakes_remote_task),
	KTEST_CASE(smp_test_load_balance_spreads_busy_threads),
	{}
};

static struct ktest_suite smp_test_suite = {
	.name = "smp",
	.test_cases = smp_test_cases,
};
ktest_suite(smp_test_suite);
