/*
 * The mount tree (linux/mount.h, fs/mount.h): mounting, bind mounts,
 * remounts, moving and unmounting, and the /proc/mounts view.
 *
 * There is one mount namespace.  Its root is the rootfs mount made at
 * boot (mnt_init); every other mount hangs off a dentry of its parent
 * and is found through mount_hashtable by (parent, dentry).  While
 * attached, a mount holds a reference on its parent mount and on its
 * mountpoint dentry, and the tree holds one on it.
 *
 * namespace_sem (write) serialises changes to the tree; mount_lock
 * guards the hash and the parent links for path walks and d_path,
 * which only read them.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/hash.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/ramfs.h>
#include <linux/shmem_fs.h>
#include "internal.h"
#include "mount.h"

DECLARE_RWSEM(namespace_sem);
DEFINE_SPINLOCK(mount_lock);

#define M_HASH_BITS 8
static struct hlist_head mount_hashtable[1 << M_HASH_BITS];
static LIST_HEAD(mount_list); /* attached mounts, in mount order */
static struct kmem_cache *mnt_cache;
static struct mount *root_mount;
static atomic_t mnt_id_next = ATOMIC_INIT(0);

static struct hlist_head *m_hash(struct vfsmount *mnt, struct dentry *dentry)
{
	unsigned long key =
		(unsigned long)mnt / 64 + (unsigned long)dentry / 64;

	return mount_hashtable + hash_long(key, M_HASH_BITS);
}

static struct mount *alloc_vfsmnt(const char *name)
{
	struct mount *mnt = kmem_cache_zalloc(mnt_cache, GFP_KERNEL);

	if (!mnt)
		return NULL;
	if (name) {
		mnt->mnt_devname = kstrdup(name, GFP_KERNEL);
		if (!mnt->mnt_devname) {
			kmem_cache_free(mnt_cache, mnt);
			return NULL;
		}
	}
	atomic_set(&mnt->mnt_count, 1);
	INIT_HLIST_NODE(&mnt->mnt_hash);
	INIT_LIST_HEAD(&mnt->mnt_mounts);
	INIT_LIST_HEAD(&mnt->mnt_child);
	INIT_LIST_HEAD(&mnt->mnt_instance);
	INIT_LIST_HEAD(&mnt->mnt_list);
	mnt->mnt_parent = mnt;
	mnt->mnt_id = atomic_inc_return(&mnt_id_next);
	return mnt;
}

static void free_vfsmnt(struct mount *mnt)
{
	kfree(mnt->mnt_devname);
	kmem_cache_free(mnt_cache, mnt);
}

/** mntget - another reference to a mount the caller holds. */
struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&real_mount(mnt)->mnt_count);
	return mnt;
}

/**
 * mntput - drop a reference to a mount.
 * @mnt: the mount, or NULL
 *
 * Process context, may sleep: the last reference to a detached mount
 * releases its root and its superblock.
 */
void mntput(struct vfsmount *vfsmnt)
{
	struct mount *mnt;
	struct super_block *sb;

	if (!vfsmnt)
		return;
	mnt = real_mount(vfsmnt);
	if (!atomic_dec_and_test(&mnt->mnt_count))
		return;
	sb = vfsmnt->mnt_sb;
	spin_lock(&mount_lock);
	list_del_init(&mnt->mnt_instance);
	spin_unlock(&mount_lock);
	dput(vfsmnt->mnt_root);
	deactivate_super(sb);
	free_vfsmnt(mnt);
}

/**
 * vfs_kern_mount - a new, unattached mount of a new instance of @type.
 * @type: the filesystem type
 * @flags: SB_* flags for the instance
 * @name: the source name shown in /proc/mounts
 * @data: the option string
 *
 * Process context.  Returns the mount (one reference) or an ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct mount *mnt;
	struct dentry *root;

	if (!type)
		return ERR_PTR(-ENODEV);
	mnt = alloc_vfsmnt(name);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = mount_fs(type, flags, name, data);
	if (IS_ERR(root)) {
		free_vfsmnt(mnt);
		return ERR_CAST(root);
	}
	mnt->mnt.mnt_root = root;
	mnt->mnt.mnt_sb = root->d_sb;
	mnt->mnt_mountpoint = root;
	spin_lock(&mount_lock);
	list_add_tail(&mnt->mnt_instance, &root->d_sb->s_mounts);
	spin_unlock(&mount_lock);
	return &mnt->mnt;
}

/**
 * kern_mount - an internal mount of @type, outside the tree (devtmpfs,
 * pipefs).  Returns the mount or an ERR_PTR.
 */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt =
		vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);

	if (!IS_ERR(mnt))
		mnt->mnt_flags |= MNT_INTERNAL;
	return mnt;
}

