/*
 * The slab allocator, SLUB-like (seeds 000, 001; layout in mm/slab.h).
 *
 * Paths into it:
 *
 *   kmem_cache_alloc() -> slab_alloc():
 *	pop this CPU's freelist (irqs off, no lock); when it is empty,
 *	___slab_alloc() refills it under the node's list_lock from the
 *	objects other CPUs freed into the CPU slab, else from a partial
 *	slab, else from new_slab() (the page allocator, irqs back on).
 *   kmem_cache_free() / kfree() -> slab_free():
 *	an object of this CPU's slab goes back on the CPU freelist; any
 *	other goes on its own slab's freelist under list_lock
 *	(__slab_free()), which may put a full slab back on the partial
 *	list or give an empty one back to the page allocator.
 *   Debug caches (SLAB_DEBUG_FLAGS, or the slub_debug boot option) have
 *	no CPU slabs: alloc_debug() and free_debug() take list_lock for
 *	every object and check poison, red zones and freelists on the way.
 *
 * Locking: a CPU's struct kmem_cache_cpu is touched only by that CPU
 * with irqs off.  page->freelist and page->counters of every slab, and
 * the node lists, are guarded by the node's list_lock, always taken with
 * irqs off.  A frozen slab belongs to a CPU: its free objects sit on the
 * CPU freelist and its inuse counts them as handed out; objects freed
 * into it by other CPUs meanwhile collect on page->freelist.
 */
#include <linux/bug.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#include "slab.h"

enum slab_state slab_state;
struct kmem_cache *kmem_cache;
unsigned int slub_debug;
unsigned long slab_errors;
atomic_long_t slab_pages;

/*
 * The cache of struct kmem_cache.  It cannot come from itself, so it is
 * static: kmem_cache_init() needs no allocation to make the first cache.
 */
static struct kmem_cache kmem_cache_boot;

/* Where a free object keeps the address of the next free object. */
static inline void *get_freepointer(struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

static inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *s)
{
	return &s->cpu_slab[smp_processor_id()];
}

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* Free objects are all POISON_FREE: no constructed state to keep. */
static inline bool slab_poisons(const struct kmem_cache *s)
{
	return (s->flags & SLAB_POISON) && !s->ctor &&
	       !(s->flags & SLAB_TYPESAFE_BY_RCU);
}

/* Whether @object is one of @page's objects; NULL (end of list) is. */
static bool check_valid_pointer(struct kmem_cache *s, struct page *page,
				const void *object)
{
	const char *base = page_address(page);
	unsigned long off;

	if (!object)
		return true;
	if ((const char *)object < base)
		return false;
	off = (const char *)object - base;
	return off < (unsigned long)page->objects * s->size &&
	       off % s->size == 0;
}

/* ---- Reports: "BUG <cache>: <what>", then details, then "FIX". ---- */

static __printf(2, 3) void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_err("=============================================================================\n");
	pr_err("BUG %s: %s\n", s->name, msg);
	pr_err("-----------------------------------------------------------------------------\n");
	WRITE_ONCE(slab_errors, slab_errors + 1);
}

static __printf(2, 3) void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, msg);
}

static void print_section(const char *label, const u8 *addr, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i += 16)
		pr_err("%s %px: %*ph\n", label, addr + i,
		       (int)min(16U, len - i), addr + i);
}

static void print_slab_info(struct page *page)
{
	pr_err("INFO: Slab %p objects=%u used=%u fp=%p flags=%#lx\n", page,
	       page->objects, page->inuse, page->freelist, page->flags);
}

static void print_trailer(struct kmem_cache *s, struct page *page, u8 *object)
{
	u8 *base = page_address(page);

	print_slab_info(page);
	pr_err("INFO: Object %p @offset=%lu fp=%p\n", object,
	       (unsigned long)(object - base), get_freepointer(s, object));
	print_section("Object  ", object, min(s->object_size, 128U));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone ", object + s->object_size,
			      s->inuse - s->object_size);
	dump_stack();
}

static void object_err(struct kmem_cache *s, struct page *page, void *object,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, page, object);
}

/* The first byte of @start[0..len) that is not @value, or NULL. */
static u8 *find_mismatch(u8 *start, u8 value, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		if (start[i] != value)
			return start + i;
	return NULL;
}

