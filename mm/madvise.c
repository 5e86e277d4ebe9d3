/*
 * madvise(): hints about how a range will be used.  MADV_DONTNEED (and
 * MADV_FREE, which may act the same) drops the pages: the next touch
 * finds zeroes (anonymous) or the file's contents.  DONTFORK/DOFORK and
 * DONTDUMP/DODUMP change VMA flags.  The access-pattern hints are
 * accepted and have no effect yet (no readahead, no swap).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#include "internal.h"

/* Advice that changes VMA flags needs mmap_lock for writing. */
static bool madvise_need_mmap_write(int behavior)
{
	switch (behavior) {
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
		return true;
	default:
		return false;
	}
}

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return true;
	default:
		return false;
	}
}

/* A flag change on [start, end) of @vma; merges afterwards. */
static int madvise_update_flags(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, unsigned long newflags)
{
	vma = vma_modify_flags(vma, start, end, newflags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma_merge_neighbours(vma->vm_mm, vma);
	return 0;
}

/* One VMA's part [start, end) of the advice. */
static int madvise_vma(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_FREE:
		if (flags & (VM_LOCKED | VM_PFNMAP))
			return -EINVAL;
		if (behavior == MADV_FREE && !vma_is_anonymous(vma))
			return -EINVAL;
		zap_page_range(vma, start, end - start);
		return 0;
	case MADV_DONTFORK:
		if (flags & VM_IO)
			return -EINVAL;
		return madvise_update_flags(vma, start, end,
					    flags | VM_DONTCOPY);
	case MADV_DOFORK:
		if (flags & VM_IO)
			return -EINVAL;
		return madvise_update_flags(vma, start, end,
					    flags & ~VM_DONTCOPY);
	case MADV_DONTDUMP:
		return madvise_update_flags(vma, start, end,
					    flags | VM_DONTDUMP);
	case MADV_DODUMP:
		if (flags & VM_SPECIAL)
			return -EINVAL;
		return madvise_update_flags(vma, start, end,
					    flags & ~VM_DONTDUMP);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		if (flags & (VM_PFNMAP | VM_IO))
			return -EINVAL;
		if (behavior == MADV_POPULATE_WRITE && !(flags & VM_WRITE))
			return -EINVAL;
		if (!(flags & VM_ACCESS_FLAGS))
			return -EINVAL;
		return populate_vma_page_range(vma, start, end);
	default:
		return 0; /* a hint */
	}
}

/**
 * do_madvise - madvise() on @mm.
 * @mm: the address space (current->mm from the syscall)
 * @start: page aligned
 * @len: bytes (rounded up)
 * @behavior: MADV_*
 *
 * Process context, may sleep.  Linux's errors: -EINVAL (unknown or
 * unsupported advice, unaligned start, DONTNEED on a locked area),
 * -ENOMEM (part of the range is unmapped; the mapped parts are still
 * advised).
 */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len,
	       int behavior)
{
	bool write = madvise_need_mmap_write(behavior);
	unsigned long end, tmp;
	struct vm_area_struct *vma;
	int err = 0, unmapped = 0;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (len && end == start)
		return -EINVAL;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	if (write)
		mmap_write_lock(mm);
	else
		mmap_read_lock(mm);
	for (vma = find_vma(mm, start); vma && start < end;
	     vma = find_vma(mm, start)) {
		if (start < vma->vm_start) {
			unmapped = -ENOMEM; /* a hole: go on past it */
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma(vma, start, tmp, behavior);
		if (err)
			break;
		start = tmp;
	}
	if (!err && start < end && (!vma || vma->vm_start >= end))
		unmapped = -ENOMEM;
	if (write)
		mmap_write_unlock(mm);
	else
		mmap_read_unlock(mm);
	return err ? err : unmapped;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(current->mm, start, len_in, behavior);
}
