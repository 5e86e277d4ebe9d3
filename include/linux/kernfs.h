#ifndef _LINUX_KERNFS_H
#define _LINUX_KERNFS_H

/*
 * kernfs, minimal: an in-memory tree of nodes -- directories, files
 * whose text a callback makes, symlinks to other nodes -- that sysfs
 * shows as a filesystem.  A node is refcounted; kernfs_remove() takes
 * it out of the tree, and inodes that still show it fail from then on.
 *
 * Linnet's file callbacks take a page-sized kernel buffer, the way
 * sysfs attributes do, rather than Linux's kernfs_open_file.
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>

struct kernfs_node;
struct super_block;

struct kernfs_ops {
	/* Fill @buf (PAGE_SIZE bytes); return the length or -errno. */
	ssize_t (*show)(struct kernfs_node *kn, char *buf);
	/* Take @count bytes of @buf (NUL-terminated); return count or -errno. */
	ssize_t (*store)(struct kernfs_node *kn, const char *buf,
			 size_t count);
};

struct kernfs_node {
	atomic_t count;
	struct kernfs_node *parent;
	const char *name; /* owned (kstrdup) */
	umode_t mode; /* S_IFDIR, S_IFREG or S_IFLNK, and permissions */
	unsigned int ino;
	bool removed;
	struct list_head children; /* directories */
	struct list_head sibling; /* in parent->children */
	void *priv; /* the kobject of a directory, attribute of a file */
	const struct kernfs_ops *ops; /* files */
	struct kernfs_node *target; /* symlinks: a reference */
};

static inline bool kernfs_type_dir(const struct kernfs_node *kn)
{
	return (kn->mode & 0170000) == 0040000;
}

struct kernfs_node *kernfs_create_root(void);
struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent,
				      const char *name, umode_t mode,
				      void *priv);
struct kernfs_node *kernfs_create_file(struct kernfs_node *parent,
				       const char *name, umode_t mode,
				       const struct kernfs_ops *ops,
				       void *priv);
struct kernfs_node *kernfs_create_link(struct kernfs_node *parent,
				       const char *name,
				       struct kernfs_node *target);
void kernfs_remove(struct kernfs_node *kn);
int kernfs_remove_by_name(struct kernfs_node *parent, const char *name);
struct kernfs_node *kernfs_find_and_get(struct kernfs_node *parent,
					const char *name);
void kernfs_get(struct kernfs_node *kn);
void kernfs_put(struct kernfs_node *kn);
int kernfs_fill_super(struct super_block *sb, struct kernfs_node *root,
		      unsigned long magic);

#endif /* _LINUX_KERNFS_H */
