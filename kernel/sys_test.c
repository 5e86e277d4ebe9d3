/*
 * Tests of kernel/sys.c, kernel/capability.c and kernel/sched/syscalls.c:
 * the set*id rules as a table, rlimit errors, and the syscalls through
 * their table entries with arguments on test user pages.  "Other
 * processes" are kernel threads started from the test (children of
 * pid 1, each its own thread group).
 */
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/resource.h>
#include <ktest/syscall.h>
#include <ktest/test.h>
#include <ktest/user.h>

#include "sys_internal.h"

KTEST_DECLARE_SYSCALL(getpid);
KTEST_DECLARE_SYSCALL(gettid);
KTEST_DECLARE_SYSCALL(getppid);
KTEST_DECLARE_SYSCALL(getpgid);
KTEST_DECLARE_SYSCALL(setpgid);
KTEST_DECLARE_SYSCALL(getsid);
KTEST_DECLARE_SYSCALL(getresuid);
KTEST_DECLARE_SYSCALL(getgroups);
KTEST_DECLARE_SYSCALL(setgroups);
KTEST_DECLARE_SYSCALL(getrlimit);
KTEST_DECLARE_SYSCALL(setrlimit);
KTEST_DECLARE_SYSCALL(prlimit64);
KTEST_DECLARE_SYSCALL(uname);
KTEST_DECLARE_SYSCALL(sethostname);
KTEST_DECLARE_SYSCALL(sysinfo);
KTEST_DECLARE_SYSCALL(getrusage);
KTEST_DECLARE_SYSCALL(times);
KTEST_DECLARE_SYSCALL(umask);
KTEST_DECLARE_SYSCALL(prctl);
KTEST_DECLARE_SYSCALL(getcpu);
KTEST_DECLARE_SYSCALL(capget);
KTEST_DECLARE_SYSCALL(capset);
KTEST_DECLARE_SYSCALL(getpriority);
KTEST_DECLARE_SYSCALL(setpriority);
KTEST_DECLARE_SYSCALL(sched_setscheduler);
KTEST_DECLARE_SYSCALL(sched_getscheduler);
KTEST_DECLARE_SYSCALL(sched_getparam);
KTEST_DECLARE_SYSCALL(sched_get_priority_max);
KTEST_DECLARE_SYSCALL(sched_get_priority_min);
KTEST_DECLARE_SYSCALL(sched_rr_get_interval);
KTEST_DECLARE_SYSCALL(sched_getaffinity);
KTEST_DECLARE_SYSCALL(sched_setaffinity);

/* Every case may change current's creds; put them back afterwards. */
static int sys_test_init(struct ktest *test)
{
	test->priv = (void *)get_cred(current_cred());
	return 0;
}

static void sys_test_exit(struct ktest *test)
{
	ktest_user_unmap(test);
	commit_creds((struct cred *)test->priv);
}

/* Be (r, e, s) with the capabilities Linux gives such a process. */
static void set_ids(uid_t r, uid_t e, uid_t s)
{
	struct cred *new = prepare_creds();

	new->uid = r;
	new->euid = new->fsuid = e;
	new->suid = s;
	new->gid = new->egid = new->sgid = new->fsgid = r;
	new->securebits = 0;
	new->cap_permitted = (!r || !e || !s) ? CAP_FULL_SET : CAP_EMPTY_SET;
	new->cap_effective = !e ? CAP_FULL_SET : CAP_EMPTY_SET;
	commit_creds(new);
}

enum id_call { SETUID, SETREUID, SETRESUID, SETFSUID };

struct id_case {
	uid_t r, e, s; /* before */
	enum id_call call;
	uid_t a1, a2, a3;
	long ret;
	uid_t nr, ne, ns; /* after */
	bool eff_caps; /* cap_effective non-empty after */
};

