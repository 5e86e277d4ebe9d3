#ifndef _FS_PIPE_TEST_H
#define _FS_PIPE_TEST_H

/*
 * Shared by the ktest suites of pipes, poll/select, epoll and eventfd:
 * each case runs in the VFS test environment (private fd table and cwd
 * in a fresh tmpfs, vfs_test.h) with pid 1's signal handlers and mask
 * saved and put back, and calls the syscalls through their table
 * entries with user pages from ktest_user_map().
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <ktest/syscall.h>
#include <ktest/user.h>
#include "vfs_test.h"

KTEST_DECLARE_SYSCALL(pipe);
KTEST_DECLARE_SYSCALL(pipe2);
KTEST_DECLARE_SYSCALL(read);
KTEST_DECLARE_SYSCALL(write);
KTEST_DECLARE_SYSCALL(close);
KTEST_DECLARE_SYSCALL(ioctl);
KTEST_DECLARE_SYSCALL(fcntl);
KTEST_DECLARE_SYSCALL(poll);
KTEST_DECLARE_SYSCALL(ppoll);
KTEST_DECLARE_SYSCALL(select);
KTEST_DECLARE_SYSCALL(pselect6);
KTEST_DECLARE_SYSCALL(epoll_create);
KTEST_DECLARE_SYSCALL(epoll_create1);
KTEST_DECLARE_SYSCALL(epoll_ctl);
KTEST_DECLARE_SYSCALL(epoll_wait);
KTEST_DECLARE_SYSCALL(epoll_pwait);
KTEST_DECLARE_SYSCALL(epoll_pwait2);
KTEST_DECLARE_SYSCALL(eventfd);
KTEST_DECLARE_SYSCALL(eventfd2);

/* KTEST_SYSCALL() for up to six arguments. */
#define __PT_ARGS(a1, a2, a3, a4, a5, a6, ...) \
	(long)(a1), (long)(a2), (long)(a3), (long)(a4), (long)(a5), (long)(a6)
#define PT_SYSCALL(name, ...)           \
	ktest_syscall(__x64_sys_##name, \
		      __PT_ARGS(__VA_ARGS__, 0, 0, 0, 0, 0, 0))

#define FAKE_HANDLER ((__sighandler_t)0x401000)

/* A kernel address: no user access may succeed on it. */
#define BAD_UPTR ((void __user *)0xffff880000001000UL)

struct pipe_test_saved {
	struct k_sigaction action[_NSIG];
	sigset_t blocked;
};

static struct pipe_test_saved pt_saved;

static inline int pipe_test_enter(struct ktest *test)
{
	spin_lock_irq(&current->sighand->siglock);
	memcpy(pt_saved.action, current->sighand->action,
	       sizeof(pt_saved.action));
	pt_saved.blocked = current->blocked;
	spin_unlock_irq(&current->sighand->siglock);
	return vfs_test_enter(test, NULL);
}

static inline void pipe_test_leave(struct ktest *test)
{
	ktest_user_unmap(test); /* if an assertion ended the case early */
	vfs_test_exit(test);
	flush_signals(current);
	spin_lock_irq(&current->sighand->siglock);
	memcpy(current->sighand->action, pt_saved.action,
	       sizeof(pt_saved.action));
	current->blocked = pt_saved.blocked;
	current->restore_sigmask = false;
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
}

static inline void pt_set_handler(int sig)
{
	struct k_sigaction ka = { .sa = { .sa_handler = FAKE_HANDLER } };

	do_sigaction(sig, &ka, NULL);
}

/* Queued for this thread or its group, blocked or not. */
static inline bool pt_sig_pending(int sig)
{
	return sigismember(&current->pending.signal, sig) ||
	       sigismember(&current->signal->shared_pending.signal, sig);
}

/* pipe2() into user memory; the fds are copied to @fds on success. */
static inline long pt_pipe2(int __user *ufds, int flags, int fds[2])
{
	long ret = KTEST_SYSCALL(pipe2, ufds, flags, 0, 0);

	if (!ret)
		memcpy(fds, ktest_user_kaddr(ufds), 2 * sizeof(int));
	return ret;
}

/* write(2) of @n bytes of @s through the user buffer @ubuf. */
static inline long pt_write(int fd, char __user *ubuf, const void *s, size_t n)
{
	memcpy(ktest_user_kaddr(ubuf), s, n);
	return KTEST_SYSCALL(write, fd, ubuf, n, 0);
}

/* read(2) into @ubuf; the bytes land in @out (room for @n). */
static inline long pt_read(int fd, char __user *ubuf, void *out, size_t n)
{
	long ret = KTEST_SYSCALL(read, fd, ubuf, n, 0);

	if (ret > 0 && out)
		memcpy(out, ktest_user_kaddr(ubuf), ret);
	return ret;
}

static inline long pt_close(int fd)
{
	return KTEST_SYSCALL(close, fd, 0, 0, 0);
}

/* The events the file of @fd reports now (no waiting). */
static inline __poll_t pt_poll_fd(int fd)
{
	struct file *f = fget(fd);
	__poll_t mask;

	if (!f)
		return EPOLLNVAL;
	mask = vfs_poll(f, NULL);
	fput(f);
	return mask;
}

static inline s64 pt_ms_since(ktime_t start)
{
	return ktime_to_ms(ktime_sub(ktime_get(), start));
}

/*
 * A helper thread that runs @fn(@arg) once, after @delay_ms, and then
 * waits to be stopped: pt_helper_stop() returns @fn's result.
 */
struct pt_helper {
	int (*fn)(void *arg);
	void *arg;
	unsigned int delay_ms;
	int result;
	struct completion done;
};

static inline int pt_helper_thread(void *data)
{
	struct pt_helper *h = data;

	if (h->delay_ms)
		msleep(h->delay_ms);
	h->result = h->fn(h->arg);
	complete(&h->done);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static inline struct task_struct *pt_helper_start(struct pt_helper *h,
						  int (*fn)(void *), void *arg,
						  unsigned int delay_ms)
{
	h->fn = fn;
	h->arg = arg;
	h->delay_ms = delay_ms;
	h->result = -1;
	init_completion(&h->done);
	return kthread_run(pt_helper_thread, h, "ktest-pipe");
}

static inline int pt_helper_stop(struct pt_helper *h, struct task_struct *k)
{
	wait_for_completion(&h->done);
	kthread_stop(k);
	return h->result;
}

#endif /* _FS_PIPE_TEST_H */
