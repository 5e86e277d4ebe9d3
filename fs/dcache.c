/*
 * The dentry cache (linux/dcache.h; seeds 001 and 004).
 *
 * Every dentry of every mounted filesystem is in one tree (d_parent,
 * d_subdirs) and, while it names something lookups may find, in
 * dentry_hashtable under hash(parent, name).  Unused dentries (count 0)
 * stay cached on dentry_lru until prune_dcache() or an unmount frees
 * them; negative dentries among them make repeated lookups of missing
 * names (PATH searches) cheap.
 *
 * Locking: dcache_lock guards the hash table, the trees, the LRU, the
 * alias lists (inode->i_dentry), d_name and d_parent.  d_lock guards one
 * dentry's count and flags; it nests inside dcache_lock.  A count may go
 * from 0 to 1, or from 1 to 0, only under dcache_lock, so whoever holds
 * dcache_lock and sees count 0 may free the dentry.
 */
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/hash.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);

static struct kmem_cache *dentry_cache;

#define D_HASH_BITS 13
static struct hlist_head *dentry_hashtable;

static LIST_HEAD(dentry_lru);
static unsigned long nr_dentry_unused;

static struct hlist_head *d_hash(u32 hash)
{
	return dentry_hashtable + hash_32(hash, D_HASH_BITS);
}

static bool dname_external(const struct dentry *dentry)
{
	return dentry->d_name.name != dentry->d_iname;
}

/**
 * d_alloc - a new dentry named @name under @parent.
 * @parent: the directory; NULL for a root (made its own parent)
 * @name: the name, hashed (full_name_hash with @parent as salt)
 *
 * Process context.  The dentry is negative, unhashed, has one reference
 * and holds one on @parent.  Returns NULL without memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	unsigned char *dname = NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	} else {
		dname = dentry->d_iname;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.hash_len = name->hash_len;
	dentry->d_flags = 0;
	spin_lock_init(&dentry->d_lock);
	dentry->d_lockref.count = 1;
	dentry->d_inode = NULL;
	dentry->d_parent = dentry;
	dentry->d_sb = parent ? parent->d_sb : NULL;
	dentry->d_op = NULL;
	dentry->d_fsdata = NULL;
	dentry->d_time = 0;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_HLIST_NODE(&dentry->d_alias);
	INIT_LIST_HEAD(&dentry->d_lru);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_child);
	if (parent) {
		if (parent->d_sb->s_d_op)
			d_set_d_op(dentry, parent->d_sb->s_d_op);
		dentry->d_parent = dget(parent);
		spin_lock(&dcache_lock);
		list_add(&dentry->d_child, &parent->d_subdirs);
		spin_unlock(&dcache_lock);
	}
	return dentry;
}

/** d_alloc_name - d_alloc() with a C string for the name. */
struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q;

	q.name = (const unsigned char *)name;
	q.len = strlen(name);
	q.hash = full_name_hash(parent, name, q.len);
	return d_alloc(parent, &q);
}

/**
 * d_alloc_cursor - a readdir position marker among @parent's children.
 * @parent: the directory
 *
 * Never hashed and skipped by everyone walking d_subdirs; freed by the
 * last dput().  Returns NULL without memory.
 */
struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr empty = QSTR_INIT("", 0);
	struct dentry *cursor = d_alloc(parent, &empty);

	if (cursor)
		cursor->d_flags |= DCACHE_DENTRY_CURSOR;
	return cursor;
}

/** d_set_d_op - give @dentry its operations and the flags they imply. */
void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op)
{
	dentry->d_op = op;
	if (!op)
		return;
	if (op->d_hash)
		dentry->d_flags |= DCACHE_OP_HASH;
	if (op->d_compare)
		dentry->d_flags |= DCACHE_OP_COMPARE;
	if (op->d_revalidate)
		dentry->d_flags |= DCACHE_OP_REVALIDATE;
	if (op->d_delete)
		dentry->d_flags |= DCACHE_OP_DELETE;
}

/**
 * d_make_root - the root dentry of a new superblock.
 * @root_inode: its inode; the reference passes to the dentry (and is
 *	dropped if allocation fails)
 *
 * Returns the dentry or NULL.
 */
struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr name = QSTR_INIT("/", 1);
	struct dentry *res;

	if (!root_inode)
		return NULL;
	res = d_alloc(NULL, &name);
	if (!res) {
		iput(root_inode);
		return NULL;
	}
	res->d_sb = root_inode->i_sb;
	if (res->d_sb->s_d_op)
		d_set_d_op(res, res->d_sb->s_d_op);
	d_instantiate(res, root_inode);
	return res;
}

