/*
 * Superblocks: one per mounted filesystem instance (seed 004).  A
 * superblock is alive while some mount uses it (s_active); the last
 * deactivate_super() calls the type's ->kill_sb, which tears down the
 * dentry tree and the inodes and frees the anonymous device number.
 */
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/find.h>
#include "internal.h"

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);

/* Anonymous device numbers (0:N) for filesystems without a device. */
#define NR_ANON_DEVS 4096
static DECLARE_BITMAP(anon_devs, NR_ANON_DEVS);
static DEFINE_SPINLOCK(anon_devs_lock);

static int get_anon_bdev(dev_t *p)
{
	unsigned long n;

	spin_lock(&anon_devs_lock);
	n = find_next_zero_bit(anon_devs, NR_ANON_DEVS, 1);
	if (n < NR_ANON_DEVS)
		__set_bit(n, anon_devs);
	spin_unlock(&anon_devs_lock);
	if (n >= NR_ANON_DEVS)
		return -EMFILE;
	*p = MKDEV(0, n);
	return 0;
}

static void free_anon_bdev(dev_t dev)
{
	spin_lock(&anon_devs_lock);
	__clear_bit(MINOR(dev), anon_devs);
	spin_unlock(&anon_devs_lock);
}

static struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	INIT_LIST_HEAD(&s->s_list);
	INIT_LIST_HEAD(&s->s_inodes);
	INIT_LIST_HEAD(&s->s_mounts);
	INIT_HLIST_NODE(&s->s_instances);
	spin_lock_init(&s->s_inode_list_lock);
	init_rwsem(&s->s_umount);
	mutex_init(&s->s_vfs_rename_mutex);
	s->s_count = 1;
	atomic_set(&s->s_active, 1);
	s->s_flags = flags;
	s->s_type = type;
	s->s_time_gran = 1;
	s->s_maxbytes = MAX_LFS_FILESIZE;
	s->s_blocksize = PAGE_SIZE;
	s->s_blocksize_bits = PAGE_SHIFT;
	strscpy(s->s_id, type->name, sizeof(s->s_id));
	return s;
}

/**
 * sget_nodev - a new superblock of @type with an anonymous device.
 * @type: the filesystem type
 * @flags: SB_* flags
 *
 * Process context.  Returns the superblock (active, not yet filled) or
 * an ERR_PTR.
 */
struct super_block *sget_nodev(struct file_system_type *type, int flags)
{
	struct super_block *s = alloc_super(type, flags);
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	err = get_anon_bdev(&s->s_dev);
	if (err) {
		kfree(s);
		return ERR_PTR(err);
	}
	spin_lock(&sb_lock);
	list_add_tail(&s->s_list, &super_blocks);
	hlist_add_head(&s->s_instances, &type->fs_supers);
	spin_unlock(&sb_lock);
	return s;
}

static void put_super(struct super_block *sb)
{
	spin_lock(&sb_lock);
	list_del_init(&sb->s_list);
	hlist_del_init(&sb->s_instances);
	spin_unlock(&sb_lock);
	kfree(sb);
}

/**
 * mount_nodev - ->mount for filesystems that make a new instance each
 * time (tmpfs, ramfs).
 * @fs_type: the type
 * @flags: SB_* flags
 * @data: the option string
 * @fill_super: builds the root and reads @data
 *
 * Returns the root dentry with a reference, or an ERR_PTR.
 */
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *s = sget_nodev(fs_type, flags);
	int err;

	if (IS_ERR(s))
		return ERR_CAST(s);
	err = fill_super(s, data, flags & SB_SILENT ? 1 : 0);
	if (err) {
		deactivate_locked_super(s);
		return ERR_PTR(err);
	}
	s->s_flags |= SB_ACTIVE;
	return dget(s->s_root);
}

/**
 * mount_fs - ask @type for a new (or shared) instance.
 *
 * Returns the root with a reference; the superblock has one more
 * active reference for the caller's mount.
 */
struct dentry *mount_fs(struct file_system_type *type, int flags,
			const char *name, void *data)
{
	struct dentry *root = type->mount(type, flags, name, data);

	if (IS_ERR(root))
		return root;
	if (WARN_ON(!root))
		return ERR_PTR(-EINVAL);
	root->d_sb->s_flags |= SB_ACTIVE;
	return root;
}

/**
 * generic_shutdown_super - the common part of ->kill_sb.
 * @sb: unmounted, its last active reference gone
 *
 * Frees every dentry and unused inode; complains about inodes someone
 * still holds (a leak elsewhere).
 */
void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	if (sb->s_root) {
		shrink_dcache_for_umount(sb);
		sync_filesystem(sb);
		sb->s_flags &= ~SB_ACTIVE;
		evict_inodes(sb);
		if (sop && sop->put_super)
			sop->put_super(sb);
		if (inode_is_busy_at_umount(sb))
			pr_err("VFS: Busy inodes after unmount of %s\n",
			       sb->s_id);
	}
	spin_lock(&sb_lock);
	hlist_del_init(&sb->s_instances);
	spin_unlock(&sb_lock);
}

/** kill_anon_super - ->kill_sb for filesystems without a device. */
void kill_anon_super(struct super_block *sb)
{
	dev_t dev = sb->s_dev;

	generic_shutdown_super(sb);
	free_anon_bdev(dev);
}

/**
 * kill_litter_super - ->kill_sb for ramfs and tmpfs: their dentries pin
 * themselves, so hand those references back first.
 */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
}

/**
 * deactivate_locked_super - drop an active reference; the last one
 * destroys the instance.
 * @sb: the superblock
 *
 * Process context, may sleep.
 */
void deactivate_locked_super(struct super_block *sb)
{
	struct file_system_type *fs = sb->s_type;

	if (!atomic_dec_and_test(&sb->s_active))
		return;
	fs->kill_sb(sb);
	put_filesystem(fs);
	put_super(sb);
}

/** deactivate_super - deactivate_locked_super() (we have no s_umount dance). */
void deactivate_super(struct super_block *sb)
{
	deactivate_locked_super(sb);
}

/**
 * reconfigure_super - remount: new SB_* flags and options.
 * @sb: the instance
 * @sb_flags: the new flags (SB_RDONLY etc.)
 * @data: the option string, or NULL
 *
 * Returns 0 or the filesystem's error.
 */
int reconfigure_super(struct super_block *sb, int sb_flags, void *data)
{
	int flags = sb_flags;
	int err;

	if (sb->s_op && sb->s_op->remount_fs) {
		err = sb->s_op->remount_fs(sb, &flags, data);
		if (err)
			return err;
	}
	sb->s_flags =
		(sb->s_flags & ~(SB_RDONLY | SB_SYNCHRONOUS | SB_NOATIME)) |
		(flags & (SB_RDONLY | SB_SYNCHRONOUS | SB_NOATIME));
	return 0;
}

/** sync_filesystem - ->sync_fs, for sync(2) and unmount. */
int sync_filesystem(struct super_block *sb)
{
	if (sb->s_op && sb->s_op->sync_fs)
		return sb->s_op->sync_fs(sb, 1);
	return 0;
}

/**
 * iterate_supers - call @f on every active superblock.
 *
 * Process context.  @f may sleep; the superblock stays alive meanwhile.
 */
void iterate_supers(void (*f)(struct super_block *, void *), void *arg)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (!atomic_add_unless(&sb->s_active, 1, 0))
			continue;
		spin_unlock(&sb_lock);
		if (prev)
			deactivate_super(prev);
		f(sb, arg);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		deactivate_super(prev);
}