#define N ((uid_t)-1)
static const struct id_case id_cases[] = {
	/* root: setuid sets all three and drops every capability */
	{ 0, 0, 0, SETUID, 1000, 0, 0, 0, 1000, 1000, 1000, false },
	/* unprivileged: only to the real or saved uid */
	{ 1000, 1000, 1000, SETUID, 0, 0, 0, -EPERM, 1000, 1000, 1000, false },
	{ 1000, 1001, 1002, SETUID, 1002, 0, 0, 0, 1000, 1002, 1002, false },
	{ 1000, 1001, 1002, SETUID, 1000, 0, 0, 0, 1000, 1000, 1002, false },
	{ 1000, 1001, 1002, SETUID, 1001, 0, 0, -EPERM, 1000, 1001, 1002,
	  false },
	{ 0, 0, 0, SETUID, N, 0, 0, -EINVAL, 0, 0, 0, true },
	/* setuid program: euid 0 from real 1000, drop and regain root */
	{ 1000, 0, 0, SETUID, 1000, 0, 0, 0, 1000, 1000, 1000, false },
	{ 1000, 0, 0, SETREUID, N, 1000, 0, 0, 1000, 1000, 0, false },
	{ 1000, 1000, 0, SETREUID, N, 0, 0, 0, 1000, 0, 0, true },
	/* setreuid: swapping real and effective is allowed */
	{ 1000, 1001, 1001, SETREUID, 1001, 1000, 0, 0, 1001, 1000, 1000,
	  false },
	{ 1000, 1001, 1001, SETREUID, 1002, N, 0, -EPERM, 1000, 1001, 1001,
	  false },
	{ 1000, 1001, 1002, SETREUID, N, 1002, 0, 0, 1000, 1002, 1002, false },
	/* setresuid: any of the three old ids, each */
	{ 1000, 1001, 1002, SETRESUID, 1002, 1000, 1001, 0, 1002, 1000, 1001,
	  false },
	{ 1000, 1001, 1002, SETRESUID, N, 1003, N, -EPERM, 1000, 1001, 1002,
	  false },
	{ 0, 0, 0, SETRESUID, 5, 6, 7, 0, 5, 6, 7, false },
	{ 0, 0, 0, SETRESUID, 5, 0, 7, 0, 5, 0, 7, true }, /* euid stays 0 */
	/* setfsuid returns the old fsuid, success or not */
	{ 1000, 1000, 1000, SETFSUID, 0, 0, 0, 1000, 1000, 1000, 1000, false },
	{ 1000, 1001, 1000, SETFSUID, 1001, 0, 0, 1001, 1000, 1001, 1000,
	  false },
};
#undef N

static long do_id_call(const struct id_case *c)
{
	switch (c->call) {
	case SETUID:
		return __sys_setuid(c->a1);
	case SETREUID:
		return __sys_setreuid(c->a1, c->a2);
	case SETRESUID:
		return __sys_setresuid(c->a1, c->a2, c->a3);
	default:
		return __sys_setfsuid(c->a1);
	}
}

static void sys_test_setuid_rules(struct ktest *test)
{
	const struct cred *root = get_cred(current_cred());
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(id_cases); i++) {
		const struct id_case *c = &id_cases[i];
		const struct cred *cred;
		long ret;

		set_ids(c->r, c->e, c->s);
		ret = do_id_call(c);
		cred = current_cred();
		if (ret != c->ret || cred->uid != c->nr ||
		    cred->euid != c->ne || cred->suid != c->ns ||
		    (cred->cap_effective.val != 0) != c->eff_caps)
			ktest_fail(test, __FILE__, __LINE__,
				   "case %u: ret %ld uid %u/%u/%u caps %llx", i,
				   ret, cred->uid, cred->euid, cred->suid,
				   cred->cap_effective.val);
		/* Back to root for the next case. */
		commit_creds((struct cred *)get_cred(root));
	}
	put_cred(root);
}

