/*
 * The scheduling syscalls: policy and priority (sched_setscheduler and
 * friends), time slices, CPU affinity, sched_yield.  They check the
 * caller's rights and hand the change to the scheduler's own setters
 * (sched_setscheduler_nocheck, set_cpus_allowed_ptr).
 *
 * Without CAP_SYS_NICE a task may change only tasks it owns, may take
 * a real-time policy or raise its rt priority only up to RLIMIT_RTPRIO,
 * and may leave SCHED_IDLE only if RLIMIT_NICE allows its nice value.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#include "sched.h"
#include "../sys_internal.h"

#define SCHED_DEADLINE 6
#define SCHED_RESET_ON_FORK 0x40000000

struct sched_param {
	int sched_priority;
};

/* The policies Linnet has. */
static bool valid_policy(int policy)
{
	return fair_policy(policy) || rt_policy(policy);
}

/* Does current own @p (euid is p's uid or euid), or may it anyway? */
static bool check_same_owner(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	return cred->euid == pcred->euid || cred->euid == pcred->uid;
}

static int sched_set_perm(struct task_struct *p, int policy, int prio)
{
	if (capable(CAP_SYS_NICE))
		return 0;
	if (rt_policy(policy)) {
		unsigned long rlim = task_rlimit(p, RLIMIT_RTPRIO);

		if (policy != (int)p->policy && !rlim)
			return -EPERM;
		if ((unsigned int)prio > p->rt_priority && prio > (long)rlim)
			return -EPERM;
	}
	if (p->policy == SCHED_IDLE && policy != SCHED_IDLE &&
	    !can_nice(p, task_nice(p)))
		return -EPERM;
	if (!check_same_owner(p))
		return -EPERM;
	return 0;
}

/**
 * sched_setscheduler_checked - set @p's policy and rt priority as
 * current may.
 * @policy: SCHED_*, or -1 to keep @p's (sched_setparam)
 * @prio: 1..99 for SCHED_FIFO/RR, 0 for the others
 *
 * Returns 0, -EINVAL or -EPERM.
 */
int sched_setscheduler_checked(struct task_struct *p, int policy, int prio)
{
	int ret;

	if (policy < 0)
		policy = p->policy;
	policy &= ~SCHED_RESET_ON_FORK;
	if (!valid_policy(policy))
		return -EINVAL; /* SCHED_DEADLINE included: not supported */
	if (rt_policy(policy) ? prio < 1 || prio > MAX_USER_RT_PRIO - 1 :
				prio != 0)
		return -EINVAL;
	ret = sched_set_perm(p, policy, prio);
	if (ret)
		return ret;
	return sched_setscheduler_nocheck(p, policy, prio);
}

/* The task @pid (0: current), with a reference. */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_pid(pid);
}

static int do_sched_setscheduler(pid_t pid, int policy,
				 struct sched_param __user *param)
{
	struct sched_param lp;
	struct task_struct *p;
	int ret;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	ret = sched_setscheduler_checked(p, policy, lp.sched_priority);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, pid_t, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, pid_t, pid)
{
	struct task_struct *p;
	int ret;

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	ret = p->policy;
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE2(sched_getparam, pid_t, pid, struct sched_param __user *, param)
{
	struct sched_param lp = { 0 };
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (rt_policy(p->policy))
		lp.sched_priority = p->rt_priority;
	put_task_struct(p);
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (rt_policy(policy))
		return MAX_USER_RT_PRIO - 1;
	return fair_policy(policy) ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (rt_policy(policy))
		return 1;
	return fair_policy(policy) ? 0 : -EINVAL;
}

SYSCALL_DEFINE2(sched_rr_get_interval, pid_t, pid,
		struct __kernel_timespec __user *, interval)
{
	struct __kernel_timespec ts;
	struct task_struct *p;
	u64 ns = 0;

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	/* SCHED_FIFO runs until it yields: no slice. */
	if (p->policy != SCHED_FIFO)
		ns = (u64)(p->policy == SCHED_RR ? RR_TIMESLICE :
						   task_timeslice(p)) *
		     (NSEC_PER_SEC / HZ);
	put_task_struct(p);
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* The kernel's cpumask in user space: whole longs for NR_CPUS bits. */
#define CPUMASK_SIZE (BITS_TO_LONGS(NR_CPUS) * sizeof(long))

SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	struct task_struct *p;
	int ret;

	/* Shorter masks are zero-extended, longer ones cut. */
	if (copy_from_user(mask, user_mask_ptr,
			   min_t(size_t, len, CPUMASK_SIZE)))
		return -EFAULT;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (p->flags & PF_NO_SETAFFINITY)
		ret = -EINVAL;
	else if (!check_same_owner(p) && !capable(CAP_SYS_NICE))
		ret = -EPERM;
	else
		ret = set_cpus_allowed_ptr(p, mask);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)];
	size_t retlen = min_t(size_t, len, CPUMASK_SIZE);
	struct task_struct *p;
	unsigned int cpu;

	if ((size_t)len * 8 < nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	bitmap_zero(mask, NR_CPUS);
	for_each_online_cpu(cpu)
		if (test_bit(cpu, p->cpus_mask))
			__set_bit(cpu, mask);
	put_task_struct(p);
	if (copy_to_user(user_mask_ptr, mask, retlen))
		return -EFAULT;
	return retlen;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}
