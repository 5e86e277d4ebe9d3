/*
 * The tree of registered /proc entries: creation, lookup, readdir and
 * removal.  Directories keep their children on a list in creation
 * order (readdir shows them in that order, as ls users expect of
 * /proc); names are unique within a directory.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include "internal.h"

DECLARE_RWSEM(proc_subdir_sem);

/* Inode numbers of entries: above those of pid files (get_next_ino). */
#define PROC_DYNAMIC_FIRST 0xF0000000U
static atomic_t proc_last_ino = ATOMIC_INIT(0);

struct proc_dir_entry proc_root = {
	.low_ino = PROC_ROOT_INO,
	.namelen = 5,
	.mode = S_IFDIR | 0555,
	.nlink = 2,
	.refcnt = REFCOUNT_INIT(1),
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
	.parent = &proc_root,
	.flags = PROC_ENTRY_PERMANENT,
};

static unsigned int proc_alloc_inum(void)
{
	return PROC_DYNAMIC_FIRST + atomic_inc_return(&proc_last_ino);
}

/** pde_get - another reference to @de. */
struct proc_dir_entry *pde_get(struct proc_dir_entry *de)
{
	refcount_inc(&de->refcnt);
	return de;
}

/** pde_put - drop a reference; the last frees a removed entry. */
void pde_put(struct proc_dir_entry *de)
{
	if (!refcount_dec_and_test(&de->refcnt))
		return;
	if (WARN_ON_ONCE(de == &proc_root))
		return;
	if (S_ISLNK(de->mode))
		kfree(de->data);
	kfree(de);
}

/* The child @name of @dir, or NULL.  proc_subdir_sem held. */
static struct proc_dir_entry *pde_subdir_find(struct proc_dir_entry *dir,
					      const char *name,
					      unsigned int len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (de->namelen == len && !memcmp(de->name, name, len))
			return de;
	return NULL;
}

/*
 * Split "sys/kernel/hostname" into the last name and the directory it
 * lives in (which must exist).  *@residual points into @name.
 */
static int xlate_proc_name(const char *name, struct proc_dir_entry **ret,
			   const char **residual)
{
	struct proc_dir_entry *de = *ret ? *ret : &proc_root;
	const char *cp = name, *next;
	int err = 0;

	down_read(&proc_subdir_sem);
	while ((next = strchr(cp, '/')) != NULL) {
		de = pde_subdir_find(de, cp, next - cp);
		if (!de) {
			err = -ENOENT;
			break;
		}
		cp = next + 1;
	}
	up_read(&proc_subdir_sem);
	*residual = cp;
	*ret = de;
	return err;
}

/*
 * A new unregistered entry @name (which may name a path below
 * *@parent; *@parent becomes the real parent).  Returns it with one
 * reference, or NULL (no such directory, bad name, no memory).
 */
static struct proc_dir_entry *__proc_create(struct proc_dir_entry **parent,
					    const char *name, umode_t mode,
					    unsigned int nlink)
{
	struct proc_dir_entry *de;
	const char *fn;
	size_t len;

	if (xlate_proc_name(name, parent, &fn))
		return NULL;
	len = strlen(fn);
	if (!len || len > 255 || !strcmp(fn, ".") || !strcmp(fn, "..")) {
		WARN(1, "proc: bad name '%s'\n", name);
		return NULL;
	}
	de = kzalloc(sizeof(*de) + len + 1, GFP_KERNEL);
	if (!de)
		return NULL;
	memcpy(de->name, fn, len + 1);
	de->namelen = len;
	de->mode = mode;
	de->nlink = nlink;
	INIT_LIST_HEAD(&de->subdir);
	refcount_set(&de->refcnt, 1);
	return de;
}

/**
 * proc_register - link @de under @dir.
 *
 * Process context.  Returns @de, or NULL (and @de freed) if @dir
 * already has an entry of that name.
 */
struct proc_dir_entry *proc_register(struct proc_dir_entry *dir,
				     struct proc_dir_entry *de)
{
	de->low_ino = proc_alloc_inum();
	de->parent = dir;
	down_write(&proc_subdir_sem);
	if (dir->removed || pde_subdir_find(dir, de->name, de->namelen)) {
		up_write(&proc_subdir_sem);
		pr_err("proc_dir_entry '%s/%s' already registered\n",
		       dir->name, de->name);
		pde_put(de);
		return NULL;
	}
	list_add_tail(&de->subdir_node, &dir->subdir);
	if (S_ISDIR(de->mode))
		dir->nlink++;
	pde_get(dir);
	up_write(&proc_subdir_sem);
	return de;
}

