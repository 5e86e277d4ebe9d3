/*
 * mincore(): which pages of a range are resident.  A page counts when
 * a PTE of this mm maps it (there is no swap, and page-cache pages not
 * mapped here are not looked up yet).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/*
 * Fill @vec for up to @pages pages from @addr, within one VMA.
 * Returns the number filled or -ENOMEM (no VMA at @addr).
 */
static long do_mincore(unsigned long addr, unsigned long pages,
		       unsigned char *vec)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);
	unsigned long i, end;

	if (!vma)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	for (i = 0; addr < end; addr += PAGE_SIZE, i++)
		vec[i] = follow_page(vma, addr, FOLL_FORCE) ? 1 : 0;
	return i;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len,
		unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long ret = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		mmap_read_lock(current->mm);
		ret = do_mincore(start, min(pages, PAGE_SIZE), tmp);
		mmap_read_unlock(current->mm);
		if (ret <= 0)
			break;
		/* Copied out with the lock dropped: the copy may fault. */
		if (copy_to_user(vec, tmp, ret)) {
			ret = -EFAULT;
			break;
		}
		pages -= ret;
		vec += ret;
		start += ret << PAGE_SHIFT;
		ret = 0;
	}
	free_page((unsigned long)tmp);
	return ret;
}
