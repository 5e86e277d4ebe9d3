#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

/*
 * Fast user-space mutexes (kernel/futex/).  What the rest of the
 * kernel calls: the exit and exec paths, and the CLONE_CHILD_CLEARTID
 * wake-up that pthread_join waits for.
 */
#include <linux/types.h>
#include <linux/ktime.h>
#include <uapi/linux/futex.h>

struct task_struct;

/*
 * futex_wake_tid - the thread with CLONE_CHILD_CLEARTID exits: after
 * zeroing its tid word, wake one waiter on it.  Process context.
 */
void futex_wake_tid(u32 __user *uaddr);
/* Release @tsk's robust futexes (FUTEX_OWNER_DIED); tsk == current. */
void futex_exit_release(struct task_struct *tsk);
void futex_exec_release(struct task_struct *tsk);

long do_futex(u32 __user *uaddr, int op, u32 val, ktime_t *timeout,
	      u32 __user *uaddr2, u32 val2, u32 val3);

#endif /* _LINUX_FUTEX_H */
