#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

/*
 * A character device: a range of device numbers served by one set of
 * file_operations.  Drivers claim the numbers first
 * (register_chrdev_region or alloc_chrdev_region, linux/fs.h), then
 * cdev_init + cdev_add make them openable: opening a node with that
 * i_rdev goes through def_chr_fops, which finds the cdev and switches
 * the file over to the driver's operations.
 *
 * There are no kobjects: a cdev has no reference count, so a driver
 * may cdev_del() only when none of its files can still be opened or
 * are open (driver exit paths, tests).
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/kdev_t.h>

struct file_operations;
struct seq_file;

struct cdev {
	const struct file_operations *ops;
	struct list_head list; /* in the lookup map (fs/char_dev.c) */
	dev_t dev; /* first number */
	unsigned int count; /* how many */
	bool allocated; /* by cdev_alloc(): cdev_del frees it */
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);
struct cdev *cdev_lookup(dev_t dev);
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name);

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

/* The "Character devices:" part of /proc/devices, in Linux's format. */
void chrdev_show(struct seq_file *m);

#define CHRDEV_MAJOR_MAX 512
/* Dynamic majors: 254 down to 234, then 511 down to 384, as Linux. */
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_EXT_START 511
#define CHRDEV_MAJOR_DYN_EXT_END 384

/*
 * Device nodes in /dev (devtmpfs, the VFS's): @name is relative to
 * /dev ("ttyS0", "pts/3"), @mode holds S_IFCHR and the permissions.
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
int devtmpfs_delete_node(const char *name);

#endif /* _LINUX_CDEV_H */
