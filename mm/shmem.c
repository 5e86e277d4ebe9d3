/*
 * tmpfs (shmem): ramfs semantics with limits, Linux's tmpfs options and
 * statfs numbers (Documentation/filesystems/tmpfs.rst).
 *
 *	mount -t tmpfs -o size=1m,nr_inodes=100,mode=1777 tmpfs /tmp
 *
 * size= counts pages of file data (k/m/g suffixes, or % of RAM; 0 means
 * unlimited); nr_inodes= counts inodes; a write, fallocate or page
 * fault that needs one more than the limit fails with ENOSPC (SIGBUS
 * for the fault).  The default is half of RAM for both, as Linux.
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/seq_file.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>

static const struct super_operations shmem_ops;
static const struct inode_operations shmem_dir_inode_operations;
static const struct inode_operations shmem_inode_operations;
static const struct file_operations shmem_file_operations;
static const struct address_space_operations shmem_aops;
static const struct vm_operations_struct shmem_vm_ops;

#define FALLOC_FL_KEEP_SIZE 0x01

static unsigned long shmem_default_max_blocks(void)
{
	return totalram_pages() / 2;
}

static unsigned long shmem_default_max_inodes(void)
{
	return totalram_pages() / 2;
}

static bool shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	bool ok = true;

	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_inodes) {
		if (!sbinfo->free_inodes)
			ok = false;
		else
			sbinfo->free_inodes--;
	}
	spin_unlock(&sbinfo->stat_lock);
	return ok;
}

static void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_inodes)
		sbinfo->free_inodes++;
	spin_unlock(&sbinfo->stat_lock);
}

static int shmem_reserve_block(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	int err = 0;

	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks && sbinfo->used_blocks >= sbinfo->max_blocks)
		err = -ENOSPC;
	else
		sbinfo->used_blocks++;
	spin_unlock(&sbinfo->stat_lock);
	return err;
}

static void shmem_unacct_blocks(struct super_block *sb, unsigned long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	spin_lock(&sbinfo->stat_lock);
	sbinfo->used_blocks -= pages;
	spin_unlock(&sbinfo->stat_lock);
}

/*
 * The page at @index of @inode, allocated (and accounted) if it is a
 * hole.  0 with *@pagep referenced, or -ENOSPC/-ENOMEM.
 */
static int shmem_get_page(struct inode *inode, pgoff_t index,
			  struct page **pagep)
{
	struct address_space *mapping = inode->i_mapping;

	for (;;) {
		struct page *page = find_get_page(mapping, index);
		int err;

		if (page) {
			*pagep = page;
			return 0;
		}
		err = shmem_reserve_block(inode->i_sb);
		if (err)
			return err;
		page = alloc_page(mapping->gfp_mask | __GFP_ZERO);
		if (!page) {
			shmem_unacct_blocks(inode->i_sb, 1);
			return -ENOMEM;
		}
		err = add_to_page_cache(page, mapping, index, GFP_KERNEL);
		if (!err) {
			*pagep = page;
			return 0;
		}
		put_page(page);
		shmem_unacct_blocks(inode->i_sb, 1);
		if (err != -EEXIST)
			return err;
	}
}

/* Drop the pages from @lstart on and give their blocks back. */
static void shmem_truncate(struct inode *inode, loff_t lstart)
{
	unsigned long before = inode->i_mapping->nrpages;

	truncate_inode_pages(inode->i_mapping, lstart);
	shmem_unacct_blocks(inode->i_sb, before - inode->i_mapping->nrpages);
}

static struct inode *shmem_get_inode(struct super_block *sb,
				     const struct inode *dir, umode_t mode,
				     dev_t dev)
{
	struct inode *inode;

	if (!shmem_reserve_inode(sb))
		return NULL;
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return NULL;
	}
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_mapping->a_ops = &shmem_aops;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	switch (mode & S_IFMT) {
	default:
		inode->i_op = &shmem_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	}
	return inode;
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
		       dev_t dev)
{
	return simple_instantiate(dir, dentry,
				  shmem_get_inode(dir->i_sb, dir, mode, dev));
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int error = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!error)
		inc_nlink(dir);
	return error;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode,
			bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry,
			 const char *symname)
{
	if (strlen(symname) + 1 > PAGE_SIZE)
		return -ENAMETOOLONG;
	return simple_symlink_instantiate(
		dir, dentry,
		shmem_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0),
		symname);
}

