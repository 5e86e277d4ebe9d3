/*
 * Host tests for the hlist half of <linux/list.h>, <linux/hash.h> and
 * <linux/hashtable.h>.
 *
 * host-test-sources:
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/list.h>
#include <linux/hash.h>
#include <linux/hashtable.h>

#include "hosttest.h"

struct obj {
	u32 key;
	struct hlist_node node;
};

static struct obj objs[64];

static void init_objs(void)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(objs); i++) {
		objs[i].key = i;
		INIT_HLIST_NODE(&objs[i].node);
	}
}

/*
 * Whether @head holds the keys @want[0..n) in order, with every pprev
 * pointing at the link that points at its node.
 */
static int hlist_matches(struct hlist_head *head, const u32 *want, int n)
{
	struct hlist_node **link = &head->first, *pos;
	int i = 0;

	for (pos = head->first; pos; pos = pos->next) {
		if (i >= n || pos->pprev != link)
			return 0;
		if (hlist_entry(pos, struct obj, node)->key != want[i])
			return 0;
		link = &pos->next;
		i++;
	}
	return i == n;
}

#define expect_hlist(head, ...)                                           \
	do {                                                              \
		static const u32 _want[] = { __VA_ARGS__ };               \
		HT_EXPECT(hlist_matches(head, _want, ARRAY_SIZE(_want))); \
	} while (0)

HOST_TEST(hlist_init_is_empty_and_unhashed)
{
	HLIST_HEAD(a);
	struct hlist_head b;
	struct hlist_node n;

	INIT_HLIST_HEAD(&b);
	INIT_HLIST_NODE(&n);
	HT_EXPECT(hlist_empty(&a));
	HT_EXPECT(hlist_empty(&b));
	HT_EXPECT(hlist_unhashed(&n));
	HT_EXPECT_EQ(hlist_count_nodes(&a), 0);
}

HOST_TEST(hlist_add_head_is_lifo)
{
	HLIST_HEAD(head);

	init_objs();
	hlist_add_head(&objs[1].node, &head);
	hlist_add_head(&objs[2].node, &head);
	hlist_add_head(&objs[3].node, &head);
	expect_hlist(&head, 3, 2, 1);
	HT_EXPECT(!hlist_unhashed(&objs[1].node));
	HT_EXPECT_EQ(hlist_count_nodes(&head), 3);
}

HOST_TEST(hlist_add_before_and_behind)
{
	HLIST_HEAD(head);

	init_objs();
	hlist_add_head(&objs[3].node, &head);
	hlist_add_before(&objs[1].node, &objs[3].node);
	expect_hlist(&head, 1, 3);
	hlist_add_behind(&objs[2].node, &objs[1].node);
	expect_hlist(&head, 1, 2, 3);
	hlist_add_behind(&objs[4].node, &objs[3].node);
	expect_hlist(&head, 1, 2, 3, 4);
}

HOST_TEST(hlist_del_unlinks_and_poisons)
{
	HLIST_HEAD(head);

	init_objs();
	hlist_add_head(&objs[1].node, &head);
	hlist_add_head(&objs[2].node, &head);
	hlist_add_head(&objs[3].node, &head);
	hlist_del(&objs[2].node);
	expect_hlist(&head, 3, 1);
	HT_EXPECT(objs[2].node.next == LIST_POISON1);
	HT_EXPECT(objs[2].node.pprev == LIST_POISON2);
	hlist_del(&objs[3].node);
	expect_hlist(&head, 1);
	hlist_del(&objs[1].node);
	HT_EXPECT(hlist_empty(&head));
}

HOST_TEST(hlist_del_init_is_idempotent)
{
	HLIST_HEAD(head);

	init_objs();
	hlist_add_head(&objs[1].node, &head);
	hlist_add_head(&objs[2].node, &head);
	hlist_del_init(&objs[1].node);
	HT_EXPECT(hlist_unhashed(&objs[1].node));
	expect_hlist(&head, 2);
	hlist_del_init(&objs[1].node);
	expect_hlist(&head, 2);
}

