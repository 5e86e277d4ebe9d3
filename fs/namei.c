/*
 * Path name lookup (seeds 001, 004), permission checks, and the
 * directory-changing operations (create, mkdir, mknod, symlink, link,
 * unlink, rmdir, rename) with their syscalls.
 *
 * The walk (ref-walk): nameidata holds a counted reference to the
 * directory reached so far.  link_path_walk() consumes the name one
 * component at a time -- permission to search the directory, a dcache
 * lookup (->lookup on a miss), crossing onto whatever is mounted there,
 * following a symlink by pushing the rest of the name and walking the
 * link's body -- and stops before the last component, which the caller
 * handles (look it up, create it, remove it...):
 *
 *	"/usr/lib/../bin/sh"    root -> usr -> lib -> usr -> bin, last "sh"
 *
 * A symlink met in the middle pushes {link, rest of name} on nd->stack;
 * when the link body runs out the walk pops back to the rest.  A final
 * symlink (followed when LOOKUP_FOLLOW) is pushed with an empty rest,
 * so the end of its body is the end of the walk.  MAXSYMLINKS (40)
 * links in one walk give ELOOP.  ".." never climbs above the task's
 * root and goes up through mount points.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "mount.h"

/* inode->i_state: an O_TMPFILE inode that linkat() may give a name. */
#define I_LINKABLE (1 << 10)

static struct kmem_cache *names_cachep;

/** names_cache_init - the cache of PATH_MAX name buffers.  Boot. */
void __init names_cache_init(void)
{
	names_cachep =
		kmem_cache_create("names_cache", PATH_MAX, 0, SLAB_PANIC, NULL);
}

/*
 * A filename for a name of @len bytes (without the NUL): one names_cache
 * object, or for a long name that object plus a separate header.
 */
static struct filename *alloc_filename(size_t len)
{
	struct filename *result = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	struct filename *head;

	if (!result)
		return NULL;
	result->name = result->iname;
	if (len >= EMBEDDED_NAME_MAX) {
		head = kmalloc(sizeof(*head), GFP_KERNEL);
		if (!head) {
			kmem_cache_free(names_cachep, result);
			return NULL;
		}
		head->name = (char *)result;
		result = head;
	}
	result->uptr = NULL;
	result->refcnt = 1;
	return result;
}

/**
 * getname_flags - copy a user path name into the kernel.
 * @filename: the user string
 * @flags: LOOKUP_EMPTY allows ""
 * @empty: set to 1 if the name is "" (may be NULL)
 *
 * Process context.  Returns the filename (free with putname) or
 * ERR_PTR(-EFAULT, -ENAMETOOLONG (PATH_MAX with the NUL), -ENOENT
 * (empty), -ENOMEM).
 */
struct filename *getname_flags(const char __user *filename, int flags,
			       int *empty)
{
	struct filename *result = alloc_filename(0);
	long len;

	if (!result)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(result->iname, filename, EMBEDDED_NAME_MAX);
	if (len == EMBEDDED_NAME_MAX) {
		/* Too long to share the object with the header: read again. */
		putname(result);
		result = alloc_filename(EMBEDDED_NAME_MAX);
		if (!result)
			return ERR_PTR(-ENOMEM);
		len = strncpy_from_user((char *)result->name, filename,
					PATH_MAX);
	}
	if (len < 0) {
		putname(result);
		return ERR_PTR(len);
	}
	if (len == PATH_MAX) {
		putname(result);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (!len) {
		if (empty)
			*empty = 1;
		if (!(flags & LOOKUP_EMPTY)) {
			putname(result);
			return ERR_PTR(-ENOENT);
		}
	}
	result->uptr = filename;
	return result;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0, NULL);
}

/**
 * getname_kernel - a filename from a kernel string.
 * @filename: the path
 *
 * Returns the filename or ERR_PTR(-ENAMETOOLONG/-ENOMEM).  "" is
 * allowed here; the walk rejects it unless LOOKUP_EMPTY.
 */
struct filename *getname_kernel(const char *filename)
{
	size_t len = strlen(filename);
	struct filename *result;

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	result = alloc_filename(len);
	if (!result)
		return ERR_PTR(-ENOMEM);
	memcpy((char *)result->name, filename, len + 1);
	return result;
}

/** putname - free a filename (NULL and ERR_PTRs are ignored). */
void putname(struct filename *name)
{
	if (IS_ERR_OR_NULL(name))
		return;
	if (--name->refcnt > 0)
		return;
	if (name->name == name->iname) {
		kmem_cache_free(names_cachep, name);
	} else {
		kmem_cache_free(names_cachep, (void *)name->name);
		kfree(name);
	}
}

/** path_get - take references on both halves of @path. */
void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/** path_put - drop them.  May sleep. */
void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* Permission --------------------------------------------------------- */

/* The owner, group or other bits that apply to the caller. */
static int acl_permission_check(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if ((mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) == 0)
		return 0;
	return -EACCES;
}

/**
 * generic_permission - the Unix permission check.
 * @inode: the inode
 * @mask: MAY_READ | MAY_WRITE | MAY_EXEC (and MAY_* hints)
 *
 * The mode bits of the class the caller is in (owner by fsuid, group by
 * fsgid and supplementary groups, other), then the capabilities:
 * CAP_DAC_READ_SEARCH reads any file and searches any directory,
 * CAP_DAC_OVERRIDE does everything except executing a file that has no
 * execute bit at all.  Returns 0 or -EACCES.
 */
int generic_permission(struct inode *inode, int mask)
{
	int ret = acl_permission_check(inode, mask);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && capable(CAP_DAC_READ_SEARCH))
			return 0;
		if (capable(CAP_DAC_OVERRIDE))
			return 0;
		return -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && capable(CAP_DAC_READ_SEARCH))
		return 0;
	if ((!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO)) &&
	    capable(CAP_DAC_OVERRIDE))
		return 0;
	return -EACCES;
}

/**
 * inode_permission - may the caller access @inode as @mask says?
 *
 * Writing to a file, directory or symlink on a read-only superblock is
 * -EROFS, to an immutable inode -EPERM; then ->permission or
 * generic_permission().  (Read-only mounts are checked by the callers,
 * through mnt_want_write.)
 */