/** kern_unmount - drop a kern_mount(). */
void kern_unmount(struct vfsmount *mnt)
{
	mntput(mnt);
}

/* A new mount of @old's superblock rooted at @root (bind mounts). */
static struct mount *clone_mnt(struct mount *old, struct dentry *root)
{
	struct super_block *sb = old->mnt.mnt_sb;
	struct mount *mnt = alloc_vfsmnt(old->mnt_devname);

	if (!mnt)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&sb->s_active);
	mnt->mnt.mnt_flags = old->mnt.mnt_flags & ~(MNT_INTERNAL | MNT_DOOMED);
	mnt->mnt.mnt_sb = sb;
	mnt->mnt.mnt_root = dget(root);
	mnt->mnt_mountpoint = mnt->mnt.mnt_root;
	spin_lock(&mount_lock);
	list_add_tail(&mnt->mnt_instance, &sb->s_mounts);
	spin_unlock(&mount_lock);
	return mnt;
}

/**
 * __lookup_mnt - the mount on top of (@mnt, @dentry), no reference.
 *
 * Caller holds mount_lock or namespace_sem.
 */
struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct mount *p, *found = NULL;

	hlist_for_each_entry(p, m_hash(mnt, dentry), mnt_hash)
		if (&p->mnt_parent->mnt == mnt && p->mnt_mountpoint == dentry)
			found = p; /* the last one mounted is on top */
	return found;
}

/**
 * lookup_mnt - the mount on top of @path, with a reference, or NULL.
 */
struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *child;
	struct vfsmount *m = NULL;

	spin_lock(&mount_lock);
	child = __lookup_mnt(path->mnt, path->dentry);
	if (child)
		m = mntget(&child->mnt);
	spin_unlock(&mount_lock);
	return m;
}

/** is_mounted - is @mnt attached to the tree? */
bool is_mounted(const struct vfsmount *mnt)
{
	const struct mount *m = real_mount(mnt);

	return m == root_mount || !list_empty(&m->mnt_list);
}

/** follow_up - from a mount's root to where it is mounted.  1 if moved. */
int follow_up(struct path *path)
{
	struct mount *mnt = real_mount(path->mnt);
	struct mount *parent;
	struct dentry *mountpoint;

	spin_lock(&mount_lock);
	parent = mnt->mnt_parent;
	if (parent == mnt) {
		spin_unlock(&mount_lock);
		return 0;
	}
	mntget(&parent->mnt);
	mountpoint = dget(mnt->mnt_mountpoint);
	spin_unlock(&mount_lock);
	dput(path->dentry);
	path->dentry = mountpoint;
	mntput(path->mnt);
	path->mnt = &parent->mnt;
	return 1;
}

/** follow_down_one - onto the mount on top of @path.  1 if moved. */
int follow_down_one(struct path *path)
{
	struct vfsmount *mounted = lookup_mnt(path);

	if (!mounted)
		return 0;
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = mounted;
	path->dentry = dget(mounted->mnt_root);
	return 1;
}

/* Any mount still on @dentry?  mount_lock held. */
static bool dentry_has_mounts(struct dentry *dentry)
{
	struct mount *p;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mount_hashtable); i++)
		hlist_for_each_entry(p, &mount_hashtable[i], mnt_hash)
			if (p->mnt_mountpoint == dentry)
				return true;
	return false;
}

static void set_mounted(struct dentry *dentry, bool on)
{
	spin_lock(&dentry->d_lock);
	if (on)
		dentry->d_flags |= DCACHE_MOUNTED;
	else
		dentry->d_flags &= ~DCACHE_MOUNTED;
	spin_unlock(&dentry->d_lock);
}

