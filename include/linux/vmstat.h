#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>
#include <linux/mmzone.h>

struct seq_file;

/* Event counters (/proc/vmstat's second half), Linux's names. */
enum vm_event_item {
	PGALLOC_DMA,
	PGALLOC_DMA32,
	PGALLOC_NORMAL,
	PGFREE,
	PGALLOC_FAIL, /* "page allocation failure" reports */
	PCP_REFILL, /* pcp list refilled from the buddy lists */
	PCP_DRAIN, /* pcp list drained into the buddy lists */
	NR_VM_EVENT_ITEMS
};

/* Machine-wide counters (Linux's node_stat_item, one node). */
enum node_stat_item {
	NR_SLAB_RECLAIMABLE_B,
	NR_SLAB_UNRECLAIMABLE_B, /* pages, despite Linux's _B name */
	NR_KERNEL_STACK_KB,
	NR_PAGETABLE,
	NR_VM_NODE_STAT_ITEMS
};

void count_vm_event(enum vm_event_item item);
void count_vm_events(enum vm_event_item item, unsigned long delta);
unsigned long vm_event_read(enum vm_event_item item);
void mod_node_page_state(enum node_stat_item item, long delta);
unsigned long global_node_page_state(enum node_stat_item item);
void mod_zone_page_state(struct zone *zone, enum zone_stat_item item,
			 long delta);
unsigned long global_zone_page_state(enum zone_stat_item item);

/*
 * The /proc files of the memory subsystem, in Linux's formats; the
 * procfs issue exposes them unchanged.  Each writes the whole file.
 */
int buddyinfo_show(struct seq_file *m, void *v);
int pagetypeinfo_show(struct seq_file *m, void *v);
int zoneinfo_show(struct seq_file *m, void *v);
int vmstat_show(struct seq_file *m, void *v);
int meminfo_show(struct seq_file *m, void *v);
/* meminfo's last lines (x86: DirectMap4k...); weak, empty by default. */
void arch_report_meminfo(struct seq_file *m);
int slabinfo_show(struct seq_file *m, void *v);

#endif /* _LINUX_VMSTAT_H */