static void sys_test_setfsuid_moves_fs_caps(struct ktest *test)
{
	set_ids(0, 0, 0);
	KTEST_EXPECT_EQ(test, __sys_setfsuid(1000), 0);
	KTEST_EXPECT_FALSE(test, capable(CAP_DAC_OVERRIDE));
	KTEST_EXPECT_TRUE(test, capable(CAP_KILL)); /* not a file cap */
	KTEST_EXPECT_EQ(test, __sys_setfsuid(0), 1000);
	KTEST_EXPECT_TRUE(test, capable(CAP_DAC_OVERRIDE));
}

static void sys_test_keepcaps(struct ktest *test)
{
	set_ids(0, 0, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_SET_KEEPCAPS, 1, 0, 0),
			0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_GET_KEEPCAPS, 0, 0, 0),
			1);
	KTEST_EXPECT_EQ(test, __sys_setresuid(1000, 1000, 1000), 0);
	/* Permitted kept, effective cleared (the euid left 0). */
	KTEST_EXPECT_NE(test, current_cred()->cap_permitted.val, 0);
	KTEST_EXPECT_EQ(test, current_cred()->cap_effective.val, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_SET_KEEPCAPS, 2, 0, 0),
			-EINVAL);
}

static void sys_test_setgid_rules(struct ktest *test)
{
	set_ids(1000, 1000, 1000);
	KTEST_EXPECT_EQ(test, __sys_setgid(0), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setgid(1000), 0);
	KTEST_EXPECT_EQ(test, __sys_setregid(-1, 5), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setresgid(-1, -1, 1000), 0);
	KTEST_EXPECT_EQ(test, __sys_setfsgid(5), 1000);
	KTEST_EXPECT_EQ(test, current_fsgid(), 1000);
	set_ids(0, 0, 0);
	KTEST_EXPECT_EQ(test, __sys_setresgid(1, 2, 3), 0);
	KTEST_EXPECT_EQ(test, current_cred()->sgid, 3);
	KTEST_EXPECT_EQ(test, current_fsgid(), 2);
	KTEST_EXPECT_EQ(test, __sys_setgid(-1), -EINVAL);
}

static void sys_test_user_struct_follows_uid(struct ktest *test)
{
	struct user_struct *u;

	set_ids(0, 0, 0);
	KTEST_EXPECT_PTR_EQ(test, current_cred()->user, &root_user);
	KTEST_EXPECT_EQ(test, __sys_setuid(4321), 0);
	u = current_cred()->user;
	KTEST_EXPECT_EQ(test, u->uid, 4321);
	KTEST_EXPECT_PTR_EQ(test, find_user(4321), u);
	free_uid(u); /* find_user's reference */
}

static void sys_test_groups(struct ktest *test)
{
	gid_t __user *ug = ktest_user_map(test, 1);
	gid_t g[3] = { 30, 10, 20 };
	gid_t *k = ktest_user_kaddr(ug);

	KTEST_ASSERT_EQ(test, copy_to_user(ug, g, sizeof(g)), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setgroups, 3, ug, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getgroups, 0, NULL, 0, 0), 3);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getgroups, 2, ug, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getgroups, -1, ug, 0, 0), -EINVAL);
	memset(k, 0, sizeof(g));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getgroups, 3, ug, 0, 0), 3);
	KTEST_EXPECT_EQ(test, k[0], 10); /* sorted */
	KTEST_EXPECT_EQ(test, k[2], 30);
	KTEST_EXPECT_TRUE(test, in_group_p(20));
	KTEST_EXPECT_FALSE(test, in_group_p(25));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setgroups, 70000, ug, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setgroups, 1, 0x1000, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setgroups, 0, NULL, 0, 0), 0);
	set_ids(1000, 1000, 1000);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setgroups, 0, NULL, 0, 0), -EPERM);
}