/* Hang @mnt on (@parent, @mp).  namespace_sem held for writing. */
static void attach_mnt(struct mount *mnt, struct mount *parent,
		       struct dentry *mp)
{
	mntget(&parent->mnt);
	dget(mp);
	spin_lock(&mount_lock);
	mnt->mnt_parent = parent;
	mnt->mnt_mountpoint = mp;
	hlist_add_head(&mnt->mnt_hash, m_hash(&parent->mnt, mp));
	list_add_tail(&mnt->mnt_child, &parent->mnt_mounts);
	list_add_tail(&mnt->mnt_list, &mount_list);
	set_mounted(mp, true);
	spin_unlock(&mount_lock);
}

/*
 * Take @mnt off the tree.  Returns the references it held on its old
 * place through @old (the caller drops them once unlocked).
 */
static void detach_mnt(struct mount *mnt, struct path *old)
{
	struct dentry *mp = mnt->mnt_mountpoint;

	spin_lock(&mount_lock);
	old->mnt = &mnt->mnt_parent->mnt;
	old->dentry = mp;
	hlist_del_init(&mnt->mnt_hash);
	list_del_init(&mnt->mnt_child);
	list_del_init(&mnt->mnt_list);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt.mnt_root;
	if (!dentry_has_mounts(mp))
		set_mounted(mp, false);
	spin_unlock(&mount_lock);
}

/* The deepest last child of @mnt's subtree, for a leaves-first walk. */
static struct mount *last_descendant(struct mount *mnt)
{
	while (!list_empty(&mnt->mnt_mounts))
		mnt = list_last_entry(&mnt->mnt_mounts, struct mount,
				      mnt_child);
	return mnt;
}

/*
 * Drop what umount_subtree collected: each mount's hold on its old
 * place, then the tree's reference.  No locks held.
 */
static void dispose_mounts(struct list_head *dispose)
{
	while (!list_empty(dispose)) {
		struct mount *m =
			list_first_entry(dispose, struct mount, mnt_list);

		list_del_init(&m->mnt_list);
		path_put(&m->mnt_ex_mountpoint);
		m->mnt_ex_mountpoint.mnt = NULL;
		m->mnt_ex_mountpoint.dentry = NULL;
		mntput(&m->mnt);
	}
}

/*
 * Detach @mnt and everything mounted below it, children first, onto
 * @dispose.  namespace_sem held for writing; dispose_mounts() drops the
 * references once it is released.
 */
static void umount_subtree(struct mount *mnt, struct list_head *dispose)
{
	for (;;) {
		struct mount *victim = last_descendant(mnt);

		detach_mnt(victim, &victim->mnt_ex_mountpoint);
		victim->mnt.mnt_flags |= MNT_DOOMED;
		list_add_tail(&victim->mnt_list, dispose);
		if (victim == mnt)
			break;
	}
}

static bool mount_is_busy(struct mount *mnt)
{
	/* One reference from the tree, one from the caller's path. */
	return atomic_read(&mnt->mnt_count) > 2 ||
	       !list_empty(&mnt->mnt_mounts);
}

static int do_umount(struct mount *mnt, int flags)
{
	LIST_HEAD(dispose);

	if (mnt == root_mount || !mnt_has_parent(mnt))
		return -EINVAL;
	down_write(&namespace_sem);
	if (list_empty(&mnt->mnt_list)) {
		up_write(&namespace_sem);
		return -EINVAL;
	}
	if (!(flags & MNT_DETACH) && mount_is_busy(mnt)) {
		up_write(&namespace_sem);
		return -EBUSY;
	}
	umount_subtree(mnt, &dispose);
	up_write(&namespace_sem);
	dispose_mounts(&dispose);
	return 0;
}

/**
 * path_umount - umount2() of the mount whose root is @path.
 * @path: from the lookup; consumed
 * @flags: MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW
 *
 * Returns 0, -EINVAL (not a mount root, not mounted), -EBUSY (in use
 * and not MNT_DETACH), -EPERM.
 */