/** proc_mkdir_data - a directory @name under @parent (NULL: /proc). */
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       void *data)
{
	struct proc_dir_entry *de;

	if (!mode)
		mode = 0555;
	de = __proc_create(&parent, name, S_IFDIR | mode, 2);
	if (!de)
		return NULL;
	de->data = data;
	de->proc_dir_ops = NULL; /* proc_get_inode picks the generic ones */
	return proc_register(parent, de);
}

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, mode, parent, NULL);
}

/**
 * proc_mkdir - a directory (mode 0555) for more entries.
 * Process context.  Returns it or NULL.
 */
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, 0, parent, NULL);
}

/** proc_create_reg - an unregistered regular file entry (helper). */
struct proc_dir_entry *proc_create_reg(const char *name, umode_t mode,
				       struct proc_dir_entry **parent,
				       void *data)
{
	struct proc_dir_entry *de;

	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	if ((mode & S_IALLUGO) == 0)
		mode |= S_IRUGO;
	if (WARN_ON_ONCE(!S_ISREG(mode)))
		return NULL;
	de = __proc_create(parent, name, mode, 1);
	if (de)
		de->data = data;
	return de;
}

/**
 * proc_create_data - a regular file served by @proc_ops.
 * @name: its name (may contain a path below @parent)
 * @mode: permission bits (0: 0444)
 * @parent: the directory, NULL for /proc
 * @proc_ops: the operations
 * @data: for pde_data()
 *
 * Process context.  Returns the entry or NULL.
 */
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data)
{
	struct proc_dir_entry *de = proc_create_reg(name, mode, &parent, data);

	if (!de)
		return NULL;
	de->proc_ops = proc_ops;
	de->flags = proc_ops->proc_flags;
	return proc_register(parent, de);
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}

static int proc_seq_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_open_private(file, de->seq_ops, de->state_size);
	return seq_open(file, de->seq_ops);
}

static int proc_seq_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_release_private(inode, file);
	return seq_release(inode, file);
}

static const struct proc_ops proc_seq_ops = {
	.proc_open = proc_seq_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = proc_seq_release,
};

/**
 * proc_create_seq_private - a file read through the iterator @ops.
 * @state_size: bytes of zeroed seq_file private state per open file
 * @data: for pde_data()
 *
 * Process context.  Returns the entry or NULL.
 */
struct proc_dir_entry *proc_create_seq_private(
	const char *name, umode_t mode, struct proc_dir_entry *parent,
	const struct seq_operations *ops, unsigned int state_size, void *data)
{
	struct proc_dir_entry *de = proc_create_reg(name, mode, &parent, data);

	if (!de)
		return NULL;
	de->proc_ops = &proc_seq_ops;
	de->seq_ops = ops;
	de->state_size = state_size;
	return proc_register(parent, de);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	return single_open(file, de->single_show, de->data);
}

static const struct proc_ops proc_single_ops = {
	.proc_open = proc_single_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

/**
 * proc_create_single_data - a file that is one call of @show.
 *
 * Process context.  @show gets m->private = @data.  Returns the entry
 * or NULL.
 */
struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *de = proc_create_reg(name, mode, &parent, data);

	if (!de)
		return NULL;
	de->proc_ops = &proc_single_ops;
	de->single_show = show;
	return proc_register(parent, de);
}

/**
 * proc_symlink - a symbolic link @name -> @dest.
 * Process context.  Returns the entry or NULL.
 */
struct proc_dir_entry *proc_symlink(const char *name,
				    struct proc_dir_entry *parent,
				    const char *dest)
{
	struct proc_dir_entry *de =
		__proc_create(&parent, name, S_IFLNK | 0777, 1);

	if (!de)
		return NULL;
	de->data = kstrdup(dest, GFP_KERNEL);
	if (!de->data) {
		kfree(de);
		return NULL;
	}
	de->size = strlen(dest);
	de->proc_iops = &proc_link_inode_operations;
	return proc_register(parent, de);
}

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	de->size = size;
}

void proc_set_user(struct proc_dir_entry *de, uid_t uid, gid_t gid)
{
	de->uid = uid;
	de->gid = gid;
}

/** pde_data - the @data given when @inode's entry was created. */
void *pde_data(const struct inode *inode)
{
	return PDE(inode)->data;
}

/* Unlink @de (and, for a subtree, its children first).  Lock held. */
static void pde_unlink(struct proc_dir_entry *de)
{
	struct proc_dir_entry *parent = de->parent;

	list_del_init(&de->subdir_node);
	de->removed = true;
	if (S_ISDIR(de->mode))
		parent->nlink--;
}

static void pde_remove_tree(struct proc_dir_entry *de)
{
	while (!list_empty(&de->subdir)) {
		struct proc_dir_entry *child = list_first_entry(
			&de->subdir, struct proc_dir_entry, subdir_node);

		pde_remove_tree(child);
	}
	pde_unlink(de);
	pde_put(de->parent);
	pde_put(de); /* the tree's reference */
}

