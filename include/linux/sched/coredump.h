#ifndef _LINUX_SCHED_COREDUMP_H
#define _LINUX_SCHED_COREDUMP_H

/*
 * The dumpable state of an address space (prctl PR_SET_DUMPABLE): the
 * low two bits of mm->flags.  exec sets SUID_DUMP_USER.
 */
#include <linux/mm_types.h>

#define SUID_DUMP_DISABLE 0
#define SUID_DUMP_USER 1
#define SUID_DUMP_ROOT 2
#define MMF_DUMPABLE_BITS 2
#define MMF_DUMPABLE_MASK ((1UL << MMF_DUMPABLE_BITS) - 1)

static inline int get_dumpable(struct mm_struct *mm)
{
	return mm->flags & MMF_DUMPABLE_MASK;
}

static inline void set_dumpable(struct mm_struct *mm, int value)
{
	mm->flags = (mm->flags & ~MMF_DUMPABLE_MASK) |
		    (value & MMF_DUMPABLE_MASK);
}

#endif /* _LINUX_SCHED_COREDUMP_H */
