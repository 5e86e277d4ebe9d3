/*
 * kernfs files: the text of a node is made by its ->show into a page
 * when a read starts at offset 0 and served from there, so a reader
 * sees one consistent value however small its reads; a write hands
 * the whole buffer to ->store.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include "kernfs-internal.h"

struct kernfs_open_file {
	struct mutex mutex;
	char *page; /* the text made at offset 0 */
	ssize_t len;
};

static int kernfs_fop_open(struct inode *inode, struct file *file)
{
	struct kernfs_open_file *of = kzalloc(sizeof(*of), GFP_KERNEL);

	if (!of)
		return -ENOMEM;
	mutex_init(&of->mutex);
	file->private_data = of;
	return 0;
}

static int kernfs_fop_release(struct inode *inode, struct file *file)
{
	struct kernfs_open_file *of = file->private_data;

	if (of->page)
		free_page((unsigned long)of->page);
	kfree(of);
	return 0;
}

static ssize_t kernfs_fop_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct kernfs_node *kn = kernfs_node_of(file_inode(iocb->ki_filp));
	struct kernfs_open_file *of = iocb->ki_filp->private_data;
	ssize_t ret;
	size_t n;

	if (!kn->ops || !kn->ops->show)
		return -EIO;
	mutex_lock(&of->mutex);
	if (!of->page) {
		of->page = (char *)get_zeroed_page(GFP_KERNEL);
		if (!of->page) {
			ret = -ENOMEM;
			goto out;
		}
	}
	if (iocb->ki_pos == 0 || of->len <= 0) {
		if (READ_ONCE(kn->removed)) {
			ret = -ENODEV;
			goto out;
		}
		of->len = kn->ops->show(kn, of->page);
		if (of->len < 0) {
			ret = of->len;
			goto out;
		}
		of->len = min_t(ssize_t, of->len, PAGE_SIZE);
	}
	ret = 0;
	if (iocb->ki_pos < of->len) {
		n = copy_to_iter(of->page + iocb->ki_pos,
				 of->len - iocb->ki_pos, iter);
		iocb->ki_pos += n;
		ret = n ? (ssize_t)n : -EFAULT;
	}
out:
	mutex_unlock(&of->mutex);
	return ret;
}

static ssize_t kernfs_fop_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct kernfs_node *kn = kernfs_node_of(file_inode(iocb->ki_filp));
	size_t count = iov_iter_count(from);
	char *buf;
	ssize_t ret;

	if (!kn->ops || !kn->ops->store)
		return -EIO;
	if (count >= PAGE_SIZE)
		count = PAGE_SIZE - 1;
	buf = (char *)get_zeroed_page(GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, count, from) != count) {
		ret = -EFAULT;
	} else if (READ_ONCE(kn->removed)) {
		ret = -ENODEV;
	} else {
		ret = kn->ops->store(kn, buf, count);
		if (ret > 0)
			iocb->ki_pos += ret;
	}
	free_page((unsigned long)buf);
	return ret;
}

const struct file_operations kernfs_file_fops = {
	.open = kernfs_fop_open,
	.release = kernfs_fop_release,
	.read_iter = kernfs_fop_read_iter,
	.write_iter = kernfs_fop_write_iter,
	.llseek = generic_file_llseek,
};
