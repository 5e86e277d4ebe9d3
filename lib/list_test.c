/*
 * In-kernel tests for <linux/list.h> and <linux/hashtable.h>.  The host
 * tests in tests/host/list_test.c and hlist_hashtable_test.c go through
 * every operation; these check the same headers as the kernel compiles
 * them.
 */

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/hashtable.h>
#include <ktest/test.h>

struct list_test_item {
	int val;
	struct list_head node;
	struct hlist_node hnode;
};

static struct list_test_item list_test_items[8];

static int list_test_init(struct ktest *test)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(list_test_items); i++) {
		list_test_items[i].val = i;
		INIT_LIST_HEAD(&list_test_items[i].node);
		INIT_HLIST_NODE(&list_test_items[i].hnode);
	}
	return 0;
}

/* The values on @head, as decimal digits: a b c -> abc. */
static int list_test_digits(struct list_head *head)
{
	struct list_test_item *pos;
	int digits = 0;

	list_for_each_entry(pos, head, node)
		digits = digits * 10 + pos->val;
	return digits;
}

static void list_test_add_and_add_tail(struct ktest *test)
{
	LIST_HEAD(head);

	/* head 2 1 3 */
	list_add(&list_test_items[1].node, &head);
	list_add(&list_test_items[2].node, &head);
	list_add_tail(&list_test_items[3].node, &head);
	KTEST_EXPECT_EQ(test, list_test_digits(&head), 213);
	KTEST_EXPECT_EQ(test, list_count_nodes(&head), 3);
	KTEST_EXPECT_PTR_EQ(test, head.prev, &list_test_items[3].node);
}

static void list_test_del_poisons(struct ktest *test)
{
	LIST_HEAD(head);

	list_add(&list_test_items[1].node, &head);
	list_add(&list_test_items[2].node, &head);
	list_del(&list_test_items[1].node);
	KTEST_EXPECT_EQ(test, list_test_digits(&head), 2);
	KTEST_EXPECT_PTR_EQ(test, list_test_items[1].node.next, LIST_POISON1);
	KTEST_EXPECT_PTR_EQ(test, list_test_items[1].node.prev, LIST_POISON2);
	list_del_init(&list_test_items[2].node);
	KTEST_EXPECT_TRUE(test, list_empty(&head));
	KTEST_EXPECT_TRUE(test, list_empty(&list_test_items[2].node));
}

static void list_test_splice_and_cut(struct ktest *test)
{
	LIST_HEAD(a);
	LIST_HEAD(b);
	int i;

	for (i = 1; i <= 3; i++)
		list_add_tail(&list_test_items[i].node, &a);
	for (i = 4; i <= 5; i++)
		list_add_tail(&list_test_items[i].node, &b);
	/* a: 1 2 3 4 5, b: empty */
	list_splice_tail_init(&b, &a);
	KTEST_EXPECT_EQ(test, list_test_digits(&a), 12345);
	KTEST_EXPECT_TRUE(test, list_empty(&b));
	/* b: 1 2, a: 3 4 5 */
	list_cut_position(&b, &a, &list_test_items[2].node);
	KTEST_EXPECT_EQ(test, list_test_digits(&b), 12);
	KTEST_EXPECT_EQ(test, list_test_digits(&a), 345);
}

static void list_test_safe_walk_deletes(struct ktest *test)
{
	LIST_HEAD(head);
	struct list_test_item *pos, *n;
	int i;

	for (i = 1; i <= 6; i++)
		list_add_tail(&list_test_items[i].node, &head);
	list_for_each_entry_safe(pos, n, &head, node)
		if (pos->val & 1)
			list_del(&pos->node);
	KTEST_EXPECT_EQ(test, list_test_digits(&head), 246);
}

static void hlist_test_add_del(struct ktest *test)
{
	HLIST_HEAD(head);
	struct list_test_item *pos;
	int digits = 0;

	hlist_add_head(&list_test_items[1].hnode, &head);
	hlist_add_head(&list_test_items[3].hnode, &head);
	hlist_add_behind(&list_test_items[2].hnode, &list_test_items[3].hnode);
	hlist_for_each_entry(pos, &head, hnode)
		digits = digits * 10 + pos->val;
	KTEST_EXPECT_EQ(test, digits, 321);
	hlist_del_init(&list_test_items[2].hnode);
	KTEST_EXPECT_TRUE(test, hlist_unhashed(&list_test_items[2].hnode));
	KTEST_EXPECT_PTR_EQ(test, list_test_items[1].hnode.pprev,
			    &list_test_items[3].hnode.next);
}

static void hashtable_test_add_find_del(struct ktest *test)
{
	DEFINE_HASHTABLE(table, 2);
	struct list_test_item *pos, *found;
	int i, bkt, n = 0;

	for (i = 0; i < 8; i++)
		hash_add(table, &list_test_items[i].hnode,
			 list_test_items[i].val);
	hash_for_each(table, bkt, pos, hnode)
		n++;
	KTEST_EXPECT_EQ(test, n, 8);

	found = NULL;
	hash_for_each_possible(table, pos, hnode, 5)
		if (pos->val == 5)
			found = pos;
	KTEST_EXPECT_PTR_EQ(test, found, &list_test_items[5]);

	hash_del(&list_test_items[5].hnode);
	found = NULL;
	hash_for_each_possible(table, pos, hnode, 5)
		if (pos->val == 5)
			found = pos;
	KTEST_EXPECT_NULL(test, found);
	KTEST_EXPECT_FALSE(test, hash_hashed(&list_test_items[5].hnode));
	KTEST_EXPECT_FALSE(test, hash_empty(table));
}

static struct ktest_case list_test_cases[] = {
	KTEST_CASE(list_test_add_and_add_tail),
	KTEST_CASE(list_test_del_poisons),
	KTEST_CASE(list_test_splice_and_cut),
	KTEST_CASE(list_test_safe_walk_deletes),
	KTEST_CASE(hlist_test_add_del),
	KTEST_CASE(hashtable_test_add_find_del),
	{}
};

static struct ktest_suite list_test_suite = {
	.name = "list",
	.init = list_test_init,
	.test_cases = list_test_cases,
};
ktest_suite(list_test_suite);
