/*
 * Kernel threads (see include/linux/kthread.h).
 *
 * kthread_create() does not fork from the caller: it queues a request
 * for kthreadd (pid 2), so every kernel thread is a clean child of
 * kthreadd whatever the caller's state.  The new thread reports back,
 * then sleeps until someone wakes it to run its function.
 *
 * Waiting is done with the scheduler's own sleep/wake pattern
 * (set_current_state, test, schedule) so that nothing here depends on
 * wait queues or completions.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	bool exited;
	int result;
	struct task_struct *stopper; /* sleeping in kthread_stop() */
};

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	char name[TASK_COMM_LEN];
	int cpu; /* bind to it, or -1 */
	struct task_struct *result; /* the thread, or an ERR_PTR */
	bool done;
	struct task_struct *creator;
	struct list_head list;
};

struct task_struct *kthreadd_task;
static LIST_HEAD(kthread_create_list);
static DEFINE_SPINLOCK(kthread_create_lock);

static struct kthread *to_kthread(struct task_struct *k)
{
	return k->kthread;
}

/* Sleep until *@flag is true (someone sets it, then wakes us). */
static void wait_for_flag(const bool *flag)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(*flag))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/** kthread_should_stop - has kthread_stop() been called on us? */
bool kthread_should_stop(void)
{
	struct kthread *kt = to_kthread(current);

	return kt && READ_ONCE(kt->should_stop);
}

/** kthread_data - the data argument @k was created with. */
void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

/**
 * kthread_exit - end the calling kernel thread with @result.
 *
 * What kthread_stop() will return.  Never returns.
 */
void kthread_exit(long result)
{
	struct kthread *kt = to_kthread(current);

	if (kt) {
		kt->result = result;
		WRITE_ONCE(kt->exited, true);
		if (kt->stopper)
			wake_up_process(kt->stopper);
	}
	do_exit(result);
}

/* The body of every kernel thread: report in, sleep, run, exit. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	int ret = kt ? -EINTR : -ENOMEM; /* stopped before it ran */

	if (kt) {
		kt->threadfn = create->threadfn;
		kt->data = create->data;
		current->kthread = kt;
		strscpy(current->comm, create->name, TASK_COMM_LEN);
		create->result = current;
	} else {
		create->result = ERR_PTR(-ENOMEM);
	}
	/* Sleep before telling the creator, so its wake-up is not lost. */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	WRITE_ONCE(create->done, true);
	wake_up_process(create->creator); /* create is gone after this */
	if (!kt)
		do_exit(ret);
	schedule();
	if (!kthread_should_stop())
		ret = kt->threadfn(kt->data);
	kthread_exit(ret);
}

static void create_kthread(struct kthread_create_info *create)
{
	int pid = kernel_thread(kthread, create, 0);

	if (pid < 0) {
		create->result = ERR_PTR(pid);
		WRITE_ONCE(create->done, true);
		wake_up_process(create->creator);
	}
}

/**
 * kthreadd - pid 2: create the kernel threads that others ask for.
 */
int kthreadd(void *unused)
{
	struct kthread_create_info *create;
	unsigned long flags;

	strscpy(current->comm, "kthreadd", TASK_COMM_LEN);
	ignore_signals(current); /* and so do the threads it creates */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);
		spin_lock_irqsave(&kthread_create_lock, flags);
		while (!list_empty(&kthread_create_list)) {
			create = list_first_entry(&kthread_create_list,
						  struct kthread_create_info,
						  list);
			list_del_init(&create->list);
			spin_unlock_irqrestore(&kthread_create_lock, flags);
			create_kthread(create);
			spin_lock_irqsave(&kthread_create_lock, flags);
		}
		spin_unlock_irqrestore(&kthread_create_lock, flags);
	}
}

/**
 * kthread_create_on_cpu - create a sleeping kernel thread bound to @cpu.
 * @threadfn: its function
 * @data: the function's argument
 * @cpu: the CPU to bind to, or -1 for any
 * @namefmt: its name (already formatted)
 *
 * Process context, may sleep.  Returns the task (wake it with
 * wake_up_process) or an ERR_PTR.
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, int cpu,
					  const char *namefmt)
{
	struct kthread_create_info create = {
		.threadfn = threadfn,
		.data = data,
		.cpu = cpu,
		.creator = current,
	};
	unsigned long flags;

	strscpy(create.name, namefmt, TASK_COMM_LEN);
	spin_lock_irqsave(&kthread_create_lock, flags);
	list_add_tail(&create.list, &kthread_create_list);
	spin_unlock_irqrestore(&kthread_create_lock, flags);
	wake_up_process(kthreadd_task);
	wait_for_flag(&create.done);
	if (!IS_ERR(create.result) && cpu >= 0)
		kthread_bind(create.result, cpu);
	return create.result;
}

/**
 * kthread_create - create a sleeping kernel thread; see kthread.h.
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return kthread_create_on_cpu(threadfn, data, -1, name);
}

/**
 * kthread_bind - pin a just-created (still sleeping) thread to @cpu.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };

	wait_task_inactive(k); /* it may still be on its way to sleep */
	__set_bit(cpu, mask);
	set_cpus_allowed_ptr(k, mask);
	k->flags |= PF_NO_SETAFFINITY;
}

/**
 * kthread_stop - make @k's kthread_should_stop() true and wait for it.
 *
 * Process context, may sleep.  Returns @k's result, or -EINTR if it
 * never ran its function; @k has exited when it returns.  @k must not
 * exit on its own before.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->stopper, current);
	WRITE_ONCE(kt->should_stop, true); /* x86: stores stay in order */
	wake_up_process(k);
	wait_for_flag(&kt->exited);
	ret = kt->result;
	/* Let it finish dying, so that it is gone when we return. */
	while (!(READ_ONCE(k->__state) & TASK_DEAD) || READ_ONCE(k->on_cpu))
		yield();
	put_task_struct(k);
	return ret;
}
