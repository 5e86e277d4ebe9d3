/*
 * Memory statistics: the counters of <linux/vmstat.h> and the /proc
 * files that show them (buddyinfo, pagetypeinfo, zoneinfo, vmstat,
 * meminfo), in Linux 6.1's formats so that free(1), vmstat(8) and
 * scripts written for Linux read them unchanged.
 *
 * Counters are atomic: the zone counters live in struct zone (a
 * machine-wide value is the sum over the three zones), the event and
 * node counters in the arrays below.  Linux batches them per CPU; a
 * locked add is simpler and cheap enough for now.
 *
 * Lines for what Linnet does not have yet (swap, the page cache, huge
 * pages, NUMA) are printed with 0 where tools expect them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include "internal.h"

static atomic_long_t vm_events[NR_VM_EVENT_ITEMS];
static atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

/**
 * count_vm_event - count one event.  Any context.
 * @item: which
 */
void count_vm_event(enum vm_event_item item)
{
	atomic_long_inc(&vm_events[item]);
}

/**
 * count_vm_events - count @delta events.  Any context.
 * @item: which
 * @delta: how many
 */
void count_vm_events(enum vm_event_item item, unsigned long delta)
{
	atomic_long_add(delta, &vm_events[item]);
}

/**
 * vm_event_read - an event count since boot.
 * @item: which
 */
unsigned long vm_event_read(enum vm_event_item item)
{
	return atomic_long_read(&vm_events[item]);
}

/**
 * mod_node_page_state - add @delta to a machine-wide counter.  Any context.
 * @item: which
 * @delta: may be negative
 */
void mod_node_page_state(enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &vm_node_stat[item]);
}

/**
 * global_node_page_state - a machine-wide counter (0 if it dipped below).
 * @item: which
 */
unsigned long global_node_page_state(enum node_stat_item item)
{
	long x = atomic_long_read(&vm_node_stat[item]);

	return x < 0 ? 0 : x;
}

/**
 * mod_zone_page_state - add @delta to a counter of @zone.  Any context.
 * @zone: the zone
 * @item: which
 * @delta: may be negative
 */
void mod_zone_page_state(struct zone *zone, enum zone_stat_item item,
			 long delta)
{
	atomic_long_add(delta, &zone->vm_stat[item]);
}

/**
 * global_zone_page_state - a zone counter summed over all zones.
 * @item: which
 */
unsigned long global_zone_page_state(enum zone_stat_item item)
{
	struct zone *zone;
	long x = 0;

	for_each_zone(zone)
		x += atomic_long_read(&zone->vm_stat[item]);
	return x < 0 ? 0 : x;
}

/*
 * The lines of /proc/vmstat in Linux's order.  Where a value comes
 * from: a zone counter, a node counter, an event, or nothing (0).
 */
enum stat_source { STAT_NONE, STAT_ZONE, STAT_NODE, STAT_EVENT };

struct stat_line {
	const char *name;
	enum stat_source src;
	int item;
};

static const struct stat_line zone_stat_lines[] = {
	{ "nr_free_pages", STAT_ZONE, NR_FREE_PAGES },
	{ "nr_zone_inactive_anon", STAT_ZONE, NR_ZONE_INACTIVE_ANON },
	{ "nr_zone_active_anon", STAT_ZONE, NR_ZONE_ACTIVE_ANON },
	{ "nr_zone_inactive_file", STAT_ZONE, NR_ZONE_INACTIVE_FILE },
	{ "nr_zone_active_file", STAT_ZONE, NR_ZONE_ACTIVE_FILE },
	{ "nr_zone_unevictable", STAT_ZONE, NR_ZONE_UNEVICTABLE },
	{ "nr_zone_write_pending", STAT_ZONE, NR_ZONE_WRITE_PENDING },
	{ "nr_mlock", STAT_ZONE, NR_MLOCK },
	{ "nr_bounce", STAT_ZONE, NR_BOUNCE },
	{ "nr_zspages", STAT_NONE, 0 },
	{ "nr_free_cma", STAT_ZONE, NR_FREE_CMA_PAGES },
};

