/*
 * The memory devices of major 1: /dev/null (3), /dev/zero (5),
 * /dev/full (7), /dev/random (8), /dev/urandom (9), /dev/kmsg (11).
 * /dev/mem and /dev/port are not provided.  mmap of /dev/zero gives
 * anonymous memory (shared mappings of it share pages with fork's
 * children as shared anonymous memory does in mm/).
 */
#include <linux/cdev.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/stat.h>
#include <linux/uaccess.h>

#define MEM_MAJOR 1

static ssize_t read_null(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return count;
}

/* Seeking /dev/null, /dev/zero or /dev/full always lands on 0. */
static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

/* Zeroes, a page at a time, giving way to signals between pages. */
static ssize_t read_zero(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	size_t done = 0;

	while (done < count) {
		size_t n = min_t(size_t, count - done, PAGE_SIZE);
		size_t left = clear_user(buf + done, n);

		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
		if (done < count) {
			if (signal_pending(current))
				return done;
			cond_resched();
		}
	}
	return done;
}

/*
 * Mapping /dev/zero gives anonymous memory, private or shared, as Linux
 * does (the classic way to get zeroed pages before MAP_ANONYMOUS): no
 * vm_ops, so faults are demand-zero.
 */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = NULL;
	return 0;
}

static ssize_t write_full(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
	.name = "null",
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
	.mmap = mmap_zero,
	.name = "zero",
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_full,
	.name = "full",
};

static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[8] = { "random", 0666, &random_fops },
	[9] = { "urandom", 0666, &urandom_fops },
	[11] = { "kmsg", 0644, &kmsg_fops },
};

static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = iminor(inode);
	const struct memdev *dev;

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor].fops)
		return -ENXIO;
	dev = &devlist[minor];
	filp->f_op = dev->fops;
	if (dev->fops->open)
		return dev->fops->open(inode, filp);
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.name = "mem",
};

static int __init chr_dev_init(void)
{
	int err = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (err) {
		pr_err("mem: cannot register major %d: %d\n", MEM_MAJOR, err);
		return err;
	}
	for (unsigned int minor = 0; minor < ARRAY_SIZE(devlist); minor++)
		if (devlist[minor].name)
			devtmpfs_create_node(devlist[minor].name,
					     S_IFCHR | devlist[minor].mode,
					     MKDEV(MEM_MAJOR, minor));
	return 0;
}
fs_initcall(chr_dev_init);