static int shmem_tmpfile(struct inode *dir, struct file *file, umode_t mode)
{
	return simple_tmpfile_instantiate(file, shmem_get_inode(dir->i_sb, dir,
								mode, 0));
}

/* Hard links cost an inode in tmpfs's accounting too (as Linux). */
static int shmem_link(struct dentry *old_dentry, struct inode *dir,
		      struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	if (inode->i_nlink && !shmem_reserve_inode(inode->i_sb))
		return -ENOSPC;
	return simple_link(old_dentry, dir, dentry);
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_nlink > 1 && !S_ISDIR(inode->i_mode))
		shmem_free_inode(inode->i_sb);
	return simple_unlink(dir, dentry);
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);
	drop_nlink(dir);
	return shmem_unlink(dir, dentry);
}

static int shmem_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry,
			unsigned int flags)
{
	struct inode *target = new_dentry->d_inode;

	if (target && !(flags & RENAME_EXCHANGE) && !S_ISDIR(target->i_mode) &&
	    target->i_nlink > 1 && simple_empty(new_dentry))
		shmem_free_inode(target->i_sb);
	return simple_rename(old_dir, old_dentry, new_dir, new_dentry, flags);
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int error = setattr_prepare(dentry, attr);

	if (error)
		return error;
	if (attr->ia_valid & ATTR_SIZE) {
		unsigned long before = inode->i_mapping->nrpages;

		truncate_setsize(inode, attr->ia_size);
		shmem_unacct_blocks(inode->i_sb,
				    before - inode->i_mapping->nrpages);
	}
	setattr_copy(inode, attr);
	return 0;
}

static void shmem_evict_inode(struct inode *inode)
{
	shmem_truncate(inode, 0);
	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	shmem_free_inode(inode->i_sb);
}

static int shmem_write_begin(struct file *file, struct address_space *mapping,
			     loff_t pos, unsigned len, struct page **pagep,
			     void **fsdata)
{
	return shmem_get_page(mapping->host, pos >> PAGE_SHIFT, pagep);
}

static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	pgoff_t size = (i_size_read(inode) + PAGE_SIZE - 1) >> PAGE_SHIFT;
	int err;

	if (vmf->pgoff >= size)
		return VM_FAULT_SIGBUS;
	err = shmem_get_page(inode, vmf->pgoff, &vmf->page);
	if (err == -ENOMEM)
		return VM_FAULT_OOM;
	return err ? VM_FAULT_SIGBUS : 0;
}

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	touch_atime(&file->f_path);
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

static loff_t shmem_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t pos;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek(file, offset, whence);
	inode_lock(inode);
	pos = page_cache_seek_hole_data(inode->i_mapping, offset,
					i_size_read(inode), whence);
	if (pos >= 0)
		file->f_pos = pos;
	inode_unlock(inode);
	return pos;
}

/* Allocate the pages of [offset, offset + len); KEEP_SIZE or grow. */
static long shmem_fallocate(struct file *file, int mode, loff_t offset,
			    loff_t len)
{
	struct inode *inode = file_inode(file);
	pgoff_t index, end;
	int error = 0;

	if (mode & ~FALLOC_FL_KEEP_SIZE)
		return -EOPNOTSUPP;
	inode_lock(inode);
	end = (offset + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	for (index = offset >> PAGE_SHIFT; index < end; index++) {
		struct page *page;

		error = shmem_get_page(inode, index, &page);
		if (error)
			break;
		put_page(page);
	}
	if (!error && !(mode & FALLOC_FL_KEEP_SIZE) &&
	    offset + len > inode->i_size)
		i_size_write(inode, offset + len);
	if (!error)
		inode->i_ctime = current_time(inode);
	inode_unlock(inode);
	return error;
}

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks) {
		buf->f_blocks = sbinfo->max_blocks;
		buf->f_bavail = buf->f_bfree =
			sbinfo->max_blocks - sbinfo->used_blocks;
	}
	if (sbinfo->max_inodes) {
		buf->f_files = sbinfo->max_inodes;
		buf->f_ffree = sbinfo->free_inodes;
	}
	spin_unlock(&sbinfo->stat_lock);
	return 0;
}

