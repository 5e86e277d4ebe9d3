/*
 * The tty core: drivers, tty_structs and the file operations of every
 * terminal node.
 *
 * Opening a node finds the driver by device number (or, for /dev/tty,
 * the caller's controlling terminal; for /dev/console, the console's
 * tty), then the tty_struct of that line: the existing one (a reopen)
 * or a new one the driver installs.  Each open file gets a
 * tty_file_private on the tty's list, so a hangup can cut off exactly
 * the files open at that moment: they read EOF and fail writes with
 * EIO from then on, while later opens get a working terminal again.
 *
 * Lifetime: tty->count counts open files (under tty_lock); the kref
 * counts references (the opens together hold one, plus controlling-tty
 * pointers, port->tty, the pty partner).  The last close releases the
 * line discipline and unhooks the tty from its driver; the last kref
 * frees it from a worker, so a put from an interrupt handler is safe.
 * A pty pair is released together once neither half is open.
 *
 * Reads and writes bounce through kernel buffers: the line discipline
 * only ever sees kernel memory.
 */
#include <linux/capability.h>
#include <linux/cdev.h>
#include <linux/console.h>
#include <linux/cred.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

LIST_HEAD(tty_drivers);
DEFINE_MUTEX(tty_mutex); /* tty_drivers, driver->ttys[] */

/* Linux's defaults for a new terminal: cooked, echoing, 38400 8N1. */
const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = {
		[VINTR] = 'C' - 0x40,
		[VQUIT] = '\\' - 0x40,
		[VERASE] = 0x7f,
		[VKILL] = 'U' - 0x40,
		[VEOF] = 'D' - 0x40,
		[VTIME] = 0,
		[VMIN] = 1,
		[VSWTC] = 0,
		[VSTART] = 'Q' - 0x40,
		[VSTOP] = 'S' - 0x40,
		[VSUSP] = 'Z' - 0x40,
		[VEOL] = 0,
		[VREPRINT] = 'R' - 0x40,
		[VDISCARD] = 'O' - 0x40,
		[VWERASE] = 'W' - 0x40,
		[VLNEXT] = 'V' - 0x40,
		[VEOL2] = 0,
	},
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

void tty_lock(struct tty_struct *tty)
{
	mutex_lock(&tty->legacy_mutex);
}

void tty_unlock(struct tty_struct *tty)
{
	mutex_unlock(&tty->legacy_mutex);
}

/* The second of a pty pair, locked after the first. */
static void tty_lock_slave(struct tty_struct *tty)
{
	if (tty)
		mutex_lock_nested(&tty->legacy_mutex, 1);
}

static void tty_unlock_slave(struct tty_struct *tty)
{
	if (tty)
		mutex_unlock(&tty->legacy_mutex);
}

/**
 * file_tty - the tty an open tty file refers to.
 * @file: a file opened through tty_fops
 */
struct tty_struct *file_tty(struct file *file)
{
	return ((struct tty_file_private *)file->private_data)->tty;
}

bool tty_hung_up_p(struct file *filp)
{
	struct tty_file_private *priv = filp->private_data;

	return priv && READ_ONCE(priv->hung_up);
}

/* ------------------------------------------------------------------ */
/* Drivers                                                            */

/**
 * __tty_alloc_driver - a driver for @lines terminals, to be filled in.
 * @lines: how many devices
 * @flags: TTY_DRIVER_*
 *
 * Returns the driver or ERR_PTR(-ENOMEM / -EINVAL).
 */
struct tty_driver *__tty_alloc_driver(unsigned int lines, unsigned long flags)
{
	struct tty_driver *driver;

	if (!lines)
		return ERR_PTR(-EINVAL);
	driver = kzalloc(sizeof(*driver), GFP_KERNEL);
	if (!driver)
		return ERR_PTR(-ENOMEM);
	driver->num = lines;
	driver->flags = flags;
	driver->ttys = kcalloc(lines, sizeof(*driver->ttys), GFP_KERNEL);
	driver->termios = kcalloc(lines, sizeof(*driver->termios), GFP_KERNEL);
	driver->ports = kcalloc(lines, sizeof(*driver->ports), GFP_KERNEL);
	if (!driver->ttys || !driver->termios || !driver->ports) {
		tty_driver_kref_put(driver);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&driver->tty_drivers);
	return driver;
}

/** tty_driver_kref_put - free an unregistered driver. */
void tty_driver_kref_put(struct tty_driver *driver)
{
	if (!driver)
		return;
	if (driver->termios)
		for (unsigned int i = 0; i < driver->num; i++)
			kfree(driver->termios[i]);
	kfree(driver->termios);
	kfree(driver->ttys);
	kfree(driver->ports);
	kfree(driver);
}

