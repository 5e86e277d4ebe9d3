/*
 * read, write, their vectored and positioned forms, lseek and sendfile
 * (fs/read_write.c in Linux).
 *
 * Every transfer goes through vfs_read()/vfs_write() or their iov_iter
 * forms: the checks (open mode, a valid range) happen there, then the
 * file's ->read/->write (user buffer) or ->read_iter/->write_iter.
 * read(2) and write(2) on an fd hold f_pos_lock for files with
 * FMODE_ATOMIC_POS, so two threads sharing a file never read the same
 * bytes or overwrite each other's data at one position.
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include "internal.h"

#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

#define READ 0
#define WRITE 1

/* Where a read or write on an fd starts: f_pos, or nowhere for streams. */
static loff_t *file_ppos(struct file *file)
{
	return (file->f_mode & FMODE_STREAM) ? NULL : &file->f_pos;
}

/**
 * vfs_setpos - set f_pos to @offset if it is in [0, @maxsize].
 * Returns the new position or -EINVAL.
 */
static loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	if (offset != file->f_pos) {
		file->f_pos = offset;
		file->f_version = 0;
	}
	return offset;
}

/**
 * generic_file_llseek_size - lseek for files of size @eof whose offsets
 * may go up to @maxsize.
 *
 * SEEK_DATA and SEEK_HOLE treat the whole file as data, with the only
 * hole at the end (filesystems that know better have their own llseek).
 * Caller holds f_pos_lock (through fdget_pos).  Returns the new position
 * or -EINVAL, -ENXIO.
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		offset = eof;
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, maxsize);
}

/** generic_file_llseek - lseek within the filesystem's size limit. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file->f_mapping->host;

	return generic_file_llseek_size(file, offset, whence,
					inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

/** fixed_size_llseek - lseek for a device or file of fixed @size. */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size)
{
	return generic_file_llseek_size(file, offset, whence, size, size);
}

/** default_llseek - lseek anywhere up to MAX_LFS_FILESIZE. */
loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t ret;

	inode_lock(inode);
	ret = generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE,
				       i_size_read(inode));
	inode_unlock(inode);
	return ret;
}

/** noop_llseek - lseek that succeeds and moves nothing. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

/** no_llseek - lseek on something that cannot seek (-ESPIPE). */
loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

/** nonseekable_open - ->open helper: no lseek, pread or pwrite. */
int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

/** stream_open - ->open helper: a stream has no position at all. */
int stream_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &=
		~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	filp->f_mode |= FMODE_STREAM;
	return 0;
}

/** generic_file_open - ->open for regular files: nothing to check. */
int generic_file_open(struct inode *inode, struct file *filp)
{
	return 0;
}

/** vfs_llseek - ->llseek, or -ESPIPE if the file cannot seek. */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/**
 * rw_verify_area - is a transfer of @count bytes at *@ppos sane?
 * Returns 0 or -EINVAL (negative position or count, or a range that
 * would pass the largest offset).
 */
int rw_verify_area(int rw, struct file *file, const loff_t *ppos, size_t count)
{
	if ((ssize_t)count < 0)
		return -EINVAL;
	if (ppos) {
		loff_t pos = *ppos;

		if (pos < 0)
			return -EINVAL;
		if ((loff_t)(pos + count) < 0)
			return -EINVAL;
	}
	return 0;
}

static void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	kiocb->ki_filp = filp;
	kiocb->ki_pos = 0;
	kiocb->ki_flags = 0;
	if ((filp->f_flags & O_APPEND) || IS_APPEND(file_inode(filp)))
		kiocb->ki_flags |= IOCB_APPEND;
	if (filp->f_flags & O_DSYNC)
		kiocb->ki_flags |= IOCB_DSYNC;
	if (filp->f_flags & __O_SYNC)
		kiocb->ki_flags |= IOCB_SYNC;
	if (filp->f_flags & O_NONBLOCK)
		kiocb->ki_flags |= IOCB_NOWAIT;
}

