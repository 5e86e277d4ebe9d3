/*
 * In-kernel tests for lib/rbtree.c: random insertions and removals, with
 * every red-black rule checked along the way.  tests/host/rbtree_test.c
 * does the same at much greater length under ASan; this runs the code as
 * the kernel compiled it.
 */

#include <linux/kernel.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <ktest/test.h>

#define RBTREE_TEST_NODES 256

struct rbtree_test_node {
	u32 key;
	u32 val;
	u32 max; /* largest val in the subtree (augmented tests) */
	bool on_tree;
	struct rb_node rb;
};

static struct rbtree_test_node rbtree_test_nodes[RBTREE_TEST_NODES];
static u32 rbtree_test_seed;

/* A small LCG (Numerical Recipes constants); the high bits are best. */
static u32 rbtree_test_rand(void)
{
	rbtree_test_seed = rbtree_test_seed * 1664525 + 1013904223;
	return rbtree_test_seed >> 8;
}

static struct rbtree_test_node *rbtree_test_entry(const struct rb_node *rb)
{
	return rb_entry(rb, struct rbtree_test_node, rb);
}

static int rbtree_test_init(struct ktest *test)
{
	int i;

	rbtree_test_seed = 12345;
	for (i = 0; i < RBTREE_TEST_NODES; i++) {
		rbtree_test_nodes[i].key = rbtree_test_rand() & 1023;
		rbtree_test_nodes[i].val = rbtree_test_rand() & 0xffff;
		rbtree_test_nodes[i].on_tree = false;
		RB_CLEAR_NODE(&rbtree_test_nodes[i].rb);
	}
	return 0;
}