void tty_set_operations(struct tty_driver *driver,
			const struct tty_operations *op)
{
	driver->ops = op;
}

/* "ttyS" + 0 = "ttyS0"; the pty slaves "pts/" + 3 = "pts/3". */
static void tty_line_name(struct tty_driver *driver, int index, char *p,
			  size_t size)
{
	snprintf(p, size, "%s%d", driver->name, index + driver->name_base);
}

/* /sys/class/tty: every registered line, /dev/tty and /dev/console. */
static struct class *tty_class;

static int __init tty_class_init(void)
{
	tty_class = class_create("tty");
	return IS_ERR(tty_class) ? PTR_ERR(tty_class) : 0;
}
postcore_initcall(tty_class_init);

/**
 * tty_register_device - create the /dev node of @driver's line @index,
 * and its /sys/class/tty entry.
 * @driver: a registered driver
 * @index: the line
 */
int tty_register_device(struct tty_driver *driver, unsigned int index)
{
	char name[64];
	umode_t mode = S_IFCHR | 0620;
	struct device *dev;
	dev_t devt;

	if (index >= driver->num)
		return -EINVAL;
	tty_line_name(driver, index, name, sizeof(name));
	if (driver->type == TTY_DRIVER_TYPE_SERIAL)
		mode = S_IFCHR | 0660;
	if (driver->type == TTY_DRIVER_TYPE_PTY &&
	    driver->subtype == PTY_TYPE_MASTER)
		return 0; /* masters are reached through /dev/ptmx only */
	devt = MKDEV(driver->major, driver->minor_start + index);
	dev = device_create(tty_class, NULL, devt, driver, "%s", name);
	if (IS_ERR(dev))
		pr_warn("tty: no sysfs entry for %s: %ld\n", name, PTR_ERR(dev));
	return devtmpfs_create_node(name, mode, devt);
}

void tty_unregister_device(struct tty_driver *driver, unsigned int index)
{
	char name[64];

	if (index >= driver->num)
		return;
	tty_line_name(driver, index, name, sizeof(name));
	device_destroy(tty_class, MKDEV(driver->major, driver->minor_start + index));
	devtmpfs_delete_node(name);
}

/**
 * tty_register_driver - claim the driver's device numbers, make them
 * openable, and (unless TTY_DRIVER_DYNAMIC_DEV) create every node.
 * @driver: from tty_alloc_driver(), filled in
 *
 * Returns 0 or a registry error (-EBUSY).
 */
int tty_register_driver(struct tty_driver *driver)
{
	dev_t dev;
	int err;

	if (!driver->major) {
		err = alloc_chrdev_region(&dev, driver->minor_start,
					  driver->num, driver->name);
		if (!err) {
			driver->major = MAJOR(dev);
			driver->minor_start = MINOR(dev);
		}
	} else {
		dev = MKDEV(driver->major, driver->minor_start);
		err = register_chrdev_region(dev, driver->num, driver->name);
	}
	if (err)
		return err;
	/*
	 * Lines that keep their termios across opens get the storage now,
	 * not at a first close, so an open/close cycle allocates nothing
	 * that outlives it.
	 */
	if (!(driver->flags & TTY_DRIVER_RESET_TERMIOS)) {
		for (unsigned int i = 0; i < driver->num; i++) {
			struct ktermios *tp = kmalloc(sizeof(*tp), GFP_KERNEL);

			if (!tp)
				break;
			*tp = driver->init_termios;
			driver->termios[i] = tp;
		}
	}
	cdev_init(&driver->cdev, &tty_fops);
	err = cdev_add(&driver->cdev, dev, driver->num);
	if (err) {
		unregister_chrdev_region(dev, driver->num);
		return err;
	}
	mutex_lock(&tty_mutex);
	list_add_tail(&driver->tty_drivers, &tty_drivers);
	mutex_unlock(&tty_mutex);
	if (!(driver->flags & TTY_DRIVER_DYNAMIC_DEV))
		for (unsigned int i = 0; i < driver->num; i++)
			tty_register_device(driver, i);
	driver->flags |= TTY_DRIVER_INSTALLED;
	return 0;
}

/** tty_unregister_driver - undo tty_register_driver(); no tty open. */
void tty_unregister_driver(struct tty_driver *driver)
{
	if (!(driver->flags & TTY_DRIVER_INSTALLED))
		return;
	if (!(driver->flags & TTY_DRIVER_DYNAMIC_DEV))
		for (unsigned int i = 0; i < driver->num; i++)
			tty_unregister_device(driver, i);
	cdev_del(&driver->cdev);
	unregister_chrdev_region(MKDEV(driver->major, driver->minor_start),
				 driver->num);
	mutex_lock(&tty_mutex);
	list_del(&driver->tty_drivers);
	mutex_unlock(&tty_mutex);
	driver->flags &= ~TTY_DRIVER_INSTALLED;
}

