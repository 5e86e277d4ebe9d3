/*
 * vm.drop_caches: 1 frees clean page-cache pages, 2 unused dentries and
 * inodes, 3 both (4 only silences the message).  Linnet's page cache
 * holds only ramfs/tmpfs data, which is the file itself and cannot be
 * dropped, so 1 has nothing to free yet; 2 empties the dentry LRU,
 * whose dentries release their inodes.
 */
#include <linux/dcache.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sysctl.h>

int sysctl_drop_caches;

/** drop_caches_sysctl_handler - the handler of vm.drop_caches. */
int drop_caches_sysctl_handler(struct ctl_table *table, int write,
			       void *buffer, size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	static bool said;

	if (ret || !write)
		return ret;
	if (sysctl_drop_caches & 2)
		prune_dcache(ULONG_MAX);
	if (!(sysctl_drop_caches & 4) && !said) {
		said = true;
		pr_info("%s (%d): drop_caches: %d\n", current->comm,
			current->pid, sysctl_drop_caches);
	}
	return 0;
}
