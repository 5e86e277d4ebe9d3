/*
 * Unix98 pseudo-terminals.
 *
 * Opening /dev/ptmx (5,2) creates a pair: a master (driver "ptm",
 * major 128) owned by that file alone, and a slave (driver "pts",
 * major 136) reachable as /dev/pts/N.  What one side writes lands in
 * the other's flip buffer and goes through the other's line
 * discipline; a writer blocks when the reader's buffers are full.
 *
 * The slave starts locked (TIOCSPTLCK; unlockpt() clears it) and can
 * only be opened while the master is open.  The master holds one
 * count of the slave for itself, so the slave's count is its opens
 * plus one until the master closes.  When the master closes the slave
 * is hung up: its readers get EOF, its writers EIO, poll POLLHUP.
 * When the last slave file closes, the master reads EIO (after any
 * data left) and polls POLLHUP until a slave is opened again.
 *
 * Lifetime: the slave holds a reference on the master (its ->link);
 * the slave's last reference clears the master's ->link.
 */
#include <linux/devpts_fs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>

#define TTYAUX_MAJOR 5

static struct tty_driver *ptm_driver;
static struct tty_driver *pts_driver;

static bool is_master(struct tty_struct *tty)
{
	return tty->driver->subtype == PTY_TYPE_MASTER;
}

static int pty_open(struct tty_struct *tty, struct file *filp)
{
	int err = -EIO;

	if (!tty->link)
		goto out;
	if (test_bit(TTY_OTHER_CLOSED, &tty->flags))
		goto out; /* the slave of a closed master */
	if (test_bit(TTY_PTY_LOCK, &tty->link->flags))
		goto out; /* the slave is still locked */
	if (!is_master(tty) && tty->link->count != 1)
		goto out; /* no master open */
	clear_bit(TTY_IO_ERROR, &tty->flags);
	clear_bit(TTY_OTHER_CLOSED, &tty->link->flags);
	return 0;
out:
	/* The failed open's close must not look like the last close. */
	set_bit(TTY_IO_ERROR, &tty->flags);
	return err;
}

static void pty_close(struct tty_struct *tty, struct file *filp)
{
	struct tty_struct *link = tty->link;

	if (!is_master(tty)) {
		if (tty_io_error(tty))
			return;
		if (tty->count > 2)
			return; /* other slave files stay open */
	}
	set_bit(TTY_IO_ERROR, &tty->flags);
	wake_up_interruptible(&tty->read_wait);
	wake_up_interruptible(&tty->write_wait);
	if (!link)
		return;
	set_bit(TTY_OTHER_CLOSED, &link->flags);
	wake_up_interruptible_all(&link->read_wait);
	wake_up_interruptible_all(&link->write_wait);
	if (is_master(tty)) {
		set_bit(TTY_OTHER_CLOSED, &tty->flags);
		devpts_pty_kill(tty->index);
		tty_vhangup_slave(link); /* nested under our tty_lock */
	}
}

/* Data for the other side: into its flip buffer, as a UART's RX would. */
static int pty_write(struct tty_struct *tty, const u8 *buf, int c)
{
	struct tty_struct *to = tty->link;

	if (tty->stopped || !c || !to)
		return 0;
	c = tty_insert_flip_string(to->port, buf, c);
	if (c)
		tty_flip_buffer_push(to->port);
	return c;
}

static unsigned int pty_write_room(struct tty_struct *tty)
{
	if (tty->stopped || !tty->link)
		return 0;
	return tty_buffer_space_avail(tty->link->port);
}

/* Our reader made room: the other side may write again. */
static void pty_unthrottle(struct tty_struct *tty)
{
	if (tty->link)
		tty_wakeup(tty->link);
}

static void pty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	/* No hardware: any size and parity "works"; keep CS8|CREAD. */
	tty->termios.c_cflag &= ~(CSIZE | PARENB);
	tty->termios.c_cflag |= CS8 | CREAD;
}

/* TIOCSIG: the master sends a signal character's signal to the slave's
 * foreground group. */
static int pty_signal(struct tty_struct *tty, int sig)
{
	pid_t pgrp;

	if (sig != SIGINT && sig != SIGQUIT && sig != SIGTSTP)
		return -EINVAL;
	if (!tty->link)
		return -EIO;
	pgrp = tty_get_pgrp(tty->link);
	if (pgrp)
		tty_kill_pgrp(pgrp, sig, 1);
	return 0;
}