static void sys_test_rlimits(struct ktest *test)
{
	struct rlimit __user *ur = ktest_user_map(test, 1);
	struct rlimit *k = ktest_user_kaddr(ur);
	struct rlimit saved, r;

	KTEST_ASSERT_EQ(test, do_prlimit(current, RLIMIT_CORE, NULL, &saved),
			0);
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIM_NLIMITS, NULL, &r),
			-EINVAL);
	r = (struct rlimit){ 10, 5 };
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_CORE, &r, NULL),
			-EINVAL);
	r = (struct rlimit){ 10, NR_OPEN + 1 };
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_NOFILE, &r, NULL),
			-EPERM);

	/* Lowering is free; raising the hard limit needs CAP_SYS_RESOURCE. */
	set_ids(1000, 1000, 1000);
	r = (struct rlimit){ 0, 4096 };
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_CORE, &r, NULL), 0);
	r = (struct rlimit){ 0, 8192 };
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_CORE, &r, NULL),
			-EPERM);
	r = (struct rlimit){ 4096, 4096 };
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_CORE, &r, NULL), 0);

	/* Through the syscalls. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getrlimit, RLIMIT_CORE, ur, 0, 0),
			0);
	KTEST_EXPECT_EQ(test, k->rlim_cur, 4096);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getrlimit, 99, ur, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(getrlimit, RLIMIT_CORE, 0x1000, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prlimit64, 0, RLIMIT_STACK, NULL, ur), 0);
	KTEST_EXPECT_EQ(test, k->rlim_cur, _STK_LIM);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prlimit64, 2, RLIMIT_STACK, ur, NULL),
			-EPERM); /* kthreadd is root's */
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prlimit64, 99999, RLIMIT_STACK, NULL, ur),
			-ESRCH);

	commit_creds((struct cred *)get_cred(test->priv));
	KTEST_EXPECT_EQ(test, do_prlimit(current, RLIMIT_CORE, &saved, NULL),
			0);
}

static void sys_test_uname_and_hostname(struct ktest *test)
{
	struct new_utsname __user *u = ktest_user_map(test, 1);
	struct new_utsname *k = ktest_user_kaddr(u);
	char __user *name = (char __user *)(u + 1);
	char old[__NEW_UTS_LEN + 1];

	strscpy(old, utsname()->nodename, sizeof(old));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(uname, u, 0, 0, 0), 0);
	KTEST_EXPECT_STREQ(test, k->sysname, "Linux");
	KTEST_EXPECT_STREQ(test, k->release, "6.1.0-linnet");
	KTEST_EXPECT_STREQ(test, k->machine, "x86_64");
	KTEST_EXPECT_EQ(test, strncmp(k->version, "#1 SMP PREEMPT ", 15), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(uname, 0x1000, 0, 0, 0), -EFAULT);

	KTEST_ASSERT_EQ(test, copy_to_user(name, "linnetbox", 9), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sethostname, name, 6, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(uname, u, 0, 0, 0), 0);
	KTEST_EXPECT_STREQ(test, k->nodename, "linnet");
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sethostname, name, 65, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sethostname, name, -1, 0, 0),
			-EINVAL);
	set_ids(1000, 1000, 1000);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sethostname, name, 3, 0, 0),
			-EPERM);
	commit_creds((struct cred *)get_cred(test->priv));
	KTEST_ASSERT_EQ(test, copy_to_user(name, old, strlen(old)), 0);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(sethostname, name, strlen(old), 0, 0), 0);
}

