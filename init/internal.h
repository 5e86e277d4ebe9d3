#ifndef _INIT_INTERNAL_H
#define _INIT_INTERNAL_H

#include <linux/types.h>
#include <linux/time64.h>

/*
 * The initramfs unpacker (init/initramfs.c), split from the file system
 * so the tests can watch it: unpack_to_rootfs() parses cpio "newc"
 * archives, gzip'd or not, and says what to create through a
 * struct initramfs_ops.  populate_rootfs() passes ops that call the
 * init_* helpers of fs/init.c; the tests pass ops that record.
 */

/* One archive member, as its newc header describes it. */
struct cpio_entry {
	const char *name; /* NUL-terminated, as stored ("bin/sh") */
	umode_t mode; /* S_IF* type and permission bits */
	uid_t uid;
	gid_t gid;
	unsigned int nlink;
	time64_t mtime;
	u32 size; /* of the data that follows */
	u32 rdev; /* device nodes: new_encode_dev(MKDEV(major, minor)) */
};

/*
 * What the unpacker asks for, in archive order.  Like Linux, it ignores
 * the result of most: a member that cannot be created is skipped.
 *
 * @clean: before a member; remove what stands in the way at its name.
 * @create: open a regular file for writing, truncated if @truncate
 *	(not when a hard link already made it).  Non-zero: skip its data.
 * @write: the next piece of that file's data.  Non-zero: "write error".
 * @close: its data is complete.
 * @mkdir, @mknod (device nodes, FIFOs, sockets), @symlink: create.
 * @link: @newname becomes a hard link to @oldname, an earlier member.
 * @utime: set a directory's mtime, once the archive is done with it.
 */
struct initramfs_ops {
	void (*clean)(void *priv, const struct cpio_entry *e);
	int (*create)(void *priv, const struct cpio_entry *e, bool truncate);
	int (*write)(void *priv, const void *buf, size_t len);
	void (*close)(void *priv, const struct cpio_entry *e);
	void (*mkdir)(void *priv, const struct cpio_entry *e);
	void (*mknod)(void *priv, const struct cpio_entry *e);
	void (*symlink)(void *priv, const struct cpio_entry *e,
			const char *target);
	int (*link)(void *priv, const char *oldname, const char *newname);
	void (*utime)(void *priv, const char *name, time64_t mtime);
};

struct unpack_result {
	unsigned long entries; /* members, trailers excluded */
	u64 cpio_bytes; /* archive bytes parsed, after decompression */
};

const char *unpack_to_rootfs(const char *buf, unsigned long len,
			     const struct initramfs_ops *ops, void *priv,
			     struct unpack_result *res);

#endif /* _INIT_INTERNAL_H */
