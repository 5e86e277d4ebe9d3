/*
 * Red-black trees (seed 004).
 *
 * The rules, which keep the longest path from the root to a leaf at most
 * twice the shortest:
 *  1. every node is red or black;
 *  2. the root is black;
 *  3. a red node has no red child;
 *  4. every path from a node down to a NULL link meets the same number
 *     of black nodes (its black height).
 *
 * Insertion adds a red leaf, which can only break rule 3 (or 2); removal
 * of a black node with no child leaves one path a black short (rule 4).
 * Each is repaired bottom-up by recolouring, which moves the problem two
 * (insert) or one (erase) levels up, and by at most two (insert) or three
 * (erase) rotations, which end it.
 *
 * To write each case once rather than once per side, the repairs name
 * sides by direction: @dir is the side (RB_LEFT or RB_RIGHT) on which
 * something sits, and !@dir is the other one.
 */

#include <linux/rbtree_augmented.h>
#include <linux/rbtree.h>
#include <linux/compiler.h>

enum {
	RB_LEFT = 0,
	RB_RIGHT = 1,
};

/* The child link of @node on side @dir. */
static __always_inline struct rb_node **rb_link(struct rb_node *node, int dir)
{
	return dir == RB_LEFT ? &node->rb_left : &node->rb_right;
}

static __always_inline void rb_set_black(struct rb_node *node)
{
	node->__rb_parent_color |= RB_BLACK;
}

static __always_inline void rb_set_red(struct rb_node *node)
{
	node->__rb_parent_color &= ~(unsigned long)RB_BLACK;
}

static __always_inline void rb_set_color(struct rb_node *node, int color)
{
	rb_set_parent_color(node, rb_parent(node), color);
}

/* Red, as opposed to black or NULL (NULL links count as black). */
static __always_inline bool rb_red(const struct rb_node *node)
{
	return node && rb_is_red(node);
}

/*
 * Rotate @x down to side @dir: its child y on the other side rises into
 * its place and y's inner subtree B changes parent.  Colours stay with
 * their nodes; the caller repaints.  For @dir == RB_LEFT:
 *
 *	    x                y
 *	   / \              / \
 *	  A   y     ->     x   C
 *	     / \          / \
 *	    B   C        A   B
 *
 * The in-order sequence is unchanged, and so is the set of nodes under
 * the top, which is why augment_rotate(x, y) can hand x's value to y.
 */
static __always_inline void
rb_rotate(struct rb_node *x, int dir, struct rb_root *root,
	  void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *y = *rb_link(x, !dir);
	struct rb_node *b = *rb_link(y, dir);
	struct rb_node *parent = rb_parent(x);

	WRITE_ONCE(*rb_link(x, !dir), b);
	if (b)
		rb_set_parent(b, x);
	WRITE_ONCE(*rb_link(y, dir), x);
	rb_set_parent(y, parent);
	rb_set_parent(x, y);
	__rb_change_child(x, y, parent, root);
	augment_rotate(x, y);
}

/*
 * Repair rule 3 after @node was linked red.  While @node and its parent
 * P are both red (so P is not the root and has a parent G, black):
 *
 *  - uncle U red: paint P and U black and G red.  Black heights are
 *    unchanged; G may now clash with its own parent, so go on from G.
 *
 *  - uncle black, @node on the inner side of P: rotate P outward so
 *    that P becomes @node's outer child, then swap the two names;
 *
 *  - uncle black, @node on the outer side: rotate G toward U and swap
 *    the colours of P and G.  P, now black, heads the subtree; done.
 *
 *	      G(b)               P(b)
 *	     /    \             /    \
 *	   P(r)   U(b)  ->    N(r)   G(r)
 *	   /                            \
 *	 N(r)                           U(b)
 */