int inode_permission(struct inode *inode, int mask)
{
	if (mask & MAY_WRITE) {
		umode_t mode = inode->i_mode;

		if (IS_RDONLY(inode) &&
		    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
			return -EROFS;
		if (IS_IMMUTABLE(inode))
			return -EPERM;
	}
	if (inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

/* The walk ------------------------------------------------------------- */

#define EMBEDDED_LEVELS 2

struct saved {
	struct path link; /* held while its body may be in use */
	const char *rest; /* the name after the link; "" for a final link */
	void *cookie; /* ->get_link's allocation, kfree()d with the slot */
};

struct nameidata {
	struct path path; /* where we are (a reference) */
	struct qstr last; /* the last component, once the walk stops */
	struct path root; /* "/" and the limit of ".." (a reference) */
	struct inode *inode; /* path.dentry->d_inode */
	unsigned int flags; /* LOOKUP_* */
	int last_type; /* LAST_NORM, LAST_DOT, LAST_DOTDOT, LAST_ROOT */
	unsigned int depth; /* live frames on the stack */
	unsigned int slots; /* frames ever used (references to drop) */
	int total_link_count;
	struct saved *stack;
	struct saved internal[EMBEDDED_LEVELS];
	int dfd;
	const struct path *root_override; /* vfs_path_lookup, file_open_root */
};

static void nd_init(struct nameidata *nd, int dfd, unsigned int flags,
		    const struct path *root)
{
	memset(nd, 0, sizeof(*nd));
	nd->dfd = dfd;
	nd->flags = flags;
	nd->stack = nd->internal;
	nd->root_override = root;
}

static void drop_slot(struct saved *s)
{
	if (s->link.dentry)
		path_put(&s->link);
	s->link.dentry = NULL;
	s->link.mnt = NULL;
	kfree(s->cookie);
	s->cookie = NULL;
}

/* Drop everything the walk holds. */
static void terminate_walk(struct nameidata *nd)
{
	unsigned int i;

	for (i = 0; i < nd->slots; i++)
		drop_slot(&nd->stack[i]);
	if (nd->stack != nd->internal)
		kfree(nd->stack);
	nd->stack = nd->internal;
	nd->depth = nd->slots = 0;
	if (nd->path.dentry)
		path_put(&nd->path);
	nd->path.dentry = NULL;
	nd->path.mnt = NULL;
	if (nd->root.dentry)
		path_put(&nd->root);
	nd->root.dentry = NULL;
	nd->root.mnt = NULL;
}

static bool d_can_lookup(const struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	return inode && S_ISDIR(inode->i_mode) && inode->i_op->lookup;
}

static void nd_set_path(struct nameidata *nd, const struct path *path)
{
	path_put(&nd->path);
	nd->path = *path;
	nd->inode = path->dentry->d_inode;
}

/* Set up root and the starting point.  Returns the name or an ERR_PTR. */
static const char *path_init(struct nameidata *nd, const char *s)
{
	if (!*s && !(nd->flags & LOOKUP_EMPTY))
		return ERR_PTR(-ENOENT);
	if (nd->root_override) {
		nd->root = *nd->root_override;
		path_get(&nd->root);
	} else {
		get_fs_root(current->fs, &nd->root);
	}
	if (*s == '/' || nd->root_override) {
		nd->path = nd->root;
		path_get(&nd->path);
	} else if (nd->dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, &nd->path);
	} else {
		struct fd f = fdget_raw(nd->dfd);

		if (!f.file)
			return ERR_PTR(-EBADF);
		if (*s && !d_can_lookup(f.file->f_path.dentry)) {
			fdput(f);
			return ERR_PTR(-ENOTDIR);
		}
		nd->path = f.file->f_path;
		path_get(&nd->path);
		fdput(f);
	}
	nd->inode = nd->path.dentry->d_inode;
	if (nd->flags & LOOKUP_DOWN)
		while (d_mountpoint(nd->path.dentry) &&
		       follow_down_one(&nd->path))
			nd->inode = nd->path.dentry->d_inode;
	return s;
}

static int may_lookup(struct nameidata *nd)
{
	return inode_permission(nd->inode, MAY_EXEC);
}

/**
 * nd_jump_link - a ->get_link of a "magic" link (/proc/<pid>/fd/N, cwd,
 * exe) sends the walk straight to @path instead of returning a body.
 * @path: where the link leads; the caller keeps its reference
 *
 * Only from a ->get_link called by the path walk (current->nameidata
 * set); the ->get_link then returns NULL.  Returns 0, or -EINVAL when
 * no walk is in progress (readlink(2) asks for the name instead).
 */
int nd_jump_link(const struct path *path)
{
	struct nameidata *nd = current->nameidata;
	struct path p = *path;

	if (!nd)
		return -EINVAL;
	path_get(&p);
	nd_set_path(nd, &p);
	return 0;
}

/* Onto the topmost mount stacked on @path. */
static void follow_mounts(struct path *path)
{
	while (d_mountpoint(path->dentry) && follow_down_one(path))
		;
}

/*
 * "..": up one dentry, or, at the root of a mount, to the mount point
 * first; never above nd->root.
 */
static int follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct dentry *parent;

		if (path_equal(&nd->path, &nd->root))
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			parent = dget_parent(nd->path.dentry);
			dput(nd->path.dentry);
			nd->path.dentry = parent;
			break;
		}
		if (!follow_up(&nd->path))
			break;
	}
	follow_mounts(&nd->path);
	nd->inode = nd->path.dentry->d_inode;
	return 0;
}

/**
 * lookup_dotdot_parent - follow ".." from @path (for getcwd-like users).
 */
int lookup_dotdot_parent(struct path *path)
{
	struct nameidata nd;

	nd_init(&nd, AT_FDCWD, 0, NULL);
	get_fs_root(current->fs, &nd.root);
	nd.path = *path;
	follow_dotdot(&nd);
	*path = nd.path;
	nd.path.dentry = NULL;
	terminate_walk(&nd);
	return 0;
}

static struct dentry *lookup_dcache(const struct qstr *name, struct dentry *dir,
				    unsigned int flags)
{
	struct dentry *dentry = d_lookup(dir, name);

	if (dentry && (dentry->d_flags & DCACHE_OP_REVALIDATE)) {
		int valid = dentry->d_op->d_revalidate(dentry, flags);

		if (valid <= 0) {
			d_drop(dentry);
			dput(dentry);
			return valid < 0 ? ERR_PTR(valid) : NULL;
		}
	}
	return dentry;
}

/*
 * The dentry for @name in @base, asking the filesystem on a cache miss.
 * Caller holds @base's inode lock.  Returns it (maybe negative) with a
 * reference, or an ERR_PTR.
 */
static struct dentry *__lookup_hash(const struct qstr *name,
				    struct dentry *base, unsigned int flags)
{
	struct dentry *dentry = lookup_dcache(name, base, flags);
	struct inode *dir = base->d_inode;
	struct dentry *old;

	if (dentry)
		return dentry;
	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(base, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup(dir, dentry, flags);
	if (old) {
		dput(dentry);
		dentry = old;
	}
	return dentry;
}

static struct dentry *lookup_slow(const struct qstr *name, struct dentry *dir,
				  unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *res;

	inode_lock(inode);
	res = __lookup_hash(name, dir, flags);
	inode_unlock(inode);
	return res;
}

static struct dentry *lookup_component(struct nameidata *nd)
{
	struct dentry *dentry =
		lookup_dcache(&nd->last, nd->path.dentry, nd->flags);

