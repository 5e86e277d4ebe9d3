/*
 * Host tests for <linux/list.h>: the circular doubly linked list.
 *
 * host-test-sources:
 *
 * Every case builds lists of struct item, then checks them with
 * expect_list(), which walks forward, checks each prev link on the way and
 * compares the values met with the expected sequence.
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/list.h>

#include "hosttest.h"

struct item {
	int val;
	struct list_head node;
};

static struct item items[16];

static void init_items(void)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(items); i++) {
		items[i].val = i;
		INIT_LIST_HEAD(&items[i].node);
	}
}

/*
 * Whether @head holds exactly the values @want[0..n), in order, with
 * every prev pointer the mirror of a next pointer.
 */
static int list_matches(struct list_head *head, const int *want, int n)
{
	struct list_head *pos, *prev = head;
	int i = 0;

	for (pos = head->next; pos != head; pos = pos->next) {
		if (i >= n || pos->prev != prev)
			return 0;
		if (list_entry(pos, struct item, node)->val != want[i])
			return 0;
		prev = pos;
		i++;
	}
	return i == n && head->prev == prev;
}

#define expect_list(head, ...)                                           \
	do {                                                             \
		static const int _want[] = { __VA_ARGS__ };              \
		HT_EXPECT(list_matches(head, _want, ARRAY_SIZE(_want))); \
	} while (0)

static int list_is_empty_ring(struct list_head *head)
{
	return head->next == head && head->prev == head;
}

HOST_TEST(list_head_init_is_empty)
{
	LIST_HEAD(a);
	struct list_head b;

	INIT_LIST_HEAD(&b);
	HT_EXPECT(list_empty(&a));
	HT_EXPECT(list_empty(&b));
	HT_EXPECT(list_is_empty_ring(&a));
	HT_EXPECT(!list_is_singular(&a));
	HT_EXPECT_EQ(list_count_nodes(&a), 0);
}

HOST_TEST(list_add_inserts_at_front)
{
	LIST_HEAD(head);

	init_items();
	list_add(&items[1].node, &head);
	list_add(&items[2].node, &head);
	list_add(&items[3].node, &head);
	expect_list(&head, 3, 2, 1);
	HT_EXPECT(!list_empty(&head));
}

HOST_TEST(list_add_tail_appends)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_add_tail(&items[3].node, &head);
	expect_list(&head, 1, 2, 3);
}

HOST_TEST(list_add_after_middle_entry)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[3].node, &head);
	/* head 1 3  ->  head 1 2 3 */
	list_add(&items[2].node, &items[1].node);
	expect_list(&head, 1, 2, 3);
}

HOST_TEST(list_del_unlinks_entry)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_add_tail(&items[3].node, &head);
	list_del(&items[2].node);
	expect_list(&head, 1, 3);
	list_del(&items[1].node);
	list_del(&items[3].node);
	HT_EXPECT(list_empty(&head));
	HT_EXPECT(list_is_empty_ring(&head));
}

HOST_TEST(list_del_poisons_entry)
{
	LIST_HEAD(head);

	init_items();
	list_add(&items[1].node, &head);
	list_del(&items[1].node);
	HT_EXPECT(items[1].node.next == LIST_POISON1);
	HT_EXPECT(items[1].node.prev == LIST_POISON2);
	HT_EXPECT((unsigned long)LIST_POISON1 == 0xdead000000000100UL);
	HT_EXPECT((unsigned long)LIST_POISON2 == 0xdead000000000122UL);
}

HOST_TEST(list_del_init_leaves_empty_entry)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_del_init(&items[1].node);
	HT_EXPECT(list_empty(&items[1].node));
	expect_list(&head, 2);
	/* A second list_del_init() of a self-linked entry is harmless. */
	list_del_init(&items[1].node);
	expect_list(&head, 2);
}

HOST_TEST(list_replace_takes_place)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_add_tail(&items[3].node, &head);
	list_replace(&items[2].node, &items[9].node);
	expect_list(&head, 1, 9, 3);
	list_replace_init(&items[9].node, &items[8].node);
	expect_list(&head, 1, 8, 3);
	HT_EXPECT(list_empty(&items[9].node));
}

HOST_TEST(list_swap_adjacent_and_apart)
{
	LIST_HEAD(head);
	int i;

	init_items();
	for (i = 1; i <= 4; i++)
		list_add_tail(&items[i].node, &head);
	list_swap(&items[1].node, &items[2].node);
	expect_list(&head, 2, 1, 3, 4);
	list_swap(&items[4].node, &items[3].node);
	expect_list(&head, 2, 1, 4, 3);
	list_swap(&items[2].node, &items[3].node);
	expect_list(&head, 3, 1, 4, 2);
}

HOST_TEST(list_move_between_lists)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &a);
	list_add_tail(&items[5].node, &b);
	list_move(&items[2].node, &b);
	expect_list(&a, 1);
	expect_list(&b, 2, 5);
}

