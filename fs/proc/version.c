/*
 * /proc/version: "Linux version <release> (<builder>) (<compiler>)
 * <version>", from the same names as uname(2).
 */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/rwsem.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>

static int version_proc_show(struct seq_file *m, void *v)
{
	struct new_utsname *u = utsname();

	down_read(&uts_sem);
	seq_printf(m, "%s version %s (linnet@linnet) (gcc version %s) %s\n",
		   u->sysname, u->release, __VERSION__, u->version);
	up_read(&uts_sem);
	return 0;
}

static int __init proc_version_init(void)
{
	proc_create_single("version", 0444, NULL, version_proc_show);
	return 0;
}
fs_initcall(proc_version_init);