/*
 * Checks that @start[0..len) of @object all hold @value; if not, reports
 * the damaged range and writes @value back so the report is not repeated.
 */
static bool check_bytes_and_report(struct kmem_cache *s, struct page *page,
				   u8 *object, const char *what, u8 *start,
				   u8 value, unsigned int len)
{
	u8 *fault = find_mismatch(start, value, len);
	u8 *end = start + len;

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: %p-%p @offset=%lu. First byte %#x instead of %#x\n",
	       fault, end - 1, (unsigned long)(fault - object), *fault, value);
	print_trailer(s, page, object);
	memset(fault, value, end - fault);
	slab_fix(s, "Restoring %s %p-%p=%#x", what, fault, end - 1, value);
	return false;
}

/* ---- Debug metadata of one object: poison and red zone. ---- */

/* Writes the metadata of an object going to state @val (SLUB_RED_*). */
static void init_object(struct kmem_cache *s, u8 *object, u8 val)
{
	if (slab_poisons(s) && val == SLUB_RED_INACTIVE) {
		memset(object, POISON_FREE, s->object_size - 1);
		object[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(object + s->object_size, val, s->inuse - s->object_size);
}

/* Checks what init_object(@val) wrote; reports and repairs damage. */
static bool check_object(struct kmem_cache *s, struct page *page, u8 *object,
			 u8 val)
{
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE)
		ok &= check_bytes_and_report(s, page, object, "Redzone",
					     object + s->object_size, val,
					     s->inuse - s->object_size);
	if (slab_poisons(s) && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, page, object, "Poison", object,
					     POISON_FREE, s->object_size - 1);
		ok &= check_bytes_and_report(s, page, object, "End Poison",
					     object + s->object_size - 1,
					     POISON_END, 1);
	}
	return ok;
}

/*
 * The result of walking a freelist: how many objects it holds, its last
 * one, whether @search was met and whether the list had to be cut.
 */
struct freelist_walk {
	void *tail;
	unsigned int nr;
	bool found;
	bool cut;
};

/*
 * Walks the freelist whose head is stored at @headp (page->freelist or a
 * CPU freelist), checking each link.  A link that leaves @page or misses
 * an object boundary, or a chain longer than the slab (a cycle), is
 * reported and the list is cut there: the objects past the cut are lost
 * for good, which is better than handing out memory twice.  Stops early
 * when it meets @search.
 */
static void walk_freelist(struct kmem_cache *s, struct page *page, void **headp,
			  const void *search, struct freelist_walk *w)
{
	void **link = headp;
	void *p;

	*w = (struct freelist_walk){};
	while ((p = *link)) {
		if (p == search) {
			w->found = true;
			return;
		}
		if (!check_valid_pointer(s, page, p) || w->nr == page->objects)
			break;
		w->tail = p;
		w->nr++;
		link = (void **)((char *)p + s->offset);
	}
	if (!p)
		return;
	slab_bug(s, "Freepointer corrupt");
	pr_err("INFO: %s %p points to %p\n", w->tail ? "Object" : "Freelist",
	       w->tail, p);
	print_slab_info(page);
	dump_stack();
	*link = NULL;
	w->cut = true;
	slab_fix(s, "Freelist cut after %u objects", w->nr);
}

/* ---- Slabs: getting them from and giving them to the page allocator. */

static void account_slab(struct kmem_cache *s, long nr)
{
	long pages = nr * (1L << s->order);

	mod_node_page_state(s->flags & SLAB_RECLAIM_ACCOUNT ?
				    NR_SLAB_RECLAIMABLE_B :
				    NR_SLAB_UNRECLAIMABLE_B,
			    pages);
	atomic_long_add(pages, &slab_pages);
	atomic_long_add(nr, &s->node.nr_slabs);
}

/* Lays out a fresh slab: every object constructed and free, in order. */
static void init_slab_page(struct kmem_cache *s, struct page *page)
{
	u8 *base = page_address(page);
	unsigned int i;

	__SetPageSlab(page);
	page->slab_cache = s;
	page->counters = 0;
	page->objects = s->objects;
	for (i = 0; i < s->objects; i++) {
		u8 *p = base + i * s->size;

		init_object(s, p, SLUB_RED_INACTIVE);
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < s->objects ? p + s->size : NULL);
	}
	page->freelist = base;
}

