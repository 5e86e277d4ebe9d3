/*
 * msync(): write a shared file mapping's dirty pages back.  Dirty bits
 * go from the PTEs to the pages when they are unmapped; writeback
 * itself is the page cache's, so MS_SYNC asks the file's ->fsync for
 * the range each shared file mapping covers.  Here: Linux's argument
 * checks and its -ENOMEM for unmapped parts, -EBUSY for MS_INVALIDATE
 * on locked pages.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/*
 * MS_SYNC of a shared file mapping: fsync the part of the file that
 * [@start, @end) of @vma maps.  Called with the mmap lock held for
 * reading; returns with it dropped, since ->fsync may sleep on the
 * inode.  Returns 0 or the fsync's error.
 */
static int msync_fsync(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long start, unsigned long end)
{
	struct file *file = get_file(vma->vm_file);
	loff_t fstart =
		((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (start - vma->vm_start);
	loff_t fend = fstart + (min(end, vma->vm_end) - start) - 1;
	int err;

	mmap_read_unlock(mm);
	err = vfs_fsync_range(file, fstart, fend, 1);
	fput(file);
	return err;
}

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
		if ((flags & MS_SYNC) && vma->vm_file &&
		    (vma->vm_flags & VM_SHARED)) {
			unsigned long next = vma->vm_end;
			int ret = msync_fsync(mm, vma, start, end);

			if (ret)
				return ret;
			/* The VMAs may have changed while the lock was out. */
			start = next;
			mmap_read_lock(mm);
			vma = find_vma(mm, start);
			continue;
		}
		start = vma->vm_end;
		vma = vma_next(vma);
	}
	mmap_read_unlock(mm);
	return err;
}
