#ifndef _ASM_X86_FUTEX_H
#define _ASM_X86_FUTEX_H

/*
 * Atomic read-modify-write of a user futex word: lock cmpxchg under an
 * exception-table entry, so a bad address is -EFAULT.  Callers that
 * hold a spinlock rely on the page-fault handler not sleeping in
 * atomic context (faulthandler_disabled()): an absent page is then
 * -EFAULT too, and they retry after faulting it in unlocked.
 */
#include <linux/errno.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

/**
 * futex_atomic_cmpxchg_inatomic - if *@uaddr == @oldval, make it @newval.
 * @uval: receives the value found
 *
 * Returns 0 (compare *@uval with @oldval for success) or -EFAULT.
 */
static inline int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr,
						u32 oldval, u32 newval)
{
	int ret = 0;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	__uaccess_begin();
	asm volatile("1:	lock cmpxchgl %3, %2\n"
		     "2:\n"
		     ".section .fixup, \"ax\"\n"
		     "3:	movl %4, %0\n"
		     "	jmp 2b\n"
		     ".previous\n" _ASM_EXTABLE(1b, 3b)
		     : "+r"(ret), "+a"(oldval), "+m"(*(u32 __force *)uaddr)
		     : "r"(newval), "i"(-EFAULT)
		     : "memory");
	__uaccess_end();
	*uval = oldval;
	return ret;
}

#endif /* _ASM_X86_FUTEX_H */
