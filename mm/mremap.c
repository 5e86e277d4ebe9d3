/*
 * mremap(): resize a mapping, in place when the room above it is free,
 * else (MREMAP_MAYMOVE) by moving it -- the PTEs move, the pages stay
 * where they are in physical memory.  MREMAP_FIXED puts it at a given
 * address, replacing what was there.
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

extern int sysctl_max_map_count;

/*
 * The VMA holding [addr, addr + old_len), if it may become new_len
 * long: an ERR_PTR otherwise (-EFAULT: not one mapping or not
 * resizable; -ENOMEM: RLIMIT_AS).
 */
static struct vm_area_struct *
vma_to_resize(unsigned long addr, unsigned long old_len, unsigned long new_len)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vma_lookup(mm, addr);

	if (!vma)
		return ERR_PTR(-EFAULT);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return ERR_PTR(-EFAULT);
	if (new_len > old_len &&
	    !may_expand_vm(mm, vma->vm_flags,
			   (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	return vma;
}

/*
 * Move [old_addr, +old_len) of @vma to a new VMA [new_addr, +new_len),
 * new_addr's range being free.  Returns new_addr or -errno.
 */
static unsigned long move_vma(struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma;
	int err;

	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;
	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return -ENOMEM;
	new_vma->vm_start = new_addr;
	new_vma->vm_end = new_addr + new_len;
	new_vma->vm_pgoff = linear_page_index(vma, old_addr);
	err = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (err) {
		remove_vma(new_vma);
		return err;
	}
	/* Nothing below can fail but the old range's split (ignored). */
	vma_link(mm, new_vma);
	vm_stat_account(mm, new_vma->vm_flags, new_len >> PAGE_SHIFT);
	WARN_ON_ONCE(do_munmap(mm, old_addr, old_len));
	vma_merge_neighbours(mm, new_vma);
	return new_addr;
}

/* MREMAP_FIXED: [addr, +old_len) becomes [new_addr, +new_len). */
static unsigned long mremap_to(unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err;

	if (new_addr & ~PAGE_MASK)
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (new_addr < mmap_min_addr)
		return -EPERM;
	/* The ranges may not overlap. */
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	err = do_munmap(mm, new_addr, new_len);
	if (err)
		return err;
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, new_len);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	return move_vma(vma, addr, old_len, new_len, new_addr);
}

/* Is there room for @vma to grow by @delta bytes where it is? */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;
	struct vm_area_struct *next = vma_next(vma);

	if (end < vma->vm_end || end > TASK_SIZE)
		return false;
	return !next || end <= vm_start_gap(next);
}

static bool warned_dontunmap;

/**
 * do_mremap - mremap() for current->mm.
 * @addr: page aligned start of the mapping part to resize
 * @old_len: its length (rounded up)
 * @new_len: the length wanted (rounded up)
 * @flags: MREMAP_MAYMOVE, MREMAP_FIXED
 * @new_addr: with MREMAP_FIXED, the new place
 *
 * Process context, may sleep.  Shrinking unmaps the tail; growing
 * extends in place or moves.  Linux's errors: -EINVAL (flags, alignment,
 * zero length, overlap), -EFAULT (not a mapping, or spanning several),
 * -ENOMEM (no room in place and no MREMAP_MAYMOVE, or no room at all).
 * Returns the (new) address or -errno.
 */
unsigned long do_mremap(unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags,
			unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if (flags & MREMAP_DONTUNMAP) {
		if (!warned_dontunmap) {
			warned_dontunmap = true;
			pr_warn("mremap: MREMAP_DONTUNMAP is not supported\n");
		}
		return -EINVAL;
	}
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	/* old_len 0 duplicates a shared mapping on Linux: not here. */
	if (!new_len || !old_len)
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = -EFAULT;
	if (!vma_lookup(mm, addr))
		goto out;
	if (flags & MREMAP_FIXED) {
		ret = mremap_to(addr, old_len, new_addr, new_len);
		goto out;
	}
	if (old_len >= new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (!ret || old_len == new_len)
			ret = addr;
		goto out;
	}
	vma = vma_to_resize(addr, old_len, new_len);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	if (old_len == vma->vm_end - addr &&
	    vma_expandable(vma, new_len - old_len)) {
		vm_stat_account(mm, vma->vm_flags,
				(new_len - old_len) >> PAGE_SHIFT);
		vma->vm_end = addr + new_len;
		vma_merge_neighbours(mm, vma);
		ret = addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		new_addr = get_unmapped_area(
			vma->vm_file, 0, new_len, linear_page_index(vma, addr),
			vma->vm_flags & VM_MAYSHARE ? MAP_SHARED : 0);
		ret = new_addr;
		if (!IS_ERR_VALUE(new_addr))
			ret = move_vma(vma, addr, old_len, new_len, new_addr);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags, unsigned long,
		new_addr)
{
	return do_mremap(addr, old_len, new_len, flags, new_addr);
}