static const struct stat_line node_stat_lines[] = {
	{ "nr_inactive_anon", STAT_NONE, 0 },
	{ "nr_active_anon", STAT_NONE, 0 },
	{ "nr_inactive_file", STAT_NONE, 0 },
	{ "nr_active_file", STAT_NONE, 0 },
	{ "nr_unevictable", STAT_NONE, 0 },
	{ "nr_slab_reclaimable", STAT_NODE, NR_SLAB_RECLAIMABLE_B },
	{ "nr_slab_unreclaimable", STAT_NODE, NR_SLAB_UNRECLAIMABLE_B },
	{ "nr_isolated_anon", STAT_NONE, 0 },
	{ "nr_isolated_file", STAT_NONE, 0 },
	{ "nr_anon_pages", STAT_NONE, 0 },
	{ "nr_mapped", STAT_NONE, 0 },
	{ "nr_file_pages", STAT_NONE, 0 },
	{ "nr_dirty", STAT_NONE, 0 },
	{ "nr_writeback", STAT_NONE, 0 },
	{ "nr_writeback_temp", STAT_NONE, 0 },
	{ "nr_shmem", STAT_NONE, 0 },
	{ "nr_anon_transparent_hugepages", STAT_NONE, 0 },
	{ "nr_kernel_misc_reclaimable", STAT_NONE, 0 },
	{ "nr_kernel_stack", STAT_NODE, NR_KERNEL_STACK_KB },
	{ "nr_page_table_pages", STAT_NODE, NR_PAGETABLE },
	{ "nr_sec_page_table_pages", STAT_NONE, 0 },
	{ "nr_swapcached", STAT_NONE, 0 },
};

static const struct stat_line event_lines[] = {
	{ "pgpgin", STAT_NONE, 0 },
	{ "pgpgout", STAT_NONE, 0 },
	{ "pswpin", STAT_NONE, 0 },
	{ "pswpout", STAT_NONE, 0 },
	{ "pgalloc_dma", STAT_EVENT, PGALLOC_DMA },
	{ "pgalloc_dma32", STAT_EVENT, PGALLOC_DMA32 },
	{ "pgalloc_normal", STAT_EVENT, PGALLOC_NORMAL },
	{ "pgalloc_movable", STAT_NONE, 0 },
	{ "allocstall_dma", STAT_NONE, 0 },
	{ "allocstall_dma32", STAT_NONE, 0 },
	{ "allocstall_normal", STAT_NONE, 0 },
	{ "allocstall_movable", STAT_NONE, 0 },
	{ "pgfree", STAT_EVENT, PGFREE },
	{ "pgactivate", STAT_NONE, 0 },
	{ "pgdeactivate", STAT_NONE, 0 },
	{ "pgfault", STAT_NONE, 0 },
	{ "pgmajfault", STAT_NONE, 0 },
	{ "pgrefill", STAT_NONE, 0 },
	{ "pgsteal_kswapd", STAT_NONE, 0 },
	{ "pgsteal_direct", STAT_NONE, 0 },
	{ "pgscan_kswapd", STAT_NONE, 0 },
	{ "pgscan_direct", STAT_NONE, 0 },
	{ "oom_kill", STAT_NONE, 0 },
};

/* @zone: a zone counter of that zone, or NULL for the sum of all. */
static unsigned long stat_value(const struct stat_line *l,
				const struct zone *zone)
{
	switch (l->src) {
	case STAT_ZONE:
		return zone ? zone_page_state(zone, l->item) :
			      global_zone_page_state(l->item);
	case STAT_NODE:
		return global_node_page_state(l->item);
	case STAT_EVENT:
		return vm_event_read(l->item);
	default:
		return 0;
	}
}

static void show_stat_lines(struct seq_file *m, const struct stat_line *l,
			    size_t n, const char *fmt, const struct zone *zone)
{
	size_t i;

	for (i = 0; i < n; i++)
		seq_printf(m, fmt, l[i].name, stat_value(&l[i], zone));
}

/* A consistent copy of a zone's free block counts. */
static void zone_free_counts(struct zone *zone, unsigned long *nr)
{
	unsigned long flags;
	unsigned int order;

	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < MAX_ORDER; order++)
		nr[order] = zone->free_area[order].nr_free;
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * buddyinfo_show - /proc/buddyinfo: free blocks per order and zone.
 * @m: where to write
 * @v: unused
 *
 * "Node 0, zone      DMA      1      0 ..." for each populated zone.
 * Takes each zone->lock in turn.  Return: 0.
 */
int buddyinfo_show(struct seq_file *m, void *v)
{
	unsigned long nr[MAX_ORDER];
	unsigned int order;
	struct zone *zone;

	for_each_populated_zone(zone) {
		zone_free_counts(zone, nr);
		seq_printf(m, "Node 0, zone %8s ", zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", nr[order]);
		seq_putc(m, '\n');
	}
	return 0;
}

/*
 * Linux sorts free blocks by migrate type to fight fragmentation;
 * Linnet has a single free list per order, shown as Unmovable (what
 * kernel allocations are), with every other type at 0.
 */
#define PAGEBLOCK_ORDER 9 /* a 2 MiB huge page on x86_64 */
static const char *const migratetype_names[] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate",
};