static void rbtree_test_insert(struct rbtree_test_node *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (n->key < rbtree_test_entry(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_color(&n->rb, root);
	n->on_tree = true;
}

/*
 * Black height of the subtree under @rb, or -1 if it breaks a rule:
 * parent links, no red node with a red child, equal black heights, keys
 * in order, and (when @aug) the cached maximum.  Depth is bounded by
 * 2 log2(n + 1), so the recursion is shallow.
 */
static int rbtree_test_check(const struct rb_node *rb,
			     const struct rb_node *parent, int *count, bool aug)
{
	const struct rbtree_test_node *n;
	int lh, rh;
	u32 max;

	if (!rb)
		return 1;
	n = rbtree_test_entry(rb);
	if (rb_parent(rb) != parent)
		return -1;
	if (rb_is_red(rb) && ((rb->rb_left && rb_is_red(rb->rb_left)) ||
			      (rb->rb_right && rb_is_red(rb->rb_right))))
		return -1;
	if (rb->rb_left && rbtree_test_entry(rb->rb_left)->key > n->key)
		return -1;
	if (rb->rb_right && rbtree_test_entry(rb->rb_right)->key < n->key)
		return -1;
	lh = rbtree_test_check(rb->rb_left, rb, count, aug);
	rh = rbtree_test_check(rb->rb_right, rb, count, aug);
	if (lh < 0 || lh != rh)
		return -1;
	max = n->val;
	if (rb->rb_left)
		max = max_t(u32, max, rbtree_test_entry(rb->rb_left)->max);
	if (rb->rb_right)
		max = max_t(u32, max, rbtree_test_entry(rb->rb_right)->max);
	if (aug && n->max != max)
		return -1;
	(*count)++;
	return lh + rb_is_black(rb);
}

static bool rbtree_test_valid(const struct rb_root *root, int expect, bool aug)
{
	int count = 0;

	if (root->rb_node && !rb_is_black(root->rb_node))
		return false;
	if (rbtree_test_check(root->rb_node, NULL, &count, aug) < 0)
		return false;
	return count == expect;
}

static void rbtree_test_insert_in_order(struct ktest *test)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *rb;
	u32 prev = 0;
	int i, n = 0;

	for (i = 0; i < RBTREE_TEST_NODES; i++)
		rbtree_test_insert(&rbtree_test_nodes[i], &root);
	KTEST_ASSERT_TRUE(test,
			  rbtree_test_valid(&root, RBTREE_TEST_NODES, false));
	for (rb = rb_first(&root); rb; rb = rb_next(rb)) {
		KTEST_EXPECT_LE(test, prev, rbtree_test_entry(rb)->key);
		prev = rbtree_test_entry(rb)->key;
		n++;
	}
	KTEST_EXPECT_EQ(test, n, RBTREE_TEST_NODES);
}

static void rbtree_test_random_insert_erase(struct ktest *test)
{
	struct rb_root root = RB_ROOT;
	struct rbtree_test_node *n;
	int op, count = 0;

	for (op = 0; op < 4000; op++) {
		n = &rbtree_test_nodes[rbtree_test_rand() & 255];
		if (n->on_tree) {
			rb_erase(&n->rb, &root);
			n->on_tree = false;
			count--;
		} else {
			rbtree_test_insert(n, &root);
			count++;
		}
		KTEST_ASSERT_TRUE(test, rbtree_test_valid(&root, count, false));
	}
}

static void rbtree_test_cached_leftmost(struct ktest *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rbtree_test_node *n;
	struct rb_node **link, *parent;
	bool leftmost;
	int op;

	for (op = 0; op < 2000; op++) {
		n = &rbtree_test_nodes[rbtree_test_rand() & 255];
		if (n->on_tree) {
			rb_erase_cached(&n->rb, &root);
			n->on_tree = false;
		} else {
			link = &root.rb_root.rb_node;
			parent = NULL;
			leftmost = true;
			while (*link) {
				parent = *link;
				if (n->key < rbtree_test_entry(parent)->key) {
					link = &parent->rb_left;
				} else {
					link = &parent->rb_right;
					leftmost = false;
				}
			}
			rb_link_node(&n->rb, parent, link);
			rb_insert_color_cached(&n->rb, &root, leftmost);
			n->on_tree = true;
		}
		KTEST_ASSERT_TRUE(test, rb_first_cached(&root) ==
						rb_first(&root.rb_root));
	}
}

static u32 rbtree_test_val(struct rbtree_test_node *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, rbtree_test_augment, struct rbtree_test_node,
			 rb, u32, max, rbtree_test_val);

static void rbtree_test_insert_augmented(struct rbtree_test_node *n,
					 struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;
	struct rbtree_test_node *p;

	n->max = n->val;
	while (*link) {
		parent = *link;
		p = rbtree_test_entry(parent);
		if (p->max < n->val)
			p->max = n->val;
		link = n->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &rbtree_test_augment);
	n->on_tree = true;
}

static void rbtree_test_augmented_max(struct ktest *test)
{
	struct rb_root root = RB_ROOT;
	struct rbtree_test_node *n;
	int op, count = 0;

	for (op = 0; op < 4000; op++) {
		n = &rbtree_test_nodes[rbtree_test_rand() & 255];
		if (n->on_tree) {
			rb_erase_augmented(&n->rb, &root, &rbtree_test_augment);
			n->on_tree = false;
			count--;
		} else {
			rbtree_test_insert_augmented(n, &root);
			count++;
		}
		KTEST_ASSERT_TRUE(test, rbtree_test_valid(&root, count, true));
	}
}

static struct ktest_case rbtree_test_cases[] = {
	KTEST_CASE(rbtree_test_insert_in_order),
	KTEST_CASE(rbtree_test_random_insert_erase),
	KTEST_CASE(rbtree_test_cached_leftmost),
	KTEST_CASE(rbtree_test_augmented_max),
	{}
};

static struct ktest_suite rbtree_test_suite = {
	.name = "rbtree",
	.init = rbtree_test_init,
	.test_cases = rbtree_test_cases,
};
ktest_suite(rbtree_test_suite);
