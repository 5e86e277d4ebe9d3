#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

/*
 * How to resume a syscall that a signal interrupted and that cannot
 * simply be re-issued with the same arguments (a relative sleep must
 * not start over).  The syscall fills current->restart_block and returns
 * -ERESTART_RESTARTBLOCK; if no handler runs, the signal code points
 * the task back at the syscall instruction with restart_syscall(2) in
 * ax, which calls ->fn.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/time64.h>

struct restart_block;
struct __kernel_timespec;
struct pollfd;

enum timespec_type {
	TT_NONE = 0,
	TT_NATIVE = 1,
};

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {
			u32 __user *uaddr;
			u32 val;
			u32 flags;
			u32 bitset;
			u64 time; /* absolute expiry, ns */
		} futex;
		struct {
			clockid_t clockid;
			enum timespec_type type;
			struct __kernel_timespec __user *rmtp;
			u64 expires; /* absolute, ns on clockid */
		} nanosleep;
		struct {
			struct pollfd __user *ufds;
			int nfds;
			int has_timeout;
			unsigned long tv_sec; /* the end, CLOCK_MONOTONIC */
			unsigned long tv_nsec;
		} poll;
	};
};

long do_no_restart_syscall(struct restart_block *parm);

#endif /* _LINUX_RESTART_BLOCK_H */
