/*
 * mlock() and friends: keep pages resident.  With no swap every page
 * stays anyway, so locking means VM_LOCKED on the VMAs (counted in
 * locked_vm, /proc/<pid>/status VmLck, limited by RLIMIT_MEMLOCK unless
 * CAP_IPC_LOCK) and faulting the range in.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>

static bool can_do_mlock(unsigned long pages)
{
	unsigned long lim = current->signal ? rlimit(RLIMIT_MEMLOCK) :
					      RLIM_INFINITY;

	if (lim == RLIM_INFINITY || capable(CAP_IPC_LOCK))
		return true;
	return current->mm->locked_vm + pages <= lim >> PAGE_SHIFT;
}

/* Set or clear VM_LOCKED on [start, end); -ENOMEM at a hole. */
static int apply_vma_lock_flags(unsigned long start, unsigned long end,
				bool lock)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long nstart = start, tmp, newflags;

	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (;;) {
		newflags = lock ? vma->vm_flags | VM_LOCKED :
				  vma->vm_flags & ~VM_LOCKED;
		tmp = min(vma->vm_end, end);
		if (newflags != vma->vm_flags) {
			vma = vma_modify_flags(vma, nstart, tmp, newflags);
			if (IS_ERR(vma))
				return PTR_ERR(vma);
			vma = vma_merge_neighbours(mm, vma);
		}
		nstart = tmp;
		if (nstart >= end)
			return 0;
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start > nstart)
			return -ENOMEM;
	}
}

static int do_mlock(unsigned long start, size_t len, bool lock, bool populate)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (!len)
		return 0;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	err = -ENOMEM;
	if (!lock || can_do_mlock(len >> PAGE_SHIFT))
		err = apply_vma_lock_flags(start, end, lock);
	mmap_write_unlock(mm);
	if (!err && lock && populate)
		err = mm_populate(start, len);
	return err;
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, true, true);
}

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	return do_mlock(start, len, true, !(flags & MLOCK_ONFAULT));
}

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, false, false);
}

/* Lock or unlock every VMA of current->mm. */
static int apply_mlockall_flags(bool lock)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = list_first_entry_or_null(
		&mm->mmap_list, struct vm_area_struct, vm_list);

	while (vma) {
		unsigned long newflags = lock ? vma->vm_flags | VM_LOCKED :
						vma->vm_flags & ~VM_LOCKED;

		if (newflags != vma->vm_flags) {
			vma = vma_modify_flags(vma, vma->vm_start, vma->vm_end,
					       newflags);
			if (IS_ERR(vma))
				return PTR_ERR(vma);
		}
		vma = vma_next(vma);
	}
	return 0;
}

SYSCALL_DEFINE1(mlockall, int, flags)
{
	struct mm_struct *mm = current->mm;
	int err = 0;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	if (flags & MCL_FUTURE)
		mm->def_flags |= VM_LOCKED;
	if (flags & MCL_CURRENT) {
		err = -ENOMEM;
		if (can_do_mlock(mm->total_vm - mm->locked_vm))
			err = apply_mlockall_flags(true);
	}
	mmap_write_unlock(mm);
	if (!err && (flags & MCL_CURRENT) && !(flags & MCL_ONFAULT))
		mm_populate(0, TASK_SIZE);
	return err;
}

SYSCALL_DEFINE0(munlockall)
{
	struct mm_struct *mm = current->mm;
	int err;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	mm->def_flags &= ~VM_LOCKED;
	err = apply_mlockall_flags(false);
	mmap_write_unlock(mm);
	return err;
}