/*
 * Remove @name in @parent; with @tree, everything below it too (else a
 * non-empty directory is refused).  0 or -ENOENT / -ENOTEMPTY.
 */
static int __remove_proc_entry(const char *name, struct proc_dir_entry *parent,
			       bool tree)
{
	struct proc_dir_entry *de;
	const char *fn;
	int err = 0;

	if (xlate_proc_name(name, &parent, &fn))
		return -ENOENT;
	down_write(&proc_subdir_sem);
	de = pde_subdir_find(parent, fn, strlen(fn));
	if (!de)
		err = -ENOENT;
	else if (WARN_ON_ONCE(de->flags & PROC_ENTRY_PERMANENT))
		err = -EPERM;
	else if (!tree && !list_empty(&de->subdir))
		err = -ENOTEMPTY;
	else
		pde_remove_tree(de);
	up_write(&proc_subdir_sem);
	return err;
}

/**
 * remove_proc_entry - remove the entry @name of @parent.
 *
 * Process context.  Files still open keep working on the removed
 * entry; new lookups no longer find it.  A directory must be empty.
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	int err = __remove_proc_entry(name, parent, false);

	WARN(err, "remove_proc_entry: '%s': %d\n", name, err);
}

/** remove_proc_subtree - remove @name and everything below it. */
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	return __remove_proc_entry(name, parent, true);
}

/** proc_remove - remove_proc_subtree() by entry. */
void proc_remove(struct proc_dir_entry *de)
{
	if (de)
		remove_proc_subtree(de->name, de->parent);
}

/* Removed entries fail revalidation, so stale dentries are dropped. */
static int proc_misc_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);

	return inode && PDE(inode) && !READ_ONCE(PDE(inode)->removed);
}

const struct dentry_operations proc_misc_dentry_ops = {
	.d_revalidate = proc_misc_d_revalidate,
	.d_delete = always_delete_dentry,
};

/**
 * proc_lookup_de - ->lookup among the children of @de.
 * Returns NULL (found, @dentry made positive) or ERR_PTR(-ENOENT/-ENOMEM).
 */
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de)
{
	struct inode *inode;

	down_read(&proc_subdir_sem);
	de = pde_subdir_find(de, (const char *)dentry->d_name.name,
			     dentry->d_name.len);
	if (de)
		pde_get(de);
	up_read(&proc_subdir_sem);
	if (!de)
		return ERR_PTR(-ENOENT);
	inode = proc_get_inode(dir->i_sb, de); /* takes over the reference */
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_set_d_op(dentry, &proc_misc_dentry_ops);
	d_add(dentry, inode);
	return NULL;
}

/** proc_lookup - ->lookup of a registered directory. */
struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
			   unsigned int flags)
{
	return proc_lookup_de(dir, dentry, PDE(dir));
}

/* The @n-th live child of @dir with a reference, or NULL. */
static struct proc_dir_entry *pde_nth_child(struct proc_dir_entry *dir,
					    loff_t n)
{
	struct proc_dir_entry *de, *found = NULL;

	down_read(&proc_subdir_sem);
	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (n-- == 0) {
			found = pde_get(de);
			break;
		}
	up_read(&proc_subdir_sem);
	return found;
}

/**
 * proc_readdir_de - ".", "..", then @de's children (positions 2...).
 * Returns 1 when all were emitted, 0 if the reader's buffer filled
 * first; ctx->pos is left after the last entry emitted.
 */
int proc_readdir_de(struct file *file, struct dir_context *ctx,
		    struct proc_dir_entry *de)
{
	struct inode *inode = file_inode(file);

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, de->parent->low_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (;;) {
		struct proc_dir_entry *child = pde_nth_child(de, ctx->pos - 2);
		bool more;

		if (!child)
			return 1;
		more = dir_emit(ctx, child->name, child->namelen,
				child->low_ino, child->mode >> 12);
		pde_put(child);
		if (!more)
			return 0;
		ctx->pos++;
	}
}

/** proc_readdir - ->iterate_shared of a registered directory. */
int proc_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_de(file, ctx, PDE(file_inode(file)));
	return 0;
}

/** proc_getattr - ->getattr: the entry's current link count. */
int proc_getattr(const struct path *path, struct kstat *stat,
		 u32 request_mask, unsigned int query_flags)
{
	struct inode *inode = d_inode(path->dentry);
	struct proc_dir_entry *de = PDE(inode);

	if (de)
		set_nlink(inode, READ_ONCE(de->nlink));
	generic_fillattr(inode, stat);
	return 0;
}
