#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

/*
 * Intrusive doubly linked lists (seed 004).
 *
 * struct list_head is circular: the head is a node like any other, an
 * empty list is a head pointing at itself, and every entry embeds a
 * list_head that container_of() turns back into the entry.
 *
 *	head <-> a <-> b <-> c <-> (head)
 *
 * struct hlist_head is half the size, one pointer, for hash buckets.  Its
 * nodes carry pprev, the address of the pointer that points at them
 * (either the head's first or the previous node's next), so removal never
 * needs to know which bucket a node is on.
 *
 * None of this locks: callers serialise access to a list themselves.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/poison.h>

#define LIST_HEAD_INIT(name)     \
	{                        \
		&(name), &(name) \
	}

#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

/**
 * INIT_LIST_HEAD - make @list an empty list (or an unlinked entry)
 * @list: the list_head to initialise
 */
static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

/* Link @new between two entries known to be adjacent. */
static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

/**
 * list_add - insert @new right after @head
 * @new: entry to insert
 * @head: list head (or any entry) to insert after
 *
 * Inserting after the head builds a stack.
 */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/**
 * list_add_tail - insert @new right before @head
 * @new: entry to insert
 * @head: list head (or any entry) to insert before
 *
 * Inserting before the head appends at the tail: a queue.
 */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/* Join @prev and @next, dropping whatever lay between them. */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

/* Unlink @entry without touching its own pointers. */
static inline void __list_del_entry(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
}

/**
 * list_del - unlink @entry from its list
 * @entry: entry to remove; must not be the head
 *
 * The entry's pointers are poisoned, so later use of it as a list member
 * faults instead of corrupting a list.  list_empty() is not true of it
 * afterwards: use list_del_init() for that.
 */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/**
 * list_del_init - unlink @entry and make it an empty list
 * @entry: entry to remove
 */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/**
 * list_replace - put @new where @old is
 * @old: entry to take out; its pointers are left stale
 * @new: entry to link in its place
 *
 * If @old is an empty head, @new ends up pointing at @old.
 */
static inline void list_replace(struct list_head *old, struct list_head *new)
{
	new->next = old->next;
	new->next->prev = new;
	new->prev = old->prev;
	new->prev->next = new;
}

/**
 * list_replace_init - put @new where @old is and reinitialise @old
 * @old: entry to take out
 * @new: entry to link in its place
 */
static inline void list_replace_init(struct list_head *old,
				     struct list_head *new)
{
	list_replace(old, new);
	INIT_LIST_HEAD(old);
}

/**
 * list_swap - exchange the places of two entries
 * @a: an entry
 * @b: another entry, on the same list or another one
 */
static inline void list_swap(struct list_head *a, struct list_head *b)
{
	struct list_head hole;

	/* Park a placeholder in @a's slot; this also copes with neighbours. */
	list_replace(a, &hole);
	list_replace(b, a);
	list_replace(&hole, b);
}

/**
 * list_move - unlink @entry and insert it after @head
 * @entry: entry to move
 * @head: where it goes, possibly on another list
 */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add(entry, head);
}

/**
 * list_move_tail - unlink @entry and insert it before @head
 * @entry: entry to move
 * @head: where it goes, possibly on another list
 */
static inline void list_move_tail(struct list_head *entry,
				  struct list_head *head)
{
	__list_del_entry(entry);
	list_add_tail(entry, head);
}

/**
 * list_bulk_move_tail - move the run @first..@last to the tail of @head
 * @head: destination list
 * @first: first entry of the run
 * @last: last entry of the run, on the same list as @first
 */
static inline void list_bulk_move_tail(struct list_head *head,
				       struct list_head *first,
				       struct list_head *last)
{
	first->prev->next = last->next;
	last->next->prev = first->prev;

	head->prev->next = first;
	first->prev = head->prev;

	last->next = head;
	head->prev = last;
}

/**
 * list_is_first - whether @entry is the first entry of @head
 * @entry: the entry
 * @head: the list
 */
