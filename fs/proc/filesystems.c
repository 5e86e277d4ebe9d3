/*
 * /proc/filesystems ("nodev\tproc" lines, fs/filesystems.c), and the
 * empty /proc/modules (no loadable modules) and header-only /proc/swaps
 * (no swap), which lsmod, free and swapon read.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int filesystems_show(struct seq_file *m, void *v)
{
	filesystems_proc_show(m);
	return 0;
}

static int modules_show(struct seq_file *m, void *v)
{
	return 0;
}

static int swaps_show(struct seq_file *m, void *v)
{
	seq_puts(m, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	return 0;
}

static int __init proc_filesystems_init(void)
{
	proc_create_single("filesystems", 0444, NULL, filesystems_show);
	proc_create_single("modules", 0444, NULL, modules_show);
	proc_create_single("swaps", 0444, NULL, swaps_show);
	return 0;
}
fs_initcall(proc_filesystems_init);
