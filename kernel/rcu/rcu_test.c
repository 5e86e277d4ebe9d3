/*
 * RCU tests: grace periods wait for the readers that were running,
 * callbacks run after one and in order, and -- the point of it all --
 * readers racing with updaters never see an object after it was freed,
 * checked with slab poisoning, which overwrites every freed object.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include <ktest/threads.h>

#define RCU_TEST_MAGIC 0x5ca1ab1e0ddba11ULL

struct rcu_test_cb {
	struct rcu_head rh;
	unsigned long gp_seq_queued;
	unsigned long gp_seq_run;
	int order;
	atomic_t *ran;
	struct completion *done;
};

static void rcu_test_cb_fn(struct rcu_head *rh)
{
	struct rcu_test_cb *cb = container_of(rh, struct rcu_test_cb, rh);

	cb->gp_seq_run = rcu_get_gp_seq();
	cb->order = atomic_inc_return(cb->ran);
	if (cb->done)
		complete(cb->done);
}

/* A callback runs only after a full grace period begun after call_rcu(). */
static void rcu_test_call_rcu_after_grace_period(struct ktest *test)
{
	static struct rcu_test_cb cb;
	struct completion done;
	atomic_t ran;

	init_completion(&done);
	atomic_set(&ran, 0);
	cb.ran = &ran;
	cb.done = &done;
	cb.gp_seq_queued = rcu_get_gp_seq();
	call_rcu(&cb.rh, rcu_test_cb_fn);
	KTEST_ASSERT_TRUE(test, wait_for_completion_timeout(&done, 10 * HZ));
	ktest_info(test, "queued at gp_seq %lu, ran at %lu", cb.gp_seq_queued,
		   cb.gp_seq_run);
	/* From even s, the next period ends at s + 2; from odd, at s + 3. */
	KTEST_EXPECT_GE(test, cb.gp_seq_run, (cb.gp_seq_queued + 3) & ~1UL);
	KTEST_EXPECT_EQ(test, cb.gp_seq_run & 1, 0);
}

/* rcu_barrier() returns after every callback queued before it ran, in order. */
static void rcu_test_barrier_and_order(struct ktest *test)
{
	static struct rcu_test_cb cbs[64];
	atomic_t ran;
	int i;

	atomic_set(&ran, 0);
	for (i = 0; i < ARRAY_SIZE(cbs); i++) {
		cbs[i].ran = &ran;
		cbs[i].done = NULL;
		call_rcu(&cbs[i].rh, rcu_test_cb_fn);
	}
	rcu_barrier();
	KTEST_EXPECT_EQ(test, atomic_read(&ran), ARRAY_SIZE(cbs));
	for (i = 0; i < ARRAY_SIZE(cbs); i++)
		KTEST_EXPECT_EQ(test, cbs[i].order, i + 1);
}

/*
 * synchronize_rcu() waits for readers that were already inside their
 * critical sections, here on every other CPU (on one CPU, on this one):
 *
 *	readers (kthreads)		updater (the test)
 *	rcu_read_lock()
 *	in_reader++			wait until all are in
 *	spin ~50 ms			synchronize_rcu() ...
 *	done++
 *	rcu_read_unlock()		... returns: done must be complete
 */
struct reader_gate {
	unsigned int updater_cpu;
	atomic_t readers;
	atomic_t in_reader;
	atomic_t done;
};

static int long_reader_fn(void *data, unsigned int index)
{
	struct reader_gate *g = data;
	u64 end;

	rcu_read_lock();
	if (num_online_cpus() > 1 && smp_processor_id() == g->updater_cpu) {
		rcu_read_unlock();
		return 0; /* keep the updater's CPU free */
	}
	atomic_inc(&g->readers);
	atomic_inc(&g->in_reader);
	end = local_clock() + 50 * NSEC_PER_MSEC;
	while (local_clock() < end)
		cpu_relax();
	atomic_inc(&g->done);
	rcu_read_unlock();
	return 0;
}

static void rcu_test_synchronize_waits_for_reader(struct ktest *test)
{
	static struct reader_gate gate;
	static struct ktest_threads g;
	unsigned int n = num_online_cpus();
	int tries, in;

	gate.updater_cpu = smp_processor_id();
	atomic_set(&gate.readers, 0);
	atomic_set(&gate.in_reader, 0);
	atomic_set(&gate.done, 0);
	ktest_threads_start(test, &g, long_reader_fn, &gate, n, "ktest_rcurd");
	for (tries = 0; tries < 1000; tries++) {
		in = atomic_read(&gate.in_reader);
		if (in && in >= (int)n - (n > 1))
			break;
		schedule_timeout_uninterruptible(1);
	}
	in = atomic_read(&gate.in_reader);
	KTEST_ASSERT_TRUE(test, in > 0);
	synchronize_rcu();
	KTEST_EXPECT_EQ(test, atomic_read(&gate.done), in);
	ktest_threads_wait(test, &g);
}

