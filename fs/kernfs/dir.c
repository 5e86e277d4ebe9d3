/*
 * The kernfs tree: nodes, their children (a list under kernfs_rwsem,
 * in creation order), lookup and readdir for the filesystem view.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include "kernfs-internal.h"

DECLARE_RWSEM(kernfs_rwsem);
static atomic_t kernfs_last_ino = ATOMIC_INIT(1);

/** kernfs_get - another reference to @kn (NULL allowed). */
void kernfs_get(struct kernfs_node *kn)
{
	if (kn)
		atomic_inc(&kn->count);
}

/** kernfs_put - drop a reference; the last frees the node. */
void kernfs_put(struct kernfs_node *kn)
{
	struct kernfs_node *parent;

	while (kn && atomic_dec_and_test(&kn->count)) {
		parent = kn->parent;
		if (kn->target)
			kernfs_put(kn->target);
		kfree(kn->name);
		kfree(kn);
		kn = parent; /* each node held its parent */
	}
}

static struct kernfs_node *kernfs_new_node(const char *name, umode_t mode)
{
	struct kernfs_node *kn = kzalloc(sizeof(*kn), GFP_KERNEL);

	if (!kn)
		return NULL;
	kn->name = kstrdup(name, GFP_KERNEL);
	if (!kn->name) {
		kfree(kn);
		return NULL;
	}
	atomic_set(&kn->count, 1);
	kn->mode = mode;
	kn->ino = atomic_inc_return(&kernfs_last_ino);
	INIT_LIST_HEAD(&kn->children);
	INIT_LIST_HEAD(&kn->sibling);
	return kn;
}

/** kernfs_create_root - a parentless directory to build a tree under. */
struct kernfs_node *kernfs_create_root(void)
{
	return kernfs_new_node("", S_IFDIR | 0755);
}

/* Child @name of @parent, or NULL.  kernfs_rwsem held. */
static struct kernfs_node *kernfs_find_ns(struct kernfs_node *parent,
					  const char *name, size_t len)
{
	struct kernfs_node *kn;

	list_for_each_entry(kn, &parent->children, sibling)
		if (strlen(kn->name) == len && !memcmp(kn->name, name, len))
			return kn;
	return NULL;
}

/**
 * kernfs_find_and_get - @parent's child @name with a reference, or NULL.
 */
struct kernfs_node *kernfs_find_and_get(struct kernfs_node *parent,
					const char *name)
{
	struct kernfs_node *kn;

	down_read(&kernfs_rwsem);
	kn = kernfs_find_ns(parent, name, strlen(name));
	kernfs_get(kn);
	up_read(&kernfs_rwsem);
	return kn;
}

/*
 * Link @kn under @parent.  The tree's reference is the one @kn was made
 * with.  Returns @kn, or ERR_PTR(-EEXIST/-ENOENT) (and @kn dropped).
 */
static struct kernfs_node *kernfs_add_one(struct kernfs_node *parent,
					  struct kernfs_node *kn)
{
	int err = 0;

	down_write(&kernfs_rwsem);
	if (parent->removed)
		err = -ENOENT;
	else if (kernfs_find_ns(parent, kn->name, strlen(kn->name)))
		err = -EEXIST;
	if (!err) {
		kernfs_get(parent);
		kn->parent = parent;
		list_add_tail(&kn->sibling, &parent->children);
	}
	up_write(&kernfs_rwsem);
	if (err) {
		kernfs_put(kn);
		return ERR_PTR(err);
	}
	return kn;
}

/**
 * kernfs_create_dir - a directory @name under @parent.
 * @priv: what the directory stands for (sysfs: its kobject)
 *
 * Process context.  Returns the node (the tree holds it; kernfs_remove
 * drops it) or ERR_PTR(-ENOMEM/-EEXIST/-ENOENT).
 */
struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent,
				      const char *name, umode_t mode,
				      void *priv)
{
	struct kernfs_node *kn = kernfs_new_node(name, S_IFDIR | mode);

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kn->priv = priv;
	return kernfs_add_one(parent, kn);
}

