/*
 * Workqueues: deferred work run by kernel threads (seed 001).
 *
 * The pieces, from the caller's side inwards:
 *
 *	workqueue_struct	what callers queue on (system_wq, or their
 *	   |			own from alloc_workqueue()): a name, flags,
 *	   |			max_active
 *	pool_workqueue		one per (workqueue, pool): counts the work
 *	   |			in flight for flush_workqueue() and holds
 *	   |			back work beyond max_active
 *	worker_pool		the kworkers of one CPU and priority (or the
 *				unbound ones), and the list of work ready
 *				to run; one lock for all of it
 *
 * Concurrency.  A pool tries to keep exactly one of its workers running
 * while it has work: a queueing wakes an idle worker only if none of
 * the busy ones is runnable, and a worker that finishes an item takes
 * the next one.  When the running worker sleeps (its work item waits
 * for I/O, a mutex, msleep), another worker must take over, or a single
 * sleeping item would hold up the whole pool.  Linux learns of the
 * sleep from a hook in schedule(); wq_worker_sleeping() is that hook.
 * Until the scheduler calls it, and as a backstop, a per-pool stall
 * timer looks every tick while work is waiting and wakes an idle
 * worker if no busy one is runnable.  A worker leaving idle when no
 * other idle worker is left first creates one (it becomes the pool's
 * manager for that time), so there is always a worker to wake.  Idle
 * workers beyond MIN_IDLE_WORKERS stop after IDLE_WORKER_TIMEOUT.
 *
 * Non-reentrancy.  A work item never runs twice at once:
 *  - within a pool, a worker about to run an item that another worker
 *    is still running hands it to that worker (its @scheduled list);
 *  - across pools, work->data remembers the pool where the item last
 *    ran, and __queue_work() sends it back there while it still runs.
 *
 * Flushing.  flush_work() queues a barrier work right behind the item
 * (or at the head of the running worker's @scheduled list) and waits
 * for it.  flush_workqueue() flips the workqueue between two colors:
 * work queued before the flip has the old color, and the flush waits
 * until no pool_workqueue has work of that color in flight.
 */
#include <linux/workqueue.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/wait.h>

#include "workqueue_internal.h"

enum {
	POOL_MANAGER_ACTIVE = 1 << 0, /* pool->flags: creating a worker */

	WORKER_DIE = 1 << 1, /* worker->flags: stopping */
	WORKER_IDLE = 1 << 2, /* on the idle list */

	NR_STD_WORKER_POOLS = 2, /* normal and highpri, per CPU */
	UNBOUND_POOL_BASE = NR_CPUS * NR_STD_WORKER_POOLS,
	NR_WORKER_POOLS = UNBOUND_POOL_BASE + NR_STD_WORKER_POOLS,

	MAX_POOL_WORKERS = 64, /* M in kworker/N:M */
	MIN_IDLE_WORKERS = 2, /* idle workers a pool keeps */
	MAX_IDLE_WORKERS_RATIO = 4, /* beyond those, 1 idle per 4 busy */
	IDLE_WORKER_TIMEOUT = 300 * HZ,
	STALL_CHECK_INTERVAL = 1, /* jiffies */
	HIGHPRI_NICE_LEVEL = -20,
};

/*
 * Fields marked L are under the pool's lock, I are set before the pool
 * is published and never change.
 */
struct worker_pool {
	raw_spinlock_t lock;
	int cpu; /* I: the CPU its workers are bound to, or -1 */
	int id; /* I: index in worker_pools[] */
	bool highpri; /* I: workers at HIGHPRI_NICE_LEVEL */
	unsigned int flags; /* L: POOL_* */
	struct list_head worklist; /* L: ready to run */
	int nr_workers; /* L */
	int nr_idle; /* L */
	struct list_head idle_list; /* L: most recently idle first */
	struct list_head workers; /* L: every worker of the pool */
	unsigned long worker_ids[BITS_TO_LONGS(MAX_POOL_WORKERS)]; /* L */
	struct timer_list idle_timer; /* stops surplus idle workers */
	struct timer_list stall_timer; /* wakes one if the busy ones sleep */
	struct work_struct idle_cull_work;
};

/*
 * The link between a workqueue and a pool.  Its address, with the low
 * WORK_STRUCT_FLAG_BITS free, is what work->data holds while queued.
 */
struct pool_workqueue {
	struct worker_pool *pool; /* I */
	struct workqueue_struct *wq; /* I */
	int work_color; /* L: the color given to newly queued work */
	int flush_color; /* L: the color a flush waits for here, or -1 */
	int nr_in_flight[WORK_NR_COLORS]; /* L: queued or running */
	int nr_active; /* L: on the pool's worklist or running */
	int max_active; /* I */
	struct list_head inactive_works; /* L: beyond max_active */
	struct list_head pwqs_node; /* in wq->pwqs, under wq->mutex */
} __aligned(1 << WORK_STRUCT_FLAG_BITS);

/* M: under wq->mutex; F: under wq->flush_mutex; P: under wq_pool_mutex. */
struct workqueue_struct {
	struct list_head pwqs; /* M */
	struct list_head list; /* P: in workqueues */
	struct mutex mutex;
	struct mutex flush_mutex; /* one flush_workqueue() at a time */
	int work_color; /* M: the current color */
	atomic_t nr_pwqs_to_flush; /* F: pwqs the flush still waits for */
	struct completion *flush_done; /* F: the flusher's */
	int nr_drainers; /* M */
	unsigned int flags; /* WQ_*; __WQ_DRAINING under M */
	int max_active;
	struct pool_workqueue *cpu_pwq[NR_CPUS]; /* P: per-CPU workqueues */
	struct pool_workqueue *dfl_pwq; /* unbound workqueues */
	char name[WQ_NAME_LEN];
};

/* flush_work()'s marker, queued right behind the work it waits for. */
struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static DEFINE_MUTEX(wq_pool_mutex); /* pools, workqueues, CPUs coming up */
static LIST_HEAD(workqueues); /* P */
static struct worker_pool *worker_pools[NR_WORKER_POOLS]; /* P, then I */
static struct kmem_cache *pwq_cache;
static bool wq_online; /* workqueue_init() has run */
static DECLARE_WAIT_QUEUE_HEAD(wq_cancel_waitq); /* cancelers of one work */

struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;

/* --- work->data ----------------------------------------------------------- */

static void set_work_data(struct work_struct *work, unsigned long data)
{
	atomic_long_set(&work->data, data);
}

static void set_work_pwq(struct work_struct *work, struct pool_workqueue *pwq,
			 unsigned long flags)
{
	set_work_data(work, (unsigned long)pwq | WORK_STRUCT_PENDING |
				    WORK_STRUCT_PWQ | flags);
}

static void set_work_pool_and_keep_pending(struct work_struct *work,
					   unsigned long pool_id,
					   unsigned long flags)
{
	set_work_data(work, (pool_id << WORK_OFFQ_POOL_SHIFT) |
				    WORK_STRUCT_PENDING | flags);
}

/*
 * Clearing PENDING lets the work be queued again; the work function
 * runs after it.  The barrier keeps the function's reads behind the
 * clear, so that a queuer that found PENDING set (and so did not
 * queue) is sure its data is seen:
 *
 *	queuer				worker
 *	store data			clear PENDING
 *	test_and_set PENDING (mb)	smp_mb()
 *	  -> was set: not queued	run work->func: load data
 *
 * Either the queuer's test comes after the clear (and it queues the
 * work again), or the worker's load comes after the queuer's store.
 */
static void set_work_pool_and_clear_pending(struct work_struct *work,
					    unsigned long pool_id)
{
	smp_wmb();
	set_work_data(work, pool_id << WORK_OFFQ_POOL_SHIFT);
	smp_mb();
}

static struct pool_workqueue *get_work_pwq(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return (struct pool_workqueue *)(data &
						 WORK_STRUCT_WQ_DATA_MASK);
	return NULL;
}

static unsigned long get_work_pool_id(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return ((struct pool_workqueue *)(data &
						  WORK_STRUCT_WQ_DATA_MASK))
			->pool->id;
	return data >> WORK_OFFQ_POOL_SHIFT;
}

/* The pool @work is queued on, or last ran in; NULL if none. */
static struct worker_pool *get_work_pool(struct work_struct *work)
{
	unsigned long id = get_work_pool_id(work);

	if (id >= NR_WORKER_POOLS)
		return NULL;
	return READ_ONCE(worker_pools[id]);
}

static int get_work_color(unsigned long data)
{
	return (data & WORK_STRUCT_COLOR_MASK) >> WORK_STRUCT_COLOR_SHIFT;
}

static unsigned long work_color_to_flags(int color)
{
	return (unsigned long)color << WORK_STRUCT_COLOR_SHIFT;
}

static bool work_is_canceling(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	return !(data & WORK_STRUCT_PWQ) && (data & WORK_OFFQ_CANCELING);
}

/* --- workers -------------------------------------------------------------- */

static struct worker *current_wq_worker(void)
{
	if (in_task() && (current->flags & PF_WQ_WORKER))
		return kthread_data(current);
	return NULL;
}

static struct worker *find_worker_executing_work(struct worker_pool *pool,
						 struct work_struct *work)
{
	struct worker *worker;

	list_for_each_entry(worker, &pool->workers, node) {
		/* The function too: @work may have been freed and reused. */
		if (worker->current_work == work &&
		    worker->current_func == work->func)
			return worker;
	}
	return NULL;
}

/*
 * Is a busy worker other than @except runnable?  Reading another
 * task's state is a snapshot; a worker that goes to sleep just after
 * is caught by wq_worker_sleeping() or the stall timer.
 */
static bool pool_has_running_worker(struct worker_pool *pool,
				    struct worker *except)
{
	struct worker *worker;

	lockdep_assert_held(&pool->lock);
	list_for_each_entry(worker, &pool->workers, node) {
		if (worker != except && !(worker->flags & WORKER_IDLE) &&
		    task_is_running(worker->task))
			return true;
	}
	return false;
}

/* Work is waiting and nobody but @worker could take it. */
static bool need_more_worker(struct worker_pool *pool, struct worker *worker)
{
	return !list_empty(&pool->worklist) &&
	       !pool_has_running_worker(pool, worker);
}

/* Wake the most recently idle worker (its cache is the warmest). */
static void wake_up_first_idle(struct worker_pool *pool)
{
	struct worker *worker = list_first_entry_or_null(&pool->idle_list,
							 struct worker, entry);

	if (worker)
		wake_up_process(worker->task);
}

/* New work on @pool's worklist: see that a worker will run it. */
static void kick_pool(struct worker_pool *pool)
{
	lockdep_assert_held(&pool->lock);
	if (list_empty(&pool->worklist))
		return;
	if (!pool_has_running_worker(pool, NULL))
		wake_up_first_idle(pool);
	if (!timer_pending(&pool->stall_timer))
		mod_timer(&pool->stall_timer, jiffies + STALL_CHECK_INTERVAL);
}

static bool too_many_workers(struct worker_pool *pool)
{
	int nr_busy = pool->nr_workers - pool->nr_idle;

	return pool->nr_idle > MIN_IDLE_WORKERS &&
	       (pool->nr_idle - MIN_IDLE_WORKERS) * MAX_IDLE_WORKERS_RATIO >=
		       nr_busy;
}

static void worker_enter_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	worker->flags |= WORKER_IDLE;
	worker->last_active = jiffies;
	pool->nr_idle++;
	list_add(&worker->entry, &pool->idle_list);
	if (too_many_workers(pool) && !timer_pending(&pool->idle_timer))
		mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT);
}

static void worker_leave_idle(struct worker *worker)
{
	worker->flags &= ~WORKER_IDLE;
	worker->pool->nr_idle--;
	list_del_init(&worker->entry);
}

static int worker_thread(void *arg);

/*
 * Start a new idle worker for @pool.  Process context, may sleep; no
 * lock held.  Returns it, or NULL.
 */
static struct worker *create_worker(struct worker_pool *pool)
{
	char name[TASK_COMM_LEN];
	struct task_struct *task;
	struct worker *worker;
	int id;

