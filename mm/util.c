/*
 * Helpers shared by mm/ and its users.  kvmalloc() and friends pick the
 * allocator by size (seed 002): kmalloc() for what fits in physically
 * contiguous memory without effort, vmalloc() for the rest.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

/*
 * The flags for the kmalloc() attempt.  Above a page, contiguous memory
 * may be missing while plenty of pages are free; failing there is fine,
 * vmalloc() follows, so no warning and no hard reclaim for it.
 */
static gfp_t kvmalloc_kmalloc_flags(size_t size, gfp_t flags)
{
	if (size <= PAGE_SIZE)
		return flags;
	flags |= __GFP_NOWARN;
	if (!(flags & __GFP_RETRY_MAYFAIL))
		flags |= __GFP_NORETRY;
	return flags;
}

/**
 * kvmalloc - allocate memory, physically contiguous if that is easy
 * @size: bytes wanted
 * @flags: GFP flags; vmalloc() is only tried when they allow sleeping
 *
 * Tries kmalloc() first; above PAGE_SIZE, falls back to vmalloc().
 * Free the result with kvfree().  May sleep if @flags allow it.
 *
 * Return: the memory, or NULL.
 */
void *kvmalloc(size_t size, gfp_t flags)
{
	void *p;

	if (size > INT_MAX) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	if (size <= KMALLOC_MAX_SIZE) {
		p = kmalloc(size, kvmalloc_kmalloc_flags(size, flags));
		if (p || size <= PAGE_SIZE)
			return p;
	}
	/* vmalloc() extends the page tables with GFP_KERNEL: it sleeps. */
	if (!gfpflags_allow_blocking(flags))
		return NULL;
	return __vmalloc(size, flags);
}

/**
 * kvzalloc - kvmalloc() zeroed
 * @size: bytes wanted
 * @flags: GFP flags
 *
 * Return: the memory, zeroed, or NULL.
 */
void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

/**
 * kvcalloc - kvzalloc() of an array
 * @n: number of elements
 * @size: bytes per element
 * @flags: GFP flags
 *
 * Return: the zeroed array, or NULL (also when @n * @size overflows).
 */
void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc(bytes, flags | __GFP_ZERO);
}

/**
 * kvfree - free memory from kvmalloc(), kmalloc() or vmalloc()
 * @addr: the memory; NULL does nothing
 *
 * Whoever allocated it, the address says which allocator to give it
 * back to.  May sleep when @addr is vmalloc memory.
 */
void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}

/**
 * kstrdup - a kmalloc()ed copy of a string
 * @s: the string, or NULL (then NULL is returned)
 * @gfp: GFP flags
 *
 * Return: the copy, or NULL without memory.
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

/**
 * kstrndup - kstrdup() of at most @max bytes (plus the NUL)
 */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

/**
 * kmemdup - a kmalloc()ed copy of @len bytes at @src
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

/**
 * kasprintf - format into a kmalloc'd string.
 * @gfp: allocation flags
 * @fmt: printf format
 *
 * Returns the string (free with kfree) or NULL without memory.
 */
char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *buf;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf = kmalloc(len + 1, gfp);
	if (!buf)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(buf, len + 1, fmt, ap);
	va_end(ap);
	return buf;
}
