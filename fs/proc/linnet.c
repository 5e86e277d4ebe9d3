/*
 * /proc/linnet/: Linnet's own diagnostics.  unimplemented lists the
 * system calls programs asked for that do not exist yet, and how often
 * (arch/x86/entry/syscall_64.c).
 */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <asm/syscall.h>

static int unimplemented_show(struct seq_file *m, void *v)
{
	show_unimplemented_syscalls(m);
	return 0;
}

static int __init proc_linnet_init(void)
{
	struct proc_dir_entry *dir = proc_mkdir("linnet", NULL);

	if (dir)
		proc_create_single("unimplemented", 0444, dir,
				   unimplemented_show);
	return 0;
}
fs_initcall(proc_linnet_init);
