/* /proc/cmdline: the kernel command line as the boot loader gave it. */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, saved_command_line ? saved_command_line :
					 boot_command_line);
	seq_putc(m, '\n');
	return 0;
}

static int __init proc_cmdline_init(void)
{
	proc_create_single("cmdline", 0444, NULL, cmdline_proc_show);
	return 0;
}
fs_initcall(proc_cmdline_init);
