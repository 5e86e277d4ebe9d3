#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bottom_half.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

/*
 * Read-copy update (seed 000: "rcu"; DESIGN.md section 5).
 *
 * Readers take no lock: rcu_read_lock() only disables preemption, and
 * they follow pointers with rcu_dereference().  An updater publishes a
 * new version with rcu_assign_pointer() and must not free the old one
 * until every reader that might still see it is done: that is a grace
 * period, which synchronize_rcu() waits for and after which call_rcu()
 * callbacks run.
 *
 * A reader cannot be preempted, so once every CPU has been through a
 * quiescent state -- a context switch, the idle loop, or user mode --
 * every reader that began before the grace period has ended:
 *
 *	CPU 0 (updater)			CPU 1 (reader)
 *	rcu_assign_pointer(gp, new)	rcu_read_lock()
 *	synchronize_rcu() ...		p = rcu_dereference(gp)   (old or new)
 *	  ...				use *p
 *	  ...				rcu_read_unlock()
 *	  ...				schedule()  -- quiescent state
 *	... returns
 *	kfree(old)
 *
 * This is non-preemptible ("RCU-sched" style) RCU: rcu_read_lock_bh()
 * and rcu_read_lock_sched() sections, and any region with preemption
 * or irqs disabled, are read-side critical sections as well.
 */

/* Sparse's address-space annotation for RCU-protected pointers. */
#define __rcu

/**
 * struct rcu_head - a callback queued by call_rcu()
 * @next: the next callback in the queue
 * @func: what to call after the grace period
 *
 * Embed it in the object to be freed; the callback finds the object
 * with container_of().
 */
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

typedef void (*rcu_callback_t)(struct rcu_head *head);

/* kernel/rcu/tree.c */
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
void rcu_barrier(void);
unsigned long rcu_get_gp_seq(void);
void rcu_init(void);

/* Hooks for the scheduler, the tick and the idle loop. */
void rcu_note_context_switch(bool preempt);
void rcu_sched_clock_irq(int user);
void rcu_idle_enter(void);
void rcu_idle_exit(void);

/* Every flavour waits for every other: one grace period covers all. */
#define synchronize_rcu_bh() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define synchronize_rcu_expedited() synchronize_rcu()
#define call_rcu_bh(head, func) call_rcu(head, func)
#define call_rcu_sched(head, func) call_rcu(head, func)

/* --- readers ------------------------------------------------------------- */

/**
 * rcu_read_lock - begin an RCU read-side critical section.
 *
 * Any context.  Nests.  The section must not sleep (might_sleep() will
 * say so), and lasts until the matching rcu_read_unlock().
 */
static __always_inline void rcu_read_lock(void)
{
	preempt_disable();
}

/** rcu_read_unlock - end an RCU read-side critical section. */
static __always_inline void rcu_read_unlock(void)
{
	preempt_enable();
}

/* A section that also keeps softirqs off this CPU. */
static inline void rcu_read_lock_bh(void)
{
	local_bh_disable();
}

static inline void rcu_read_unlock_bh(void)
{
	local_bh_enable();
}

static __always_inline void rcu_read_lock_sched(void)
{
	preempt_disable();
}

static __always_inline void rcu_read_unlock_sched(void)
{
	preempt_enable();
}

/*
 * In a read-side critical section?  Any non-preemptible region is one,
 * so this cannot tell a real reader from a spinlock holder; it catches
 * rcu_dereference() from plain preemptible code.
 */
static inline bool rcu_read_lock_held(void)
{
	return preempt_count() || irqs_disabled();
}

#define rcu_read_lock_bh_held() rcu_read_lock_held()
#define rcu_read_lock_sched_held() rcu_read_lock_held()

#if CONFIG_LOCKDEP
#define RCU_LOCKDEP_WARN(c, s) WARN_ONCE(debug_locks && (c), s)
#else
#define RCU_LOCKDEP_WARN(c, s) ((void)0)
#endif

/* --- publishing and following pointers ----------------------------------- */

/*
 * rcu_dereference() needs no barrier on x86, or on anything but Alpha:
 * the load of the pointer and the loads through it are ordered by
 * their address dependency.  READ_ONCE() stops the compiler from
 * reloading or tearing it.
 */
#define rcu_dereference_raw(p) READ_ONCE(p)

/**
 * rcu_dereference_check - follow an RCU pointer in a reader or under @c
 * @p: the RCU-protected pointer
 * @c: another condition that makes the access safe (a lock held)
 */
#define rcu_dereference_check(p, c)                                    \
	({                                                             \
		RCU_LOCKDEP_WARN(                                      \
			!(c) && !rcu_read_lock_held(),                 \
			"suspicious rcu_dereference_check() usage\n"); \
		rcu_dereference_raw(p);                                \
	})

#define rcu_dereference(p) rcu_dereference_check(p, 0)
#define rcu_dereference_bh(p) rcu_dereference_check(p, 0)
#define rcu_dereference_sched(p) rcu_dereference_check(p, 0)

/* The updater's side: @c says why the pointer cannot change under us. */
#define rcu_dereference_protected(p, c)                                    \
	({                                                                 \
		RCU_LOCKDEP_WARN(                                          \
			!(c),                                              \
			"suspicious rcu_dereference_protected() usage\n"); \
		(p);                                                       \
	})

/* The pointer's value only, for comparing against NULL: no dereference. */
#define rcu_access_pointer(p) READ_ONCE(p)

/**
 * rcu_assign_pointer - publish @v in the RCU-protected pointer @p
 * @p: the pointer readers follow
 * @v: the new value
 *
 * A release store: a reader that sees @v also sees everything written
 * to *@v before.  Initialise the object first, then publish it.
 */
#define rcu_assign_pointer(p, v) smp_store_release(&(p), (v))

/* Store without ordering: NULL, or before any reader can see @p. */
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, v)
#define RCU_POINTER_INITIALIZER(p, v) .p = (v)

/* Publish @ptr in @rcu_ptr and return the old value; @c as above. */
#define rcu_replace_pointer(rcu_ptr, ptr, c)                       \
	({                                                         \
		__typeof__(ptr) __rcu_old =                        \
			rcu_dereference_protected((rcu_ptr), (c)); \
		rcu_assign_pointer((rcu_ptr), (ptr));              \
		__rcu_old;                                         \
	})

/* --- kfree_rcu ------------------------------------------------------------ */

/*
 * kfree_rcu(ptr, rhf) frees @ptr after a grace period, @rhf naming its
 * struct rcu_head.  No callback function is needed: the head's offset
 * in the object is queued in place of one, and an offset is told from a
 * function by being below 4096, where no kernel text lives.
 */
#define KFREE_RCU_OFFSET_MAX 4096

static inline bool __is_kfree_rcu_offset(unsigned long offset)
{
	return offset < KFREE_RCU_OFFSET_MAX;
}

#define kfree_rcu(ptr, rhf)                                               \
	do {                                                              \
		__typeof__(ptr) __kfr_p = (ptr);                          \
		BUILD_BUG_ON(offsetof(__typeof__(*(ptr)), rhf) >=         \
			     KFREE_RCU_OFFSET_MAX);                       \
		if (__kfr_p)                                              \
			call_rcu(&__kfr_p->rhf,                           \
				 (rcu_callback_t)(unsigned long)offsetof( \
					 __typeof__(*(ptr)), rhf));       \
	} while (0)

#endif /* _LINUX_RCUPDATE_H */
