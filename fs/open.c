/*
 * Opening and closing files, and the syscalls that change a file's
 * attributes or a task's place: truncate, access, chdir/chroot, chmod,
 * chown (fs/open.c in Linux).
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/* What an O_PATH file gets: nothing works on it but the fd itself. */
static const struct file_operations empty_fops = {};

/**
 * do_truncate - set @dentry's size to @length.
 * @dentry: the file
 * @length: the new size
 * @time_attrs: ATTR_MTIME | ATTR_CTIME (and ATTR_OPEN from O_TRUNC)
 * @filp: the open file for ftruncate, or NULL
 *
 * Takes the inode lock.  Returns 0 or -EINVAL, -EFBIG...
 */
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs,
		struct file *filp)
{
	struct inode *inode = dentry->d_inode;
	struct iattr newattrs;
	int ret;

	if (length < 0)
		return -EINVAL;
	newattrs.ia_size = length;
	newattrs.ia_valid = ATTR_SIZE | time_attrs;
	if (filp) {
		newattrs.ia_file = filp;
		newattrs.ia_valid |= ATTR_FILE;
	}
	/* Truncation by a non-owner drops set-user-ID, as a write does. */
	if (inode->i_mode & (S_ISUID | S_ISGID))
		newattrs.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	inode_lock(inode);
	ret = notify_change(dentry, &newattrs, NULL);
	inode_unlock(inode);
	return ret;
}

/**
 * vfs_truncate - truncate(2) of a looked-up path.
 *
 * Needs write permission; directories -EISDIR, other non-regular files
 * -EINVAL, read-only mounts -EROFS, append-only files -EPERM.
 */
int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int error;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	error = mnt_want_write(path->mnt);
	if (error)
		return error;
	error = inode_permission(inode, MAY_WRITE);
	if (!error && IS_APPEND(inode))
		error = -EPERM;
	if (!error)
		error = do_truncate(path->dentry, length, 0, NULL);
	mnt_drop_write(path->mnt);
	return error;
}

/** do_sys_truncate - truncate(2) on a kernel filename (consumed). */
int do_sys_truncate(struct filename *name, loff_t length)
{
	struct path path;
	int error;

	if (length < 0) {
		putname(name);
		return -EINVAL;
	}
	error = filename_lookup(AT_FDCWD, name, LOOKUP_FOLLOW, &path, NULL);
	putname(name);
	if (error)
		return error;
	error = vfs_truncate(&path, length);
	path_put(&path);
	return error;
}

/**
 * do_sys_ftruncate - ftruncate(2).
 * @small: 32-bit callers may not pass sizes above 2 GiB
 *
 * The file must be open for writing (-EINVAL otherwise, -EBADF for a
 * bad fd).
 */
long do_sys_ftruncate(unsigned int fd, loff_t length, int small)
{
	struct inode *inode;
	struct fd f;
	int error;

	if (length < 0)
		return -EINVAL;
	f = fdget(fd);
	if (!f.file)
		return -EBADF;
	error = -EINVAL;
	if (!(f.file->f_mode & FMODE_WRITE))
		goto out;
	inode = file_inode(f.file);
	if (!S_ISREG(inode->i_mode))
		goto out;
	if (small && length > 0x7fffffff)
		goto out;
	error = -EPERM;
	if (IS_APPEND(file_inode(f.file)))
		goto out;
	error = mnt_want_write_file(f.file);
	if (error)
		goto out;
	error = do_truncate(f.file->f_path.dentry, length,
			    ATTR_MTIME | ATTR_CTIME, f.file);
	mnt_drop_write_file(f.file);
out:
	fdput(f);
	return error;
}

/**
 * vfs_fallocate - reserve space for [@offset, @offset + @len).
 *
 * Our filesystems implement only the default mode (grow the file);
 * other modes are -EOPNOTSUPP.
 */
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -ENODEV;
	if (offset + len > inode->i_sb->s_maxbytes || offset + len < 0)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