	worker = kzalloc(sizeof(*worker), GFP_KERNEL);
	if (!worker)
		return NULL;
	INIT_LIST_HEAD(&worker->entry);
	INIT_LIST_HEAD(&worker->scheduled);
	worker->pool = pool;

	raw_spin_lock_irq(&pool->lock);
	id = find_first_zero_bit(pool->worker_ids, MAX_POOL_WORKERS);
	if (id < MAX_POOL_WORKERS)
		__set_bit(id, pool->worker_ids);
	raw_spin_unlock_irq(&pool->lock);
	if (id >= MAX_POOL_WORKERS)
		goto err_free_worker;
	worker->id = id;

	if (pool->cpu >= 0)
		snprintf(name, sizeof(name), "kworker/%d:%d%s", pool->cpu, id,
			 pool->highpri ? "H" : "");
	else
		snprintf(name, sizeof(name), "kworker/u%d:%d", pool->id, id);
	task = kthread_create_on_cpu(worker_thread, worker, pool->cpu, name);
	if (IS_ERR(task))
		goto err_free_id;
	if (pool->highpri)
		set_user_nice(task, HIGHPRI_NICE_LEVEL);
	worker->task = task;

	/* Nothing can fail after this point. */
	raw_spin_lock_irq(&pool->lock);
	list_add_tail(&worker->node, &pool->workers);
	pool->nr_workers++;
	worker_enter_idle(worker);
	wake_up_process(task);
	raw_spin_unlock_irq(&pool->lock);
	return worker;

err_free_id:
	raw_spin_lock_irq(&pool->lock);
	__clear_bit(id, pool->worker_ids);
	raw_spin_unlock_irq(&pool->lock);
err_free_worker:
	kfree(worker);
	return NULL;
}

/*
 * @worker left idle and none is left: become the pool's manager and
 * create one, so that the pool has a worker to wake if this one
 * sleeps.  Pool lock held (dropped meanwhile).  Returns true if it
 * created a worker (the caller looks at the pool again).
 */
static bool manage_workers(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;
	struct worker *created;

	if (pool->flags & POOL_MANAGER_ACTIVE)
		return false;
	pool->flags |= POOL_MANAGER_ACTIVE;
	raw_spin_unlock_irq(&pool->lock);
	created = create_worker(pool);
	if (!created)
		pr_warn("workqueue: cannot create a worker for pool %d\n",
			pool->id);
	raw_spin_lock_irq(&pool->lock);
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	return created;
}

/*
 * Move @work, and the barriers linked behind it, to the tail of @head.
 * Pool lock held.
 */
static void move_linked_works(struct work_struct *work, struct list_head *head)
{
	for (;;) {
		struct work_struct *next = list_next_entry(work, entry);
		bool linked = atomic_long_read(&work->data) &
			      WORK_STRUCT_LINKED;

		list_move_tail(&work->entry, head);
		if (!linked)
			break;
		work = next;
	}
}

static void pwq_activate_work(struct pool_workqueue *pwq,
			      struct work_struct *work)
{
	move_linked_works(work, &pwq->pool->worklist);
	clear_bit(WORK_STRUCT_INACTIVE_BIT, work_data_bits(work));
	pwq->nr_active++;
	kick_pool(pwq->pool);
}

/*
 * An active work item of @color left @pwq (it ran, or was canceled):
 * let an inactive one in, and tell a flush waiting for @color when the
 * last one is gone.  Pool lock held.
 */
static void pwq_dec_nr_in_flight(struct pool_workqueue *pwq, int color)
{
	struct workqueue_struct *wq = pwq->wq;

	if (color == WORK_NO_COLOR)
		return;
	pwq->nr_active--;
	if (!list_empty(&pwq->inactive_works) &&
	    pwq->nr_active < pwq->max_active)
		pwq_activate_work(pwq,
				  list_first_entry(&pwq->inactive_works,
						   struct work_struct, entry));
	pwq->nr_in_flight[color]--;
	if (pwq->flush_color == color && !pwq->nr_in_flight[color]) {
		pwq->flush_color = -1;
		if (atomic_dec_and_test(&wq->nr_pwqs_to_flush))
			complete(wq->flush_done);
	}
}

static void report_leak(struct worker *worker, int count)
{
	pr_err("BUG: workqueue work item %ps (%s) left preempt_count %08x (was %08x), irqs %s, %u locks held\n",
	       worker->current_func, current->comm, preempt_count(), count,
	       irqs_disabled() ? "off" : "on", lockdep_depth(current));
	dump_stack();
}

/*
 * Run one work item, which is on @worker's scheduled list.  Pool lock
 * held, irqs off; dropped while the function runs.  If another worker
 * of the pool is still running the same item, it is handed over to
 * that worker instead, to run after it (never two at once).
 */
static void process_one_work(struct worker *worker, struct work_struct *work)
{
	struct pool_workqueue *pwq = get_work_pwq(work);
	struct worker_pool *pool = worker->pool;
	int color = get_work_color(atomic_long_read(&work->data));
	struct worker *collision;
	int count;

	collision = find_worker_executing_work(pool, work);
	if (unlikely(collision)) {
		move_linked_works(work, &collision->scheduled);
		return;
	}
	worker->current_work = work;
	worker->current_func = work->func;
	worker->current_pwq = pwq;
	list_del_init(&work->entry);
	set_work_pool_and_clear_pending(work, pool->id);
	raw_spin_unlock_irq(&pool->lock);

	count = preempt_count();
	worker->current_func(work); /* @work may be freed from here on */
	if (unlikely(preempt_count() != count || irqs_disabled() ||
		     lockdep_depth(current)))
		report_leak(worker, count);
	cond_resched();

	raw_spin_lock_irq(&pool->lock);
	worker->current_work = NULL;
	worker->current_func = NULL;
	worker->current_pwq = NULL;
	pwq_dec_nr_in_flight(pwq, color);
}

static void process_scheduled_works(struct worker *worker)
{
	while (!list_empty(&worker->scheduled))
		process_one_work(worker,
				 list_first_entry(&worker->scheduled,
						  struct work_struct, entry));
}

