#ifndef _DRIVERS_CHAR_KTEST_UTIL_H
#define _DRIVERS_CHAR_KTEST_UTIL_H

/*
 * Helpers for the ktests of drivers/char and drivers/tty, which run
 * before there are processes or a VFS:
 *  - a few pages of user memory, mapped at a fixed user address in the
 *    kernel page tables, so file operations can be called with real
 *    __user pointers (and copy_*_user really copies);
 *  - opening a device number the way the VFS will: a bare inode with
 *    i_rdev and a file whose f_op is def_chr_fops.
 */
#include <linux/fs.h>
#include <linux/types.h>

struct ktest;

#define KTEST_USER_BASE 0x10000000000UL /* 1 TiB: PGD slot 2 */
#define KTEST_USER_PAGES 4

/* Map KTEST_USER_PAGES zeroed pages; NULL (and a skip) if impossible. */
void __user *ktest_dev_user_map(struct ktest *test);
void ktest_dev_user_unmap(void);
/* The kernel's view of a user address inside the mapping. */
void *ktest_dev_user_kaddr(const void __user *p);

/* Open device @dev with open(2) @flags; an ERR_PTR on failure. */
struct file *ktest_chrdev_open(dev_t dev, unsigned int flags);
void ktest_chrdev_close(struct file *file);

/* Put the calling kthread in session and process group @id (its
 * leader if @leader), without a controlling tty, for job-control tests;
 * ktest_signal_end() restores what it had (and is a no-op otherwise). */
void ktest_signal_begin(pid_t id, int leader);
void ktest_signal_end(void);

#endif /* _DRIVERS_CHAR_KTEST_UTIL_H */
