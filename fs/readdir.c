/*
 * Reading directories: iterate_dir() and getdents/getdents64.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/**
 * iterate_dir - feed @file's entries from its position to @ctx->actor.
 *
 * Process context; takes the directory's lock shared.  Returns 0,
 * -ENOTDIR (not a directory), -ENOENT (removed), or the filesystem's
 * error.  f_pos follows ctx->pos.
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res = -ENOTDIR;

	if (!file->f_op->iterate_shared)
		return res;
	inode_lock_shared(inode);
	res = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		ctx->pos = file->f_pos;
		res = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
		touch_atime(&file->f_path);
	}
	inode_unlock_shared(inode);
	return res;
}

/* A name must not be empty or hold a '/' (a corrupt filesystem). */
static bool verify_dirent_name(const char *name, int len)
{
	return len > 0 && !memchr(name, '/', len);
}

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *current_dir;
	char __user *prev;
	int count;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1,
			   sizeof(u64));
	struct linux_dirent64 d;

	if (!verify_dirent_name(name, namlen)) {
		buf->error = -EIO;
		return false;
	}
	if (reclen > buf->count) {
		buf->error = -EINVAL; /* only reported if nothing fitted */
		return false;
	}
	/* The previous entry's d_off: where to resume after it. */
	if (buf->prev &&
	    put_user(offset,
		     (s64 __user *)(buf->prev +
				    offsetof(struct linux_dirent64, d_off))))
		goto efault;
	d.d_ino = ino;
	d.d_off = 0;
	d.d_reclen = reclen;
	d.d_type = d_type;
	/*
	 * d_name starts at offset 19, inside what sizeof(d) counts as the
	 * struct's tail padding: copy the header up to there only.
	 */
	if (copy_to_user(buf->current_dir, &d,
			 offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(buf->current_dir +
				 offsetof(struct linux_dirent64, d_name),
			 name, namlen) ||
	    put_user((char)0, buf->current_dir +
				      offsetof(struct linux_dirent64, d_name) +
				      namlen))
		goto efault;
	buf->prev = buf->current_dir;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *,
		dirent, unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = (char __user *)dirent,
		.count = count,
	};
	struct fd f;
	int error;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fdget_pos(fd);
	if (!f.file)
		return -EBADF;
	error = iterate_dir(f.file, &buf.ctx);
	if (error >= 0)
		error = buf.error;
	if (buf.prev) {
		if (put_user(buf.ctx.pos,
			     (s64 __user *)(buf.prev +
					    offsetof(struct linux_dirent64,
						     d_off))))
			error = -EFAULT;
		else
			error = count - buf.count;
	}
	fdput_pos(f);
	return error;
}

/* The old getdents: d_type hides in the byte after the name's NUL. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

static bool filldir(struct dir_context *ctx, const char *name, int namlen,
		    loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent, d_name) + namlen + 2,
			   sizeof(long));
	struct linux_dirent d;
	char __user *p;

	if (!verify_dirent_name(name, namlen)) {
		buf->error = -EIO;
		return false;
	}
	if (reclen > buf->count) {
		buf->error = -EINVAL;
		return false;
	}
	if (buf->prev &&
	    put_user((unsigned long)offset,
		     (unsigned long __user *)(buf->prev +
					      offsetof(struct linux_dirent,
						       d_off))))
		goto efault;
	p = buf->current_dir;
	d.d_ino = ino;
	d.d_off = 0;
	d.d_reclen = reclen;
	if (copy_to_user(p, &d, offsetof(struct linux_dirent, d_name)) ||
	    copy_to_user(p + offsetof(struct linux_dirent, d_name), name,
			 namlen) ||
	    put_user((char)0,
		     p + offsetof(struct linux_dirent, d_name) + namlen) ||
	    put_user((char)d_type, p + reclen - 1))
		goto efault;
	buf->prev = p;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *,
		dirent, unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir,
		.current_dir = (char __user *)dirent,
		.count = count,
	};
	struct fd f;
	int error;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fdget_pos(fd);
	if (!f.file)
		return -EBADF;
	error = iterate_dir(f.file, &buf.ctx);
	if (error >= 0)
		error = buf.error;
	if (buf.prev) {
		if (put_user((unsigned long)buf.ctx.pos,
			     (unsigned long __user
				      *)(buf.prev +
					 offsetof(struct linux_dirent, d_off))))
			error = -EFAULT;
		else
			error = count - buf.count;
	}
	fdput_pos(f);
	return error;
}
