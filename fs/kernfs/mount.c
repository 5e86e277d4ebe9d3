/* kernfs inodes and superblocks: one inode per node shown, on lookup. */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include "kernfs-internal.h"

static void kernfs_evict_inode(struct inode *inode)
{
	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	kernfs_put(kernfs_node_of(inode));
	inode->i_private = NULL;
}

static const struct super_operations kernfs_sops = {
	.drop_inode = generic_delete_inode,
	.evict_inode = kernfs_evict_inode,
	.statfs = simple_statfs,
};

/**
 * kernfs_get_inode - a new inode of @sb showing @kn.
 * @kn: referenced by the caller; the inode takes that reference over
 *	(and drops it on failure)
 *
 * Process context.  Returns the inode or NULL without memory.
 */
struct inode *kernfs_get_inode(struct super_block *sb, struct kernfs_node *kn)
{
	struct inode *inode = new_inode(sb);

	if (!inode) {
		kernfs_put(kn);
		return NULL;
	}
	inode->i_private = kn;
	inode->i_ino = kn->ino;
	inode->i_mode = kn->mode;
	inode->i_mtime = inode->i_atime = inode->i_ctime = current_time(inode);
	if (kernfs_type_dir(kn)) {
		inode->i_op = &kernfs_dir_iops;
		inode->i_fop = &kernfs_dir_fops;
		set_nlink(inode, 2);
	} else if (S_ISLNK(kn->mode)) {
		inode->i_op = &kernfs_symlink_iops;
	} else {
		inode->i_fop = &kernfs_file_fops;
		inode->i_size = PAGE_SIZE;
	}
	return inode;
}

/**
 * kernfs_fill_super - make @sb show the tree under @root.
 * Returns 0 or -ENOMEM.
 */
int kernfs_fill_super(struct super_block *sb, struct kernfs_node *root,
		      unsigned long magic)
{
	struct inode *inode;

	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = magic;
	sb->s_op = &kernfs_sops;
	sb->s_time_gran = 1;
	kernfs_get(root);
	inode = kernfs_get_inode(sb, root);
	if (!inode)
		return -ENOMEM;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}