/* The driver and line of device number @dev.  tty_mutex held. */
static struct tty_driver *get_tty_driver(dev_t dev, int *index)
{
	struct tty_driver *p;

	list_for_each_entry(p, &tty_drivers, tty_drivers) {
		dev_t base = MKDEV(p->major, p->minor_start);

		if (dev < base || dev >= base + p->num)
			continue;
		*index = dev - base;
		return p;
	}
	return NULL;
}

/**
 * tty_name_to_driver - find "ttyS0"-style names (console=, tests).
 * @name: node name
 * @index: out: the line
 * @driver: out: its driver
 *
 * Returns 0 or -ENODEV.
 */
int tty_name_to_driver(const char *name, int *index, struct tty_driver **driver)
{
	struct tty_driver *p;
	int ret = -ENODEV;

	mutex_lock(&tty_mutex);
	list_for_each_entry(p, &tty_drivers, tty_drivers) {
		size_t len = strlen(p->name);
		unsigned long n;
		char *end;

		if (strncmp(name, p->name, len))
			continue;
		n = simple_strtoul(name + len, &end, 10);
		if (end == name + len || *end || n < (unsigned)p->name_base ||
		    n - p->name_base >= p->num)
			continue;
		*index = n - p->name_base;
		*driver = p;
		ret = 0;
		break;
	}
	mutex_unlock(&tty_mutex);
	return ret;
}

/* ------------------------------------------------------------------ */
/* tty_struct lifetime                                                */

static void do_tty_hangup(struct work_struct *work);

static void release_one_tty(struct work_struct *work)
{
	struct tty_struct *tty =
		container_of(work, struct tty_struct, release_work);

	if (tty->ops && tty->ops->cleanup)
		tty->ops->cleanup(tty);
	tty_ldisc_deinit(tty);
	kfree(tty->write_buf);
	kfree(tty);
}

/**
 * tty_kref_put - drop a reference; the last one frees the tty.
 * @tty: the tty, or NULL
 *
 * Any context: the freeing runs on a worker.
 */
void tty_kref_put(struct tty_struct *tty)
{
	if (tty && refcount_dec_and_test(&tty->kref))
		schedule_work(&tty->release_work);
}

/**
 * tty_alloc_struct - a new tty_struct for @driver's line @idx.
 * @driver: the driver
 * @idx: the line
 *
 * One reference, not installed, not open.  NULL without memory.
 */
struct tty_struct *tty_alloc_struct(struct tty_driver *driver, int idx)
{
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (!tty)
		return NULL;
	refcount_set(&tty->kref, 1);
	tty->driver = driver;
	tty->ops = driver->ops;
	tty->index = idx;
	mutex_init(&tty->ldisc_lock);
	mutex_init(&tty->atomic_write_lock);
	mutex_init(&tty->legacy_mutex);
	init_rwsem(&tty->termios_rwsem);
	spin_lock_init(&tty->ctrl_lock);
	spin_lock_init(&tty->files_lock);
	init_waitqueue_head(&tty->write_wait);
	init_waitqueue_head(&tty->read_wait);
	INIT_WORK(&tty->hangup_work, do_tty_hangup);
	INIT_WORK(&tty->release_work, release_one_tty);
	INIT_LIST_HEAD(&tty->tty_files);
	tty_line_name(driver, idx, tty->name, sizeof(tty->name));
	if (tty_ldisc_init(tty)) {
		kfree(tty);
		return NULL;
	}
	return tty;
}

/* The termios a new tty on line @idx starts with. */
static void tty_init_termios(struct tty_struct *tty)
{
	struct ktermios *tp = tty->driver->termios[tty->index];

	if (tp && !(tty->driver->flags & TTY_DRIVER_RESET_TERMIOS))
		tty->termios = *tp;
	else
		tty->termios = tty->driver->init_termios;
}

/* Default install: the driver's port for the line, if any. */
static int tty_driver_install_tty(struct tty_driver *driver,
				  struct tty_struct *tty)
{
	if (driver->ops->install)
		return driver->ops->install(driver, tty);
	tty_init_termios(tty);
	tty->port = driver->ports[tty->index];
	driver->ttys[tty->index] = tty;
	return 0;
}

static void tty_driver_remove_tty(struct tty_driver *driver,
				  struct tty_struct *tty)
{
	if (driver->ops->remove)
		driver->ops->remove(driver, tty);
	else if (driver->ttys[tty->index] == tty)
		driver->ttys[tty->index] = NULL;
}

