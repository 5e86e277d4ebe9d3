/*
 * Task credentials (linux/cred.h).  init_cred is root with every
 * capability; fork shares the parent's cred (a reference), set*id
 * replace it through prepare_creds/commit_creds.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

struct group_info init_groups = { .usage = ATOMIC_INIT(2), .ngroups = 0 };

struct cred init_cred = {
	.usage = ATOMIC_INIT(4),
	.cap_permitted = CAP_FULL_SET,
	.cap_effective = CAP_FULL_SET,
	.cap_bset = CAP_FULL_SET,
	.user = &root_user,
	.group_info = &init_groups,
};

bool capable(int cap)
{
	const struct cred *cred = current->cred;

	return cred && cap_raised(cred->cap_effective, cap);
}

/**
 * has_capability - does @t (as others see it) hold @cap?
 * @t: a task the caller keeps alive
 * @cap: CAP_*
 */
bool has_capability(struct task_struct *t, int cap)
{
	return cap_raised(t->real_cred->cap_effective, cap);
}

struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi;

	gi = kmalloc(sizeof(*gi) + gidsetsize * sizeof(gid_t), GFP_KERNEL);
	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = gidsetsize;
	return gi;
}

void groups_free(struct group_info *gi)
{
	if (gi != &init_groups)
		kfree(gi);
}

static int gid_cmp(const void *a, const void *b)
{
	gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;

	return (x > y) - (x < y);
}

/** groups_sort - sort @gi so groups_search() can bisect it. */
void groups_sort(struct group_info *gi)
{
	sort(gi->gid, gi->ngroups, sizeof(gid_t), gid_cmp, NULL);
}

/**
 * set_groups - make @group_info (sorted) the supplementary groups of
 * the unpublished @new; takes a reference of its own.
 */
void set_groups(struct cred *new, struct group_info *group_info)
{
	put_group_info(new->group_info);
	get_group_info(group_info);
	new->group_info = group_info;
}

/**
 * set_current_groups - replace current's supplementary groups.
 *
 * Process context.  Returns 0 or -ENOMEM.
 */
int set_current_groups(struct group_info *group_info)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	set_groups(new, group_info);
	return commit_creds(new);
}

/**
 * set_cred_user - point the unpublished @new at the user_struct of its
 * (new) real uid.  Returns 0 or -EAGAIN when out of memory, as Linux.
 */
int set_cred_user(struct cred *new)
{
	struct user_struct *u = alloc_uid(new->uid);

	if (!u)
		return -EAGAIN;
	free_uid(new->user);
	new->user = u;
	return 0;
}

bool groups_search(const struct group_info *gi, gid_t grp)
{
	int lo = 0, hi;

	if (!gi)
		return false;
	hi = gi->ngroups;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (grp > gi->gid[mid])
			lo = mid + 1;
		else if (grp < gi->gid[mid])
			hi = mid;
		else
			return true;
	}
	return false;
}

/* Is @grp the fsgid or one of the supplementary groups? */
bool in_group_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->fsgid || groups_search(cred->group_info, grp);
}

bool in_egroup_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->egid || groups_search(cred->group_info, grp);
}

/**
 * prepare_creds - a private copy of current's credentials to edit.
 *
 * Returns NULL when out of memory.  Install it with commit_creds() or
 * drop it with abort_creds().
 */
struct cred *prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	memcpy(new, old, sizeof(*new));
	atomic_set(&new->usage, 1);
	get_group_info(new->group_info);
	get_uid(new->user);
	return new;
}

/**
 * commit_creds - make @new current's credentials (both cred and
 * real_cred); consumes the caller's reference.
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;
	const struct cred *old_subj = task->cred;

	/* The task is counted against its real user's RLIMIT_NPROC. */
	if (new->user != old->user) {
		atomic_inc(&new->user->processes);
		atomic_dec(&old->user->processes);
	}
	get_cred(new); /* one reference for each pointer */
	task->real_cred = new;
	task->cred = new;
	put_cred(old);
	put_cred(old_subj);
	return 0;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

static void put_cred_rcu(struct rcu_head *rcu)
{
	struct cred *cred = container_of(rcu, struct cred, rcu);

	put_group_info(cred->group_info);
	free_uid(cred->user);
	kfree(cred);
}

/*
 * The last reference is gone.  Another task may be reading this cred
 * through get_task_cred() (/proc): free it after a grace period.
 */
void __put_cred(struct cred *cred)
{
	if (cred == &init_cred)
		return;
	call_rcu(&cred->rcu, put_cred_rcu);
}

/**
 * get_task_cred - @task's objective credentials with a reference.
 * @task: any task, alive (a reference held)
 *
 * Any context that may sleep or not.  commit_creds() may be replacing
 * them at the same time; the RCU-deferred free keeps the old ones
 * readable until the reference attempt sees a count of zero, when the
 * new ones are read again.  Returns them; put_cred() when done.
 */
const struct cred *get_task_cred(struct task_struct *task)
{
	const struct cred *cred;

	rcu_read_lock();
	do {
		cred = READ_ONCE(task->real_cred);
	} while (!atomic_inc_not_zero(&((struct cred *)cred)->usage));
	rcu_read_unlock();
	return cred;
}