static inline bool list_is_first(const struct list_head *entry,
				 const struct list_head *head)
{
	return entry->prev == head;
}

/**
 * list_is_last - whether @entry is the last entry of @head
 * @entry: the entry
 * @head: the list
 */
static inline bool list_is_last(const struct list_head *entry,
				const struct list_head *head)
{
	return entry->next == head;
}

/**
 * list_is_head - whether @entry is the head @head itself
 * @entry: the list_head to test
 * @head: the list
 */
static inline bool list_is_head(const struct list_head *entry,
				const struct list_head *head)
{
	return entry == head;
}

/**
 * list_empty - whether @head has no entries
 * @head: the list
 */
static inline bool list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

/**
 * list_empty_careful - list_empty() that also checks ->prev
 * @head: the list
 *
 * Only meaningful against a concurrent list_del_init(); any other
 * concurrent modification still needs the lock.
 */
static inline bool list_empty_careful(const struct list_head *head)
{
	struct list_head *next = READ_ONCE(head->next);

	return next == head && next == READ_ONCE(head->prev);
}

/**
 * list_is_singular - whether @head has exactly one entry
 * @head: the list
 */
static inline bool list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

/**
 * list_rotate_left - move the first entry of @head to its tail
 * @head: the list
 */
static inline void list_rotate_left(struct list_head *head)
{
	if (!list_empty(head))
		list_move_tail(head->next, head);
}

/**
 * list_rotate_to_front - rotate @head so that @entry becomes first
 * @entry: the entry to bring to the front
 * @head: its list
 */
static inline void list_rotate_to_front(struct list_head *entry,
					struct list_head *head)
{
	/* Moving the head just before @entry leaves @entry first. */
	list_move_tail(head, entry);
}

/* Move head->next..@entry onto the empty @list; @head keeps the rest. */
static inline void __list_cut_position(struct list_head *list,
				       struct list_head *head,
				       struct list_head *entry)
{
	struct list_head *first = head->next;

	list->next = first;
	first->prev = list;
	list->prev = entry;
	head->next = entry->next;
	entry->next->prev = head;
	entry->next = list;
}

/**
 * list_cut_position - split @head after @entry
 * @list: an empty list (or one whose entries may be forgotten)
 * @head: the list to split
 * @entry: an entry of @head, or @head itself to cut nothing
 *
 *	before:  head: a b c d    (entry == b)
 *	after:   list: a b        head: c d
 */
static inline void list_cut_position(struct list_head *list,
				     struct list_head *head,
				     struct list_head *entry)
{
	if (list_empty(head))
		return;
	if (list_is_singular(head) && head->next != entry && head != entry)
		return;
	if (entry == head)
		INIT_LIST_HEAD(list);
	else
		__list_cut_position(list, head, entry);
}

/**
 * list_cut_before - split @head before @entry
 * @list: an empty list (or one whose entries may be forgotten)
 * @head: the list to split
 * @entry: an entry of @head; the entries before it go to @list
 *
 *	before:  head: a b c d    (entry == c)
 *	after:   list: a b        head: c d
 */
static inline void list_cut_before(struct list_head *list,
				   struct list_head *head,
				   struct list_head *entry)
{
	if (head->next == entry) {
		INIT_LIST_HEAD(list);
		return;
	}
	list->next = head->next;
	list->next->prev = list;
	list->prev = entry->prev;
	list->prev->next = list;
	head->next = entry;
	entry->prev = head;
}

/* Link the entries of the non-empty @list between @prev and @next. */
static inline void __list_splice(const struct list_head *list,
				 struct list_head *prev, struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}

/**
 * list_splice - insert all of @list at the front of @head
 * @list: the entries to add; @list itself is left stale
 * @head: the list that receives them
 */
static inline void list_splice(const struct list_head *list,
			       struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head, head->next);
}

/**
 * list_splice_tail - insert all of @list at the tail of @head
 * @list: the entries to add; @list itself is left stale
 * @head: the list that receives them
 */
static inline void list_splice_tail(struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head->prev, head);
}

