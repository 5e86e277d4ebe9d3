/*
 * procfs inodes: struct proc_inode around the VFS inode, the inodes of
 * registered entries, and the file operations that forward to an
 * entry's struct proc_ops.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/pagemap.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/sched/task.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include <linux/uio.h>
#include "internal.h"

static struct kmem_cache *proc_inode_cachep;

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kmem_cache_alloc(proc_inode_cachep, GFP_KERNEL);

	if (!ei)
		return NULL;
	ei->task = NULL;
	ei->fd = 0;
	ei->op.proc_get_link = NULL;
	ei->pde = NULL;
	return &ei->vfs_inode;
}

static void proc_free_inode(struct inode *inode)
{
	kmem_cache_free(proc_inode_cachep, PROC_I(inode));
}

static void proc_evict_inode(struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);

	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	if (ei->task)
		put_task_struct(ei->task);
	ei->task = NULL;
	if (ei->pde)
		pde_put(ei->pde);
	ei->pde = NULL;
}

const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
	.drop_inode = generic_delete_inode,
	.evict_inode = proc_evict_inode,
	.statfs = simple_statfs,
};

/** proc_init_kmemcache - the proc_inode cache.  Boot. */
void __init proc_init_kmemcache(void)
{
	proc_inode_cachep = kmem_cache_create("proc_inode_cache",
					      sizeof(struct proc_inode), 0, 0,
					      NULL);
	BUG_ON(!proc_inode_cachep);
}

/* --- regular files: forward to the entry's proc_ops ------------------- */

static const struct proc_ops *pde_ops(const struct file *file)
{
	return PDE(file_inode(file))->proc_ops;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = PDE(inode)->proc_ops;

	if (!ops)
		return -EIO;
	if (ops->proc_open)
		return ops->proc_open(inode, file);
	return 0;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = PDE(inode)->proc_ops;

	if (ops->proc_release)
		return ops->proc_release(inode, file);
	return 0;
}

static ssize_t proc_reg_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	const struct proc_ops *ops = pde_ops(iocb->ki_filp);

	if (!ops->proc_read_iter)
		return -EINVAL;
	return ops->proc_read_iter(iocb, iter);
}

/* read(2): the entry's proc_read, or its proc_read_iter on the buffer. */
static ssize_t proc_reg_read(struct file *file, char __user *buf,
			     size_t count, loff_t *ppos)
{
	const struct proc_ops *ops = pde_ops(file);
	struct iovec iov = { .iov_base = buf, .iov_len = count };
	struct kiocb kiocb = { .ki_filp = file };
	struct iov_iter iter;
	ssize_t ret;

	if (ops->proc_read)
		return ops->proc_read(file, buf, count, ppos);
	if (!ops->proc_read_iter)
		return -EIO;
	kiocb.ki_pos = ppos ? *ppos : 0;
	iov_iter_init(&iter, ITER_DEST, &iov, 1, count);
	ret = ops->proc_read_iter(&kiocb, &iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static ssize_t proc_reg_write_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	const struct proc_ops *ops = pde_ops(iocb->ki_filp);

	if (!ops->proc_write_iter)
		return -EINVAL;
	return ops->proc_write_iter(iocb, iter);
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	const struct proc_ops *ops = pde_ops(file);
	struct iovec iov = { .iov_base = (void __user *)buf, .iov_len = count };
	struct kiocb kiocb = { .ki_filp = file };
	struct iov_iter iter;
	ssize_t ret;

	if (ops->proc_write)
		return ops->proc_write(file, buf, count, ppos);
	if (!ops->proc_write_iter)
		return -EIO;
	kiocb.ki_pos = ppos ? *ppos : 0;
	iov_iter_init(&iter, ITER_SOURCE, &iov, 1, count);
	ret = ops->proc_write_iter(&kiocb, &iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_lseek)
		return ops->proc_lseek(file, offset, whence);
	return default_llseek(file, offset, whence);
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pt)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_poll)
		return ops->proc_poll(file, pt);
	return EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd,
				    unsigned long arg)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_ioctl)
		return ops->proc_ioctl(file, cmd, arg);
	return -ENOTTY;
}

const struct file_operations proc_reg_file_ops = {
	.open = proc_reg_open,
	.release = proc_reg_release,
	.read = proc_reg_read,
	.read_iter = proc_reg_read_iter,
	.write = proc_reg_write,
	.write_iter = proc_reg_write_iter,
	.llseek = proc_reg_llseek,
	.poll = proc_reg_poll,
	.unlocked_ioctl = proc_reg_unlocked_ioctl,
	.name = "proc",
};

/* --- symlinks of registered entries --------------------------------- */

static const char *proc_get_link(struct dentry *dentry, struct inode *inode,
				 void **cookie)
{
	return PDE(inode)->data;
}

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

static const struct inode_operations proc_file_inode_operations = {
	.getattr = proc_getattr,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
	.getattr = proc_getattr,
};

static const struct file_operations proc_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_readdir,
};

/**
 * proc_get_inode - a new inode showing the registered entry @de.
 * @sb: a proc superblock
 * @de: the entry; its reference passes to the inode (also on failure)
 *
 * Process context.  Returns the inode or NULL without memory.
 */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de)
{
	struct inode *inode = new_inode(sb);

	if (!inode) {
		pde_put(de);
		return NULL;
	}
	PROC_I(inode)->pde = de;
	inode->i_ino = de->low_ino;
	inode->i_mtime = inode->i_atime = inode->i_ctime = current_time(inode);
	inode->i_mode = de->mode;
	inode->i_uid = de->uid;
	inode->i_gid = de->gid;
	inode->i_size = de->size;
	set_nlink(inode, de->nlink);
	if (S_ISREG(inode->i_mode)) {
		inode->i_op = de->proc_iops ? de->proc_iops :
					      &proc_file_inode_operations;
		inode->i_fop = &proc_reg_file_ops;
	} else if (S_ISDIR(inode->i_mode)) {
		inode->i_op = de->proc_iops ? de->proc_iops :
					      &proc_dir_inode_operations;
		inode->i_fop = de->proc_dir_ops ? de->proc_dir_ops :
						  &proc_dir_operations;
	} else {
		inode->i_op = de->proc_iops;
	}
	return inode;
}