/**
 * tty_init_dev - make the tty of @driver's line @idx; it is not open yet.
 * @driver: the driver
 * @idx: the line
 *
 * tty_mutex held.  Returns the tty locked, with count 1, or ERR_PTR.
 */
struct tty_struct *tty_init_dev(struct tty_driver *driver, int idx)
{
	struct tty_struct *tty;
	int err;

	tty = tty_alloc_struct(driver, idx);
	if (!tty)
		return ERR_PTR(-ENOMEM);
	tty_lock(tty);
	err = tty_driver_install_tty(driver, tty);
	if (err)
		goto fail;
	if (!tty->port) {
		err = -EINVAL; /* a driver must give every line a port */
		goto fail_remove;
	}
	err = tty_ldisc_setup(tty);
	if (err)
		goto fail_remove;
	if (tty->link) {
		err = tty_ldisc_setup(tty->link);
		if (err) {
			tty_ldisc_release(tty);
			goto fail_remove;
		}
	}
	tty->count = 1;
	return tty;
fail_remove:
	tty_driver_remove_tty(driver, tty);
fail:
	tty_unlock(tty);
	tty_kref_put(tty);
	return ERR_PTR(err);
}

/* Another open of an existing tty.  tty locked. */
static int tty_reopen(struct tty_struct *tty)
{
	struct tty_driver *driver = tty->driver;

	if (driver->type == TTY_DRIVER_TYPE_PTY &&
	    driver->subtype == PTY_TYPE_MASTER)
		return -EIO; /* a master has exactly one open */
	if (!tty->count)
		return -EAGAIN; /* being released; the caller retries */
	if (test_bit(TTY_EXCLUSIVE, &tty->flags) && !capable(CAP_SYS_ADMIN))
		return -EBUSY;
	tty->count++;
	return 0;
}

/**
 * tty_alloc_file - allocate @file's tty link before the tty is known.
 * @file: the file being opened
 *
 * Returns 0 or -ENOMEM.  tty_add_file() then cannot fail.
 */
int tty_alloc_file(struct file *file)
{
	struct tty_file_private *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->file = file;
	INIT_LIST_HEAD(&priv->list);
	file->private_data = priv;
	return 0;
}

/** tty_free_file - undo tty_alloc_file() when the open failed early. */
void tty_free_file(struct file *file)
{
	kfree(file->private_data);
	file->private_data = NULL;
}

/**
 * tty_add_file - hook @file (prepared by tty_alloc_file) to @tty.
 * @tty: the tty
 * @file: the file being opened
 */
void tty_add_file(struct tty_struct *tty, struct file *file)
{
	struct tty_file_private *priv = file->private_data;

	priv->tty = tty;
	spin_lock(&tty->files_lock);
	list_add(&priv->list, &tty->tty_files);
	spin_unlock(&tty->files_lock);
}

static void tty_del_file(struct file *file)
{
	struct tty_file_private *priv = file->private_data;
	struct tty_struct *tty = priv->tty;

	spin_lock(&tty->files_lock);
	list_del(&priv->list);
	spin_unlock(&tty->files_lock);
	file->private_data = NULL;
	kfree(priv);
}

/*
 * The last close of @tty (and of its pty partner): shut the line
 * discipline, unhook from the driver, save termios for the next open,
 * and drop the opens' reference.  Both locked.
 */
static void release_tty(struct tty_struct *tty)
{
	struct tty_driver *driver = tty->driver;
	struct ktermios *tp;

	tty_ldisc_release(tty);
	tty_buffer_cancel_work(tty->port);
	tp = driver->termios[tty->index];
	if (tp && !(driver->flags & TTY_DRIVER_RESET_TERMIOS))
		*tp = tty->termios;
	mutex_lock(&tty_mutex);
	tty_driver_remove_tty(driver, tty);
	mutex_unlock(&tty_mutex);
	if (tty->port)
		tty_port_tty_set(tty->port, NULL);
	tty_kref_put(tty);
}

