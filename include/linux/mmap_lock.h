#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

/*
 * mm->mmap_lock: writers change the VMA set (mmap, munmap, mprotect,
 * mremap, brk, fork's copy, exit); readers walk it and fault pages in,
 * several at once.  Page-table entries themselves are changed under
 * mm->page_table_lock as well, so concurrent faults do not race.
 */
#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline int mmap_read_lock_killable(struct mm_struct *mm)
{
	return down_read_killable(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline int mmap_write_lock_killable(struct mm_struct *mm)
{
	return down_write_killable(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON_ONCE(!rwsem_is_locked(&mm->mmap_lock));
}

#endif /* _LINUX_MMAP_LOCK_H */
