/*
 * Miscellaneous devices: one major (10) shared by small drivers that
 * each need a single node.  Opening a misc node finds the device by
 * minor and hands the file to its fops, with file->private_data
 * pointing at the struct miscdevice (as Linux does).
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/stat.h>

/* Dynamic minors come from 127 down to 64, below Linux's fixed ones. */
#define DYNAMIC_MINOR_FIRST 64
#define DYNAMIC_MINOR_LAST 127

static LIST_HEAD(misc_list);
static struct class *misc_class; /* NULL until misc_init: no sysfs entry */
static DEFINE_MUTEX(misc_mtx);

static bool minor_taken(int minor)
{
	struct miscdevice *c;

	list_for_each_entry(c, &misc_list, list)
		if (c->minor == minor)
			return true;
	return false;
}

static int misc_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = NULL;
	int minor = iminor(inode);
	struct miscdevice *c;

	mutex_lock(&misc_mtx);
	list_for_each_entry(c, &misc_list, list) {
		if (c->minor == minor) {
			fops = c->fops;
			file->private_data = c;
			break;
		}
	}
	mutex_unlock(&misc_mtx);
	if (!fops)
		return -ENODEV;
	file->f_op = fops;
	if (fops->open)
		return fops->open(inode, file);
	return 0;
}

static const struct file_operations misc_fops = {
	.open = misc_open,
	.name = "misc",
};

/**
 * misc_register - add a misc device and its /dev node.
 * @misc: the device; a MISC_DYNAMIC_MINOR minor is replaced by the
 *	one chosen
 *
 * Returns 0, -EBUSY if the minor is taken or none is left, -EINVAL for
 * a nameless device.
 */
int misc_register(struct miscdevice *misc)
{
	bool dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	int minor = misc->minor, err = 0;

	if (!misc->name || !misc->fops)
		return -EINVAL;
	mutex_lock(&misc_mtx);
	if (dynamic) {
		for (minor = DYNAMIC_MINOR_LAST; minor >= DYNAMIC_MINOR_FIRST;
		     minor--)
			if (!minor_taken(minor))
				break;
		if (minor < DYNAMIC_MINOR_FIRST)
			err = -EBUSY;
	} else if (minor < 0 || minor > 255 || minor_taken(minor)) {
		err = minor_taken(minor) ? -EBUSY : -EINVAL;
	}
	if (!err) {
		misc->minor = minor;
		misc->dynamic = dynamic;
		list_add(&misc->list, &misc_list);
	}
	mutex_unlock(&misc_mtx);
	if (err)
		return err;
	device_create(misc_class, NULL, MKDEV(MISC_MAJOR, minor), misc, "%s",
		      misc->name);
	devtmpfs_create_node(misc->name,
			     S_IFCHR | (misc->mode ? misc->mode : 0600),
			     MKDEV(MISC_MAJOR, minor));
	return 0;
}

/**
 * misc_deregister - remove a device added by misc_register().
 * @misc: the device; a dynamic minor becomes MISC_DYNAMIC_MINOR again
 */
void misc_deregister(struct miscdevice *misc)
{
	mutex_lock(&misc_mtx);
	list_del(&misc->list);
	mutex_unlock(&misc_mtx);
	device_destroy(misc_class, MKDEV(MISC_MAJOR, misc->minor));
	devtmpfs_delete_node(misc->name);
	if (misc->dynamic)
		misc->minor = MISC_DYNAMIC_MINOR;
}

static int __init misc_init(void)
{
	int err = register_chrdev(MISC_MAJOR, "misc", &misc_fops);

	misc_class = class_create("misc"); /* /sys/class/misc */

	if (err)
		pr_err("misc: cannot register major %d: %d\n", MISC_MAJOR, err);
	return err;
}
subsys_initcall(misc_init);
