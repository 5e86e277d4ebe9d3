/*
 * /proc/loadavg: "1min 5min 15min running/total last_pid" -- the load
 * averages with two decimals, runnable tasks over all tasks, and the
 * most recently allocated pid.
 */
#include <linux/init.h>
#include <linux/pid.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>

#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%d %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		   LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]), nr_running(),
		   nr_threads, pid_last());
	return 0;
}

static int __init proc_loadavg_init(void)
{
	proc_create_single("loadavg", 0444, NULL, loadavg_proc_show);
	return 0;
}
fs_initcall(proc_loadavg_init);
