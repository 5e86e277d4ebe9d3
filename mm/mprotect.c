/*
 * mprotect(): change the access rights of a range of pages.  The range
 * is cut out of its VMAs (split), given the new rights, its PTEs
 * rewritten (and flushed from every CPU when rights shrink), and glued
 * back to equal neighbours (merge).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#include "internal.h"

/* Apply @newflags to [start, end) of @vma: the VMA now covering it. */
static struct vm_area_struct *mprotect_fixup(struct vm_area_struct *vma,
					     unsigned long start,
					     unsigned long end,
					     unsigned long newflags)
{
	if (newflags == vma->vm_flags)
		return vma;
	vma = vma_modify_flags(vma, start, end, newflags);
	if (IS_ERR(vma))
		return vma;
	change_protection(vma, start, end, vma->vm_page_prot);
	return vma_merge_neighbours(vma->vm_mm, vma);
}

/*
 * The VMA where the change starts, or an ERR_PTR: with PROT_GROWSDOWN
 * the range extends down to the start of the stack VMA at @*start.
 */
static struct vm_area_struct *mprotect_first_vma(struct mm_struct *mm,
						 unsigned long *start,
						 unsigned long end,
						 unsigned long grows)
{
	struct vm_area_struct *vma = find_vma(mm, *start);

	if (!vma)
		return ERR_PTR(-ENOMEM);
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return ERR_PTR(-ENOMEM);
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return ERR_PTR(-EINVAL);
		*start = vma->vm_start;
		return vma;
	}
	if (vma->vm_start > *start)
		return ERR_PTR(-ENOMEM);
	if (grows & PROT_GROWSUP)
		return ERR_PTR(-EINVAL);
	return vma;
}

/**
 * do_mprotect - mprotect() for current->mm.
 * @start: page aligned
 * @len: bytes (rounded up)
 * @prot: PROT_* plus optionally PROT_GROWSDOWN
 *
 * Process context, may sleep.  Linux's errors: -EINVAL (unaligned,
 * unknown bits), -ENOMEM (a hole in the range, or out of memory),
 * -EACCES (more rights than the mapping may ever have, such as
 * PROT_WRITE on a shared mapping of a read-only file).  VMAs before
 * the failing one keep their new rights, as on Linux.
 */
int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, tmp, newflags;
	struct vm_area_struct *vma;
	int err = 0;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = mprotect_first_vma(mm, &start, end, grows);
	for (nstart = start; !IS_ERR(vma);) {
		newflags = calc_vm_prot_bits(prot) |
			   (vma->vm_flags & ~VM_ACCESS_FLAGS);
		/* VM_MAY* sit four bits above the rights they allow. */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) {
			vma = ERR_PTR(-EACCES);
			break;
		}
		tmp = min(vma->vm_end, end);
		vma = mprotect_fixup(vma, nstart, tmp, newflags);
		if (IS_ERR(vma))
			break;
		nstart = tmp;
		if (nstart >= end)
			break;
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start > nstart)
			vma = ERR_PTR(-ENOMEM);
	}
	if (IS_ERR(vma))
		err = PTR_ERR(vma);
	mmap_write_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long,
		prot)
{
	return do_mprotect(start, len, prot);
}