static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page;

	gfp &= ~(GFP_ZONEMASK | __GFP_ZERO | __GFP_COMP);
	page = alloc_pages(gfp | s->allocflags, s->order);
	if (unlikely(!page)) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("SLUB: Unable to allocate memory for cache %s, gfp=%#x, order=%u\n",
				s->name, gfp, s->order);
		return NULL;
	}
	init_slab_page(s, page);
	account_slab(s, 1);
	return page;
}

/*
 * A new slab for @s.  Called with irqs off; the page allocator runs with
 * the caller's irq state (*@irqflags) restored, so the caller must look
 * at its CPU's state afresh afterwards.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp,
			     unsigned long *irqflags)
{
	struct page *page;

	local_irq_restore(*irqflags);
	page = allocate_slab(s, gfp);
	local_irq_save(*irqflags);
	return page;
}

/* Gives an empty slab, already off every list, back to the buddy. */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	account_slab(s, -1);
	__ClearPageSlab(page);
	page->slab_cache = NULL; /* the buddy's page->mapping */
	page->freelist = NULL;
	page->counters = 0;
	__free_pages(page, s->order);
}

/* ---- The node's lists (list_lock held). ---- */

static void add_partial(struct kmem_cache_node *n, struct page *page)
{
	list_add_tail(&page->slab_list, &n->partial);
	n->nr_partial++;
}

static void remove_partial(struct kmem_cache_node *n, struct page *page)
{
	list_del(&page->slab_list);
	n->nr_partial--;
}

/*
 * Takes @page, on the partial list, off it if it is empty and the node
 * keeps enough empty slabs already; the caller then discards it once
 * list_lock is dropped.
 */
static bool slab_should_discard(struct kmem_cache *s, struct page *page)
{
	struct kmem_cache_node *n = &s->node;

	if (page->inuse || n->nr_partial <= s->min_partial)
		return false;
	remove_partial(n, page);
	return true;
}

/* Hands all of @page's free objects to a CPU; returns them. */
static void *freeze_slab(struct page *page)
{
	void *freelist = page->freelist;

	page->freelist = NULL;
	page->inuse = page->objects;
	page->frozen = 1;
	return freelist;
}

/*
 * The CPU gives up @page: the objects left on its CPU freelist
 * @freelist join those on page->freelist, and the slab goes on the
 * partial list, or on no list if it is full.  Returns true if it is
 * empty and surplus, to be discarded once list_lock is dropped.
 */
static bool deactivate_slab(struct kmem_cache *s, struct page *page,
			    void *freelist)
{
	struct freelist_walk w;

	walk_freelist(s, page, &freelist, NULL, &w);
	if (w.tail) {
		set_freepointer(s, w.tail, page->freelist);
		page->freelist = freelist;
	}
	page->inuse -= w.nr;
	page->frozen = 0;
	if (!page->freelist)
		return false;
	add_partial(&s->node, page);
	return slab_should_discard(s, page);
}

/* Irqs off; @c is this CPU's, or a CPU's that no longer uses @s. */
static void flush_cpu_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct page *page = c->page;
	bool discard;

	if (!page)
		return;
	spin_lock(&s->node.list_lock);
	discard = deactivate_slab(s, page, c->freelist);
	spin_unlock(&s->node.list_lock);
	c->page = NULL;
	c->freelist = NULL;
	if (discard)
		discard_slab(s, page);
}

/* ---- The fast paths and their slow halves. ---- */

/*
 * The objects other CPUs freed into this CPU's slab, if any.  A CPU
 * slab without them is full: it is let go, to come back on the partial
 * list when one of its objects is freed.  list_lock held.
 */
static void *refill_from_cpu_slab(struct kmem_cache_cpu *c)
{
	struct page *page = c->page;

	if (!page)
		return NULL;
	if (page->freelist)
		return freeze_slab(page);
	page->frozen = 0;
	c->page = NULL;
	return NULL;
}

/* Makes the first partial slab this CPU's; list_lock held. */
static void *get_partial(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page;

	page = list_first_entry_or_null(&n->partial, struct page, slab_list);
	if (!page)
		return NULL;
	remove_partial(n, page);
	c->page = page;
	return freeze_slab(page);
}

