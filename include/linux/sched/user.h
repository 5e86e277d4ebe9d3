#ifndef _LINUX_SCHED_USER_H
#define _LINUX_SCHED_USER_H

/*
 * Per-user accounting (kernel/user.c): what the per-user rlimits count.
 * A cred points at the user_struct of its real uid; changing the real
 * uid (set_user() in kernel/sys.c) switches it.
 *
 *   sigpending  queued siginfos, against RLIMIT_SIGPENDING
 *   processes   tasks, against RLIMIT_NPROC (fork counts, release
 *               uncounts, commit_creds moves a task between users)
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/refcount.h>

struct user_struct {
	refcount_t __count;
	atomic_t processes;
	atomic_t sigpending;
	struct hlist_node uidhash_node;
	uid_t uid;
};

extern struct user_struct root_user;

struct user_struct *alloc_uid(uid_t uid);
struct user_struct *find_user(uid_t uid);
void free_uid(struct user_struct *up);

static inline struct user_struct *get_uid(struct user_struct *u)
{
	refcount_inc(&u->__count);
	return u;
}

#endif /* _LINUX_SCHED_USER_H */