/* Run the pool's work while no other worker runs; pool lock held. */
static void worker_process_works(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

recheck:
	if (!need_more_worker(pool, worker))
		return;
	if (!pool->nr_idle && manage_workers(worker))
		goto recheck;
	do {
		move_linked_works(list_first_entry(&pool->worklist,
						   struct work_struct, entry),
				  &worker->scheduled);
		process_scheduled_works(worker);
	} while (need_more_worker(pool, worker));
}

/* A stopped worker waits for kthread_stop(), which wants it alive. */
static void worker_wait_for_stop(void)
{
	for (;;) {
		set_current_state(TASK_IDLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * The body of a kworker: run work while the pool needs it, then sleep
 * on the idle list until kick_pool() (or the stall timer, or
 * wq_worker_sleeping()) wakes it.  The state is set under the pool
 * lock, so a wake-up after the unlock is not lost.
 */
static int worker_thread(void *arg)
{
	struct worker *worker = arg;
	struct worker_pool *pool = worker->pool;

	current->flags |= PF_WQ_WORKER;
	raw_spin_lock_irq(&pool->lock);
	while (!(worker->flags & WORKER_DIE)) {
		worker_leave_idle(worker);
		worker_process_works(worker);
		worker_enter_idle(worker);
		__set_current_state(TASK_IDLE);
		raw_spin_unlock_irq(&pool->lock);
		schedule();
		raw_spin_lock_irq(&pool->lock);
	}
	raw_spin_unlock_irq(&pool->lock);
	current->flags &= ~PF_WQ_WORKER;
	worker_wait_for_stop();
	return 0;
}

/**
 * wq_worker_sleeping - a kworker is going to sleep; see workqueue_internal.h.
 * @task: the kworker (current)
 *
 * From schedule(), preemption off, no runqueue lock held.
 */
void wq_worker_sleeping(struct task_struct *task)
{
	struct worker *worker = kthread_data(task);
	struct worker_pool *pool = worker->pool;
	unsigned long flags;

	if (worker->flags & WORKER_IDLE)
		return;
	raw_spin_lock_irqsave(&pool->lock, flags);
	if (need_more_worker(pool, worker))
		wake_up_first_idle(pool);
	raw_spin_unlock_irqrestore(&pool->lock, flags);
}

/* Every tick while work waits: are all the busy workers asleep? */
static void pool_stall_timeout(struct timer_list *t)
{
	struct worker_pool *pool = from_timer(pool, t, stall_timer);
	unsigned long flags;

	raw_spin_lock_irqsave(&pool->lock, flags);
	if (!list_empty(&pool->worklist)) {
		if (!pool_has_running_worker(pool, NULL))
			wake_up_first_idle(pool);
		mod_timer(&pool->stall_timer, jiffies + STALL_CHECK_INTERVAL);
	}
	raw_spin_unlock_irqrestore(&pool->lock, flags);
}

/* The idle worker created last: forced culls undo growth in order. */
static struct worker *newest_idle_worker(struct worker_pool *pool)
{
	struct worker *worker, *newest = NULL;

	list_for_each_entry(worker, &pool->idle_list, entry) {
		if (!newest || worker->id > newest->id)
			newest = worker;
	}
	return newest;
}

/*
 * Stop the idle workers @pool has too many of: those idle for
 * IDLE_WORKER_TIMEOUT (the longest idle first), or, if @force, all the
 * surplus (the newest first).  Process context.  Returns how many
 * stopped.
 */
static int cull_idle_workers(struct worker_pool *pool, bool force)
{
	LIST_HEAD(cull_list);
	struct worker *worker, *tmp;
	int n = 0;

	raw_spin_lock_irq(&pool->lock);
	while (too_many_workers(pool)) {
		unsigned long expires;

		if (force)
			worker = newest_idle_worker(pool);
		else
			worker = list_last_entry(&pool->idle_list,
						 struct worker, entry);
		expires = worker->last_active + IDLE_WORKER_TIMEOUT;
		if (!force && time_before(jiffies, expires)) {
			mod_timer(&pool->idle_timer, expires);
			break;
		}
		worker->flags |= WORKER_DIE;
		pool->nr_idle--;
		pool->nr_workers--;
		__clear_bit(worker->id, pool->worker_ids);
		list_del(&worker->node);
		list_move_tail(&worker->entry, &cull_list);
	}
	raw_spin_unlock_irq(&pool->lock);

	list_for_each_entry_safe(worker, tmp, &cull_list, entry) {
		kthread_stop(worker->task);
		kfree(worker);
		n++;
	}
	return n;
}

static void idle_cull_fn(struct work_struct *work)
{
	cull_idle_workers(
		container_of(work, struct worker_pool, idle_cull_work), false);
}

/* Stopping a thread sleeps: the timer hands that to a work item. */
static void idle_worker_timeout(struct timer_list *t)
{
	struct worker_pool *pool = from_timer(pool, t, idle_timer);
	unsigned long flags;
	bool cull;

	raw_spin_lock_irqsave(&pool->lock, flags);
	cull = too_many_workers(pool);
	raw_spin_unlock_irqrestore(&pool->lock, flags);
	if (cull)
		queue_work(system_unbound_wq, &pool->idle_cull_work);
}

/**
 * wq_cull_idle_workers - stop every surplus idle kworker now (tests).
 *
 * Process context, may sleep.  Returns how many stopped.
 */
int wq_cull_idle_workers(void)
{
	int i, n = 0;

	for (i = 0; i < NR_WORKER_POOLS; i++) {
		struct worker_pool *pool = READ_ONCE(worker_pools[i]);

		if (pool)
			n += cull_idle_workers(pool, true);
	}
	return n;
}

/** wq_nr_workers - how many kworkers exist, in all pools. */
int wq_nr_workers(void)
{
	int i, n = 0;

	for (i = 0; i < NR_WORKER_POOLS; i++) {
		struct worker_pool *pool = READ_ONCE(worker_pools[i]);

		if (pool)
			n += READ_ONCE(pool->nr_workers);
	}
	return n;
}

/* --- queueing ------------------------------------------------------------- */

/*
 * Put @work on @head (the pool's worklist, a pwq's inactive list, or a
 * worker's scheduled list) with PENDING and @flags.  Pool lock held.
 */
static void insert_work(struct pool_workqueue *pwq, struct work_struct *work,
			struct list_head *head, unsigned long flags)
{
	set_work_pwq(work, pwq, flags);
	list_add_tail(&work->entry, head);
	kick_pool(pwq->pool);
}

/* Queued from a work item of @wq itself (allowed while draining). */
static bool is_chained_work(struct workqueue_struct *wq)
{
	struct worker *worker = current_wq_worker();

	return worker && worker->current_pwq && worker->current_pwq->wq == wq;
}

static struct pool_workqueue *select_pwq(struct workqueue_struct *wq,
					 int req_cpu)
{
	struct pool_workqueue *pwq;
	int cpu = req_cpu;

	if (wq->flags & WQ_UNBOUND)
		return wq->dfl_pwq;
	if (cpu == WORK_CPU_UNBOUND)
		cpu = smp_processor_id();
	pwq = (cpu >= 0 && cpu < NR_CPUS) ? READ_ONCE(wq->cpu_pwq[cpu]) : NULL;
	if (likely(pwq))
		return pwq;
	/* A CPU without pools yet: coming up, or a caller's mistake. */
	WARN_ONCE(req_cpu != WORK_CPU_UNBOUND,
		  "workqueue %s: no pool on CPU %d\n", wq->name, req_cpu);
	return READ_ONCE(wq->cpu_pwq[0]);
}

/*
 * Queue @work, whose PENDING bit the caller took, on @wq.  Irqs off.
 * If the work still runs in the pool where it last ran, it goes there
 * (non-reentrancy); otherwise to @req_cpu's pool.
 */
static void __queue_work(int req_cpu, struct workqueue_struct *wq,
			 struct work_struct *work)
{
	struct worker_pool *last_pool, *pool;
	struct pool_workqueue *pwq;
	struct list_head *head;
	unsigned long flags;
	struct worker *worker;

	lockdep_assert(irqs_disabled());
	pwq = select_pwq(wq, req_cpu);
	if (unlikely(READ_ONCE(wq->flags) & __WQ_DRAINING) &&
	    WARN_ONCE(!is_chained_work(wq),
		      "workqueue %s: queueing while it is drained\n", wq->name))
		pwq = NULL;
	if (unlikely(!pwq)) {
		set_work_pool_and_clear_pending(work, get_work_pool_id(work));
		return;
	}

	pool = pwq->pool;
	last_pool = get_work_pool(work);
	if (last_pool && last_pool != pool) {
		raw_spin_lock(&last_pool->lock);
		worker = find_worker_executing_work(last_pool, work);
		if (worker && worker->current_pwq->wq == wq) {
			pwq = worker->current_pwq;
			pool = last_pool;
		} else {
			raw_spin_unlock(&last_pool->lock);
			raw_spin_lock(&pool->lock);
		}
	} else {
		raw_spin_lock(&pool->lock);
	}

	WARN_ON_ONCE(!list_empty(&work->entry));
	pwq->nr_in_flight[pwq->work_color]++;
	flags = work_color_to_flags(pwq->work_color);
	if (pwq->nr_active < pwq->max_active) {
		pwq->nr_active++;
		head = &pool->worklist;
	} else {
		flags |= WORK_STRUCT_INACTIVE;
		head = &pwq->inactive_works;
	}
	insert_work(pwq, work, head, flags);
	raw_spin_unlock(&pool->lock);
}

/**
 * queue_work_on - queue @work on @wq, on @cpu's pool.
 * @cpu: an online CPU, or WORK_CPU_UNBOUND for the local one (ignored
 *	by WQ_UNBOUND workqueues)
 * @wq: the workqueue
 * @work: the work item
 *
 * Any context, irqs on or off.  Returns false if @work was already
 * pending (it stays where it is), true if it is now queued.
 */
bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work)
{
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_work(cpu, wq, work);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

/**
 * delayed_work_timer_fn - a delayed work's timer expired: queue the work.
 * @t: the timer in a struct delayed_work
 */
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);
	unsigned long flags;

	local_irq_save(flags);
	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_restore(flags);
}

/* Arm @dwork's timer (or queue it now); PENDING taken, irqs off. */
static void __queue_delayed_work(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;

	WARN_ON_ONCE(timer->function != delayed_work_timer_fn);
	WARN_ON_ONCE(timer_pending(timer));
	WARN_ON_ONCE(!list_empty(&dwork->work.entry));
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
		return;
	}
	dwork->wq = wq;
	dwork->cpu = cpu;
	timer->expires = jiffies + delay;
	if (cpu == WORK_CPU_UNBOUND)
		add_timer(timer);
	else
		add_timer_on(timer, cpu);
}