/**
 * list_splice_init - list_splice(), then make @list empty
 * @list: the entries to add
 * @head: the list that receives them
 */
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

/**
 * list_splice_tail_init - list_splice_tail(), then make @list empty
 * @list: the entries to add
 * @head: the list that receives them
 */
static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

/**
 * list_count_nodes - number of entries on @head
 * @head: the list
 *
 * Walks the whole list: O(n).
 */
static inline size_t list_count_nodes(struct list_head *head)
{
	struct list_head *pos;
	size_t count = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		count++;
	return count;
}

/* The structure of type @type whose member @member is at @ptr. */
#define list_entry(ptr, type, member) container_of(ptr, type, member)

/* First and last entries; the list must not be empty. */
#define list_first_entry(ptr, type, member) \
	list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)

/* First entry, or NULL when the list is empty. */
#define list_first_entry_or_null(ptr, type, member)                        \
	({                                                                 \
		struct list_head *__lfe_head = (ptr);                      \
		struct list_head *__lfe_pos = READ_ONCE(__lfe_head->next); \
		__lfe_pos != __lfe_head ?                                  \
			list_entry(__lfe_pos, type, member) :              \
			NULL;                                              \
	})

/* The entries around @pos on its list (may be the head's container). */
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)

/* Whether the cursor @pos of an entry walk has come back to @head. */
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))

/* Walk the list_heads of @head; @pos must not be unlinked meanwhile. */
#define list_for_each(pos, head)                               \
	for ((pos) = (head)->next; !list_is_head(pos, (head)); \
	     (pos) = (pos)->next)

/* Resume a list_for_each() after @pos. */
#define list_for_each_continue(pos, head)                     \
	for ((pos) = (pos)->next; !list_is_head(pos, (head)); \
	     (pos) = (pos)->next)

#define list_for_each_prev(pos, head)                          \
	for ((pos) = (head)->prev; !list_is_head(pos, (head)); \
	     (pos) = (pos)->prev)

/* Walk that tolerates removal of @pos: @n already holds the next one. */
#define list_for_each_safe(pos, n, head)              \
	for ((pos) = (head)->next, (n) = (pos)->next; \
	     !list_is_head(pos, (head)); (pos) = (n), (n) = (pos)->next)

#define list_for_each_prev_safe(pos, n, head)         \
	for ((pos) = (head)->prev, (n) = (pos)->prev; \
	     !list_is_head(pos, (head)); (pos) = (n), (n) = (pos)->prev)

/* Walk the entries (containers) of @head through their @member. */
#define list_for_each_entry(pos, head, member)                           \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, (head), member);                   \
	     (pos) = list_next_entry(pos, member))

#define list_for_each_entry_reverse(pos, head, member)                  \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, (head), member);                  \
	     (pos) = list_prev_entry(pos, member))

/*
 * A starting point for list_for_each_entry_continue(): @pos itself if
 * set, else the head's container so that the walk starts at the front.
 */
#define list_prepare_entry(pos, head, member) \
	((pos) ?: list_entry(head, __typeof__(*(pos)), member))

/* Resume an entry walk after @pos. */
#define list_for_each_entry_continue(pos, head, member) \
	for ((pos) = list_next_entry(pos, member);      \
	     !list_entry_is_head(pos, (head), member);  \
	     (pos) = list_next_entry(pos, member))

#define list_for_each_entry_continue_reverse(pos, head, member) \
	for ((pos) = list_prev_entry(pos, member);              \
	     !list_entry_is_head(pos, (head), member);          \
	     (pos) = list_prev_entry(pos, member))

/* Resume an entry walk at @pos itself. */
#define list_for_each_entry_from(pos, head, member)      \
	for (; !list_entry_is_head(pos, (head), member); \
	     (pos) = list_next_entry(pos, member))

/* Entry walk that tolerates removal of @pos (@n is the next entry). */
#define list_for_each_entry_safe(pos, n, head, member)                   \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member), \
	    (n) = list_next_entry(pos, member);                          \
	     !list_entry_is_head(pos, (head), member);                   \
	     (pos) = (n), (n) = list_next_entry(n, member))