/*
 * This CPU's freelist is empty: refill it and return its first object.
 * Irqs are off; *@irqflags is the caller's state, restored while a new
 * slab is allocated.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfp,
			   unsigned long *irqflags)
{
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	struct page *page;
	void *freelist;

	spin_lock(&s->node.list_lock);
	freelist = refill_from_cpu_slab(c);
	if (!freelist)
		freelist = get_partial(s, c);
	spin_unlock(&s->node.list_lock);
	if (!freelist) {
		page = new_slab(s, gfp, irqflags);
		if (!page)
			return NULL;
		/* An interrupt may have given this CPU a slab meanwhile. */
		c = this_cpu_slab(s);
		flush_cpu_slab(s, c);
		freelist = freeze_slab(page);
		c->page = page;
	}
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/*
 * Frees @object into @page, which is not this CPU's slab.  Irqs off.
 * Returns false (and frees nothing) for an object that is already free.
 */
static bool __slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	struct kmem_cache_node *n = &s->node;
	bool was_full, discard = false;

	spin_lock(&n->list_lock);
	if (unlikely(object == page->freelist || !page->inuse)) {
		spin_unlock(&n->list_lock);
		object_err(s, page, object, "Object already free");
		return false;
	}
	was_full = !page->freelist;
	set_freepointer(s, object, page->freelist);
	page->freelist = object;
	page->inuse--;
	if (!page->frozen) {
		if (was_full)
			add_partial(n, page);
		discard = slab_should_discard(s, page);
	}
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, page);
	return true;
}

/* ---- Debug caches: every object checked under list_lock. ---- */

/*
 * Checks @object, the head of @page's freelist, before it is handed
 * out.  On damage the slab is taken out of service: all its objects
 * count as used, none of the free ones is handed out again (Linux does
 * the same), and the caller looks for another slab.
 */
static bool alloc_debug_processing(struct kmem_cache *s, struct page *page,
				   void *object)
{
	if (!check_valid_pointer(s, page, object)) {
		slab_bug(s, "Freepointer corrupt");
		pr_err("INFO: Freelist points to %p\n", object);
		print_slab_info(page);
		dump_stack();
		goto bad;
	}
	if (!check_object(s, page, object, SLUB_RED_INACTIVE))
		goto bad;
	if (!check_valid_pointer(s, page, get_freepointer(s, object))) {
		object_err(s, page, object, "Freepointer corrupt");
		goto bad;
	}
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
bad:
	page->freelist = NULL;
	page->inuse = page->objects;
	slab_fix(s, "Marking all objects used");
	return false;
}

/* Takes an object off @page, on the partial list; list_lock held. */
static void *take_object_debug(struct kmem_cache *s, struct page *page)
{
	void *object = page->freelist;
	bool ok = object && alloc_debug_processing(s, page, object);

	if (ok) {
		page->freelist = get_freepointer(s, object);
		page->inuse++;
	}
	if (!page->freelist) {
		remove_partial(&s->node, page);
		list_add(&page->slab_list, &s->node.full);
	}
	return ok ? object : NULL;
}

static void *alloc_debug(struct kmem_cache *s, gfp_t gfp,
			 unsigned long *irqflags)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page;
	void *object;

	for (;;) {
		spin_lock(&n->list_lock);
		while ((page = list_first_entry_or_null(
				&n->partial, struct page, slab_list))) {
			object = take_object_debug(s, page);
			if (object) {
				spin_unlock(&n->list_lock);
				return object;
			}
		}
		spin_unlock(&n->list_lock);
		page = new_slab(s, gfp, irqflags);
		if (!page)
			return NULL;
		spin_lock(&n->list_lock);
		add_partial(n, page);
		spin_unlock(&n->list_lock);
	}
}

/*
 * Checks @object before it goes back on @page's freelist: not free
 * already (the whole freelist is searched), red zone intact.  A damaged
 * red zone is reported and repaired and the object freed all the same
 * (Linux leaks it instead).  list_lock held.
 */
