/*
 * /proc/stat: CPU time per bucket (all CPUs, then each) in USER_HZ
 * ticks, interrupt counts, context switches, boot time, forks, and
 * runnable and blocked tasks -- what top and vmstat read.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

static u64 nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* The columns of a cpu line, in /proc/stat's order (not the enum's). */
static const enum cpu_usage_stat stat_columns[] = {
	CPUTIME_USER,	 CPUTIME_NICE,	CPUTIME_SYSTEM, CPUTIME_IDLE,
	CPUTIME_IOWAIT,	 CPUTIME_IRQ,	CPUTIME_SOFTIRQ, CPUTIME_STEAL,
	CPUTIME_GUEST,	 CPUTIME_GUEST_NICE,
};

static void show_cpu_line(struct seq_file *p, const char *name, const u64 *s)
{
	unsigned int i;

	seq_puts(p, name);
	for (i = 0; i < ARRAY_SIZE(stat_columns); i++)
		seq_printf(p, " %llu", nsec_to_clock_t(s[stat_columns[i]]));
	seq_putc(p, '\n');
}

static int show_stat(struct seq_file *p, void *v)
{
	u64 sum[NR_STATS] = {};
	u64 sum_irqs = 0, sum_softirqs = 0;
	unsigned int softirqs[NR_SOFTIRQS] = {};
	unsigned int cpu, irq;
	char name[16];
	time64_t boottime = ktime_get_real_seconds() -
			    ktime_get_boottime() / NSEC_PER_SEC;
	int i;

	for_each_possible_cpu(cpu) {
		const u64 *s = kcpustat_cpu(cpu).cpustat;

		for (i = 0; i < NR_STATS; i++)
			sum[i] += s[i];
		for (i = 0; i < NR_SOFTIRQS; i++) {
			softirqs[i] += kstat_softirqs_cpu(i, cpu);
			sum_softirqs += kstat_softirqs_cpu(i, cpu);
		}
	}
	for (irq = 0; irq < NR_IRQS; irq++)
		sum_irqs += kstat_irqs(irq);
	show_cpu_line(p, "cpu ", sum);
	for_each_online_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		show_cpu_line(p, name, kcpustat_cpu(cpu).cpustat);
	}
	seq_printf(p, "intr %llu", sum_irqs);
	for (irq = 0; irq < NR_IRQS; irq++)
		seq_printf(p, " %u", kstat_irqs(irq));
	seq_printf(p, "\nctxt %llu\nbtime %llu\nprocesses %lu\n"
		      "procs_running %lu\nprocs_blocked %lu\n",
		   nr_context_switches(), (unsigned long long)boottime,
		   total_forks, nr_running(), nr_iowait());
	seq_printf(p, "softirq %llu", sum_softirqs);
	for (i = 0; i < NR_SOFTIRQS; i++)
		seq_printf(p, " %u", softirqs[i]);
	seq_putc(p, '\n');
	return 0;
}

static int stat_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, show_stat, NULL, 4 * PAGE_SIZE);
}

static const struct proc_ops stat_proc_ops = {
	.proc_flags = PROC_ENTRY_PERMANENT,
	.proc_open = stat_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init proc_stat_init(void)
{
	proc_create("stat", 0, NULL, &stat_proc_ops);
	return 0;
}
fs_initcall(proc_stat_init);