static void sys_test_sysinfo_rusage_times(struct ktest *test)
{
	void __user *u = ktest_user_map(test, 1);
	struct sysinfo *si = ktest_user_kaddr(u);
	struct rusage *ru = ktest_user_kaddr(u);
	struct tms *t = ktest_user_kaddr(u);

	KTEST_EXPECT_EQ(test, sizeof(struct sysinfo), 112);
	KTEST_EXPECT_EQ(test, sizeof(struct rusage), 144);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sysinfo, u, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, si->mem_unit, 1);
	KTEST_EXPECT_GT(test, si->totalram, si->freeram);
	KTEST_EXPECT_GT(test, si->freeram, 0);
	KTEST_EXPECT_GT(test, si->procs, 1);
	KTEST_EXPECT_GE(test, si->uptime, 1);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sysinfo, NULL, 0, 0, 0), -EFAULT);

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getrusage, RUSAGE_SELF, u, 0, 0),
			0);
	KTEST_EXPECT_GT(test, ru->ru_nvcsw + ru->ru_nivcsw, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getrusage, RUSAGE_THREAD, u, 0, 0),
			0);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(getrusage, RUSAGE_CHILDREN, u, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getrusage, RUSAGE_BOTH, u, 0, 0),
			-EINVAL);
	KTEST_EXPECT_GT(test, KTEST_SYSCALL(times, u, 0, 0, 0), 0);
	KTEST_EXPECT_GE(test, t->tms_utime + t->tms_stime, 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(times, 0x1000, 0, 0, 0), -EFAULT);
}

static void sys_test_prctl(struct ktest *test)
{
	char __user *u = ktest_user_map(test, 1);
	char *k = ktest_user_kaddr(u);
	char old[TASK_COMM_LEN];
	int *ki = ktest_user_kaddr(u + 64);

	strscpy(old, current->comm, sizeof(old));
	KTEST_ASSERT_EQ(test, copy_to_user(u, "a-very-long-task-name", 22), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_SET_NAME, u, 0, 0), 0);
	KTEST_EXPECT_STREQ(test, current->comm, "a-very-long-tas");
	memset(k, 'x', 32);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_GET_NAME, u, 0, 0), 0);
	KTEST_EXPECT_STREQ(test, k, "a-very-long-tas");
	strscpy(current->comm, old, sizeof(old));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_SET_NAME, 0x1000, 0, 0),
			-EFAULT);

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_SET_PDEATHSIG, 99, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(prctl, PR_SET_PDEATHSIG, SIGHUP, 0, 0), 0);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(prctl, PR_GET_PDEATHSIG, u + 64, 0, 0), 0);
	KTEST_EXPECT_EQ(test, *ki, SIGHUP);
	current->pdeath_signal = 0;

	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prctl, PR_GET_NO_NEW_PRIVS, 1, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prctl, PR_SET_NO_NEW_PRIVS, 2, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, 12345, 0, 0, 0), -EINVAL);
	/* Kernel threads have no mm to be dumpable or not. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(prctl, PR_GET_DUMPABLE, 0, 0, 0),
			current->mm ? 1 : -EINVAL);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0), 0);
	KTEST_EXPECT_EQ(
		test,
		KTEST_SYSCALL(prctl, PR_GET_CHILD_SUBREAPER, u + 64, 0, 0), 0);
	KTEST_EXPECT_EQ(test, *ki, 1);
	current->signal->is_child_subreaper = false;
}

static void sys_test_capget_capset(struct ktest *test)
{
	struct __user_cap_header_struct __user *h = ktest_user_map(test, 1);
	struct __user_cap_header_struct *kh = ktest_user_kaddr(h);
	struct __user_cap_data_struct __user *d = (void __user *)(h + 1);
	struct __user_cap_data_struct *kd = ktest_user_kaddr(d);

	kh->version = 0x1234;
	kh->pid = 0;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capget, h, d, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, kh->version, _LINUX_CAPABILITY_VERSION_3);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capget, h, NULL, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capget, h, d, 0, 0), 0);
	KTEST_EXPECT_EQ(test, kd[0].effective, 0xffffffff);
	KTEST_EXPECT_EQ(test, kd[1].permitted, (1U << (CAP_LAST_CAP - 31)) - 1);
	kh->pid = -1;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capget, h, d, 0, 0), -EINVAL);
	kh->pid = 99999;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capget, h, d, 0, 0), -ESRCH);

	/* Drop CAP_KILL from effective: allowed; add it back: allowed. */
	kh->pid = 0;
	kd[0].effective &= ~(1U << CAP_KILL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capset, h, d, 0, 0), 0);
	KTEST_EXPECT_FALSE(test, capable(CAP_KILL));
	/* Effective beyond permitted: refused. */
	kd[0].permitted &= ~(1U << CAP_CHOWN);
	kd[0].effective |= 1U << CAP_CHOWN;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capset, h, d, 0, 0), -EPERM);
	kh->pid = 2;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(capset, h, d, 0, 0), -EPERM);
}