/**
 * queue_delayed_work_on - queue @dwork on @wq after @delay jiffies.
 * @cpu: the CPU whose timer and pool to use, or WORK_CPU_UNBOUND
 * @wq: the workqueue
 * @dwork: the delayed work item
 * @delay: jiffies to wait; 0 queues at once
 *
 * Any context.  The work runs no earlier than @delay jiffies from now.
 * Returns false if @dwork was already pending.
 */
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT,
			      work_data_bits(&dwork->work))) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

/* --- taking work back ----------------------------------------------------- */

/*
 * Take @work's PENDING bit, whatever state the work is in:
 *
 *	1	it was pending (on a timer or a list): now off it
 *	0	it was idle
 *	-EAGAIN	someone is between taking PENDING and queueing; retry
 *	-ENOENT	another task is canceling it
 *
 * On 0 and 1 the caller owns PENDING, with irqs off (restored from
 * *@flags when done); on errors irqs are as they were.
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork,
			       unsigned long *flags)
{
	struct pool_workqueue *pwq;
	struct worker_pool *pool;

	local_irq_save(*flags);
	if (is_dwork && likely(del_timer(&to_delayed_work(work)->timer)))
		return 1;
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return 0;

	pool = get_work_pool(work);
	if (!pool)
		goto fail;
	raw_spin_lock(&pool->lock);
	/* Queued works' data changes only under their pool's lock. */
	pwq = get_work_pwq(work);
	if (pwq && pwq->pool == pool) {
		unsigned long data = atomic_long_read(&work->data);

		if (data & WORK_STRUCT_INACTIVE)
			pwq_activate_work(pwq, work);
		list_del_init(&work->entry);
		pwq_dec_nr_in_flight(pwq, get_work_color(data));
		set_work_pool_and_keep_pending(work, pool->id, 0);
		raw_spin_unlock(&pool->lock);
		return 1;
	}
	raw_spin_unlock(&pool->lock);
