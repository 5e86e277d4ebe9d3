/*
 * What every slab allocator shares (seeds 000, 001): the list of caches,
 * kmem_cache_create()/kmem_cache_destroy(), kmalloc() on a set of size
 * classes, and /proc/slabinfo.
 *
 * kmalloc(size) takes the smallest class that fits: kmalloc-8 .. -8k in
 * powers of two plus kmalloc-96 and kmalloc-192, as Linux has them; with
 * __GFP_DMA the dma-kmalloc-N caches (powers of two only).  Blocks above
 * KMALLOC_MAX_CACHE_SIZE come straight from the page allocator as one
 * compound page, which kfree() tells from a slab by its missing PG_slab.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#include "slab.h"

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock);

enum kmalloc_cache_type { KMALLOC_NORMAL, KMALLOC_DMA, NR_KMALLOC_TYPES };

/*
 * Indexed by kmalloc_index(): i holds objects of 2^i bytes, except 1
 * and 2, which hold the 96- and 192-byte classes.
 */
static struct kmem_cache
	*kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

static const struct {
	const char *name[NR_KMALLOC_TYPES];
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { { "kmalloc-96", NULL }, 96 },
	[2] = { { "kmalloc-192", NULL }, 192 },
	[3] = { { "kmalloc-8", "dma-kmalloc-8" }, 8 },
	[4] = { { "kmalloc-16", "dma-kmalloc-16" }, 16 },
	[5] = { { "kmalloc-32", "dma-kmalloc-32" }, 32 },
	[6] = { { "kmalloc-64", "dma-kmalloc-64" }, 64 },
	[7] = { { "kmalloc-128", "dma-kmalloc-128" }, 128 },
	[8] = { { "kmalloc-256", "dma-kmalloc-256" }, 256 },
	[9] = { { "kmalloc-512", "dma-kmalloc-512" }, 512 },
	[10] = { { "kmalloc-1k", "dma-kmalloc-1k" }, 1024 },
	[11] = { { "kmalloc-2k", "dma-kmalloc-2k" }, 2048 },
	[12] = { { "kmalloc-4k", "dma-kmalloc-4k" }, 4096 },
	[13] = { { "kmalloc-8k", "dma-kmalloc-8k" }, 8192 },
};

/* kmalloc_index() of sizes 1..192, by (size - 1) / 8. */
static const u8 size_index[24] = {
	3, /* 1..8 */
	4, /* 9..16 */
	5, 5, /* 17..32 */
	6, 6, 6, 6, /* 33..64 */
	1, 1, 1, 1, /* 65..96 */
	7, 7, 7, 7, /* 97..128 */
	2, 2, 2, 2, 2, 2, 2, 2 /* 129..192 */
};

/* The kmalloc_caches[] slot of a size in 1..KMALLOC_MAX_CACHE_SIZE. */
static unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	return ilog2(size - 1) + 1;
}

/**
 * calculate_alignment - the alignment a cache's objects get.
 * @flags: SLAB_* flags
 * @align: what the creator asked for (0: none)
 * @size: the object size
 *
 * SLAB_HWCACHE_ALIGN aligns to a cache line, but a small object only to
 * the smallest power-of-two fraction of a line that holds it, so that
 * two such objects still share a line.  At least word alignment.
 */
