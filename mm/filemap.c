/*
 * The page cache (seed 004: address_space and its tree of pages): each
 * inode's pages indexed by file offset / PAGE_SIZE in
 * mapping->i_pages, found by reads, writes and page faults alike, so a
 * MAP_SHARED mapping and read(2) see the same bytes.
 *
 * A cached page has page->mapping and page->index set, PG_uptodate,
 * and one reference owned by the cache; mapping->i_lock guards the
 * tree and nrpages.  For in-memory filesystems (ramfs, tmpfs) the
 * cache is the only copy of the data: a missing page is a hole and
 * reads as zeroes.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/resource.h>
#include <linux/slab.h>
#include <linux/uio.h>

/**
 * find_get_page - the cached page at @index with a reference, or NULL.
 *
 * Any context that may spin.
 */
struct page *find_get_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	spin_lock(&mapping->i_lock);
	page = xa_load(&mapping->i_pages, index);
	if (page)
		get_page(page);
	spin_unlock(&mapping->i_lock);
	return page;
}

/**
 * add_to_page_cache - put @page at @index of @mapping.
 * @page: a page the caller holds; the cache takes its own reference
 * @mapping: the file
 * @index: the page offset
 * @gfp: unused (the tree allocates atomically under the lock)
 *
 * Returns 0, -EEXIST (someone was faster) or -ENOMEM.
 */
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      pgoff_t index, gfp_t gfp)
{
	void *old;

	spin_lock(&mapping->i_lock);
	if (xa_load(&mapping->i_pages, index)) {
		spin_unlock(&mapping->i_lock);
		return -EEXIST;
	}
	old = xa_store(&mapping->i_pages, index, page, GFP_ATOMIC);
	if (xa_is_err(old)) {
		spin_unlock(&mapping->i_lock);
		return xa_err(old);
	}
	get_page(page);
	page->mapping = mapping;
	page->index = index;
	SetPageUptodate(page);
	mapping->nrpages++;
	if (mapping->host)
		mapping->host->i_blocks += PAGE_SIZE >> 9;
	spin_unlock(&mapping->i_lock);
	return 0;
}

/**
 * find_or_create_page - the page at @index, added (zeroed) if missing.
 * @mapping: the file
 * @index: the page offset
 * @gfp: for the new page
 *
 * Process context.  Returns the page with a reference, or NULL.
 */
struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp)
{
	for (;;) {
		struct page *page = find_get_page(mapping, index);
		int err;

		if (page)
			return page;
		page = alloc_page(gfp | __GFP_ZERO);
		if (!page)
			return NULL;
		err = add_to_page_cache(page, mapping, index, gfp);
		if (!err)
			return page;
		put_page(page);
		if (err != -EEXIST)
			return NULL;
	}
}

/* Unlink @page from its mapping.  i_lock held.  The cache's ref is
 * returned to the caller. */
static void __delete_from_page_cache(struct address_space *mapping,
				     struct page *page)
{
	xa_erase(&mapping->i_pages, page->index);
	page->mapping = NULL;
	mapping->nrpages--;
	if (mapping->host)
		mapping->host->i_blocks -= PAGE_SIZE >> 9;
}

/** delete_from_page_cache - take @page out of its file's cache. */
void delete_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	if (!mapping)
		return;
	spin_lock(&mapping->i_lock);
	__delete_from_page_cache(mapping, page);
	spin_unlock(&mapping->i_lock);
	put_page(page);
}

/* Zero [@from, PAGE_SIZE) of the cached page at @index, if any. */
static void zero_page_tail(struct address_space *mapping, pgoff_t index,
			   unsigned int from)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return;
	memset((char *)page_address(page) + from, 0, PAGE_SIZE - from);
	put_page(page);
}

