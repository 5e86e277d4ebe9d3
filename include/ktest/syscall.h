#ifndef _KTEST_SYSCALL_H
#define _KTEST_SYSCALL_H

/*
 * Calling a syscall from an in-kernel test as the entry code would:
 * the arguments go into a struct pt_regs (di, si, dx, r10, r8, r9) and
 * the table's __x64_sys_<name> runs.  Pointer arguments must be user
 * addresses (include/ktest/user.h) or deliberately bad ones.
 *
 *	KTEST_DECLARE_SYSCALL(uname);
 *	ret = ktest_syscall(__x64_sys_uname, (long)ubuf, 0, 0, 0, 0, 0);
 */
#include <linux/string.h>
#include <asm/ptrace.h>

#define KTEST_DECLARE_SYSCALL(name) \
	long __x64_sys_##name(const struct pt_regs *regs)

static inline long ktest_syscall(long (*fn)(const struct pt_regs *), long a1,
				 long a2, long a3, long a4, long a5, long a6)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a1;
	regs.si = a2;
	regs.dx = a3;
	regs.r10 = a4;
	regs.r8 = a5;
	regs.r9 = a6;
	regs.orig_ax = -1;
	return fn(&regs);
}

#define KTEST_SYSCALL(name, a1, a2, a3, a4)                                 \
	ktest_syscall(__x64_sys_##name, (long)(a1), (long)(a2), (long)(a3), \
		      (long)(a4), 0, 0)

#endif /* _KTEST_SYSCALL_H */