/* Run ->read_iter/->write_iter on @iter at *@ppos (NULL: a stream). */
static ssize_t call_iter(struct file *file, struct iov_iter *iter, loff_t *ppos,
			 int rw)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, file);
	kiocb.ki_pos = ppos ? *ppos : 0;
	if (rw == READ)
		ret = file->f_op->read_iter(&kiocb, iter);
	else
		ret = file->f_op->write_iter(&kiocb, iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

/*
 * Each segment through ->read/->write in turn, for files without the
 * _iter methods.  @iter is fresh (no segment partly consumed).
 */
static ssize_t loop_rw(struct file *file, struct iov_iter *iter, loff_t *ppos,
		       int rw)
{
	size_t left = iov_iter_count(iter);
	ssize_t ret = 0;
	unsigned long i;

	for (i = 0; i < iter->nr_segs && left; i++) {
		char __user *base = iter->iov[i].iov_base;
		size_t len = min(iter->iov[i].iov_len, left);
		ssize_t nr;

		if (!len)
			continue;
		if (rw == READ)
			nr = file->f_op->read(file, base, len, ppos);
		else
			nr = file->f_op->write(file, base, len, ppos);
		if (nr < 0) {
			if (!ret)
				ret = nr;
			break;
		}
		ret += nr;
		left -= nr;
		if (nr != len)
			break;
	}
	return ret;
}

/**
 * vfs_read - read up to @count bytes into the user buffer @buf.
 * @file: the file
 * @buf: user memory
 * @count: how many
 * @pos: the position (updated), or NULL for a stream
 *
 * Process context.  Returns the bytes read, 0 at end of file, or
 * -EBADF (not open for reading), -EINVAL, -EFAULT, or the file's error.
 */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_READ))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(READ, file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->read) {
		ret = file->f_op->read(file, buf, count, pos);
	} else {
		struct iovec iov;
		struct iov_iter iter;

		ret = import_single_range(ITER_DEST, buf, count, &iov, &iter);
		if (!ret)
			ret = call_iter(file, &iter, pos, READ);
	}
	if (ret > 0 && file->f_path.mnt)
		touch_atime(&file->f_path);
	return ret;
}

/**
 * vfs_write - write @count bytes from the user buffer @buf.
 *
 * Like vfs_read(); -EBADF if not open for writing.  O_APPEND writes go
 * to the end of the file whatever *@pos says.
 */
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_WRITE))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(WRITE, file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->write) {
		ret = file->f_op->write(file, buf, count, pos);
	} else {
		struct iovec iov;
		struct iov_iter iter;

		ret = import_single_range(ITER_SOURCE, (void __user *)buf,
					  count, &iov, &iter);
		if (!ret)
			ret = call_iter(file, &iter, pos, WRITE);
	}
	return ret;
}

static ssize_t do_iter_rw(struct file *file, struct iov_iter *iter, loff_t *pos,
			  int rw)
{
	fmode_t need = rw == READ ? FMODE_READ : FMODE_WRITE;
	fmode_t can = rw == READ ? FMODE_CAN_READ : FMODE_CAN_WRITE;
	ssize_t ret;

	if (!(file->f_mode & need))
		return -EBADF;
	if (!(file->f_mode & can))
		return -EINVAL;
	ret = rw_verify_area(rw, file, pos, iov_iter_count(iter));
	if (ret)
		return ret;
	if (!iov_iter_count(iter))
		return 0;
	if ((rw == READ && file->f_op->read_iter) ||
	    (rw == WRITE && file->f_op->write_iter))
		return call_iter(file, iter, pos, rw);
	if (!iter_is_iovec(iter))
		return -EINVAL;
	return loop_rw(file, iter, pos, rw);
}

/** vfs_iter_read - read into an iov_iter (kernel or user segments). */
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos,
		      int flags)
{
	return do_iter_rw(file, iter, ppos, READ);
}

/** vfs_iter_write - write from an iov_iter. */
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos,
		       int flags)
{
	return do_iter_rw(file, iter, ppos, WRITE);
}

/* kernel_read/kernel_write: kernel buffers need the _iter methods. */
static ssize_t kernel_rw(struct file *file, void *buf, size_t count,
			 loff_t *pos, int rw)
{
	struct kvec kv = { .iov_base = buf, .iov_len = count };
	struct iov_iter iter;

	if ((rw == READ && !file->f_op->read_iter) ||
	    (rw == WRITE && !file->f_op->write_iter))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	iov_iter_kvec(&iter, rw == READ ? ITER_DEST : ITER_SOURCE, &kv, 1,
		      count);
	return do_iter_rw(file, &iter, pos, rw);
}