int path_umount(struct path *path, int flags)
{
	struct mount *mnt = real_mount(path->mnt);
	int ret = -EINVAL;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		goto out;
	if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		goto out;
	ret = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto out;
	ret = -EINVAL;
	if (path->dentry != path->mnt->mnt_root)
		goto out;
	if (flags & MNT_EXPIRE) {
		pr_warn_once("umount2: MNT_EXPIRE is not supported\n");
		goto out;
	}
	ret = do_umount(mnt, flags);
out:
	path_put(path);
	return ret;
}

/** do_umount_path - umount2() of a kernel path name. */
int do_umount_path(const char *name, int flags)
{
	unsigned int lookup_flags = LOOKUP_MOUNTPOINT;
	struct path path;
	int err;

	if (!(flags & UMOUNT_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	err = kern_path(name, lookup_flags, &path);
	if (err)
		return err;
	return path_umount(&path, flags);
}

/* Walk @path up onto the topmost mount stacked on it. */
static void follow_to_top(struct path *path)
{
	while (d_mountpoint(path->dentry) && follow_down_one(path))
		;
}

/* Attach a new mount at @path.  namespace_sem held for writing. */
static int graft_tree(struct mount *mnt, struct path *path)
{
	struct dentry *dentry = path->dentry;

	if (d_is_dir(dentry) != d_is_dir(mnt->mnt.mnt_root))
		return -ENOTDIR;
	if (!IS_ROOT(dentry) && d_unhashed(dentry))
		return -ENOENT;
	if (!is_mounted(path->mnt))
		return -EINVAL;
	attach_mnt(mnt, real_mount(path->mnt), dentry);
	return 0;
}

static int do_add_mount(struct mount *newm, struct path *path, int mnt_flags)
{
	int err;

	down_write(&namespace_sem);
	follow_to_top(path);
	err = -EBUSY;
	if (path->mnt->mnt_sb == newm->mnt.mnt_sb &&
	    path->mnt->mnt_root == path->dentry)
		goto out;
	newm->mnt.mnt_flags = mnt_flags;
	err = graft_tree(newm, path);
out:
	up_write(&namespace_sem);
	return err;
}

static int do_new_mount(struct path *path, const char *fstype, int sb_flags,
			int mnt_flags, const char *name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int err;

	if (!fstype)
		return -EINVAL;
	type = get_fs_type(fstype);
	if (!type)
		return -ENODEV;
	if (type->fs_flags & FS_REQUIRES_DEV) {
		put_filesystem(type);
		return -ENOTBLK; /* no block devices yet */
	}
	mnt = vfs_kern_mount(type, sb_flags, name ? name : "none", data);
	put_filesystem(type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = do_add_mount(real_mount(mnt), path, mnt_flags);
	if (err)
		mntput(mnt);
	return err;
}

/* Clone @old (rooted at @root) and, if @recurse, the mounts below it. */
static struct mount *copy_tree(struct mount *old, struct dentry *root,
			       bool recurse)
{
	struct mount *res = clone_mnt(old, root), *child;

	if (IS_ERR(res) || !recurse)
		return res;
	list_for_each_entry(child, &old->mnt_mounts, mnt_child) {
		struct mount *c;

		if (!is_subdir(child->mnt_mountpoint, root))
			continue;
		c = copy_tree(child, child->mnt.mnt_root, true);
		if (IS_ERR(c))
			continue; /* best effort, as a partial bind */
		attach_mnt(c, res, child->mnt_mountpoint);
	}
	return res;
}

static int do_loopback(struct path *path, const char *old_name, int recurse)
{
	struct path old_path;
	struct mount *mnt;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW | LOOKUP_AUTOMOUNT, &old_path);
	if (err)
		return err;
	down_write(&namespace_sem);
	err = -EINVAL;
	if (!is_mounted(old_path.mnt))
		goto out;
	mnt = copy_tree(real_mount(old_path.mnt), old_path.dentry, recurse);
	if (IS_ERR(mnt)) {
		err = PTR_ERR(mnt);
		goto out;
	}
	follow_to_top(path);
	err = graft_tree(mnt, path);
	if (err) {
		LIST_HEAD(dispose);

		/* Undo the clone and any children attached to it. */
		while (!list_empty(&mnt->mnt_mounts))
			umount_subtree(list_first_entry(&mnt->mnt_mounts,
							struct mount,
							mnt_child),
				       &dispose);
		up_write(&namespace_sem);
		dispose_mounts(&dispose);
		mntput(&mnt->mnt);
		path_put(&old_path);
		return err;
	}
out:
	up_write(&namespace_sem);
	path_put(&old_path);
	return err;
}

static int do_remount(struct path *path, int ms_flags, int sb_flags,
		      int mnt_flags, void *data)
{
	struct super_block *sb = path->mnt->mnt_sb;
	int err = 0;

	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	down_write(&namespace_sem);
	if (!(ms_flags & MS_BIND))
		err = reconfigure_super(sb, sb_flags, data);
	if (!err)
		path->mnt->mnt_flags =
			(path->mnt->mnt_flags & ~MNT_USER_SETTABLE_MASK) |
			mnt_flags;
	up_write(&namespace_sem);
	return err;
}

static int do_move_mount(struct path *path, const char *old_name)
{
	struct path old_path, parent_path;
	struct mount *old;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old_path);
	if (err)
		return err;
	down_write(&namespace_sem);
	old = real_mount(old_path.mnt);
	follow_to_top(path);
	err = -EINVAL;
	if (old_path.dentry != old_path.mnt->mnt_root || !mnt_has_parent(old))
		goto out;
	if (list_empty(&old->mnt_list))
		goto out;
	/* Not into itself. */
	{
		struct mount *p = real_mount(path->mnt);

		for (; mnt_has_parent(p); p = p->mnt_parent)
			if (p == old)
				goto out;
		if (p == old)
			goto out;
	}
	err = -ENOTDIR;
	if (d_is_dir(path->dentry) != d_is_dir(old_path.dentry))
		goto out;
	detach_mnt(old, &parent_path);
	attach_mnt(old, real_mount(path->mnt), path->dentry);
	up_write(&namespace_sem);
	path_put(&parent_path);
	path_put(&old_path);
	return 0;
out:
	up_write(&namespace_sem);
	path_put(&old_path);
	return err;
}

/* MS_* to the per-mount MNT_* flags.  relatime is the default. */
static int ms_to_mnt_flags(unsigned long flags)
{
	int mnt_flags = 0;

	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSYMFOLLOW)
		mnt_flags |= MNT_NOSYMFOLLOW;
	if (!(flags & (MS_NOATIME | MS_STRICTATIME)))
		mnt_flags |= MNT_RELATIME;
	return mnt_flags;
}

