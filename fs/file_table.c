/*
 * struct file: allocation and the last fput().
 *
 * A file is shared by every fd that dup() or fork() made of it; the
 * last fput() releases it: the driver's ->release, the locks, the
 * dentry and mount references.  Release may sleep, so an fput() that
 * drops the last reference in interrupt context hands the work to a
 * workqueue (Linux defers every final fput of a user task to its
 * return to user mode; in process context we simply do it at once).
 */
#include <linux/cred.h>
#include <linux/eventpoll.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/llist.h>
#include <linux/mount.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "internal.h"

static struct kmem_cache *filp_cachep;
static atomic_long_t nr_files = ATOMIC_LONG_INIT(0);

static struct llist_head delayed_fput_list;
static void delayed_fput(struct work_struct *unused);
static DECLARE_WORK(delayed_fput_work, delayed_fput);

/** get_nr_files - struct files in existence (for /proc/sys/fs/file-nr). */
unsigned long get_nr_files(void)
{
	return atomic_long_read(&nr_files);
}

/**
 * alloc_empty_file - a new struct file with one reference.
 * @flags: the O_* flags it will keep
 * @cred: the opener's credentials (a reference is taken)
 *
 * Process context.  Returns the file or ERR_PTR(-ENOMEM).
 */
struct file *alloc_empty_file(int flags, const struct cred *cred)
{
	struct file *f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->f_cred = get_cred(cred);
	atomic_long_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	f->f_flags = flags;
	f->f_mode = OPEN_FMODE(flags);
	atomic_long_inc(&nr_files);
	return f;
}

/**
 * alloc_file_pseudo - an open file on an inode with no name in any tree
 * (pipes, eventfd, sockets): a private dentry called @name on @mnt.
 * @inode: the inode; its reference passes to the file
 * @mnt: the internal mount of its filesystem
 * @name: shown in /proc/<pid>/fd links ("pipe:[123]" style callers
 *	format it themselves)
 * @flags: O_* flags (access mode and O_NONBLOCK)
 * @fops: the operations
 *
 * Returns the file or an ERR_PTR; on error the inode is not consumed.
 */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt,
			       const char *name, int flags,
			       const struct file_operations *fops)
{
	struct qstr this = QSTR_INIT(name, strlen(name));
	struct dentry *dentry = d_alloc(NULL, &this);
	struct file *file;

	if (!dentry)
		return ERR_PTR(-ENOMEM);
	dentry->d_sb = mnt->mnt_sb;
	file = alloc_empty_file(flags, current_cred());
	if (IS_ERR(file)) {
		dput(dentry);
		return file;
	}
	d_instantiate(dentry, inode);
	file->f_path.mnt = mntget(mnt);
	file->f_path.dentry = dentry;
	file->f_inode = inode;
	file->f_mapping = inode->i_mapping;
	file->f_op = fops;
	file->f_mode |= FMODE_OPENED;
	if ((file->f_mode & FMODE_READ) && (fops->read || fops->read_iter))
		file->f_mode |= FMODE_CAN_READ;
	if ((file->f_mode & FMODE_WRITE) && (fops->write || fops->write_iter))
		file->f_mode |= FMODE_CAN_WRITE;
	return file;
}

static void file_free(struct file *f)
{
	put_cred(f->f_cred);
	atomic_long_dec(&nr_files);
	kmem_cache_free(filp_cachep, f);
}

/* The release proper: process context, the last reference gone. */
static void __fput(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	struct vfsmount *mnt = file->f_path.mnt;
	struct inode *inode = file->f_inode;

	might_sleep();
	/* Out of every epoll set before the file goes. */
	eventpoll_release(file);
	if (file->f_mode & FMODE_OPENED) {
		if (!(file->f_mode & FMODE_PATH))
			locks_remove_file(file);
		if (file->f_op && file->f_op->release)
			file->f_op->release(inode, file);
		if ((file->f_mode & FMODE_WRITE) && inode &&
		    S_ISREG(inode->i_mode))
			atomic_dec(&inode->i_writecount);
	}
	dput(dentry);
	mntput(mnt);
	file_free(file);
}

/** __fput_sync - the last fput() of a file opened in this function. */
void __fput_sync(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		__fput(file);
}

static void delayed_fput(struct work_struct *unused)
{
	struct llist_node *node = llist_del_all(&delayed_fput_list);

	while (node) {
		struct llist_node *next = node->next;

		__fput(container_of(node, struct file, f_llist));
		node = next;
	}
}

/**
 * flush_delayed_fput - finish releases queued from interrupt context.
 *
 * Process context.
 */
void flush_delayed_fput(void)
{
	delayed_fput(NULL);
}

/**
 * fput - drop a reference to a file.
 * @file: the file
 *
 * Any context.  The last reference releases it: at once in process
 * context, from a workqueue otherwise.
 */
void fput(struct file *file)
{
	if (!atomic_long_dec_and_test(&file->f_count))
		return;
	if (in_interrupt() || irqs_disabled() || preempt_count()) {
		llist_add(&file->f_llist, &delayed_fput_list);
		schedule_work(&delayed_fput_work);
		return;
	}
	__fput(file);
}

/** get_file - another reference to a file the caller holds. */
struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/** files_init - the struct file cache.  Boot. */
void __init files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0,
					SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
}
