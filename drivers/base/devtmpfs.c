/*
 * devtmpfs: a tmpfs the kernel fills with device nodes as drivers
 * register devices, so /dev is right before any user program runs.
 *
 * There is one instance, made at boot on an internal mount; mounting
 * "devtmpfs" anywhere shows that same tree.  Nodes are created as root,
 * relative to the instance's root, whoever the calling task is and
 * wherever its root is (a process opening /dev/ptmx makes pts/N).
 */
#include <linux/cred.h>
#include <linux/devtmpfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>

static struct vfsmount *devtmpfs_mnt;
static DEFINE_MUTEX(devtmpfs_lock);

static struct dentry *dev_mount(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data)
{
	struct super_block *sb;

	if (!devtmpfs_mnt) /* the boot-time instance itself */
		return mount_nodev(fs_type, flags, "mode=0755",
				   shmem_fill_super);
	sb = devtmpfs_mnt->mnt_sb;
	atomic_inc(&sb->s_active);
	return dget(sb->s_root);
}

static struct file_system_type dev_fs_type = {
	.name = "devtmpfs",
	.mount = dev_mount,
	.kill_sb = shmem_kill_sb,
};

/* Act as root for the node operations (Linux uses a kernel thread). */
static const struct cred *devtmpfs_override_creds(void)
{
	const struct cred *old = current->cred;

	current->cred = get_cred(&init_cred);
	return old;
}

static void devtmpfs_revert_creds(const struct cred *old)
{
	const struct cred *cur = current->cred;

	current->cred = old;
	put_cred(cur);
}

/*
 * The parent directory of @name, created as needed when @create, with
 * a reference, and the last component in *@last.
 */
static struct dentry *devtmpfs_parent(const char *name, const char **last,
				      bool create)
{
	struct dentry *dir = dget(devtmpfs_mnt->mnt_root);
	const char *p = name, *slash;

	while ((slash = strchr(p, '/')) != NULL) {
		struct dentry *child;
		int len = slash - p;

		if (!len) {
			p++;
			continue;
		}
		inode_lock_nested(dir->d_inode, I_MUTEX_PARENT);
		child = lookup_one_len(p, dir, len);
		if (!IS_ERR(child) && d_is_negative(child)) {
			int err = -ENOENT;

			if (create)
				err = vfs_mkdir(dir->d_inode, child, 0755);
			if (err) {
				dput(child);
				child = ERR_PTR(err);
			}
		}
		inode_unlock(dir->d_inode);
		dput(dir);
		if (IS_ERR(child))
			return child;
		if (!d_is_dir(child)) {
			dput(child);
			return ERR_PTR(-ENOTDIR);
		}
		dir = child;
		p = slash + 1;
	}
	*last = p;
	return dir;
}

/**
 * devtmpfs_create_node - make the device node /dev/@name.
 * @name: relative to /dev, "ttyS0" or "pts/0"
 * @mode: S_IFCHR or S_IFBLK plus permissions
 * @dev: the device number
 *
 * Process context.  Returns 0, -EEXIST, -ENODEV (no devtmpfs yet),
 * -EINVAL (not a device mode) or -errno.
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	const struct cred *old;
	struct dentry *dir, *dentry;
	const char *last;
	int err;

	if (!devtmpfs_mnt)
		return -ENODEV;
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return -EINVAL;
	old = devtmpfs_override_creds();
	mutex_lock(&devtmpfs_lock);
	dir = devtmpfs_parent(name, &last, true);
	err = PTR_ERR(dir);
	if (IS_ERR(dir))
		goto out;
	inode_lock_nested(dir->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_len(last, dir, strlen(last));
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = vfs_mknod(dir->d_inode, dentry, mode, dev);
		if (!err) {
			/* The mode as asked, whatever the umask. */
			dentry->d_inode->i_mode = mode;
			dentry->d_inode->i_uid = 0;
			dentry->d_inode->i_gid = 0;
		}
		dput(dentry);
	}
	inode_unlock(dir->d_inode);
	dput(dir);
out:
	mutex_unlock(&devtmpfs_lock);
	devtmpfs_revert_creds(old);
	return err;
}

/**
 * devtmpfs_create_dir - make the directory /dev/@name (mode 0755).
 * @name: relative to /dev, "pts"; missing parents are made too
 *
 * Process context.  For directories that must exist before their first
 * node, as /dev/pts must (programs look for it and mount on it).
 * Returns 0, also when it exists already, -ENODEV (no devtmpfs yet),
 * -ENAMETOOLONG, -ENOTDIR or -errno.
 */
int devtmpfs_create_dir(const char *name)
{
	const struct cred *old;
	struct dentry *dir;
	const char *last;
	char path[64];

	if (!devtmpfs_mnt)
		return -ENODEV;
	/* devtmpfs_parent() makes every component that ends in '/'. */
	if (snprintf(path, sizeof(path), "%s/", name) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	old = devtmpfs_override_creds();
	mutex_lock(&devtmpfs_lock);
	dir = devtmpfs_parent(path, &last, true);
	mutex_unlock(&devtmpfs_lock);
	devtmpfs_revert_creds(old);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	dput(dir);
	return 0;
}

/**
 * devtmpfs_delete_node - remove /dev/@name made by devtmpfs_create_node.
 * Returns 0, -ENOENT, or -errno.
 */
int devtmpfs_delete_node(const char *name)
{
	const struct cred *old;
	struct dentry *dir, *dentry;
	struct inode *inode = NULL;
	const char *last;
	int err;

	if (!devtmpfs_mnt)
		return -ENODEV;
	old = devtmpfs_override_creds();
	mutex_lock(&devtmpfs_lock);
	dir = devtmpfs_parent(name, &last, false);
	err = PTR_ERR(dir);
	if (IS_ERR(dir))
		goto out;
	inode_lock_nested(dir->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_len(last, dir, strlen(last));
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = -ENOENT;
		if (d_is_positive(dentry)) {
			inode = dentry->d_inode;
			ihold(inode);
			err = vfs_unlink(dir->d_inode, dentry, NULL);
		}
		dput(dentry);
	}
	inode_unlock(dir->d_inode);
	iput(inode);
	dput(dir);
out:
	mutex_unlock(&devtmpfs_lock);
	devtmpfs_revert_creds(old);
	return err;
}

/**
 * devtmpfs_init - make the devtmpfs instance.  Boot, after the VFS.
 * Returns 0 or -errno.
 */
int __init devtmpfs_init(void)
{
	struct vfsmount *mnt;
	int err = register_filesystem(&dev_fs_type);

	if (err)
		return err;
	mnt = vfs_kern_mount(&dev_fs_type, SB_KERNMOUNT, "devtmpfs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("devtmpfs: unable to create devtmpfs %ld\n",
		       PTR_ERR(mnt));
		unregister_filesystem(&dev_fs_type);
		return PTR_ERR(mnt);
	}
	mnt->mnt_flags |= MNT_INTERNAL;
	devtmpfs_mnt = mnt;
	pr_info("devtmpfs: initialized\n");
	return 0;
}
