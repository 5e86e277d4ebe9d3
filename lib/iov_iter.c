/*
 * Walking the segments of a read or write (linux/uio.h).  User segments
 * are copied with copy_{to,from}_user and may stop short at a bad
 * address; the caller sees how many bytes went through, as read(2)
 * returns a short count rather than EFAULT once something was copied.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* The most one read or write moves, as Linux: INT_MAX rounded to pages. */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

/**
 * iov_iter_init - an iterator over user iovecs.
 * @i: the iterator
 * @direction: ITER_DEST (read into) or ITER_SOURCE (write from)
 * @iov: the segments, already checked with access_ok
 * @nr_segs: how many
 * @count: their total length
 */
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs, size_t count)
{
	i->iter_type = ITER_IOVEC;
	i->data_source = direction == ITER_SOURCE;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/**
 * iov_iter_kvec - an iterator over kernel buffers.
 * @i: the iterator
 * @direction: ITER_DEST or ITER_SOURCE
 * @kvec: the segments
 * @nr_segs: how many
 * @count: their total length
 */
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs, size_t count)
{
	i->iter_type = ITER_KVEC;
	i->data_source = direction == ITER_SOURCE;
	i->kvec = kvec;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* Base and remaining length of the current segment (zero-length skipped). */
static size_t iter_segment(struct iov_iter *i, char **base)
{
	for (;;) {
		size_t len;

		if (!i->nr_segs)
			return 0;
		if (i->iter_type == ITER_IOVEC) {
			len = i->iov->iov_len;
			*base = (char __force *)i->iov->iov_base;
		} else {
			len = i->kvec->iov_len;
			*base = i->kvec->iov_base;
		}
		if (i->iov_offset < len) {
			*base += i->iov_offset;
			return min(len - i->iov_offset, i->count);
		}
		i->iov_offset = 0;
		i->nr_segs--;
		if (i->iter_type == ITER_IOVEC)
			i->iov++;
		else
			i->kvec++;
	}
}

/**
 * iov_iter_advance - skip @bytes of the iterator.
 * @i: the iterator
 * @bytes: at most iov_iter_count(@i)
 */
void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	char *base;

	bytes = min(bytes, i->count);
	while (bytes) {
		size_t n = min(bytes, iter_segment(i, &base));

		i->iov_offset += n;
		i->count -= n;
		bytes -= n;
	}
}

/** iov_iter_truncate - forget all but the first @count bytes. */
void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

/*
 * Move up to @bytes between @addr and the iterator; @out says which way.
 * Returns the bytes moved (short at a bad user address).
 */
static size_t iter_copy(void *addr, size_t bytes, struct iov_iter *i, bool out)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		char *base;
		size_t n = min(bytes - done, iter_segment(i, &base));
		size_t left = 0;

		if (!n)
			break;
		if (i->iter_type == ITER_KVEC) {
			if (out)
				memcpy(base, (char *)addr + done, n);
			else
				memcpy((char *)addr + done, base, n);
		} else if (out) {
			left = copy_to_user((void __user *)base,
					    (char *)addr + done, n);
		} else {
			left = copy_from_user((char *)addr + done,
					      (const void __user *)base, n);
		}
		iov_iter_advance(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

/**
 * copy_to_iter - copy @bytes from @addr into the iterator (a read).
 * @addr: kernel source
 * @bytes: how many
 * @i: the destination
 *
 * Process context (user copies may fault).  Returns the bytes copied.
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(i->data_source))
		return 0;
	return iter_copy((void *)addr, bytes, i, true);
}

/**
 * copy_from_iter - copy @bytes out of the iterator to @addr (a write).
 * @addr: kernel destination
 * @bytes: how many
 * @i: the source
 *
 * Process context.  Returns the bytes copied.
 */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(!i->data_source))
		return 0;
	return iter_copy(addr, bytes, i, false);
}

/** copy_page_to_iter - copy_to_iter() from @offset in @page. */
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	return copy_to_iter((char *)page_address(page) + offset, bytes, i);
}

/** copy_page_from_iter - copy_from_iter() to @offset in @page. */
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i)
{
	return copy_from_iter((char *)page_address(page) + offset, bytes, i);
}

/**
 * iov_iter_zero - write @bytes of zeroes into the iterator.
 * @bytes: how many
 * @i: the destination
 *
 * Returns the bytes written.  Reads of file holes use it.
 */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	static const char zeroes[256];
	size_t done = 0;

	while (done < bytes) {
		size_t n = min(bytes - done, sizeof(zeroes));
		size_t c = copy_to_iter(zeroes, n, i);

		done += c;
		if (c < n)
			break;
	}
	return done;
}

/**
 * import_iovec - copy in and check a user iovec array (readv/writev).
 * @type: ITER_DEST or ITER_SOURCE
 * @uvec: the user array
 * @nr_segs: its length (at most UIO_MAXIOV)
 * @fast_segs: entries available in *@iovp
 * @iovp: in: a small array to use if it fits; out: the array to kfree()
 *	(NULL if the small one was used)
 * @i: set up over the segments
 *
 * Process context.  The total is clamped to MAX_RW_COUNT, as Linux
 * does.  Returns the total length or -EINVAL, -EFAULT, -ENOMEM.
 */
ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = *iovp;
	size_t total = 0;
	unsigned int seg;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > fast_segs) {
		iov = kmalloc_array(nr_segs, sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto fault;
	for (seg = 0; seg < nr_segs; seg++) {
		size_t len = iov[seg].iov_len;

		if ((ssize_t)len < 0) {
			if (iov != *iovp)
				kfree(iov);
			return -EINVAL;
		}
		if (!access_ok(iov[seg].iov_base, len))
			goto fault;
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		total += len;
	}
	iov_iter_init(i, type, iov, nr_segs, total);
	*iovp = iov == *iovp ? NULL : iov;
	return total;
fault:
	if (iov != *iovp)
		kfree(iov);
	return -EFAULT;
}

/**
 * import_single_range - one user buffer as an iterator (read/write).
 * @type: ITER_DEST or ITER_SOURCE
 * @buf: the user buffer
 * @len: its length (clamped to MAX_RW_COUNT)
 * @iov: storage for the one segment
 * @i: set up over it
 *
 * Returns 0 or -EFAULT.
 */
int import_single_range(int type, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i)
{
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, type, iov, 1, len);
	return 0;
}
