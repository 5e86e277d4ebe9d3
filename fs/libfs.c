/*
 * Library of helpers for simple in-memory filesystems (ramfs, tmpfs,
 * devtmpfs, and later procfs/sysfs pieces): the directory is the dcache
 * itself.  Every positive dentry holds one extra reference on itself
 * ("pinned"), since there is no disk to find the entry on again; unlink
 * drops the pin, unmount drops them all (kill_litter_super).
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include "internal.h"

/** always_delete_dentry - ->d_delete: never cache an unused dentry. */
int always_delete_dentry(const struct dentry *dentry)
{
	return 1;
}

const struct dentry_operations simple_dentry_operations = {
	.d_delete = always_delete_dentry,
};

/**
 * simple_lookup - ->lookup of a filesystem whose entries all live in
 * the dcache: a miss means the name does not exist.
 *
 * Returns NULL (@dentry becomes a hashed negative entry, freed at its
 * last dput) or ERR_PTR(-ENAMETOOLONG).
 */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!dentry->d_sb->s_d_op)
		d_set_d_op(dentry, &simple_dentry_operations);
	d_add(dentry, NULL);
	return NULL;
}

/** generic_read_dir - read(2) on a directory: -EISDIR. */
ssize_t generic_read_dir(struct file *filp, char __user *buf, size_t siz,
			 loff_t *ppos)
{
	return -EISDIR;
}

/** noop_fsync - nothing to write back. */
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

/** dcache_dir_open - ->open of a dcache directory: make its cursor. */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	return file->private_data ? 0 : -ENOMEM;
}

/** dcache_dir_close - ->release: free the cursor. */
int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

static bool simple_positive(const struct dentry *dentry)
{
	return dentry->d_inode && !d_unhashed(dentry) &&
	       !(dentry->d_flags & DCACHE_DENTRY_CURSOR);
}

/*
 * The first positive entry after @p in @parent's children, or NULL.
 * dcache_lock held.
 */
static struct dentry *scan_positive(struct dentry *parent, struct list_head *p)
{
	for (p = p->next; p != &parent->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (simple_positive(d))
			return d;
	}
	return NULL;
}

/* Put @cursor after the first @n positive entries of @parent. */
static void move_cursor(struct dentry *parent, struct dentry *cursor, loff_t n)
{
	struct list_head *p = &parent->d_subdirs;

	spin_lock(&dcache_lock);
	while (n-- > 0) {
		struct dentry *d = scan_positive(parent, p);

		if (!d)
			break;
		p = &d->d_child;
	}
	list_move(&cursor->d_child, p);
	spin_unlock(&dcache_lock);
}

/** dcache_dir_lseek - lseek in a dcache directory: SEEK_SET, SEEK_CUR. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dentry = file->f_path.dentry;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	if (offset != file->f_pos) {
		file->f_pos = offset;
		if (offset >= 2)
			move_cursor(dentry, file->private_data, offset - 2);
	}
	return offset;
}

static unsigned char dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

static bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dentry);
		u64 ino = parent->d_inode->i_ino;

		dput(parent);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/**
 * dcache_readdir - ->iterate_shared of a dcache directory.
 *
 * ".", "..", then the positive children in list order.  The file's
 * cursor dentry sits among the children just after the last entry
 * returned, so entries removed or added meanwhile (rm -r unlinking as
 * it reads) neither shift nor repeat the rest.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;
	struct dentry *cursor = file->private_data;
	char name[NAME_MAX + 1];

	if (!dir_emit_dots(file, ctx))
		return 0;
	if (ctx->pos == 2)
		move_cursor(dentry, cursor, 0);
	for (;;) {
		struct dentry *next;
		unsigned int len;
		unsigned char type;
		u64 ino;

		spin_lock(&dcache_lock);
		next = scan_positive(dentry, &cursor->d_child);
		if (!next) {
			spin_unlock(&dcache_lock);
			break;
		}
		dget(next);
		len = next->d_name.len;
		memcpy(name, next->d_name.name, len);
		ino = next->d_inode->i_ino;
		type = dt_type(next->d_inode);
		spin_unlock(&dcache_lock);
		if (!dir_emit(ctx, name, len, ino, type)) {
			dput(next);
			break;
		}
		spin_lock(&dcache_lock);
		if (next->d_parent == dentry)
			list_move(&cursor->d_child, &next->d_child);
		spin_unlock(&dcache_lock);
		dput(next);
		ctx->pos++;
	}
	return 0;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

/**
 * simple_empty - does @dentry have no positive children?
 * Returns 1 if empty (or not a directory at all), 0 if not.
 */
int simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	int ret = 1;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (simple_positive(child)) {
			ret = 0;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return ret;
}

/*
 * The inode operations of filesystems that live in the dcache (ramfs,
 * tmpfs) make a new inode with their own constructor, then hand it to
 * these.  The name is pinned (an extra dentry reference) until unlink:
 * the dcache is the only record of it.
 */

/**
 * simple_instantiate - ->mknod's second half: @inode becomes @dentry.
 * @dir: the parent (its times change)
 * @dentry: the negative dentry
 * @inode: the new inode, or NULL when the filesystem could not make one
 *
 * Returns 0, or -ENOSPC for a NULL @inode.
 */