	if (dentry)
		return dentry;
	return lookup_slow(&nd->last, nd->path.dentry, nd->flags);
}

static struct saved *nd_alloc_stack(struct nameidata *nd)
{
	struct saved *p;

	if (nd->stack != nd->internal)
		return nd->stack;
	p = kcalloc(MAXSYMLINKS + 1, sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	memcpy(p, nd->internal, sizeof(nd->internal));
	nd->stack = p;
	return p;
}

/*
 * @link is a symlink to follow; push it with @rest (the name after it).
 * Returns its body (where the walk continues), or an ERR_PTR; either
 * way @link's reference is taken over.
 */
static const char *pick_link(struct nameidata *nd, struct path *link,
			     const char *rest)
{
	struct inode *inode = link->dentry->d_inode;
	struct saved *slot;
	const char *body;

	if (nd->total_link_count++ >= MAXSYMLINKS ||
	    (nd->flags & LOOKUP_NO_SYMLINKS)) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	if (link->mnt->mnt_flags & MNT_NOSYMFOLLOW) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	if (nd->depth >= EMBEDDED_LEVELS && !nd_alloc_stack(nd)) {
		path_put(link);
		return ERR_PTR(-ENOMEM);
	}
	slot = &nd->stack[nd->depth];
	drop_slot(slot); /* a stale frame from an earlier pop */
	slot->link = *link;
	slot->rest = rest;
	nd->depth++;
	if (nd->depth > nd->slots)
		nd->slots = nd->depth;
	touch_atime(link);
	body = inode->i_link;
	if (!body) {
		struct nameidata *outer = current->nameidata;

		if (!inode->i_op->get_link)
			return ERR_PTR(-EINVAL);
		current->nameidata = nd;
		body = inode->i_op->get_link(link->dentry, inode,
					     &slot->cookie);
		current->nameidata = outer;
		if (IS_ERR(body))
			return body;
		if (!body) /* a magic link moved us (nd_jump_link) */
			return "";
	}
	if (*body == '/') {
		struct path root = nd->root;

		path_get(&root);
		nd_set_path(nd, &root);
	}
	if (!*body)
		return ERR_PTR(-ENOENT);
	return body;
}

enum { WALK_TRAILING = 1, WALK_MORE = 2 };

/*
 * Step onto nd->last.  Returns NULL (moved), a link body to walk next
 * (a symlink to follow), or an ERR_PTR.  @rest is the name after this
 * component, for a link met in the middle.
 */
static const char *walk_component(struct nameidata *nd, int flags,
				  const char *rest)
{
	struct path path;
	struct dentry *dentry;

	if (nd->last_type == LAST_DOTDOT) {
		follow_dotdot(nd);
		return NULL;
	}
	if (nd->last_type != LAST_NORM)
		return NULL;
	dentry = lookup_component(nd);
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	if (d_is_negative(dentry)) {
		dput(dentry);
		return ERR_PTR(-ENOENT);
	}
	path.mnt = mntget(nd->path.mnt);
	path.dentry = dentry;
	follow_mounts(&path);
	if (d_is_symlink(path.dentry) &&
	    ((flags & WALK_MORE) || (nd->flags & LOOKUP_FOLLOW)))
		return pick_link(nd, &path, rest);
	nd_set_path(nd, &path);
	return NULL;
}

/* Is the walk at its very end when the current string runs out? */
static bool nd_at_end(const struct nameidata *nd)
{
	return !nd->depth || !*nd->stack[nd->depth - 1].rest;
}

/*
 * Walk @name up to its last component, which is left in nd->last and
 * nd->last_type (LAST_ROOT if the name had none, like "/").  A trailing
 * slash on the last component adds LOOKUP_FOLLOW | LOOKUP_DIRECTORY.
 */
/*
 * The length of the path component at @name (up to a '/' or the end) and
 * its full_name_hash() with @salt, found in one pass over the bytes.
 */
static unsigned int hash_name(const void *salt, const char *name, u32 *hash)
{
	unsigned long h = (unsigned long)salt;
	unsigned int len = 0;
	unsigned char c;

	while ((c = name[len]) && c != '/') {
		h = partial_name_hash(c, h);
		len++;
	}
	*hash = end_name_hash(h);
	return len;
}

static int link_path_walk(const char *name, struct nameidata *nd)
{
	nd->last_type = LAST_ROOT;
	for (;;) {
		const char *link;
		unsigned int len;
		int err, type;

		while (*name == '/')
			name++;
		if (!*name) {
			if (nd_at_end(nd))
				return 0;
			/* A link's body ran out: back to the name after it. */
			name = nd->stack[--nd->depth].rest;
			continue;
		}
		err = may_lookup(nd);
		if (err)
			return err;
		len = hash_name(nd->path.dentry, name, &nd->last.hash);
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		type = LAST_NORM;
		if (name[0] == '.' && len == 1)
			type = LAST_DOT;
		else if (name[0] == '.' && len == 2 && name[1] == '.')
			type = LAST_DOTDOT;
		nd->last.name = (const unsigned char *)name;
		nd->last.len = len;
		nd->last_type = type;
		name += len;
		if (*name == '/') {
			const char *p = name;

			while (*p == '/')
				p++;
			if (!*p && nd_at_end(nd)) {
				nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
				return 0;
			}
		} else if (!*name && nd_at_end(nd)) {
			return 0;
		}
		/* Not the last component: walk it, following links. */
		link = walk_component(nd, WALK_MORE, name);
		if (IS_ERR(link))
			return PTR_ERR(link);
		if (link) {
			name = link;
			continue;
		}
		if (!d_can_lookup(nd->path.dentry))
			return -ENOTDIR;
	}
}

static const char *lookup_last(struct nameidata *nd)
{
	return walk_component(nd, WALK_TRAILING, "");
}

static int complete_walk(struct nameidata *nd)
{
	if ((nd->flags & LOOKUP_DIRECTORY) && !d_can_lookup(nd->path.dentry))
		return -ENOTDIR;
	return 0;
}

static int path_lookupat(struct nameidata *nd, const char *s, struct path *path)
{
	int err;

	s = path_init(nd, s);
	if (IS_ERR(s))
		return PTR_ERR(s);
	for (;;) {
		err = link_path_walk(s, nd);
		if (err)
			break;
		s = lookup_last(nd);
		if (IS_ERR(s)) {
			err = PTR_ERR(s);
			break;
		}
		if (!s)
			break;
	}
	if (!err)
		err = complete_walk(nd);
	if (!err) {
		*path = nd->path;
		nd->path.mnt = NULL;
		nd->path.dentry = NULL;
	}
	return err;
}

/**
 * filename_lookup - the path @name names.
 * @dfd: the starting directory for a relative name (AT_FDCWD: cwd)
 * @name: the name (not consumed)
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY, LOOKUP_EMPTY...
 * @path: the result, with references
 * @root: the root to use instead of current's, or NULL
 *
 * Process context.  Returns 0 or -ENOENT, -ENOTDIR, -ELOOP, -EACCES,
 * -ENAMETOOLONG, -EBADF...
 */
int filename_lookup(int dfd, struct filename *name, unsigned int flags,
		    struct path *path, const struct path *root)
{
	struct nameidata nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	nd_init(&nd, dfd, flags, root);
	err = path_lookupat(&nd, name->name, path);
	terminate_walk(&nd);
	return err;
}

/*
 * The parent of @name, and its last component in *@last (pointing into
 * @name, which must outlive its use).
 */
static int filename_parentat(int dfd, struct filename *name, unsigned int flags,
			     struct path *parent, struct qstr *last, int *type)
{
	struct nameidata nd;
	const char *s;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	nd_init(&nd, dfd, flags, NULL);
	s = path_init(&nd, name->name);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
	} else {
		err = link_path_walk(s, &nd);
	}
	if (!err) {
		*parent = nd.path;
		*last = nd.last;
		*type = nd.last_type;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return err;
}

/** kern_path - filename_lookup() of a kernel string from current's cwd. */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct filename *filename = getname_kernel(name);
	int err = filename_lookup(AT_FDCWD, filename, flags, path, NULL);

