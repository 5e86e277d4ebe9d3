#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

/*
 * Path lookup (fs/namei.c).  Syscalls copy the user's path into a
 * struct filename (getname) and hand it to do_*at() functions; kernel
 * callers make one from a kernel string (getname_kernel), so both run
 * the same code.  The do_* functions consume the filename (putname).
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/path.h>
#include <linux/fcntl.h>

struct dentry;
struct vfsmount;
struct qstr;

enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* Lookup flags. */
#define LOOKUP_FOLLOW 0x0001 /* follow a trailing symlink */
#define LOOKUP_DIRECTORY 0x0002 /* the result must be a directory */
#define LOOKUP_AUTOMOUNT 0x0004
#define LOOKUP_EMPTY 0x4000 /* "" names the starting directory */
#define LOOKUP_DOWN 0x8000 /* cross a mount at the start */
#define LOOKUP_MOUNTPOINT 0x0080
#define LOOKUP_PARENT 0x0010 /* internal: stop at the last component */
#define LOOKUP_OPEN 0x0100
#define LOOKUP_CREATE 0x0200
#define LOOKUP_EXCL 0x0400
#define LOOKUP_RENAME_TARGET 0x0800
#define LOOKUP_NO_SYMLINKS 0x010000
#define LOOKUP_BENEATH 0x080000
#define LOOKUP_IN_ROOT 0x100000

/*
 * A path name copied in from the user or given by the kernel.  It lives
 * in one PATH_MAX object of the names_cache, the name right behind the
 * header in iname[]; a name too long for that (EMBEDDED_NAME_MAX or
 * more) takes the whole object and the header is kmalloc'ed apart.
 */
struct filename {
	const char *name; /* the kernel copy: iname, or a names_cache object */
	const char __user *uptr; /* where it came from, or NULL */
	int refcnt;
	char iname[];
};

#define EMBEDDED_NAME_MAX (PATH_MAX - offsetof(struct filename, iname))

struct filename *getname(const char __user *filename);
struct filename *getname_flags(const char __user *filename, int flags,
			       int *empty);
struct filename *getname_kernel(const char *filename);
void putname(struct filename *name);

int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags,
		 struct path *path);
int nd_jump_link(const struct path *path);
int filename_lookup(int dfd, struct filename *name, unsigned int flags,
		    struct path *path, const struct path *root);
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt,
		    const char *name, unsigned int flags, struct path *path);
struct dentry *kern_path_create(int dfd, const char *pathname,
				struct path *path, unsigned int lookup_flags);
struct dentry *filename_create(int dfd, struct filename *name,
			       struct path *path, unsigned int lookup_flags);
struct dentry *user_path_create(int dfd, const char __user *pathname,
				struct path *path, unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
struct dentry *lookup_one_qstr_excl(const struct qstr *name,
				    struct dentry *base, unsigned int flags);
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);
int follow_up(struct path *path);
int follow_down_one(struct path *path);
int may_open_dev(const struct path *path);

/* The *at() syscalls' bodies, on kernel filenames (consumed). */
int do_mkdirat(int dfd, struct filename *name, umode_t mode);
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev);
int do_rmdir(int dfd, struct filename *name);
int do_unlinkat(int dfd, struct filename *name);
int do_symlinkat(struct filename *from, int newdfd, struct filename *to);
int do_linkat(int olddfd, struct filename *old, int newdfd,
	      struct filename *new, int flags);
int do_renameat2(int olddfd, struct filename *from, int newdfd,
		 struct filename *to, unsigned int flags);
int do_readlinkat(int dfd, struct filename *name, char *buf, int bufsiz);

#endif /* _LINUX_NAMEI_H */