/**
 * d_instantiate - make @dentry name @inode.
 * @dentry: a negative dentry
 * @inode: the inode (its reference passes to the dentry), or NULL
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	WARN_ON_ONCE(dentry->d_inode);
	spin_lock(&dcache_lock);
	if (inode)
		hlist_add_head(&dentry->d_alias, &inode->i_dentry);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

static void __d_rehash(struct dentry *dentry)
{
	hlist_add_head(&dentry->d_hash, d_hash(dentry->d_name.hash));
}

static void __d_drop(struct dentry *dentry)
{
	if (!d_unhashed(dentry))
		hlist_del_init(&dentry->d_hash);
}

/** d_rehash - make @dentry findable by d_lookup() again. */
void d_rehash(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	if (d_unhashed(dentry))
		__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

/**
 * d_add - instantiate and hash: the result of a successful ->lookup.
 * @dentry: a negative, unhashed dentry
 * @inode: what it names, or NULL for a negative entry
 */
void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	d_rehash(dentry);
}

/**
 * d_splice_alias - d_add() for filesystems that may find a directory
 * inode already connected elsewhere.  Ours never do, so it is d_add().
 * Returns NULL (the caller's dentry was used).
 */
struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry)
{
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d_add(dentry, inode);
	return NULL;
}

/** d_drop - unhash @dentry: lookups no longer find it. */
void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_drop(dentry);
	spin_unlock(&dcache_lock);
}

/**
 * dget - take a reference on a dentry the caller already holds one on.
 * @dentry: the dentry, or NULL
 */
struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dentry->d_lock);
		dentry->d_lockref.count++;
		spin_unlock(&dentry->d_lock);
	}
	return dentry;
}

/* dget() of a dentry found through the hash or a list: dcache_lock held. */
static struct dentry *__dget_locked(struct dentry *dentry)
{
	spin_lock(&dentry->d_lock);
	dentry->d_lockref.count++;
	spin_unlock(&dentry->d_lock);
	return dentry;
}

/** dget_parent - a reference on @dentry's parent, stable against rename. */
struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = __dget_locked(dentry->d_parent);
	spin_unlock(&dcache_lock);
	return parent;
}

static void d_lru_del(struct dentry *dentry)
{
	if (dentry->d_flags & DCACHE_LRU_LIST) {
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_LRU_LIST;
		nr_dentry_unused--;
	}
}

static void d_free(struct dentry *dentry)
{
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	if (dname_external(dentry))
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
}

/*
 * Free an unused dentry.  Called with dcache_lock and d_lock held and
 * the count at 0; drops both.  Returns the parent, whose reference the
 * caller must now drop, or NULL for a root.
 */
static struct dentry *dentry_kill(struct dentry *dentry)
{
	struct dentry *parent = NULL;
	struct inode *inode = dentry->d_inode;

	d_lru_del(dentry);
	__d_drop(dentry);
	list_del_init(&dentry->d_child);
	dentry->d_flags |= DCACHE_DENTRY_KILLED;
	if (inode) {
		hlist_del_init(&dentry->d_alias);
		dentry->d_inode = NULL;
	}
	if (!IS_ROOT(dentry))
		parent = dentry->d_parent;
	spin_unlock(&dentry->d_lock);
	spin_unlock(&dcache_lock);
	if (inode) {
		if (dentry->d_op && dentry->d_op->d_iput)
			dentry->d_op->d_iput(dentry, inode);
		else
			iput(inode);
	}
	d_free(dentry);
	return parent;
}

/* Should an unused dentry be freed rather than cached?  Locks held. */
static bool d_should_kill(struct dentry *dentry)
{
	if (d_unhashed(dentry))
		return true;
	if ((dentry->d_flags & DCACHE_OP_DELETE) &&
	    dentry->d_op->d_delete(dentry))
		return true;
	return false;
}