#define list_for_each_entry_safe_continue(pos, n, head, member) \
	for ((pos) = list_next_entry(pos, member),              \
	    (n) = list_next_entry(pos, member);                 \
	     !list_entry_is_head(pos, (head), member);          \
	     (pos) = (n), (n) = list_next_entry(n, member))

#define list_for_each_entry_safe_from(pos, n, head, member) \
	for ((n) = list_next_entry(pos, member);            \
	     !list_entry_is_head(pos, (head), member);      \
	     (pos) = (n), (n) = list_next_entry(n, member))

#define list_for_each_entry_safe_reverse(pos, n, head, member)          \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member), \
	    (n) = list_prev_entry(pos, member);                         \
	     !list_entry_is_head(pos, (head), member);                  \
	     (pos) = (n), (n) = list_prev_entry(n, member))

/*
 * After dropping the lock inside a _safe walk, @n may be stale: reload it
 * from @pos, which the caller has kept on the list.
 */
#define list_safe_reset_next(pos, n, member) \
	((n) = list_next_entry(pos, member))

/*
 * hlist: NULL-terminated lists with a one-pointer head.
 *
 *	head.first -> a -> b -> NULL
 *	a.pprev = &head.first, b.pprev = &a.next
 */

#define HLIST_HEAD_INIT       \
	{                     \
		.first = NULL \
	}
#define HLIST_HEAD(name) struct hlist_head name = HLIST_HEAD_INIT
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

/**
 * INIT_HLIST_NODE - mark @node as on no list
 * @node: the node
 */
static inline void INIT_HLIST_NODE(struct hlist_node *node)
{
	node->next = NULL;
	node->pprev = NULL;
}

/**
 * hlist_unhashed - whether @node is on no list
 * @node: the node
 *
 * True after INIT_HLIST_NODE() and hlist_del_init(), not after
 * hlist_del().
 */
static inline bool hlist_unhashed(const struct hlist_node *node)
{
	return !node->pprev;
}

/**
 * hlist_unhashed_lockless - hlist_unhashed() racing with list updates
 * @node: the node
 */
static inline bool hlist_unhashed_lockless(const struct hlist_node *node)
{
	return !READ_ONCE(node->pprev);
}

/**
 * hlist_empty - whether @head has no nodes
 * @head: the list
 */
static inline bool hlist_empty(const struct hlist_head *head)
{
	return !READ_ONCE(head->first);
}

/* Unlink @node, leaving its own pointers as they were. */
static inline void __hlist_del(struct hlist_node *node)
{
	struct hlist_node *next = node->next;
	struct hlist_node **pprev = node->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		WRITE_ONCE(next->pprev, pprev);
}

/**
 * hlist_del - unlink @node from its list and poison it
 * @node: a node that is on a list
 */
static inline void hlist_del(struct hlist_node *node)
{
	__hlist_del(node);
	node->next = LIST_POISON1;
	node->pprev = LIST_POISON2;
}

/**
 * hlist_del_init - unlink @node if it is on a list, and mark it unhashed
 * @node: the node; may already be unhashed
 */
static inline void hlist_del_init(struct hlist_node *node)
{
	if (!hlist_unhashed(node)) {
		__hlist_del(node);
		INIT_HLIST_NODE(node);
	}
}

/**
 * hlist_add_head - insert @node at the front of @head
 * @node: the node to insert
 * @head: the list
 */
static inline void hlist_add_head(struct hlist_node *node,
				  struct hlist_head *head)
{
	struct hlist_node *first = head->first;

	WRITE_ONCE(node->next, first);
	if (first)
		WRITE_ONCE(first->pprev, &node->next);
	WRITE_ONCE(head->first, node);
	WRITE_ONCE(node->pprev, &head->first);
}

/**
 * hlist_add_before - insert @node just before @next
 * @node: the node to insert
 * @next: a node on a list
 */