static bool free_debug_processing(struct kmem_cache *s, struct page *page,
				  void *object)
{
	struct freelist_walk w;

	walk_freelist(s, page, &page->freelist, object, &w);
	if (w.cut)
		page->inuse = page->objects - w.nr;
	if (w.found || !page->inuse) {
		object_err(s, page, object, "Object already free");
		return false;
	}
	check_object(s, page, object, SLUB_RED_ACTIVE);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

static bool free_debug(struct kmem_cache *s, struct page *page, void *object)
{
	struct kmem_cache_node *n = &s->node;
	bool was_full, discard;

	spin_lock(&n->list_lock);
	was_full = !page->freelist; /* on the full list */
	if (!free_debug_processing(s, page, object)) {
		spin_unlock(&n->list_lock);
		return false;
	}
	if (was_full) {
		list_del(&page->slab_list);
		add_partial(n, page);
	}
	set_freepointer(s, object, page->freelist);
	page->freelist = object;
	page->inuse--;
	discard = slab_should_discard(s, page);
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, page);
	return true;
}

/* ---- The API. ---- */

static void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	object = c->freelist;
	if (unlikely(kmem_cache_debug(s)))
		object = alloc_debug(s, gfp, &flags);
	else if (likely(object))
		c->freelist = get_freepointer(s, object);
	else
		object = ___slab_alloc(s, gfp, &flags);
	if (object)
		this_cpu_slab(s)->nr_allocated++;
	local_irq_restore(flags);
	if (object && (gfp & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

/**
 * kmem_cache_alloc - allocate an object from a cache.
 * @s: the cache
 * @gfp: GFP_* flags; __GFP_ZERO clears the object, zone modifiers are
 *	ignored (the cache's flags choose the zone)
 *
 * Any context with a fitting @gfp; irqs may be off.  Returns the object,
 * constructed by the cache's ctor when its slab was made, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp);
}

/**
 * kmem_cache_zalloc - allocate a zeroed object from a cache.
 * @s: the cache
 * @gfp: GFP_* flags
 *
 * As kmem_cache_alloc() with __GFP_ZERO.
 */
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp | __GFP_ZERO);
}

static void slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	bool freed;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	if (unlikely(kmem_cache_debug(s))) {
		freed = free_debug(s, page, object);
	} else if (page == c->page) {
		/* Linux's cheap double-free check: the list's own head. */
		freed = object != c->freelist;
		if (freed) {
			set_freepointer(s, object, c->freelist);
			c->freelist = object;
		} else {
			object_err(s, page, object, "Object already free");
		}
	} else {
		freed = __slab_free(s, page, object);
	}
	if (freed)
		c->nr_allocated--;
	local_irq_restore(flags);
}

/**
 * slab_addr_valid - whether @x is an address of the direct map.
 * @x: the address
 *
 * Any context.  Only such addresses have a struct page to look at.
 */
bool slab_addr_valid(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= PAGE_OFFSET && addr < VMALLOC_START &&
	       pfn_valid(virt_to_pfn(addr));
}

/**
 * virt_to_cache - the cache a slab object belongs to.
 * @x: the object
 *
 * Any context.  Returns NULL if @x is not in a slab.
 */
struct kmem_cache *virt_to_cache(const void *x)
{
	struct page *page;

	if (!slab_addr_valid(x))
		return NULL;
	page = compound_head(virt_to_page(x));
	return PageSlab(page) ? page->slab_cache : NULL;
}

/*
 * The slab of @x if @x is an object of @s, else NULL after a report:
 * freeing anything else would corrupt some freelist.
 */
static struct page *object_slab(struct kmem_cache *s, const void *x)
{
	struct kmem_cache *owner = virt_to_cache(x);
	struct page *page;

	if (owner != s) {
		slab_bug(s, "Invalid object pointer %p", x);
		if (owner)
			pr_err("INFO: %p belongs to cache %s\n", x,
			       owner->name);
		dump_stack();
		return NULL;
	}
	page = compound_head(virt_to_page(x));
	if (!check_valid_pointer(s, page, x)) {
		slab_bug(s, "Invalid object pointer %p", x);
		pr_err("INFO: not at an object boundary (object size %u)\n",
		       s->size);
		print_slab_info(page);
		dump_stack();
		return NULL;
	}
	return page;
}