/**
 * path_mount - mount(2) at @path, once the names are in kernel memory.
 * @dev_name: the source (device name, old path for MS_BIND/MS_MOVE)
 * @path: the mount point
 * @type_page: the filesystem type name (new mounts)
 * @flags: MS_*
 * @data_page: the option string, or NULL
 *
 * Process context.  Needs CAP_SYS_ADMIN.  Returns 0 or -errno.
 */
int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	unsigned long propagation = MS_SHARED | MS_PRIVATE | MS_SLAVE |
				    MS_UNBINDABLE;
	int mnt_flags, sb_flags;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	mnt_flags = ms_to_mnt_flags(flags);
	sb_flags = flags &
		   (SB_RDONLY | SB_SYNCHRONOUS | SB_SILENT | SB_NOATIME);
	if ((flags & (MS_REMOUNT | MS_BIND)) == (MS_REMOUNT | MS_BIND))
		return do_remount(path, flags, sb_flags, mnt_flags, data_page);
	if (flags & MS_REMOUNT)
		return do_remount(path, flags, sb_flags, mnt_flags, data_page);
	if (flags & MS_BIND)
		return do_loopback(path, dev_name, flags & MS_REC);
	if (flags & propagation) {
		/* Every mount is private already: nothing propagates. */
		if ((flags & propagation) == MS_PRIVATE)
			return 0;
		pr_warn_once(
			"mount: shared/slave/unbindable mounts are not supported\n");
		return -EINVAL;
	}
	if (flags & MS_MOVE)
		return do_move_mount(path, dev_name);
	return do_new_mount(path, type_page, sb_flags, mnt_flags, dev_name,
			    data_page);
}

/**
 * do_mount - mount(2) on kernel strings (init_mount, tests).
 *
 * @data_page is a NUL-terminated option string or NULL.
 */
