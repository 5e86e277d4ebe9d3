/*
 * Tests of lockdep and might_sleep(): each seeds one bug on purpose,
 * from a single thread so that nothing can actually deadlock, and
 * checks that exactly one report (one warn_count step) came out.
 */
#include <linux/bug.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/might_sleep.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <ktest/test.h>

static int lockdep_test_init(struct ktest *test)
{
	if (!IS_ENABLED(CONFIG_LOCKDEP) ||
	    !IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP)) {
		ktest_skip(test, "lock debugging is configured out");
		ktest_abort(test);
	}
	if (!debug_locks) {
		ktest_fail(test, __FILE__, __LINE__,
			   "lockdep is off (an earlier report turned it off)");
		return -1;
	}
	return 0;
}

/*
 * Lock A then B, and later B then A: the second order closes the
 * cycle A -> B -> A, reported once even though no deadlock happened.
 *
 *	graph after the first pass:	A -> B
 *	second pass adds B -> A:	A -> B -> A   (cycle)
 */
static void lockdep_test_abba_reported(struct ktest *test)
{
	unsigned long warns;
	spinlock_t a, b;

	spin_lock_init(&a);
	spin_lock_init(&b);
	spin_lock(&a);
	spin_lock(&b);
	spin_unlock(&b);
	spin_unlock(&a);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: possible circular locking dependency detected");
	spin_lock(&b);
	spin_lock(&a);
	spin_unlock(&a);
	spin_unlock(&b);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	/* Both orders are known now: no second report. */
	spin_lock(&b);
	spin_lock(&a);
	spin_unlock(&a);
	spin_unlock(&b);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, debug_locks);
}

