#ifndef _MM_SLAB_H
#define _MM_SLAB_H

/*
 * The inside of the slab allocator, shared by mm/slub.c (the allocator),
 * mm/slab_common.c (kmalloc, the list of caches, /proc/slabinfo) and
 * their tests.
 *
 * A cache hands out objects of one size.  It carves them out of slabs:
 * blocks of 2^order pages whose head struct page says which cache owns
 * them (PG_slab, slab_cache), where the slab's first free object is
 * (freelist) and how many of its objects are handed out (inuse).  Free
 * objects are chained through a pointer stored inside each of them, at
 * kmem_cache->offset (seed 001: "SLUB").
 *
 * Each CPU owns at most one slab of each cache, frozen: its free objects
 * move to the CPU's own freelist, which that CPU pops and pushes with
 * irqs off and no lock.  The other slabs with free objects wait on the
 * node's partial list; full slabs are on no list (debug caches keep them
 * on a full list so that they can be checked).
 *
 * Object layout, with what each debug flag adds:
 *
 *	0            object_size      inuse        size
 *	| object ... | red zone       | free ptr  | pad (to align) |
 *
 * The red zone (SLAB_RED_ZONE) fills [object_size, inuse): at least one
 * word, SLUB_RED_ACTIVE while the object is handed out and
 * SLUB_RED_INACTIVE while it is free.  The free pointer sits inside the
 * object (in its middle, where a small overflow of the previous object
 * does not reach it) unless the object's contents must survive while it
 * is free: with a constructor, with SLAB_POISON (a free object is all
 * POISON_FREE, its last byte POISON_END) or with SLAB_TYPESAFE_BY_RCU.
 */

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* The flags that make every allocation and free take the checked path. */
#define SLAB_DEBUG_FLAGS                                         \
	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
	 SLAB_STORE_USER)

/* The flags kmem_cache_create() understands; others are refused. */
#define SLAB_CREATE_MASK                                                       \
	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA |              \
	 SLAB_CACHE_DMA32 | SLAB_PANIC | SLAB_TYPESAFE_BY_RCU | SLAB_ACCOUNT | \
	 SLAB_RECLAIM_ACCOUNT)

#define SLUB_MAX_ORDER 3 /* Linux's PAGE_ALLOC_COSTLY_ORDER */
#define SLUB_MIN_OBJECTS 8 /* what a slab should hold at least */
#define SLUB_MAX_OBJECTS 32767 /* page->objects is 15 bits */
#define SLUB_MIN_PARTIAL 5 /* empty slabs a cache keeps */
#define SLUB_MAX_PARTIAL 10
#define SLUB_CACHE_LINE_SIZE 64 /* x86_64's L1 line */

/* One CPU's view of a cache; touched only by that CPU, irqs off. */
struct kmem_cache_cpu {
	void *freelist; /* next free object of @page */
	struct page *page; /* the CPU slab (frozen), or NULL */
	long nr_allocated; /* allocations minus frees on this CPU */
};

/* The slabs no CPU owns.  Linnet has one node. */
struct kmem_cache_node {
	spinlock_t list_lock; /* the lists, and page->freelist/counters */
	unsigned long nr_partial;
	struct list_head partial; /* slabs with free objects */
	struct list_head full; /* debug caches only */
	atomic_long_t nr_slabs;
};

struct kmem_cache {
	const char *name;
	unsigned int flags; /* SLAB_* */
	unsigned int object_size; /* what the creator asked for */
	unsigned int size; /* object + metadata + padding */
	unsigned int inuse; /* object + red zone */
	unsigned int offset; /* of the free pointer */
	unsigned int align;
	unsigned int order; /* of its slabs */
	unsigned int objects; /* per slab */
	gfp_t allocflags; /* added to every slab allocation */
	unsigned long min_partial; /* empty slabs kept on partial */
	void (*ctor)(void *object);
	struct list_head list; /* in slab_caches */
	struct kmem_cache_node node;
	struct kmem_cache_cpu cpu_slab[NR_CPUS];
};

/* What /proc/slabinfo shows of one cache. */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

/* Bring-up: DOWN until kmem_cache_init(), UP once kmalloc works. */
enum slab_state {
	DOWN,
	PARTIAL, /* the cache of caches exists */
	UP, /* kmalloc caches exist */
};

extern enum slab_state slab_state;
/* The cache struct kmem_cache objects come from. */
extern struct kmem_cache *kmem_cache;
/* Every cache, and the lock that guards the list (Linux's slab_mutex). */
extern struct list_head slab_caches;
extern spinlock_t slab_caches_lock;
/* Extra SLAB_* flags for every cache: the slub_debug boot parameter. */
extern unsigned int slub_debug;
/* "BUG <cache>: ..." reports made so far, for tests. */
extern unsigned long slab_errors;
/* Pages of slabs and of large kmalloc() blocks. */
extern atomic_long_t slab_pages;

static inline bool slab_is_available(void)
{
	return slab_state >= UP;
}

/* mm/slub.c */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			unsigned int flags, void (*ctor)(void *));
int __kmem_cache_shutdown(struct kmem_cache *s);
long kmem_cache_live_objects(struct kmem_cache *s);
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);
struct kmem_cache *virt_to_cache(const void *x);
bool slab_addr_valid(const void *x);

/* mm/slab_common.c */
unsigned int calculate_alignment(unsigned int flags, unsigned int align,
				 unsigned int size);
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);
void create_kmalloc_caches(void);

#endif /* _MM_SLAB_H */
