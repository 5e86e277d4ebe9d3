#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

/*
 * Defining a system call (seed 002).  A syscall is written once, with
 * its C types:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{ ... }
 *
 * and the macro produces three functions, as Linux's x86_64 wrappers do:
 *   __x64_sys_read(const struct pt_regs *regs) -- the table entry; takes
 *	the arguments from the saved user registers (di, si, dx, r10, r8,
 *	r9: the syscall ABI puts the fourth in r10 because `syscall`
 *	clobbers rcx);
 *   __se_sys_read(long, long, long) -- widens/truncates each register to
 *	its declared type, so a 32-bit argument never carries garbage in
 *	its upper half;
 *   __do_sys_read(unsigned int fd, ...) -- the body above.
 *
 * The table (arch/x86/entry/syscall_64.c) names every x86_64 syscall in
 * Linux's numbering and refers to __x64_sys_<name> weakly: a syscall
 * nobody defined is a NULL slot and returns -ENOSYS, logged once.  So
 * adding a syscall is only writing its SYSCALL_DEFINE.
 */
#include <linux/types.h>
#include <linux/linkage.h>
#include <asm/ptrace.h>

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (__force t) a
#define __SC_ARGS(t, a) a

/* The registers that carry arguments 1..6, in order. */
#define __SC_REGS0(regs)
#define __SC_REGS1(regs) (regs)->di
#define __SC_REGS2(regs) __SC_REGS1(regs), (regs)->si
#define __SC_REGS3(regs) __SC_REGS2(regs), (regs)->dx
#define __SC_REGS4(regs) __SC_REGS3(regs), (regs)->r10
#define __SC_REGS5(regs) __SC_REGS4(regs), (regs)->r8
#define __SC_REGS6(regs) __SC_REGS5(regs), (regs)->r9

#define SYSCALL_DEFINE0(name)                                         \
	long __x64_sys_##name(const struct pt_regs *regs);            \
	static long __do_sys_##name(void);                            \
	long __x64_sys_##name(const struct pt_regs *regs)             \
	{                                                             \
		return __do_sys_##name();                             \
	}                                                             \
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, name, ...)                                      \
	long __x64_sys##name(const struct pt_regs *regs);                  \
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));      \
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	long __x64_sys##name(const struct pt_regs *regs)                   \
	{                                                                  \
		return __se_sys##name(__SC_REGS##x(regs));                 \
	}                                                                  \
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))       \
	{                                                                  \
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__));   \
	}                                                                  \
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

/* The type of a table slot. */
typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

/* The dispatcher (arch/x86/entry/common.c). */
long do_syscall_64(struct pt_regs *regs, unsigned long nr);

#endif /* _LINUX_SYSCALLS_H */