	putname(filename);
	return err;
}

/** user_path_at - filename_lookup() of a user string. */
int user_path_at(int dfd, const char __user *name, unsigned int flags,
		 struct path *path)
{
	struct filename *filename = getname_flags(name, flags, NULL);
	int err = filename_lookup(dfd, filename, flags, path, NULL);

	putname(filename);
	return err;
}

/**
 * vfs_path_lookup - look @name up with (@mnt, @dentry) as both the root
 * and the starting point (devtmpfs, file_open_root).
 */
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt,
		    const char *name, unsigned int flags, struct path *path)
{
	struct path root = { .mnt = mnt, .dentry = dentry };
	struct filename *filename = getname_kernel(name);
	int err = filename_lookup(AT_FDCWD, filename, flags, path, &root);

	putname(filename);
	return err;
}

/**
 * lookup_one_len - the child @name (@len bytes) of @base.
 *
 * Caller holds @base's inode lock.  Returns the dentry (maybe
 * negative) or ERR_PTR(-EACCES) for ".", ".." or a name with '/',
 * -ENAMETOOLONG, or the permission error for searching @base.
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr this;
	int i, err;

	if (!len || len > NAME_MAX)
		return ERR_PTR(len ? -ENAMETOOLONG : -EACCES);
	if (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.')))
		return ERR_PTR(-EACCES);
	for (i = 0; i < len; i++)
		if (name[i] == '/' || !name[i])
			return ERR_PTR(-EACCES);
	err = inode_permission(base->d_inode, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	this.name = (const unsigned char *)name;
	this.len = len;
	this.hash = full_name_hash(base, name, len);
	return __lookup_hash(&this, base, 0);
}

/** lookup_one_qstr_excl - __lookup_hash() for callers with a qstr. */
struct dentry *lookup_one_qstr_excl(const struct qstr *name,
				    struct dentry *base, unsigned int flags)
{
	return __lookup_hash(name, base, flags);
}

/* Creating and removing names ----------------------------------------- */

/**
 * filename_create - lock the parent of @name and look its last
 * component up, for mkdir/mknod/symlink/link.
 * @dfd: start of a relative name
 * @name: the new name (not consumed)
 * @path: the parent, with references, for done_path_create()
 * @lookup_flags: LOOKUP_DIRECTORY if a trailing slash is fine (mkdir)
 *
 * Returns the negative dentry with the parent's inode locked and write
 * access to the mount taken, or ERR_PTR(-EEXIST: the name exists or is
 * "."/".."; -ENOENT: a trailing slash on a non-directory; -EROFS...).
 */
struct dentry *filename_create(int dfd, struct filename *name,
			       struct path *path, unsigned int lookup_flags)
{
	bool is_dir = lookup_flags & LOOKUP_DIRECTORY;
	struct dentry *dentry;
	struct qstr last;
	int type, err, err2;

	err = filename_parentat(dfd, name, 0, path, &last, &type);
	if (err)
		return ERR_PTR(err);
	if (type != LAST_NORM) {
		path_put(path);
		return ERR_PTR(-EEXIST);
	}
	err2 = mnt_want_write(path->mnt);
	inode_lock_nested(path->dentry->d_inode, I_MUTEX_PARENT);
	dentry =
		__lookup_hash(&last, path->dentry, LOOKUP_CREATE | LOOKUP_EXCL);
	if (IS_ERR(dentry))
		goto unlock;
	err = -EEXIST;
	if (d_is_positive(dentry))
		goto fail;
	err = -ENOENT;
	if (last.name[last.len] && !is_dir)
		goto fail;
	if (err2) {
		err = err2;
		goto fail;
	}
	return dentry;
fail:
	dput(dentry);
	dentry = ERR_PTR(err);
unlock:
	inode_unlock(path->dentry->d_inode);
	if (!err2)
		mnt_drop_write(path->mnt);
	path_put(path);
	return dentry;
}

/** kern_path_create - filename_create() of a kernel string. */
struct dentry *kern_path_create(int dfd, const char *pathname,
				struct path *path, unsigned int lookup_flags)
{
	struct filename *filename = getname_kernel(pathname);
	struct dentry *res;

	if (IS_ERR(filename))
		return ERR_CAST(filename);
	res = filename_create(dfd, filename, path, lookup_flags);
	putname(filename);
	return res;
}

/** user_path_create - filename_create() of a user string. */
struct dentry *user_path_create(int dfd, const char __user *pathname,
				struct path *path, unsigned int lookup_flags)
{
	struct filename *filename = getname(pathname);
	struct dentry *res;

	if (IS_ERR(filename))
		return ERR_CAST(filename);
	res = filename_create(dfd, filename, path, lookup_flags);
	putname(filename);
	return res;
}

/** done_path_create - undo filename_create(). */
void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(path->dentry->d_inode);
	mnt_drop_write(path->mnt);
	path_put(path);
}

static int may_create(struct inode *dir, struct dentry *child)
{
	if (d_is_positive(child))
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Sticky directories (/tmp): only the file's owner, the directory's
 * owner or CAP_FOWNER may remove or rename an entry.
 */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	uid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == fsuid || dir->i_uid == fsuid)
		return false;
	return !capable(CAP_FOWNER);
}

