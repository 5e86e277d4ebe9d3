#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

/*
 * From file descriptors to struct file (fs/file.c): fget() takes a
 * reference that fput() drops; fdget() is the same with a flag saying
 * whether fdput() has something to drop.
 */
#include <linux/types.h>
#include <linux/compiler.h>

struct file;
struct files_struct;
struct task_struct;

struct fd {
	struct file *file;
	unsigned int flags;
};

#define FDPUT_FPUT 1
#define FDPUT_POS_UNLOCK 2

struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
struct file *fget_task(struct task_struct *task, unsigned int fd);
struct fd fdget(unsigned int fd);
struct fd fdget_raw(unsigned int fd);
struct fd fdget_pos(unsigned int fd);
void fdput(struct fd f);
void fdput_pos(struct fd f);

int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
int close_fd(unsigned int fd);
int __close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
int ksys_dup(unsigned int fildes);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);
int receive_fd(struct file *file, unsigned int o_flags);

/* close_range(2) flags */
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

#endif /* _LINUX_FILE_H */
