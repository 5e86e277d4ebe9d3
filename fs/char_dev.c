/*
 * The character device registry.
 *
 * Two tables, as in Linux: the regions (who owns which major/minor
 * range, for /proc/devices and to refuse overlaps) and the cdev map
 * (which file_operations serve an opened device number).  Both are
 * short lists under one mutex; opening a device walks the map once.
 */
#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

struct char_device_struct {
	struct list_head list; /* sorted by major, then first minor */
	unsigned int major;
	unsigned int baseminor;
	unsigned int minorct;
	char name[64];
	struct cdev *cdev; /* made by __register_chrdev, freed with it */
};

static LIST_HEAD(chrdev_regions);
static LIST_HEAD(cdev_map);
static DEFINE_MUTEX(chrdevs_lock);

static bool major_in_use(unsigned int major)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdev_regions, list)
		if (cd->major == major)
			return true;
	return false;
}

/* A free major from the dynamic ranges, or -EBUSY.  Lock held. */
static int find_dynamic_major(void)
{
	int i;

	for (i = 254; i >= CHRDEV_MAJOR_DYN_END; i--)
		if (!major_in_use(i))
			return i;
	for (i = CHRDEV_MAJOR_DYN_EXT_START; i >= CHRDEV_MAJOR_DYN_EXT_END; i--)
		if (!major_in_use(i))
			return i;
	return -EBUSY;
}

/*
 * Claim [baseminor, baseminor + minorct) of @major (0: pick one).
 * Returns the region or an ERR_PTR: -EINVAL for a bad major or range,
 * -EBUSY when it overlaps a registered one.
 */
static struct char_device_struct *
__register_chrdev_region(unsigned int major, unsigned int baseminor,
			 int minorct, const char *name)
{
	struct char_device_struct *cd, *pos;
	struct list_head *before = &chrdev_regions;
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || minorct <= 0 ||
	    baseminor > MINORMASK || minorct - 1 > MINORMASK - baseminor)
		return ERR_PTR(-EINVAL);
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return ERR_PTR(-ENOMEM);

	mutex_lock(&chrdevs_lock);
	if (!major) {
		ret = find_dynamic_major();
		if (ret < 0)
			goto out;
		major = ret;
	}
	ret = -EBUSY;
	list_for_each_entry(pos, &chrdev_regions, list) {
		if (pos->major == major &&
		    baseminor < pos->baseminor + pos->minorct &&
		    pos->baseminor < baseminor + minorct)
			goto out;
		if (pos->major < major ||
		    (pos->major == major && pos->baseminor < baseminor))
			before = &pos->list;
	}
	cd->major = major;
	cd->baseminor = baseminor;
	cd->minorct = minorct;
	strscpy(cd->name, name, sizeof(cd->name));
	list_add(&cd->list, before);
	mutex_unlock(&chrdevs_lock);
	return cd;
out:
	mutex_unlock(&chrdevs_lock);
	kfree(cd);
	return ERR_PTR(ret);
}

static struct char_device_struct *
__unregister_chrdev_region(unsigned int major, unsigned int baseminor,
			   int minorct)
{
	struct char_device_struct *cd;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdev_regions, list) {
		if (cd->major == major && cd->baseminor == baseminor &&
		    cd->minorct == minorct) {
			list_del(&cd->list);
			mutex_unlock(&chrdevs_lock);
			return cd;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return NULL;
}

/**
 * register_chrdev_region - claim a range of device numbers.
 * @from: the first number; its major must be given
 * @count: how many consecutive numbers (may run into the next majors)
 * @name: the driver, as /proc/devices shows it
 *
 * Returns 0, -EBUSY if part of the range is taken, -EINVAL if it is
 * malformed.  Process context.
 */
int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	dev_t to = from + count, n, next;
	struct char_device_struct *cd;

	if (!count || to < from)
		return -EINVAL;
	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		if (next > to)
			next = to;
		if (!MAJOR(n)) {
			cd = ERR_PTR(-EINVAL);
			goto fail;
		}
		cd = __register_chrdev_region(MAJOR(n), MINOR(n), next - n,
					      name);
		if (IS_ERR(cd))
			goto fail;
	}
	return 0;
fail:
	to = n;
	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
	}
	return PTR_ERR(cd);
}

