#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/instruction_pointer.h>
#include <linux/lockdep_types.h>
#include <linux/preempt.h>
#include <asm/current.h>

/*
 * lockdep, the runtime locking correctness validator (seed 000:
 * "lockdep: Runtime locking correctness validator"), small edition.
 *
 * Every lock belongs to a class (see struct lock_class_key).  Each task
 * keeps a stack of the locks it holds.  Taking lock B while holding A
 * records the dependency A -> B between their classes; if the graph
 * already has a path B -> ... -> A, the two orders can deadlock on two
 * CPUs, and lockdep says so the first time both orders have been seen,
 * whether or not the deadlock ever happened.  It also remembers in
 * which contexts a class was used: taken in a hardirq (softirq) and,
 * elsewhere, with hardirqs (softirqs) enabled, means an interrupt can
 * arrive while the lock is held and spin on it forever.
 *
 * Locks of one class taken nested (two runqueues, parent and child
 * inodes) need a subclass: spin_lock_nested(lock, SINGLE_DEPTH_NESTING).
 *
 * After a report that leaves its own state unreliable (bad unlock
 * balance, tables full), lockdep turns itself off: debug_locks == 0.
 */

struct task_struct;

#define SINGLE_DEPTH_NESTING 1
#define MAX_LOCKDEP_SUBCLASSES 8U

#if CONFIG_LOCKDEP

extern int debug_locks;

void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key, int subclass);
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
bool lock_is_held(const struct lockdep_map *lock);
unsigned int lockdep_depth(struct task_struct *p);
void lockdep_print_held_locks(struct task_struct *p);
void debug_show_held_locks(struct task_struct *p);
void debug_check_no_locks_held(void);
void lockdep_free_task(struct task_struct *p);
int debug_locks_off(void);

#define STATIC_LOCKDEP_MAP_INIT(_name, _key)   \
	{                                      \
		.key = (_key), .name = (_name) \
	}

#define lockdep_set_class(lock, key) \
	lockdep_init_map(&(lock)->dep_map, #key, key, 0)
#define lockdep_set_class_and_name(lock, key, name) \
	lockdep_init_map(&(lock)->dep_map, name, key, 0)
#define lockdep_set_subclass(lock, sub)                          \
	lockdep_init_map(&(lock)->dep_map, (lock)->dep_map.name, \
			 (lock)->dep_map.key, sub)

#define lockdep_is_held(lock) lock_is_held(&(lock)->dep_map)

/* Checks that warn only while the validator is running. */
#define lockdep_assert(cond)                     \
	do {                                     \
		WARN_ON(debug_locks && !(cond)); \
	} while (0)
#define lockdep_assert_once(cond)                     \
	do {                                          \
		WARN_ON_ONCE(debug_locks && !(cond)); \
	} while (0)

#define lockdep_assert_held(l) lockdep_assert(lockdep_is_held(l))
#define lockdep_assert_not_held(l) lockdep_assert(!lockdep_is_held(l))
#define lockdep_assert_held_once(l) lockdep_assert_once(lockdep_is_held(l))
#define lockdep_assert_none_held_once() \
	lockdep_assert_once(!lockdep_depth(current))

#else /* !CONFIG_LOCKDEP */

#define debug_locks 0

static inline void lockdep_init_map(struct lockdep_map *lock, const char *name,
				    struct lock_class_key *key, int subclass)
{
}

static inline void lock_acquire(struct lockdep_map *lock, unsigned int subclass,
				int trylock, int read, unsigned long ip)
{
}

static inline void lock_release(struct lockdep_map *lock, unsigned long ip)
{
}

static inline unsigned int lockdep_depth(struct task_struct *p)
{
	return 0;
}

static inline void lockdep_print_held_locks(struct task_struct *p)
{
}

static inline void debug_show_held_locks(struct task_struct *p)
{
}

static inline void debug_check_no_locks_held(void)
{
}

static inline void lockdep_free_task(struct task_struct *p)
{
}

static inline int debug_locks_off(void)
{
	return 0;
}

#define lockdep_set_class(lock, key) ((void)(key))
#define lockdep_set_class_and_name(lock, key, name) ((void)(key))
#define lockdep_set_subclass(lock, sub) ((void)(sub))

/* Unknown without the validator: say yes, as lock_is_held() does. */
#define lockdep_is_held(lock) ((void)(lock), true)

#define lockdep_assert(cond) ((void)0)
#define lockdep_assert_once(cond) ((void)0)
#define lockdep_assert_held(l) ((void)(l))
#define lockdep_assert_not_held(l) ((void)(l))
#define lockdep_assert_held_once(l) ((void)(l))
#define lockdep_assert_none_held_once() ((void)0)

#endif /* CONFIG_LOCKDEP */

/*
 * Context assertions.  irqs_disabled() and preempt_count() are always
 * available, so these work with or without the validator.
 */
#define lockdep_assert_irqs_enabled() lockdep_assert_once(!irqs_disabled())
#define lockdep_assert_irqs_disabled() lockdep_assert_once(irqs_disabled())
#define lockdep_assert_preemption_enabled() \
	lockdep_assert_once(!preempt_count() && !irqs_disabled())
#define lockdep_assert_preemption_disabled() \
	lockdep_assert_once(preempt_count() || irqs_disabled())

/*
 * The acquire/release annotations, per lock type.  @t is 1 for a
 * trylock (which cannot deadlock, so adds no dependency); read 1 is a
 * shared acquisition, read 2 a shared one that may recurse (rwlock_t
 * readers).
 */
#define spin_acquire(l, s, t, i) lock_acquire(l, s, t, 0, i)
#define spin_release(l, i) lock_release(l, i)
#define rwlock_acquire(l, s, t, i) lock_acquire(l, s, t, 0, i)
#define rwlock_acquire_read(l, s, t, i) lock_acquire(l, s, t, 2, i)
#define rwlock_release(l, i) lock_release(l, i)
#define mutex_acquire(l, s, t, i) lock_acquire(l, s, t, 0, i)
#define mutex_release(l, i) lock_release(l, i)
#define rwsem_acquire(l, s, t, i) lock_acquire(l, s, t, 0, i)
#define rwsem_acquire_read(l, s, t, i) lock_acquire(l, s, t, 1, i)
#define rwsem_release(l, i) lock_release(l, i)

#endif /* _LINUX_LOCKDEP_H */
