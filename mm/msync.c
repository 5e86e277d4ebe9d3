/*
 * msync(): write a shared file mapping's dirty pages back.  Dirty bits
 * go from the PTEs to the pages when they are unmapped; writeback
 * itself is the page cache's (TODO(merge): call vfs_fsync_range() for
 * MS_SYNC once the VFS has it).  Here: Linux's argument checks and its
 * -ENOMEM for unmapped parts, -EBUSY for MS_INVALIDATE on locked pages.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	int err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	while (start < end) {
		if (!vma) {
			err = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			err = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED)) {
			err = -EBUSY;
			break;
		}
		start = vma->vm_end;
		vma = vma_next(vma);
	}
	mmap_read_unlock(mm);
	return err;
}