unsigned int calculate_alignment(unsigned int flags, unsigned int align,
				 unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = SLUB_CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_KMALLOC_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

static int kmem_cache_sanity_check(const char *name, unsigned int size,
				   unsigned int align, unsigned int flags)
{
	if (WARN_ON(slab_state < UP))
		return -EINVAL;
	if (!name || !size || size > KMALLOC_MAX_SIZE)
		return -EINVAL;
	if (align & (align - 1))
		return -EINVAL;
	if (flags & ~SLAB_CREATE_MASK)
		return -EINVAL;
	return 0;
}

/**
 * kmem_cache_create - make a cache of objects of one size.
 * @name: shown in /proc/slabinfo and reports; must outlive the cache
 * @size: object size, 1..KMALLOC_MAX_SIZE
 * @align: object alignment: 0 or a power of two
 * @flags: SLAB_* flags (see <linux/slab.h>)
 * @ctor: run on every object when its slab is made, or NULL; objects
 *	must be given back in their constructed state
 *
 * Process context.  Returns the cache, or NULL on failure (a panic with
 * SLAB_PANIC).  Unlike Linux, caches of equal size are never merged.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	int err;

	err = kmem_cache_sanity_check(name, size, align, flags);
	if (err)
		goto out;
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	err = __kmem_cache_create(s, name, size, align, flags | slub_debug,
				  ctor);
	if (err)
		goto err_free_cache;
	spin_lock(&slab_caches_lock);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
	return s;

err_free_cache:
	kmem_cache_free(kmem_cache, s);
out:
	if (flags & SLAB_PANIC)
		panic("%s: Failed to create slab '%s'. Error %d\n", __func__,
		      name, err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n", name, err);
	dump_stack();
	return NULL;
}

/**
 * kmem_cache_destroy - free a cache and all its slabs.
 * @s: the cache, or NULL
 *
 * Process context; nobody may use @s any more.  If objects of @s are
 * still handed out, it warns and leaves the cache in place with them
 * (so they can still be freed, and the cache destroyed after that).
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	int err;

	if (!s)
		return;
	spin_lock(&slab_caches_lock);
	err = __kmem_cache_shutdown(s);
	if (!err)
		list_del(&s->list);
	spin_unlock(&slab_caches_lock);
	if (WARN(err,
		 "kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		 s->name, __builtin_return_address(0)))
		return;
	kmem_cache_free(kmem_cache, s);
}

/* ---- kmalloc ---- */

/**
 * kmalloc_slab - the cache kmalloc() takes @size bytes from.
 * @size: 0..KMALLOC_MAX_CACHE_SIZE
 * @flags: GFP flags; __GFP_DMA picks the DMA caches
 *
 * Returns ZERO_SIZE_PTR for 0.
 */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	enum kmalloc_cache_type type = KMALLOC_NORMAL;

	if (!size)
		return ZERO_SIZE_PTR;
	if (unlikely(flags & __GFP_DMA))
		type = KMALLOC_DMA;
	return kmalloc_caches[type][kmalloc_index(size)];
}

static void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order;
	struct page *page;
	void *p;

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN(!(flags & __GFP_NOWARN),
		     "kmalloc: %zu bytes is over KMALLOC_MAX_SIZE\n", size);
		return NULL;
	}
	order = order_base_2(DIV_ROUND_UP(size, PAGE_SIZE));
	page = alloc_pages((flags & ~__GFP_ZERO) | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, 1L << order);
	atomic_long_add(1L << order, &slab_pages);
	p = page_address(page);
	if (flags & __GFP_ZERO)
		memset(p, 0, PAGE_SIZE << order);
	return p;
}

/* kfree() of a block that kmalloc_large() made: one compound page. */
static void free_large_kmalloc(struct page *page, const void *x)
{
	unsigned int order = compound_order(page);

	if (WARN(!PageHead(page) || x != page_address(page),
		 "kfree: %p is neither a slab object nor a large kmalloc block\n",
		 x)) {
		WRITE_ONCE(slab_errors, slab_errors + 1);
		return;
	}
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, -(1L << order));
	atomic_long_sub(1L << order, &slab_pages);
	__free_pages(page, order);
}

/**
 * __kmalloc - allocate @size bytes of kernel memory (what kmalloc() calls).
 * @size: bytes wanted
 * @flags: GFP_* flags; __GFP_ZERO clears the block, __GFP_DMA takes it
 *	from ZONE_DMA
 *
 * Any context with a fitting @flags.  Returns memory aligned to
 * ARCH_KMALLOC_MINALIGN (a power-of-two size is aligned to itself up to
 * PAGE_SIZE), ZERO_SIZE_PTR for 0 bytes, or NULL.
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	s = kmalloc_slab(size, flags);
	if (unlikely(ZERO_OR_NULL_PTR(s)))
		return s;
	return kmem_cache_alloc(s, flags);
}

/**
 * kfree - free memory kmalloc() (or kmem_cache_alloc()) gave.
 * @x: the block; NULL and ZERO_SIZE_PTR do nothing
 *
 * Any context.  Bad pointers are reported and ignored.
 */
void kfree(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	if (WARN(!slab_addr_valid(x), "kfree: %p is not kmalloc memory\n", x)) {
		WRITE_ONCE(slab_errors, slab_errors + 1);
		return;
	}
	page = compound_head(virt_to_page(x));
	if (unlikely(!PageSlab(page))) {
		free_large_kmalloc(page, x);
		return;
	}
	kmem_cache_free(page->slab_cache, (void *)x);
}

/**
 * ksize - how many bytes of a kmalloc() block may be used.
 * @x: the block
 *
 * Any context.  That is the size class (or the pages, for a large
 * block), at least what was asked for; 0 for NULL or ZERO_SIZE_PTR.
 */
size_t ksize(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return 0;
	if (WARN(!slab_addr_valid(x), "ksize: %p is not kmalloc memory\n", x))
		return 0;
	page = compound_head(virt_to_page(x));
	if (unlikely(!PageSlab(page)))
		return PAGE_SIZE << compound_order(page);
	return page->slab_cache->object_size;
}

