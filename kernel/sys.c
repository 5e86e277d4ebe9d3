/*
 * Process identity and limits: ids (pid, ppid, process group, session),
 * credentials (the set*id family with Linux's permission rules and the
 * capability changes that go with root/non-root transitions),
 * supplementary groups, rlimits, uname and host names, sysinfo,
 * getrusage, times, umask, prctl, getcpu and the nice value
 * (getpriority/setpriority).  Each syscall decodes and checks all of
 * its arguments before it changes anything.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/printk.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/vmstat.h>
#include <asm-generic/param.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/resource.h>

#include "sys_internal.h"

#define FSHIFT 11 /* the load average's fixed point (kernel/sched/core.c) */

/* --- ids ---------------------------------------------------------- */

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->group_leader->real_parent->tgid;
}

/* The process @pid names (0: current's), with a reference; or NULL. */
static struct task_struct *get_process(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return pid > 0 ? find_get_task_by_pid(pid) : NULL;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p = get_process(pid);
	pid_t ret;

	if (!p)
		return -ESRCH;
	ret = p->signal ? task_pgrp_nr(p) : -ESRCH;
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE0(getpgrp)
{
	return task_pgrp_nr(current);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p = get_process(pid);
	pid_t ret;

	if (!p)
		return -ESRCH;
	ret = p->signal ? task_session_nr(p) : -ESRCH;
	put_task_struct(p);
	return ret;
}

/* A live process in group @pgrp of session @sid?  tasklist_lock held. */
static bool pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *g;

	for_each_process(g) if (thread_group_leader(g) && g->signal &&
				task_pgrp_nr(g) ==
					pgrp) return task_session_nr(g) == sid;
	return false;
}

static bool pgrp_exists(pid_t pgrp)
{
	struct task_struct *g;

	for_each_process(g) if (thread_group_leader(g) && g->signal &&
				task_pgrp_nr(g) == pgrp) return true;
	return false;
}

/*
 * setpgid(2) on @p (current or a child), tasklist_lock held: a child
 * must be in our session and not have exec'd; no session leader moves;
 * the target group must exist in our session unless it is @p's own.
 */
static int __setpgid(struct task_struct *p, pid_t pid, pid_t pgid)
{
	struct task_struct *leader = current->group_leader;

	if (!thread_group_leader(p))
		return -EINVAL;
	if (same_thread_group(p->real_parent, leader)) {
		if (task_session_nr(p) != task_session_nr(leader))
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p != leader) {
		return -ESRCH;
	}
	if (p->signal->leader)
		return -EPERM;
	if (pgid != pid && !pgrp_in_session(pgid, task_session_nr(leader)))
		return -EPERM;
	p->signal->pgrp = pgid;
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	if (!pid)
		pid = current->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = p->signal ? __setpgid(p, pid, pgid) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
	return ret;
}

/* A new session has no controlling terminal: drop the old one's reference. */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *leader = current->group_leader;
	pid_t sid = leader->tgid;
	unsigned long flags;
	int ret = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (leader->signal->leader || pgrp_exists(sid))
		goto out;
	leader->signal->leader = 1;
	leader->signal->session = sid;
	leader->signal->pgrp = sid;
	proc_clear_tty(leader);
	ret = sid;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* --- credentials ---------------------------------------------------- */

SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

/*
 * The capabilities follow root (capabilities(7), "effect of user ID
 * changes"): leaving uid 0 in all of real, effective and saved drops
 * the permitted and effective sets (unless SECBIT_KEEP_CAPS); the
 * effective uid leaving 0 clears the effective set, entering 0 fills
 * it from the permitted one.
 */
static void cap_emulate_setxuid(struct cred *new, const struct cred *old)
{
	bool old_root = !old->uid || !old->euid || !old->suid;
	bool new_root = !new->uid || !new->euid || !new->suid;

	if (old_root && !new_root) {
		if (!(new->securebits &SECBIT_KEEP_CAPS)) {
			new->cap_permitted = CAP_EMPTY_SET;
			new->cap_effective = CAP_EMPTY_SET;
		}
		new->cap_ambient = CAP_EMPTY_SET;
	}
	if (!old->euid && new->euid)
		new->cap_effective = CAP_EMPTY_SET;
	if (old->euid && !new->euid)
		new->cap_effective = new->cap_permitted;
}