/*
 * access() checks with the real ids, not the effective ones, so a
 * set-user-ID program can ask "could my invoker do this?".  Returns
 * the original creds to restore, or NULL without memory.
 */
static const struct cred *access_override_creds(void)
{
	const struct cred *old = current->cred;
	struct cred *override = prepare_creds();

	if (!override)
		return NULL;
	override->fsuid = override->uid;
	override->fsgid = override->gid;
	/* root by real uid keeps its powers; others lose them. */
	if (override->uid != GLOBAL_ROOT_UID)
		override->cap_effective = CAP_EMPTY_SET;
	else
		override->cap_effective = override->cap_permitted;
	current->cred = override;
	return old;
}

static void revert_access_creds(const struct cred *old)
{
	const struct cred *override = current->cred;

	current->cred = old;
	put_cred(override);
}

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/**
 * do_faccessat - faccessat2(2) on a kernel filename (consumed).
 * @mode: F_OK or R_OK | W_OK | X_OK
 * @flags: AT_EACCESS (use effective ids), AT_SYMLINK_NOFOLLOW,
 *	AT_EMPTY_PATH
 */
int do_faccessat(int dfd, struct filename *name, int mode, int flags)
{
	const struct cred *old = NULL;
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct inode *inode;
	struct path path;
	int res;

	res = -EINVAL;
	if (mode & ~(R_OK | W_OK | X_OK))
		goto out_name;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		goto out_name;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	if (!(flags & AT_EACCESS)) {
		old = access_override_creds();
		res = -ENOMEM;
		if (!old)
			goto out_name;
	}
	res = filename_lookup(dfd, name, lookup_flags, &path, NULL);
	if (res)
		goto out;
	inode = path.dentry->d_inode;
	if ((mode & MAY_EXEC) && S_ISREG(inode->i_mode)) {
		res = -EACCES;
		if (path_noexec(&path))
			goto out_path;
	}
	res = inode_permission(inode, mode | MAY_ACCESS);
	if (res || !(mode & W_OK) || S_ISSOCK(inode->i_mode) ||
	    S_ISFIFO(inode->i_mode) || S_ISCHR(inode->i_mode) ||
	    S_ISBLK(inode->i_mode))
		goto out_path;
	if (__mnt_is_readonly(path.mnt))
		res = -EROFS;
out_path:
	path_put(&path);
out:
	if (old)
		revert_access_creds(old);
out_name:
	putname(name);
	return res;
}

/**
 * set_fs_path_common - chdir (@chroot false) or chroot to @name
 * (consumed).  chroot needs CAP_SYS_CHROOT; both need search permission.
 */
int set_fs_path_common(struct filename *name, int chroot)
{
	struct path path;
	int error;

	error = filename_lookup(AT_FDCWD, name,
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path, NULL);
	putname(name);
	if (error)
		return error;
	error = inode_permission(path.dentry->d_inode, MAY_EXEC | MAY_CHDIR);
	if (!error && chroot && !capable(CAP_SYS_CHROOT))
		error = -EPERM;
	if (!error) {
		if (chroot)
			set_fs_root(current->fs, &path);
		else
			set_fs_pwd(current->fs, &path);
	}
	path_put(&path);
	return error;
}

static int do_fchdir(unsigned int fd)
{
	struct fd f = fdget_raw(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = -ENOTDIR;
	if (!S_ISDIR(file_inode(f.file)->i_mode))
		goto out;
	error = inode_permission(file_inode(f.file), MAY_EXEC | MAY_CHDIR);
	if (!error)
		set_fs_pwd(current->fs, &f.file->f_path);
out:
	fdput(f);
	return error;
}

/** chmod_common - chmod of a looked-up path. */
int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs;
	int error;

	error = mnt_want_write(path->mnt);
	if (error)
		return error;
	inode_lock(inode);
	newattrs.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	newattrs.ia_valid = ATTR_MODE | ATTR_CTIME;
	error = notify_change(path->dentry, &newattrs, NULL);
	inode_unlock(inode);
	mnt_drop_write(path->mnt);
	return error;
}