fail:
	local_irq_restore(*flags);
	if (work_is_canceling(work))
		return -ENOENT;
	cpu_relax();
	return -EAGAIN;
}

/**
 * mod_delayed_work_on - queue @dwork after @delay, wherever it was.
 * @cpu: the CPU whose timer and pool to use, or WORK_CPU_UNBOUND
 * @wq: the workqueue
 * @dwork: the delayed work item
 * @delay: jiffies from now; 0 queues at once
 *
 * Any context.  A pending @dwork is taken off its timer or list and
 * queued anew.  Returns true if it was pending (or being canceled:
 * then the cancel wins), false if it was idle.
 */
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	int ret;

	do {
		ret = try_to_grab_pending(&dwork->work, true, &flags);
	} while (unlikely(ret == -EAGAIN));
	if (likely(ret >= 0)) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		local_irq_restore(flags);
	}
	return ret;
}

static bool __cancel_work(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;
	int ret;

	do {
		ret = try_to_grab_pending(work, is_dwork, &flags);
	} while (unlikely(ret == -EAGAIN));
	if (unlikely(ret < 0))
		return false;
	set_work_pool_and_clear_pending(work, get_work_pool_id(work));
	local_irq_restore(flags);
	return ret;
}

/**
 * cancel_work - take @work off its queue if it is pending.
 * @work: the work item
 *
 * Any context.  Does not wait for a running instance.  Returns true if
 * it was pending.
 */
bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false);
}

/**
 * cancel_delayed_work - take @dwork off its timer or queue, if pending.
 * @dwork: the delayed work item
 *
 * Any context.  Does not wait for a running instance.  Returns true if
 * it was pending.
 */
bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true);
}

/* --- flushing ------------------------------------------------------------- */

static void wq_barrier_func(struct work_struct *work)
{
	struct wq_barrier *barr = container_of(work, struct wq_barrier, work);

	complete(&barr->done);
}

/*
 * Queue @barr to run right after @target: behind it on its list, with
 * @target's LINKED bit so that they move together; or, if @target is
 * running on @worker and not queued, first on @worker's list.  Pool
 * lock held.
 */
static void insert_wq_barrier(struct pool_workqueue *pwq,
			      struct wq_barrier *barr,
			      struct work_struct *target, struct worker *worker)
{
	unsigned long linked = 0;
	struct list_head *head;

	INIT_WORK(&barr->work, wq_barrier_func);
	init_completion(&barr->done);
	if (worker) {
		head = worker->scheduled.next;
	} else {
		unsigned long *bits = work_data_bits(target);

		head = target->entry.next;
		linked = *bits & WORK_STRUCT_LINKED;
		set_bit(WORK_STRUCT_LINKED_BIT, bits);
	}
	insert_work(pwq, &barr->work, head,
		    work_color_to_flags(WORK_NO_COLOR) | linked);
}

/* Queue a barrier behind @work's last queueing; false if it is idle. */
static bool start_flush_work(struct work_struct *work, struct wq_barrier *barr)
{
	struct pool_workqueue *pwq;
	struct worker_pool *pool;
	struct worker *worker = NULL;

	local_irq_disable();
	pool = get_work_pool(work);
	if (!pool) {
		local_irq_enable();
		return false;
	}
	raw_spin_lock(&pool->lock);
	pwq = get_work_pwq(work);
	if (pwq) {
		if (unlikely(pwq->pool != pool))
			goto already_gone;
	} else {
		worker = find_worker_executing_work(pool, work);
		if (!worker)
			goto already_gone;
		pwq = worker->current_pwq;
	}
	insert_wq_barrier(pwq, barr, work, worker);
	raw_spin_unlock_irq(&pool->lock);
	return true;

already_gone:
	raw_spin_unlock_irq(&pool->lock);
	return false;
}

/**
 * flush_work - wait until @work's last queueing has finished running.
 * @work: the work item
 *
 * Process context, may sleep; not from @work itself.  Returns true if
 * it waited, false if @work was idle already.
 */
bool flush_work(struct work_struct *work)
{
	struct wq_barrier barr;

	if (WARN_ON_ONCE(!wq_online || !work->func))
		return false;
	might_sleep();
	if (WARN_ONCE(current_work() == work, "workqueue: %ps flushes itself\n",
		      work->func))
		return false;
	if (!start_flush_work(work, &barr))
		return false;
	wait_for_completion(&barr.done);
	return true;
}

/**
 * flush_delayed_work - queue @dwork now if its timer is pending, then
 * wait for it to finish.
 * @dwork: the delayed work item
 *
 * Process context, may sleep.  Returns true if it waited.
 */
bool flush_delayed_work(struct delayed_work *dwork)
{
	local_irq_disable();
	if (del_timer(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_enable();
	return flush_work(&dwork->work);
}

/*
 * Take PENDING (waiting out another canceler), keep it while a running
 * instance finishes, so that nobody can queue the work meanwhile, then
 * drop it.
 */
static bool __cancel_work_sync(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;
	int ret;

	might_sleep();
	do {
		ret = try_to_grab_pending(work, is_dwork, &flags);
		if (unlikely(ret == -ENOENT))
			wait_event(wq_cancel_waitq, !work_is_canceling(work));
	} while (unlikely(ret < 0));

	set_work_pool_and_keep_pending(work, get_work_pool_id(work),
				       WORK_OFFQ_CANCELING);
	local_irq_restore(flags);
	if (wq_online)
		flush_work(work);
	set_work_pool_and_clear_pending(work, WORK_OFFQ_POOL_NONE);
	if (wq_has_sleeper(&wq_cancel_waitq))
		wake_up_all(&wq_cancel_waitq);
	return ret;
}

/**
 * cancel_work_sync - take @work off its queue and wait until it is idle.
 * @work: the work item
 *
 * Process context, may sleep; not from @work itself.  On return @work
 * is neither pending nor running, unless someone queued it again after
 * the wait.  Returns true if it was pending.
 */
bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, false);
}