static int shmem_show_options(struct seq_file *m, struct dentry *root)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(root->d_sb);

	if (sbinfo->max_blocks != shmem_default_max_blocks())
		seq_printf(m, ",size=%luk",
			   sbinfo->max_blocks << (PAGE_SHIFT - 10));
	if (sbinfo->max_inodes != shmem_default_max_inodes())
		seq_printf(m, ",nr_inodes=%lu", sbinfo->max_inodes);
	if (sbinfo->mode != (0777 | S_ISVTX))
		seq_printf(m, ",mode=%03o", sbinfo->mode);
	if (sbinfo->uid)
		seq_printf(m, ",uid=%u", sbinfo->uid);
	if (sbinfo->gid)
		seq_printf(m, ",gid=%u", sbinfo->gid);
	return 0;
}

struct shmem_options {
	unsigned long blocks;
	unsigned long inodes;
	umode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned int seen; /* SHMEM_SEEN_* */
};

#define SHMEM_SEEN_BLOCKS 1
#define SHMEM_SEEN_INODES 2

/* "123", "64k", "1m", "2g" -> bytes; "50%" -> that share of RAM. */
static int shmem_parse_size(const char *s, unsigned long long *bytes)
{
	char *end;
	unsigned long long n = simple_strtoull(s, &end, 0);

	if (end == s)
		return -EINVAL;
	switch (*end) {
	case 'g':
	case 'G':
		n <<= 10;
		fallthrough;
	case 'm':
	case 'M':
		n <<= 10;
		fallthrough;
	case 'k':
	case 'K':
		n <<= 10;
		end++;
		break;
	case '%':
		n = n * totalram_pages() / 100 * PAGE_SIZE;
		end++;
		break;
	}
	if (*end)
		return -EINVAL;
	*bytes = n;
	return 0;
}

static int shmem_parse_one(char *opt, struct shmem_options *ctx)
{
	char *val = strchr(opt, '=');
	unsigned long long n;
	unsigned int u;

	if (!val)
		return -EINVAL;
	*val++ = '\0';
	if (!strcmp(opt, "size")) {
		if (shmem_parse_size(val, &n))
			return -EINVAL;
		ctx->blocks = (n + PAGE_SIZE - 1) >> PAGE_SHIFT;
		ctx->seen |= SHMEM_SEEN_BLOCKS;
	} else if (!strcmp(opt, "nr_blocks")) {
		if (kstrtoull(val, 0, &n))
			return -EINVAL;
		ctx->blocks = n;
		ctx->seen |= SHMEM_SEEN_BLOCKS;
	} else if (!strcmp(opt, "nr_inodes")) {
		if (shmem_parse_size(val, &n))
			return -EINVAL;
		ctx->inodes = n;
		ctx->seen |= SHMEM_SEEN_INODES;
	} else if (!strcmp(opt, "mode")) {
		if (kstrtouint(val, 8, &u))
			return -EINVAL;
		ctx->mode = u & 07777;
	} else if (!strcmp(opt, "uid")) {
		if (kstrtouint(val, 0, &u))
			return -EINVAL;
		ctx->uid = u;
	} else if (!strcmp(opt, "gid")) {
		if (kstrtouint(val, 0, &u))
			return -EINVAL;
		ctx->gid = u;
	} else {
		pr_err("tmpfs: Unknown parameter '%s'\n", opt);
		return -EINVAL;
	}
	return 0;
}

static int shmem_parse_options(const char *data, struct shmem_options *ctx)
{
	char *opts, *p, *s;
	int err = 0;

	if (!data || !*data)
		return 0;
	opts = kstrdup(data, GFP_KERNEL);
	if (!opts)
		return -ENOMEM;
	s = opts;
	while (!err && (p = strsep(&s, ",")) != NULL)
		if (*p)
			err = shmem_parse_one(p, ctx);
	kfree(opts);
	return err;
}

