/*
 * A radix tree of pointers keyed by unsigned long (linux/xarray.h).
 *
 * xa_head holds NULL, the single entry at index 0, or a node pointer
 * tagged with bit 1.  A node with shift s splits its range into 64
 * slots of 2^s indices each; leaf nodes (shift 0) hold the entries, the
 * others hold tagged child nodes.  The tree grows at the top when an
 * index does not fit under the root, and shrinks back when the root is
 * left with only its slot 0:
 *
 *	index 0x1042 in a two-level tree:
 *	  root (shift 6): slot 0x41 --> leaf (shift 0): slot 0x02 --> entry
 */
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#define XA_NODE_TAG 2UL

static bool xa_is_node(const void *entry)
{
	return ((unsigned long)entry & 3) == XA_NODE_TAG;
}

static struct xa_node *xa_to_node(const void *entry)
{
	return (struct xa_node *)((unsigned long)entry - XA_NODE_TAG);
}

static void *xa_mk_node(const struct xa_node *node)
{
	return (void *)((unsigned long)node | XA_NODE_TAG);
}

/* The indices a node with @shift spans, minus one (saturating at ~0). */
static unsigned long xa_node_mask(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ~0UL;
	return (1UL << (shift + XA_CHUNK_SHIFT)) - 1;
}

static bool xa_fits(unsigned int shift, unsigned long index)
{
	return (index & ~xa_node_mask(shift)) == 0;
}

static unsigned int xa_offset(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

static struct xa_node *xa_node_alloc(struct xa_node *parent,
				     unsigned int offset, unsigned int shift,
				     gfp_t gfp)
{
	struct xa_node *node = kzalloc(sizeof(*node), gfp);

	if (!node)
		return NULL;
	node->shift = shift;
	node->parent = parent;
	node->offset = offset;
	return node;
}

/**
 * xa_load - the entry at @index, or NULL.
 * @xa: the array
 * @index: where
 *
 * Caller serialises against changes.
 */
void *xa_load(struct xarray *xa, unsigned long index)
{
	void *entry = xa->xa_head;
	struct xa_node *node;

	if (!xa_is_node(entry))
		return index == 0 ? entry : NULL;
	node = xa_to_node(entry);
	if (!xa_fits(node->shift, index))
		return NULL;
	for (;;) {
		entry = node->slots[xa_offset(node, index)];
		if (node->shift == 0 || !entry)
			return entry;
		node = xa_to_node(entry);
	}
}

/* Free empty nodes from @node upwards, then lower the root if it can. */
static void xa_shrink(struct xarray *xa, struct xa_node *node)
{
	while (node && node->count == 0) {
		struct xa_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
		} else {
			xa->xa_head = NULL;
		}
		kfree(node);
		node = parent;
	}
	while (xa_is_node(xa->xa_head)) {
		struct xa_node *root = xa_to_node(xa->xa_head);
		void *first = root->slots[0];

		if (root->count != 1 || !first)
			break;
		if (root->shift == 0) {
			xa->xa_head = first;
		} else {
			xa_to_node(first)->parent = NULL;
			xa->xa_head = first;
		}
		kfree(root);
	}
}

/* Make the root tall enough for @index.  0 or -ENOMEM. */
static int xa_grow(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	struct xa_node *root;

	if (!xa_is_node(xa->xa_head)) {
		void *entry = xa->xa_head;

		root = xa_node_alloc(NULL, 0, 0, gfp);
		if (!root)
			return -ENOMEM;
		if (entry) {
			root->slots[0] = entry;
			root->count = 1;
		}
		xa->xa_head = xa_mk_node(root);
	}
	root = xa_to_node(xa->xa_head);
	while (!xa_fits(root->shift, index)) {
		struct xa_node *top;

		top = xa_node_alloc(NULL, 0, root->shift + XA_CHUNK_SHIFT, gfp);
		if (!top)
			return -ENOMEM;
		if (root->count) {
			top->slots[0] = xa_mk_node(root);
			top->count = 1;
			root->parent = top;
			root->offset = 0;
		} else {
			kfree(root);
		}
		xa->xa_head = xa_mk_node(top);
		root = top;
	}
	return 0;
}