/**
 * alloc_chrdev_region - claim @count numbers under a free major.
 * @dev: out: the first number
 * @baseminor: first minor
 * @count: how many
 * @name: the driver's name
 *
 * Returns 0 or -EBUSY when every dynamic major is taken.
 */
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name)
{
	struct char_device_struct *cd;

	cd = __register_chrdev_region(0, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}

/**
 * unregister_chrdev_region - give back numbers claimed earlier.
 * @from: the first number, as registered
 * @count: the count, as registered
 */
void unregister_chrdev_region(dev_t from, unsigned count)
{
	dev_t to = from + count, n, next;

	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		if (next > to)
			next = to;
		kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
	}
}

/**
 * cdev_init - prepare @cdev to serve files with @fops.
 * @cdev: the structure, usually embedded in the driver's
 * @fops: the operations its files get on open
 */
void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	cdev->ops = fops;
}

/** cdev_alloc - a cdev that cdev_del() frees; NULL without memory. */
struct cdev *cdev_alloc(void)
{
	struct cdev *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (p) {
		INIT_LIST_HEAD(&p->list);
		p->allocated = true;
	}
	return p;
}

/**
 * cdev_add - make @count numbers from @dev openable through @p.
 * @p: an initialised cdev
 * @dev: first number
 * @count: how many
 *
 * Returns 0, or -EBUSY if another cdev already serves one of them.
 */
int cdev_add(struct cdev *p, dev_t dev, unsigned int count)
{
	struct cdev *q;

	if (!count || dev + count < dev)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	list_for_each_entry(q, &cdev_map, list) {
		if (dev < q->dev + q->count && q->dev < dev + count) {
			mutex_unlock(&chrdevs_lock);
			return -EBUSY;
		}
	}
	p->dev = dev;
	p->count = count;
	list_add_tail(&p->list, &cdev_map);
	mutex_unlock(&chrdevs_lock);
	return 0;
}

/**
 * cdev_del - stop serving @p's numbers; frees it if cdev_alloc() made it.
 * @p: a cdev added before (or never added)
 */
void cdev_del(struct cdev *p)
{
	mutex_lock(&chrdevs_lock);
	if (!list_empty(&p->list))
		list_del_init(&p->list);
	mutex_unlock(&chrdevs_lock);
	if (p->allocated)
		kfree(p);
}

/**
 * cdev_lookup - the cdev serving device number @dev, or NULL.
 * @dev: the number, e.g. inode->i_rdev
 */
struct cdev *cdev_lookup(dev_t dev)
{
	struct cdev *p, *found = NULL;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(p, &cdev_map, list) {
		if (dev >= p->dev && dev - p->dev < p->count) {
			found = p;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return found;
}

/**
 * __register_chrdev - claim numbers and serve them with @fops in one go.
 * @major: the major, or 0 for a dynamic one
 * @baseminor: first minor
 * @count: how many minors
 * @name: for /proc/devices
 * @fops: the operations
 *
 * Returns the major (dynamic case) or 0, or a negative errno.
 */
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops)
{
	struct char_device_struct *cd;
	struct cdev *cdev;
	int err;

	cd = __register_chrdev_region(major, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	err = -ENOMEM;
	cdev = cdev_alloc();
	if (!cdev)
		goto out;
	cdev->ops = fops;
	err = cdev_add(cdev, MKDEV(cd->major, baseminor), count);
	if (err) {
		kfree(cdev);
		goto out;
	}
	cd->cdev = cdev;
	return major ? 0 : cd->major;
out:
	kfree(__unregister_chrdev_region(cd->major, baseminor, count));
	return err;
}

/**
 * __unregister_chrdev - undo __register_chrdev().
 * @major: the major it returned or was given
 * @baseminor: as registered
 * @count: as registered
 * @name: unused, as in Linux
 */
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name)
{
	struct char_device_struct *cd;

	cd = __unregister_chrdev_region(major, baseminor, count);
	if (cd && cd->cdev)
		cdev_del(cd->cdev);
	kfree(cd);
}

/*
 * Opening any character device node: find who serves the number, give
 * the file that driver's operations, and let the driver open it.
 */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops;
	struct cdev *p;

	p = cdev_lookup(inode->i_rdev);
	if (!p || !p->ops)
		return -ENXIO;
	fops = p->ops;
	filp->f_op = fops;
	if (fops->open)
		return fops->open(inode, filp);
	return 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = NULL,
	.name = "def_chr_fops",
};

/**
 * chrdev_show - list the registered majors for /proc/devices.
 * @m: the buffer
 *
 * "Character devices:" then one "%3d %s" line per region, by major.
 */
void chrdev_show(struct seq_file *m)
{
	struct char_device_struct *cd;

	seq_puts(m, "Character devices:\n");
	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdev_regions, list)
		seq_printf(m, "%3d %s\n", cd->major, cd->name);
	mutex_unlock(&chrdevs_lock);
}