/* setfsuid: the file-system capabilities follow fsuid 0. */
static void cap_fix_setfsuid(struct cred *new, const struct cred *old)
{
	if (!old->fsuid && new->fsuid)
		new->cap_effective.val &= ~CAP_FS_MASK;
	if (old->fsuid && !new->fsuid)
		new->cap_effective.val |= new->cap_permitted.val &CAP_FS_MASK;
}

/* Commit @new after a uid change: the right user_struct, the caps. */
static int commit_setxuid(struct cred *new, const struct cred *old)
{
	int ret;

	if (new->uid != old->uid) {
		ret = set_cred_user(new);
		if (ret) {
			abort_creds(new);
			return ret;
		}
	}
	cap_emulate_setxuid(new, old);
	return commit_creds(new);
}

/** __sys_setuid - setuid(2); also the rule table of the tests. */
long __sys_setuid(uid_t uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (uid == INVALID_UID)
		return -EINVAL;
	if (!capable(CAP_SETUID) && uid != old->uid && uid != old->suid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID))
		new->uid = new->suid = uid;
	new->euid = new->fsuid = uid;
	return commit_setxuid(new, old);
}

/** __sys_setreuid - setreuid(2); -1 leaves an id alone. */
long __sys_setreuid(uid_t ruid, uid_t euid)
{
	const struct cred *old = current_cred();
	bool cap = capable(CAP_SETUID);
	struct cred *new;

	if (ruid != INVALID_UID && !cap && ruid != old->uid &&
	    ruid != old->euid)
		return -EPERM;
	if (euid != INVALID_UID && !cap && euid != old->uid &&
	    euid != old->euid && euid != old->suid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	/* The saved uid follows the effective one, as POSIX wants. */
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_setxuid(new, old);
}

/* May an unprivileged caller take @id?  Only its real/effective/saved. */
static bool id_allowed(u32 id, u32 r, u32 e, u32 s)
{
	return id == (u32)-1 || id == r || id == e || id == s;
}

/** __sys_setresuid - setresuid(2); -1 leaves an id alone. */
long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETUID) &&
	    (!id_allowed(ruid, old->uid, old->euid, old->suid) ||
	     !id_allowed(euid, old->uid, old->euid, old->suid) ||
	     !id_allowed(suid, old->uid, old->euid, old->suid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	if (suid != INVALID_UID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_setxuid(new, old);
}

/** __sys_setfsuid - setfsuid(2): always returns the old fsuid. */
long __sys_setfsuid(uid_t uid)
{
	const struct cred *old = current_cred();
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (uid == INVALID_UID || uid == old_fsuid)
		return old_fsuid;
	if (!capable(CAP_SETUID) && uid != old->uid && uid != old->euid &&
	    uid != old->suid && uid != old->fsuid)
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	new->fsuid = uid;
	cap_fix_setfsuid(new, old);
	commit_creds(new);
	return old_fsuid;
}

/** __sys_setgid - setgid(2), with CAP_SETGID instead of CAP_SETUID. */
long __sys_setgid(gid_t gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (gid == INVALID_GID)
		return -EINVAL;
	if (!capable(CAP_SETGID) && gid != old->gid && gid != old->sgid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID))
		new->gid = new->sgid = gid;
	new->egid = new->fsgid = gid;
	return commit_creds(new);
}

/** __sys_setregid - setregid(2). */
long __sys_setregid(gid_t rgid, gid_t egid)
{
	const struct cred *old = current_cred();
	bool cap = capable(CAP_SETGID);
	struct cred *new;

	if (rgid != INVALID_GID && !cap && rgid != old->gid &&
	    rgid != old->egid)
		return -EPERM;
	if (egid != INVALID_GID && !cap && egid != old->gid &&
	    egid != old->egid && egid != old->sgid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

/** __sys_setresgid - setresgid(2). */
long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETGID) &&
	    (!id_allowed(rgid, old->gid, old->egid, old->sgid) ||
	     !id_allowed(egid, old->gid, old->egid, old->sgid) ||
	     !id_allowed(sgid, old->gid, old->egid, old->sgid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (sgid != INVALID_GID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

/** __sys_setfsgid - setfsgid(2): always returns the old fsgid. */
long __sys_setfsgid(gid_t gid)
{
	const struct cred *old = current_cred();
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (gid == INVALID_GID || gid == old_fsgid)
		return old_fsgid;
	if (!capable(CAP_SETGID) && gid != old->gid && gid != old->egid &&
	    gid != old->sgid && gid != old->fsgid)
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	new->fsgid = gid;
	commit_creds(new);
	return old_fsgid;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return __sys_setuid(uid);
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return __sys_setreuid(ruid, euid);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return __sys_setresuid(ruid, euid, suid);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return __sys_setfsuid(uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return __sys_setgid(gid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return __sys_setregid(rgid, egid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return __sys_setresgid(rgid, egid, sgid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return __sys_setfsgid(gid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->uid, ruidp) || put_user(cred->euid, euidp) ||
	    put_user(cred->suid, suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->gid, rgidp) || put_user(cred->egid, egidp) ||
	    put_user(cred->sgid, sgidp))
		return -EFAULT;
	return 0;
}

/* --- supplementary groups --------------------------------------------- */

SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (gidsetsize < n)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	int ret;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		put_group_info(gi);
		return -EFAULT;
	}
	groups_sort(gi);
	ret = set_current_groups(gi);
	put_group_info(gi);
	return ret;
}

/* --- rlimits --------------------------------------------------------- */

/*
 * May current change @tsk's limits?  Its own; another's if all of that
 * one's uids and gids are the caller's real ones, or with
 * CAP_SYS_RESOURCE.
 */
static bool may_prlimit(struct task_struct *tsk)
{
	const struct cred *cred = current_cred(), *tcred = tsk->real_cred;

	if (same_thread_group(tsk, current))
		return true;
	if (cred->uid == tcred->euid && cred->uid == tcred->suid &&
	    cred->uid == tcred->uid && cred->gid == tcred->egid &&
	    cred->gid == tcred->sgid && cred->gid == tcred->gid)
		return true;
	return capable(CAP_SYS_RESOURCE);
}

/**
 * do_prlimit - read and/or set one rlimit of @tsk's process.
 * @new: the new limit, or NULL
 * @old: receives the old one, or NULL
 *
 * Returns 0, -EINVAL (bad resource, cur > max), -EPERM (raising the hard
 * limit without CAP_SYS_RESOURCE; NOFILE beyond NR_OPEN).
 */
int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       struct rlimit *new, struct rlimit *old)
{
	struct rlimit *rlim;
	int ret = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
			return -EPERM;
	}
	spin_lock_irq(&tsk->sighand->siglock);
	rlim = tsk->signal->rlim + resource;
	if (new &&new->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		ret = -EPERM;
	if (!ret) {
		if (old)
			*old = *rlim;
		if (new)
			*rlim = *new;
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	return ret;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	tsk = get_process(pid);
	if (!tsk)
		return -ESRCH;
	ret = -ESRCH;
	if (tsk->sighand) {
		ret = may_prlimit(tsk) ?
			      do_prlimit(tsk, resource, new_rlim ? &new : NULL,
					 old_rlim ? &old : NULL) :
			      -EPERM;
	}
	put_task_struct(tsk);
	if (!ret && old_rlim) {
		old64.rlim_cur = old.rlim_cur;
		old64.rlim_max = old.rlim_max;
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

/* --- uname and host names --------------------------------------------- */

DECLARE_RWSEM(uts_sem);

static struct new_utsname init_uts = {
	.sysname = UTS_SYSNAME,
	.nodename = UTS_NODENAME,
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = UTS_MACHINE,
	.domainname = UTS_DOMAINNAME,
};

/** utsname - the current uts names; read under uts_sem if racing. */
struct new_utsname *utsname(void)
{
	return &init_uts;
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname tmp;

	down_read(&uts_sem);
	memcpy(&tmp, &init_uts, sizeof(tmp));
	up_read(&uts_sem);
	if (copy_to_user(name, &tmp, sizeof(tmp)))
		return -EFAULT;
	return 0;
}

/* sethostname/setdomainname: @len bytes, no NUL needed, CAP_SYS_ADMIN. */
static int set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	down_write(&uts_sem);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	up_write(&uts_sem);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_field(init_uts.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_field(init_uts.domainname, name, len);
}

/* --- sysinfo, getrusage, times ------------------------------------------- */

static unsigned int nr_tasks(void)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/**
 * do_sysinfo - fill @info: uptime (whole seconds, rounded up), load
 * averages in 1/65536, memory in bytes (mem_unit 1), task count.
 */
void do_sysinfo(struct sysinfo *info)
{
	struct timespec64 tp = ns_to_timespec64(ktime_get_boottime());

	memset(info, 0, sizeof(*info));
	info->uptime = tp.tv_sec + (tp.tv_nsec ? 1 : 0);
	get_avenrun(info->loads, 0, SI_LOAD_SHIFT - FSHIFT);
	info->procs = min(nr_tasks(), 65535U);
	info->totalram = totalram_pages() * PAGE_SIZE;
	info->freeram = nr_free_pages() * PAGE_SIZE;
	info->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	if (copy_to_user(info, &val, sizeof(val)))
		return -EFAULT;
	return 0;
}

static struct timeval ns_to_timeval(u64 ns)
{
	return (struct timeval){ .tv_sec = ns / NSEC_PER_SEC,
				 .tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC };
}

/* The CPU times of @p's whole group: live threads plus exited ones. */
static void thread_group_cputime(struct task_struct *p, u64 *ut, u64 *st)
{
	struct task_struct *t;

	spin_lock_irq(&p->sighand->siglock);
	*ut = p->signal->utime;
	*st = p->signal->stime;
	for_each_thread(p, t)
	{
		*ut += t->utime;
		*st += t->stime;
	}
	spin_unlock_irq(&p->sighand->siglock);
}

/**
 * getrusage - the resource usage of current (RUSAGE_SELF), its reaped
 * children (RUSAGE_CHILDREN) or the calling thread (RUSAGE_THREAD).
 * Returns 0 or -EINVAL.
 */
int getrusage(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	u64 ut = 0, st = 0;

	memset(r, 0, sizeof(*r));
	switch (who) {
	case RUSAGE_THREAD:
		ut = p->utime;
		st = p->stime;
		r->ru_nvcsw = p->nvcsw;
		r->ru_nivcsw = p->nivcsw;
		break;
	case RUSAGE_SELF:
		thread_group_cputime(p, &ut, &st);
		spin_lock_irq(&p->sighand->siglock);
		r->ru_nvcsw = sig->nvcsw;
		r->ru_nivcsw = sig->nivcsw;
		for_each_thread(p, t)
		{
			r->ru_nvcsw += t->nvcsw;
			r->ru_nivcsw += t->nivcsw;
		}
		r->ru_minflt = sig->min_flt;
		r->ru_majflt = sig->maj_flt;
		r->ru_maxrss = sig->maxrss;
		spin_unlock_irq(&p->sighand->siglock);
		break;
	case RUSAGE_CHILDREN:
		spin_lock_irq(&p->sighand->siglock);
		ut = sig->cutime;
		st = sig->cstime;
		r->ru_nvcsw = sig->cnvcsw;
		r->ru_nivcsw = sig->cnivcsw;
		r->ru_minflt = sig->cmin_flt;
		r->ru_majflt = sig->cmaj_flt;
		r->ru_maxrss = sig->cmaxrss;
		spin_unlock_irq(&p->sighand->siglock);
		break;
	default:
		return -EINVAL;
	}
	r->ru_utime = ns_to_timeval(ut);
	r->ru_stime = ns_to_timeval(st);
	return 0;
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;
	int ret = getrusage(current, who, &r);

	if (!ret && copy_to_user(ru, &r, sizeof(r)))
		ret = -EFAULT;
	return ret;
}

static long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		struct tms tmp;
		u64 ut, st;

		thread_group_cputime(current, &ut, &st);
		tmp.tms_utime = ns_to_clock_t(ut);
		tmp.tms_stime = ns_to_clock_t(st);
		spin_lock_irq(&current->sighand->siglock);
		tmp.tms_cutime = ns_to_clock_t(current->signal->cutime);
		tmp.tms_cstime = ns_to_clock_t(current->signal->cstime);
		spin_unlock_irq(&current->sighand->siglock);
		if (copy_to_user(tbuf, &tmp, sizeof(tmp)))
			return -EFAULT;
	}
	/* Clock ticks since boot, in USER_HZ. */
	return ns_to_clock_t(ktime_get_boottime());
}

/* --- prctl, getcpu (umask is in fs/fs_struct.c) ------------------------- */

static int prctl_set_name(const char __user *uname)
{
	char comm[TASK_COMM_LEN];
	long n = strncpy_from_user(comm, uname, sizeof(comm) - 1);

	if (n < 0)
		return n;
	comm[n] = '\0';
	strscpy(current->comm, comm, sizeof(current->comm));
	return 0;
}

static int prctl_set_keepcaps(unsigned long on)
{
	struct cred *new;

	if (on > 1)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (on)
		new->securebits |= SECBIT_KEEP_CAPS;
	else
		new->securebits &= ~SECBIT_KEEP_CAPS;
	return commit_creds(new);
}

static int prctl_dumpable(bool set, unsigned long arg2)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return -EINVAL; /* kernel threads have no core to dump */
	if (!set)
		return get_dumpable(mm);
	if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
		return -EINVAL;
	set_dumpable(mm, arg2);
	return 0;
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (!valid_signal(arg2))
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return prctl_dumpable(false, 0);
	case PR_SET_DUMPABLE:
		return prctl_dumpable(true, arg2);
	case PR_GET_KEEPCAPS:
		return !!(current_cred()->securebits & SECBIT_KEEP_CAPS);
	case PR_SET_KEEPCAPS:
		return prctl_set_keepcaps(arg2);
	case PR_SET_NAME:
		return prctl_set_name((const char __user *)arg2);
	case PR_GET_NAME:
		strscpy(comm, current->comm, sizeof(comm));
		if (copy_to_user((char __user *)arg2, comm, sizeof(comm)))
			return -EFAULT;
		return 0;
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = !!arg2;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper,
				(int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		current->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return current->no_new_privs;
	}
	pr_info_once("linnet: prctl option %d is not supported\n", option);
	return -EINVAL;
}

SYSCALL_DEFINE3(getcpu, unsigned __user *, cpup, unsigned __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = get_cpu();

	put_cpu();

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}

/* --- nice values ------------------------------------------------------------- */

/* getpriority's "20 - nice" (1..40), so the result is never negative. */
static long nice_to_rlimit(long nice)
{
	return 20 - nice;
}

/** can_nice - may current lower (improve) @p's nice value to @nice? */
bool can_nice(const struct task_struct *p, long nice)
{
	return nice_to_rlimit(nice) <= task_rlimit(p, RLIMIT_NICE) ||
	       capable(CAP_SYS_NICE);
}

/* Is @p owned by the caller (its euid is p's uid or euid)? */
static bool set_one_prio_perm(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	return pcred->uid == cred->euid || pcred->euid == cred->euid ||
	       capable(CAP_SYS_NICE);
}

static int set_one_prio(struct task_struct *p, long niceval, int error)
{
	if (!set_one_prio_perm(p))
		return -EPERM;
	if (niceval < task_nice(p) && !can_nice(p, niceval))
		return -EACCES;
	set_user_nice(p, niceval);
	return error == -ESRCH ? 0 : error;
}

/* Does @p match (which, who)?  who already resolved for 0. */
static bool prio_match(struct task_struct *p, int which, unsigned int who)
{
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == (pid_t)who;
	case PRIO_PGRP:
		return p->signal && task_pgrp_nr(p) == (pid_t)who;
	default: /* PRIO_USER */
		return p->real_cred->uid == who;
	}
}

static unsigned int prio_who(int which, int who)
{
	if (who)
		return who;
	if (which == PRIO_PROCESS)
		return current->pid;
	if (which == PRIO_PGRP)
		return task_pgrp_nr(current);
	return current_uid();
}

/*
 * Every task (thread) that (which, who) names, each with a reference,
 * into @tasks; returns how many (at most @max).
 */
static int prio_tasks(int which, int who, struct task_struct **tasks, int max)
{
	unsigned int w = prio_who(which, who);
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
	{
		if (n == max)
			break;
		if (is_idle_task(p) || !prio_match(p, which, w))
			continue;
		get_task_struct(p);
		tasks[n++] = p;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

#define PRIO_BATCH 64

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *tasks[PRIO_BATCH];
	int error = -ESRCH, i, n;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	niceval = clamp(niceval, -20, 19);
	n = prio_tasks(which, who, tasks, PRIO_BATCH);
	for (i = 0; i < n; i++) {
		error = set_one_prio(tasks[i], niceval, error);
		put_task_struct(tasks[i]);
	}
	return error;
}

SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *tasks[PRIO_BATCH];
	long ret = -ESRCH;
	int i, n;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	n = prio_tasks(which, who, tasks, PRIO_BATCH);
	for (i = 0; i < n; i++) {
		long niceval = nice_to_rlimit(task_nice(tasks[i]));

		if (niceval > ret)
			ret = niceval;
		put_task_struct(tasks[i]);
	}
	return ret;
}