static void pagetypeinfo_showfree(struct seq_file *m)
{
	unsigned long nr[MAX_ORDER];
	unsigned int order, t;
	struct zone *zone;

	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6u ", order);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		zone_free_counts(zone, nr);
		for (t = 0; t < ARRAY_SIZE(migratetype_names); t++) {
			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0,
				   zone->name, migratetype_names[t]);
			for (order = 0; order < MAX_ORDER; order++)
				seq_printf(m, "%6lu ", t ? 0 : nr[order]);
			seq_putc(m, '\n');
		}
	}
}

/* Pageblocks that start at a pfn of @zone. */
static unsigned long zone_pageblocks(struct zone *zone)
{
	unsigned long pfn, count = 0;
	unsigned int zi = zone - contig_page_data.node_zones;

	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
	     pfn += 1UL << PAGEBLOCK_ORDER)
		if (pfn_valid(pfn) && page_zonenum(pfn_to_page(pfn)) == zi)
			count++;
	return count;
}

static void pagetypeinfo_showblockcount(struct seq_file *m)
{
	struct zone *zone;
	unsigned int t;

	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (t = 0; t < ARRAY_SIZE(migratetype_names); t++)
		seq_printf(m, "%12s ", migratetype_names[t]);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (t = 0; t < ARRAY_SIZE(migratetype_names); t++)
			seq_printf(m, "%12lu ", t ? 0 : zone_pageblocks(zone));
		seq_putc(m, '\n');
	}
}

/**
 * pagetypeinfo_show - /proc/pagetypeinfo: free blocks by migrate type.
 * @m: where to write
 * @v: unused
 *
 * Return: 0.
 */
int pagetypeinfo_show(struct seq_file *m, void *v)
{
	seq_printf(m, "Page block order: %d\n", PAGEBLOCK_ORDER);
	seq_printf(m, "Pages per block:  %lu\n", 1UL << PAGEBLOCK_ORDER);
	seq_putc(m, '\n');
	pagetypeinfo_showfree(m);
	pagetypeinfo_showblockcount(m);
	return 0;
}

static void zoneinfo_show_pagesets(struct seq_file *m, struct zone *zone)
{
	int cpu;

	seq_puts(m, "\n  pagesets");
	/*
	 * CPU 0 and every CPU whose list holds pages; for_each_online_cpu()
	 * once kernel/cpu.c (cpu_online_mask) is linked in.
	 */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		if (cpu && !READ_ONCE(pcp->count))
			continue;
		seq_printf(m,
			   "\n    cpu: %i"
			   "\n              count: %i"
			   "\n              high:  %i"
			   "\n              batch: %i",
			   cpu, READ_ONCE(pcp->count), READ_ONCE(pcp->high),
			   READ_ONCE(pcp->batch));
		/* Our counters are exact: no per-CPU slack to fold in. */
		seq_puts(m, "\n  vm stats threshold: 0");
	}
}

