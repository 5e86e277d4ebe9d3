/*
 * /proc/sys/kernel/{ostype,osrelease,version,hostname,domainname}: the
 * uname(2) strings, the last two writable (like sethostname(2)).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/utsname.h>

/*
 * Work on a copy so a reader never sees a name half-written, and
 * uts_sem is not held while the handler touches the reader's buffer.
 */
static int proc_do_uts_string(struct ctl_table *table, int write,
			      void *buffer, size_t *lenp, loff_t *ppos)
{
	char tmp[__NEW_UTS_LEN + 1];
	struct ctl_table uts_table = *table;
	int err;

	uts_table.data = tmp;
	down_read(&uts_sem);
	memcpy(tmp, table->data, sizeof(tmp));
	up_read(&uts_sem);
	err = proc_dostring(&uts_table, write, buffer, lenp, ppos);
	if (!err && write) {
		down_write(&uts_sem);
		memset(table->data, 0, __NEW_UTS_LEN + 1);
		strscpy(table->data, tmp, __NEW_UTS_LEN + 1);
		up_write(&uts_sem);
	}
	return err;
}

static struct ctl_table uts_kern_table[6];

static void __init uts_entry(int i, const char *name, char *field,
			     umode_t mode)
{
	uts_kern_table[i].procname = name;
	uts_kern_table[i].data = field;
	uts_kern_table[i].maxlen = __NEW_UTS_LEN + 1;
	uts_kern_table[i].mode = mode;
	uts_kern_table[i].proc_handler = proc_do_uts_string;
}

static int __init utsname_sysctl_init(void)
{
	struct new_utsname *u = utsname();

	uts_entry(0, "ostype", u->sysname, 0444);
	uts_entry(1, "osrelease", u->release, 0444);
	uts_entry(2, "version", u->version, 0444);
	uts_entry(3, "hostname", u->nodename, 0644);
	uts_entry(4, "domainname", u->domainname, 0644);
	register_sysctl("kernel", uts_kern_table);
	return 0;
}
fs_initcall(utsname_sysctl_init);
