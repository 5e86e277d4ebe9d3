#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

/*
 * Augmented red-black trees: each node also caches a value computed from
 * its subtree (the largest end of the intervals below it, say), and the
 * tree keeps it right through insertions, removals and rotations by
 * calling three hooks.
 *
 * propagate(node, stop): recompute node and its ancestors, stopping
 *	before @stop (NULL: go up to the root) or as soon as a node's value
 *	comes out unchanged.
 * copy(old, new): @new takes @old's place in the tree; give it @old's
 *	value (the subtree it heads is about to be the same set of nodes).
 * rotate(old, new): a rotation has just put @new where @old was, with
 *	@old as its child; @new gets @old's former value and @old is
 *	recomputed from its new children.
 *
 * RB_DECLARE_CALLBACKS() and RB_DECLARE_CALLBACKS_MAX() write the three
 * hooks from a "compute one node" function.
 *
 * This header also holds the colour and parent helpers that lib/rbtree.c
 * and the inline removal below share.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old,
						  struct rb_node *new));
void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      void (*augment_rotate)(struct rb_node *old,
					     struct rb_node *new));

/**
 * rb_insert_augmented - rebalance after rb_link_node(), keeping values
 * @node: the node just linked
 * @root: the tree
 * @augment: the tree's hooks
 *
 * The caller must already have updated the values on the path it walked
 * down (each ancestor of @node now also covers @node); rotations are
 * taken care of here.
 */
