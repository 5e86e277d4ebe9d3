#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

/*
 * sysctl: kernel variables as files under /proc/sys.  A subsystem
 * describes its variables in a table (ended by an entry without a
 * procname) and registers it under a path ("kernel", "vm", "fs");
 * reads and writes of the files go through each entry's handler, with
 * the text in a kernel buffer.
 */
#include <linux/types.h>

struct ctl_table;

/*
 * A handler: for a read (@write 0) put the text of the value at file
 * offset *@ppos into @buffer, at most *@lenp bytes, and set *@lenp to
 * what was put; for a write, parse *@lenp bytes of @buffer (NUL
 * terminated).  Either way advance *@ppos.  0 or -errno.
 */
typedef int proc_handler(struct ctl_table *ctl, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

struct ctl_table {
	const char *procname;
	void *data;
	int maxlen; /* bytes of data */
	umode_t mode;
	proc_handler *proc_handler;
	void *extra1; /* minmax: the lowest allowed */
	void *extra2; /* minmax: the highest allowed */
};

struct ctl_table_header {
	struct ctl_table *ctl_table;
};

/* Handlers for the usual kinds of variable (kernel/sysctl.c). */
int proc_dostring(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos);
int proc_dointvec(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos);
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);
int proc_douintvec(struct ctl_table *table, int write, void *buffer,
		   size_t *lenp, loff_t *ppos);
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer,
			   size_t *lenp, loff_t *ppos);
/* Read-side helper: hand out the slice of @text at *@ppos. */
int proc_put_text(const char *text, void *buffer, size_t *lenp,
		  loff_t *ppos);

/*
 * register_sysctl - add @table's entries under /proc/sys/@path
 * (directories made as needed).  Process context.  Returns a handle or
 * NULL.
 */
struct ctl_table_header *register_sysctl(const char *path,
					 struct ctl_table *table);

extern int sysctl_drop_caches;
int drop_caches_sysctl_handler(struct ctl_table *table, int write,
			       void *buffer, size_t *lenp, loff_t *ppos);

#endif /* _LINUX_SYSCTL_H */