/**
 * kmem_cache_free - give an object back to its cache.
 * @s: the cache it came from
 * @x: the object; NULL does nothing
 *
 * Any context.  A pointer that is not an object of @s, or an object that
 * is already free, is reported ("BUG <cache>: ...") and not freed.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *page;

	if (unlikely(!x))
		return;
	page = object_slab(s, x);
	if (page)
		slab_free(s, page, x);
}

/**
 * kmem_cache_size - the object size a cache was created with.
 * @s: the cache
 */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/* ---- Creating, shrinking and destroying caches. ---- */

/* Whether slabs of 2^@order pages hold @min_objects, wasting <= 1/8. */
static bool slab_order_fits(unsigned int size, unsigned int order,
			    unsigned int min_objects)
{
	unsigned long bytes = PAGE_SIZE << order;

	return bytes / size >= min_objects && bytes % size <= bytes / 8;
}

/*
 * The smallest order up to SLUB_MAX_ORDER whose slabs hold enough
 * objects without wasting much, asking for fewer objects if need be;
 * objects too big for that get slabs of one object.
 */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects, order;

	for (min_objects = SLUB_MIN_OBJECTS; min_objects; min_objects /= 2)
		for (order = 0; order <= SLUB_MAX_ORDER; order++)
			if (slab_order_fits(size, order, min_objects))
				return order;
	return order_base_2(DIV_ROUND_UP(size, PAGE_SIZE));
}

/* Lays out the object (see mm/slab.h) and sizes the slabs. */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	if ((s->flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((s->flags & (SLAB_POISON | SLAB_TYPESAFE_BY_RCU)) || s->ctor ||
	    s->object_size < sizeof(void *)) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	if (s->order >= MAX_ORDER)
		return false;
	s->objects = min_t(unsigned long, (PAGE_SIZE << s->order) / s->size,
			   SLUB_MAX_OBJECTS);
	return true;
}

static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	n->nr_partial = 0;
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
	atomic_long_set(&n->nr_slabs, 0);
}

static gfp_t cache_allocflags(const struct kmem_cache *s)
{
	gfp_t gfp = s->order ? __GFP_COMP : 0;

	if (s->flags & SLAB_CACHE_DMA)
		gfp |= GFP_DMA;
	if (s->flags & SLAB_CACHE_DMA32)
		gfp |= GFP_DMA32;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		gfp |= __GFP_RECLAIMABLE;
	return gfp;
}

/**
 * __kmem_cache_create - set up a cache in place.
 * @s: zeroed memory for it
 * @name: its name, kept by reference
 * @size: object size
 * @align: object alignment, a power of two or 0
 * @flags: SLAB_* flags, already checked
 * @ctor: constructor run on each object of each new slab, or NULL
 *
 * Process context.  Allocates nothing, so it also sets up the boot
 * cache.  Returns 0, or -EINVAL if the objects cannot fit in a slab.
 */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			unsigned int flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->align = calculate_alignment(flags, align, size);
	if (!calculate_sizes(s))
		return -EINVAL;
	s->allocflags = cache_allocflags(s);
	s->min_partial = clamp((unsigned long)ilog2(s->size) / 2,
			       (unsigned long)SLUB_MIN_PARTIAL,
			       (unsigned long)SLUB_MAX_PARTIAL);
	/*
	 * Without RCU there is no grace period to wait for before an empty
	 * slab may change type: keep them all until the cache goes away.
	 */
	if (flags & SLAB_TYPESAFE_BY_RCU)
		s->min_partial = ULONG_MAX;
	init_kmem_cache_node(&s->node);
	INIT_LIST_HEAD(&s->list);
	return 0;
}

/* Takes the empty slabs (all slabs if @all) off the lists, frees them. */
static void free_slabs(struct kmem_cache *s, bool all)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page, *t;
	unsigned long flags;
	LIST_HEAD(discard);

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &n->partial, slab_list) {
		if (page->inuse && !all)
			continue;
		remove_partial(n, page);
		list_add(&page->slab_list, &discard);
	}
	if (all)
		list_splice_init(&n->full, &discard);
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &discard, slab_list)
		discard_slab(s, page);
}