HOST_TEST(hlist_for_each_entry_safe_allows_delete)
{
	HLIST_HEAD(head);
	struct obj *pos;
	struct hlist_node *tmp, *p;
	int i, sum = 0;

	init_objs();
	for (i = 1; i <= 6; i++)
		hlist_add_head(&objs[i].node, &head);
	hlist_for_each_entry_safe(pos, tmp, &head, node)
		if (pos->key % 2)
			hlist_del(&pos->node);
	expect_hlist(&head, 6, 4, 2);
	hlist_for_each_entry(pos, &head, node)
		sum += pos->key;
	HT_EXPECT_EQ(sum, 12);
	hlist_for_each_safe(p, tmp, &head)
		hlist_del_init(p);
	HT_EXPECT(hlist_empty(&head));
}

HOST_TEST(hlist_move_list_moves_all)
{
	HLIST_HEAD(a);
	HLIST_HEAD(b);

	init_objs();
	hlist_add_head(&objs[1].node, &a);
	hlist_add_head(&objs[2].node, &a);
	hlist_move_list(&a, &b);
	HT_EXPECT(hlist_empty(&a));
	/* The first node's pprev must now point into @b. */
	expect_hlist(&b, 2, 1);
	HT_EXPECT(hlist_is_singular_node(&objs[1].node, &b) == false);
	hlist_del(&objs[2].node);
	HT_EXPECT(hlist_is_singular_node(&objs[1].node, &b));
}

HOST_TEST(hash_32_uses_golden_ratio)
{
	HT_EXPECT_EQ(__hash_32(1), 0x61C88647);
	HT_EXPECT_EQ(hash_32(1, 32), 0x61C88647);
	HT_EXPECT_EQ(hash_32(1, 8), 0x61);
	HT_EXPECT_EQ(hash_32(0, 10), 0);
	/* The top 32 bits of 0x61C8864680B583EB. */
	HT_EXPECT_EQ(hash_64(1, 32), 0x61C88646);
	HT_EXPECT_EQ(hash_64(2, 4), (0xC3910C8D016B07D6ULL >> 60));
	HT_EXPECT_EQ(hash_long(1UL, 16), 0x61C8);
}

HOST_TEST(hash_results_stay_in_range)
{
	unsigned int bits;
	u64 v = 0x123456789abcdefULL;
	int i;

	for (bits = 1; bits <= 32; bits++) {
		for (i = 0; i < 200; i++) {
			v = v * 6364136223846793005ULL + 1442695040888963407ULL;
			HT_EXPECT(bits == 32 ||
				  hash_32((u32)v, bits) < (1U << bits));
			HT_EXPECT(bits == 32 ||
				  hash_64(v, bits) < (1U << bits));
		}
	}
}

HOST_TEST(hash_spreads_sequential_keys)
{
	int hits[16] = { 0 };
	u32 k;
	int i;

	/* 1024 consecutive keys into 16 buckets: none may be far off 64. */
	for (k = 0; k < 1024; k++)
		hits[hash_32(k, 4)]++;
	for (i = 0; i < 16; i++)
		HT_EXPECT(hits[i] > 32 && hits[i] < 96);
}

HOST_TEST(hashtable_define_is_empty)
{
	DEFINE_HASHTABLE(table, 5);
	DECLARE_HASHTABLE(other, 3);

	HT_EXPECT_EQ(HASH_SIZE(table), 32);
	HT_EXPECT_EQ(HASH_BITS(table), 5);
	HT_EXPECT(hash_empty(table));
	hash_init(other);
	HT_EXPECT_EQ(HASH_SIZE(other), 8);
	HT_EXPECT(hash_empty(other));
}

static struct obj *table_find(struct hlist_head *table, unsigned int bits,
			      u32 key)
{
	struct obj *pos;

	hlist_for_each_entry(pos, &table[hash_32(key, bits)], node)
		if (pos->key == key)
			return pos;
	return NULL;
}