static int shmem_remount_fs(struct super_block *sb, int *flags, char *data)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	struct shmem_options ctx = { .mode = sbinfo->mode };
	unsigned long used_inodes;
	int err = shmem_parse_options(data, &ctx);

	if (err)
		return err;
	spin_lock(&sbinfo->stat_lock);
	used_inodes = sbinfo->max_inodes - sbinfo->free_inodes;
	err = -EINVAL;
	if ((ctx.seen & SHMEM_SEEN_BLOCKS) && ctx.blocks &&
	    ctx.blocks < sbinfo->used_blocks)
		goto out;
	if ((ctx.seen & SHMEM_SEEN_INODES) && ctx.inodes &&
	    sbinfo->max_inodes && ctx.inodes < used_inodes)
		goto out;
	if ((ctx.seen & SHMEM_SEEN_INODES) && !sbinfo->max_inodes && ctx.inodes)
		goto out; /* cannot start counting now */
	if (ctx.seen & SHMEM_SEEN_BLOCKS)
		sbinfo->max_blocks = ctx.blocks;
	if (ctx.seen & SHMEM_SEEN_INODES) {
		sbinfo->max_inodes = ctx.inodes;
		sbinfo->free_inodes = ctx.inodes ? ctx.inodes - used_inodes : 0;
	}
	err = 0;
out:
	spin_unlock(&sbinfo->stat_lock);
	return err;
}

static const struct super_operations shmem_ops = {
	.statfs = shmem_statfs,
	.evict_inode = shmem_evict_inode,
	.show_options = shmem_show_options,
	.remount_fs = shmem_remount_fs,
};

static const struct address_space_operations shmem_aops = {
	.write_begin = shmem_write_begin,
	.write_end = simple_write_end,
};

static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
};

static const struct file_operations shmem_file_operations = {
	.read_iter = generic_file_read_iter,
	.write_iter = generic_file_write_iter,
	.mmap = shmem_mmap,
	.fsync = noop_fsync,
	.llseek = shmem_file_llseek,
	.fallocate = shmem_fallocate,
};

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
	.getattr = simple_getattr,
};

static const struct inode_operations shmem_dir_inode_operations = {
	.create = shmem_create,
	.lookup = simple_lookup,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.symlink = shmem_symlink,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.mknod = shmem_mknod,
	.rename = shmem_rename,
	.tmpfile = shmem_tmpfile,
	.setattr = shmem_setattr,
	.getattr = simple_getattr,
};

/**
 * shmem_fill_super - set up a tmpfs instance from its option string.
 * Returns 0 or -EINVAL (bad option), -ENOMEM.
 */
int shmem_fill_super(struct super_block *sb, void *data, int silent)
{
	struct shmem_options ctx = {
		.blocks = shmem_default_max_blocks(),
		.inodes = shmem_default_max_inodes(),
		.mode = 0777 | S_ISVTX,
	};
	struct shmem_sb_info *sbinfo;
	struct inode *inode;
	int err;

	err = shmem_parse_options(data, &ctx);
	if (err)
		return err;
	sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	if (!sbinfo)
		return -ENOMEM;
	sb->s_fs_info = sbinfo;
	spin_lock_init(&sbinfo->stat_lock);
	sbinfo->max_blocks = ctx.blocks;
	sbinfo->max_inodes = ctx.inodes;
	sbinfo->free_inodes = ctx.inodes;
	sbinfo->mode = ctx.mode;
	sbinfo->uid = ctx.uid;
	sbinfo->gid = ctx.gid;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	sb->s_time_gran = 1;
	inode = shmem_get_inode(sb, NULL, S_IFDIR | sbinfo->mode, 0);
	if (!inode)
		return -ENOSPC;
	inode->i_uid = sbinfo->uid;
	inode->i_gid = sbinfo->gid;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

/** shmem_kill_sb - ->kill_sb: free the tree, then the limits. */
void shmem_kill_sb(struct super_block *sb)
{
	void *sbinfo = sb->s_fs_info;

	kill_litter_super(sb);
	kfree(sbinfo);
}

static struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = shmem_kill_sb,
	.fs_flags = FS_USERNS_MOUNT,
};

/* The root of the mount tree is a tmpfs instance called rootfs. */
struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = shmem_mount,
	.kill_sb = shmem_kill_sb,
};

/** init_tmpfs - register tmpfs.  Boot. */
void __init init_tmpfs(void)
{
	register_filesystem(&shmem_fs_type);
}
