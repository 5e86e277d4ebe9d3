#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/irqreturn.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

/*
 * Interrupt handlers and the bottom halves that finish their work
 * (seed 001: "上半部和下半部"; seed 002: hardirq, softirq and tasklet
 * contexts).
 *
 * Top half: request_irq() puts a handler on a line; kernel/irq/ calls
 * every handler of the line, with irqs off on this CPU, in hardirq
 * context.  A handler acknowledges its device, raises a softirq or
 * schedules a tasklet, and returns.
 *
 * Bottom halves run with irqs on, in softirq context, at the end of an
 * interrupt (irq_exit()), at local_bh_enable(), or, if they keep coming,
 * in the per-CPU ksoftirqd thread.  The same softirq may run on several
 * CPUs at once; a tasklet never does.
 */

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * request_irq() flags.  The trigger bits are the IRQ_TYPE_* values of
 * <linux/irq.h>; all sharers of a line must agree on them.
 */
#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK                                             \
	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | \
	 IRQF_TRIGGER_FALLING)
#define IRQF_SHARED 0x00000080 /* other devices may be on the line */
#define IRQF_PROBE_SHARED 0x00000100 /* a sharing mismatch is expected */
#define IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_NO_AUTOEN 0x00080000 /* stay disabled until enable_irq() */

/**
 * struct irqaction - one handler on an interrupt line
 * @handler: the function called in hardirq context
 * @dev_id: cookie passed to @handler; tells sharers apart in free_irq()
 * @next: the next handler sharing the line
 * @irq: the line
 * @flags: IRQF_* as passed to request_irq()
 * @name: who owns it, shown in /proc/interrupts
 */
struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	struct irqaction *next;
	unsigned int irq;
	unsigned int flags;
	const char *name;
};

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);

/*
 * Softirq vectors, in Linux's order, which is also their priority:
 * pending ones run from the lowest number up.
 */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

extern const char *const softirq_to_name[NR_SOFTIRQS];

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);
void __do_softirq(void);
/* Architecture: run __do_softirq() on the irq stack. */
void do_softirq_own_stack(void);
void softirq_init(void);

/*
 * __do_softirq() restarts at most this many times, and for at most
 * this long, before it hands the remaining work to ksoftirqd, so a
 * flood of softirqs cannot starve the tasks (seed 001).
 */
#define MAX_SOFTIRQ_RESTART 10
#define MAX_SOFTIRQ_TIME_MS 2

/* How often this CPU handed softirqs over to ksoftirqd (the tests). */
unsigned long ksoftirqd_handoffs(void);

struct task_struct;

/* ksoftirqd/N, once spawned (an early initcall, or the CPU coming up). */
DECLARE_PER_CPU(struct task_struct *, ksoftirqd);
int softirq_prepare_cpu(unsigned int cpu);

/*
 * Tasklets: dynamically allocated bottom halves on top of two softirqs
 * (TASKLET_SOFTIRQ, and HI_SOFTIRQ for tasklet_hi_schedule()).
 *
 * TASKLET_STATE_SCHED: queued on some CPU's list; scheduling it again
 * before it ran does nothing.  TASKLET_STATE_RUN: its function is
 * running; a CPU that finds RUN set puts the tasklet back on its list
 * instead of running it, so one tasklet never runs on two CPUs at once.
 * @count > 0 means disabled: it stays queued but does not run.
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,
	TASKLET_STATE_RUN,
};

#define DECLARE_TASKLET(name, _callback)                        \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), \
				       .callback = _callback,   \
				       .use_callback = true }

#define DECLARE_TASKLET_DISABLED(name, _callback)               \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), \
				       .callback = _callback,   \
				       .use_callback = true }

#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);

/**
 * tasklet_schedule - queue @t to run soon on this CPU, once.
 * @t: the tasklet
 *
 * Any context.  Does nothing if @t is queued and has not started yet.
 */
static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

/**
 * tasklet_hi_schedule - like tasklet_schedule(), at HI_SOFTIRQ priority.
 * @t: the tasklet
 */
static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

static inline bool tasklet_trylock(struct tasklet_struct *t)
{
	return !test_and_set_bit(TASKLET_STATE_RUN, &t->state);
}

static inline void tasklet_unlock(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	clear_bit(TASKLET_STATE_RUN, &t->state);
}

/* Stop @t from running; returns at once even if it is running now. */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb__after_atomic();
}

/**
 * tasklet_disable - stop @t from running, and wait if it runs now.
 * @t: the tasklet
 *
 * Must not be called from @t itself.  A queued tasklet stays queued.
 */
static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}

/** tasklet_enable - undo one tasklet_disable(). */
static inline void tasklet_enable(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	atomic_dec(&t->count);
}

struct seq_file;
int show_softirqs(struct seq_file *m, void *v);
int show_interrupts(struct seq_file *m, void *v);

#endif /* _LINUX_INTERRUPT_H */