/** kernfs_create_file - a file whose text @ops make; see kernfs_create_dir. */
struct kernfs_node *kernfs_create_file(struct kernfs_node *parent,
				       const char *name, umode_t mode,
				       const struct kernfs_ops *ops,
				       void *priv)
{
	struct kernfs_node *kn = kernfs_new_node(name, S_IFREG | mode);

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kn->ops = ops;
	kn->priv = priv;
	return kernfs_add_one(parent, kn);
}

/** kernfs_create_link - a symlink @name in @parent to the node @target. */
struct kernfs_node *kernfs_create_link(struct kernfs_node *parent,
				       const char *name,
				       struct kernfs_node *target)
{
	struct kernfs_node *kn = kernfs_new_node(name, S_IFLNK | 0777);

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kernfs_get(target);
	kn->target = target;
	return kernfs_add_one(parent, kn);
}

static void __kernfs_remove(struct kernfs_node *kn)
{
	while (!list_empty(&kn->children))
		__kernfs_remove(list_first_entry(&kn->children,
						 struct kernfs_node, sibling));
	kn->removed = true;
	list_del_init(&kn->sibling);
	kernfs_put(kn); /* the tree's reference */
}

/**
 * kernfs_remove - take @kn and everything below it out of the tree.
 * Process context.  Open files of removed nodes read -ENODEV.
 */
void kernfs_remove(struct kernfs_node *kn)
{
	if (!kn)
		return;
	down_write(&kernfs_rwsem);
	if (!kn->removed)
		__kernfs_remove(kn);
	up_write(&kernfs_rwsem);
}

/** kernfs_remove_by_name - remove @parent's child @name.  0 or -ENOENT. */
int kernfs_remove_by_name(struct kernfs_node *parent, const char *name)
{
	struct kernfs_node *kn;

	down_write(&kernfs_rwsem);
	kn = kernfs_find_ns(parent, name, strlen(name));
	if (kn)
		__kernfs_remove(kn);
	up_write(&kernfs_rwsem);
	return kn ? 0 : -ENOENT;
}

/* --- the filesystem view ------------------------------------------------ */

static int kernfs_dop_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);

	return inode && !READ_ONCE(kernfs_node_of(inode)->removed);
}

const struct dentry_operations kernfs_dops = {
	.d_revalidate = kernfs_dop_revalidate,
	.d_delete = always_delete_dentry,
};

static struct dentry *kernfs_iop_lookup(struct inode *dir,
					struct dentry *dentry,
					unsigned int flags)
{
	struct kernfs_node *parent = kernfs_node_of(dir);
	struct kernfs_node *kn;
	struct inode *inode;

	down_read(&kernfs_rwsem);
	kn = kernfs_find_ns(parent, (const char *)dentry->d_name.name,
			    dentry->d_name.len);
	kernfs_get(kn);
	up_read(&kernfs_rwsem);
	if (!kn)
		return ERR_PTR(-ENOENT);
	inode = kernfs_get_inode(dir->i_sb, kn); /* takes the reference */
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_set_d_op(dentry, &kernfs_dops);
	d_add(dentry, inode);
	return NULL;
}

const struct inode_operations kernfs_dir_iops = {
	.lookup = kernfs_iop_lookup,
};

/* The @n-th child of @parent with a reference, or NULL. */
static struct kernfs_node *kernfs_nth_child(struct kernfs_node *parent,
					    loff_t n)
{
	struct kernfs_node *kn, *found = NULL;

	down_read(&kernfs_rwsem);
	list_for_each_entry(kn, &parent->children, sibling)
		if (n-- == 0) {
			found = kn;
			kernfs_get(kn);
			break;
		}
	up_read(&kernfs_rwsem);
	return found;
}

static int kernfs_fop_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;
	struct kernfs_node *parent = kernfs_node_of(d_inode(dentry));

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, parent->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		unsigned int ino = parent->parent ? parent->parent->ino :
						    parent->ino;

		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (;;) {
		struct kernfs_node *kn = kernfs_nth_child(parent, ctx->pos - 2);
		bool more;

		if (!kn)
			return 0;
		more = dir_emit(ctx, kn->name, strlen(kn->name), kn->ino,
				kn->mode >> 12);
		kernfs_put(kn);
		if (!more)
			return 0;
		ctx->pos++;
	}
}

const struct file_operations kernfs_dir_fops = {
	.read = generic_read_dir,
	.iterate_shared = kernfs_fop_readdir,
	.llseek = generic_file_llseek,
};
