/* /proc/meminfo: mm/vmstat.c's meminfo_show(), the page counters in kB. */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/vmstat.h>

static int __init proc_meminfo_init(void)
{
	proc_create_single("meminfo", 0, NULL, meminfo_show);
	return 0;
}
fs_initcall(proc_meminfo_init);
