/* /proc/interrupts and /proc/softirqs: per-CPU counts (kernel/irq, softirq). */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/proc_fs.h>

static int __init proc_interrupts_init(void)
{
	proc_create_single("interrupts", 0444, NULL, show_interrupts);
	proc_create_single("softirqs", 0444, NULL, show_softirqs);
	return 0;
}
fs_initcall(proc_interrupts_init);