/**
 * dput - drop a reference to a dentry.
 * @dentry: the dentry, or NULL
 *
 * Process context, may sleep (the last reference to an unhashed dentry
 * frees it and drops its inode).  A hashed dentry whose count reaches
 * 0 stays cached on the LRU.  The freeing of a dentry drops its
 * reference on the parent, which may free the parent in turn.
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		might_sleep();
		spin_lock(&dentry->d_lock);
		if (dentry->d_lockref.count > 1) {
			dentry->d_lockref.count--;
			spin_unlock(&dentry->d_lock);
			return;
		}
		spin_unlock(&dentry->d_lock);
		spin_lock(&dcache_lock);
		spin_lock(&dentry->d_lock);
		if (WARN_ON_ONCE(dentry->d_lockref.count <= 0) ||
		    --dentry->d_lockref.count > 0) {
			spin_unlock(&dentry->d_lock);
			spin_unlock(&dcache_lock);
			return;
		}
		if (!d_should_kill(dentry)) {
			if (!(dentry->d_flags & DCACHE_LRU_LIST)) {
				list_add(&dentry->d_lru, &dentry_lru);
				dentry->d_flags |= DCACHE_LRU_LIST;
				nr_dentry_unused++;
			}
			spin_unlock(&dentry->d_lock);
			spin_unlock(&dcache_lock);
			return;
		}
		dentry = dentry_kill(dentry);
	}
}

static bool d_name_matches(const struct dentry *dentry,
			   const struct dentry *parent, const struct qstr *name)
{
	if (dentry->d_parent != parent ||
	    dentry->d_name.hash_len != name->hash_len)
		return false;
	if (parent->d_flags & DCACHE_OP_COMPARE)
		return !parent->d_op->d_compare(
			dentry, dentry->d_name.len,
			(const char *)dentry->d_name.name, name);
	return !memcmp(dentry->d_name.name, name->name, name->len);
}

/**
 * d_lookup - find @name among @parent's cached children.
 * @parent: the directory
 * @name: hashed with full_name_hash(@parent, ...)
 *
 * Any context that may spin.  Returns the dentry (positive or negative)
 * with a reference, or NULL if the cache does not know the name.
 */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry, *found = NULL;

	spin_lock(&dcache_lock);
	hlist_for_each_entry(dentry, d_hash(name->hash), d_hash) {
		if (d_name_matches(dentry, parent, name)) {
			found = __dget_locked(dentry);
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

/** d_hash_and_lookup - d_lookup() of a name not yet hashed. */
struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name)
{
	name->hash = full_name_hash(dir, (const char *)name->name, name->len);
	if (dir->d_flags & DCACHE_OP_HASH) {
		int err = dir->d_op->d_hash(dir, name);

		if (err < 0)
			return ERR_PTR(err);
	}
	return d_lookup(dir, name);
}

/** d_find_alias - a dentry naming @inode, with a reference, or NULL. */
struct dentry *d_find_alias(struct inode *inode)
{
	struct dentry *alias = NULL;

	spin_lock(&dcache_lock);
	if (!hlist_empty(&inode->i_dentry))
		alias = __dget_locked(hlist_entry(inode->i_dentry.first,
						  struct dentry, d_alias));
	spin_unlock(&dcache_lock);
	return alias;
}

/**
 * d_delete - the name was unlinked: forget the inode behind it.
 * @dentry: held by the caller
 *
 * If the caller's is the only reference the dentry turns negative (and
 * stays cached: "no such file"); otherwise someone still uses the inode
 * through it (an open file), so it is only unhashed and keeps the inode
 * until its last dput().
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	spin_lock(&dcache_lock);
	spin_lock(&dentry->d_lock);
	if (dentry->d_lockref.count == 1 && inode) {
		hlist_del_init(&dentry->d_alias);
		dentry->d_inode = NULL;
		spin_unlock(&dentry->d_lock);
		spin_unlock(&dcache_lock);
		iput(inode);
		return;
	}
	__d_drop(dentry);
	spin_unlock(&dentry->d_lock);
	spin_unlock(&dcache_lock);
}

/* Swap the names (and their hashes) of two dentries.  dcache_lock held. */
static void swap_names(struct dentry *a, struct dentry *b)
{
	unsigned char tmp[DNAME_INLINE_LEN];
	u64 hash_len = a->d_name.hash_len;
	const unsigned char *an = a->d_name.name, *bn = b->d_name.name;
	bool ae = dname_external(a), be = dname_external(b);

	if (ae && be) {
		a->d_name.name = bn;
		b->d_name.name = an;
	} else if (ae) {
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		a->d_name.name = a->d_iname;
		b->d_name.name = an;
	} else if (be) {
		memcpy(b->d_iname, a->d_iname, DNAME_INLINE_LEN);
		b->d_name.name = b->d_iname;
		a->d_name.name = bn;
	} else {
		memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	}
	a->d_name.hash_len = b->d_name.hash_len;
	b->d_name.hash_len = hash_len;
}

/*
 * The two dentries trade places (name, parent, position among the
 * children).  Each keeps one reference on whichever parent it ends
 * under, so the parents' counts do not change.
 */
static void __d_swap(struct dentry *dentry, struct dentry *target,
		     bool rehash_target)
{
	struct dentry *old_parent = dentry->d_parent;

	spin_lock(&dcache_lock);
	__d_drop(dentry);
	__d_drop(target);
	swap_names(dentry, target);
	if (IS_ROOT(target)) { /* never: roots are not renamed */
		WARN_ON_ONCE(1);
	} else if (old_parent != target->d_parent) {
		dentry->d_parent = target->d_parent;
		target->d_parent = old_parent;
		list_move(&dentry->d_child, &dentry->d_parent->d_subdirs);
		list_move(&target->d_child, &target->d_parent->d_subdirs);
	}
	__d_rehash(dentry);
	if (rehash_target)
		__d_rehash(target);
	spin_unlock(&dcache_lock);
}

/**
 * d_move - rename: @dentry takes @target's name and place.
 * @dentry: the entry being moved
 * @target: the (negative or replaced) entry at the destination; it ends
 *	unhashed, with @dentry's old name
 *
 * Caller holds the rename locks of both directories.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	__d_swap(dentry, target, false);
}

/** d_exchange - RENAME_EXCHANGE: the two dentries swap places. */
void d_exchange(struct dentry *a, struct dentry *b)
{
	__d_swap(a, b, true);
}

/**
 * d_ancestor - is @p1 an ancestor of @p2?
 *
 * Returns the child of @p1 on the way up from @p2, or NULL.  Caller
 * holds the rename mutex so the tree cannot change shape.
 */
struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	for (p = p2; !IS_ROOT(p); p = p->d_parent)
		if (p->d_parent == p1)
			return p;
	return NULL;
}