static __always_inline void
__rb_insert(struct rb_node *node, struct rb_root *root,
	    void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	for (;;) {
		parent = rb_parent(node);
		if (!parent) {
			rb_set_black(node); /* rule 2 */
			return;
		}
		if (rb_is_black(parent))
			return;

		gparent = rb_parent(parent);
		dir = parent == gparent->rb_right ? RB_RIGHT : RB_LEFT;
		uncle = *rb_link(gparent, !dir);
		if (rb_red(uncle)) {
			rb_set_black(parent);
			rb_set_black(uncle);
			rb_set_red(gparent);
			node = gparent;
			continue;
		}

		if (node == *rb_link(parent, !dir)) {
			rb_rotate(parent, dir, root, augment_rotate);
			swap(node, parent);
		}
		rb_set_black(parent);
		rb_set_red(gparent);
		rb_rotate(gparent, !dir, root, augment_rotate);
		return;
	}
}

/*
 * Repair rule 4 after a removal left the subtree on one side of @parent
 * (headed by @node, black or NULL) one black short.  Its sibling S is
 * then not NULL, since S's side holds at least one more black.
 *
 *  - S red: rotate @parent toward @node and swap the colours of @parent
 *    and S.  Nothing changes for rule 4, but @node now has a black
 *    sibling (S's old inner child); continue with the cases below.
 *
 *  - S black, both of its children black: paint S red, which takes one
 *    black off S's side too.  A red @parent turns black and makes up for
 *    both sides: done.  A black one passes the shortage up: @node
 *    becomes @parent.
 *
 *  - S black, its far child black, its near child N red: rotate S away
 *    from @node so that N becomes the sibling, painting N black and S
 *    red; S is now the red far child of the new sibling.
 *
 *  - S black, its far child F red: rotate @parent toward @node; S takes
 *    @parent's colour, @parent and F turn black.  @node's side gained a
 *    black, S's side kept its count; done.
 *
 *	     P(?)                 S(?)
 *	    /    \               /    \
 *	  n(b)   S(b)    ->    P(b)   F(b)
 *	        /    \        /    \
 *	       N      F(r)  n(b)    N
 */
static __always_inline void ____rb_erase_color(
	struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *node = NULL, *sibling, *near, *far;
	int dir;

	for (;;) {
		/* With @node NULL, its side is the one with the NULL link. */
		dir = node == parent->rb_left ? RB_LEFT : RB_RIGHT;
		sibling = *rb_link(parent, !dir);

		if (rb_is_red(sibling)) {
			rb_set_black(sibling);
			rb_set_red(parent);
			rb_rotate(parent, dir, root, augment_rotate);
			sibling = *rb_link(parent, !dir);
		}

		near = *rb_link(sibling, dir);
		far = *rb_link(sibling, !dir);
		if (!rb_red(near) && !rb_red(far)) {
			rb_set_red(sibling);
			if (rb_is_red(parent)) {
				rb_set_black(parent);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			if (!parent)
				return; /* the whole tree lost a black */
			continue;
		}

		if (!rb_red(far)) {
			rb_set_black(near);
			rb_set_red(sibling);
			rb_rotate(sibling, !dir, root, augment_rotate);
			far = sibling;
			sibling = near;
		}
		rb_set_color(sibling, rb_color(parent));
		rb_set_black(parent);
		rb_set_black(far);
		rb_rotate(parent, dir, root, augment_rotate);
		return;
	}
}

/**
 * __rb_erase_color - rebalance after __rb_erase_augmented()
 * @parent: the node returned by __rb_erase_augmented()
 * @root: the tree
 * @augment_rotate: the tree's rotate hook
 *
 * Out of line so that every augmented tree shares it.
 */
void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      void (*augment_rotate)(struct rb_node *old,
					     struct rb_node *new))
{
	____rb_erase_color(parent, root, augment_rotate);
}

/*
 * Plain trees run the same code with hooks that do nothing; inlining
 * makes them vanish.
 */
static inline void dummy_propagate(struct rb_node *node, struct rb_node *stop)
{
}

static inline void dummy_copy(struct rb_node *old, struct rb_node *new)
{
}

static inline void dummy_rotate(struct rb_node *old, struct rb_node *new)
{
}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