/**
 * kernel_read - read from a file into kernel memory (exec, firmware).
 * @file: open for reading, with ->read_iter
 * @buf: kernel buffer
 * @count: bytes
 * @pos: the position, advanced by what was read (NULL: a stream)
 *
 * Process context.  Returns the bytes read or -errno (-EINVAL if the
 * file has only a user-pointer ->read).
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	return kernel_rw(file, buf, count, pos, READ);
}

/** kernel_write - the write counterpart of kernel_read(). */
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	return kernel_rw(file, (void *)buf, count, pos, WRITE);
}

static ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct fd f = fdget_pos(fd);
	ssize_t ret = -EBADF;

	if (f.file) {
		loff_t pos, *ppos = file_ppos(f.file);

		if (ppos) {
			pos = *ppos;
			ppos = &pos;
		}
		ret = vfs_read(f.file, buf, count, ppos);
		if (ret >= 0 && ppos)
			f.file->f_pos = pos;
		fdput_pos(f);
	}
	return ret;
}

static ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct fd f = fdget_pos(fd);
	ssize_t ret = -EBADF;

	if (f.file) {
		loff_t pos, *ppos = file_ppos(f.file);

		if (ppos) {
			pos = *ppos;
			ppos = &pos;
		}
		ret = vfs_write(f.file, buf, count, ppos);
		if (ret >= 0 && ppos)
			f.file->f_pos = pos;
		fdput_pos(f);
	}
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t,
		count)
{
	return ksys_write(fd, buf, count);
}

static ssize_t ksys_pread_pwrite(unsigned int fd, char __user *buf,
				 size_t count, loff_t pos, int rw)
{
	struct fd f;
	ssize_t ret = -EBADF;

	if (pos < 0)
		return -EINVAL;
	f = fdget(fd);
	if (!f.file)
		return -EBADF;
	ret = -ESPIPE;
	if (rw == READ && (f.file->f_mode & FMODE_PREAD))
		ret = vfs_read(f.file, buf, count, &pos);
	else if (rw == WRITE && (f.file->f_mode & FMODE_PWRITE))
		ret = vfs_write(f.file, buf, count, &pos);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_pread_pwrite(fd, buf, count, pos, READ);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t,
		count, loff_t, pos)
{
	return ksys_pread_pwrite(fd, (char __user *)buf, count, pos, WRITE);
}

/* readv/writev/preadv/pwritev: @pos NULL means the file position. */
static ssize_t do_vectored(unsigned long fd, const struct iovec __user *vec,
			   unsigned long vlen, loff_t *pos, int flags, int rw)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct iov_iter iter;
	struct fd f;
	loff_t fpos, *ppos;
	ssize_t ret;

	if (flags)
		return -EOPNOTSUPP;
	f = pos ? fdget(fd) : fdget_pos(fd);
	if (!f.file)
		return -EBADF;
	if (pos) {
		ret = -ESPIPE;
		if (!(f.file->f_mode &
		      (rw == READ ? FMODE_PREAD : FMODE_PWRITE)))
			goto out;
		ppos = pos;
	} else {
		ppos = file_ppos(f.file);
		if (ppos) {
			fpos = *ppos;
			ppos = &fpos;
		}
	}
	ret = import_iovec(rw == READ ? ITER_DEST : ITER_SOURCE, vec, vlen,
			   UIO_FASTIOV, &iov, &iter);
	if (ret < 0)
		goto out;
	ret = do_iter_rw(f.file, &iter, ppos, rw);
	kfree(iov);
	if (ret >= 0 && !pos && ppos)
		f.file->f_pos = fpos;
out:
	if (pos)
		fdput(f);
	else
		fdput_pos(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_vectored(fd, vec, vlen, NULL, 0, READ);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_vectored(fd, vec, vlen, NULL, 0, WRITE);
}

