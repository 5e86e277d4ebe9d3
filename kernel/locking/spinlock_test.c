/*
 * Spinlock and rwlock tests: semantics from one thread, then stress
 * from several kernel threads on every online CPU, where a lost update
 * would show as a wrong total.  On one CPU the tick still preempts the
 * threads in the middle of their loops, so they interleave there too.
 */
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define STRESS_ITERS 5000

static void spinlock_test_lock_unlock(struct ktest *test)
{
	int pc = preempt_count();
	spinlock_t l;

	spin_lock_init(&l);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&l));
	spin_lock(&l);
	KTEST_EXPECT_TRUE(test, spin_is_locked(&l));
	KTEST_EXPECT_EQ(test, preempt_count(), pc + 1); /* no preemption */
	KTEST_EXPECT_FALSE(test, spin_trylock(&l));
	KTEST_EXPECT_EQ(test, preempt_count(), pc + 1); /* failed: undone */
	spin_unlock(&l);
	KTEST_EXPECT_EQ(test, preempt_count(), pc);
	KTEST_EXPECT_TRUE(test, spin_trylock(&l));
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&l));
}

static void spinlock_test_irq_variants(struct ktest *test)
{
	unsigned long flags;
	spinlock_t l;

	spin_lock_init(&l);
	spin_lock_irq(&l);
	KTEST_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&l);
	KTEST_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	spin_lock_irqsave(&l, flags);
	spin_unlock_irqrestore(&l, flags);
	KTEST_EXPECT_TRUE(test, irqs_disabled()); /* restored, not enabled */
	local_irq_enable();

	KTEST_EXPECT_TRUE(test, spin_trylock_irqsave(&l, flags));
	KTEST_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&l, flags);
	KTEST_EXPECT_FALSE(test, irqs_disabled());
}

static void spinlock_test_bh_variant(struct ktest *test)
{
	spinlock_t l;

	spin_lock_init(&l);
	spin_lock_bh(&l);
	KTEST_EXPECT_TRUE(test, in_softirq()); /* bottom halves off */
	KTEST_EXPECT_FALSE(test, in_serving_softirq());
	spin_unlock_bh(&l);
	KTEST_EXPECT_FALSE(test, in_softirq());
}

/* Ticket order: the next ticket after two lockers is the third. */
static void spinlock_test_ticket_contended(struct ktest *test)
{
	spinlock_t l;

	spin_lock_init(&l);
	spin_lock(&l);
	KTEST_EXPECT_FALSE(test, spin_is_contended(&l));
	/* A second locker's ticket, taken by hand. */
	__atomic_fetch_add(&l.raw_lock.next, 1, __ATOMIC_RELAXED);
	KTEST_EXPECT_TRUE(test, spin_is_contended(&l));
	__atomic_fetch_sub(&l.raw_lock.next, 1, __ATOMIC_RELAXED);
	spin_unlock(&l);
}

struct spin_stress {
	spinlock_t lock;
	unsigned long counter; /* plain: only the lock protects it */
	unsigned long shadow;
	int mode;
};

/* Two dependent plain updates: any overlap breaks counter == shadow. */
static void spin_stress_bump(struct spin_stress *s)
{
	unsigned long c = READ_ONCE(s->counter);

	WRITE_ONCE(s->counter, c + 1);
	WRITE_ONCE(s->shadow, READ_ONCE(s->shadow) + 1);
}

static int spin_stress_fn(void *data, unsigned int index)
{
	struct spin_stress *s = data;
	unsigned long flags;
	int i;

	for (i = 0; i < STRESS_ITERS; i++) {
		switch ((s->mode + i) % 3) {
		case 0:
			spin_lock(&s->lock);
			spin_stress_bump(s);
			spin_unlock(&s->lock);
			break;
		case 1:
			spin_lock_irqsave(&s->lock, flags);
			spin_stress_bump(s);
			spin_unlock_irqrestore(&s->lock, flags);
			break;
		default:
			spin_lock_bh(&s->lock);
			spin_stress_bump(s);
			spin_unlock_bh(&s->lock);
		}
		if (!(i % 1024))
			yield(); /* interleave, even on one CPU */
	}
	return 0;
}