/**
 * rb_insert_color - rebalance @root after rb_link_node() added @node
 * @node: the node just linked
 * @root: the tree
 *
 * Any context; the caller serialises access to the tree.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	__rb_insert(node, root, dummy_rotate);
}

/**
 * rb_erase - remove @node from @root and rebalance
 * @node: a node on @root
 * @root: the tree
 *
 * @node's own fields are left stale; RB_CLEAR_NODE() it if it will be
 * tested with RB_EMPTY_NODE().  Any context; the caller serialises
 * access to the tree.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *rebalance;

	rebalance = __rb_erase_augmented(node, root, &dummy_callbacks);
	if (rebalance)
		____rb_erase_color(rebalance, root, dummy_rotate);
}

/**
 * __rb_insert_augmented - rebalance after an insertion, keeping values
 * @node: the node just linked
 * @root: the tree
 * @augment_rotate: the tree's rotate hook
 *
 * Use through rb_insert_augmented().
 */
void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old,
						  struct rb_node *new))
{
	__rb_insert(node, root, augment_rotate);
}

/* The last node reached by always going to side @dir from @node. */
static struct rb_node *rb_extreme(const struct rb_node *node, int dir)
{
	struct rb_node *n = (struct rb_node *)node;

	while (*rb_link(n, dir))
		n = *rb_link(n, dir);
	return n;
}

/*
 * The neighbour of @node on side @dir in key order: the extreme node on
 * the other side within its @dir subtree if it has one, else the first
 * ancestor reached from its !@dir side.
 */
static struct rb_node *rb_step(const struct rb_node *node, int dir)
{
	struct rb_node *n = (struct rb_node *)node, *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (*rb_link(n, dir))
		return rb_extreme(*rb_link(n, dir), !dir);
	while ((parent = rb_parent(n)) && n == *rb_link(parent, dir))
		n = parent;
	return parent;
}

/**
 * rb_first - the smallest node of @root
 * @root: the tree
 *
 * Returns NULL for an empty tree.  O(log n).
 */
struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? rb_extreme(root->rb_node, RB_LEFT) : NULL;
}

/**
 * rb_last - the largest node of @root
 * @root: the tree
 *
 * Returns NULL for an empty tree.  O(log n).
 */
struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? rb_extreme(root->rb_node, RB_RIGHT) : NULL;
}

/**
 * rb_next - the in-order successor of @node
 * @node: a node on a tree
 *
 * Returns NULL at the end, or for a node marked by RB_CLEAR_NODE().
 * O(log n) worst case, O(1) amortised over a walk.
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	return rb_step(node, RB_RIGHT);
}

/**
 * rb_prev - the in-order predecessor of @node
 * @node: a node on a tree
 *
 * Returns NULL at the start, or for a node marked by RB_CLEAR_NODE().
 */
struct rb_node *rb_prev(const struct rb_node *node)
{
	return rb_step(node, RB_LEFT);
}

/**
 * rb_replace_node - put @new where @victim is, without rebalancing
 * @victim: a node on @root
 * @new: a node not on any tree, whose key sorts exactly where @victim's
 *	does
 * @root: the tree
 *
 * @new takes over @victim's colour, parent and children.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	__rb_change_child(victim, new, parent, root);
}

/* The first node of @node's subtree in post-order: keep going down. */
static struct rb_node *rb_deepest_first(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

/**
 * rb_next_postorder - the node after @node in post-order
 * @node: a node, or NULL
 *
 * Post-order visits both subtrees of a node before the node itself.
 * Returns NULL after the root.  Reads only @node's parent and siblings,
 * so @node may be freed once this returns.
 */
struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	/* Leaving a left subtree: the right one comes before the parent. */
	if (parent && node == parent->rb_left && parent->rb_right)
		return rb_deepest_first(parent->rb_right);
	return parent;
}

/**
 * rb_first_postorder - the first node of @root in post-order
 * @root: the tree
 *
 * Returns NULL for an empty tree.
 */
struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? rb_deepest_first(root->rb_node) : NULL;
}
