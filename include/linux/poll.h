#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

/*
 * f_op->poll: a file reports which events are ready now and, through
 * poll_wait(), which wait queues will be woken when that changes.
 * select/poll/epoll (fs/select.c, fs/eventpoll.c) supply the queueing
 * callback in the poll_table; a NULL table means "just tell me".
 */
#include <linux/fs.h>
#include <linux/wait.h>
#include <uapi/linux/poll.h>

/* The event bits (uapi poll.h; EPOLL* share them). */
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG 0x0400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000

#define EPOLLIN ((__poll_t)POLLIN)
#define EPOLLPRI ((__poll_t)POLLPRI)
#define EPOLLOUT ((__poll_t)POLLOUT)
#define EPOLLERR ((__poll_t)POLLERR)
#define EPOLLHUP ((__poll_t)POLLHUP)
#define EPOLLNVAL ((__poll_t)POLLNVAL)
#define EPOLLRDNORM ((__poll_t)POLLRDNORM)
#define EPOLLRDBAND ((__poll_t)POLLRDBAND)
#define EPOLLWRNORM ((__poll_t)POLLWRNORM)
#define EPOLLWRBAND ((__poll_t)POLLWRBAND)
#define EPOLLMSG ((__poll_t)POLLMSG)
#define EPOLLRDHUP ((__poll_t)POLLRDHUP)

typedef struct poll_table_struct {
	void (*_qproc)(struct file *, wait_queue_head_t *,
		       struct poll_table_struct *);
	__poll_t _key; /* events the caller is interested in */
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *q,
			     poll_table *p)
{
	if (p && p->_qproc && q)
		p->_qproc(filp, q, p);
}

static inline void init_poll_funcptr(poll_table *pt,
				     void (*qproc)(struct file *,
						   wait_queue_head_t *,
						   poll_table *))
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

/* Ask a file for its ready events (pt may be NULL). */
static inline __poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op->poll)
		return EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;
	return file->f_op->poll(file, pt);
}

/* fs/select.c */
struct timespec64;
int poll_select_set_timeout(struct timespec64 *to, s64 sec, long nsec);
int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		struct timespec64 *end_time);

#endif /* _LINUX_POLL_H */
