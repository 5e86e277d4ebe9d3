/*
 * Host tests for lib/rbtree.c and <linux/rbtree_augmented.h>.
 *
 * host-test-sources: lib/rbtree.c
 *
 * check_tree() verifies every red-black rule and every link after each
 * change: root black and parentless, no red node with a red child, equal
 * black height on all paths, children pointing back at their parent, keys
 * in order, and (for augmented trees) every cached value recomputed from
 * scratch.  Most cases then drive the tree with thousands of random
 * insertions and removals.
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/poison.h>

#include "hosttest.h"

#define NR_NODES 2048

struct tnode {
	int key;
	u32 val; /* per-node value for the augmented trees */
	u32 max; /* largest val in the subtree */
	u32 size; /* nodes in the subtree */
	bool on_tree;
	struct rb_node rb;
};

static struct tnode nodes[NR_NODES];

static u64 rng_state;

static void rng_seed(u64 seed)
{
	rng_state = seed | 1;
}

static u32 rng(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (u32)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static void init_nodes(void)
{
	int i;

	memset(nodes, 0, sizeof(nodes));
	for (i = 0; i < NR_NODES; i++) {
		nodes[i].key = i;
		nodes[i].val = i;
		RB_CLEAR_NODE(&nodes[i].rb);
	}
}

static struct tnode *tn(const struct rb_node *rb)
{
	return rb_entry(rb, struct tnode, rb);
}

/* Plain insertion; equal keys go right. */
static void insert(struct tnode *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (n->key < tn(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_color(&n->rb, root);
	n->on_tree = true;
}

static void erase(struct tnode *n, struct rb_root *root)
{
	rb_erase(&n->rb, root);
	n->on_tree = false;
}

static bool rb_is_red_child(const struct rb_node *rb)
{
	return rb && rb_is_red(rb);
}

/* What check_tree() found; first failure only. */
static const char *tree_error;

enum aug_kind {
	AUG_NONE,
	AUG_MAX,
	AUG_SIZE,
};

/*
 * Check the subtree under @rb, whose parent should be @parent; count its
 * nodes into *@count and return its black height (-1 on failure).
 */
static int check_subtree(const struct rb_node *rb, const struct rb_node *parent,
			 int *count, enum aug_kind aug)
{
	int lh, rh;
	u32 max, size;

	if (!rb)
		return 1;
	if (rb_parent(rb) != parent) {
		tree_error = "parent pointer";
		return -1;
	}
	if (rb->__rb_parent_color & 2) {
		tree_error = "stray bit in parent/colour word";
		return -1;
	}
	if (rb_is_red(rb) &&
	    (rb_is_red_child(rb->rb_left) || rb_is_red_child(rb->rb_right))) {
		tree_error = "red node with red child";
		return -1;
	}
	if (rb->rb_left && tn(rb->rb_left)->key > tn(rb)->key) {
		tree_error = "left child key too large";
		return -1;
	}
	if (rb->rb_right && tn(rb->rb_right)->key < tn(rb)->key) {
		tree_error = "right child key too small";
		return -1;
	}
	lh = check_subtree(rb->rb_left, rb, count, aug);
	rh = check_subtree(rb->rb_right, rb, count, aug);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		tree_error = "black heights differ";
		return -1;
	}
	(*count)++;

	max = tn(rb)->val;
	size = 1;
	if (rb->rb_left) {
		max = max > tn(rb->rb_left)->max ? max : tn(rb->rb_left)->max;
		size += tn(rb->rb_left)->size;
	}
	if (rb->rb_right) {
		max = max > tn(rb->rb_right)->max ? max : tn(rb->rb_right)->max;
		size += tn(rb->rb_right)->size;
	}
	if (aug == AUG_MAX && tn(rb)->max != max) {
		tree_error = "augmented max stale";
		return -1;
	}
	if (aug == AUG_SIZE && tn(rb)->size != size) {
		tree_error = "augmented size stale";
		return -1;
	}
	return lh + rb_is_black(rb);
}

/*
 * Full check of @root holding @expect nodes; also walks it with
 * rb_first()/rb_next() and rb_last()/rb_prev() to check the order.
 */
static bool check_tree_aug(const struct rb_root *root, int expect,
			   enum aug_kind aug)
{
	const struct rb_node *rb, *prev = NULL;
	int count = 0, walked = 0;

	tree_error = NULL;
	if (root->rb_node && !rb_is_black(root->rb_node)) {
		tree_error = "red root";
		return false;
	}
	if (check_subtree(root->rb_node, NULL, &count, aug) < 0)
		return false;
	if (count != expect) {
		tree_error = "wrong node count";
		return false;
	}
	for (rb = rb_first(root); rb; prev = rb, rb = rb_next(rb)) {
		if (prev && tn(prev)->key > tn(rb)->key) {
			tree_error = "in-order walk not sorted";
			return false;
		}
		walked++;
	}
	if (walked != expect || prev != rb_last(root)) {
		tree_error = "forward walk length or end";
		return false;
	}
	for (rb = rb_last(root); rb; rb = rb_prev(rb))
		walked--;
	if (walked) {
		tree_error = "backward walk length";
		return false;
	}
	return true;
}

static bool check_tree(const struct rb_root *root, int expect)
{
	return check_tree_aug(root, expect, AUG_NONE);
}

#define EXPECT_TREE(root, n)                                           \
	do {                                                           \
		bool _ok = check_tree(root, n);                        \
		if (!_ok)                                              \
			printf("    # tree broken: %s\n", tree_error); \
		HT_ASSERT(_ok);                                        \
	} while (0)

static int tree_height(const struct rb_node *rb)
{
	int l, r;

	if (!rb)
		return 0;
	l = tree_height(rb->rb_left);
	r = tree_height(rb->rb_right);
	return 1 + (l > r ? l : r);
}

static int log2_floor(unsigned int n)
{
	int k = -1;

	while (n) {
		n >>= 1;
		k++;
	}
	return k;
}

HOST_TEST(rbtree_empty_tree)
{
	struct rb_root root = RB_ROOT;
	struct rb_root_cached croot = RB_ROOT_CACHED;

	init_nodes();
	HT_EXPECT(RB_EMPTY_ROOT(&root));
	HT_EXPECT(rb_first(&root) == NULL);
	HT_EXPECT(rb_last(&root) == NULL);
	HT_EXPECT(rb_first_postorder(&root) == NULL);
	HT_EXPECT(rb_first_cached(&croot) == NULL);
	HT_EXPECT(RB_EMPTY_NODE(&nodes[0].rb));
	HT_EXPECT(check_tree(&root, 0));
}

HOST_TEST(rbtree_single_node_is_black_root)
{
	struct rb_root root = RB_ROOT;

	init_nodes();
	insert(&nodes[5], &root);
	HT_EXPECT(root.rb_node == &nodes[5].rb);
	HT_EXPECT(rb_is_black(&nodes[5].rb));
	HT_EXPECT(rb_parent(&nodes[5].rb) == NULL);
	HT_EXPECT(!RB_EMPTY_NODE(&nodes[5].rb));
	HT_EXPECT(rb_first(&root) == &nodes[5].rb);
	HT_EXPECT(rb_next(&nodes[5].rb) == NULL);
	HT_EXPECT(rb_prev(&nodes[5].rb) == NULL);
	erase(&nodes[5], &root);
	HT_EXPECT(RB_EMPTY_ROOT(&root));
}

HOST_TEST(rbtree_ascending_inserts_stay_balanced)
{
	struct rb_root root = RB_ROOT;
	int i;

	init_nodes();
	for (i = 0; i < NR_NODES; i++) {
		insert(&nodes[i], &root);
		if (i < 64 || i % 97 == 0)
			EXPECT_TREE(&root, i + 1);
	}
	EXPECT_TREE(&root, NR_NODES);
	HT_EXPECT(tree_height(root.rb_node) <= 2 * (log2_floor(NR_NODES) + 1));
}

HOST_TEST(rbtree_descending_inserts_stay_balanced)
{
	struct rb_root root = RB_ROOT;
	int i;

	init_nodes();
	for (i = NR_NODES - 1; i >= 0; i--) {
		insert(&nodes[i], &root);
		if (i % 61 == 0)
			EXPECT_TREE(&root, NR_NODES - i);
	}
	EXPECT_TREE(&root, NR_NODES);
	HT_EXPECT(tree_height(root.rb_node) <= 2 * (log2_floor(NR_NODES) + 1));
	HT_EXPECT(rb_first(&root) == &nodes[0].rb);
	HT_EXPECT(rb_last(&root) == &nodes[NR_NODES - 1].rb);
}

HOST_TEST(rbtree_random_insert_erase_keeps_invariants)
{
	struct rb_root root = RB_ROOT;
	int op, i, count = 0;

	init_nodes();
	rng_seed(0x5eed);
	/* 20000 random toggles over 512 nodes; random keys with repeats. */
	for (i = 0; i < 512; i++)
		nodes[i].key = rng() % 300;
	for (op = 0; op < 20000; op++) {
		struct tnode *n = &nodes[rng() % 512];

		if (n->on_tree) {
			erase(n, &root);
			count--;
		} else {
			insert(n, &root);
			count++;
		}
		if (op < 2000 || op % 50 == 0)
			EXPECT_TREE(&root, count);
	}
	EXPECT_TREE(&root, count);
}

HOST_TEST(rbtree_erase_in_random_order_empties_tree)
{
	struct rb_root root = RB_ROOT;
	int order[NR_NODES];
	int i, j, t;

	init_nodes();
	rng_seed(42);
	for (i = 0; i < NR_NODES; i++) {
		order[i] = i;
		insert(&nodes[i], &root);
	}
	for (i = NR_NODES - 1; i > 0; i--) {
		j = rng() % (i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < NR_NODES; i++) {
		erase(&nodes[order[i]], &root);
		if (i % 37 == 0 || NR_NODES - i < 64)
			EXPECT_TREE(&root, NR_NODES - i - 1);
	}
	HT_EXPECT(RB_EMPTY_ROOT(&root));
}

/* Next permutation of a[0..n) in lexicographic order; false after last. */
static bool next_perm(int *a, int n)
{
	int i = n - 2, j, t;

	while (i >= 0 && a[i] >= a[i + 1])
		i--;
	if (i < 0)
		return false;
	for (j = n - 1; a[j] <= a[i]; j--)
		;
	t = a[i];
	a[i] = a[j];
	a[j] = t;
	for (i++, j = n - 1; i < j; i++, j--) {
		t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
	return true;
}

HOST_TEST(rbtree_every_small_tree_erases_cleanly)
{
	int perm[7], n, i, k, trees = 0;

	/*
	 * Every insertion order of up to 7 keys, then the removal of each
	 * key from the tree so built: covers every erase case on every
	 * side, including at the root.
	 */
	for (n = 1; n <= 7; n++) {
		for (i = 0; i < n; i++)
			perm[i] = i;
		do {
			for (k = 0; k < n; k++) {
				struct rb_root root = RB_ROOT;

				init_nodes();
				for (i = 0; i < n; i++)
					insert(&nodes[perm[i]], &root);
				erase(&nodes[k], &root);
				EXPECT_TREE(&root, n - 1);
				trees++;
			}
		} while (next_perm(perm, n));
	}
	HT_EXPECT_EQ(trees, 1 + 4 + 18 + 96 + 600 + 4320 + 35280);
}

HOST_TEST(rbtree_next_prev_walk_in_order)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *rb;
	int i, expect;

	init_nodes();
	rng_seed(7);
	/* Keys 0..999, inserted in a scrambled order. */
	for (i = 0; i < 1000; i++)
		insert(&nodes[(i * 379) % 1000], &root);
	expect = 0;
	for (rb = rb_first(&root); rb; rb = rb_next(rb))
		HT_EXPECT_EQ(tn(rb)->key, expect++);
	HT_EXPECT_EQ(expect, 1000);
	for (rb = rb_last(&root); rb; rb = rb_prev(rb))
		HT_EXPECT_EQ(tn(rb)->key, --expect);
	HT_EXPECT_EQ(expect, 0);
}

HOST_TEST(rbtree_cleared_node_has_no_neighbours)
{
	struct rb_root root = RB_ROOT;

	init_nodes();
	insert(&nodes[1], &root);
	insert(&nodes[2], &root);
	insert(&nodes[3], &root);
	erase(&nodes[2], &root);
	RB_CLEAR_NODE(&nodes[2].rb);
	HT_EXPECT(RB_EMPTY_NODE(&nodes[2].rb));
	HT_EXPECT(rb_next(&nodes[2].rb) == NULL);
	HT_EXPECT(rb_prev(&nodes[2].rb) == NULL);
	HT_EXPECT(rb_next(&nodes[1].rb) == &nodes[3].rb);
}

HOST_TEST(rbtree_replace_node_keeps_shape)
{
	struct rb_root root = RB_ROOT;
	struct tnode spare;
	unsigned long pc;
	struct rb_node *left, *right;
	int i;

	init_nodes();
	for (i = 0; i < 15; i++)
		insert(&nodes[i], &root);
	/* Replace an inner node and the root by equal-keyed strangers. */
	memset(&spare, 0, sizeof(spare));
	spare.key = 5;
	pc = nodes[5].rb.__rb_parent_color;
	left = nodes[5].rb.rb_left;
	right = nodes[5].rb.rb_right;
	rb_replace_node(&nodes[5].rb, &spare.rb, &root);
	HT_EXPECT(spare.rb.__rb_parent_color == pc);
	HT_EXPECT(spare.rb.rb_left == left && spare.rb.rb_right == right);
	EXPECT_TREE(&root, 15);
	HT_EXPECT(rb_next(&nodes[4].rb) == &spare.rb);

	nodes[100].key = tn(root.rb_node)->key;
	rb_replace_node(root.rb_node, &nodes[100].rb, &root);
	HT_EXPECT(root.rb_node == &nodes[100].rb);
	EXPECT_TREE(&root, 15);
}

HOST_TEST(rbtree_postorder_visits_children_first)
{
	struct rb_root root = RB_ROOT;
	struct tnode *pos, *n;
	int i, visited = 0;
	bool ok = true;

	init_nodes();
	for (i = 0; i < 300; i++)
		insert(&nodes[(i * 7) % 300], &root);
	rbtree_postorder_for_each_entry_safe(pos, n, &root, rb) {
		/* Both children must have been visited (and "freed") already. */
		if (pos->rb.rb_left && tn(pos->rb.rb_left)->on_tree)
			ok = false;
		if (pos->rb.rb_right && tn(pos->rb.rb_right)->on_tree)
			ok = false;
		pos->on_tree = false;
		visited++;
		/* Scribble on the node as a free would; the walk must cope. */
		pos->rb.rb_left = pos->rb.rb_right = LIST_POISON1;
	}
	HT_EXPECT(ok);
	HT_EXPECT_EQ(visited, 300);
}

static bool node_less(struct rb_node *a, const struct rb_node *b)
{
	return tn(a)->key < tn(b)->key;
}

static int node_cmp(struct rb_node *a, const struct rb_node *b)
{
	return tn(a)->key - tn(b)->key;
}

static int key_cmp(const void *key, const struct rb_node *b)
{
	return *(const int *)key - tn(b)->key;
}

HOST_TEST(rbtree_add_find_helpers)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *rb;
	int i, key, count;

	init_nodes();
	/* Keys 0..99, each three times: nodes i, i+100, i+200 share key i. */
	for (i = 0; i < 300; i++) {
		nodes[i].key = i % 100;
		rb_add(&nodes[i].rb, &root, node_less);
	}
	EXPECT_TREE(&root, 300);
	key = 42;
	rb = rb_find(&key, &root, key_cmp);
	HT_ASSERT(rb != NULL);
	HT_EXPECT_EQ(tn(rb)->key, 42);
	/* Equal keys keep insertion order: the first match is node 42. */
	HT_EXPECT(rb_find_first(&key, &root, key_cmp) == &nodes[42].rb);
	count = 0;
	/* rb_for_each is not (yet) in the ForEachMacros list. */
	/* clang-format off */
	rb_for_each(rb, &key, &root, key_cmp)
		count++;
	/* clang-format on */
	HT_EXPECT_EQ(count, 3);
	key = 100;
	HT_EXPECT(rb_find(&key, &root, key_cmp) == NULL);
	HT_EXPECT(rb_find_first(&key, &root, key_cmp) == NULL);

	nodes[400].key = 7;
	HT_EXPECT(rb_find_add(&nodes[400].rb, &root, node_cmp) != NULL);
	nodes[401].key = 1000;
	HT_EXPECT(rb_find_add(&nodes[401].rb, &root, node_cmp) == NULL);
	EXPECT_TREE(&root, 301);
}

HOST_TEST(rbtree_cached_tracks_leftmost)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_node *left;
	int op, count = 0;

	init_nodes();
	rng_seed(99);
	for (op = 0; op < 6000; op++) {
		struct tnode *n = &nodes[rng() % 400];

		if (n->on_tree) {
			bool was_first = rb_first_cached(&root) == &n->rb;

			left = rb_erase_cached(&n->rb, &root);
			n->on_tree = false;
			count--;
			/* Returns the new leftmost only when it changed. */
			HT_EXPECT(left ==
				  (was_first ? rb_first(&root.rb_root) : NULL));
		} else {
			n->key = rng() % 1000;
			rb_add_cached(&n->rb, &root, node_less);
			n->on_tree = true;
			count++;
		}
		HT_ASSERT(rb_first_cached(&root) == rb_first(&root.rb_root));
	}
	EXPECT_TREE(&root.rb_root, count);
}

HOST_TEST(rbtree_insert_color_cached_sets_leftmost)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_node **link, *parent;
	bool leftmost;
	int i;

	init_nodes();
	for (i = 10; i >= 0; i -= 2) {
		link = &root.rb_root.rb_node;
		parent = NULL;
		leftmost = true;
		while (*link) {
			parent = *link;
			if (nodes[i].key < tn(parent)->key) {
				link = &parent->rb_left;
			} else {
				link = &parent->rb_right;
				leftmost = false;
			}
		}
		rb_link_node(&nodes[i].rb, parent, link);
		rb_insert_color_cached(&nodes[i].rb, &root, leftmost);
		HT_EXPECT(rb_first_cached(&root) == &nodes[i].rb);
	}
	rb_replace_node_cached(&nodes[0].rb, &nodes[1].rb, &root);
	HT_EXPECT(rb_first_cached(&root) == &nodes[1].rb);
}