/**
 * xa_store - put @entry at @index.
 * @xa: the array
 * @index: where
 * @entry: a pointer aligned to 4 bytes; NULL erases
 * @gfp: for new nodes
 *
 * Caller serialises.  May sleep only if @gfp allows.  Returns the entry
 * that was there (or NULL), or ERR_PTR(-ENOMEM) with the array unchanged.
 */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *node;
	void *old;

	if (!entry)
		return xa_erase(xa, index);
	if (WARN_ON_ONCE((unsigned long)entry & 3))
		return ERR_PTR(-EINVAL);
	if (index == 0 && !xa_is_node(xa->xa_head)) {
		old = xa->xa_head;
		xa->xa_head = entry;
		return old;
	}
	if (xa_grow(xa, index, gfp))
		goto nomem;
	node = xa_to_node(xa->xa_head);
	while (node->shift) {
		unsigned int off = xa_offset(node, index);
		struct xa_node *child;

		if (!node->slots[off]) {
			child = xa_node_alloc(
				node, off, node->shift - XA_CHUNK_SHIFT, gfp);
			if (!child) {
				xa_shrink(xa, node);
				goto nomem;
			}
			node->slots[off] = xa_mk_node(child);
			node->count++;
		}
		node = xa_to_node(node->slots[off]);
	}
	old = node->slots[xa_offset(node, index)];
	node->slots[xa_offset(node, index)] = entry;
	if (!old)
		node->count++;
	return old;
nomem:
	xa_shrink(xa, NULL);
	return ERR_PTR(-ENOMEM);
}

/**
 * xa_erase - remove the entry at @index.
 * @xa: the array
 * @index: where
 *
 * Caller serialises.  Frees nodes left empty.  Returns the old entry.
 */
void *xa_erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *node;
	void *old;

	if (!xa_is_node(xa->xa_head)) {
		if (index != 0)
			return NULL;
		old = xa->xa_head;
		xa->xa_head = NULL;
		return old;
	}
	node = xa_to_node(xa->xa_head);
	if (!xa_fits(node->shift, index))
		return NULL;
	while (node->shift) {
		void *child = node->slots[xa_offset(node, index)];

		if (!child)
			return NULL;
		node = xa_to_node(child);
	}
	old = node->slots[xa_offset(node, index)];
	if (!old)
		return NULL;
	node->slots[xa_offset(node, index)] = NULL;
	node->count--;
	xa_shrink(xa, node);
	return old;
}

/**
 * xa_find - the first entry at an index in [*@indexp, @max].
 * @xa: the array
 * @indexp: in: where to start; out: the index of the entry found
 * @max: last index to consider
 *
 * Caller serialises.  Returns the entry, or NULL (*@indexp undefined).
 */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max)
{
	unsigned long index = *indexp;
	struct xa_node *node;

	if (index > max)
		return NULL;
	if (!xa_is_node(xa->xa_head)) {
		if (index != 0 || !xa->xa_head)
			return NULL;
		return xa->xa_head;
	}
	node = xa_to_node(xa->xa_head);
	if (!xa_fits(node->shift, index))
		return NULL;
	for (;;) {
		unsigned long base = index & ~xa_node_mask(node->shift);
		unsigned int off = xa_offset(node, index);

		while (off < XA_CHUNK_SIZE && !node->slots[off])
			off++;
		if (off < XA_CHUNK_SIZE) {
			unsigned long start =
				base + ((unsigned long)off << node->shift);

			if (start > index)
				index = start;
			if (index > max)
				return NULL;
			if (node->shift == 0) {
				*indexp = index;
				return node->slots[off];
			}
			node = xa_to_node(node->slots[off]);
			continue;
		}
		/* Nothing left here: on to the parent's next slot. */
		if (!node->parent)
			return NULL;
		index = base + xa_node_mask(node->shift) + 1;
		if (index == 0 || index > max)
			return NULL;
		node = node->parent;
	}
}

/**
 * xa_find_after - like xa_find() but starting after *@indexp.
 * @xa: the array
 * @indexp: in: the last index seen; out: the index of the entry found
 * @max: last index to consider
 */
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max)
{
	if (*indexp == ~0UL)
		return NULL;
	(*indexp)++;
	return xa_find(xa, indexp, max);
}

static void xa_free_node(struct xa_node *node)
{
	unsigned int i;

	if (node->shift)
		for (i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				xa_free_node(xa_to_node(node->slots[i]));
	kfree(node);
}

/**
 * xa_destroy - free every node; the entries themselves are the caller's.
 * @xa: the array, empty afterwards
 */
void xa_destroy(struct xarray *xa)
{
	if (xa_is_node(xa->xa_head))
		xa_free_node(xa_to_node(xa->xa_head));
	xa->xa_head = NULL;
}