/* --- other processes ---------------------------------------------------- */

struct child {
	struct task_struct *task;
	struct completion started, go;
};

static int child_fn(void *arg)
{
	struct child *c = arg;

	get_task_struct(current);
	c->task = current;
	complete(&c->started);
	wait_for_completion(&c->go);
	return 0;
}

static pid_t child_start(struct ktest *test, struct child *c)
{
	init_completion(&c->started);
	init_completion(&c->go);
	KTEST_ASSERT_GT(test, kernel_thread(child_fn, c, 0), 0);
	wait_for_completion(&c->started);
	return c->task->pid;
}

static void child_end(struct child *c)
{
	complete(&c->go);
	while (!READ_ONCE(c->task->exit_state) || READ_ONCE(c->task->on_cpu))
		schedule_timeout_uninterruptible(1);
	put_task_struct(c->task);
}

static void sys_test_ids_and_process_groups(struct ktest *test)
{
	struct child c;
	pid_t pid;

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getpid, 0, 0, 0, 0), current->tgid);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(gettid, 0, 0, 0, 0), current->pid);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getppid, 0, 0, 0, 0),
			current->real_parent->tgid);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getpgid, 99999, 0, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getsid, 0, 0, 0, 0),
			task_session_nr(current));

	pid = child_start(test, &c);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, pid, -1, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, 99999, 0, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, 2, 0, 0, 0),
			-ESRCH); /* not our child */
	/* A group that does not exist in our session (other than its own). */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, pid, 4242, 0, 0), -EPERM);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, pid, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getpgid, pid, 0, 0, 0), pid);
	/* After exec, a child's group is its own business. */
	c.task->flags &= ~PF_FORKNOEXEC;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(setpgid, pid, pid, 0, 0), -EACCES);
	child_end(&c);
}

