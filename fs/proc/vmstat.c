/*
 * The memory allocator's files: buddyinfo, pagetypeinfo, zoneinfo,
 * vmstat (mm/vmstat.c) and slabinfo (mm/slab_common.c).  Linux
 * registers them from those files; here they are registered from
 * procfs, since the host tests link mm/vmstat.c without a VFS.
 */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/vmstat.h>

static int __init proc_vmstat_init(void)
{
	proc_create_single("buddyinfo", 0444, NULL, buddyinfo_show);
	proc_create_single("pagetypeinfo", 0400, NULL, pagetypeinfo_show);
	proc_create_single("zoneinfo", 0444, NULL, zoneinfo_show);
	proc_create_single("vmstat", 0444, NULL, vmstat_show);
	proc_create_single("slabinfo", 0400, NULL, slabinfo_show);
	return 0;
}
fs_initcall(proc_vmstat_init);
