#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

/*
 * Credentials: who a task is (uids, gids, supplementary groups) and what
 * it may do (capabilities).  A cred is immutable once published; to
 * change identity a task copies its cred (prepare_creds), edits the
 * copy, and installs it (commit_creds).  task->cred is what the task
 * acts as; task->real_cred what others see when they act on it.
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/sched/user.h>
#include <linux/rcupdate.h>
#include <asm/current.h>

struct group_info {
	atomic_t usage;
	int ngroups;
	gid_t gid[]; /* sorted, for in_group_p's binary search */
};

struct cred {
	atomic_t usage;
	uid_t uid; /* real */
	gid_t gid;
	uid_t suid; /* saved */
	gid_t sgid;
	uid_t euid; /* effective */
	gid_t egid;
	uid_t fsuid; /* for file access */
	gid_t fsgid;
	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bset;
	kernel_cap_t cap_ambient;
	unsigned int securebits; /* SECBIT_* (PR_SET_KEEPCAPS) */
	struct user_struct *user; /* of uid: per-user rlimit counts */
	struct group_info *group_info;
	struct rcu_head rcu; /* freed after a grace period: get_task_cred */
};

/* cred->securebits */
#define SECURE_KEEP_CAPS 4
#define SECBIT_KEEP_CAPS (1U << SECURE_KEEP_CAPS)

/* The capabilities that follow fsuid 0 (setfsuid). */
#define CAP_FS_MASK                                             \
	((1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) |     \
	 (1ULL << CAP_DAC_READ_SEARCH) | (1ULL << CAP_FOWNER) | \
	 (1ULL << CAP_FSETID) | (1ULL << CAP_LINUX_IMMUTABLE) | \
	 (1ULL << CAP_MAC_OVERRIDE))

extern struct cred init_cred;
extern struct group_info init_groups;

struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
void __put_cred(struct cred *cred);
struct cred *prepare_kernel_cred(struct task_struct *daemon);
bool in_group_p(gid_t grp);
bool in_egroup_p(gid_t grp);
struct group_info *groups_alloc(int gidsetsize);
void groups_free(struct group_info *gi);
void groups_sort(struct group_info *gi);
bool groups_search(const struct group_info *gi, gid_t grp);
int set_current_groups(struct group_info *group_info);
void set_groups(struct cred *new, struct group_info *group_info);
bool has_capability(struct task_struct *t, int cap);
const struct cred *get_task_cred(struct task_struct *task);
int set_cred_user(struct cred *new);

static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

static inline void put_cred(const struct cred *cred)
{
	if (cred && atomic_dec_and_test(&((struct cred *)cred)->usage))
		__put_cred((struct cred *)cred);
}

static inline void get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
}

static inline void put_group_info(struct group_info *gi)
{
	if (atomic_dec_and_test(&gi->usage))
		groups_free(gi);
}

#define current_cred() (current->cred)
#define current_real_cred() (current->real_cred)
#define current_uid() (current_cred()->uid)
#define current_gid() (current_cred()->gid)
#define current_euid() (current_cred()->euid)
#define current_egid() (current_cred()->egid)
#define current_fsuid() (current_cred()->fsuid)
#define current_fsgid() (current_cred()->fsgid)
#define task_uid(t) ((t)->real_cred->uid)
#define task_euid(t) ((t)->real_cred->euid)

#define GLOBAL_ROOT_UID ((uid_t)0)
#define GLOBAL_ROOT_GID ((gid_t)0)
#define INVALID_UID ((uid_t)-1)
#define INVALID_GID ((gid_t)-1)

#endif /* _LINUX_CRED_H */