HOST_TEST(list_move_tail_between_lists)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &a);
	list_add_tail(&items[5].node, &b);
	list_move_tail(&items[1].node, &b);
	expect_list(&a, 2);
	expect_list(&b, 5, 1);
}

HOST_TEST(list_bulk_move_tail_moves_run)
{
	LIST_HEAD(a);
	LIST_HEAD(b);
	int i;

	init_items();
	for (i = 1; i <= 5; i++)
		list_add_tail(&items[i].node, &a);
	list_add_tail(&items[9].node, &b);
	list_bulk_move_tail(&b, &items[2].node, &items[4].node);
	expect_list(&a, 1, 5);
	expect_list(&b, 9, 2, 3, 4);
}

HOST_TEST(list_is_first_and_last)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	HT_EXPECT(list_is_first(&items[1].node, &head));
	HT_EXPECT(!list_is_first(&items[2].node, &head));
	HT_EXPECT(list_is_last(&items[2].node, &head));
	HT_EXPECT(!list_is_last(&items[1].node, &head));
	HT_EXPECT(list_is_head(&head, &head));
	HT_EXPECT(!list_is_head(&items[1].node, &head));
}

HOST_TEST(list_is_singular_only_for_one)
{
	LIST_HEAD(head);

	init_items();
	HT_EXPECT(!list_is_singular(&head));
	list_add(&items[1].node, &head);
	HT_EXPECT(list_is_singular(&head));
	list_add(&items[2].node, &head);
	HT_EXPECT(!list_is_singular(&head));
}

HOST_TEST(list_splice_inserts_at_front)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &a);
	list_add_tail(&items[3].node, &b);
	list_add_tail(&items[4].node, &b);
	list_splice(&b, &a);
	expect_list(&a, 3, 4, 1, 2);
}

HOST_TEST(list_splice_of_empty_is_noop)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_splice(&b, &a);
	list_splice_tail(&b, &a);
	list_splice_init(&b, &a);
	expect_list(&a, 1);
	HT_EXPECT(list_empty(&b));
}

HOST_TEST(list_splice_tail_init_appends_and_empties)
{
	LIST_HEAD(a);
	LIST_HEAD(b);
	LIST_HEAD(c);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &b);
	list_add_tail(&items[3].node, &b);
	list_add_tail(&items[4].node, &c);
	list_splice_tail_init(&b, &a);
	expect_list(&a, 1, 2, 3);
	HT_EXPECT(list_empty(&b));
	list_splice_init(&c, &a);
	expect_list(&a, 4, 1, 2, 3);
	HT_EXPECT(list_empty(&c));
	list_splice_tail(&a, &b);
	expect_list(&b, 4, 1, 2, 3);
}

HOST_TEST(list_cut_position_splits_after_entry)
{
	LIST_HEAD(head);
	LIST_HEAD(cut);
	int i;

	init_items();
	for (i = 1; i <= 4; i++)
		list_add_tail(&items[i].node, &head);
	/* head: 1 2 3 4  ->  cut: 1 2, head: 3 4 */
	list_cut_position(&cut, &head, &items[2].node);
	expect_list(&cut, 1, 2);
	expect_list(&head, 3, 4);
}

HOST_TEST(list_cut_position_edge_cases)
{
	LIST_HEAD(head);
	LIST_HEAD(cut);

	init_items();
	/* Cutting at the head itself moves nothing. */
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_cut_position(&cut, &head, &head);
	HT_EXPECT(list_empty(&cut));
	expect_list(&head, 1, 2);
	/* Cutting at the last entry moves everything. */
	list_cut_position(&cut, &head, &items[2].node);
	expect_list(&cut, 1, 2);
	HT_EXPECT(list_empty(&head));
}

HOST_TEST(list_cut_before_splits_before_entry)
{
	LIST_HEAD(head);
	LIST_HEAD(cut);
	int i;

	init_items();
	for (i = 1; i <= 4; i++)
		list_add_tail(&items[i].node, &head);
	list_cut_before(&cut, &head, &items[3].node);
	expect_list(&cut, 1, 2);
	expect_list(&head, 3, 4);
	list_cut_before(&cut, &head, &items[3].node);
	HT_EXPECT(list_empty(&cut));
	expect_list(&head, 3, 4);
}

HOST_TEST(list_rotate_left_cycles)
{
	LIST_HEAD(head);
	int i;

	init_items();
	list_rotate_left(&head);
	HT_EXPECT(list_empty(&head));
	for (i = 1; i <= 3; i++)
		list_add_tail(&items[i].node, &head);
	list_rotate_left(&head);
	expect_list(&head, 2, 3, 1);
	list_rotate_to_front(&items[1].node, &head);
	expect_list(&head, 1, 2, 3);
}