/* A CPU busy in the kernel without sleeping must not stall grace periods. */
static int busy_fn(void *data, unsigned int index)
{
	u64 end = local_clock() + 300 * NSEC_PER_MSEC;

	while (local_clock() < end)
		cpu_relax();
	return 0;
}

static void rcu_test_busy_cpus_do_not_stall(struct ktest *test)
{
	static struct ktest_threads g;
	u64 start;

	ktest_threads_start(test, &g, busy_fn, NULL, num_online_cpus(),
			    "ktest_busy");
	start = local_clock();
	synchronize_rcu();
	ktest_info(test, "synchronize_rcu took %llu us with every CPU busy",
		   (local_clock() - start) / 1000);
	KTEST_EXPECT_LT(test, local_clock() - start, 2000 * NSEC_PER_MSEC);
	ktest_threads_wait(test, &g);
}

/* --- readers against updaters, with poisoned frees --------------------- */

struct rcu_test_obj {
	u64 magic;
	u64 serial;
	struct rcu_head rh;
};

struct rcu_stress {
	struct kmem_cache *cache;
	struct rcu_test_obj __rcu *gp;
	spinlock_t update_lock;
	atomic_t updaters_left;
	atomic_t bad;
	atomic_t reads;
	atomic_t freed;
	atomic_t allocated;
};

static struct rcu_stress *rcu_stress_cb_owner;

static void rcu_test_obj_free_cb(struct rcu_head *rh)
{
	struct rcu_test_obj *obj = container_of(rh, struct rcu_test_obj, rh);
	struct rcu_stress *s = rcu_stress_cb_owner;

	WRITE_ONCE(obj->magic, 0); /* poisoned anyway; be explicit */
	kmem_cache_free(s->cache, obj);
	atomic_inc(&s->freed);
}

static void rcu_stress_reader(struct rcu_stress *s)
{
	struct rcu_test_obj *p;
	int i;

	rcu_read_lock();
	p = rcu_dereference(s->gp);
	if (p) {
		/* Look twice, with time in between for a racing free. */
		if (READ_ONCE(p->magic) != RCU_TEST_MAGIC)
			atomic_inc(&s->bad);
		for (i = 0; i < 50; i++)
			cpu_relax();
		if (READ_ONCE(p->magic) != RCU_TEST_MAGIC)
			atomic_inc(&s->bad);
	}
	rcu_read_unlock();
	atomic_inc(&s->reads);
}

/* Publish a new object; retire the old one by call_rcu or synchronize. */
static int rcu_stress_update(struct rcu_stress *s, unsigned int i)
{
	struct rcu_test_obj *new, *old;

	new = kmem_cache_alloc(s->cache, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	atomic_inc(&s->allocated);
	new->magic = RCU_TEST_MAGIC;
	new->serial = i;
	spin_lock(&s->update_lock);
	old = rcu_replace_pointer(s->gp, new, lockdep_is_held(&s->update_lock));
	spin_unlock(&s->update_lock);
	if (!old)
		return 0;
	if (i % 16) {
		call_rcu(&old->rh, rcu_test_obj_free_cb);
		return 0;
	}
	synchronize_rcu();
	old->magic = 0;
	kmem_cache_free(s->cache, old);
	atomic_inc(&s->freed);
	return 0;
}

#define RCU_STRESS_UPDATES 300

static int rcu_stress_fn(void *data, unsigned int index)
{
	struct rcu_stress *s = data;
	unsigned int i;
	int ret = 0;

	if (index < 2) { /* two updaters */
		for (i = 0; i < RCU_STRESS_UPDATES && !ret; i++) {
			ret = rcu_stress_update(s, i);
			if (!(i % 8))
				yield();
		}
		atomic_dec(&s->updaters_left);
		return ret;
	}
	for (i = 0; atomic_read(&s->updaters_left); i++) {
		rcu_stress_reader(s);
		if (!(i % 64))
			yield(); /* let the updaters run, even on one CPU */
	}
	return 0;
}

static void rcu_test_readers_never_see_freed(struct ktest *test)
{
	static struct rcu_stress s;
	static struct ktest_threads g;
	unsigned int n = ktest_threads_per_cpus(2, 4) + 2;
	struct rcu_test_obj *last;

	s.cache = kmem_cache_create("rcu_test_obj", sizeof(struct rcu_test_obj),
				    0, SLAB_POISON, NULL);
	KTEST_ASSERT_NOT_NULL(test, s.cache);
	RCU_INIT_POINTER(s.gp, NULL);
	spin_lock_init(&s.update_lock);
	atomic_set(&s.updaters_left, 2);
	atomic_set(&s.bad, 0);
	atomic_set(&s.reads, 0);
	atomic_set(&s.freed, 0);
	atomic_set(&s.allocated, 0);
	rcu_stress_cb_owner = &s;
	ktest_threads_start(test, &g, rcu_stress_fn, &s, n, "ktest_rcustress");
	ktest_threads_wait(test, &g);
	KTEST_EXPECT_EQ(test, g.slots[0].result, 0);
	KTEST_EXPECT_EQ(test, g.slots[1].result, 0);
	last = rcu_replace_pointer(s.gp, NULL, true);
	synchronize_rcu();
	if (last) {
		kmem_cache_free(s.cache, last);
		atomic_inc(&s.freed);
	}
	rcu_barrier(); /* every call_rcu() free has run */
	ktest_info(test, "%d reads, %d objects freed behind the readers",
		   atomic_read(&s.reads), atomic_read(&s.freed));
	KTEST_EXPECT_EQ(test, atomic_read(&s.bad), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&s.freed), atomic_read(&s.allocated));
	KTEST_EXPECT_EQ(test, atomic_read(&s.allocated),
			2 * RCU_STRESS_UPDATES);
	kmem_cache_destroy(s.cache);
}

