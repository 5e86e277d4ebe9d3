#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <asm/page_types.h>

/*
 * Memory zones (seeds 000, 001): ranges of physical memory with
 * different abilities.  ZONE_DMA is what ISA DMA reaches (< 16 MiB),
 * ZONE_DMA32 what 32-bit devices reach (< 4 GiB), ZONE_NORMAL the rest.
 * x86_64 maps all RAM, so there is no ZONE_HIGHMEM.
 */
enum zone_type { ZONE_DMA, ZONE_DMA32, ZONE_NORMAL, MAX_NR_ZONES };

#define MAX_DMA_PFN ((16UL << 20) >> PAGE_SHIFT)
#define MAX_DMA32_PFN ((4UL << 30) >> PAGE_SHIFT)

/* Orders 0 .. MAX_ORDER-1: blocks of 1 to 1024 pages (Linux 6.1). */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))

/* A free list per order: blocks of 2^order pages, linked by page->lru. */
struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

/* Per-zone counters, for /proc/zoneinfo and /proc/vmstat. */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_ACTIVE_ANON, /* unused until processes exist */
	NR_ZONE_INACTIVE_ANON,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,
	NR_MLOCK,
	NR_BOUNCE,
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

/*
 * Per-CPU lists of free order-0 pages: most allocations and frees take
 * a page from or give one to this CPU's list without the zone lock
 * (irqs off, and @lock, which only drain_all_pages() from another CPU
 * ever contends); the list is refilled or drained @batch pages at a
 * time and never grows beyond @high.  @high == 0: not in use yet.
 */
struct per_cpu_pages {
	spinlock_t lock; /* taken before zone->lock */
	int count;
	int high;
	int batch;
	struct list_head list;
};

struct pglist_data;

struct zone {
	unsigned long _watermark[NR_WMARK];
	/* Pages kept back from allocations that could use a higher zone. */
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	struct per_cpu_pages pcp[NR_CPUS];
	unsigned long zone_start_pfn;
	unsigned long spanned_pages; /* the pfn range, holes included */
	unsigned long present_pages; /* RAM in it */
	atomic_long_t managed_pages; /* given to the buddy allocator */
	const char *name;
	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];
	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

/* One node: Linnet is not NUMA. */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) (&contig_page_data)

#define min_wmark_pages(z) ((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z) ((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->_watermark[WMARK_HIGH])

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return (unsigned long)atomic_long_read(&zone->managed_pages);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long x = atomic_long_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

#define for_each_zone(zone)                      \
	for (zone = contig_page_data.node_zones; \
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)

#define for_each_populated_zone(zone)      \
	for_each_zone(zone)                \
		if (!populated_zone(zone)) \
			;                  \
		else

#endif /* _LINUX_MMZONE_H */