/* On 64-bit the whole offset is in pos_l; pos_h is for 32-bit ABIs. */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = pos_l;

	if (pos < 0)
		return -EINVAL;
	return do_vectored(fd, vec, vlen, &pos, 0, READ);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = pos_l;

	if (pos < 0)
		return -EINVAL;
	return do_vectored(fd, vec, vlen, &pos, 0, WRITE);
}

SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		int, flags)
{
	loff_t pos = pos_l;

	if (pos == -1)
		return do_vectored(fd, vec, vlen, NULL, flags, READ);
	if (pos < 0)
		return -EINVAL;
	return do_vectored(fd, vec, vlen, &pos, flags, READ);
}

SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		int, flags)
{
	loff_t pos = pos_l;

	if (pos == -1)
		return do_vectored(fd, vec, vlen, NULL, flags, WRITE);
	if (pos < 0)
		return -EINVAL;
	return do_vectored(fd, vec, vlen, &pos, flags, WRITE);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct fd f;
	loff_t res;

	if (whence > SEEK_MAX)
		return -EINVAL;
	f = fdget_pos(fd);
	if (!f.file)
		return -EBADF;
	res = vfs_llseek(f.file, offset, whence);
	fdput_pos(f);
	return res;
}

/**
 * do_sendfile - copy @count bytes from @in_fd to @out_fd in the kernel.
 * @out_fd: open for writing, with ->write_iter, not O_APPEND
 * @in_fd: open for reading, with ->read_iter
 * @ppos: where to read (updated), or NULL for in_fd's position
 * @count: how many
 * @max: the largest position allowed
 *
 * Process context.  Returns the bytes copied or -EBADF, -EINVAL...
 * (We have no splice: the data goes through a bounce page.)
 */
ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count,
		    loff_t max)
{
	struct fd in, out;
	loff_t pos, out_pos;
	ssize_t ret, total = 0;
	void *buf = NULL;

	in = fdget(in_fd);
	if (!in.file)
		return -EBADF;
	ret = -EBADF;
	if (!(in.file->f_mode & FMODE_READ))
		goto fput_in;
	ret = -ESPIPE;
	if (ppos && !(in.file->f_mode & FMODE_PREAD))
		goto fput_in;
	pos = ppos ? *ppos : in.file->f_pos;
	ret = rw_verify_area(READ, in.file, &pos, count);
	if (ret)
		goto fput_in;
	out = fdget(out_fd);
	ret = -EBADF;
	if (!out.file)
		goto fput_in;
	if (!(out.file->f_mode & FMODE_WRITE))
		goto fput_out;
	ret = -EINVAL;
	if ((out.file->f_flags & O_APPEND) || !in.file->f_op->read_iter ||
	    !out.file->f_op->write_iter)
		goto fput_out;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (pos + count > max)
		count = max > pos ? max - pos : 0;
	ret = -ENOMEM;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		goto fput_out;
	out_pos = out.file->f_pos;
	ret = 0;
	while (total < count) {
		size_t chunk = min_t(size_t, count - total, PAGE_SIZE);
		ssize_t r, w;

		r = kernel_read(in.file, buf, chunk, &pos);
		if (r <= 0) {
			ret = r;
			break;
		}
		w = kernel_write(out.file, buf, r,
				 (out.file->f_mode & FMODE_STREAM) ? NULL :
								     &out_pos);
		if (w < 0) {
			ret = w;
			break;
		}
		total += w;
		if (w < r) {
			pos -= r - w;
			break;
		}
	}
	if (!(out.file->f_mode & FMODE_STREAM))
		out.file->f_pos = out_pos;
	if (ppos)
		*ppos = pos;
	else
		in.file->f_pos = pos;
	if (total)
		ret = total;
	kfree(buf);
fput_out:
	fdput(out);
fput_in:
	fdput(in);
	return ret;
}

SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (offset) {
		if (copy_from_user(&pos, offset, sizeof(loff_t)))
			return -EFAULT;
		ret = do_sendfile(out_fd, in_fd, &pos, count, MAX_LFS_FILESIZE);
		if (put_user(pos, offset))
			return -EFAULT;
		return ret;
	}
	return do_sendfile(out_fd, in_fd, NULL, count, MAX_LFS_FILESIZE);
}
