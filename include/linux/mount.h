#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

/*
 * A mount: one filesystem (a superblock's tree, or a subtree of it for
 * a bind mount) attached at a place in the mount tree.  struct vfsmount
 * is the public part; fs/mount.h wraps it in struct mount with the
 * tree links.  A struct path names a dentry *through* a mount, which is
 * what lets the same dentry be reached under two mount points.
 */
#include <linux/types.h>
#include <linux/path.h>
#include <uapi/linux/mount.h>

struct super_block;
struct dentry;
struct file;
struct file_system_type;
struct seq_file;

struct vfsmount {
	struct dentry *mnt_root; /* the root of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags; /* MNT_* below */
};

/* mnt_flags (per mount; the superblock has its own SB_* flags). */
#define MNT_NOSUID 0x01
#define MNT_NODEV 0x02
#define MNT_NOEXEC 0x04
#define MNT_NOATIME 0x08
#define MNT_NODIRATIME 0x10
#define MNT_RELATIME 0x20
#define MNT_READONLY 0x40
#define MNT_NOSYMFOLLOW 0x80
#define MNT_INTERNAL 0x4000 /* kern_mount(): not in the tree */
#define MNT_DOOMED 0x1000000 /* unmounted, waiting for its last user */

#define MNT_USER_SETTABLE_MASK                                                \
	(MNT_NOSUID | MNT_NODEV | MNT_NOEXEC | MNT_NOATIME | MNT_NODIRATIME | \
	 MNT_RELATIME | MNT_READONLY | MNT_NOSYMFOLLOW)

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);
bool __mnt_is_readonly(const struct vfsmount *mnt);
int mnt_want_write(struct vfsmount *mnt);
void mnt_drop_write(struct vfsmount *mnt);
int mnt_want_write_file(struct file *file);
void mnt_drop_write_file(struct file *file);
bool path_noexec(const struct path *path);
bool may_mount_nodev(const struct path *path);

int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page);
int path_umount(struct path *path, int flags);
int do_mount(const char *dev_name, const char *dir_name, const char *type_page,
	     unsigned long flags, void *data_page);
int do_umount_path(const char *name, int flags);

/* /proc/mounts, relative to @root (a process's root directory). */
void mounts_proc_show(struct seq_file *m, const struct path *root);
/* /proc/<pid>/mountinfo */
void mountinfo_proc_show(struct seq_file *m, const struct path *root);

void mnt_init(void);

#endif /* _LINUX_MOUNT_H */
