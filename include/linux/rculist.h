#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

/*
 * Lists that readers walk under rcu_read_lock() while an updater, under
 * its own lock, adds and removes entries.
 *
 * An entry is published by the one pointer store that makes it
 * reachable, a release (rcu_assign_pointer), after its own pointers
 * are set.  A removed entry keeps its ->next, so a reader standing on
 * it walks on to the rest of the list; it may be freed only after a
 * grace period (synchronize_rcu, call_rcu, kfree_rcu).
 *
 *	before:  A -> B -> C		list_del_rcu(B):  A -> C
 *	                                                  B -> C (still)
 */

#define list_next_rcu(list) (*((struct list_head __rcu **)(&(list)->next)))

/* INIT_LIST_HEAD() for a list readers may be walking already. */
static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

static inline void __list_add_rcu(struct list_head *new, struct list_head *prev,
				  struct list_head *next)
{
	new->next = next;
	new->prev = prev;
	rcu_assign_pointer(list_next_rcu(prev), new);
	next->prev = new;
}

/**
 * list_add_rcu - insert @new after @head, visible to RCU readers
 * @new: the entry, fully initialised
 * @head: the list or entry to insert after
 *
 * The caller serialises updaters (a lock); readers need only RCU.
 */
static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head, head->next);
}

/** list_add_tail_rcu - insert @new before @head; see list_add_rcu(). */
static inline void list_add_tail_rcu(struct list_head *new,
				     struct list_head *head)
{
	__list_add_rcu(new, head->prev, head);
}

/**
 * list_del_rcu - unlink @entry, leaving readers on it a way forward
 * @entry: the entry
 *
 * ->next stays valid for readers; ->prev is poisoned, since no reader
 * goes backwards.  Free @entry only after a grace period.
 */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = LIST_POISON2;
}

/** list_replace_rcu - put @new where @old is, atomically for readers. */
static inline void list_replace_rcu(struct list_head *old,
				    struct list_head *new)
{
	new->next = old->next;
	new->prev = old->prev;
	rcu_assign_pointer(list_next_rcu(new->prev), new);
	new->next->prev = new;
	old->prev = LIST_POISON2;
}

#define list_entry_rcu(ptr, type, member) \
	container_of(READ_ONCE(ptr), type, member)

/* The first entry, or NULL if the list is empty: one read of ->next. */
#define list_first_or_null_rcu(ptr, type, member)                           \
	({                                                                  \
		struct list_head *__lfr_head = (ptr);                       \
		struct list_head *__lfr_next = READ_ONCE(__lfr_head->next); \
		__lfr_next != __lfr_head ?                                  \
			list_entry_rcu(__lfr_next, type, member) :          \
			NULL;                                               \
	})

/*
 * Walk an RCU list.  The optional last argument is the condition under
 * which the walk is safe outside rcu_read_lock() (a lock held); it is
 * accepted for Linux compatibility and not checked.
 */
#define list_for_each_entry_rcu(pos, head, member, ...)                        \
	for ((pos) = list_entry_rcu((head)->next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head);                                         \
	     (pos) = list_entry_rcu((pos)->member.next, __typeof__(*(pos)),    \
				    member))

/* Continue an RCU walk after @pos. */
#define list_for_each_entry_continue_rcu(pos, head, member)                 \
	for ((pos) = list_entry_rcu((pos)->member.next, __typeof__(*(pos)), \
				    member);                                \
	     &(pos)->member != (head);                                      \
	     (pos) = list_entry_rcu((pos)->member.next, __typeof__(*(pos)), \
				    member))

/* --- hlist ---------------------------------------------------------------- */

#define hlist_first_rcu(head) (*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node) (*((struct hlist_node __rcu **)(&(node)->next)))
#define hlist_pprev_rcu(node) (*((struct hlist_node __rcu **)((node)->pprev)))

/**
 * hlist_del_rcu - unlink @n; readers on it can still walk on
 * @n: the node
 */
static inline void hlist_del_rcu(struct hlist_node *n)
{
	__hlist_del(n);
	WRITE_ONCE(n->pprev, LIST_POISON2);
}

/** hlist_del_init_rcu - unlink @n if hashed and mark it unhashed. */
static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		WRITE_ONCE(n->pprev, NULL);
	}
}

/** hlist_replace_rcu - put @new where @old is, atomically for readers. */
static inline void hlist_replace_rcu(struct hlist_node *old,
				     struct hlist_node *new)
{
	struct hlist_node *next = old->next;

	new->next = next;
	WRITE_ONCE(new->pprev, old->pprev);
	rcu_assign_pointer(*(struct hlist_node __rcu **)new->pprev, new);
	if (next)
		WRITE_ONCE(new->next->pprev, &new->next);
	WRITE_ONCE(old->pprev, LIST_POISON2);
}

/**
 * hlist_add_head_rcu - insert @n at the front of @h, visible to readers
 * @n: the node, fully initialised
 * @h: the list
 */
static inline void hlist_add_head_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_first_rcu(h), n);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
}

/** hlist_add_before_rcu - insert @n just before @next. */
static inline void hlist_add_before_rcu(struct hlist_node *n,
					struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	n->next = next;
	rcu_assign_pointer(hlist_pprev_rcu(n), n);
	WRITE_ONCE(next->pprev, &n->next);
}

/** hlist_add_behind_rcu - insert @n just after @prev. */
static inline void hlist_add_behind_rcu(struct hlist_node *n,
					struct hlist_node *prev)
{
	n->next = prev->next;
	WRITE_ONCE(n->pprev, &prev->next);
	rcu_assign_pointer(hlist_next_rcu(prev), n);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}

/* Walk an RCU hlist; the optional condition as for lists. */
#define hlist_for_each_entry_rcu(pos, head, member, ...)                \
	for ((pos) = hlist_entry_safe(READ_ONCE(hlist_first_rcu(head)), \
				      __typeof__(*(pos)), member);      \
	     (pos); (pos) = hlist_entry_safe(                           \
			    READ_ONCE(hlist_next_rcu(&(pos)->member)),  \
			    __typeof__(*(pos)), member))

#endif /* _LINUX_RCULIST_H */