int do_mount(const char *dev_name, const char *dir_name, const char *type_page,
	     unsigned long flags, void *data_page)
{
	struct path path;
	int ret;

	ret = kern_path(dir_name, LOOKUP_FOLLOW, &path);
	if (ret)
		return ret;
	ret = path_mount(dev_name, &path, type_page, flags, data_page);
	path_put(&path);
	return ret;
}

/** __mnt_is_readonly - is the mount or its superblock read-only? */
bool __mnt_is_readonly(const struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY) ||
	       (mnt->mnt_sb->s_flags & SB_RDONLY);
}

/**
 * mnt_want_write - may the caller modify something on @mnt?
 *
 * Returns 0 (pair with mnt_drop_write) or -EROFS.
 */
int mnt_want_write(struct vfsmount *mnt)
{
	if (__mnt_is_readonly(mnt))
		return -EROFS;
	atomic_inc(&real_mount(mnt)->mnt_writers);
	return 0;
}

void mnt_drop_write(struct vfsmount *mnt)
{
	atomic_dec(&real_mount(mnt)->mnt_writers);
}

int mnt_want_write_file(struct file *file)
{
	return mnt_want_write(file->f_path.mnt);
}

void mnt_drop_write_file(struct file *file)
{
	mnt_drop_write(file->f_path.mnt);
}

/** path_noexec - may nothing be executed from @path's mount? */
bool path_noexec(const struct path *path)
{
	return (path->mnt->mnt_flags & MNT_NOEXEC) ||
	       (path->mnt->mnt_sb->s_flags & SB_NOEXEC);
}

/** may_mount_nodev - are device nodes usable on @path's mount? */
bool may_mount_nodev(const struct path *path)
{
	return !(path->mnt->mnt_flags & MNT_NODEV) &&
	       !(path->mnt->mnt_sb->s_flags & SB_NODEV);
}

static void show_mnt_opts(struct seq_file *m, struct vfsmount *mnt)
{
	static const struct {
		int flag;
		const char *str;
	} opts[] = {
		{ MNT_NOSUID, ",nosuid" },
		{ MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" },
		{ MNT_NOATIME, ",noatime" },
		{ MNT_NODIRATIME, ",nodiratime" },
		{ MNT_RELATIME, ",relatime" },
		{ MNT_NOSYMFOLLOW, ",nosymfollow" },
	};
	unsigned int i;

	seq_puts(m, __mnt_is_readonly(mnt) ? "ro" : "rw");
	if (mnt->mnt_sb->s_flags & SB_SYNCHRONOUS)
		seq_puts(m, ",sync");
	for (i = 0; i < ARRAY_SIZE(opts); i++)
		if (mnt->mnt_flags & opts[i].flag)
			seq_puts(m, opts[i].str);
	if (mnt->mnt_sb->s_op && mnt->mnt_sb->s_op->show_options)
		mnt->mnt_sb->s_op->show_options(m, mnt->mnt_root);
}

/* Where @mnt's root is, seen from @root; false if outside it. */
static bool mount_path(struct seq_file *m, struct mount *mnt,
		       const struct path *root)
{
	struct path p = { .mnt = &mnt->mnt, .dentry = mnt->mnt.mnt_root };
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	char *s;

	if (!buf)
		return false;
	s = __d_path(&p, root, buf, PATH_MAX);
	if (IS_ERR_OR_NULL(s)) {
		kfree(buf);
		return false;
	}
	seq_escape(m, s, " \t\n");
	kfree(buf);
	return true;
}

/**
 * mounts_proc_show - /proc/mounts (and /proc/<pid>/mounts): one line per
 * mount visible from @root, "source mountpoint type options 0 0".
 */
void mounts_proc_show(struct seq_file *m, const struct path *root)
{
	struct mount *mnt;

	down_read(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_list) {
		size_t start = m->count;

		seq_escape(m, mnt->mnt_devname ? mnt->mnt_devname : "none",
			   " \t\n");
		seq_putc(m, ' ');
		if (!mount_path(m, mnt, root)) {
			m->count = start;
			continue;
		}
		seq_printf(m, " %s ", mnt->mnt.mnt_sb->s_type->name);
		show_mnt_opts(m, &mnt->mnt);
		seq_puts(m, " 0 0\n");
	}
	up_read(&namespace_sem);
}

/**
 * mountinfo_proc_show - /proc/<pid>/mountinfo: "id parent major:minor
 * root mountpoint options - type source superoptions".
 */
void mountinfo_proc_show(struct seq_file *m, const struct path *root)
{
	struct mount *mnt;
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);

	if (!buf)
		return;
	down_read(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_list) {
		struct super_block *sb = mnt->mnt.mnt_sb;
		size_t start = m->count;
		char *s;

		seq_printf(m, "%d %d %u:%u ", mnt->mnt_id,
			   mnt->mnt_parent->mnt_id, MAJOR(sb->s_dev),
			   MINOR(sb->s_dev));
		s = dentry_path_raw(mnt->mnt.mnt_root, buf, PATH_MAX);
		seq_escape(m, IS_ERR(s) ? "/" : s, " \t\n");
		seq_putc(m, ' ');
		if (!mount_path(m, mnt, root)) {
			m->count = start;
			continue;
		}
		seq_putc(m, ' ');
		show_mnt_opts(m, &mnt->mnt);
		seq_printf(m, " - %s ", sb->s_type->name);
		seq_escape(m, mnt->mnt_devname ? mnt->mnt_devname : "none",
			   " \t\n");
		seq_puts(m, sb->s_flags & SB_RDONLY ? " ro" : " rw");
		if (sb->s_op && sb->s_op->show_options)
			sb->s_op->show_options(m, mnt->mnt.mnt_root);
		seq_putc(m, '\n');
	}
	up_read(&namespace_sem);
	kfree(buf);
}

