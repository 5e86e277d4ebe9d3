#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

/*
 * Red-black trees (seed 004, lib/rbtree.c).
 *
 * The tree is intrusive and knows nothing of keys: the user embeds a
 * struct rb_node in each object, walks down from the root comparing keys
 * to find the empty link where a new node belongs, attaches it there
 * with rb_link_node() and lets rb_insert_color() restore the balance:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * A node's parent pointer and its colour share one word: nodes are at
 * least 4-byte aligned, so bit 0 is free to hold the colour.  The height
 * stays below 2 log2(n + 1), so lookups, insertions and removals are
 * O(log n).  Nothing here locks.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

struct rb_node {
	unsigned long __rb_parent_color; /* parent | colour (bit 0) */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

/*
 * A root that also remembers its leftmost (smallest) node, so that
 * rb_first_cached() is O(1); used where the minimum is wanted often, as
 * by a scheduler's run queue.
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT ((struct rb_root){ NULL })
#define RB_ROOT_CACHED ((struct rb_root_cached){ { NULL }, NULL })

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* rb_entry() that maps NULL to NULL. */
#define rb_entry_safe(ptr, type, member)                              \
	({                                                            \
		__typeof__(ptr) __rbe_ptr = (ptr);                    \
		__rbe_ptr ? rb_entry(__rbe_ptr, type, member) : NULL; \
	})

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)

/*
 * A node on no tree points to itself as parent: RB_CLEAR_NODE() marks it
 * so, RB_EMPTY_NODE() tests it.
 */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

/**
 * rb_link_node - attach @node as a red leaf at @rb_link
 * @node: the new node
 * @parent: the node that owns @rb_link, or NULL at the root
 * @rb_link: the empty child pointer found by the search
 *
 * The tree may now violate the red-black rules; follow with
 * rb_insert_color() (or an augmented/cached variant).
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

/*
 * Post-order walk (children before their parent) that tolerates freeing
 * @pos: the tree is not rebalanced, so this is the way to tear a whole
 * tree down without rb_erase() on each node.
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)          \
	for ((pos) = rb_entry_safe(rb_first_postorder(root),               \
				   __typeof__(*(pos)), field);             \
	     (pos) && ({                                                   \
		     (n) = rb_entry_safe(rb_next_postorder(&(pos)->field), \
					 __typeof__(*(pos)), field);       \
		     1;                                                    \
	     });                                                           \
	     (pos) = (n))

/* The smallest node of a cached tree, or NULL if it is empty. */
#define rb_first_cached(root) ((root)->rb_leftmost)

/**
 * rb_insert_color_cached - rb_insert_color() for a cached tree
 * @node: the node just linked with rb_link_node()
 * @root: the tree
 * @leftmost: whether the search for @node only ever went left
 */
static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/**
 * rb_erase_cached - rb_erase() for a cached tree
 * @node: the node to remove
 * @root: the tree
 *
 * Returns the new leftmost node if @node was the leftmost one, else NULL.
 */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
	return leftmost;
}

/**
 * rb_replace_node_cached - rb_replace_node() for a cached tree
 * @victim: the node to take out
 * @new: the node to put in its place, with the same key
 * @root: the tree
 */
static inline void rb_replace_node_cached(struct rb_node *victim,
					  struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

/*
 * Helpers that do the key search for the caller, given an ordering
 * callback.  Equal keys go to the right, so they come out of an in-order
 * walk in insertion order.
 */

/**
 * rb_add - insert @node into @tree, ordered by @less
 * @node: the node to insert
 * @tree: the tree
 * @less: whether its first node sorts before its second
 */
static __always_inline void rb_add(struct rb_node *node, struct rb_root *tree,
				   bool (*less)(struct rb_node *,
						const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left :
					    &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/**
 * rb_add_cached - insert @node into the cached @tree, ordered by @less
 * @node: the node to insert
 * @tree: the tree
 * @less: whether its first node sorts before its second
 *
 * Returns @node if it became the leftmost node, else NULL.
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

/**
 * rb_find_add - insert @node unless a node with an equal key exists
 * @node: the node to insert
 * @tree: the tree
 * @cmp: three-way comparison of two nodes
 *
 * Returns the existing node (and leaves @node out), or NULL once @node is
 * inserted.
 */
static __always_inline struct rb_node *
rb_find_add(struct rb_node *node, struct rb_root *tree,
	    int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;
	int c;

	while (*link) {
		parent = *link;
		c = cmp(node, parent);
		if (c < 0)
			link = &parent->rb_left;
		else if (c > 0)
			link = &parent->rb_right;
		else
			return parent;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
	return NULL;
}

/**
 * rb_find - the node of @tree whose key equals @key
 * @key: the key, passed through to @cmp
 * @tree: the tree
 * @cmp: three-way comparison of @key with a node
 *
 * Returns any matching node, or NULL.
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;
	int c;

	while (node) {
		c = cmp(key, node);
		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

/**
 * rb_find_first - the leftmost node of @tree whose key equals @key
 * @key: the key, passed through to @cmp
 * @tree: the tree
 * @cmp: three-way comparison of @key with a node
 *
 * Returns the first match in order, or NULL.
 */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node, *match = NULL;
	int c;

	while (node) {
		c = cmp(key, node);
		if (c <= 0) {
			if (!c)
				match = node;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

/**
 * rb_next_match - the in-order successor of @node if its key equals @key
 * @key: the key, passed through to @cmp
 * @node: a node
 * @cmp: three-way comparison of @key with a node
 */
static __always_inline struct rb_node *
rb_next_match(const void *key, struct rb_node *node,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	node = rb_next(node);
	if (node && cmp(key, node))
		node = NULL;
	return node;
}

/* Visit every node whose key equals @key, in order. */
#define rb_for_each(node, key, tree, cmp)                          \
	for ((node) = rb_find_first((key), (tree), (cmp)); (node); \
	     (node) = rb_next_match((key), (node), (cmp)))

#endif /* _LINUX_RBTREE_H */
