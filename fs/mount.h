#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

/*
 * The mount tree (fs/namespace.c).  Each struct mount sits on a dentry
 * (mnt_mountpoint) of its parent mount; mount_hashtable finds the mount
 * on top of a (parent mount, dentry) pair, which is how a path walk
 * crosses into a mounted filesystem.
 *
 *	rootfs /           (mnt_parent = itself)
 *	   `-- tmpfs /tmp  (mnt_parent = rootfs, mnt_mountpoint = "tmp")
 */
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mount.h>

struct mount {
	struct hlist_node mnt_hash;
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
	atomic_t mnt_count; /* path references + 1 while attached */
	atomic_t mnt_writers; /* mnt_want_write() in progress */
	struct list_head mnt_mounts; /* children */
	struct list_head mnt_child; /* in the parent's mnt_mounts */
	struct list_head mnt_instance; /* in sb->s_mounts */
	struct list_head mnt_list; /* all attached mounts, mount order */
	const char *mnt_devname;
	struct path mnt_ex_mountpoint; /* held from umount to the last put */
	int mnt_id;
};

static inline struct mount *real_mount(const struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

static inline bool mnt_has_parent(const struct mount *mnt)
{
	return mnt != mnt->mnt_parent;
}

/* namespace.c */
extern struct rw_semaphore namespace_sem;
struct vfsmount *lookup_mnt(const struct path *path);
struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
bool is_mounted(const struct vfsmount *mnt);

#endif /* _FS_MOUNT_H */