static inline void
rb_insert_augmented(struct rb_node *node, struct rb_root *root,
		    const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

/**
 * rb_insert_augmented_cached - rb_insert_augmented() for a cached tree
 * @node: the node just linked
 * @root: the tree
 * @newleft: whether @node is the new leftmost node
 * @augment: the tree's hooks
 */
static inline void
rb_insert_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			   bool newleft,
			   const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/*
 * Write the hooks for a tree of RBSTRUCT (e.g. "struct vma") whose
 * rb_node is RBFIELD and whose cached value is RBAUGMENTED.
 * RBCOMPUTE(node, exit) recomputes node->RBAUGMENTED from the node and
 * its children; when @exit is true and the value did not change it must
 * return true (and nothing else), which ends a propagation early.
 * RBSTATIC is "static" or empty; the hooks are in the const
 * struct rb_augment_callbacks named RBNAME.
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, \
			     RBCOMPUTE)                                        \
	static inline void RBNAME##_propagate(struct rb_node *rb,              \
					      struct rb_node *stop)            \
	{                                                                      \
		for (; rb != stop; rb = rb_parent(rb))                         \
			if (RBCOMPUTE(rb_entry(rb, RBSTRUCT, RBFIELD), true))  \
				break;                                         \
	}                                                                      \
	static inline void RBNAME##_copy(struct rb_node *rb_old,               \
					 struct rb_node *rb_new)               \
	{                                                                      \
		rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =             \
			rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;      \
	}                                                                      \
	static void RBNAME##_rotate(struct rb_node *rb_old,                    \
				    struct rb_node *rb_new)                    \
	{                                                                      \
		RBSTRUCT *__old = rb_entry(rb_old, RBSTRUCT, RBFIELD);         \
                                                                               \
		rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =             \
			__old->RBAUGMENTED;                                    \
		RBCOMPUTE(__old, false);                                       \
	}                                                                      \
	RBSTATIC const struct rb_augment_callbacks RBNAME = {                  \
		.propagate = RBNAME##_propagate,                               \
		.copy = RBNAME##_copy,                                         \
		.rotate = RBNAME##_rotate,                                     \
	}

/*
 * The common case: the cached value (of type RBTYPE) is the maximum over
 * the subtree of RBCOMPUTE(node), a per-node scalar.  Defines
 * RBNAME_compute_max() as well as the hooks.
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE,  \
				 RBAUGMENTED, RBCOMPUTE)                       \
	static inline bool RBNAME##_compute_max(RBSTRUCT *node, bool exit)     \
	{                                                                      \
		RBTYPE max = RBCOMPUTE(node);                                  \
		struct rb_node *__kid[2] = { node->RBFIELD.rb_left,            \
					     node->RBFIELD.rb_right };         \
		int __i;                                                       \
                                                                               \
		for (__i = 0; __i < 2; __i++) {                                \
			RBSTRUCT *__c;                                         \
                                                                               \
			if (!__kid[__i])                                       \
				continue;                                      \
			__c = rb_entry(__kid[__i], RBSTRUCT, RBFIELD);         \
			if (__c->RBAUGMENTED > max)                            \
				max = __c->RBAUGMENTED;                        \
		}                                                              \
		if (exit && node->RBAUGMENTED == max)                          \
			return true;                                           \
		node->RBAUGMENTED = max;                                       \
		return false;                                                  \
	}                                                                      \
	RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, \
			     RBNAME##_compute_max)

#define RB_RED 0
#define RB_BLACK 1

#define __rb_parent(pc) ((struct rb_node *)((pc) & ~3UL))
#define __rb_color(pc) ((pc)&1)
#define __rb_is_black(pc) __rb_color(pc)
#define __rb_is_red(pc) (!__rb_color(pc))
#define rb_color(rb) __rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb) __rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb) __rb_is_black((rb)->__rb_parent_color)

/* Point @rb at a new parent, keeping its colour. */
static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

static inline void rb_set_parent_color(struct rb_node *rb, struct rb_node *p,
				       int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

/* Make whatever pointed at @old (its parent's link, or the root) see @new. */
static inline void __rb_change_child(struct rb_node *old, struct rb_node *new,
				     struct rb_node *parent,
				     struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 * Unlink @node, keeping the shape a binary search tree and the cached
 * values right, and return the node below which one black is now
 * missing (to hand to __rb_erase_color()), or NULL if the colours are
 * still balanced.
 *
 * With at most one child, @node is replaced by that child.  By the
 * red-black rules a lone child is a red leaf under a black node; painted
 * with @node's colour it makes up for @node.  A childless black @node
 * leaves its parent one black short on that side.
 *
 * With two children, @node's successor S (the leftmost node of its right
 * subtree, which has no left child) takes @node's place and colour, and
 * the hole moves to where S was.  S's right child C, if any, is a red
 * leaf and is painted black; otherwise a black S leaves S's old parent P
 * one black short.
 *
 *	     N                 S
 *	    / \               / \
 *	   L   R             L   R
 *	      / \     ->        / \
 *	     P   .             P   .
 *	    / \               / \
 *	   S   .             C   .
 *	    \
 *	     C
 *
 * (When S is R itself, S keeps C as its right child and is itself "P".)
 */
static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *left = node->rb_left, *right = node->rb_right;
	struct rb_node *succ, *hole_parent, *child;
	unsigned long pc = node->__rb_parent_color;
	bool succ_black;

	if (!left || !right) {
		child = left ? left : right;
		__rb_change_child(node, child, __rb_parent(pc), root);
		if (child)
			child->__rb_parent_color = pc;
		augment->propagate(__rb_parent(pc), NULL);
		if (child || __rb_is_red(pc))
			return NULL;
		return __rb_parent(pc);
	}

	succ = right;
	if (!succ->rb_left) {
		hole_parent = succ;
		child = succ->rb_right;
		augment->copy(node, succ);
	} else {
		do {
			hole_parent = succ;
			succ = succ->rb_left;
		} while (succ->rb_left);
		child = succ->rb_right;
		WRITE_ONCE(hole_parent->rb_left, child);
		WRITE_ONCE(succ->rb_right, right);
		rb_set_parent(right, succ);
		augment->copy(node, succ);
		/* P's subtree lost S; S, in N's place, is fixed below. */
		augment->propagate(hole_parent, succ);
	}

	WRITE_ONCE(succ->rb_left, left);
	rb_set_parent(left, succ);
	succ_black = rb_is_black(succ);
	succ->__rb_parent_color = pc;
	__rb_change_child(node, succ, __rb_parent(pc), root);

	if (child)
		rb_set_parent_color(child, hole_parent, RB_BLACK);
	/* S holds N's old value, which still counts N: recompute from S. */
	augment->propagate(succ, NULL);
	if (child || !succ_black)
		return NULL;
	return hole_parent;
}

/**
 * rb_erase_augmented - remove @node, keeping the cached values right
 * @node: the node to remove
 * @root: its tree
 * @augment: the tree's hooks
 */
static __always_inline void
rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		   const struct rb_augment_callbacks *augment)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, augment);

	if (rebalance)
		__rb_erase_color(rebalance, root, augment->rotate);
}

/**
 * rb_erase_augmented_cached - rb_erase_augmented() for a cached tree
 * @node: the node to remove
 * @root: its tree
 * @augment: the tree's hooks
 */
static __always_inline void
rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			  const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

#endif /* _LINUX_RBTREE_AUGMENTED_H */
