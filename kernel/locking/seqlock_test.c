/*
 * seqlock tests (seed 001: "读之前保存一个序列值 ... 没变化则说明临界区时
 * 没有写操作发生，否则循环重新读取"): writers change a pair of values
 * together; readers on other CPUs copy the pair in the retry loop and
 * must never keep a torn copy.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/seqlock.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define SEQ_WRITES 5000

static void seqlock_test_sequence_steps(struct ktest *test)
{
	unsigned int seq;
	seqlock_t sl;

	seqlock_init(&sl);
	seq = read_seqbegin(&sl);
	KTEST_EXPECT_EQ(test, seq, 0);
	KTEST_EXPECT_FALSE(test, read_seqretry(&sl, seq));
	write_seqlock(&sl);
	KTEST_EXPECT_EQ(test, raw_read_seqcount(&sl.seqcount) & 1, 1);
	write_sequnlock(&sl);
	KTEST_EXPECT_TRUE(test, read_seqretry(&sl, seq)); /* a writer passed */
	KTEST_EXPECT_EQ(test, read_seqbegin(&sl), 2);
}

static void seqlock_test_seqcount_with_lock(struct ktest *test)
{
	seqcount_spinlock_t sc;
	unsigned int seq;
	spinlock_t l;

	spin_lock_init(&l);
	seqcount_spinlock_init(&sc, &l);
	seq = read_seqcount_begin(&sc);
	spin_lock(&l);
	write_seqcount_begin(&sc);
	write_seqcount_end(&sc);
	spin_unlock(&l);
	KTEST_EXPECT_TRUE(test, read_seqcount_retry(&sc, seq));
	KTEST_EXPECT_EQ(test, raw_seqcount_begin(&sc), 2);
}

struct seq_stress {
	seqlock_t lock;
	u64 a, b; /* b == ~a, always, as a writer leaves them */
	atomic_t writers_left;
	atomic_t torn;
	atomic_t reads;
	atomic_t retries;
};

static void seq_stress_write(struct seq_stress *s, int i)
{
	unsigned long flags;

	write_seqlock_irqsave(&s->lock, flags);
	WRITE_ONCE(s->a, s->a + 1);
	WRITE_ONCE(s->b, ~s->a);
	write_sequnlock_irqrestore(&s->lock, flags);
	if (!(i % 256))
		cond_resched();
}

static void seq_stress_read(struct seq_stress *s)
{
	unsigned int seq, tries = 0;
	u64 a, b;

	do {
		seq = read_seqbegin(&s->lock);
		a = READ_ONCE(s->a);
		b = READ_ONCE(s->b);
		tries++;
	} while (read_seqretry(&s->lock, seq));
	if (b != ~a)
		atomic_inc(&s->torn);
	atomic_inc(&s->reads);
	atomic_add(tries - 1, &s->retries);
}

static int seq_stress_fn(void *data, unsigned int index)
{
	struct seq_stress *s = data;
	int i;

	if (index % 2 == 0) {
		for (i = 0; i < SEQ_WRITES; i++)
			seq_stress_write(s, i);
		atomic_dec(&s->writers_left);
		return 0;
	}
	for (i = 0; atomic_read(&s->writers_left); i++) {
		seq_stress_read(s);
		if (!(i % 256))
			cond_resched();
	}
	return 0;
}

static void seqlock_test_stress_no_torn_reads(struct ktest *test)
{
	static struct seq_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4), writers = (n + 1) / 2;

	seqlock_init(&s.lock);
	s.a = 0;
	s.b = ~0ULL;
	atomic_set(&s.writers_left, writers);
	atomic_set(&s.torn, 0);
	atomic_set(&s.reads, 0);
	atomic_set(&s.retries, 0);
	ktest_threads_start(test, &g, seq_stress_fn, &s, n, "ktest_seq");
	ktest_threads_wait(test, &g);
	ktest_info(test, "%d reads, %d retries", atomic_read(&s.reads),
		   atomic_read(&s.retries));
	KTEST_EXPECT_EQ(test, atomic_read(&s.torn), 0);
	KTEST_EXPECT_EQ(test, s.a, (u64)writers * SEQ_WRITES);
	KTEST_EXPECT_EQ(test, s.b, ~s.a);
	KTEST_EXPECT_EQ(test, read_seqbegin(&s.lock), 2 * writers * SEQ_WRITES);
}

static struct ktest_case seqlock_test_cases[] = {
	KTEST_CASE(seqlock_test_sequence_steps),
	KTEST_CASE(seqlock_test_seqcount_with_lock),
	KTEST_CASE(seqlock_test_stress_no_torn_reads),
	{}
};

static struct ktest_suite seqlock_test_suite = {
	.name = "seqlock",
	.test_cases = seqlock_test_cases,
};
ktest_suite(seqlock_test_suite);