/**
 * cancel_delayed_work_sync - cancel_work_sync() for a delayed work.
 * @dwork: the delayed work item
 *
 * Process context, may sleep.  Returns true if it was pending.
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_sync(&dwork->work, true);
}

/**
 * flush_workqueue - wait for the work queued on @wq so far to finish.
 * @wq: the workqueue
 *
 * Process context, may sleep; not from a work item of @wq.  Work queued
 * after the call starts is not waited for.
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	struct completion done;
	int color;

	might_sleep();
	if (WARN_ONCE(is_chained_work(wq),
		      "workqueue %s: flushed from its own work item\n",
		      wq->name))
		return;
	init_completion(&done);
	mutex_lock(&wq->flush_mutex);
	mutex_lock(&wq->mutex);
	color = wq->work_color;
	wq->work_color = color ^ 1;
	wq->flush_done = &done;
	atomic_set(&wq->nr_pwqs_to_flush, 1); /* ours, dropped below */
	list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
		raw_spin_lock_irq(&pwq->pool->lock);
		if (pwq->nr_in_flight[color]) {
			pwq->flush_color = color;
			atomic_inc(&wq->nr_pwqs_to_flush);
		}
		pwq->work_color = wq->work_color;
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
	mutex_unlock(&wq->mutex);
	if (!atomic_dec_and_test(&wq->nr_pwqs_to_flush))
		wait_for_completion(&done);
	wq->flush_done = NULL;
	mutex_unlock(&wq->flush_mutex);
}

static bool pwq_is_idle(struct pool_workqueue *pwq)
{
	return !pwq->nr_active && list_empty(&pwq->inactive_works) &&
	       !pwq->nr_in_flight[0] && !pwq->nr_in_flight[1];
}

static bool wq_is_idle(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	bool idle = true;

	mutex_lock(&wq->mutex);
	list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
		raw_spin_lock_irq(&pwq->pool->lock);
		idle = pwq_is_idle(pwq);
		raw_spin_unlock_irq(&pwq->pool->lock);
		if (!idle)
			break;
	}
	mutex_unlock(&wq->mutex);
	return idle;
}

/**
 * drain_workqueue - flush @wq until it is empty.
 * @wq: the workqueue
 *
 * Process context, may sleep.  Meanwhile only @wq's own work items may
 * queue on it (a chain of work ends); others get a warning and their
 * work is dropped.
 */
void drain_workqueue(struct workqueue_struct *wq)
{
	unsigned int flushes = 0;

	mutex_lock(&wq->mutex);
	if (!wq->nr_drainers++)
		WRITE_ONCE(wq->flags, wq->flags | __WQ_DRAINING);
	mutex_unlock(&wq->mutex);

	do {
		flush_workqueue(wq);
		if (++flushes % 100 == 0)
			pr_warn("workqueue %s: still busy after %u flushes while draining\n",
				wq->name, flushes);
	} while (!wq_is_idle(wq));

	mutex_lock(&wq->mutex);
	if (!--wq->nr_drainers)
		WRITE_ONCE(wq->flags, wq->flags & ~__WQ_DRAINING);
	mutex_unlock(&wq->mutex);
}

/* --- workqueues and pools ------------------------------------------------- */

static struct pool_workqueue *alloc_pwq(struct workqueue_struct *wq,
					struct worker_pool *pool)
{
	struct pool_workqueue *pwq = kmem_cache_zalloc(pwq_cache, GFP_KERNEL);

	if (!pwq)
		return NULL;
	pwq->pool = pool;
	pwq->wq = wq;
	pwq->flush_color = -1;
	pwq->max_active = wq->max_active;
	INIT_LIST_HEAD(&pwq->inactive_works);
	mutex_lock(&wq->mutex);
	pwq->work_color = wq->work_color;
	list_add_tail(&pwq->pwqs_node, &wq->pwqs);
	mutex_unlock(&wq->mutex);
	return pwq;
}

static void free_pwqs(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq, *tmp;

	list_for_each_entry_safe(pwq, tmp, &wq->pwqs, pwqs_node) {
		list_del(&pwq->pwqs_node);
		kmem_cache_free(pwq_cache, pwq);
	}
}

static struct worker_pool *std_pool(int cpu, bool highpri)
{
	int id = cpu < 0 ? UNBOUND_POOL_BASE : cpu * NR_STD_WORKER_POOLS;

	return worker_pools[id + highpri];
}

/* Give @wq a pool_workqueue on @cpu; wq_pool_mutex held. */
static int wq_add_cpu(struct workqueue_struct *wq, unsigned int cpu)
{
	struct worker_pool *pool = std_pool(cpu, wq->flags & WQ_HIGHPRI);
	struct pool_workqueue *pwq;

	if ((wq->flags & WQ_UNBOUND) || wq->cpu_pwq[cpu] || !pool)
		return 0;
	pwq = alloc_pwq(wq, pool);
	if (!pwq)
		return -ENOMEM;
	WRITE_ONCE(wq->cpu_pwq[cpu], pwq);
	return 0;
}

static int alloc_pwqs(struct workqueue_struct *wq)
{
	unsigned int cpu;

	if (wq->flags & WQ_UNBOUND) {
		wq->dfl_pwq =
			alloc_pwq(wq, std_pool(-1, wq->flags & WQ_HIGHPRI));
		return wq->dfl_pwq ? 0 : -ENOMEM;
	}
	for_each_online_cpu(cpu) {
		if (wq_add_cpu(wq, cpu))
			return -ENOMEM;
	}
	return 0;
}

