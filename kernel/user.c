/*
 * Per-user accounting (linux/sched/user.h).  One user_struct per real
 * uid that some credential uses, found through a small hash; root's is
 * static.  The counts in it are what the per-user rlimits
 * (RLIMIT_SIGPENDING, RLIMIT_NPROC) are checked against.
 */
#include <linux/hashtable.h>
#include <linux/kernel.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct user_struct root_user = {
	.__count = REFCOUNT_INIT(2),
	.processes = ATOMIC_INIT(0),
	.sigpending = ATOMIC_INIT(0),
	.uid = 0,
};

static DEFINE_HASHTABLE(uidhash, 6);
static DEFINE_SPINLOCK(uidhash_lock);

static struct user_struct *uid_hash_find(uid_t uid)
{
	struct user_struct *u;

	if (uid == root_user.uid)
		return &root_user;
	hash_for_each_possible(uidhash, u, uidhash_node, uid)
		if (u->uid == uid)
			return u;
	return NULL;
}

/**
 * find_user - the user_struct of @uid with a reference, or NULL.
 *
 * Any context.  Drop the reference with free_uid().
 */
struct user_struct *find_user(uid_t uid)
{
	struct user_struct *u;
	unsigned long flags;

	spin_lock_irqsave(&uidhash_lock, flags);
	u = uid_hash_find(uid);
	if (u)
		get_uid(u);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	return u;
}

/**
 * free_uid - drop a reference; the last one unhashes and frees it.
 * @up: a user_struct, or NULL
 *
 * Any context.
 */
void free_uid(struct user_struct *up)
{
	unsigned long flags;

	if (!up)
		return;
	spin_lock_irqsave(&uidhash_lock, flags);
	if (!refcount_dec_and_test(&up->__count)) {
		spin_unlock_irqrestore(&uidhash_lock, flags);
		return;
	}
	WARN_ON_ONCE(up == &root_user);
	hash_del(&up->uidhash_node);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	kfree(up);
}

/**
 * alloc_uid - the user_struct of @uid, created on first use.
 *
 * Process context, may sleep.  Returns it with a reference, or NULL
 * when out of memory.
 */
struct user_struct *alloc_uid(uid_t uid)
{
	struct user_struct *u = find_user(uid), *old;
	unsigned long flags;

	if (u)
		return u;
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return NULL;
	refcount_set(&u->__count, 1);
	u->uid = uid;
	spin_lock_irqsave(&uidhash_lock, flags);
	old = uid_hash_find(uid); /* someone else may have been quicker */
	if (old) {
		get_uid(old);
		spin_unlock_irqrestore(&uidhash_lock, flags);
		kfree(u);
		return old;
	}
	hash_add(uidhash, &u->uidhash_node, uid);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	return u;
}
