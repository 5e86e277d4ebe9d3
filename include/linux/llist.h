#ifndef _LINUX_LLIST_H
#define _LINUX_LLIST_H

/*
 * Lock-less singly linked lists: any number of producers push with
 * llist_add(), one consumer takes the whole list at once with
 * llist_del_all().  Both are single atomic instructions on the head, so
 * they work from any context, hardirq included, without a lock.  The
 * list comes out newest first; llist_reverse_order() restores the order
 * of arrival.
 *
 * There is no single-entry delete: removing one node while others push
 * would need the ABA protection this design avoids by taking all.
 */
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

struct llist_node {
	struct llist_node *next;
};

struct llist_head {
	struct llist_node *first;
};

static inline void init_llist_head(struct llist_head *list)
{
	list->first = NULL;
}

static inline bool llist_empty(const struct llist_head *head)
{
	return READ_ONCE(head->first) == NULL;
}

/**
 * llist_add - push @new onto @head.
 * @new: the node, not on any list
 * @head: the list
 *
 * Any context.  Fully ordered: stores made before it are visible to the
 * consumer that takes @new.  Returns true if the list was empty, so the
 * caller knows whether the consumer needs a kick (an IPI, a wake-up).
 */
static inline bool llist_add(struct llist_node *new, struct llist_head *head)
{
	struct llist_node *first = READ_ONCE(head->first);

	do {
		new->next = first;
	} while (!__atomic_compare_exchange_n(&head->first, &first, new, false,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return first == NULL;
}

/**
 * llist_del_all - take every node off @head.
 * @head: the list
 *
 * Any context.  Returns the former first node (newest first), or NULL.
 */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return __atomic_exchange_n(&head->first, NULL, __ATOMIC_SEQ_CST);
}

/**
 * llist_reverse_order - reverse a list taken with llist_del_all().
 * @head: its first node
 *
 * Returns the new first node: the oldest one.
 */
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *new_head = NULL;

	while (head) {
		struct llist_node *tmp = head;

		head = head->next;
		tmp->next = new_head;
		new_head = tmp;
	}
	return new_head;
}

#define llist_entry(ptr, type, member) container_of(ptr, type, member)

/*
 * Walk the nodes from @node on; safe against the loop body reusing or
 * freeing @pos, since the next one is read first.
 */
#define llist_member_nonnull(pos, member) \
	((unsigned long)(pos) + offsetof(__typeof__(*(pos)), member) != 0)

#define llist_for_each_entry_safe(pos, n, node, member)                      \
	for (pos = llist_entry((node), __typeof__(*pos), member);            \
	     llist_member_nonnull(pos, member) &&                            \
	     (n = llist_entry(pos->member.next, __typeof__(*n), member), 1); \
	     pos = n)

#endif /* _LINUX_LLIST_H */