/* May @victim be removed from @dir?  (unlink, rmdir, rename) */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	int error;

	if (!inode)
		return -ENOENT;
	WARN_ON_ONCE(victim->d_parent->d_inode != dir);
	error = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (error)
		return error;
	if (IS_APPEND(dir))
		return -EPERM;
	if (check_sticky(dir, inode) || IS_APPEND(inode) || IS_IMMUTABLE(inode))
		return -EPERM;
	if (isdir) {
		if (!d_is_dir(victim))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (d_is_dir(victim)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

/**
 * vfs_create - create a regular file.
 * @dir: the parent (locked)
 * @dentry: the negative dentry
 * @mode: permission bits (umask applied)
 * @want_excl: O_EXCL
 *
 * Returns 0 or -errno.
 */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl)
{
	int error = may_create(dir, dentry);

	if (error)
		return error;
	if (!dir->i_op->create)
		return -EACCES;
	mode = (mode & S_IALLUGO) | S_IFREG;
	return dir->i_op->create(dir, dentry, mode, want_excl);
}

/** vfs_mkdir - create a directory in the locked @dir. */
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int error = may_create(dir, dentry);

	if (error)
		return error;
	if (!dir->i_op->mkdir)
		return -EPERM;
	mode &= S_IRWXUGO | S_ISVTX;
	return dir->i_op->mkdir(dir, dentry, mode);
}

/**
 * vfs_mknod - create a device node, FIFO, socket or regular file.
 * Device nodes need CAP_MKNOD.
 */
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int error = may_create(dir, dentry);

	if (error)
		return error;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

/** vfs_symlink - create a symlink to @oldname in the locked @dir. */
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int error = may_create(dir, dentry);

	if (error)
		return error;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

/**
 * vfs_link - a new name @new_dentry in @dir for @old_dentry's inode.
 *
 * Not for directories (-EPERM), not across filesystems (-EXDEV), not
 * for an unlinked file unless it is an O_TMPFILE (-ENOENT).
 */
int vfs_link(struct dentry *old_dentry, struct inode *dir,
	     struct dentry *new_dentry, struct inode **delegated)
{
	struct inode *inode = old_dentry->d_inode;
	int error;

	if (!inode)
		return -ENOENT;
	error = may_create(dir, new_dentry);
	if (error)
		return error;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (IS_APPEND(inode) || IS_IMMUTABLE(inode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	inode_lock_nested(inode, I_MUTEX_CHILD);
	if (inode->i_nlink == 0 && !(inode->i_state & I_LINKABLE))
		error = -ENOENT;
	else
		error = dir->i_op->link(old_dentry, dir, new_dentry);
	if (!error && (inode->i_state & I_LINKABLE))
		inode->i_state &= ~I_LINKABLE;
	inode_unlock(inode);
	return error;
}

/**
 * vfs_unlink - remove the name @dentry from the locked @dir.
 *
 * The dentry turns negative (or, if the file is open, only unhashed:
 * the inode lives until the last close).  Returns 0 or -errno; -EBUSY
 * if something is mounted on it.
 */
int vfs_unlink(struct inode *dir, struct dentry *dentry,
	       struct inode **delegated)
{
	struct inode *target = dentry->d_inode;
	int error = may_delete(dir, dentry, false);

	if (error)
		return error;
	if (!dir->i_op->unlink)
		return -EPERM;
	inode_lock_nested(target, I_MUTEX_CHILD);
	if (d_mountpoint(dentry))
		error = -EBUSY;
	else
		error = dir->i_op->unlink(dir, dentry);
	inode_unlock(target);
	if (!error)
		d_delete(dentry);
	return error;
}

/**
 * vfs_rmdir - remove the empty directory @dentry from the locked @dir.
 *
 * Returns 0, -ENOTEMPTY, -EBUSY (a mount point or a root), -ENOTDIR...
 */
int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int error = may_delete(dir, dentry, true);

	if (error)
		return error;
	if (!dir->i_op->rmdir)
		return -EPERM;
	dget(dentry);
	inode_lock_nested(dentry->d_inode, I_MUTEX_CHILD);
	if (d_mountpoint(dentry)) {
		error = -EBUSY;
		goto out;
	}
	shrink_dcache_parent(dentry);
	error = dir->i_op->rmdir(dir, dentry);
	if (!error)
		dentry->d_inode->i_flags |= S_DEAD;
out:
	inode_unlock(dentry->d_inode);
	if (!error)
		d_delete(dentry);
	dput(dentry);
	return error;
}

/**
 * lock_rename - lock the two parent directories of a rename.
 *
 * Returns the "trap": if one directory is an ancestor of the other, the
 * child of the ancestor on the way down to the other one (renaming it,
 * or over it, would cut the tree), else NULL.  With two directories the
 * superblock's rename mutex is held too, so the tree's shape is stable.
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	if (p1 == p2) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&p1->d_sb->s_vfs_rename_mutex);
	p = d_ancestor(p2, p1);
	if (p) {
		inode_lock_nested(p2->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p1->d_inode, I_MUTEX_CHILD);
		return p;
	}
	p = d_ancestor(p1, p2);
	inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
	inode_lock_nested(p2->d_inode, I_MUTEX_PARENT2);
	return p;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		mutex_unlock(&p1->d_sb->s_vfs_rename_mutex);
	}
}

/**
 * vfs_rename - move @old_dentry to @new_dentry (parents locked by
 * lock_rename()).
 * @flags: RENAME_NOREPLACE, RENAME_EXCHANGE
 *
 * Replaces a target of the same kind (a directory only by an empty
 * directory: -ENOTEMPTY from the filesystem); renaming one name of an
 * inode over another name of the same inode does nothing.
 */
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry,
	       unsigned int flags)
{
	struct inode *source = old_dentry->d_inode;
	struct inode *target = new_dentry->d_inode;
	bool is_dir = d_is_dir(old_dentry);
	bool new_is_dir = false;
	int error;

	if (source == target)
		return 0;
	error = may_delete(old_dir, old_dentry, is_dir);
	if (error)
		return error;
	if (!target) {
		error = may_create(new_dir, new_dentry);
	} else {
		new_is_dir = d_is_dir(new_dentry);
		if (!(flags & RENAME_EXCHANGE))
			error = may_delete(new_dir, new_dentry, is_dir);
		else
			error = may_delete(new_dir, new_dentry, new_is_dir);
	}
	if (error)
		return error;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A directory changing parents rewrites its "..": needs write. */
	if (new_dir != old_dir) {
		if (is_dir) {
			error = inode_permission(source, MAY_WRITE);
			if (error)
				return error;
		}
		if ((flags & RENAME_EXCHANGE) && new_is_dir) {
			error = inode_permission(target, MAY_WRITE);
			if (error)
				return error;
		}
	}
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	if (target)
		inode_lock_nested(target, I_MUTEX_NONDIR2);
	error = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry,
				      flags);
	if (!error && target && !(flags & RENAME_EXCHANGE) && is_dir)
		target->i_flags |= S_DEAD;
	if (target)
		inode_unlock(target);
	if (error)
		return error;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old_dentry, new_dentry);
	else
		d_move(old_dentry, new_dentry);
	return 0;
}