/**
 * kmem_cache_shrink - give a cache's empty slabs back.
 * @s: the cache
 *
 * Process context.  Flushes this CPU's slab; other CPUs keep theirs
 * (there is no cross-CPU call to flush them yet).  Empty slabs of a
 * SLAB_TYPESAFE_BY_RCU cache are kept (no RCU to wait for).  Returns 0
 * if the cache holds no slab any more, 1 otherwise (Linux's meaning).
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags;

	local_irq_save(flags);
	flush_cpu_slab(s, this_cpu_slab(s));
	local_irq_restore(flags);
	if (!(s->flags & SLAB_TYPESAFE_BY_RCU))
		free_slabs(s, false);
	return atomic_long_read(&s->node.nr_slabs) != 0;
}

/**
 * kmem_cache_live_objects - objects of a cache handed out and not freed.
 * @s: the cache
 *
 * Any context; a snapshot, exact when the cache is idle.
 */
long kmem_cache_live_objects(struct kmem_cache *s)
{
	long live = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		live += READ_ONCE(s->cpu_slab[cpu].nr_allocated);
	return live;
}

/**
 * __kmem_cache_shutdown - free every slab of a cache that is going away.
 * @s: the cache, no longer used by anyone
 *
 * Process context.  Since nobody uses @s, the other CPUs' slabs can be
 * flushed from here.  Returns 0, or -EBUSY if objects are still handed
 * out: then only the empty slabs are freed and the cache stays usable.
 */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		flush_cpu_slab(s, &s->cpu_slab[cpu]);
	local_irq_restore(flags);
	if (kmem_cache_live_objects(s)) {
		free_slabs(s, false);
		return -EBUSY;
	}
	free_slabs(s, true);
	return 0;
}

/**
 * get_slabinfo - a cache's figures for /proc/slabinfo.
 * @s: the cache
 * @sinfo: filled in
 *
 * Any context.  Objects on CPU freelists count as free; every slab
 * counts as active, as in Linux's SLUB.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	unsigned long nr_slabs = atomic_long_read(&s->node.nr_slabs);
	long live = kmem_cache_live_objects(s);

	sinfo->active_objs = live > 0 ? live : 0;
	sinfo->num_objs = nr_slabs * s->objects;
	sinfo->active_slabs = nr_slabs;
	sinfo->num_slabs = nr_slabs;
	sinfo->objects_per_slab = s->objects;
	sinfo->cache_order = s->order;
}

/*
 * slub_debug: checks on every cache.  Alone it means F,Z,P (consistency
 * checks, red zones, poisoning); "slub_debug=FZPU" picks flags (U,
 * owner tracking, is accepted but records nothing yet); "-" turns them
 * off.  Linux's per-cache lists (",cache") are not supported.
 */
static int __init setup_slub_debug(char *str)
{
	unsigned int flags = 0;

	if (!*str) {
		slub_debug = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
			     SLAB_POISON;
		return 1;
	}
	for (; *str && *str != ','; str++) {
		switch (tolower(*str)) {
		case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'p':
			flags |= SLAB_POISON;
			break;
		case 'u':
			flags |= SLAB_STORE_USER;
			break;
		case '-':
			flags = 0;
			break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n",
			       *str);
		}
	}
	if (*str)
		pr_err("slub_debug: no per-cache lists; flags go to every cache\n");
	slub_debug = flags;
	return 1;
}
early_param("slub_debug", setup_slub_debug);

/**
 * kmem_cache_init - bring up the slab allocator.
 *
 * Boot, from mm_core_init() once the page allocator works.  The cache
 * of caches is static, so making it allocates nothing; the kmalloc
 * caches then come from it.
 */
void __init kmem_cache_init(void)
{
	kmem_cache = &kmem_cache_boot;
	if (__kmem_cache_create(kmem_cache, "kmem_cache",
				sizeof(struct kmem_cache), 0,
				SLAB_HWCACHE_ALIGN | slub_debug, NULL))
		panic("SLUB: cannot create the kmem_cache cache\n");
	list_add_tail(&kmem_cache->list, &slab_caches);
	slab_state = PARTIAL;
	create_kmalloc_caches();
	slab_state = UP;
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=%d, Nodes=1%s\n",
		SLUB_CACHE_LINE_SIZE, SLUB_MAX_ORDER, SLUB_MIN_OBJECTS,
		slub_debug ? ", debug on every cache" : "");
}