/**
 * is_subdir - is @new_dentry @old_dentry or below it?
 * @new_dentry: the candidate
 * @old_dentry: the top of the subtree
 */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry)
{
	bool ret = false;
	struct dentry *p;

	spin_lock(&dcache_lock);
	for (p = new_dentry;; p = p->d_parent) {
		if (p == old_dentry) {
			ret = true;
			break;
		}
		if (IS_ROOT(p))
			break;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

bool d_is_symlink(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISLNK(dentry->d_inode->i_mode);
}

bool d_is_reg(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISREG(dentry->d_inode->i_mode);
}

/*
 * Free the oldest unused dentries on the LRU that @match accepts (all
 * if @sb is NULL), at most @count.  Returns how many were freed.
 */
static unsigned long prune_lru(struct super_block *sb, unsigned long count)
{
	unsigned long freed = 0;

	while (freed < count) {
		struct dentry *dentry, *victim = NULL, *parent;

		spin_lock(&dcache_lock);
		list_for_each_entry_reverse(dentry, &dentry_lru, d_lru) {
			if (sb && dentry->d_sb != sb)
				continue;
			spin_lock(&dentry->d_lock);
			if (dentry->d_lockref.count == 0) {
				victim = dentry;
				break;
			}
			spin_unlock(&dentry->d_lock);
		}
		if (!victim) {
			/* The rest are in use again: take them off the LRU. */
			list_for_each_entry_safe(dentry, parent, &dentry_lru,
						 d_lru)
				if ((!sb || dentry->d_sb == sb) &&
				    dentry->d_lockref.count > 0)
					d_lru_del(dentry);
			spin_unlock(&dcache_lock);
			break;
		}
		parent = dentry_kill(victim);
		dput(parent);
		freed++;
	}
	return freed;
}

/**
 * prune_dcache - free up to @count unused dentries, oldest first.
 * @count: how many; ULONG_MAX for all
 *
 * Process context.  The shrinker of the dentry cache: drop_caches and
 * memory pressure call it.  Returns how many were freed.
 */
unsigned long prune_dcache(unsigned long count)
{
	return prune_lru(NULL, count);
}

/** dcache_unused_count - dentries cached with no users (for stats). */
unsigned long dcache_unused_count(void)
{
	return READ_ONCE(nr_dentry_unused);
}

/** shrink_dcache_sb - free every unused dentry of @sb. */
void shrink_dcache_sb(struct super_block *sb)
{
	prune_lru(sb, ULONG_MAX);
}

static bool d_is_cursor(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_DENTRY_CURSOR;
}

/* An unused descendant of @parent with no children, or NULL.  Locked. */
static struct dentry *find_unused_leaf(struct dentry *parent)
{
	struct dentry *this = parent;
	struct list_head *next;

	next = this->d_subdirs.next;
	for (;;) {
		if (next == &this->d_subdirs) {
			/* Done with this directory: back up. */
			if (this == parent)
				return NULL;
			next = this->d_child.next;
			this = this->d_parent;
			continue;
		}
		{
			struct dentry *child =
				list_entry(next, struct dentry, d_child);

			if (!list_empty(&child->d_subdirs)) {
				this = child;
				next = child->d_subdirs.next;
				continue;
			}
			if (!d_is_cursor(child) &&
			    child->d_lockref.count == 0) {
				spin_lock(&child->d_lock);
				return child;
			}
			next = next->next;
		}
	}
}

/**
 * shrink_dcache_parent - free every unused dentry below @parent.
 * @parent: held by the caller
 *
 * Process context.  Children go before their parents; dentries still in
 * use (and their ancestors) stay.
 */
void shrink_dcache_parent(struct dentry *parent)
{
	for (;;) {
		struct dentry *victim;

		spin_lock(&dcache_lock);
		victim = find_unused_leaf(parent);
		if (!victim) {
			spin_unlock(&dcache_lock);
			return;
		}
		dput(dentry_kill(victim));
	}
}

/**
 * d_genocide - drop the reference each positive dentry below @root
 * holds on itself.
 * @root: the top (its own reference stays)
 *
 * ramfs and tmpfs pin each entry with an extra reference (there is no
 * disk to find it on again); unmount hands those back with this before
 * shrinking.  Each dentry is visited once (DCACHE_GENOCIDE).
 */
void d_genocide(struct dentry *root)
{
	struct dentry *this = root;
	struct list_head *next;

	spin_lock(&dcache_lock);
	next = this->d_subdirs.next;
	for (;;) {
		struct dentry *child;

		if (next == &this->d_subdirs) {
			if (this == root)
				break;
			next = this->d_child.next;
			this = this->d_parent;
			continue;
		}
		child = list_entry(next, struct dentry, d_child);
		spin_lock(&child->d_lock);
		if (!d_is_cursor(child) && child->d_inode &&
		    !(child->d_flags & DCACHE_GENOCIDE)) {
			child->d_flags |= DCACHE_GENOCIDE;
			child->d_lockref.count--;
		}
		spin_unlock(&child->d_lock);
		if (!list_empty(&child->d_subdirs)) {
			this = child;
			next = child->d_subdirs.next;
			continue;
		}
		next = next->next;
	}
	spin_unlock(&dcache_lock);
}

/**
 * shrink_dcache_for_umount - free the whole dentry tree of a dying @sb.
 * @sb: no longer mounted anywhere
 *
 * Process context.  A dentry still in use here is a reference leak
 * somewhere: it is reported and left alone rather than freed under its
 * user.
 */
void shrink_dcache_for_umount(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	shrink_dcache_sb(sb);
	if (!root)
		return;
	sb->s_root = NULL;
	shrink_dcache_parent(root);
	spin_lock(&dcache_lock);
	if (!list_empty(&root->d_subdirs)) {
		struct dentry *child = list_first_entry(&root->d_subdirs,
							struct dentry, d_child);

		pr_err("BUG: Dentry %s{count=%d} still in use at unmount of %s\n",
		       child->d_name.name, child->d_lockref.count, sb->s_id);
	}
	spin_unlock(&dcache_lock);
	dput(root);
}

/** dcache_init - the dentry cache and its hash table.  Boot. */
void __init dcache_init(void)
{
	unsigned int i;

	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT,
					 NULL);
	dentry_hashtable = kvcalloc(1U << D_HASH_BITS,
				    sizeof(struct hlist_head), GFP_KERNEL);
	BUG_ON(!dentry_hashtable);
	for (i = 0; i < (1U << D_HASH_BITS); i++)
		INIT_HLIST_HEAD(&dentry_hashtable[i]);
}

/**
 * vfs_caches_init - the VFS at boot: dentries, inodes, files, mounts.
 *
 * From start_kernel(), once the slab allocator works.  Ends with
 * rootfs mounted and init_task's root and cwd on it.
 */
void __init vfs_caches_init(void)
{
	names_cache_init();
	dcache_init();
	inode_init();
	files_init();
	filelock_init();
	mnt_init();
}