/** vfs_get_link - the body of the symlink @dentry. */
const char *vfs_get_link(struct dentry *dentry, void **cookie)
{
	struct inode *inode = dentry->d_inode;

	*cookie = NULL;
	if (!inode || !S_ISLNK(inode->i_mode))
		return ERR_PTR(-EINVAL);
	if (inode->i_link)
		return inode->i_link;
	if (!inode->i_op->get_link)
		return ERR_PTR(-EINVAL);
	return inode->i_op->get_link(dentry, inode, cookie);
}

/* The syscalls' bodies ------------------------------------------------ */

static int may_mknod(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
	case 0:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

/**
 * do_mknodat - mknodat(2).
 * @dfd: start of a relative name
 * @name: consumed
 * @mode: type and permissions (type 0 means regular)
 * @dev: the device, in the user encoding
 */
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev)
{
	struct dentry *dentry;
	struct path path;
	int error = may_mknod(mode);

	if (error)
		goto out;
	dentry = filename_create(dfd, name, &path, 0);
	error = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	mode &= ~current_umask();
	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
		error = vfs_create(path.dentry->d_inode, dentry, mode, true);
		break;
	case S_IFCHR:
	case S_IFBLK:
		error = vfs_mknod(path.dentry->d_inode, dentry, mode,
				  new_decode_dev(dev));
		break;
	default:
		error = vfs_mknod(path.dentry->d_inode, dentry, mode, 0);
		break;
	}
	done_path_create(&path, dentry);
out:
	putname(name);
	return error;
}

/** do_mkdirat - mkdirat(2); @name is consumed. */
int do_mkdirat(int dfd, struct filename *name, umode_t mode)
{
	struct dentry *dentry;
	struct path path;
	int error;

	dentry = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	error = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		error = vfs_mkdir(path.dentry->d_inode, dentry,
				  mode & ~current_umask());
		done_path_create(&path, dentry);
	}
	putname(name);
	return error;
}

/** do_rmdir - rmdir(2); @name is consumed. */
int do_rmdir(int dfd, struct filename *name)
{
	struct dentry *dentry;
	struct path path;
	struct qstr last;
	int error, type;

	error = filename_parentat(dfd, name, 0, &path, &last, &type);
	if (error)
		goto out;
	switch (type) {
	case LAST_DOTDOT:
		error = -ENOTEMPTY;
		goto exit_path;
	case LAST_DOT:
		error = -EINVAL;
		goto exit_path;
	case LAST_ROOT:
		error = -EBUSY;
		goto exit_path;
	}
	error = mnt_want_write(path.mnt);
	if (error)
		goto exit_path;
	inode_lock_nested(path.dentry->d_inode, I_MUTEX_PARENT);
	dentry = __lookup_hash(&last, path.dentry, 0);
	error = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		error = vfs_rmdir(path.dentry->d_inode, dentry);
		dput(dentry);
	}
	inode_unlock(path.dentry->d_inode);
	mnt_drop_write(path.mnt);
exit_path:
	path_put(&path);
out:
	putname(name);
	return error;
}

/** do_unlinkat - unlinkat(2) without AT_REMOVEDIR; @name is consumed. */
int do_unlinkat(int dfd, struct filename *name)
{
	struct inode *inode = NULL;
	struct dentry *dentry;
	struct path path;
	struct qstr last;
	int error, type;

	error = filename_parentat(dfd, name, 0, &path, &last, &type);
	if (error)
		goto out;
	error = -EISDIR;
	if (type != LAST_NORM)
		goto exit_path;
	error = mnt_want_write(path.mnt);
	if (error)
		goto exit_path;
	inode_lock_nested(path.dentry->d_inode, I_MUTEX_PARENT);
	dentry = __lookup_hash(&last, path.dentry, 0);
	error = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		if (last.name[last.len]) {
			/* "name/": fine only for a directory, and not here. */
			error = d_is_negative(dentry) ? -ENOENT :
				d_is_dir(dentry)      ? -EISDIR :
							-ENOTDIR;
		} else {
			inode = dentry->d_inode;
			if (inode)
				ihold(inode); /* evict outside the lock */
			error = vfs_unlink(path.dentry->d_inode, dentry, NULL);
		}
		dput(dentry);
	}
	inode_unlock(path.dentry->d_inode);
	iput(inode);
	mnt_drop_write(path.mnt);
exit_path:
	path_put(&path);
out:
	putname(name);
	return error;
}

/** do_symlinkat - symlinkat(2); both names are consumed. */
int do_symlinkat(struct filename *from, int newdfd, struct filename *to)
{
	struct dentry *dentry;
	struct path path;
	int error;

	if (IS_ERR(from)) {
		error = PTR_ERR(from);
		goto out;
	}
	error = -ENOENT;
	if (!*from->name)
		goto out;
	dentry = filename_create(newdfd, to, &path, 0);
	error = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		error = vfs_symlink(path.dentry->d_inode, dentry, from->name);
		done_path_create(&path, dentry);
	}
out:
	putname(to);
	putname(from);
	return error;
}

/** do_linkat - linkat(2); both names are consumed. */
int do_linkat(int olddfd, struct filename *old, int newdfd,
	      struct filename *new, int flags)
{
	struct path old_path, new_path;
	struct dentry *new_dentry;
	unsigned int how = 0;
	int error;

	error = -EINVAL;
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		goto out;
	if (flags & AT_EMPTY_PATH) {
		error = -ENOENT;
		if (!capable(CAP_DAC_READ_SEARCH))
			goto out;
		how |= LOOKUP_EMPTY;
	}
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	error = filename_lookup(olddfd, old, how, &old_path, NULL);
	if (error)
		goto out;
	new_dentry = filename_create(newdfd, new, &new_path, 0);
	error = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto out_old;
	error = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto out_new;
	error = vfs_link(old_path.dentry, new_path.dentry->d_inode, new_dentry,
			 NULL);
out_new:
	done_path_create(&new_path, new_dentry);
out_old:
	path_put(&old_path);
out:
	putname(old);
	putname(new);
	return error;
}

/* do_renameat2's checks once both dentries are found.  0 or -errno. */
static int rename_checks(struct dentry *old_dentry, const struct qstr *old_last,
			 struct dentry *new_dentry, const struct qstr *new_last,
			 struct dentry *trap, unsigned int flags)
{
	if (d_is_negative(old_dentry))
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && d_is_positive(new_dentry))
		return -EEXIST;
	if (flags & RENAME_EXCHANGE) {
		if (d_is_negative(new_dentry))
			return -ENOENT;
		if (!d_is_dir(new_dentry) && new_last->name[new_last->len])
			return -ENOTDIR;
	}
	if (!d_is_dir(old_dentry)) {
		if (old_last->name[old_last->len])
			return -ENOTDIR;
		if (!(flags & RENAME_EXCHANGE) && new_last->name[new_last->len])
			return -ENOTDIR;
	}
	if (old_dentry == trap) /* into its own subtree */
		return -EINVAL;
	if (new_dentry == trap) /* over one of its ancestors */
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/**
 * do_renameat2 - renameat2(2); both names are consumed.
 * @flags: RENAME_NOREPLACE or RENAME_EXCHANGE
 *
 * Returns 0 or -EXDEV (different mounts), -EINVAL (into its own
 * subtree), -ENOTEMPTY, -EISDIR, -ENOTDIR, -EEXIST, -EBUSY ("." and
 * ".." and mount points)...
 */