/**
 * alloc_workqueue - create a workqueue.
 * @fmt: printf format for its name
 * @flags: WQ_* (see workqueue.h)
 * @max_active: how many of its work items may run at once per CPU (in
 *	all, if WQ_UNBOUND); 0 for the default, WQ_DFL_ACTIVE
 *
 * Process context, may sleep.  Returns the workqueue, or NULL.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list args;

	might_sleep();
	if (WARN_ON_ONCE(!wq_online))
		return NULL;
	wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	if (!max_active)
		max_active = WQ_DFL_ACTIVE;
	if (max_active < 1 || max_active > WQ_MAX_ACTIVE)
		pr_warn("workqueue %s: max_active %d out of range, clamped\n",
			wq->name, max_active);
	wq->max_active = clamp(max_active, 1, (int)WQ_MAX_ACTIVE);
	wq->flags = flags & ~__WQ_DRAINING;
	INIT_LIST_HEAD(&wq->pwqs);
	INIT_LIST_HEAD(&wq->list);
	mutex_init(&wq->mutex);
	mutex_init(&wq->flush_mutex);

	mutex_lock(&wq_pool_mutex);
	if (alloc_pwqs(wq))
		goto err_free_pwqs;
	list_add_tail(&wq->list, &workqueues);
	mutex_unlock(&wq_pool_mutex);
	return wq;

err_free_pwqs:
	mutex_unlock(&wq_pool_mutex);
	free_pwqs(wq);
	kfree(wq);
	return NULL;
}

/**
 * destroy_workqueue - drain @wq, then free it.
 * @wq: the workqueue
 *
 * Process context, may sleep.  No one may queue on @wq any more, nor
 * have delayed work armed for it.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	drain_workqueue(wq);
	mutex_lock(&wq_pool_mutex);
	list_del(&wq->list);
	mutex_unlock(&wq_pool_mutex);
	free_pwqs(wq);
	kfree(wq);
}

/**
 * current_work - the work item the calling kworker is running.
 *
 * Returns NULL outside a work item.
 */
struct work_struct *current_work(void)
{
	struct worker *worker = current_wq_worker();

	return worker ? worker->current_work : NULL;
}

/*
 * Create and publish the pool with index @id, with its first workers;
 * wq_pool_mutex held.  @cpu is -1 for an unbound pool.
 */
static int create_worker_pool(int id, int cpu, bool highpri)
{
	struct worker_pool *pool;
	int i;

	if (worker_pools[id])
		return 0;
	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return -ENOMEM;
	raw_spin_lock_init(&pool->lock);
	pool->cpu = cpu;
	pool->id = id;
	pool->highpri = highpri;
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	INIT_LIST_HEAD(&pool->workers);
	timer_setup(&pool->idle_timer, idle_worker_timeout, 0);
	timer_setup(&pool->stall_timer, pool_stall_timeout, 0);
	INIT_WORK(&pool->idle_cull_work, idle_cull_fn);
	/*
	 * The two idle workers a pool settles at once used: creating them
	 * now keeps the number of kworkers steady across first uses.
	 */
	for (i = 0; i < MIN_IDLE_WORKERS; i++) {
		if (!create_worker(pool) && !i) {
			kfree(pool);
			return -ENOMEM;
		}
	}
	WRITE_ONCE(worker_pools[id], pool);
	return 0;
}

static int create_cpu_pools(int cpu)
{
	int id = cpu < 0 ? UNBOUND_POOL_BASE : cpu * NR_STD_WORKER_POOLS;
	int i, ret;

	for (i = 0; i < NR_STD_WORKER_POOLS; i++) {
		ret = create_worker_pool(id + i, cpu, i);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * workqueue_online_cpu - give CPU @cpu its pools and pool_workqueues.
 * @cpu: a CPU that has just come online
 *
 * For the SMP bring-up code, once @cpu is online; process context,
 * may sleep.  Until it runs, work queued for the local CPU on @cpu
 * goes to CPU 0's pool.  Does nothing before workqueue_init() (which
 * covers the CPUs online by then) or if @cpu has its pools already.
 * Returns 0 or -ENOMEM.
 */
int workqueue_online_cpu(unsigned int cpu)
{
	struct workqueue_struct *wq;
	int ret = 0;

	if (cpu >= NR_CPUS)
		return -EINVAL;
	mutex_lock(&wq_pool_mutex);
	if (!wq_online)
		goto out_unlock;
	ret = create_cpu_pools(cpu);
	if (ret)
		goto out_unlock;
	list_for_each_entry(wq, &workqueues, list) {
		ret = wq_add_cpu(wq, cpu);
		if (ret)
			break;
	}
out_unlock:
	mutex_unlock(&wq_pool_mutex);
	return ret;
}

/*
 * The pools for the unbound workqueues and for each online CPU, then
 * the system workqueues.  In pid 1, as an early initcall: kthreadd
 * exists, and later initcalls may queue work.
 */
static int __init workqueue_init(void)
{
	unsigned int cpu;

	BUILD_BUG_ON(__alignof__(struct pool_workqueue) <
		     (1 << WORK_STRUCT_FLAG_BITS));
	BUILD_BUG_ON(WORK_NR_COLORS != 2);
	pwq_cache = kmem_cache_create("pool_workqueue",
				      sizeof(struct pool_workqueue),
				      __alignof__(struct pool_workqueue),
				      SLAB_PANIC, NULL);

	mutex_lock(&wq_pool_mutex);
	if (create_cpu_pools(-1))
		panic("workqueue: cannot create the unbound pools\n");
	for_each_online_cpu(cpu) {
		if (create_cpu_pools(cpu))
			panic("workqueue: cannot create the pools of CPU %u\n",
			      cpu);
	}
	wq_online = true;
	mutex_unlock(&wq_pool_mutex);

	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq =
		alloc_workqueue("events_unbound", WQ_UNBOUND, WQ_MAX_ACTIVE);
	BUG_ON(!system_wq || !system_highpri_wq || !system_long_wq ||
	       !system_unbound_wq);
	pr_info("workqueue: %d kworkers, %d per pool\n", wq_nr_workers(),
		MIN_IDLE_WORKERS);
	return 0;
}
early_initcall(workqueue_init);