/* Close of one file; the last close of a tty (pair) releases it. */
static int tty_release(struct inode *inode, struct file *filp)
{
	struct tty_file_private *priv = filp->private_data;
	struct tty_struct *tty, *o_tty;
	pid_t session = 0, o_session = 0;
	bool final;

	if (!priv)
		return 0;
	tty = priv->tty;
	tty_lock(tty);
	o_tty = tty->link;
	if (tty->ops->close)
		tty->ops->close(tty, filp);
	tty_lock_slave(o_tty);
	/* A master's close also ends the slave's reference it held. */
	if (o_tty && tty->driver->type == TTY_DRIVER_TYPE_PTY &&
	    tty->driver->subtype == PTY_TYPE_MASTER && o_tty->count > 0)
		o_tty->count--;
	if (tty->count > 0)
		tty->count--;
	final = !tty->count && !(o_tty && o_tty->count);
	tty_del_file(filp);
	wake_up_interruptible(&tty->read_wait);
	wake_up_interruptible(&tty->write_wait);
	if (o_tty) {
		wake_up_interruptible(&o_tty->read_wait);
		wake_up_interruptible(&o_tty->write_wait);
	}
	if (final) {
		spin_lock_irq(&tty->ctrl_lock);
		session = tty->session;
		spin_unlock_irq(&tty->ctrl_lock);
		if (o_tty) {
			spin_lock_irq(&o_tty->ctrl_lock);
			o_session = o_tty->session;
			spin_unlock_irq(&o_tty->ctrl_lock);
		}
		/* A session loses a controlling tty nobody has open. */
		if (session)
			session_clear_tty(session);
		if (o_session)
			session_clear_tty(o_session);
	}
	tty_unlock_slave(o_tty);
	tty_unlock(tty);
	/*
	 * With the counts at 0 no open can take these ttys any more
	 * (tty_reopen answers -EAGAIN until they leave the driver), so
	 * they are released without tty_lock, which must not be held
	 * while taking tty_mutex.
	 */
	if (final) {
		tty_kref_get(o_tty); /* release_tty(tty) may drop the last */
		release_tty(tty);
		if (o_tty)
			release_tty(o_tty);
		tty_kref_put(o_tty);
	}
	return 0;
}

/*
 * Which tty does opening @inode's device reach?  /dev/tty is the
 * caller's controlling tty, /dev/console the console's.  Returns the
 * tty locked with its count raised (a reopen), or a new one, or
 * ERR_PTR(-ENXIO / -ENODEV / ...).
 */
static struct tty_struct *tty_open_by_device(struct inode *inode,
					     struct file *filp, bool *noctty)
{
	dev_t device = inode->i_rdev;
	struct tty_driver *driver;
	struct tty_struct *tty;
	int index = -1, err;

	if (device == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = get_current_tty();
		if (!tty)
			return ERR_PTR(-ENXIO);
		*noctty = true;
		tty_lock(tty);
		tty_kref_put(tty); /* safe: our ctty reference remains */
		err = tty_reopen(tty);
		if (err) {
			tty_unlock(tty);
			return ERR_PTR(err);
		}
		return tty;
	}
	if (device == MKDEV(TTYAUX_MAJOR, 1)) {
		driver = console_device(&index);
		if (!driver)
			return ERR_PTR(-ENODEV);
		*noctty = true; /* the console never becomes a ctty on open */
	} else {
		mutex_lock(&tty_mutex);
		driver = get_tty_driver(device, &index);
		mutex_unlock(&tty_mutex);
		if (!driver)
			return ERR_PTR(-ENODEV);
	}
	mutex_lock(&tty_mutex);
	tty = driver->ttys[index];
	if (tty) {
		tty_kref_get(tty);
		mutex_unlock(&tty_mutex);
		tty_lock(tty);
		err = tty_reopen(tty);
		tty_kref_put(tty);
		if (err) {
			tty_unlock(tty);
			return ERR_PTR(err);
		}
		return tty;
	}
	tty = tty_init_dev(driver, index);
	mutex_unlock(&tty_mutex);
	return tty;
}

static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty;
	bool noctty = false;
	int retval, tries = 0;

	retval = tty_alloc_file(filp);
	if (retval)
		return retval;
retry:
	tty = tty_open_by_device(inode, filp, &noctty);
	if (IS_ERR(tty)) {
		retval = PTR_ERR(tty);
		if (retval == -EAGAIN && ++tries < 100) {
			schedule_timeout_uninterruptible(1);
			goto retry;
		}
		tty_free_file(filp);
		return retval;
	}
	tty_add_file(tty, filp);
	retval = tty->ops->open ? tty->ops->open(tty, filp) : -ENODEV;
	if (retval) {
		tty_unlock(tty);
		tty_release(inode, filp);
		return retval;
	}
	clear_bit(TTY_HUPPED, &tty->flags);
	noctty = noctty || (filp->f_flags & O_NOCTTY) ||
		 (tty->driver->type == TTY_DRIVER_TYPE_PTY &&
		  tty->driver->subtype == PTY_TYPE_MASTER);
	if (!noctty)
		tty_open_proc_set_tty(filp, tty);
	tty_unlock(tty);
	return 0;
}

/* ------------------------------------------------------------------ */
/* I/O                                                                */