/** do_fchmodat - fchmodat(2) on a kernel filename (consumed). */
int do_fchmodat(int dfd, struct filename *name, umode_t mode)
{
	struct path path;
	int error;

	error = filename_lookup(dfd, name, LOOKUP_FOLLOW, &path, NULL);
	putname(name);
	if (error)
		return error;
	error = chmod_common(&path, mode);
	path_put(&path);
	return error;
}

/** chown_common - chown of a looked-up path; -1 leaves an id alone. */
int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs;
	int error;

	newattrs.ia_valid = ATTR_CTIME;
	if (user != (uid_t)-1) {
		newattrs.ia_valid |= ATTR_UID;
		newattrs.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		newattrs.ia_valid |= ATTR_GID;
		newattrs.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		newattrs.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	error = mnt_want_write(path->mnt);
	if (error)
		return error;
	inode_lock(inode);
	error = notify_change(path->dentry, &newattrs, NULL);
	inode_unlock(inode);
	mnt_drop_write(path->mnt);
	return error;
}

/** do_fchownat - fchownat(2) on a kernel filename (consumed). */
int do_fchownat(int dfd, struct filename *name, uid_t user, gid_t group,
		int flag)
{
	unsigned int lookup_flags;
	struct path path;
	int error;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) {
		putname(name);
		return -EINVAL;
	}
	lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = filename_lookup(dfd, name, lookup_flags, &path, NULL);
	putname(name);
	if (error)
		return error;
	error = chown_common(&path, user, group);
	path_put(&path);
	return error;
}

/**
 * do_dentry_open - the common part of every open once the inode is
 * known: fill in @f, check write access to the mount, call ->open.
 * @f: the file, f_path set by the caller (a reference is taken)
 * @inode: its inode
 * @open: an ->open to use instead of the file's, or NULL
 *
 * Returns 0 (f has FMODE_OPENED) or -errno (f is left unopened).
 */
int do_dentry_open(struct file *f, struct inode *inode,
		   int (*open)(struct inode *, struct file *))
{
	bool counted_write = false;
	int error;

	path_get(&f->f_path);
	f->f_inode = inode;
	f->f_mapping = inode->i_mapping;
	if (f->f_flags & O_PATH) {
		f->f_mode = FMODE_PATH | FMODE_OPENED;
		f->f_op = &empty_fops;
		return 0;
	}
	if ((f->f_mode & FMODE_WRITE) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))) {
		error = -EROFS;
		if (__mnt_is_readonly(f->f_path.mnt))
			goto cleanup;
		if (S_ISREG(inode->i_mode)) {
			atomic_inc(&inode->i_writecount);
			counted_write = true;
		}
	}
	f->f_op = inode->i_fop;
	error = -ENODEV;
	if (!f->f_op)
		goto cleanup;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (!f->f_op->llseek)
		f->f_mode &= ~FMODE_LSEEK;
	if (!open)
		open = f->f_op->open;
	if (open) {
		error = open(inode, f);
		if (error)
			goto cleanup;
	}
	f->f_mode |= FMODE_OPENED;
	if ((f->f_mode & FMODE_READ) && (f->f_op->read || f->f_op->read_iter))
		f->f_mode |= FMODE_CAN_READ;
	if ((f->f_mode & FMODE_WRITE) &&
	    (f->f_op->write || f->f_op->write_iter))
		f->f_mode |= FMODE_CAN_WRITE;
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return 0;
cleanup:
	if (counted_write && !(f->f_mode & FMODE_OPENED))
		atomic_dec(&inode->i_writecount);
	path_put(&f->f_path);
	f->f_path.mnt = NULL;
	f->f_path.dentry = NULL;
	f->f_inode = NULL;
	return error;
}

/**
 * vfs_open - open the file @path names into @file (from alloc_empty_file).
 */
