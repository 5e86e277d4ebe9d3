/*
 * Turning a (mount, dentry) back into a path name: d_path for
 * /proc/<pid>/fd and cwd links, getcwd(2), /proc/mounts.
 *
 * The name is built from the end of the buffer towards its start,
 * walking d_parent up to the mount's root, then jumping to the mount
 * point in the parent mount, until the root asked for.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "mount.h"

static int prepend(char **buffer, int *buflen, const char *str, int namelen)
{
	*buflen -= namelen;
	if (*buflen < 0)
		return -ENAMETOOLONG;
	*buffer -= namelen;
	memcpy(*buffer, str, namelen);
	return 0;
}

/*
 * Prepend @path's name relative to @root.  dcache_lock and mount_lock
 * held.  Returns 0, 1 if @root was not on the way up (the name is then
 * relative to the namespace root), or -ENAMETOOLONG.
 */
static int prepend_path(const struct path *path, const struct path *root,
			char **buffer, int *buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *vfsmnt = path->mnt;
	struct mount *mnt = real_mount(vfsmnt);
	bool slash = false;
	int error = 0;

	while (dentry != root->dentry || vfsmnt != root->mnt) {
		if (dentry == vfsmnt->mnt_root || IS_ROOT(dentry)) {
			struct mount *parent = mnt->mnt_parent;

			if (dentry != vfsmnt->mnt_root || parent == mnt) {
				error = 1; /* above root, or detached */
				break;
			}
			dentry = mnt->mnt_mountpoint;
			mnt = parent;
			vfsmnt = &mnt->mnt;
			continue;
		}
		error = prepend(buffer, buflen,
				(const char *)dentry->d_name.name,
				dentry->d_name.len);
		if (!error)
			error = prepend(buffer, buflen, "/", 1);
		if (error)
			return error;
		slash = true;
		dentry = dentry->d_parent;
	}
	if (!slash && prepend(buffer, buflen, "/", 1))
		return -ENAMETOOLONG;
	return error;
}

static int locked_prepend_path(const struct path *path, const struct path *root,
			       char **buffer, int *buflen)
{
	int error;

	spin_lock(&dcache_lock);
	spin_lock(&mount_lock);
	error = prepend_path(path, root, buffer, buflen);
	spin_unlock(&mount_lock);
	spin_unlock(&dcache_lock);
	return error;
}

/**
 * __d_path - @path's name as seen from @root.
 * @path: what to name
 * @root: where "/" is
 * @buf: a buffer
 * @buflen: its size
 *
 * Returns a pointer into @buf, NULL if @path is not below @root, or
 * ERR_PTR(-ENAMETOOLONG).
 */
char *__d_path(const struct path *path, const struct path *root, char *buf,
	       int buflen)
{
	char *res = buf + buflen;
	int error;

	if (prepend(&res, &buflen, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	error = locked_prepend_path(path, root, &res, &buflen);
	if (error < 0)
		return ERR_PTR(error);
	if (error > 0)
		return NULL;
	return res;
}

static bool d_unlinked(const struct dentry *dentry)
{
	return d_unhashed(dentry) && !IS_ROOT(dentry);
}

/**
 * d_path - @path's name from current's root, " (deleted)" appended if
 * it was unlinked (the /proc/<pid>/fd link format).
 *
 * Pseudo files name themselves through ->d_dname ("pipe:[42]").
 * Returns a pointer into @buf or ERR_PTR(-ENAMETOOLONG).
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	char *res = buf + buflen;
	struct path root;
	int error;

	if (path->dentry->d_op && path->dentry->d_op->d_dname)
		return path->dentry->d_op->d_dname(path->dentry, buf, buflen);
	get_fs_root(current->fs, &root);
	error = prepend(&res, &buflen, "", 1);
	if (!error && d_unlinked(path->dentry))
		error = prepend(&res, &buflen, " (deleted)", 10);
	if (!error)
		error = locked_prepend_path(path, &root, &res, &buflen);
	path_put(&root);
	if (error < 0)
		return ERR_PTR(error);
	return res;
}

/**
 * dentry_path_raw - @dentry's name within its own filesystem (the root
 * field of mountinfo).
 */
char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen)
{
	char *end = buf + buflen;
	char *res = end;
	int error;

	if (prepend(&res, &buflen, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	spin_lock(&dcache_lock);
	error = 0;
	while (!IS_ROOT(dentry) && !error) {
		error = prepend(&res, &buflen,
				(const char *)dentry->d_name.name,
				dentry->d_name.len);
		if (!error)
			error = prepend(&res, &buflen, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	if (!error && res == end - 1)
		error = prepend(&res, &buflen, "/", 1);
	return error ? ERR_PTR(error) : res;
}

/**
 * get_cwd_kernel - getcwd(2) into a kernel buffer.
 * @buf: the buffer
 * @size: its size
 *
 * Returns the length including the NUL, -ENOENT if the directory was
 * removed, -ERANGE if @buf is too small.  A cwd outside the root
 * (after chroot) is prefixed with "(unreachable)", as Linux does.
 */
int get_cwd_kernel(char *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd, root;
	char *cwd;
	int len, buflen = PATH_MAX, error;

	if (!page)
		return -ENOMEM;
	get_fs_root(current->fs, &root);
	get_fs_pwd(current->fs, &pwd);
	cwd = page + buflen;
	error = -ENOENT;
	if (d_unlinked(pwd.dentry))
		goto out;
	error = prepend(&cwd, &buflen, "", 1);
	if (!error)
		error = locked_prepend_path(&pwd, &root, &cwd, &buflen);
	if (error > 0)
		error = prepend(&cwd, &buflen, "(unreachable)", 13);
	if (error < 0)
		goto out;
	len = PATH_MAX + page - cwd;
	error = -ERANGE;
	if (len > size)
		goto out;
	memcpy(buf, cwd, len);
	error = len;
out:
	path_put(&pwd);
	path_put(&root);
	kfree(page);
	return error;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *kbuf;
	int len;

	kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	len = get_cwd_kernel(kbuf, min_t(unsigned long, size, PATH_MAX));
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
	return len;
}
