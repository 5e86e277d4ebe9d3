#ifndef _KTEST_USER_H
#define _KTEST_USER_H

/*
 * User memory for in-kernel tests of syscalls, before user processes
 * exist: ktest_user_map() maps @npages zeroed pages, user-accessible
 * and writable, at KTEST_USER_BASE in the page tables of the running
 * kernel thread (init_mm's), so copy_to_user() and friends work on
 * them as on a process's memory.  One mapping at a time.
 *
 *	u32 __user *uaddr = ktest_user_map(test, 1);
 *	KTEST_EXPECT_EQ(test, put_user(1, uaddr), 0);
 *	ktest_user_unmap(test);
 *
 * The kernel-side alias of the pages is ktest_user_kaddr(uaddr).
 */
#include <linux/types.h>
#include <ktest/test.h>

#define KTEST_USER_BASE 0x10000000UL
#define KTEST_USER_MAX_PAGES 8

void __user *ktest_user_map(struct ktest *test, unsigned int npages);
void ktest_user_unmap(struct ktest *test);
void *ktest_user_kaddr(const void __user *uaddr);

#endif /* _KTEST_USER_H */
