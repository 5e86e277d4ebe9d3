/*
 * Task credentials (linux/cred.h).  init_cred is root with every
 * capability; fork shares the parent's cred (a reference), set*id
 * replace it through prepare_creds/commit_creds.
 */
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

struct group_info init_groups = { .usage = ATOMIC_INIT(2), .ngroups = 0 };

struct cred init_cred = {
	.usage = ATOMIC_INIT(4),
	.cap_permitted = CAP_FULL_SET,
	.cap_effective = CAP_FULL_SET,
	.cap_bset = CAP_FULL_SET,
	.group_info = &init_groups,
};

bool capable(int cap)
{
	const struct cred *cred = current->cred;

	return cred && cap_raised(cred->cap_effective, cap);
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

void __put_cred(struct cred *cred)
{
	if (cred == &init_cred)
		return;
	put_group_info(cred->group_info);
	kfree(cred);
}
