#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

/*
 * The page cache (mm/filemap.c): each inode's pages, found by index in
 * mapping->i_pages.  A page in the cache has page->mapping and
 * page->index set, PG_uptodate once it holds the file's data, and one
 * reference owned by the cache; lookups return it with another.
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct kiocb;
struct iov_iter;

static inline void mapping_init(struct address_space *mapping,
				struct inode *host)
{
	mapping->host = host;
	xa_init(&mapping->i_pages);
	spin_lock_init(&mapping->i_lock);
	mapping->nrpages = 0;
	mapping->gfp_mask = GFP_KERNEL;
	mapping->a_ops = NULL;
	INIT_LIST_HEAD(&mapping->i_mmap);
	init_rwsem(&mapping->i_mmap_rwsem);
	mapping->private_data = NULL;
}

static inline void SetPageUptodate(struct page *page)
{
	set_bit(PG_uptodate, &page->flags);
}

static inline void SetPageDirty(struct page *page)
{
	set_bit(PG_dirty, &page->flags);
}

struct page *find_get_page(struct address_space *mapping, pgoff_t index);
struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp);
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      pgoff_t index, gfp_t gfp);
void delete_from_page_cache(struct page *page);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_final(struct address_space *mapping);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);
loff_t page_cache_seek_hole_data(struct address_space *mapping, loff_t start,
				 loff_t end, int whence);

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *iter);
ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from);
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i);
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from);
vm_fault_t filemap_fault(struct vm_fault *vmf);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma);
extern const struct vm_operations_struct generic_file_vm_ops;

#endif /* _LINUX_PAGEMAP_H */
