/*
 * capget(2) and capset(2): the three capability sets of a task as
 * 32-bit words, in the version-3 layout (two words per set; version 1
 * has one).  capset changes only the caller, within Linux's bounds:
 * permitted may only shrink, effective stays within permitted, and
 * inheritable grows only with CAP_SETPCAP and within the bounding set.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/capability.h>

#define CAP_VALID_MASK ((1ULL << (CAP_LAST_CAP + 1)) - 1)

/*
 * The number of 32-bit words of @header's version; an unknown version
 * is answered with the preferred one written back and -EINVAL.
 */
static int cap_validate_magic(struct __user_cap_header_struct __user *header,
			      unsigned int *tocopy)
{
	u32 version;

	if (get_user(version, &header->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*tocopy = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3:
		*tocopy = _LINUX_CAPABILITY_U32S_3;
		return 0;
	}
	if (put_user((u32)_LINUX_CAPABILITY_VERSION_3, &header->version))
		return -EFAULT;
	return -EINVAL;
}

SYSCALL_DEFINE2(capget, struct __user_cap_header_struct __user *, header,
		struct __user_cap_data_struct __user *, dataptr)
{
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
	const struct cred *cred;
	struct task_struct *p;
	unsigned int tocopy, i;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (ret || !dataptr) /* a NULL data pointer probes the version */
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	p = pid && pid != current->pid ? find_get_task_by_pid(pid) : current;
	if (!p)
		return -ESRCH;
	cred = p->real_cred;
	for (i = 0; i < tocopy; i++) {
		data[i].effective = cred->cap_effective.val >> (32 * i);
		data[i].permitted = cred->cap_permitted.val >> (32 * i);
		data[i].inheritable = cred->cap_inheritable.val >> (32 * i);
	}
	if (p != current)
		put_task_struct(p);
	if (copy_to_user(dataptr, data, tocopy * sizeof(data[0])))
		return -EFAULT;
	return 0;
}

static bool cap_issubset(u64 a, u64 set)
{
	return !(a & ~set);
}

SYSCALL_DEFINE2(capset, struct __user_cap_header_struct __user *, header,
		const struct __user_cap_data_struct __user *, data)
{
	struct __user_cap_data_struct kdata[_LINUX_CAPABILITY_U32S_3];
	u64 effective = 0, permitted = 0, inheritable = 0;
	const struct cred *old = current_cred();
	unsigned int tocopy, i;
	struct cred *new;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (ret)
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid && pid != current->pid)
		return -EPERM; /* only our own */
	if (copy_from_user(kdata, data, tocopy * sizeof(kdata[0])))
		return -EFAULT;
	for (i = 0; i < tocopy; i++) {
		effective |= (u64)kdata[i].effective << (32 * i);
		permitted |= (u64)kdata[i].permitted << (32 * i);
		inheritable |= (u64)kdata[i].inheritable << (32 * i);
	}
	effective &= CAP_VALID_MASK;
	permitted &= CAP_VALID_MASK;
	inheritable &= CAP_VALID_MASK;

	if (!cap_raised(old->cap_effective, CAP_SETPCAP) &&
	    !cap_issubset(inheritable,
			  old->cap_inheritable.val | old->cap_permitted.val))
		return -EPERM;
	if (!cap_issubset(inheritable,
			  old->cap_inheritable.val | old->cap_bset.val))
		return -EPERM;
	if (!cap_issubset(permitted, old->cap_permitted.val))
		return -EPERM;
	if (!cap_issubset(effective, permitted))
		return -EPERM;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->cap_effective.val = effective;
	new->cap_permitted.val = permitted;
	new->cap_inheritable.val = inheritable;
	new->cap_ambient.val &= permitted &inheritable;
	return commit_creds(new);
}