int do_renameat2(int olddfd, struct filename *from, int newdfd,
		 struct filename *to, unsigned int flags)
{
	struct dentry *old_dentry, *new_dentry, *trap;
	struct path old_path, new_path;
	struct qstr old_last, new_last;
	int old_type, new_type;
	int error = -EINVAL;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		goto put_names;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) &&
	    (flags & RENAME_EXCHANGE))
		goto put_names;
	if (flags & RENAME_WHITEOUT) {
		pr_warn_once("renameat2: RENAME_WHITEOUT is not supported\n");
		goto put_names;
	}
	error = filename_parentat(olddfd, from, 0, &old_path, &old_last,
				  &old_type);
	if (error)
		goto put_names;
	error = filename_parentat(newdfd, to, 0, &new_path, &new_last,
				  &new_type);
	if (error)
		goto exit1;
	error = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto exit2;
	error = -EBUSY;
	if (old_type != LAST_NORM)
		goto exit2;
	if (new_type != LAST_NORM) {
		if (flags & RENAME_NOREPLACE)
			error = -EEXIST;
		goto exit2;
	}
	error = mnt_want_write(old_path.mnt);
	if (error)
		goto exit2;
	trap = lock_rename(new_path.dentry, old_path.dentry);
	old_dentry = __lookup_hash(&old_last, old_path.dentry, 0);
	error = PTR_ERR(old_dentry);
	if (IS_ERR(old_dentry))
		goto exit3;
	new_dentry =
		__lookup_hash(&new_last, new_path.dentry, LOOKUP_RENAME_TARGET);
	error = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto exit4;
	error = rename_checks(old_dentry, &old_last, new_dentry, &new_last,
			      trap, flags);
	if (!error)
		error = vfs_rename(old_path.dentry->d_inode, old_dentry,
				   new_path.dentry->d_inode, new_dentry, flags);
	dput(new_dentry);
exit4:
	dput(old_dentry);
exit3:
	unlock_rename(new_path.dentry, old_path.dentry);
	mnt_drop_write(old_path.mnt);
exit2:
	path_put(&new_path);
exit1:
	path_put(&old_path);
put_names:
	putname(from);
	putname(to);
	return error;
}

/**
 * do_readlinkat - readlinkat(2) into a kernel buffer; @name consumed.
 * @bufsiz: > 0
 *
 * Returns the bytes copied (no NUL added, truncated to @bufsiz), or
 * -EINVAL (not a symlink), -ENOENT...
 */
int do_readlinkat(int dfd, struct filename *name, char *buf, int bufsiz)
{
	struct path path;
	const char *body;
	void *cookie;
	int error, len;

	error = -EINVAL;
	if (bufsiz <= 0)
		goto out;
	error = filename_lookup(dfd, name, LOOKUP_EMPTY, &path, NULL);
	if (error)
		goto out;
	body = vfs_get_link(path.dentry, &cookie);
	if (IS_ERR(body)) {
		error = PTR_ERR(body);
	} else {
		touch_atime(&path);
		len = strlen(body);
		if (len > bufsiz)
			len = bufsiz;
		memcpy(buf, body, len);
		error = len;
	}
	kfree(cookie);
	path_put(&path);
out:
	putname(name);
	return error;
}

/* Opening --------------------------------------------------------------- */

static bool may_open_dev_path(const struct path *path)
{
	return may_mount_nodev(path);
}

/** may_open_dev - device nodes on a nodev mount cannot be opened. */
int may_open_dev(const struct path *path)
{
	return may_open_dev_path(path) ? 0 : -EACCES;
}

