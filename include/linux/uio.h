#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

/*
 * Where the bytes of a read or write are: an iov_iter walks a list of
 * user iovecs (readv/writev, and read/write as a one-element list) or
 * of kernel kvecs (kernel_read/kernel_write).  ->read_iter/->write_iter
 * copy through it without caring which, so one code path serves both.
 */
#include <linux/types.h>
#include <linux/compiler.h>

struct page;

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV 8
#define UIO_MAXIOV 1024

enum iter_type {
	ITER_IOVEC,
	ITER_KVEC,
};

#define ITER_SOURCE 1 /* data flows out of the iter: a write */
#define ITER_DEST 0 /* data flows into it: a read */

struct iov_iter {
	u8 iter_type;
	bool data_source;
	size_t iov_offset; /* into the current segment */
	size_t count; /* bytes left in all segments */
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
	};
	unsigned long nr_segs;
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool iter_is_iovec(const struct iov_iter *i)
{
	return i->iter_type == ITER_IOVEC;
}

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_truncate(struct iov_iter *i, u64 count);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i);
int import_single_range(int type, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i);

#endif /* _LINUX_UIO_H */