static inline void hlist_add_before(struct hlist_node *node,
				    struct hlist_node *next)
{
	WRITE_ONCE(node->pprev, next->pprev);
	WRITE_ONCE(node->next, next);
	WRITE_ONCE(next->pprev, &node->next);
	WRITE_ONCE(*node->pprev, node);
}

/**
 * hlist_add_behind - insert @node just after @prev
 * @node: the node to insert
 * @prev: a node on a list
 */
static inline void hlist_add_behind(struct hlist_node *node,
				    struct hlist_node *prev)
{
	WRITE_ONCE(node->next, prev->next);
	WRITE_ONCE(prev->next, node);
	WRITE_ONCE(node->pprev, &prev->next);
	if (node->next)
		WRITE_ONCE(node->next->pprev, &node->next);
}

/**
 * hlist_add_fake - make @node look hashed without putting it on a list
 * @node: the node
 *
 * Its pprev points at its own next, so hlist_del() on it is harmless.
 */
static inline void hlist_add_fake(struct hlist_node *node)
{
	node->pprev = &node->next;
}

/**
 * hlist_fake - whether @node was set up by hlist_add_fake()
 * @node: the node
 */
static inline bool hlist_fake(struct hlist_node *node)
{
	return node->pprev == &node->next;
}

/**
 * hlist_is_singular_node - whether @node is the only node of @head
 * @node: a node
 * @head: the list it might be on
 */
static inline bool hlist_is_singular_node(struct hlist_node *node,
					  struct hlist_head *head)
{
	return !node->next && node->pprev == &head->first;
}

/**
 * hlist_move_list - move every node of @old onto the empty @new
 * @old: the list to empty
 * @new: the list that receives the nodes; its old nodes are forgotten
 */
static inline void hlist_move_list(struct hlist_head *old,
				   struct hlist_head *new)
{
	new->first = old->first;
	if (new->first)
		new->first->pprev = &new->first;
	old->first = NULL;
}

/**
 * hlist_count_nodes - number of nodes on @head
 * @head: the list
 */
static inline size_t hlist_count_nodes(struct hlist_head *head)
{
	struct hlist_node *pos;
	size_t count = 0;

	for (pos = head->first; pos; pos = pos->next)
		count++;
	return count;
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)

/* hlist_entry(), but NULL in gives NULL out. */
#define hlist_entry_safe(ptr, type, member)                              \
	({                                                               \
		__typeof__(ptr) __hes_ptr = (ptr);                       \
		__hes_ptr ? hlist_entry(__hes_ptr, type, member) : NULL; \
	})

#define hlist_for_each(pos, head) \
	for ((pos) = (head)->first; (pos); (pos) = (pos)->next)

#define hlist_for_each_safe(pos, n, head)                      \
	for ((pos) = (head)->first; (pos) && ({                \
					    (n) = (pos)->next; \
					    1;                 \
				    });                        \
	     (pos) = (n))

#define hlist_for_each_entry(pos, head, member)                          \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), \
				      member);                           \
	     (pos); (pos) = hlist_entry_safe((pos)->member.next,         \
					     __typeof__(*(pos)), member))

/* Resume an hlist entry walk after @pos. */
#define hlist_for_each_entry_continue(pos, member)                            \
	for ((pos) = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), \
				      member);                                \
	     (pos); (pos) = hlist_entry_safe((pos)->member.next,              \
					     __typeof__(*(pos)), member))

/* Resume an hlist entry walk at @pos itself. */
#define hlist_for_each_entry_from(pos, member)                     \
	for (; (pos); (pos) = hlist_entry_safe((pos)->member.next, \
					       __typeof__(*(pos)), member))

/* Entry walk that tolerates removal of @pos; @n is a struct hlist_node *. */
#define hlist_for_each_entry_safe(pos, n, head, member)                  \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), \
				      member);                           \
	     (pos) && ({                                                 \
		     (n) = (pos)->member.next;                           \
		     1;                                                  \
	     });                                                         \
	     (pos) = hlist_entry_safe(n, __typeof__(*(pos)), member))

#endif /* _LINUX_LIST_H */