static void zoneinfo_show_zone(struct seq_file *m, struct zone *zone,
			       bool first)
{
	int j;

	seq_printf(m, "Node 0, zone %8s", zone->name);
	if (first) {
		seq_puts(m, "\n  per-node stats");
		show_stat_lines(m, node_stat_lines, ARRAY_SIZE(node_stat_lines),
				"\n      %-12s %lu", NULL);
	}
	seq_printf(m,
		   "\n  pages free     %lu"
		   "\n        boost    0"
		   "\n        min      %lu"
		   "\n        low      %lu"
		   "\n        high     %lu"
		   "\n        spanned  %lu"
		   "\n        present  %lu"
		   "\n        managed  %lu"
		   "\n        cma      0",
		   zone_page_state(zone, NR_FREE_PAGES), min_wmark_pages(zone),
		   low_wmark_pages(zone), high_wmark_pages(zone),
		   zone->spanned_pages, zone->present_pages,
		   zone_managed_pages(zone));
	seq_printf(m, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (j = 1; j < MAX_NR_ZONES; j++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[j]);
	seq_putc(m, ')');
	if (!populated_zone(zone)) {
		seq_putc(m, '\n');
		return;
	}
	show_stat_lines(m, zone_stat_lines, ARRAY_SIZE(zone_stat_lines),
			"\n      %-12s %lu", zone);
	zoneinfo_show_pagesets(m, zone);
	seq_printf(m,
		   "\n  node_unreclaimable:  0"
		   "\n  start_pfn:           %lu\n",
		   zone->zone_start_pfn);
}

/**
 * zoneinfo_show - /proc/zoneinfo: watermarks, sizes and counters per zone.
 * @m: where to write
 * @v: unused
 *
 * Every zone, empty ones too; the node's counters go with the first
 * populated one, as on Linux.  Return: 0.
 */
int zoneinfo_show(struct seq_file *m, void *v)
{
	bool first = true;
	struct zone *zone;

	for_each_zone(zone) {
		zoneinfo_show_zone(m, zone, first && populated_zone(zone));
		if (populated_zone(zone))
			first = false;
	}
	return 0;
}

/**
 * vmstat_show - /proc/vmstat: "name value" lines.
 * @m: where to write
 * @v: unused
 *
 * Return: 0.
 */
int vmstat_show(struct seq_file *m, void *v)
{
	show_stat_lines(m, zone_stat_lines, ARRAY_SIZE(zone_stat_lines),
			"%s %lu\n", NULL);
	show_stat_lines(m, node_stat_lines, ARRAY_SIZE(node_stat_lines),
			"%s %lu\n", NULL);
	seq_puts(m, "nr_dirty_threshold 0\nnr_dirty_background_threshold 0\n");
	show_stat_lines(m, event_lines, ARRAY_SIZE(event_lines), "%s %lu\n",
			NULL);
	return 0;
}

/**
 * arch_report_meminfo - the architecture's lines at the end of meminfo.
 * @m: where to write
 *
 * x86 prints its direct-map page sizes (DirectMap4k...) here; the
 * default prints nothing.
 */
void __weak arch_report_meminfo(struct seq_file *m)
{
}

/* "MemTotal:        8038484 kB": the name padded to 16, the value to 8. */
static void show_val_kb(struct seq_file *m, const char *name,
			unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/* Linux's si_mem_available() without page cache or reclaimable slab. */
static unsigned long mem_available(void)
{
	unsigned long free = global_zone_page_state(NR_FREE_PAGES);

	return free > totalreserve_pages ? free - totalreserve_pages : 0;
}

static void meminfo_show_top(struct seq_file *m)
{
	static const char *const zero[] = {
		"Buffers:",	   "Cached:",	    "SwapCached:",
		"Active:",	   "Inactive:",	    "Active(anon):",
		"Inactive(anon):", "Active(file):", "Inactive(file):",
		"Unevictable:",	   "Mlocked:",	    "SwapTotal:",
		"SwapFree:",	   "Zswap:",	    "Zswapped:",
		"Dirty:",	   "Writeback:",    "AnonPages:",
		"Mapped:",	   "Shmem:",	    "KReclaimable:",
	};
	unsigned int i;

	show_val_kb(m, "MemTotal:", totalram_pages());
	show_val_kb(m, "MemFree:", global_zone_page_state(NR_FREE_PAGES));
	show_val_kb(m, "MemAvailable:", mem_available());
	for (i = 0; i < ARRAY_SIZE(zero); i++)
		show_val_kb(m, zero[i], 0);
}

static void meminfo_show_kernel(struct seq_file *m)
{
	unsigned long slab = slab_pages_total();

	show_val_kb(m, "Slab:", slab);
	show_val_kb(m, "SReclaimable:", 0);
	show_val_kb(m, "SUnreclaim:", slab);
	seq_printf(m, "%-16s%8lu kB\n",
		   "KernelStack:", global_node_page_state(NR_KERNEL_STACK_KB));
	show_val_kb(m, "PageTables:", global_node_page_state(NR_PAGETABLE));
	show_val_kb(m, "SecPageTables:", 0);
	show_val_kb(m, "NFS_Unstable:", 0);
	show_val_kb(m, "Bounce:", 0);
	show_val_kb(m, "WritebackTmp:", 0);
	/* Overcommit ratio 50 and no swap: half of RAM. */
	show_val_kb(m, "CommitLimit:", totalram_pages() / 2);
	show_val_kb(m, "Committed_AS:", 0);
	seq_printf(m, "%-16s%8lu kB\n",
		   "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages());
	show_val_kb(m, "VmallocChunk:", 0);
}

static void meminfo_show_huge(struct seq_file *m)
{
	static const char *const zero[] = {
		"AnonHugePages:", "ShmemHugePages:", "ShmemPmdMapped:",
		"FileHugePages:", "FilePmdMapped:",  "CmaTotal:",
		"CmaFree:",
	};
	unsigned int i;

	show_val_kb(m, "Percpu:", 0);
	/* The one name too long for the 16 columns, as Linux prints it. */
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	for (i = 0; i < ARRAY_SIZE(zero); i++)
		show_val_kb(m, zero[i], 0);
	seq_printf(m,
		   "HugePages_Total:   %5lu\n"
		   "HugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\n"
		   "HugePages_Surp:    %5lu\n"
		   "Hugepagesize:   %8lu kB\n"
		   "Hugetlb:        %8lu kB\n",
		   0UL, 0UL, 0UL, 0UL, PMD_SIZE >> 10, 0UL);
}

/**
 * meminfo_show - /proc/meminfo, Linux 6.1's lines in Linux 6.1's order.
 * @m: where to write
 * @v: unused
 *
 * Return: 0.
 */
int meminfo_show(struct seq_file *m, void *v)
{
	meminfo_show_top(m);
	meminfo_show_kernel(m);
	meminfo_show_huge(m);
	arch_report_meminfo(m);
	return 0;
}