/* The cycle may be longer than two: A -> B, B -> C, then C -> A. */
static void lockdep_test_three_lock_cycle(struct ktest *test)
{
	unsigned long warns;
	spinlock_t a, b, c;

	spin_lock_init(&a);
	spin_lock_init(&b);
	spin_lock_init(&c);
	spin_lock(&a);
	spin_lock(&b);
	spin_unlock(&b);
	spin_unlock(&a);
	spin_lock(&b);
	spin_lock(&c);
	spin_unlock(&c);
	spin_unlock(&b);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: possible circular locking dependency detected");
	spin_lock(&c);
	spin_lock(&a);
	spin_unlock(&a);
	spin_unlock(&c);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* Mutexes take part in the same graph. */
static void lockdep_test_mutex_abba(struct ktest *test)
{
	struct mutex a, b;
	unsigned long warns;

	mutex_init(&a);
	mutex_init(&b);
	mutex_lock(&a);
	mutex_lock(&b);
	mutex_unlock(&b);
	mutex_unlock(&a);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: possible circular locking dependency detected");
	mutex_lock(&b);
	mutex_lock(&a);
	mutex_unlock(&a);
	mutex_unlock(&b);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* One order, however often, is fine; so is a trylock against it. */
static void lockdep_test_consistent_order_silent(struct ktest *test)
{
	unsigned long warns = warn_count;
	spinlock_t a, b;
	int i;

	spin_lock_init(&a);
	spin_lock_init(&b);
	for (i = 0; i < 3; i++) {
		spin_lock(&a);
		spin_lock(&b);
		spin_unlock(&b);
		spin_unlock(&a);
	}
	spin_lock(&b);
	if (spin_trylock(&a)) /* cannot deadlock: no dependency */
		spin_unlock(&a);
	spin_unlock(&b);
	KTEST_EXPECT_EQ(test, warn_count, warns);
}

/*
 * Run @fn as an interrupt handler would: hardirq count raised, irqs
 * off.  Enough for lockdep, which reads the context from preempt_count.
 */
static void run_as_hardirq(void (*fn)(spinlock_t *), spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__irq_enter();
	fn(lock);
	__irq_exit();
	local_irq_restore(flags);
}

static void lock_and_unlock(spinlock_t *lock)
{
	spin_lock(lock);
	spin_unlock(lock);
}

/*
 * Taken in a hardirq, and elsewhere with irqs on: the interrupt can
 * arrive while the lock is held and spin on its own CPU forever.
 */
static void lockdep_test_irq_inconsistent(struct ktest *test)
{
	unsigned long warns;
	spinlock_t l;

	spin_lock_init(&l);
	run_as_hardirq(lock_and_unlock, &l);
	warns = warn_count;
	ktest_info(test, "expected below: WARNING: inconsistent lock state");
	lock_and_unlock(&l);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* The other order of discovery is reported too. */
static void lockdep_test_irq_inconsistent_reverse(struct ktest *test)
{
	unsigned long warns;
	spinlock_t l;

	spin_lock_init(&l);
	lock_and_unlock(&l);
	warns = warn_count;
	ktest_info(test, "expected below: WARNING: inconsistent lock state");
	run_as_hardirq(lock_and_unlock, &l);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* With irqs off everywhere else, a lock shared with a hardirq is fine. */
static void lockdep_test_irqsafe_use_silent(struct ktest *test)
{
	unsigned long warns = warn_count, flags;
	spinlock_t l;

	spin_lock_init(&l);
	run_as_hardirq(lock_and_unlock, &l);
	spin_lock_irqsave(&l, flags);
	spin_unlock_irqrestore(&l, flags);
	spin_lock_irq(&l);
	spin_unlock_irq(&l);
	KTEST_EXPECT_EQ(test, warn_count, warns);
}

/*
 * A hardirq-safe lock held while taking a hardirq-unsafe one: each use
 * is fine alone, the order is not.
 *
 *	safe:	taken in a hardirq
 *	unsafe:	taken with irqs on
 *	then, irqs off: lock(safe); lock(unsafe)   -> safe -> unsafe
 */
static void lockdep_test_irq_safe_to_unsafe(struct ktest *test)
{
	unsigned long warns, flags;
	spinlock_t safe, unsafe;

	spin_lock_init(&safe);
	spin_lock_init(&unsafe);
	run_as_hardirq(lock_and_unlock, &safe);
	lock_and_unlock(&unsafe);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected");
	spin_lock_irqsave(&safe, flags);
	spin_lock(&unsafe);
	spin_unlock(&unsafe);
	spin_unlock_irqrestore(&safe, flags);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* The same found from the other end: the unsafe use comes last. */
static void lockdep_test_irq_unsafe_found_later(struct ktest *test)
{
	unsigned long warns, flags;
	spinlock_t safe, unsafe;

	spin_lock_init(&safe);
	spin_lock_init(&unsafe);
	run_as_hardirq(lock_and_unlock, &safe);
	spin_lock_irqsave(&safe, flags);
	spin_lock(&unsafe); /* irqs off: unsafe not known as unsafe yet */
	spin_unlock(&unsafe);
	spin_unlock_irqrestore(&safe, flags);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected");
	lock_and_unlock(&unsafe);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* Every lock set up here is of one class. */
static void init_same_class(spinlock_t *lock)
{
	spin_lock_init(lock);
}

static void lockdep_test_recursive_reported(struct ktest *test)
{
	unsigned long warns = warn_count;
	spinlock_t a, b;

	init_same_class(&a);
	init_same_class(&b);
	ktest_info(
		test,
		"expected below: WARNING: possible recursive locking detected");
	spin_lock(&a);
	spin_lock(&b);
	spin_unlock(&b);
	spin_unlock(&a);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static void init_nested_class(spinlock_t *lock)
{
	spin_lock_init(lock);
}

/* spin_lock_nested() says the nesting is intended (parent, child). */
static void lockdep_test_nested_annotation_silent(struct ktest *test)
{
	unsigned long warns = warn_count;
	spinlock_t parent, child;

	init_nested_class(&parent);
	init_nested_class(&child);
	spin_lock(&parent);
	spin_lock_nested(&child, SINGLE_DEPTH_NESTING);
	spin_unlock(&child);
	spin_unlock(&parent);
	KTEST_EXPECT_EQ(test, warn_count, warns);
}

static void lockdep_test_assert_held(struct ktest *test)
{
	unsigned long warns = warn_count;
	struct mutex m;
	spinlock_t l;

	spin_lock_init(&l);
	mutex_init(&m);
	spin_lock(&l);
	lockdep_assert_held(&l);
	KTEST_EXPECT_TRUE(test, lockdep_is_held(&l));
	spin_unlock(&l);
	mutex_lock(&m);
	lockdep_assert_held(&m);
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(test, warn_count, warns);
	KTEST_EXPECT_FALSE(test, lockdep_is_held(&l));
	ktest_info(
		test,
		"expected below: WARNING at kernel/locking/lockdep_test.c (lockdep_assert_held)");
	lockdep_assert_held(&l);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* A static lock has no key: its address names its class. */
static DEFINE_SPINLOCK(static_a);
static DEFINE_SPINLOCK(static_b);

static void lockdep_test_static_locks(struct ktest *test)
{
	unsigned long warns;

	spin_lock(&static_a);
	spin_lock(&static_b);
	KTEST_EXPECT_TRUE(test, lockdep_is_held(&static_a));
	spin_unlock(&static_b);
	spin_unlock(&static_a);
	warns = warn_count;
	ktest_info(
		test,
		"expected below: WARNING: possible circular locking dependency detected");
	spin_lock(&static_b);
	spin_lock(&static_a);
	spin_unlock(&static_a);
	spin_unlock(&static_b);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* rwsem readers: taking the same one twice can deadlock behind a writer. */
static void lockdep_test_rwsem_read_twice(struct ktest *test)
{
	unsigned long warns = warn_count;
	struct rw_semaphore sem;

	init_rwsem(&sem);
	ktest_info(
		test,
		"expected below: WARNING: possible recursive locking detected");
	down_read(&sem);
	down_read(&sem);
	up_read(&sem);
	up_read(&sem);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

/* Seed 000: might_sleep() under a spinlock says so, with a backtrace. */
static void lockdep_test_might_sleep_in_spinlock(struct ktest *test)
{
	unsigned long warns = warn_count;
	struct mutex m;
	spinlock_t l;

	spin_lock_init(&l);
	mutex_init(&m);
	ktest_info(
		test,
		"expected below: BUG: sleeping function called from invalid context");
	spin_lock(&l);
	mutex_lock(&m); /* free, so it does not actually sleep */
	mutex_unlock(&m);
	spin_unlock(&l);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	/* And nothing when preemption is on. */
	might_sleep();
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static struct ktest_case lockdep_test_cases[] = {
	KTEST_CASE(lockdep_test_abba_reported),
	KTEST_CASE(lockdep_test_three_lock_cycle),
	KTEST_CASE(lockdep_test_mutex_abba),
	KTEST_CASE(lockdep_test_consistent_order_silent),
	KTEST_CASE(lockdep_test_irq_inconsistent),
	KTEST_CASE(lockdep_test_irq_inconsistent_reverse),
	KTEST_CASE(lockdep_test_irqsafe_use_silent),
	KTEST_CASE(lockdep_test_irq_safe_to_unsafe),
	KTEST_CASE(lockdep_test_irq_unsafe_found_later),
	KTEST_CASE(lockdep_test_recursive_reported),
	KTEST_CASE(lockdep_test_nested_annotation_silent),
	KTEST_CASE(lockdep_test_assert_held),
	KTEST_CASE(lockdep_test_static_locks),
	KTEST_CASE(lockdep_test_rwsem_read_twice),
	KTEST_CASE(lockdep_test_might_sleep_in_spinlock),
	{}
};

static struct ktest_suite lockdep_test_suite = {
	.name = "lockdep",
	.init = lockdep_test_init,
	.test_cases = lockdep_test_cases,
};
ktest_suite(lockdep_test_suite);
