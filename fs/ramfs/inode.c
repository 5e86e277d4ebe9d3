/*
 * ramfs: a filesystem that is nothing but the dcache and the page cache
 * (Documentation/filesystems/ramfs-rootfs-initramfs.rst).  Files grow
 * without limit; there is nothing to write back.  tmpfs (mm/shmem.c)
 * is the same with limits.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/pagemap.h>
#include <linux/ramfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>

struct ramfs_fs_info {
	umode_t mode; /* of the root */
};

#define RAMFS_DEFAULT_MODE 0755

static const struct super_operations ramfs_ops;
static const struct inode_operations ramfs_dir_inode_operations;

static loff_t ramfs_llseek(struct file *file, loff_t offset, int whence)
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

const struct file_operations ramfs_file_operations = {
	.read_iter = generic_file_read_iter,
	.write_iter = generic_file_write_iter,
	.mmap = generic_file_mmap,
	.fsync = noop_fsync,
	.llseek = ramfs_llseek,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = simple_setattr,
	.getattr = simple_getattr,
};

/**
 * ramfs_get_inode - a new ramfs inode of type @mode.
 * @sb: the instance
 * @dir: the parent directory (owner/group rules), or NULL for the root
 * @mode: type and permissions
 * @dev: for device nodes
 *
 * Returns the inode or NULL.
 */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_mapping->a_ops = &ram_aops;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	switch (mode & S_IFMT) {
	default:
		init_special_inode(inode, mode, dev);
		break;
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode); /* "." */
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	}
	return inode;
}

/* A new inode under @dentry, pinned in the dcache. */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
		       dev_t dev)
{
	return simple_instantiate(dir, dentry,
				  ramfs_get_inode(dir->i_sb, dir, mode, dev));
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int error = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!error)
		inc_nlink(dir);
	return error;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
			bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *symname)
{
	if (strlen(symname) + 1 > PAGE_SIZE)
		return -ENAMETOOLONG;
	return simple_symlink_instantiate(
		dir, dentry,
		ramfs_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0),
		symname);
}

static int ramfs_tmpfile(struct inode *dir, struct file *file, umode_t mode)
{
	return simple_tmpfile_instantiate(file, ramfs_get_inode(dir->i_sb, dir,
								mode, 0));
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = simple_lookup,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.mknod = ramfs_mknod,
	.rename = simple_rename,
	.tmpfile = ramfs_tmpfile,
	.getattr = simple_getattr,
};

static void ramfs_evict_inode(struct inode *inode)
{
	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
}

static int ramfs_show_options(struct seq_file *m, struct dentry *root)
{
	struct ramfs_fs_info *fsi = root->d_sb->s_fs_info;

	if (fsi->mode != RAMFS_DEFAULT_MODE)
		seq_printf(m, ",mode=%o", fsi->mode);
	return 0;
}

static const struct super_operations ramfs_ops = {
	.statfs = simple_statfs,
	.evict_inode = ramfs_evict_inode,
	.show_options = ramfs_show_options,
};

/* "mode=0755"; ramfs ignores options it does not know, as Linux does. */
static int ramfs_parse_options(char *data, struct ramfs_fs_info *fsi)
{
	char *p;

	while ((p = strsep(&data, ",")) != NULL) {
		unsigned int mode;

		if (strncmp(p, "mode=", 5))
			continue;
		if (kstrtouint(p + 5, 8, &mode))
			return -EINVAL;
		fsi->mode = mode & S_IALLUGO;
	}
	return 0;
}

/** ramfs_fill_super - set up a new ramfs instance with its root. */
int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);
	struct inode *inode;
	int err;

	sb->s_fs_info = fsi;
	if (!fsi)
		return -ENOMEM;
	fsi->mode = RAMFS_DEFAULT_MODE;
	if (data) {
		char *opts = kstrdup(data, GFP_KERNEL);

		if (!opts)
			return -ENOMEM;
		err = ramfs_parse_options(opts, fsi);
		kfree(opts);
		if (err)
			return err;
	}
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = RAMFS_MAGIC;
	sb->s_op = &ramfs_ops;
	sb->s_time_gran = 1;
	inode = ramfs_get_inode(sb, NULL, S_IFDIR | fsi->mode, 0);
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ramfs_fill_super);
}

static void ramfs_kill_sb(struct super_block *sb)
{
	void *fsi = sb->s_fs_info;

	kill_litter_super(sb);
	kfree(fsi);
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = ramfs_kill_sb,
	.fs_flags = FS_USERNS_MOUNT,
};

/** init_ramfs_fs - register ramfs.  Boot. */
void __init init_ramfs_fs(void)
{
	register_filesystem(&ramfs_fs_type);
}