/*
 * TIOCGPTPEER: open the slave from the master, without a path lookup
 * by the caller.  This one looks up "/dev/pts/N" itself, so it needs
 * devpts mounted there; Linux opens the slave's dentry in the master's
 * own devpts instance.
 */
static int ptm_open_peer(struct tty_struct *tty, int flags)
{
	struct file *filp;
	char path[32];
	int fd;

	if (flags & ~(O_ACCMODE | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	fd = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd < 0)
		return fd;
	snprintf(path, sizeof(path), "/dev/pts/%d", tty->index);
	filp = filp_open(path, flags & ~O_CLOEXEC, 0);
	if (IS_ERR(filp)) {
		put_unused_fd(fd);
		return PTR_ERR(filp);
	}
	fd_install(fd, filp);
	return fd;
}

static int pty_unix98_ioctl(struct tty_struct *tty, unsigned int cmd,
			    unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int val;

	if (!is_master(tty))
		return -ENOIOCTLCMD;
	switch (cmd) {
	case TIOCSPTLCK:
		if (get_user(val, p))
			return -EFAULT;
		if (val)
			set_bit(TTY_PTY_LOCK, &tty->flags);
		else
			clear_bit(TTY_PTY_LOCK, &tty->flags);
		return 0;
	case TIOCGPTLCK:
		return put_user((int)test_bit(TTY_PTY_LOCK, &tty->flags), p);
	case TIOCGPTN:
		return put_user(tty->index, (unsigned int __user *)p);
	case TIOCSIG:
		return pty_signal(tty, (int)arg);
	case TIOCGPTPEER:
		return ptm_open_peer(tty, (int)arg);
	case TIOCPKT:
	case TIOCGPKT:
		return -EINVAL; /* packet mode is not implemented */
	}
	return -ENOIOCTLCMD;
}

static struct tty_port *pty_port_alloc(void)
{
	struct tty_port *port = kmalloc(sizeof(*port), GFP_KERNEL);

	if (port) {
		tty_port_init(port);
		if (!port->buf.data) {
			tty_port_destroy(port);
			kfree(port);
			port = NULL;
		}
	}
	return port;
}

static void pty_port_free(struct tty_port *port)
{
	if (port) {
		tty_port_destroy(port);
		kfree(port);
	}
}

/* Create the pair when the master is set up (ptmx open). */
static int pty_unix98_install(struct tty_driver *driver, struct tty_struct *tty)
{
	struct tty_port *mport, *sport;
	struct tty_struct *o_tty;

	o_tty = tty_alloc_struct(driver->other, tty->index);
	if (!o_tty)
		return -ENOMEM;
	mport = pty_port_alloc();
	sport = pty_port_alloc();
	if (!mport || !sport) {
		pty_port_free(mport);
		pty_port_free(sport);
		tty_kref_put(o_tty);
		return -ENOMEM;
	}
	tty->termios = driver->init_termios;
	o_tty->termios = driver->other->init_termios;
	tty->link = o_tty;
	o_tty->link = tty_kref_get(tty); /* dropped by pty_cleanup */
	tty->port = mport;
	o_tty->port = sport;
	tty_port_tty_set(mport, tty);
	tty_port_tty_set(sport, o_tty);
	driver->ttys[tty->index] = tty;
	driver->other->ttys[o_tty->index] = o_tty;
	o_tty->count = 1; /* the master's hold on its slave */
	return 0;
}

/* A slave can only come into being with its master. */
static int pty_slave_install(struct tty_driver *driver, struct tty_struct *tty)
{
	return -EIO;
}

static void pty_remove(struct tty_driver *driver, struct tty_struct *tty)
{
	if (driver->ttys[tty->index] == tty)
		driver->ttys[tty->index] = NULL;
}

/* The last reference to one half. */
static void pty_cleanup(struct tty_struct *tty)
{
	struct tty_struct *master;

	pty_port_free(tty->port);
	tty->port = NULL;
	if (is_master(tty)) {
		devpts_kill_index(tty->index);
		return;
	}
	master = tty->link;
	if (master) {
		master->link = NULL;
		tty_kref_put(master);
	}
}

static const struct tty_operations ptm_unix98_ops = {
	.install = pty_unix98_install,
	.remove = pty_remove,
	.open = pty_open,
	.close = pty_close,
	.write = pty_write,
	.write_room = pty_write_room,
	.unthrottle = pty_unthrottle,
	.set_termios = pty_set_termios,
	.ioctl = pty_unix98_ioctl,
	.cleanup = pty_cleanup,
};

static const struct tty_operations pty_unix98_ops = {
	.install = pty_slave_install,
	.remove = pty_remove,
	.open = pty_open,
	.close = pty_close,
	.write = pty_write,
	.write_room = pty_write_room,
	.unthrottle = pty_unthrottle,
	.set_termios = pty_set_termios,
	.ioctl = pty_unix98_ioctl,
	.cleanup = pty_cleanup,
};

/* /dev/ptmx: every open is a new master. */
static int ptmx_open(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty;
	int index, retval;

	retval = tty_alloc_file(filp);
	if (retval)
		return retval;
	index = devpts_new_index();
	if (index < 0) {
		tty_free_file(filp);
		return index;
	}
	mutex_lock(&tty_mutex);
	tty = tty_init_dev(ptm_driver, index);
	mutex_unlock(&tty_mutex);
	if (IS_ERR(tty)) {
		devpts_kill_index(index);
		tty_free_file(filp);
		return PTR_ERR(tty);
	}
	/* From here the index belongs to the pair (freed with the master). */
	set_bit(TTY_PTY_LOCK, &tty->flags); /* lock the slave */
	tty_add_file(tty, filp);
	devpts_pty_new(index);
	retval = ptm_driver->ops->open(tty, filp);
	tty_unlock(tty);
	if (retval) {
		filp->f_op->release(inode, filp);
		return retval;
	}
	return 0;
}

static struct file_operations ptmx_fops;
static struct cdev ptmx_cdev;

static struct tty_driver *pty_alloc(const char *drv, const char *name,
				    int major, short subtype,
				    const struct tty_operations *ops)
{
	struct tty_driver *d = tty_alloc_driver(
		NR_UNIX98_PTY_MAX,
		TTY_DRIVER_RESET_TERMIOS | TTY_DRIVER_REAL_RAW |
			TTY_DRIVER_DYNAMIC_DEV | TTY_DRIVER_DEVPTS_MEM);

	if (IS_ERR(d))
		return d;
	d->driver_name = drv;
	d->name = name;
	d->major = major;
	d->minor_start = 0;
	d->type = TTY_DRIVER_TYPE_PTY;
	d->subtype = subtype;
	d->init_termios = tty_std_termios;
	d->init_termios.c_cflag = B38400 | CS8 | CREAD;
	tty_set_operations(d, ops);
	return d;
}

static int __init pty_init(void)
{
	int err;

	ptm_driver = pty_alloc("pty_master", "ptm", UNIX98_PTY_MASTER_MAJOR,
			       PTY_TYPE_MASTER, &ptm_unix98_ops);
	pts_driver = pty_alloc("pty_slave", "pts/", UNIX98_PTY_SLAVE_MAJOR,
			       PTY_TYPE_SLAVE, &pty_unix98_ops);
	if (IS_ERR(ptm_driver) || IS_ERR(pts_driver)) {
		pr_err("pty: no memory for the drivers\n");
		return -ENOMEM;
	}
	/* The master's termios is raw: the program on it does its own. */
	ptm_driver->init_termios.c_iflag = 0;
	ptm_driver->init_termios.c_oflag = 0;
	ptm_driver->init_termios.c_lflag = 0;
	ptm_driver->other = pts_driver;
	pts_driver->other = ptm_driver;
	err = tty_register_driver(ptm_driver);
	if (!err)
		err = tty_register_driver(pts_driver);
	if (err) {
		pr_err("pty: cannot register the drivers: %d\n", err);
		return err;
	}

	ptmx_fops = tty_fops;
	ptmx_fops.open = ptmx_open;
	ptmx_fops.name = "ptmx";
	cdev_init(&ptmx_cdev, &ptmx_fops);
	err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, 2), 1, "/dev/ptmx");
	if (!err)
		err = cdev_add(&ptmx_cdev, MKDEV(TTYAUX_MAJOR, 2), 1);
	if (err) {
		pr_err("pty: cannot register /dev/ptmx: %d\n", err);
		return err;
	}
	devtmpfs_create_node("ptmx", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 2));
	return 0;
}
device_initcall(pty_init);