static int may_open(const struct path *path, int acc_mode, int flag)
{
	struct inode *inode = path->dentry->d_inode;
	int error;

	if (!inode)
		return -ENOENT;
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc_mode & MAY_WRITE)
			return -EISDIR;
		if (acc_mode & MAY_EXEC)
			return -EACCES;
		break;
	case S_IFBLK:
	case S_IFCHR:
		if (!may_open_dev_path(path))
			return -EACCES;
		fallthrough;
	case S_IFIFO:
	case S_IFSOCK:
		if (acc_mode & MAY_EXEC)
			return -EACCES;
		break;
	case S_IFREG:
		if ((acc_mode & MAY_EXEC) && path_noexec(path))
			return -EACCES;
		break;
	}
	error = inode_permission(inode, MAY_OPEN | acc_mode);
	if (error)
		return error;
	if (IS_APPEND(inode)) {
		if ((flag & O_ACCMODE) != O_RDONLY && !(flag & O_APPEND))
			return -EPERM;
		if (flag & O_TRUNC)
			return -EPERM;
	}
	if ((flag & O_NOATIME) && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/*
 * The last component of an open: look it up (creating it for O_CREAT),
 * step onto it.  NULL when done, a link body to walk next, or ERR_PTR.
 */
static const char *open_last_lookups(struct nameidata *nd, struct file *file,
				     const struct open_flags *op,
				     struct vfsmount **got_write)
{
	struct dentry *dir = nd->path.dentry;
	int open_flag = op->open_flag;
	struct dentry *dentry;
	struct path path;

	if (nd->last_type != LAST_NORM) {
		if (open_flag & O_CREAT)
			return ERR_PTR(-EISDIR);
		return walk_component(nd, WALK_TRAILING, "");
	}
	if (!(open_flag & O_CREAT)) {
		dentry = lookup_component(nd);
	} else {
		if (nd->last.name[nd->last.len])
			return ERR_PTR(-EISDIR);
		if (!*got_write && !mnt_want_write(nd->path.mnt))
			*got_write = mntget(nd->path.mnt);
		inode_lock(dir->d_inode);
		dentry = __lookup_hash(&nd->last, dir, op->intent);
		if (!IS_ERR(dentry) && d_is_negative(dentry)) {
			int error = -EROFS;

			if (*got_write)
				error = vfs_create(dir->d_inode, dentry,
						   op->mode & ~current_umask(),
						   open_flag & O_EXCL);
			if (!error)
				file->f_mode |= FMODE_CREATED;
			else {
				dput(dentry);
				dentry = ERR_PTR(error);
			}
		}
		inode_unlock(dir->d_inode);
	}
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	if (d_is_negative(dentry)) {
		dput(dentry);
		return ERR_PTR(-ENOENT);
	}
	path.mnt = mntget(nd->path.mnt);
	path.dentry = dentry;
	follow_mounts(&path);
	/* Not following: step onto the link; do_open says EEXIST/ELOOP. */
	if (d_is_symlink(path.dentry) && (nd->flags & LOOKUP_FOLLOW))
		return pick_link(nd, &path, "");
	nd_set_path(nd, &path);
	return NULL;
}

/* Permission, truncation and ->open on the file found. */
static int do_open(struct nameidata *nd, struct file *file,
		   const struct open_flags *op)
{
	int open_flag = op->open_flag;
	int acc_mode = op->acc_mode;
	bool truncate = false;
	int error;

	if (open_flag & O_CREAT) {
		if ((open_flag & O_EXCL) && !(file->f_mode & FMODE_CREATED))
			return -EEXIST;
		if (d_is_dir(nd->path.dentry))
			return -EISDIR;
	}
	if ((nd->flags & LOOKUP_DIRECTORY) && !d_can_lookup(nd->path.dentry))
		return -ENOTDIR;
	if (file->f_mode & FMODE_CREATED) {
		/* The creator may open what it made, whatever the mode. */
		open_flag &= ~O_TRUNC;
		acc_mode = 0;
	} else if (d_is_reg(nd->path.dentry) && (open_flag & O_TRUNC)) {
		error = mnt_want_write(nd->path.mnt);
		if (error)
			return error;
		truncate = true;
	}
	error = may_open(&nd->path, acc_mode, open_flag);
	if (!error)
		error = vfs_open(&nd->path, file);
	if (!error && truncate)
		error = do_truncate(file->f_path.dentry, 0,
				    ATTR_MTIME | ATTR_CTIME | ATTR_OPEN, file);
	if (truncate)
		mnt_drop_write(nd->path.mnt);
	return error;
}

/* O_TMPFILE: an unnamed file in the directory @name names. */
static int do_tmpfile(struct nameidata *nd, const char *name,
		      const struct open_flags *op, struct file *file)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *child;
	struct inode *dir;
	struct path path;
	int error;

	error = path_lookupat(nd, name, &path);
	if (error)
		return error;
	dir = path.dentry->d_inode;
	error = -EOPNOTSUPP;
	if (!dir->i_op->tmpfile)
		goto out;
	error = mnt_want_write(path.mnt);
	if (error)
		goto out;
	error = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (error)
		goto out_drop;
	error = -ENOMEM;
	child = d_alloc(path.dentry, &slash);
	if (!child)
		goto out_drop;
	file->f_path.mnt = path.mnt;
	file->f_path.dentry = child;
	inode_lock(dir);
	error = dir->i_op->tmpfile(dir, file, op->mode & ~current_umask());
	inode_unlock(dir);
	file->f_path.mnt = NULL;
	file->f_path.dentry = NULL;
	if (!error) {
		struct path cpath = { .mnt = path.mnt, .dentry = child };

		error = may_open(&cpath, 0, op->open_flag);
		if (!error)
			error = vfs_open(&cpath, file);
		if (!error && !(op->open_flag & O_EXCL))
			child->d_inode->i_state |= I_LINKABLE;
	}
	dput(child);
out_drop:
	mnt_drop_write(path.mnt);
out:
	path_put(&path);
	return error;
}

static struct file *path_openat(struct nameidata *nd, const char *name,
				const struct open_flags *op)
{
	struct file *file = alloc_empty_file(op->open_flag, current_cred());
	struct vfsmount *got_write = NULL;
	const char *s;
	int error;

	if (IS_ERR(file))
		return file;
	if (op->open_flag & __O_TMPFILE) {
		error = do_tmpfile(nd, name, op, file);
	} else if (op->open_flag & O_PATH) {
		struct path path;

		error = path_lookupat(nd, name, &path);
		if (!error) {
			error = vfs_open(&path, file);
			path_put(&path);
		}
	} else {
		s = path_init(nd, name);
		error = IS_ERR(s) ? PTR_ERR(s) : 0;
		while (!error) {
			error = link_path_walk(s, nd);
			if (error)
				break;
			s = open_last_lookups(nd, file, op, &got_write);
			if (IS_ERR(s))
				error = PTR_ERR(s);
			else if (!s)
				break;
		}
		if (!error)
			error = do_open(nd, file, op);
		if (got_write) {
			mnt_drop_write(got_write);
			mntput(got_write);
		}
	}
	terminate_walk(nd);
	if (!error)
		return file;
	fput(file);
	return ERR_PTR(error);
}

/**
 * do_filp_open - open @pathname.
 * @dfd: start of a relative name
 * @pathname: the name (not consumed)
 * @op: from build_open_flags()
 *
 * Process context.  Returns the open file or an ERR_PTR.
 */
struct file *do_filp_open(int dfd, struct filename *pathname,
			  const struct open_flags *op)
{
	struct nameidata nd;

	if (IS_ERR(pathname))
		return ERR_CAST(pathname);
	nd_init(&nd, dfd, op->lookup_flags, NULL);
	return path_openat(&nd, pathname->name, op);
}

/** do_file_open_root - do_filp_open() relative to (and inside) @root. */
struct file *do_file_open_root(const struct path *root, const char *name,
			       const struct open_flags *op)
{
	struct nameidata nd;

	nd_init(&nd, AT_FDCWD, op->lookup_flags, root);
	return path_openat(&nd, name, op);
}

/** may_linkat - protected hardlinks are off: any file may be linked. */
int may_linkat(const struct path *link)
{
	return 0;
}

/* The syscalls ------------------------------------------------------------ */

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, getname(pathname), mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, getname(pathname), mode);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_rmdir(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flag & AT_REMOVEDIR)
		return do_rmdir(dfd, getname(pathname));
	return do_unlinkat(dfd, getname(pathname));
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), newdfd, getname(newname));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *,
		newname)
{
	return do_symlinkat(getname(oldname), AT_FDCWD, getname(newname));
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	int how = (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0;

	return do_linkat(olddfd, getname_flags(oldname, how, NULL), newdfd,
			 getname(newname), flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *,
		newname)
{
	return do_linkat(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname),
			 0);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int,
		newdfd, const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname),
			    flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int,
		newdfd, const char __user *, newname)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname),
			    0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *,
		newname)
{
	return do_renameat2(AT_FDCWD, getname(oldname), AT_FDCWD,
			    getname(newname), 0);
}

static long readlink_user(int dfd, const char __user *pathname,
			  char __user *buf, int bufsiz)
{
	char *kbuf;
	long ret;

	if (bufsiz <= 0)
		return -EINVAL;
	if (bufsiz > PATH_MAX)
		bufsiz = PATH_MAX;
	kbuf = kmalloc(bufsiz, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	ret = do_readlinkat(dfd, getname_flags(pathname, LOOKUP_EMPTY, NULL),
			    kbuf, bufsiz);
	if (ret > 0 && copy_to_user(buf, kbuf, ret))
		ret = -EFAULT;
	kfree(kbuf);
	return ret;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	return readlink_user(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int,
		bufsiz)
{
	return readlink_user(AT_FDCWD, path, buf, bufsiz);
}