/**
 * truncate_inode_pages - drop every page from byte @lstart on.
 * @mapping: the file
 * @lstart: the new end; the page holding it is kept but zeroed past it
 *
 * Process context.  Pages still mapped by a process stay allocated
 * until unmapped (they hold their own references).
 */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	pgoff_t index = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned int partial = lstart & (PAGE_SIZE - 1);

	if (partial)
		zero_page_tail(mapping, lstart >> PAGE_SHIFT, partial);
	for (;;) {
		unsigned long i = index;
		struct page *page;

		spin_lock(&mapping->i_lock);
		page = xa_find(&mapping->i_pages, &i, ~0UL);
		if (page)
			__delete_from_page_cache(mapping, page);
		spin_unlock(&mapping->i_lock);
		if (!page)
			break;
		put_page(page);
	}
}

/** truncate_inode_pages_final - the inode is going away: drop it all. */
void truncate_inode_pages_final(struct address_space *mapping)
{
	truncate_inode_pages(mapping, 0);
	spin_lock(&mapping->i_lock);
	xa_destroy(&mapping->i_pages);
	spin_unlock(&mapping->i_lock);
}

/** truncate_pagecache - drop the cache beyond @newsize. */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	truncate_inode_pages(inode->i_mapping, newsize);
}

/**
 * truncate_setsize - set i_size and make the cache match.
 *
 * Growing zeroes the tail of the old last page (a shared mapping may
 * have written past the old end); shrinking drops the pages beyond.
 * Caller holds the inode lock.
 */
void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = inode->i_size;

	i_size_write(inode, newsize);
	if (newsize > oldsize && (oldsize & (PAGE_SIZE - 1)))
		zero_page_tail(inode->i_mapping, oldsize >> PAGE_SHIFT,
			       oldsize & (PAGE_SIZE - 1));
	if (newsize < oldsize)
		truncate_pagecache(inode, newsize);
}

/**
 * page_cache_seek_hole_data - SEEK_DATA/SEEK_HOLE over the cache.
 * @mapping: the file
 * @start: where to start
 * @end: the file size
 * @whence: SEEK_DATA or SEEK_HOLE
 *
 * Data is where pages exist (page granularity).  Returns the offset or
 * -ENXIO (no data after @start, or @start past the end).
 */
loff_t page_cache_seek_hole_data(struct address_space *mapping, loff_t start,
				 loff_t end, int whence)
{
	unsigned long index = start >> PAGE_SHIFT;
	unsigned long last;
	loff_t pos;

	if (start < 0 || start >= end)
		return -ENXIO;
	last = (end - 1) >> PAGE_SHIFT;
	spin_lock(&mapping->i_lock);
	if (whence == SEEK_DATA) {
		if (!xa_find(&mapping->i_pages, &index, last)) {
			spin_unlock(&mapping->i_lock);
			return -ENXIO;
		}
	} else {
		while (index <= last && xa_load(&mapping->i_pages, index))
			index++;
	}
	spin_unlock(&mapping->i_lock);
	pos = (loff_t)index << PAGE_SHIFT;
	if (pos < start)
		pos = start;
	return pos > end ? end : pos;
}

/**
 * generic_file_read_iter - read(2) of a page-cache file.
 * @iocb: the file and position (advanced)
 * @iter: the destination
 *
 * Process context.  Stops at end of file; holes read as zeroes.
 * Returns the bytes read, or -EFAULT if nothing could be copied.
 */
ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	loff_t pos = iocb->ki_pos;
	ssize_t read = 0;

	while (iov_iter_count(iter)) {
		loff_t isize = i_size_read(inode);
		unsigned int offset = pos & (PAGE_SIZE - 1);
		size_t nr, copied;
		struct page *page;

		if (pos >= isize)
			break;
		nr = min_t(loff_t, PAGE_SIZE - offset, isize - pos);
		nr = min(nr, iov_iter_count(iter));
		page = find_get_page(mapping, pos >> PAGE_SHIFT);
		if (page) {
			copied = copy_page_to_iter(page, offset, nr, iter);
			put_page(page);
		} else {
			copied = iov_iter_zero(nr, iter);
		}
		pos += copied;
		read += copied;
		if (copied < nr) {
			if (!read)
				read = -EFAULT;
			break;
		}
	}
	iocb->ki_pos = pos;
	return read;
}