static void spinlock_test_stress_exact_total(struct ktest *test)
{
	static struct spin_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4);

	spin_lock_init(&s.lock);
	s.counter = s.shadow = 0;
	ktest_threads_start(test, &g, spin_stress_fn, &s, n, "ktest_spin");
	ktest_threads_wait(test, &g);
	ktest_info(test, "%u threads on %u CPUs, %lu increments", n,
		   num_online_cpus(), s.counter);
	KTEST_EXPECT_EQ(test, s.counter, (unsigned long)n * STRESS_ITERS);
	KTEST_EXPECT_EQ(test, s.shadow, s.counter);
}

struct rw_stress {
	rwlock_t lock;
	unsigned long a, b; /* writers keep a == b */
	atomic_t torn;
	atomic_t reads;
};

static int rw_stress_fn(void *data, unsigned int index)
{
	struct rw_stress *s = data;
	int i;

	for (i = 0; i < STRESS_ITERS; i++) {
		if (index % 2) {
			write_lock(&s->lock);
			WRITE_ONCE(s->a, s->a + 1);
			WRITE_ONCE(s->b, s->b + 1);
			write_unlock(&s->lock);
		} else {
			read_lock(&s->lock);
			if (READ_ONCE(s->a) != READ_ONCE(s->b))
				atomic_inc(&s->torn);
			read_unlock(&s->lock);
			atomic_inc(&s->reads);
		}
		if (!(i % 1024))
			yield(); /* interleave, even on one CPU */
	}
	return 0;
}

static void rwlock_test_stress(struct ktest *test)
{
	static struct rw_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4);

	rwlock_init(&s.lock);
	s.a = s.b = 0;
	atomic_set(&s.torn, 0);
	atomic_set(&s.reads, 0);
	ktest_threads_start(test, &g, rw_stress_fn, &s, n, "ktest_rwlock");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, atomic_read(&s.torn), 0);
	KTEST_EXPECT_EQ(test, s.a, (unsigned long)(n / 2) * STRESS_ITERS);
	KTEST_EXPECT_EQ(test, s.b, s.a);
	KTEST_EXPECT_EQ(test, atomic_read(&s.reads),
			(int)((n + 1) / 2) * STRESS_ITERS);
}

static void rwlock_test_trylock(struct ktest *test)
{
	rwlock_t l;

	rwlock_init(&l);
	KTEST_EXPECT_TRUE(test, read_trylock(&l));
	KTEST_EXPECT_TRUE(test, read_trylock(&l)); /* readers share */
	KTEST_EXPECT_FALSE(test, write_trylock(&l));
	read_unlock(&l);
	read_unlock(&l);
	KTEST_EXPECT_TRUE(test, write_trylock(&l));
	KTEST_EXPECT_FALSE(test, read_trylock(&l));
	KTEST_EXPECT_FALSE(test, write_trylock(&l));
	write_unlock(&l);
	KTEST_EXPECT_EQ(test, l.raw_lock.cnts, 0);
}

static struct ktest_case spinlock_test_cases[] = {
	KTEST_CASE(spinlock_test_lock_unlock),
	KTEST_CASE(spinlock_test_irq_variants),
	KTEST_CASE(spinlock_test_bh_variant),
	KTEST_CASE(spinlock_test_ticket_contended),
	KTEST_CASE(spinlock_test_stress_exact_total),
	KTEST_CASE(rwlock_test_trylock),
	KTEST_CASE(rwlock_test_stress),
	{}
};

static struct ktest_suite spinlock_test_suite = {
	.name = "spinlock",
	.test_cases = spinlock_test_cases,
};
ktest_suite(spinlock_test_suite);
