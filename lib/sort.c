/*
 * In-place heapsort: O(n log n) comparisons in the worst case, no
 * recursion, no allocation, constant stack, so it is safe from any
 * context with any input.  It is not stable: equal elements may come out
 * in any order.
 *
 * The array is first arranged as a binary max-heap (the element at i is
 * no smaller than those at 2i+1 and 2i+2); then the maximum at the root
 * is swapped to the end, the heap shrinks by one, and the new root sinks
 * to its place, until the heap is empty.
 */

#include <linux/sort.h>
#include <linux/types.h>
#include <linux/kernel.h>

/* The comparison and swap a sort runs with, with or without @priv. */
struct sort_ops {
	cmp_r_func_t cmp_r_fn;
	cmp_func_t cmp_fn;
	swap_r_func_t swap_r_fn;
	swap_func_t swap_fn;
	const void *priv;
	size_t size;
	int swap_kind;
};

enum {
	SWAP_BYTES,
	SWAP_WORDS_32,
	SWAP_WORDS_64,
	SWAP_CALLBACK,
};

/*
 * The widest word that tiles both the element size and the base address,
 * so the default swap moves 8 bytes at a time whenever it can.
 */
static int default_swap_kind(const void *base, size_t size)
{
	unsigned long bits = (unsigned long)base | size;

	if (!(bits & 7))
		return SWAP_WORDS_64;
	if (!(bits & 3))
		return SWAP_WORDS_32;
	return SWAP_BYTES;
}

static void swap_words_64(void *a, void *b, size_t n)
{
	u64 *p = a, *q = b, t;

	for (n /= 8; n; n--, p++, q++) {
		t = *p;
		*p = *q;
		*q = t;
	}
}

static void swap_words_32(void *a, void *b, size_t n)
{
	u32 *p = a, *q = b, t;

	for (n /= 4; n; n--, p++, q++) {
		t = *p;
		*p = *q;
		*q = t;
	}
}

static void swap_bytes(void *a, void *b, size_t n)
{
	u8 *p = a, *q = b, t;

	for (; n; n--, p++, q++) {
		t = *p;
		*p = *q;
		*q = t;
	}
}

static void do_swap(const struct sort_ops *ops, void *a, void *b)
{
	switch (ops->swap_kind) {
	case SWAP_WORDS_64:
		swap_words_64(a, b, ops->size);
		break;
	case SWAP_WORDS_32:
		swap_words_32(a, b, ops->size);
		break;
	case SWAP_BYTES:
		swap_bytes(a, b, ops->size);
		break;
	default:
		if (ops->swap_r_fn)
			ops->swap_r_fn(a, b, (int)ops->size, ops->priv);
		else
			ops->swap_fn(a, b, (int)ops->size);
		break;
	}
}

static int do_cmp(const struct sort_ops *ops, const void *a, const void *b)
{
	if (ops->cmp_r_fn)
		return ops->cmp_r_fn(a, b, ops->priv);
	return ops->cmp_fn(a, b);
}

/*
 * Sink the element at index @i of the heap base[0..n) until both its
 * children are no larger than it.
 */
static void sift_down(char *base, size_t i, size_t n,
		      const struct sort_ops *ops)
{
	size_t size = ops->size, child;

	for (;;) {
		child = 2 * i + 1;
		if (child >= n)
			return;
		/* Of two children, the larger one may move up. */
		if (child + 1 < n && do_cmp(ops, base + child * size,
					    base + (child + 1) * size) < 0)
			child++;
		if (do_cmp(ops, base + i * size, base + child * size) >= 0)
			return;
		do_swap(ops, base + i * size, base + child * size);
		i = child;
	}
}

static void do_heapsort(char *base, size_t num, const struct sort_ops *ops)
{
	size_t i, n;

	if (num < 2)
		return;
	/* Leaves are heaps already; fix every inner node, bottom up. */
	for (i = num / 2; i-- > 0;)
		sift_down(base, i, num, ops);
	for (n = num - 1; n > 0; n--) {
		do_swap(ops, base, base + n * ops->size);
		sift_down(base, 0, n, ops);
	}
}

/**
 * sort_r - sort an array in place, passing @priv to the callbacks
 * @base: first element
 * @num: number of elements
 * @size: size of one element in bytes
 * @cmp_func: comparison, called with pointers into the array and @priv
 * @swap_func: exchanges two elements, or NULL for a plain byte swap
 * @priv: handed unchanged to @cmp_func and @swap_func
 *
 * Heapsort: at most about 2n log2(n) comparisons, no allocation, no
 * recursion.  Not stable.  May be called in any context as long as the
 * callbacks may; it does not sleep by itself.
 */
void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func, const void *priv)
{
	struct sort_ops ops = {
		.cmp_r_fn = cmp_func,
		.swap_r_fn = swap_func,
		.priv = priv,
		.size = size,
	};

	ops.swap_kind = swap_func ? SWAP_CALLBACK :
				    default_swap_kind(base, size);
	do_heapsort(base, num, &ops);
}

/**
 * sort - sort an array in place
 * @base: first element
 * @num: number of elements
 * @size: size of one element in bytes
 * @cmp_func: comparison: negative, 0 or positive as its first argument
 *	sorts before, with or after its second
 * @swap_func: exchanges two elements (e.g. to fix up pointers into
 *	them), or NULL for a plain byte swap
 *
 * As sort_r() without the private pointer.
 */
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct sort_ops ops = {
		.cmp_fn = cmp_func,
		.swap_fn = swap_func,
		.size = size,
	};

	ops.swap_kind = swap_func ? SWAP_CALLBACK :
				    default_swap_kind(base, size);
	do_heapsort(base, num, &ops);
}
