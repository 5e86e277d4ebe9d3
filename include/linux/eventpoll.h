#ifndef _LINUX_EVENTPOLL_H
#define _LINUX_EVENTPOLL_H

/*
 * epoll (fs/eventpoll.c).  A watched file keeps its watches on
 * file->f_ep; the last fput() calls eventpoll_release() to drop them
 * before the file goes.
 */
#include <linux/fs.h>
#include <uapi/linux/eventpoll.h>

void eventpoll_release_file(struct file *file);

/*
 * The last reference to @file is gone: remove it from every epoll set.
 * No one else can add a watch now (that needs a reference), so an
 * unlocked look at f_ep is enough to skip files never watched.
 */
static inline void eventpoll_release(struct file *file)
{
	if (likely(!READ_ONCE(file->f_ep)))
		return;
	eventpoll_release_file(file);
}

bool is_file_epoll(const struct file *f);
int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds);

#endif /* _LINUX_EVENTPOLL_H */
