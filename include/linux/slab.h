#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>

/*
 * The slab allocator (seeds 000, 001): caches of equal-sized objects
 * carved out of pages, and kmalloc() on top of a set of size classes.
 * Linnet's is SLUB-like (mm/slub.c).
 */

/* kmem_cache_create() flags (Linux's values). */
#define SLAB_CONSISTENCY_CHECKS 0x00000100u /* check freelists */
#define SLAB_RED_ZONE 0x00000400u /* guard bytes around objects */
#define SLAB_POISON 0x00000800u /* fill free objects, check on alloc */
#define SLAB_HWCACHE_ALIGN 0x00002000u /* align to cache lines */
#define SLAB_CACHE_DMA 0x00004000u /* objects from ZONE_DMA */
#define SLAB_CACHE_DMA32 0x00008000u
#define SLAB_STORE_USER 0x00010000u
#define SLAB_PANIC 0x00040000u /* panic if creation fails */
#define SLAB_TYPESAFE_BY_RCU 0x00080000u
#define SLAB_ACCOUNT 0x04000000u
#define SLAB_RECLAIM_ACCOUNT 0x00020000u

/* Poison bytes (Linux's): free object, last byte, red zone. */
#define POISON_INUSE 0x5a
#define POISON_FREE 0x6b
#define POISON_END 0xa5
#define SLUB_RED_INACTIVE 0xbb
#define SLUB_RED_ACTIVE 0xcc

#define ARCH_KMALLOC_MINALIGN 8
#define KMALLOC_MIN_SIZE 8
#define KMALLOC_SHIFT_LOW 3
#define KMALLOC_SHIFT_HIGH 13 /* 8 KiB; larger goes to the page allocator */
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE (1UL << (MAX_ORDER - 1 + PAGE_SHIFT))

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);

void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

static inline void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* Boot: set up the caches of caches and the kmalloc caches. */
void kmem_cache_init(void);

/* /proc/slabinfo is slabinfo_show() in <linux/vmstat.h>. */

/* Pages held by slab caches, for meminfo's "Slab:" line. */
unsigned long slab_pages_total(void);
/* Live objects across every cache, for leak checks. */
unsigned long slab_objects_total(void);
void kmem_cache_shrink_all(void);

#endif /* _LINUX_SLAB_H */
