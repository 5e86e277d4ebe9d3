/*
 * anon_inodefs: one inode shared by every file that has no inode of its
 * own (eventfd, epoll).  Each such file gets a private dentry named
 * after its kind, so /proc/<pid>/fd shows "anon_inode:[eventfd]".
 */
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/string.h>

#define ANON_INODE_FS_MAGIC 0x09041934

static struct vfsmount *anon_inode_mnt;
static struct inode *anon_inode_inode;

static char *anon_inodefs_dname(struct dentry *dentry, char *buffer, int buflen)
{
	char name[64];
	int len = snprintf(name, sizeof(name), "anon_inode:%s",
			   (const char *)dentry->d_name.name) +
		  1;

	if (len > buflen || len > (int)sizeof(name))
		return ERR_PTR(-ENAMETOOLONG);
	memcpy(buffer + buflen - len, name, len);
	return buffer + buflen - len;
}

static const struct dentry_operations anon_inodefs_dentry_operations = {
	.d_dname = anon_inodefs_dname,
};

/**
 * anon_inode_getfile - a new file on the shared anonymous inode.
 * @name: its kind, "[eventfd]" style
 * @fops: its operations
 * @priv: its private_data
 * @flags: O_ACCMODE and O_NONBLOCK bits it keeps (others are dropped)
 *
 * Process context.  Returns the file or an ERR_PTR.
 */
struct file *anon_inode_getfile(const char *name,
				const struct file_operations *fops, void *priv,
				int flags)
{
	struct file *file;

	ihold(anon_inode_inode);
	file = alloc_file_pseudo(anon_inode_inode, anon_inode_mnt, name,
				 flags & (O_ACCMODE | O_NONBLOCK), fops);
	if (IS_ERR(file)) {
		iput(anon_inode_inode);
		return file;
	}
	d_set_d_op(file->f_path.dentry, &anon_inodefs_dentry_operations);
	file->private_data = priv;
	return file;
}

/**
 * anon_inode_getfd - anon_inode_getfile() installed in a new descriptor.
 * @name: its kind
 * @fops: its operations
 * @priv: its private_data
 * @flags: as for anon_inode_getfile(), plus O_CLOEXEC for the fd
 *
 * Process context.  Returns the fd or -errno (@priv is not freed).
 */
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags);

	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

static const struct super_operations anon_inodefs_ops = {
	.drop_inode = generic_delete_inode,
	.statfs = simple_statfs,
};

static int anon_inodefs_fill_super(struct super_block *sb, void *data,
				   int silent)
{
	struct inode *root = new_inode(sb);

	sb->s_magic = ANON_INODE_FS_MAGIC;
	sb->s_op = &anon_inodefs_ops;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_time_gran = 1;
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0600;
	root->i_op = &simple_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	set_nlink(root, 2);
	root->i_atime = root->i_mtime = root->i_ctime = current_time(root);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *anon_inodefs_mount(struct file_system_type *fs_type,
					 int flags, const char *dev_name,
					 void *data)
{
	return mount_nodev(fs_type, flags | SB_NOUSER, data,
			   anon_inodefs_fill_super);
}

static struct file_system_type anon_inode_fs_type = {
	.name = "anon_inodefs",
	.mount = anon_inodefs_mount,
	.kill_sb = kill_anon_super,
};

/* The shared inode: no file type, rw for its owner, as Linux's. */
static struct inode *anon_inode_make(struct super_block *sb)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IRUSR | S_IWUSR;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_flags |= S_PRIVATE;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* Boot: mount anon_inodefs and make the shared inode. */
static int __init anon_inode_init(void)
{
	int err = register_filesystem(&anon_inode_fs_type);

	if (err)
		panic("anon_inodefs: cannot register (%d)", err);
	anon_inode_mnt = kern_mount(&anon_inode_fs_type);
	if (IS_ERR(anon_inode_mnt))
		panic("anon_inodefs: cannot mount (%ld)",
		      PTR_ERR(anon_inode_mnt));
	anon_inode_inode = anon_inode_make(anon_inode_mnt->mnt_sb);
	if (!anon_inode_inode)
		panic("anon_inodefs: no memory for the inode");
	return 0;
}
fs_initcall(anon_inode_init);