/* kfree_rcu() frees through the offset of the rcu_head, after a period. */
struct kfree_rcu_obj {
	long payload[7];
	struct rcu_head rh;
};

static void rcu_test_kfree_rcu(struct ktest *test)
{
	struct kfree_rcu_obj *obj;
	int i;

	for (i = 0; i < 32; i++) {
		obj = kmalloc(sizeof(*obj), GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, obj);
		kfree_rcu(obj, rh);
	}
	obj = NULL;
	kfree_rcu(obj, rh); /* NULL: nothing */
	rcu_barrier(); /* the leak check after the suites sees them freed */
}

/* --- RCU lists --------------------------------------------------------- */

struct rcu_item {
	int value;
	struct list_head node;
	struct hlist_node hnode;
};

static int sum_rcu_list(struct list_head *head)
{
	struct rcu_item *it;
	int sum = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(it, head, node)
		sum += it->value;
	rcu_read_unlock();
	return sum;
}

/*
 *	add 1, 2, 3:	head -> 1 -> 2 -> 3
 *	del_rcu(2):	head -> 1 -> 3, and 2 -> 3 still (readers on 2 go on)
 */
static void rcu_test_list_rcu(struct ktest *test)
{
	struct rcu_item items[3];
	LIST_HEAD(head);
	int i;

	for (i = 0; i < 3; i++) {
		items[i].value = i + 1;
		list_add_tail_rcu(&items[i].node, &head);
	}
	KTEST_EXPECT_EQ(test, sum_rcu_list(&head), 6);
	list_del_rcu(&items[1].node);
	KTEST_EXPECT_EQ(test, sum_rcu_list(&head), 4);
	KTEST_EXPECT_PTR_EQ(test, items[1].node.next, &items[2].node);
	synchronize_rcu();
	list_replace_rcu(&items[0].node, &items[1].node);
	KTEST_EXPECT_EQ(test, sum_rcu_list(&head), 5);
	KTEST_EXPECT_PTR_EQ(
		test, list_first_or_null_rcu(&head, struct rcu_item, node),
		&items[1]);
}

static void rcu_test_hlist_rcu(struct ktest *test)
{
	struct rcu_item items[3], *it;
	HLIST_HEAD(head);
	int i, sum = 0;

	for (i = 0; i < 3; i++) {
		items[i].value = 10 * (i + 1);
		hlist_add_head_rcu(&items[i].hnode, &head);
	}
	hlist_del_rcu(&items[1].hnode);
	rcu_read_lock();
	hlist_for_each_entry_rcu(it, &head, hnode)
		sum += it->value;
	rcu_read_unlock();
	KTEST_EXPECT_EQ(test, sum, 40);
	KTEST_EXPECT_PTR_EQ(test, items[1].hnode.next, &items[0].hnode);
}

/*
 * Before each case: one grace period must complete within two seconds,
 * or every wait below would hang.  It cannot if the tick does not call
 * rcu_sched_clock_irq().
 */
static int rcu_test_init(struct ktest *test)
{
	static struct rcu_test_cb probe;
	static struct completion done;
	static atomic_t ran;
	static bool broken;

	if (broken)
		return -1;
	init_completion(&done);
	probe.ran = &ran;
	probe.done = &done;
	call_rcu(&probe.rh, rcu_test_cb_fn);
	if (wait_for_completion_timeout(&done, 2 * HZ))
		return 0;
	broken = true;
	ktest_fail(
		test, __FILE__, __LINE__,
		"no grace period ends: does the tick call rcu_sched_clock_irq()?");
	return -1;
}

static struct ktest_case rcu_test_cases[] = {
	KTEST_CASE(rcu_test_call_rcu_after_grace_period),
	KTEST_CASE(rcu_test_barrier_and_order),
	KTEST_CASE(rcu_test_synchronize_waits_for_reader),
	KTEST_CASE(rcu_test_busy_cpus_do_not_stall),
	KTEST_CASE(rcu_test_readers_never_see_freed),
	KTEST_CASE(rcu_test_kfree_rcu),
	KTEST_CASE(rcu_test_list_rcu),
	KTEST_CASE(rcu_test_hlist_rcu),
	{}
};

static struct ktest_suite rcu_test_suite = {
	.name = "rcu",
	.init = rcu_test_init,
	.test_cases = rcu_test_cases,
};
ktest_suite(rcu_test_suite);
