/*
 * futex(2), set_robust_list(2), get_robust_list(2), set_tid_address(2).
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#include "futex.h"

/**
 * do_futex - one futex operation, arguments decoded.
 * @timeout: absolute expiry (FUTEX_WAIT's relative one already
 *	converted), or NULL
 * @val2: the second count of REQUEUE, CMP_REQUEUE and WAKE_OP
 *
 * Returns what the operation returns; -ENOSYS for unknown or
 * unsupported operations (the PI family), as Linux for unknown ones.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, ktime_t *timeout,
	      u32 __user *uaddr2, u32 val2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, timeout, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
	case FUTEX_WAIT_REQUEUE_PI:
	case FUTEX_CMP_REQUEUE_PI:
		pr_info_once(
			"linnet: futex: PI operations are not supported\n");
		return -ENOSYS;
	}
	return -ENOSYS;
}

static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *,
		uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct __kernel_timespec kts;
	struct timespec64 ts;
	ktime_t t, *tp = NULL;
	u32 val2 = 0;

	if (utime && futex_cmd_has_timeout(cmd)) {
		if (copy_from_user(&kts, utime, sizeof(kts)))
			return -EFAULT;
		ts.tv_sec = kts.tv_sec;
		ts.tv_nsec = kts.tv_nsec;
		if (!timespec64_valid(&ts))
			return -EINVAL;
		t = timespec64_to_ktime(ts);
		if (cmd == FUTEX_WAIT) { /* relative: from now, monotonic */
			t = ktime_add(ktime_get(), t);
			if (t < 0)
				t = KTIME_MAX;
		}
		tp = &t;
	} else if (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE ||
		   cmd == FUTEX_CMP_REQUEUE_PI || cmd == FUTEX_WAKE_OP) {
		val2 = (u32)(unsigned long)utime; /* a count, not a pointer */
	}
	return do_futex(uaddr, op, val, tp, uaddr2, val2, val3);
}

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t,
		len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	current->robust_list_len = len;
	return 0;
}

/* May current read @p's robust list?  Its own, same uid, or CAP_SYS_PTRACE. */
static bool may_read_robust_list(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	if (p == current)
		return true;
	if (cred->uid == tcred->euid && cred->uid == tcred->suid &&
	    cred->uid == tcred->uid && cred->gid == tcred->egid &&
	    cred->gid == tcred->sgid && cred->gid == tcred->gid)
		return true;
	return capable(CAP_SYS_PTRACE);
}

SYSCALL_DEFINE3(get_robust_list, int, pid,
		struct robust_list_head __user *__user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p;

	if (pid < 0)
		return -ESRCH;
	p = pid ? find_get_task_by_pid(pid) : current;
	if (!p)
		return -ESRCH;
	if (!may_read_robust_list(p)) {
		if (pid)
			put_task_struct(p);
		return -EPERM;
	}
	head = p->robust_list;
	if (pid)
		put_task_struct(p);
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}