/**
 * krealloc - resize a kmalloc() block, keeping its contents.
 * @p: the block; NULL (or ZERO_SIZE_PTR) makes it a kmalloc()
 * @new_size: bytes wanted; 0 frees @p and returns ZERO_SIZE_PTR
 * @flags: GFP_* flags for a new block
 *
 * Any context with a fitting @flags.  A block that is big enough is
 * returned as it is; otherwise the contents move to a new block and @p
 * is freed.  Returns NULL, with @p untouched, if that fails.  As in
 * Linux, __GFP_ZERO only clears what no earlier call held.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	ks = ksize(p);
	if (ks >= new_size)
		return (void *)p;
	ret = kmalloc(new_size, flags);
	if (ret && ks) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}

static struct kmem_cache *__init create_kmalloc_cache(const char *name,
						      unsigned int size,
						      unsigned int flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);
	unsigned int align = ARCH_KMALLOC_MINALIGN;

	/* Linux's promise: power-of-two blocks are naturally aligned. */
	if (is_power_of_2(size))
		align = max(align, size);
	if (!s ||
	    __kmem_cache_create(s, name, size, align, flags | slub_debug, NULL))
		panic("Out of memory when creating slab %s\n", name);
	list_add_tail(&s->list, &slab_caches);
	return s;
}

static void __init new_kmalloc_cache(unsigned int idx)
{
	kmalloc_caches[KMALLOC_NORMAL][idx] =
		create_kmalloc_cache(kmalloc_info[idx].name[KMALLOC_NORMAL],
				     kmalloc_info[idx].size, 0);
	if (kmalloc_info[idx].name[KMALLOC_DMA])
		kmalloc_caches[KMALLOC_DMA][idx] = create_kmalloc_cache(
			kmalloc_info[idx].name[KMALLOC_DMA],
			kmalloc_info[idx].size, SLAB_CACHE_DMA);
}

/**
 * create_kmalloc_caches - make the kmalloc size classes.
 *
 * Boot, from kmem_cache_init() once kmem_cache works.  DMA requests of
 * 96 and 192 bytes go to dma-kmalloc-128 and dma-kmalloc-256.
 */
void __init create_kmalloc_caches(void)
{
	unsigned int i;

	for (i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		new_kmalloc_cache(i);
		if (i == 6)
			new_kmalloc_cache(1);
		if (i == 7)
			new_kmalloc_cache(2);
	}
	kmalloc_caches[KMALLOC_DMA][1] = kmalloc_caches[KMALLOC_DMA][7];
	kmalloc_caches[KMALLOC_DMA][2] = kmalloc_caches[KMALLOC_DMA][8];
}

/* ---- Figures ---- */

/**
 * slab_pages_total - pages the slab allocator holds.
 *
 * Any context.  Slabs of every cache plus large kmalloc() blocks, which
 * is what Linux's meminfo "Slab:" counts too.
 */
unsigned long slab_pages_total(void)
{
	long pages = atomic_long_read(&slab_pages);

	return pages > 0 ? pages : 0;
}

/**
 * kmem_cache_shrink_all - give every cache's empty slabs back.
 *
 * Process context.  For leak checks, which compare free page counts.
 */
void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock(&slab_caches_lock);
}

/**
 * slab_objects_total - objects handed out by all caches, not yet freed.
 *
 * Process context (takes slab_caches_lock).  Compare two readings around
 * a piece of code to find leaks; large kmalloc() blocks do not count.
 */
unsigned long slab_objects_total(void)
{
	struct kmem_cache *s;
	long total = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		total += kmem_cache_live_objects(s);
	spin_unlock(&slab_caches_lock);
	return total > 0 ? total : 0;
}

static void cache_show(struct seq_file *m, struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, sinfo.active_objs,
		   sinfo.num_objs, s->size, sinfo.objects_per_slab,
		   1 << sinfo.cache_order);
	seq_printf(m, " : tunables %4u %4u %4u", 0, 0, 0);
	seq_printf(m, " : slabdata %6lu %6lu %6lu\n", sinfo.active_slabs,
		   sinfo.num_slabs, 0UL);
}

/**
 * slabinfo_show - write /proc/slabinfo.
 * @m: where
 * @v: unused
 *
 * Process context.  Linux's format 2.1: a line per cache; SLUB has no
 * tunables, so those columns are 0.  Returns 0.
 */
int slabinfo_show(struct seq_file *m, void *v)
{
	struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(
		m,
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
	seq_puts(m, " : tunables <limit> <batchcount> <sharedfactor>");
	seq_puts(m, " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		cache_show(m, s);
	spin_unlock(&slab_caches_lock);
	return 0;
}