static ssize_t tty_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	struct tty_struct *tty = file_tty(file);
	ssize_t n;
	u8 *kbuf;

	if (tty_hung_up_p(file))
		return 0;
	if (tty_io_error(tty))
		return -EIO;
	if (!count)
		return 0;
	count = min_t(size_t, count, N_TTY_BUF_SIZE);
	kbuf = kmalloc(count, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	/* The ldisc is fixed while a file is open: no lock to take. */
	if (tty->ldisc.ops && tty->ldisc.ops->read &&
	    test_bit(TTY_LDISC_OPEN, &tty->flags))
		n = tty->ldisc.ops->read(tty, file, kbuf, count);
	else
		n = -EIO;
	if (n > 0 && copy_to_user(buf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}

static ssize_t tty_write(struct file *file, const char __user *buf,
			 size_t count, loff_t *ppos)
{
	struct tty_struct *tty = file_tty(file);
	ssize_t written = 0, ret = 0;

	if (tty_hung_up_p(file) || tty_io_error(tty))
		return -EIO;
	if (!tty->ldisc.ops || !tty->ldisc.ops->write)
		return -EIO;
	if (mutex_lock_interruptible(&tty->atomic_write_lock))
		return -ERESTARTSYS;
	if (!tty->write_buf) {
		tty->write_buf = kmalloc(TTY_WRITE_BUF_SIZE, GFP_KERNEL);
		if (!tty->write_buf) {
			mutex_unlock(&tty->atomic_write_lock);
			return -ENOMEM;
		}
	}
	while (written < count) {
		size_t n = min_t(size_t, count - written, TTY_WRITE_BUF_SIZE);

		if (copy_from_user(tty->write_buf, buf + written, n)) {
			ret = -EFAULT;
			break;
		}
		if (test_bit(TTY_LDISC_OPEN, &tty->flags))
			ret = tty->ldisc.ops->write(tty, file, tty->write_buf,
						    n);
		else
			ret = -EIO;
		if (ret <= 0)
			break;
		written += ret;
		if (ret < n)
			break;
		if (written < count && signal_pending(current))
			break;
		cond_resched();
	}
	mutex_unlock(&tty->atomic_write_lock);
	return written ? written : ret;
}

static __poll_t tty_poll(struct file *filp, poll_table *wait)
{
	struct tty_struct *tty = file_tty(filp);
	__poll_t mask = 0;

	if (tty_hung_up_p(filp))
		return EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLRDNORM |
		       EPOLLWRNORM;
	if (tty->ldisc.ops && tty->ldisc.ops->poll)
		mask = tty->ldisc.ops->poll(tty, filp, wait);
	return mask;
}

static loff_t tty_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

/* ------------------------------------------------------------------ */
/* Output helpers for the line discipline and drivers                 */

unsigned int tty_write_room(struct tty_struct *tty)
{
	return tty->ops->write_room ? tty->ops->write_room(tty) : 2048;
}

unsigned int tty_chars_in_buffer(struct tty_struct *tty)
{
	return tty->ops->chars_in_buffer ? tty->ops->chars_in_buffer(tty) : 0;
}

void tty_driver_flush_buffer(struct tty_struct *tty)
{
	if (tty->ops->flush_buffer)
		tty->ops->flush_buffer(tty);
}

int tty_put_char(struct tty_struct *tty, u8 c)
{
	return tty->ops->write(tty, &c, 1);
}

/**
 * tty_wakeup - the driver can take more output.
 * @tty: the tty
 *
 * Any context, including the driver's interrupt handler.
 */
void tty_wakeup(struct tty_struct *tty)
{
	if (test_bit(TTY_DO_WRITE_WAKEUP, &tty->flags) && tty->ldisc.ops &&
	    tty->ldisc.ops->write_wakeup)
		tty->ldisc.ops->write_wakeup(tty);
	wake_up_interruptible(&tty->write_wait);
}

/**
 * __stop_tty - stop output (^S, TCOOFF); ctrl_lock held.
 * @tty: the tty
 */
void __stop_tty(struct tty_struct *tty)
{
	if (tty->stopped)
		return;
	tty->stopped = true;
	if (tty->ops->stop)
		tty->ops->stop(tty);
}

void stop_tty(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	__stop_tty(tty);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
}

/** __start_tty - resume output; ctrl_lock held. */
void __start_tty(struct tty_struct *tty)
{
	if (!tty->stopped || tty->tco_stopped)
		return;
	tty->stopped = false;
	if (tty->ops->start)
		tty->ops->start(tty);
}

void start_tty(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	__start_tty(tty);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	tty_wakeup(tty);
}

/* ------------------------------------------------------------------ */
/* Hangup                                                             */

/*
 * Hang @tty up: every file open now reads EOF and fails writes; the
 * session loses it as controlling tty (its leader gets SIGHUP and
 * SIGCONT, and with @exit_session the foreground group SIGHUP too);
 * pending input and output are dropped.  Later opens work again.
 */
static void __tty_hangup(struct tty_struct *tty, int exit_session,
			 unsigned int subclass)
{
	struct tty_file_private *priv;
	int refs;

	mutex_lock_nested(&tty->legacy_mutex, subclass);
	if (test_bit(TTY_HUPPED, &tty->flags)) {
		tty_unlock(tty);
		return;
	}
	set_bit(TTY_HUPPING, &tty->flags);
	spin_lock(&tty->files_lock);
	list_for_each_entry(priv, &tty->tty_files, list)
		WRITE_ONCE(priv->hung_up, true);
	spin_unlock(&tty->files_lock);

	refs = tty_signal_session_leader(tty, exit_session);
	while (refs-- > 0)
		tty_kref_put(tty);
	tty_ldisc_hangup(tty);
	spin_lock_irq(&tty->ctrl_lock);
	tty->stopped = tty->tco_stopped = false;
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irq(&tty->ctrl_lock);
	if (tty->ops->hangup)
		tty->ops->hangup(tty);
	set_bit(TTY_HUPPED, &tty->flags);
	clear_bit(TTY_HUPPING, &tty->flags);
	tty_unlock(tty);
}

static void do_tty_hangup(struct work_struct *work)
{
	struct tty_struct *tty =
		container_of(work, struct tty_struct, hangup_work);

	__tty_hangup(tty, 0, 0);
	tty_kref_put(tty);
}

/** tty_hangup - hang @tty up soon; any context (carrier loss). */
void tty_hangup(struct tty_struct *tty)
{
	tty_kref_get(tty);
	if (!schedule_work(&tty->hangup_work))
		tty_kref_put(tty);
}

/** tty_vhangup - hang @tty up now; process context. */
void tty_vhangup(struct tty_struct *tty)
{
	__tty_hangup(tty, 0, 0);
}

/** tty_vhangup_slave - tty_vhangup() under the other half's tty_lock. */
void tty_vhangup_slave(struct tty_struct *tty)
{
	__tty_hangup(tty, 0, 1);
}

/** tty_vhangup_session - the session leader exits: hang up its ctty. */
void tty_vhangup_session(struct tty_struct *tty)
{
	__tty_hangup(tty, 1, 0);
}

/* ------------------------------------------------------------------ */
/* ioctl                                                              */

/* TIOCSTI: fake input; only on our ctty, or for CAP_SYS_ADMIN. */
static int tiocsti(struct tty_struct *tty, char __user *p)
{
	struct tty_struct *ctty = get_current_tty();
	bool ours = ctty == tty;
	u8 ch;

	tty_kref_put(ctty);
	if (!ours && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (get_user(ch, p))
		return -EFAULT;
	tty_ldisc_receive_buf(tty, &ch, NULL, 1);
	return 0;
}

static int tiocgwinsz(struct tty_struct *tty, struct winsize __user *arg)
{
	struct winsize ws;

	down_read(&tty->termios_rwsem);
	ws = tty->winsize;
	up_read(&tty->termios_rwsem);
	return copy_to_user(arg, &ws, sizeof(ws)) ? -EFAULT : 0;
}

/* TIOCSWINSZ: a change is announced to the foreground group. */
static int tiocswinsz(struct tty_struct *tty, struct winsize __user *arg)
{
	struct winsize ws;
	pid_t pgrp;

	if (copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	down_write(&tty->termios_rwsem);
	if (!memcmp(&ws, &tty->winsize, sizeof(ws))) {
		up_write(&tty->termios_rwsem);
		return 0;
	}
	tty->winsize = ws;
	up_write(&tty->termios_rwsem);
	pgrp = tty_get_pgrp(tty);
	if (pgrp)
		tty_kill_pgrp(pgrp, SIGWINCH, 1);
	return 0;
}

static int tty_send_break(struct tty_struct *tty, unsigned int duration)
{
	int err;

	if (!tty->ops->break_ctl)
		return 0;
	err = tty->ops->break_ctl(tty, -1);
	if (err)
		return err;
	if (schedule_timeout_interruptible(msecs_to_jiffies(duration)))
		err = -EINTR;
	tty->ops->break_ctl(tty, 0);
	return err;
}

/* The pty master's ioctls on termios and job control act on the slave. */
static struct tty_struct *tty_pair_get_tty(struct tty_struct *tty)
{
	if (tty->driver->type == TTY_DRIVER_TYPE_PTY &&
	    tty->driver->subtype == PTY_TYPE_MASTER && tty->link)
		return tty->link;
	return tty;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file), *real_tty;
	void __user *p = (void __user *)arg;
	long retval;

	if (tty_hung_up_p(file))
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	real_tty = tty_pair_get_tty(tty);

	/* Output must drain before these take effect. */
	switch (cmd) {
	case TIOCSBRK:
	case TIOCCBRK:
	case TCSBRK:
	case TCSBRKP:
		retval = tty_check_change(tty);
		if (retval)
			return retval;
		if (cmd != TIOCCBRK) {
			tty_wait_until_sent(tty, 0);
			if (signal_pending(current))
				return -EINTR;
		}
		break;
	}

	switch (cmd) {
	case TIOCSTI:
		return tiocsti(tty, p);
	case TIOCGWINSZ:
		return tiocgwinsz(real_tty, p);
	case TIOCSWINSZ:
		return tiocswinsz(real_tty, p);
	case TIOCCONS:
		return capable(CAP_SYS_ADMIN) ? -EINVAL : -EPERM;
	case TIOCEXCL:
		set_bit(TTY_EXCLUSIVE, &tty->flags);
		return 0;
	case TIOCNXCL:
		clear_bit(TTY_EXCLUSIVE, &tty->flags);
		return 0;
	case TIOCGEXCL:
		return put_user((int)test_bit(TTY_EXCLUSIVE, &tty->flags),
				(int __user *)p);
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)p);
	case TIOCSETD: {
		int disc;

		if (get_user(disc, (int __user *)p))
			return -EFAULT;
		return disc == N_TTY ? 0 : -EINVAL;
	}
	case TIOCVHANGUP:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		tty_vhangup(tty);
		return 0;
	case TIOCGDEV:
		return put_user(new_encode_dev(MKDEV(tty->driver->major,
						     tty->driver->minor_start +
							     tty->index)),
				(unsigned int __user *)p);
	case TIOCSBRK:
		return tty->ops->break_ctl ? tty->ops->break_ctl(tty, -1) : 0;
	case TIOCCBRK:
		return tty->ops->break_ctl ? tty->ops->break_ctl(tty, 0) : 0;
	case TCSBRK: /* arg 0: a 250 ms break; else a drain only */
		return arg ? 0 : tty_send_break(tty, 250);
	case TCSBRKP:
		return tty_send_break(tty, arg ? arg * 100 : 250);
	}

	retval = tty_jobctrl_ioctl(tty, real_tty, file, cmd, arg);
	if (retval != -ENOIOCTLCMD)
		return retval;
	if (tty->ops->ioctl) {
		retval = tty->ops->ioctl(tty, cmd, arg);
		if (retval != -ENOIOCTLCMD)
			return retval;
	}
	if (tty->ldisc.ops && tty->ldisc.ops->ioctl) {
		retval = tty->ldisc.ops->ioctl(tty, cmd, arg);
		if (retval != -ENOIOCTLCMD)
			return retval;
	}
	return -ENOTTY;
}

const struct file_operations tty_fops = {
	.llseek = tty_llseek,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
	.release = tty_release,
	.name = "tty",
};

/* /dev/tty and /dev/console: opened through tty_open's redirection. */
static struct cdev tty_cdev, console_cdev;

/*
 * /sys/class/tty/console/active: the line behind /dev/console
 * ("ttyS0"), which busybox cttyhack opens to get a controlling tty.
 */
static ssize_t active_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	char name[64];
	int index;
	struct tty_driver *driver = console_device(&index);

	if (!driver)
		return sysfs_emit(buf, "\n");
	tty_line_name(driver, index, name, sizeof(name));
	return sysfs_emit(buf, "%s\n", name);
}
static DEVICE_ATTR_RO(active);

