/*
 * /proc/devices: the registered character majors, then the block ones
 * (none: there is no block layer yet), and /proc/partitions, which
 * for the same reason has only its header.
 */
#include <linux/cdev.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int devinfo_show(struct seq_file *m, void *v)
{
	chrdev_show(m);
	seq_puts(m, "\nBlock devices:\n");
	return 0;
}

static int partitions_show(struct seq_file *m, void *v)
{
	seq_puts(m, "major minor  #blocks  name\n\n");
	return 0;
}

static int __init proc_devices_init(void)
{
	proc_create_single("devices", 0444, NULL, devinfo_show);
	proc_create_single("partitions", 0444, NULL, partitions_show);
	return 0;
}
fs_initcall(proc_devices_init);