/**
 * generic_write_checks - where an append goes, and how much of a write
 * fits under RLIMIT_FSIZE and the filesystem's maximum.
 *
 * A write that crosses the limit is shortened to end at it; one that
 * starts at or past RLIMIT_FSIZE also sends the writer SIGXFSZ, as
 * Linux does.  Caller holds the inode lock.  Returns the bytes to
 * write (the iter may be shortened) or -EFBIG.
 */
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;
	loff_t limit = inode->i_sb->s_maxbytes;
	loff_t pos;

	if (!iov_iter_count(from))
		return 0;
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(inode);
	pos = iocb->ki_pos;
	if (current->signal) {
		unsigned long fsize = rlimit(RLIMIT_FSIZE);

		if (fsize != RLIM_INFINITY && (u64)pos >= fsize) {
			send_sig(SIGXFSZ, current, 0);
			return -EFBIG;
		}
		if (fsize != RLIM_INFINITY && (loff_t)fsize < limit)
			limit = fsize;
	}
	if (pos >= limit)
		return -EFBIG;
	iov_iter_truncate(from, limit - pos);
	return iov_iter_count(from);
}

/**
 * generic_perform_write - copy @i into the cache page by page through
 * ->write_begin/->write_end.
 *
 * Caller holds the inode lock.  Returns the bytes written, or the first
 * error (-ENOSPC, -EFAULT...) if none were.
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	const struct address_space_operations *a_ops = mapping->a_ops;
	loff_t pos = iocb->ki_pos;
	ssize_t written = 0;
	int status = 0;

	while (iov_iter_count(i)) {
		unsigned int offset = pos & (PAGE_SIZE - 1);
		size_t bytes =
			min_t(size_t, PAGE_SIZE - offset, iov_iter_count(i));
		struct page *page;
		void *fsdata = NULL;
		size_t copied;

		status = a_ops->write_begin(file, mapping, pos, bytes, &page,
					    &fsdata);
		if (status < 0)
			break;
		copied = copy_page_from_iter(page, offset, bytes, i);
		status = a_ops->write_end(file, mapping, pos, bytes, copied,
					  page, fsdata);
		if (status < 0)
			break;
		if (!status) {
			status = -EFAULT;
			break;
		}
		pos += status;
		written += status;
	}
	iocb->ki_pos = pos;
	return written ? written : status;
}

/**
 * generic_file_write_iter - write(2) of a page-cache file.
 *
 * Process context.  The inode lock makes each write (and each O_APPEND
 * write's choice of position) atomic with respect to other writers.
 */
ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file->f_mapping->host;
	ssize_t ret;

	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret > 0) {
		ret = file_remove_privs(file);
		if (!ret) {
			file_update_time(file);
			ret = generic_perform_write(iocb, from);
		}
	}
	inode_unlock(inode);
	return ret;
}

/**
 * filemap_fault - ->fault of a file mapping: the cache page for
 * vmf->pgoff, created (zeroed) for a hole.
 *
 * Returns 0 with vmf->page referenced, VM_FAULT_SIGBUS beyond end of
 * file, VM_FAULT_OOM.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	pgoff_t size = (i_size_read(inode) + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct page *page;

	if (vmf->pgoff >= size)
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(mapping, vmf->pgoff, mapping->gfp_mask);
	if (!page)
		return VM_FAULT_OOM;
	vmf->page = page;
	return 0;
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

/** generic_file_mmap - ->mmap of a page-cache file. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	touch_atime(&file->f_path);
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

/** generic_file_readonly_mmap - ->mmap that refuses shared writes. */
int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE))
		return -EINVAL;
	return generic_file_mmap(file, vma);
}