static void sys_test_priorities(struct ktest *test)
{
	struct child c;
	pid_t pid = child_start(test, &c);

	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(getpriority, PRIO_PROCESS, pid, 0, 0), 20);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(setpriority, PRIO_PROCESS, pid, 10, 0), 0);
	KTEST_EXPECT_EQ(test, task_nice(c.task), 10);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(getpriority, PRIO_PROCESS, pid, 0, 0), 10);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(setpriority, PRIO_PROCESS, pid, 99, 0),
			0); /* clamped to 19 */
	KTEST_EXPECT_EQ(test, task_nice(c.task), 19);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getpriority, 3, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(getpriority, PRIO_PROCESS, 99999, 0, 0),
			-ESRCH);
	set_ids(1000, 1000, 1000);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(setpriority, PRIO_PROCESS, pid, 0, 0),
			-EPERM); /* not ours */
	commit_creds((struct cred *)get_cred(test->priv));

	/* Scheduling policy. */
	KTEST_EXPECT_EQ(
		test,
		KTEST_SYSCALL(sched_get_priority_max, SCHED_FIFO, 0, 0, 0), 99);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(sched_get_priority_min, SCHED_RR, 0, 0, 0),
		1);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(sched_get_priority_max, SCHED_NORMAL, 0,
				      0, 0),
			0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sched_get_priority_max, 6, 0, 0, 0),
			-EINVAL);
	{
		int __user *up = ktest_user_map(test, 1);
		int *kp = ktest_user_kaddr(up);
		unsigned long *km = ktest_user_kaddr(up + 16);

		*kp = 10;
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, pid,
					      SCHED_FIFO, up, 0),
				0);
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_getscheduler, pid, 0, 0, 0),
				SCHED_FIFO);
		*kp = 0;
		KTEST_EXPECT_EQ(
			test, KTEST_SYSCALL(sched_getparam, pid, up, 0, 0), 0);
		KTEST_EXPECT_EQ(test, *kp, 10);
		*kp = 0;
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, pid,
					      SCHED_FIFO, up, 0),
				-EINVAL); /* priority 0 is not real-time */
		KTEST_EXPECT_EQ(
			test, KTEST_SYSCALL(sched_setscheduler, pid, 6, up, 0),
			-EINVAL); /* SCHED_DEADLINE */
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, pid,
					      SCHED_NORMAL, NULL, 0),
				-EINVAL);
		set_ids(1000, 1000, 1000);
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, 0, SCHED_RR,
					      up, 0),
				-EINVAL);
		*kp = 5;
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, 0, SCHED_RR,
					      up, 0),
				-EPERM); /* RLIMIT_RTPRIO 0 */
		commit_creds((struct cred *)get_cred(test->priv));
		*kp = 0;
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setscheduler, pid,
					      SCHED_NORMAL, up, 0),
				0);
		KTEST_EXPECT_EQ(
			test,
			KTEST_SYSCALL(sched_rr_get_interval, pid, up, 0, 0), 0);
		KTEST_EXPECT_EQ(
			test,
			KTEST_SYSCALL(sched_getaffinity, 0, 8, up + 16, 0), 8);
		KTEST_EXPECT_TRUE(test, *km & 1);
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_getaffinity, 0, 4, up + 16,
					      0),
				-EINVAL);
		*km = 0;
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setaffinity, pid, 8,
					      up + 16, 0),
				-EINVAL);
		KTEST_EXPECT_EQ(test,
				KTEST_SYSCALL(sched_setaffinity, pid, 8, 0x1000,
					      0),
				-EFAULT);
	}
	child_end(&c);
}

static void sys_test_umask_getcpu(struct ktest *test)
{
	unsigned int __user *u = ktest_user_map(test, 1);
	unsigned int *k = ktest_user_kaddr(u);
	long old = KTEST_SYSCALL(umask, 077, 0, 0, 0);

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(umask, 01777, 0, 0, 0), 077);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(umask, old, 0, 0, 0), 0777);
	k[0] = k[1] = 99;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getcpu, u, u + 1, 0, 0), 0);
	KTEST_EXPECT_LT(test, k[0], nr_cpu_ids);
	KTEST_EXPECT_EQ(test, k[1], 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getcpu, NULL, NULL, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(getcpu, 0x1000, NULL, 0, 0),
			-EFAULT);
}

static struct ktest_case sys_test_cases[] = {
	KTEST_CASE(sys_test_setuid_rules),
	KTEST_CASE(sys_test_setfsuid_moves_fs_caps),
	KTEST_CASE(sys_test_keepcaps),
	KTEST_CASE(sys_test_setgid_rules),
	KTEST_CASE(sys_test_user_struct_follows_uid),
	KTEST_CASE(sys_test_groups),
	KTEST_CASE(sys_test_rlimits),
	KTEST_CASE(sys_test_uname_and_hostname),
	KTEST_CASE(sys_test_sysinfo_rusage_times),
	KTEST_CASE(sys_test_prctl),
	KTEST_CASE(sys_test_capget_capset),
	KTEST_CASE(sys_test_ids_and_process_groups),
	KTEST_CASE(sys_test_priorities),
	KTEST_CASE(sys_test_umask_getcpu),
	{}
};

static struct ktest_suite sys_test_suite = {
	.name = "sys",
	.init = sys_test_init,
	.exit = sys_test_exit,
	.test_cases = sys_test_cases,
};
ktest_suite(sys_test_suite);