extern struct file_system_type rootfs_fs_type;

/* The namespace root: rootfs, and init_task's root and cwd on it. */
static void __init init_mount_tree(void)
{
	struct vfsmount *mnt;
	struct path root;

	mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("Can't create rootfs");
	root_mount = real_mount(mnt);
	mnt->mnt_flags = MNT_RELATIME;
	list_add_tail(&root_mount->mnt_list, &mount_list);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_pwd(current->fs, &root);
	set_fs_root(current->fs, &root);
}

/**
 * mnt_init - the mount cache, the built-in filesystem types and the
 * root of the tree.  Boot, from vfs_caches_init().
 */
void __init mnt_init(void)
{
	unsigned int i;

	mnt_cache = kmem_cache_create("mnt_cache", sizeof(struct mount), 0,
				      SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
	for (i = 0; i < ARRAY_SIZE(mount_hashtable); i++)
		INIT_HLIST_HEAD(&mount_hashtable[i]);
	init_ramfs_fs();
	init_tmpfs();
	init_mount_tree();
}

/* mount(2)'s strings: at most a page each, as Linux copies them. */
static char *copy_mount_string(const void __user *data)
{
	char *buf;
	long len;

	if (!data)
		return NULL;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(buf, data, PAGE_SIZE);
	if (len < 0) {
		kfree(buf);
		return ERR_PTR(len);
	}
	if (len == PAGE_SIZE) {
		kfree(buf);
		return ERR_PTR(-EINVAL);
	}
	return buf;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kernel_type, *kernel_dev, *options;
	struct path path;
	int ret;

	kernel_type = copy_mount_string(type);
	ret = PTR_ERR(kernel_type);
	if (IS_ERR(kernel_type))
		goto out_type;
	kernel_dev = copy_mount_string(dev_name);
	ret = PTR_ERR(kernel_dev);
	if (IS_ERR(kernel_dev))
		goto out_dev;
	options = copy_mount_string(data);
	ret = PTR_ERR(options);
	if (IS_ERR(options))
		goto out_data;
	ret = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);
	if (!ret) {
		ret = path_mount(kernel_dev, &path, kernel_type, flags,
				 options);
		path_put(&path);
	}
	kfree(options);
out_data:
	kfree(kernel_dev);
out_dev:
	kfree(kernel_type);
out_type:
	return ret;
}

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	unsigned int lookup_flags = LOOKUP_MOUNTPOINT;
	struct path path;
	int ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!(flags & UMOUNT_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	ret = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (ret)
		return ret;
	return path_umount(&path, flags);
}