/*
 * Augmented tree 1: each node caches the largest val in its subtree (as
 * an interval tree caches the largest end).
 */
static u32 tnode_val(struct tnode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, max_callbacks, struct tnode, rb, u32, max,
			 tnode_val);

static void max_insert(struct tnode *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	/* Every node passed on the way down gains @n in its subtree. */
	n->max = n->val;
	while (*link) {
		parent = *link;
		if (tn(parent)->max < n->val)
			tn(parent)->max = n->val;
		if (n->key < tn(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &max_callbacks);
	n->on_tree = true;
}

HOST_TEST(rbtree_augmented_max_stays_correct)
{
	struct rb_root root = RB_ROOT;
	int op, i, count = 0;
	bool ok;

	init_nodes();
	rng_seed(1234);
	for (i = 0; i < 600; i++) {
		nodes[i].key = rng() % 1000;
		nodes[i].val = rng() % 100000;
	}
	for (op = 0; op < 12000; op++) {
		struct tnode *n = &nodes[rng() % 600];

		if (n->on_tree) {
			rb_erase_augmented(&n->rb, &root, &max_callbacks);
			n->on_tree = false;
			count--;
		} else {
			max_insert(n, &root);
			count++;
		}
		if (op < 3000 || op % 20 == 0) {
			ok = check_tree_aug(&root, count, AUG_MAX);
			if (!ok)
				printf("    # op %d: %s\n", op, tree_error);
			HT_ASSERT(ok);
		}
	}
	/* The root's value is the maximum over everything on the tree. */
	if (root.rb_node) {
		u32 max = 0;

		for (i = 0; i < 600; i++)
			if (nodes[i].on_tree && nodes[i].val > max)
				max = nodes[i].val;
		HT_EXPECT_EQ(tn(root.rb_node)->max, max);
	}
}

/*
 * Augmented tree 2: each node caches the size of its subtree (an
 * order-statistic tree).  Unlike a maximum, a size changes on every
 * insertion and removal along the whole path, so a hook that is skipped
 * anywhere shows up.
 */
static bool size_compute(struct tnode *n, bool exit)
{
	u32 size = 1;

	if (n->rb.rb_left)
		size += tn(n->rb.rb_left)->size;
	if (n->rb.rb_right)
		size += tn(n->rb.rb_right)->size;
	if (exit && n->size == size)
		return true;
	n->size = size;
	return false;
}

RB_DECLARE_CALLBACKS(static, size_callbacks, struct tnode, rb, size,
		     size_compute);

static void size_insert(struct tnode *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	n->size = 1;
	while (*link) {
		parent = *link;
		tn(parent)->size++;
		if (n->key < tn(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &size_callbacks);
	n->on_tree = true;
}

/* The node of rank @k (0-based) in key order, found through the sizes. */
static struct tnode *select_rank(struct rb_root *root, u32 k)
{
	struct rb_node *rb = root->rb_node;
	u32 left;

	while (rb) {
		left = rb->rb_left ? tn(rb->rb_left)->size : 0;
		if (k < left) {
			rb = rb->rb_left;
		} else if (k == left) {
			return tn(rb);
		} else {
			k -= left + 1;
			rb = rb->rb_right;
		}
	}
	return NULL;
}

HOST_TEST(rbtree_augmented_subtree_size)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *rb;
	int op, count = 0;
	u32 rank;
	bool ok;

	init_nodes();
	rng_seed(777);
	for (op = 0; op < 12000; op++) {
		struct tnode *n = &nodes[rng() % 700];

		if (n->on_tree) {
			rb_erase_augmented(&n->rb, &root, &size_callbacks);
			n->on_tree = false;
			count--;
		} else {
			size_insert(n, &root);
			count++;
		}
		if (op < 3000 || op % 20 == 0) {
			ok = check_tree_aug(&root, count, AUG_SIZE);
			if (!ok)
				printf("    # op %d: %s\n", op, tree_error);
			HT_ASSERT(ok);
		}
	}
	/* Selecting by rank agrees with walking in order. */
	rank = 0;
	for (rb = rb_first(&root); rb; rb = rb_next(rb))
		HT_EXPECT(select_rank(&root, rank++) == tn(rb));
	HT_EXPECT_EQ(rank, count);
}

HOST_TEST(rbtree_augmented_cached_erase_moves_leftmost)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	int i;

	init_nodes();
	for (i = 0; i < 50; i++) {
		size_insert(&nodes[i], &root.rb_root);
		if (i == 0)
			root.rb_leftmost = &nodes[0].rb;
	}
	rb_erase_augmented_cached(&nodes[0].rb, &root, &size_callbacks);
	HT_EXPECT(rb_first_cached(&root) == &nodes[1].rb);
	HT_EXPECT(check_tree_aug(&root.rb_root, 49, AUG_SIZE));
}

static const struct host_test host_tests[] = {
	HOST_CASE(rbtree_empty_tree),
	HOST_CASE(rbtree_single_node_is_black_root),
	HOST_CASE(rbtree_ascending_inserts_stay_balanced),
	HOST_CASE(rbtree_descending_inserts_stay_balanced),
	HOST_CASE(rbtree_random_insert_erase_keeps_invariants),
	HOST_CASE(rbtree_erase_in_random_order_empties_tree),
	HOST_CASE(rbtree_every_small_tree_erases_cleanly),
	HOST_CASE(rbtree_next_prev_walk_in_order),
	HOST_CASE(rbtree_cleared_node_has_no_neighbours),
	HOST_CASE(rbtree_replace_node_keeps_shape),
	HOST_CASE(rbtree_postorder_visits_children_first),
	HOST_CASE(rbtree_add_find_helpers),
	HOST_CASE(rbtree_cached_tracks_leftmost),
	HOST_CASE(rbtree_insert_color_cached_sets_leftmost),
	HOST_CASE(rbtree_augmented_max_stays_correct),
	HOST_CASE(rbtree_augmented_subtree_size),
	HOST_CASE(rbtree_augmented_cached_erase_moves_leftmost),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