int vfs_open(const struct path *path, struct file *file)
{
	file->f_path = *path;
	return do_dentry_open(file, path->dentry->d_inode, NULL);
}

/**
 * dentry_open - open a looked-up path for a kernel user.
 * @path: the file
 * @flags: O_* flags
 * @cred: whose file it is
 *
 * No permission check: the caller decided.  Returns the file or an
 * ERR_PTR.
 */
struct file *dentry_open(const struct path *path, int flags,
			 const struct cred *cred)
{
	struct file *f = alloc_empty_file(flags, cred);
	int error;

	if (IS_ERR(f))
		return f;
	error = vfs_open(path, f);
	if (error) {
		fput(f);
		return ERR_PTR(error);
	}
	return f;
}

/**
 * build_open_flags - decode open()'s flags and mode.
 * @flags: O_* from the user (unknown bits are ignored, as open() does)
 * @mode: the creation mode
 * @op: the result
 *
 * Returns 0 or -EINVAL (a bad O_TMPFILE or O_CREAT | O_DIRECTORY).
 */
int build_open_flags(int flags, umode_t mode, struct open_flags *op)
{
	static const int acc_modes[] = { MAY_READ, MAY_WRITE,
					 MAY_READ | MAY_WRITE,
					 MAY_READ | MAY_WRITE };
	int lookup_flags = 0;
	int acc_mode;

	flags &= VALID_OPEN_FLAGS;
	if (flags & (O_CREAT | __O_TMPFILE))
		op->mode = (mode & S_IALLUGO) | S_IFREG;
	else
		op->mode = 0;
	if (flags & __O_SYNC)
		flags |= O_DSYNC;
	acc_mode = acc_modes[flags & O_ACCMODE];
	if (flags & __O_TMPFILE) {
		if ((flags & (__O_TMPFILE | O_DIRECTORY | O_CREAT)) !=
		    O_TMPFILE)
			return -EINVAL;
		if (!(acc_mode & MAY_WRITE))
			return -EINVAL;
	} else if ((flags & (O_CREAT | O_DIRECTORY)) ==
		   (O_CREAT | O_DIRECTORY)) {
		return -EINVAL;
	}
	if (flags & O_PATH) {
		flags &= O_PATH_FLAGS;
		acc_mode = 0;
	}
	if (flags & O_TRUNC)
		acc_mode |= MAY_WRITE;
	if (flags & O_APPEND)
		acc_mode |= MAY_APPEND;
	op->intent = (flags & O_PATH) ? 0 : LOOKUP_OPEN;
	if (flags & O_CREAT) {
		op->intent |= LOOKUP_CREATE;
		if (flags & O_EXCL) {
			op->intent |= LOOKUP_EXCL;
			flags |= O_NOFOLLOW;
		}
	}
	if (flags & O_DIRECTORY)
		lookup_flags |= LOOKUP_DIRECTORY;
	if (!(flags & O_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	op->open_flag = flags;
	op->acc_mode = acc_mode;
	op->lookup_flags = lookup_flags;
	return 0;
}

/**
 * file_open_root - open @filename inside @root (which is also "/").
 */
struct file *file_open_root(const struct path *root, const char *filename,
			    int flags, umode_t mode)
{
	struct open_flags op;
	int err = build_open_flags(flags, mode, &op);

	if (err)
		return ERR_PTR(err);
	return do_file_open_root(root, filename, &op);
}

/**
 * filp_open - open a kernel path name, for kernel users (exec, init).
 * @filename: the path, relative to current's cwd and root
 * @flags: O_* flags
 * @mode: the creation mode for O_CREAT
 *
 * Process context.  Returns the file or an ERR_PTR; filp_close() it.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct open_flags op;
	struct file *file;
	int err;

	if (IS_ERR(name))
		return ERR_CAST(name);
	err = build_open_flags(flags, mode, &op);
	file = err ? ERR_PTR(err) : do_filp_open(AT_FDCWD, name, &op);
	putname(name);
	return file;
}

/**
 * vfs_open_exec - open a program for execve/execveat.
 * @dfd: start of a relative name (AT_FDCWD)
 * @name: the path (not consumed); "" with AT_EMPTY_PATH means @dfd
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH (execveat)
 *
 * Process context.  Needs execute permission (root too needs an x bit),
 * a regular file and a mount without noexec.  The file is open for
 * reading, with FMODE_EXEC.  Returns it or ERR_PTR(-EACCES, -ENOENT,
 * -ELOOP...).
 */
struct file *vfs_open_exec(int dfd, struct filename *name, int flags)
{
	struct open_flags op = {
		.open_flag = O_LARGEFILE | O_RDONLY,
		.acc_mode = MAY_EXEC,
		.intent = LOOKUP_OPEN,
		.lookup_flags = LOOKUP_FOLLOW,
	};
	struct file *file;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return ERR_PTR(-EINVAL);
	if (flags & AT_SYMLINK_NOFOLLOW)
		op.lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		op.lookup_flags |= LOOKUP_EMPTY;
	file = do_filp_open(dfd, name, &op);
	if (IS_ERR(file))
		return file;
	if (!S_ISREG(file_inode(file)->i_mode) || path_noexec(&file->f_path)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	file->f_mode |= FMODE_EXEC;
	return file;
}

/**
 * filp_close - what close() does to a file: ->flush, drop the POSIX
 * locks @id (the files_struct) held on it, drop the reference.
 *
 * Process context.  Returns the ->flush result.
 */
int filp_close(struct file *filp, void *id)
{
	int retval = 0;

	if (WARN_ON(atomic_long_read(&filp->f_count) <= 0))
		return 0;
	if (filp->f_op && filp->f_op->flush)
		retval = filp->f_op->flush(filp, id);
	if (!(filp->f_mode & FMODE_PATH))
		locks_remove_posix(filp, id);
	fput(filp);
	return retval;
}

/**
 * do_sys_openat_kernel - openat(2) on a kernel filename (consumed).
 *
 * Returns the new fd or -errno.
 */
long do_sys_openat_kernel(int dfd, struct filename *name, int flags,
			  umode_t mode)
{
	struct open_flags op;
	struct file *f;
	int fd;

	fd = build_open_flags(flags, mode, &op);
	if (fd)
		goto out;
	if (IS_ERR(name)) {
		fd = PTR_ERR(name);
		goto out;
	}
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		goto out;
	f = do_filp_open(dfd, name, &op);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		fd = PTR_ERR(f);
	} else {
		fd_install(fd, f);
	}
out:
	putname(name);
	return fd;
}

/** do_sys_open - open/openat/creat on a user path name. */
long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	return do_sys_openat_kernel(dfd, getname(filename), flags, mode);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open(dfd, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			   mode);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	return do_sys_truncate(getname(path), length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return do_sys_ftruncate(fd, length, 1);
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct fd f = fdget(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = vfs_fallocate(f.file, mode, offset, len);
	fdput(f);
	return error;
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags)
{
	int lf = (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0;

	return do_faccessat(dfd, getname_flags(filename, lf, NULL), mode,
			    flags);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, getname(filename), mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, getname(filename), mode, 0);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	return set_fs_path_common(getname(filename), 0);
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	return do_fchdir(fd);
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	return set_fs_path_common(getname(filename), 1);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct fd f = fdget(fd);
	int err;

	if (!f.file)
		return -EBADF;
	err = chmod_common(&f.file->f_path, mode);
	fdput(f);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t,
		mode)
{
	return do_fchmodat(dfd, getname(filename), mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, getname(filename), mode);
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
	int lf = (flag & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0;

	return do_fchownat(dfd, getname_flags(filename, lf, NULL), user, group,
			   flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, getname(filename), user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t,
		group)
{
	return do_fchownat(AT_FDCWD, getname(filename), user, group,
			   AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct fd f = fdget(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = chown_common(&f.file->f_path, user, group);
	fdput(f);
	return error;
}
