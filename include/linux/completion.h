#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>
#include <linux/wait.h>

/*
 * Completions: "wait until this has happened".  One task waits in
 * wait_for_completion(); another, or an interrupt, calls complete()
 * when the work is done, before or after the wait began.  @done counts
 * the complete()s not yet consumed, so none is lost and each releases
 * one waiter; complete_all() releases every waiter, present and
 * future, until reinit_completion().
 */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work)                          \
	{                                                     \
		0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) \
	}

#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

/* For a completion on the stack: gives its lock a class. */
#define DECLARE_COMPLETION_ONSTACK(work) \
	struct completion work;          \
	init_completion(&work)

/**
 * init_completion - set up a completion that has not completed.
 * @x: the completion
 */
#define init_completion(x)                       \
	do {                                     \
		(x)->done = 0;                   \
		init_waitqueue_head(&(x)->wait); \
	} while (0)

/* Make a completion that completed usable again; no one may wait on it. */
static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

/* kernel/sched/completion.c */
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
