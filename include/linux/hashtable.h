#ifndef _LINUX_HASHTABLE_H
#define _LINUX_HASHTABLE_H

/*
 * Fixed-size hash tables: an array of 2^bits hlist buckets, indexed by
 * hash_min() of the key.  The table is the array itself, so HASH_SIZE()
 * and HASH_BITS() work only where its declaration is in scope.
 *
 *	DEFINE_HASHTABLE(pid_table, 6);
 *	hash_add(pid_table, &task->pid_node, task->pid);
 *	hash_for_each_possible(pid_table, task, pid_node, nr)
 *		if (task->pid == nr)
 *			return task;
 */

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/hash.h>
#include <linux/log2.h>

#define DEFINE_HASHTABLE(name, bits)                                         \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] = \
							HLIST_HEAD_INIT }

#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))

/* 32-bit keys take the cheaper 32-bit hash; wider ones the long one. */
#define hash_min(val, bits) \
	(sizeof(val) <= 4 ? hash_32(val, bits) : hash_long(val, bits))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}

/* Empty every bucket of the table @hashtable. */
#define hash_init(hashtable) __hash_init(hashtable, HASH_SIZE(hashtable))

/* Add @node to the bucket of @key. */
#define hash_add(hashtable, node, key) \
	hlist_add_head(node, &(hashtable)[hash_min(key, HASH_BITS(hashtable))])

/**
 * hash_hashed - whether @node is in some hash table
 * @node: the node
 */
static inline bool hash_hashed(struct hlist_node *node)
{
	return !hlist_unhashed(node);
}

static inline bool __hash_empty(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}

/* Whether no bucket of @hashtable holds a node. */
#define hash_empty(hashtable) __hash_empty(hashtable, HASH_SIZE(hashtable))

/**
 * hash_del - remove @node from its table; hash_hashed() is false after
 * @node: the node
 */
static inline void hash_del(struct hlist_node *node)
{
	hlist_del_init(node);
}

/*
 * Visit every entry: @bkt is an int bucket cursor, @obj the entry cursor,
 * @member the hlist_node inside it.
 */
#define hash_for_each(name, bkt, obj, member)                   \
	for ((bkt) = 0, (obj) = NULL;                           \
	     (obj) == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry(obj, &(name)[bkt], member)

/* As hash_for_each(), tolerating removal of @obj; @tmp is an hlist_node *. */
#define hash_for_each_safe(name, bkt, tmp, obj, member)         \
	for ((bkt) = 0, (obj) = NULL;                           \
	     (obj) == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry_safe(obj, tmp, &(name)[bkt], member)

/* Visit the entries in @key's bucket: those that may have that key. */
#define hash_for_each_possible(name, obj, member, key)                     \
	hlist_for_each_entry(obj, &(name)[hash_min(key, HASH_BITS(name))], \
			     member)

#define hash_for_each_possible_safe(name, obj, tmp, member, key) \
	hlist_for_each_entry_safe(                               \
		obj, tmp, &(name)[hash_min(key, HASH_BITS(name))], member)

#endif /* _LINUX_HASHTABLE_H */