int simple_instantiate(struct inode *dir, struct dentry *dentry,
		       struct inode *inode)
{
	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

/**
 * simple_symlink_instantiate - ->symlink's second half.
 * @dir, @dentry, @inode: as simple_instantiate(); @inode is S_IFLNK
 * @symname: the target, at most PAGE_SIZE bytes with its NUL (checked by
 *	the caller before it makes the inode)
 *
 * Returns 0, -ENOSPC for a NULL @inode, or -ENOMEM (the inode dropped).
 */
int simple_symlink_instantiate(struct inode *dir, struct dentry *dentry,
			       struct inode *inode, const char *symname)
{
	size_t len = strlen(symname) + 1;

	if (!inode)
		return -ENOSPC;
	inode->i_link = kmemdup(symname, len, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = len - 1;
	return simple_instantiate(dir, dentry, inode);
}

/**
 * simple_tmpfile_instantiate - ->tmpfile's second half: @inode, with no
 * link, becomes the unnamed dentry of @file.  -ENOSPC for a NULL @inode.
 */
int simple_tmpfile_instantiate(struct file *file, struct inode *inode)
{
	if (!inode)
		return -ENOSPC;
	clear_nlink(inode);
	d_instantiate(file->f_path.dentry, inode);
	return 0;
}

/** simple_link - ->link: another pinned name for the inode. */
int simple_link(struct dentry *old_dentry, struct inode *dir,
		struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);
	d_instantiate(dentry, inode);
	return 0;
}

/** simple_unlink - ->unlink: drop a link and the name's pin. */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	dput(dentry);
	return 0;
}

/** simple_rmdir - ->rmdir: -ENOTEMPTY unless it has no entries. */
int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode); /* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir); /* its ".." */
	return 0;
}

static int simple_rename_exchange(struct inode *old_dir,
				  struct dentry *old_dentry,
				  struct inode *new_dir,
				  struct dentry *new_dentry)
{
	bool old_is_dir = d_is_dir(old_dentry);
	bool new_is_dir = d_is_dir(new_dentry);
	struct timespec64 now = current_time(old_dir);

	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	old_dir->i_ctime = old_dir->i_mtime = now;
	new_dir->i_ctime = new_dir->i_mtime = now;
	old_dentry->d_inode->i_ctime = new_dentry->d_inode->i_ctime = now;
	return 0;
}

/**
 * simple_rename - ->rename: fix up link counts; the VFS moves the dentry.
 * @flags: RENAME_NOREPLACE, RENAME_EXCHANGE
 *
 * Returns 0, -ENOTEMPTY (a non-empty directory would be replaced) or
 * -EINVAL (other flags).
 */
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags)
{
	bool they_are_dirs = d_is_dir(old_dentry);
	struct inode *inode = old_dentry->d_inode;
	struct timespec64 now;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir,
					      new_dentry);
	if (!simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (new_dentry->d_inode) {
		struct inode *target = new_dentry->d_inode;

		simple_unlink(new_dir, new_dentry);
		if (they_are_dirs) {
			drop_nlink(target);
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	now = current_time(old_dir);
	old_dir->i_ctime = old_dir->i_mtime = now;
	new_dir->i_ctime = new_dir->i_mtime = now;
	inode->i_ctime = now;
	return 0;
}

/** simple_statfs - ->statfs with only the block size and name length. */
int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

/** simple_getattr - ->getattr: the inode's fields, blocks from the cache. */
int simple_getattr(const struct path *path, struct kstat *stat,
		   u32 request_mask, unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;

	generic_fillattr(inode, stat);
	stat->blocks = inode->i_mapping->nrpages << (PAGE_SHIFT - 9);
	return 0;
}

/**
 * simple_setattr - ->setattr for page-cache files: check, resize (the
 * page cache follows), copy the rest.  Caller holds the inode lock.
 */
int simple_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;
	int error = setattr_prepare(dentry, iattr);

	if (error)
		return error;
	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size);
	setattr_copy(inode, iattr);
	mark_inode_dirty(inode);
	return 0;
}

/** simple_get_link - ->get_link of a symlink whose body is in i_link. */
const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    void **cookie)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

/**
 * simple_write_begin - find or add (zeroed) the page for @pos.
 * Returns 0 with *@pagep referenced, or -ENOMEM.
 */
int simple_write_begin(struct file *file, struct address_space *mapping,
		       loff_t pos, unsigned len, struct page **pagep,
		       void **fsdata)
{
	struct page *page = find_or_create_page(mapping, pos >> PAGE_SHIFT,
						mapping->gfp_mask);

	if (!page)
		return -ENOMEM;
	*pagep = page;
	return 0;
}

/**
 * simple_write_end - @copied bytes went into the page: grow i_size if
 * they reached past it, drop the page.  Returns @copied.
 */
int simple_write_end(struct file *file, struct address_space *mapping,
		     loff_t pos, unsigned len, unsigned copied,
		     struct page *page, void *fsdata)
{
	struct inode *inode = mapping->host;
	loff_t last_pos = pos + copied;

	if (last_pos > inode->i_size)
		i_size_write(inode, last_pos);
	SetPageDirty(page);
	put_page(page);
	return copied;
}

/* ramfs's pages never leave memory: nothing to read in or write out. */
const struct address_space_operations ram_aops = {
	.write_begin = simple_write_begin,
	.write_end = simple_write_end,
};
