#ifndef _LINUX_EVENTFD_H
#define _LINUX_EVENTFD_H

/*
 * eventfd (fs/eventfd.c): a 64-bit counter as a file.  write() adds,
 * read() takes all of it (or 1 with EFD_SEMAPHORE), poll() says which
 * of the two would not block.  Kernel code may add with eventfd_signal().
 */
#include <linux/types.h>
#include <uapi/linux/fcntl.h>

#define EFD_SEMAPHORE (1 << 0)
#define EFD_CLOEXEC O_CLOEXEC
#define EFD_NONBLOCK O_NONBLOCK

#define EFD_SHARED_FCNTL_FLAGS (O_CLOEXEC | O_NONBLOCK)
#define EFD_FLAGS_SET (EFD_SHARED_FCNTL_FLAGS | EFD_SEMAPHORE)

struct eventfd_ctx;
struct file;

struct eventfd_ctx *eventfd_ctx_fileget(struct file *file);
struct eventfd_ctx *eventfd_ctx_fdget(int fd);
void eventfd_ctx_put(struct eventfd_ctx *ctx);
void eventfd_signal(struct eventfd_ctx *ctx, u64 n);

#endif /* _LINUX_EVENTFD_H */
