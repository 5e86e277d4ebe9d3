#ifndef _LINUX_FILELOCK_H
#define _LINUX_FILELOCK_H

/*
 * POSIX record locks (fs/locks.c): byte ranges of an inode locked for
 * reading (shared) or writing (exclusive) by an owner -- the process's
 * files_struct, so every fd of a process shares its locks, fork's
 * child does not inherit them, and closing any fd of the file drops
 * them all, as POSIX says.
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/fcntl.h>

#define OFFSET_MAX ((loff_t)0x7fffffffffffffffLL)

struct file;

struct file_lock {
	struct list_head fl_list; /* in the inode's flc_posix */
	void *fl_owner; /* the files_struct */
	pid_t fl_pid;
	unsigned char fl_type; /* F_RDLCK, F_WRLCK, F_UNLCK */
	loff_t fl_start;
	loff_t fl_end; /* inclusive; OFFSET_MAX: to the end, always */
	struct file *fl_file;
};

struct file_lock_context {
	spinlock_t flc_lock;
	struct list_head flc_posix;
};

int fcntl_getlk(struct file *filp, unsigned int cmd, struct flock *flock);
int fcntl_setlk(unsigned int fd, struct file *filp, unsigned int cmd,
		struct flock *flock);
int posix_lock_file(struct file *filp, struct file_lock *fl,
		    struct file_lock *conflock);
unsigned long locks_count(void);

#endif /* _LINUX_FILELOCK_H */
