#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

/*
 * The file descriptor table of a process (seed 004: the fd bitmap and
 * find_next_zero_bit).  fd N is fdt->fd[N]; open_fds has bit N set
 * while N is allocated (possibly reserved by get_unused_fd_flags and not
 * yet installed) and close_on_exec bit N for FD_CLOEXEC.  The table
 * starts embedded in files_struct (NR_OPEN_DEFAULT fds) and is replaced
 * by a bigger one when a process needs more, up to RLIMIT_NOFILE.
 *
 * Shared by CLONE_FILES threads (count); fork copies it (dup_fd).
 * file_lock guards the table and the bitmaps.
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/bitops.h>

struct file;
struct task_struct;

#define NR_OPEN_DEFAULT BITS_PER_LONG

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
	unsigned long *open_fds;
};

struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	struct fdtable *fdt;
	struct fdtable fdtab;
	unsigned int next_fd; /* lowest fd that may be free */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

extern struct files_struct init_files;

static inline struct fdtable *files_fdtable(struct files_struct *files)
{
	return files->fdt;
}

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);
struct files_struct *get_files_struct(struct task_struct *task);
void exit_files(struct task_struct *tsk);
int unshare_files(void);
void do_close_on_exec(struct files_struct *files);
struct file *files_lookup_fd_raw(struct files_struct *files, unsigned int fd);
int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*f)(const void *, struct file *, unsigned int),
	       const void *p);
int files_nr_open(struct files_struct *files);

/* fork: share (CLONE_FILES) or copy.  0 or -errno. */
int copy_files(unsigned long clone_flags, struct task_struct *tsk);

#endif /* _LINUX_FDTABLE_H */
