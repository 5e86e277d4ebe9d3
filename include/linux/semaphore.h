#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>

/*
 * Counting semaphores (seed 001: "信号量 ... P(), V() ... linux中叫做
 * down()和up()").  @count tasks may be inside at once (1: a binary
 * semaphore).  down() takes one unit or sleeps in @wait_list until
 * up() hands one over; up() gives the unit straight to the first
 * sleeper, so they are served in order and no newcomer can overtake
 * them.  Unlike a mutex a semaphore has no owner: any task, or an
 * interrupt handler, may up() it.
 */
struct semaphore {
	raw_spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n)                                      \
	{                                                                     \
		.lock = __RAW_SPIN_LOCK_INITIALIZER((name).lock), .count = n, \
		.wait_list = LIST_HEAD_INIT((name).wait_list)                 \
	}

#define DEFINE_SEMAPHORE(_name, _n) \
	struct semaphore _name = __SEMAPHORE_INITIALIZER(_name, _n)

void __sema_init(struct semaphore *sem, int val, const char *name,
		 struct lock_class_key *key);

/* One lockdep class for the semaphores set up at one call site. */
#define sema_init(sem, val)                              \
	do {                                             \
		static struct lock_class_key __key;      \
		__sema_init((sem), (val), #sem, &__key); \
	} while (0)

/* kernel/locking/semaphore.c */
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

#endif /* _LINUX_SEMAPHORE_H */