HOST_TEST(list_first_last_entry)
{
	LIST_HEAD(head);

	init_items();
	HT_EXPECT(list_first_entry_or_null(&head, struct item, node) == NULL);
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	HT_EXPECT(list_first_entry(&head, struct item, node) == &items[1]);
	HT_EXPECT(list_last_entry(&head, struct item, node) == &items[2]);
	HT_EXPECT(list_first_entry_or_null(&head, struct item, node) ==
		  &items[1]);
	HT_EXPECT(list_next_entry(&items[1], node) == &items[2]);
	HT_EXPECT(list_prev_entry(&items[2], node) == &items[1]);
}

HOST_TEST(list_for_each_entry_both_ways)
{
	LIST_HEAD(head);
	struct item *pos;
	struct list_head *p;
	int i, sum = 0, order = 0;

	init_items();
	for (i = 1; i <= 5; i++)
		list_add_tail(&items[i].node, &head);
	list_for_each_entry(pos, &head, node)
		order = order * 10 + pos->val;
	HT_EXPECT_EQ(order, 12345);
	order = 0;
	list_for_each_entry_reverse(pos, &head, node)
		order = order * 10 + pos->val;
	HT_EXPECT_EQ(order, 54321);
	list_for_each(p, &head)
		sum += list_entry(p, struct item, node)->val;
	HT_EXPECT_EQ(sum, 15);
	order = 0;
	list_for_each_prev(p, &head)
		order = order * 10 + list_entry(p, struct item, node)->val;
	HT_EXPECT_EQ(order, 54321);
}

HOST_TEST(list_for_each_entry_safe_allows_delete)
{
	LIST_HEAD(head);
	struct item *pos, *n;
	struct list_head *p, *q;
	int i;

	init_items();
	for (i = 1; i <= 6; i++)
		list_add_tail(&items[i].node, &head);
	list_for_each_entry_safe(pos, n, &head, node)
		if (pos->val % 2)
			list_del(&pos->node);
	expect_list(&head, 2, 4, 6);
	list_for_each_safe(p, q, &head)
		list_del_init(p);
	HT_EXPECT(list_empty(&head));
}

HOST_TEST(list_for_each_entry_continue_resumes)
{
	LIST_HEAD(head);
	struct item *pos;
	int i, order = 0;

	init_items();
	for (i = 1; i <= 5; i++)
		list_add_tail(&items[i].node, &head);
	list_for_each_entry(pos, &head, node)
		if (pos->val == 2)
			break;
	list_for_each_entry_continue(pos, &head, node)
		order = order * 10 + pos->val;
	HT_EXPECT_EQ(order, 345);
	/* A set cursor is kept as it is... */
	pos = &items[4];
	HT_EXPECT(list_prepare_entry(pos, &head, node) == &items[4]);
	/* ...a NULL one becomes the head's container: the walk restarts. */
	pos = NULL;
	pos = list_prepare_entry(pos, &head, node);
	HT_EXPECT(list_entry_is_head(pos, &head, node));
}

HOST_TEST(list_count_nodes_counts)
{
	LIST_HEAD(head);
	int i;

	init_items();
	for (i = 0; i < 16; i++) {
		HT_EXPECT_EQ(list_count_nodes(&head), i);
		list_add(&items[i].node, &head);
	}
	HT_EXPECT_EQ(list_count_nodes(&head), 16);
}

static const struct host_test host_tests[] = {
	HOST_CASE(list_head_init_is_empty),
	HOST_CASE(list_add_inserts_at_front),
	HOST_CASE(list_add_tail_appends),
	HOST_CASE(list_add_after_middle_entry),
	HOST_CASE(list_del_unlinks_entry),
	HOST_CASE(list_del_poisons_entry),
	HOST_CASE(list_del_init_leaves_empty_entry),
	HOST_CASE(list_replace_takes_place),
	HOST_CASE(list_swap_adjacent_and_apart),
	HOST_CASE(list_move_between_lists),
	HOST_CASE(list_move_tail_between_lists),
	HOST_CASE(list_bulk_move_tail_moves_run),
	HOST_CASE(list_is_first_and_last),
	HOST_CASE(list_is_singular_only_for_one),
	HOST_CASE(list_splice_inserts_at_front),
	HOST_CASE(list_splice_of_empty_is_noop),
	HOST_CASE(list_splice_tail_init_appends_and_empties),
	HOST_CASE(list_cut_position_splits_after_entry),
	HOST_CASE(list_cut_position_edge_cases),
	HOST_CASE(list_cut_before_splits_before_entry),
	HOST_CASE(list_rotate_left_cycles),
	HOST_CASE(list_first_last_entry),
	HOST_CASE(list_for_each_entry_both_ways),
	HOST_CASE(list_for_each_entry_safe_allows_delete),
	HOST_CASE(list_for_each_entry_continue_resumes),
	HOST_CASE(list_count_nodes_counts),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