HOST_TEST(hashtable_add_then_find_possible)
{
	DEFINE_HASHTABLE(table, 3);
	struct obj *pos, *found;
	int i;

	init_objs();
	for (i = 0; i < 40; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	HT_EXPECT(!hash_empty(table));
	for (i = 0; i < 40; i++) {
		found = NULL;
		hash_for_each_possible(table, pos, node, (u32)i)
			if (pos->key == (u32)i)
				found = pos;
		HT_EXPECT(found == &objs[i]);
		/* The bucket is the one hash_32() names. */
		HT_EXPECT(table_find(table, 3, i) == &objs[i]);
		HT_EXPECT(hash_hashed(&objs[i].node));
	}
	found = NULL;
	hash_for_each_possible(table, pos, node, (u32)50)
		if (pos->key == 50)
			found = pos;
	HT_EXPECT(found == NULL);
}

HOST_TEST(hashtable_del_then_empty)
{
	DEFINE_HASHTABLE(table, 4);
	int i;

	init_objs();
	for (i = 0; i < 20; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	for (i = 0; i < 20; i++) {
		HT_EXPECT(!hash_empty(table));
		hash_del(&objs[i].node);
		HT_EXPECT(!hash_hashed(&objs[i].node));
		HT_EXPECT(table_find(table, 4, i) == NULL);
	}
	HT_EXPECT(hash_empty(table));
}

HOST_TEST(hash_for_each_visits_every_entry_once)
{
	DEFINE_HASHTABLE(table, 4);
	int seen[64] = { 0 };
	struct obj *pos;
	int bkt, i, n = 0;

	init_objs();
	for (i = 0; i < 50; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	hash_for_each(table, bkt, pos, node) {
		seen[pos->key]++;
		n++;
	}
	HT_EXPECT_EQ(n, 50);
	for (i = 0; i < 50; i++)
		HT_EXPECT_EQ(seen[i], 1);
}

HOST_TEST(hash_for_each_break_stops_walk)
{
	DEFINE_HASHTABLE(table, 4);
	struct obj *pos;
	int bkt, i, n = 0;

	init_objs();
	for (i = 0; i < 50; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	hash_for_each(table, bkt, pos, node) {
		n++;
		if (pos->key == 7)
			break;
	}
	HT_EXPECT(pos != NULL && pos->key == 7);
	HT_EXPECT(n >= 1 && n <= 50);
}

HOST_TEST(hash_for_each_safe_deletes_all)
{
	DEFINE_HASHTABLE(table, 2);
	struct hlist_node *tmp;
	struct obj *pos;
	int bkt, i, n = 0;

	init_objs();
	for (i = 0; i < 30; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	hash_for_each_safe(table, bkt, tmp, pos, node) {
		hash_del(&pos->node);
		n++;
	}
	HT_EXPECT_EQ(n, 30);
	HT_EXPECT(hash_empty(table));
}

HOST_TEST(hash_for_each_possible_safe_deletes_bucket)
{
	DEFINE_HASHTABLE(table, 1);
	struct hlist_node *tmp;
	struct obj *pos;
	int i, left = 0;

	init_objs();
	for (i = 0; i < 16; i++)
		hash_add(table, &objs[i].node, objs[i].key);
	hash_for_each_possible_safe(table, pos, tmp, node, (u32)0)
		hash_del(&pos->node);
	/* One of the two buckets is now empty, the other untouched. */
	HT_EXPECT(hlist_empty(&table[hash_32(0, 1)]));
	for (i = 0; i < 16; i++)
		left += hash_hashed(&objs[i].node);
	HT_EXPECT_EQ(left, (int)hlist_count_nodes(&table[!hash_32(0, 1)]));
}

static const struct host_test host_tests[] = {
	HOST_CASE(hlist_init_is_empty_and_unhashed),
	HOST_CASE(hlist_add_head_is_lifo),
	HOST_CASE(hlist_add_before_and_behind),
	HOST_CASE(hlist_del_unlinks_and_poisons),
	HOST_CASE(hlist_del_init_is_idempotent),
	HOST_CASE(hlist_for_each_entry_safe_allows_delete),
	HOST_CASE(hlist_move_list_moves_all),
	HOST_CASE(hash_32_uses_golden_ratio),
	HOST_CASE(hash_results_stay_in_range),
	HOST_CASE(hash_spreads_sequential_keys),
	HOST_CASE(hashtable_define_is_empty),
	HOST_CASE(hashtable_add_then_find_possible),
	HOST_CASE(hashtable_del_then_empty),
	HOST_CASE(hash_for_each_visits_every_entry_once),
	HOST_CASE(hash_for_each_break_stops_walk),
	HOST_CASE(hash_for_each_safe_deletes_all),
	HOST_CASE(hash_for_each_possible_safe_deletes_bucket),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}
