#ifndef _KTEST_THREADS_H
#define _KTEST_THREADS_H

/*
 * Groups of kernel threads for stress tests: start @n threads spread
 * over the online CPUs, each running fn(data, index), and wait until
 * all have returned.
 *
 *	struct ktest_threads g;
 *
 *	ktest_threads_start(test, &g, hammer, &shared, 8, "ktest_hammer");
 *	ktest_threads_wait(test, &g);		(fails the case on timeout)
 *
 * The threads then idle until ktest_threads_wait() stops them, as
 * kthread_stop() wants threads that do not exit on their own.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <ktest/test.h>

#define KTEST_MAX_THREADS 32
#define KTEST_THREADS_TIMEOUT_S 60

struct ktest_threads;

struct ktest_thread_slot {
	struct ktest_threads *group;
	struct task_struct *task;
	unsigned int index;
	int result;
	bool done; /* fn returned */
};

struct ktest_threads {
	int (*fn)(void *data, unsigned int index);
	void *data;
	unsigned int n;
	atomic_t running;
	struct completion all_done;
	struct ktest_thread_slot slots[KTEST_MAX_THREADS];
};

static inline int ktest_thread_main(void *arg)
{
	struct ktest_thread_slot *slot = arg;
	struct ktest_threads *g = slot->group;

	slot->result = g->fn(g->data, slot->index);
	WRITE_ONCE(slot->done, true);
	if (atomic_dec_and_test(&g->running))
		complete(&g->all_done);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* The @i-th online CPU, wrapping around. */
static inline unsigned int ktest_nth_online_cpu(unsigned int i)
{
	unsigned int cpu, seen = 0, n = num_online_cpus();

	for_each_online_cpu(cpu) {
		if (seen++ == i % n)
			return cpu;
	}
	return 0;
}

/* Threads per online CPU for a stress test: at least @min in all. */
static inline unsigned int ktest_threads_per_cpus(unsigned int per_cpu,
						  unsigned int min)
{
	unsigned int n = per_cpu * num_online_cpus();

	if (n < min)
		n = min;
	return n < KTEST_MAX_THREADS ? n : KTEST_MAX_THREADS;
}

static inline void
ktest_threads_start(struct ktest *test, struct ktest_threads *g,
		    int (*fn)(void *data, unsigned int index), void *data,
		    unsigned int n, const char *name)
{
	unsigned int i;

	KTEST_ASSERT_TRUE(test, n > 0 && n <= KTEST_MAX_THREADS);
	g->fn = fn;
	g->data = data;
	g->n = n;
	atomic_set(&g->running, n);
	init_completion(&g->all_done);
	for (i = 0; i < n; i++) {
		struct ktest_thread_slot *slot = &g->slots[i];

		slot->group = g;
		slot->index = i;
		slot->done = false;
		slot->task = kthread_create_on_cpu(
			ktest_thread_main, slot, ktest_nth_online_cpu(i), name);
		KTEST_ASSERT_FALSE(test, IS_ERR(slot->task));
	}
	for (i = 0; i < n; i++)
		wake_up_process(g->slots[i].task);
}

/* On a timeout: where is each thread that has not finished? */
static inline void ktest_threads_report_stuck(struct ktest *test,
					      struct ktest_threads *g)
{
	unsigned int i;

	for (i = 0; i < g->n; i++) {
		struct task_struct *p = g->slots[i].task;

		if (READ_ONCE(g->slots[i].done))
			continue;
		ktest_info(
			test,
			"thread %u (pid %d) stuck: state %#x on_rq %d cpu %d",
			i, p->pid, READ_ONCE(p->__state), READ_ONCE(p->on_rq),
			task_cpu(p));
	}
}

/* Wait for every thread's fn to return, then stop them all. */
static inline void ktest_threads_wait(struct ktest *test,
				      struct ktest_threads *g)
{
	unsigned int i;

	if (!wait_for_completion_timeout(&g->all_done,
					 KTEST_THREADS_TIMEOUT_S * HZ)) {
		ktest_threads_report_stuck(test, g);
		KTEST_ASSERT_TRUE(test, !"threads did not finish in time");
	}
	for (i = 0; i < g->n; i++)
		kthread_stop(g->slots[i].task);
}

#endif /* _KTEST_THREADS_H */
