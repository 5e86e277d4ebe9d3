#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

/*
 * The dentry cache (seeds 001, 004): a dentry names one place in the
 * tree -- a (parent, name) pair -- and points at the inode found there,
 * or at nothing (a negative dentry, remembering "no such file").  The
 * dentries of all mounted filesystems sit in one hash table keyed by
 * (parent, name), which is what makes a path walk fast: each component
 * is one hash lookup instead of a directory search.
 *
 * Lifetime: d_lockref.count counts users.  A dentry whose count drops
 * to zero stays in the cache (on the LRU list) while it is hashed, and
 * is freed when the cache is shrunk, its filesystem is unmounted, or it
 * is unhashed (deleted, or rejected by d_op->d_delete).  Every dentry
 * holds a reference to its parent, so a cached subtree is freed leaves
 * first.
 *
 * Locking: dcache_lock (fs/dcache.c) guards the hash table, the
 * d_subdirs lists, the LRU, d_parent and d_name; d_lock guards the
 * count and d_flags of one dentry and nests inside dcache_lock.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/stringhash.h>

struct inode;
struct super_block;
struct path;
struct vfsmount;

/* A name and its hash.  len + hash pack into hash_len for fast compares. */
struct qstr {
	union {
		struct {
			u32 hash;
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};

#define QSTR_INIT(n, l)                                    \
	{                                                  \
		{ { .hash = 0, .len = l } },               \
			.name = (const unsigned char *)(n) \
	}

/* A count and the lock that guards it (Linux's lockref, without cmpxchg). */
struct lockref {
	spinlock_t lock;
	int count;
};

#define DNAME_INLINE_LEN 40

struct dentry {
	unsigned int d_flags; /* DCACHE_*, under d_lock */
	struct hlist_node d_hash; /* in the hash table */
	struct dentry *d_parent; /* itself for a root */
	struct qstr d_name;
	struct inode *d_inode; /* NULL: negative */
	unsigned char d_iname[DNAME_INLINE_LEN]; /* short names live here */
	struct lockref d_lockref;
	const struct dentry_operations *d_op;
	struct super_block *d_sb;
	unsigned long d_time; /* for d_revalidate */
	void *d_fsdata;
	struct list_head d_lru; /* on the LRU while unused */
	struct list_head d_child; /* in the parent's d_subdirs */
	struct list_head d_subdirs; /* the children */
	struct hlist_node d_alias; /* in inode->i_dentry */
};

#define d_lock d_lockref.lock

struct dentry_operations {
	int (*d_revalidate)(struct dentry *, unsigned int);
	int (*d_hash)(const struct dentry *, struct qstr *);
	int (*d_compare)(const struct dentry *, unsigned int, const char *,
			 const struct qstr *);
	int (*d_delete)(const struct dentry *); /* 1: free at count 0 */
	void (*d_release)(struct dentry *);
	void (*d_iput)(struct dentry *, struct inode *);
	char *(*d_dname)(struct dentry *, char *, int);
};

/* d_flags */
#define DCACHE_OP_HASH 0x0001
#define DCACHE_OP_COMPARE 0x0002
#define DCACHE_OP_REVALIDATE 0x0004
#define DCACHE_OP_DELETE 0x0008
#define DCACHE_DISCONNECTED 0x0020
#define DCACHE_LRU_LIST 0x0080
#define DCACHE_MOUNTED 0x10000 /* something is mounted here */
#define DCACHE_GENOCIDE 0x0200
#define DCACHE_DENTRY_CURSOR 0x4000000 /* a readdir position marker */
#define DCACHE_DENTRY_KILLED 0x0400
#define DCACHE_UNHASHED 0x0800

extern spinlock_t dcache_lock;

/* Allocation and linking (fs/dcache.c). */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
struct dentry *d_alloc_cursor(struct dentry *parent);
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry);
void d_rehash(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *a, struct dentry *b);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name);
struct dentry *d_find_alias(struct inode *inode);
void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op);

/* References. */
struct dentry *dget(struct dentry *dentry);
struct dentry *dget_parent(struct dentry *dentry);
void dput(struct dentry *dentry);

/* Shrinking. */
void shrink_dcache_sb(struct super_block *sb);
void shrink_dcache_parent(struct dentry *parent);
void shrink_dcache_for_umount(struct super_block *sb);
unsigned long prune_dcache(unsigned long count);
unsigned long dcache_unused_count(void);
void d_genocide(struct dentry *root);

/* Tree questions. */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry);
struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2);

/* Names (fs/d_path.c). */
char *d_path(const struct path *path, char *buf, int buflen);
char *__d_path(const struct path *path, const struct path *root, char *buf,
	       int buflen);
char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen);

void dcache_init(void);

static inline unsigned int d_count(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_lockref.count);
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return hlist_unhashed(&dentry->d_hash);
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool d_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline struct inode *d_backing_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_flags) & DCACHE_MOUNTED;
}

bool d_is_dir(const struct dentry *dentry);
bool d_is_symlink(const struct dentry *dentry);
bool d_is_reg(const struct dentry *dentry);

#endif /* _LINUX_DCACHE_H */
