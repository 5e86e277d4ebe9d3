/*
 * /proc/uptime: seconds since boot and the idle seconds summed over
 * CPUs, both with two decimals.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 uptime = ktime_get_boottime();
	u64 idle = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		idle += kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE];
	seq_printf(m, "%llu.%02llu %llu.%02llu\n", uptime / NSEC_PER_SEC,
		   uptime % NSEC_PER_SEC / (NSEC_PER_SEC / 100),
		   idle / NSEC_PER_SEC,
		   idle % NSEC_PER_SEC / (NSEC_PER_SEC / 100));
	return 0;
}

static int __init proc_uptime_init(void)
{
	proc_create_single("uptime", 0444, NULL, uptime_proc_show);
	return 0;
}
fs_initcall(proc_uptime_init);
