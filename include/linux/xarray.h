#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

/*
 * A sparse array of pointers indexed by unsigned long (the page cache's
 * index -> page map, seed 004's radix tree).  Each level of the tree
 * resolves XA_CHUNK_SHIFT bits of the index; the tree is only as tall as
 * the largest index needs, so a small file costs one node or none
 * (index 0 alone lives in xa_head).
 *
 * Entries are kernel pointers aligned to at least 4 bytes; NULL means
 * "absent".  The xarray does no locking of its own: the owner serialises
 * changes (the page cache uses mapping->i_lock) and readers that race
 * with changes hold the same lock.
 */
#include <linux/types.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>

#define XA_CHUNK_SHIFT 6
#define XA_CHUNK_SIZE (1UL << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK (XA_CHUNK_SIZE - 1)

struct xa_node {
	unsigned char shift; /* bits of the index below this level */
	unsigned char offset; /* slot in the parent */
	unsigned char count; /* non-NULL slots */
	struct xa_node *parent;
	void *slots[XA_CHUNK_SIZE];
};

struct xarray {
	void *xa_head; /* an entry (index 0 only) or a tagged node */
};

#define XARRAY_INIT(name)       \
	{                       \
		.xa_head = NULL \
	}

static inline void xa_init(struct xarray *xa)
{
	xa->xa_head = NULL;
}

static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}

/* Errors come back as ERR_PTR values, never valid entries. */
static inline bool xa_is_err(const void *entry)
{
	return IS_ERR(entry);
}

static inline int xa_err(const void *entry)
{
	return IS_ERR(entry) ? (int)PTR_ERR(entry) : 0;
}

void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max);
void *xa_find_after(struct xarray *xa, unsigned long *indexp,
		    unsigned long max);
void xa_destroy(struct xarray *xa);

/* Every present entry in index order; @entry is NULL after the end. */
#define xa_for_each(xa, index, entry)                             \
	for (index = 0, entry = xa_find(xa, &index, ~0UL); entry; \
	     entry = xa_find_after(xa, &index, ~0UL))

#endif /* _LINUX_XARRAY_H */