static int __init tty_init(void)
{
	struct device *cons;
	int err;

	cdev_init(&tty_cdev, &tty_fops);
	err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, 0), 1, "/dev/tty");
	if (!err)
		err = cdev_add(&tty_cdev, MKDEV(TTYAUX_MAJOR, 0), 1);
	if (err)
		pr_err("tty: cannot register /dev/tty: %d\n", err);
	else
		devtmpfs_create_node("tty", S_IFCHR | 0666,
				     MKDEV(TTYAUX_MAJOR, 0));

	cdev_init(&console_cdev, &tty_fops);
	err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, 1), 1, "/dev/console");
	if (!err)
		err = cdev_add(&console_cdev, MKDEV(TTYAUX_MAJOR, 1), 1);
	if (err)
		pr_err("tty: cannot register /dev/console: %d\n", err);
	else
		devtmpfs_create_node("console", S_IFCHR | 0600,
				     MKDEV(TTYAUX_MAJOR, 1));
	device_create(tty_class, NULL, MKDEV(TTYAUX_MAJOR, 0), NULL, "tty");
	cons = device_create(tty_class, NULL, MKDEV(TTYAUX_MAJOR, 1), NULL,
			     "console");
	if (!IS_ERR(cons))
		device_create_file(cons, &dev_attr_active);
	return 0;
}
fs_initcall(tty_init);
