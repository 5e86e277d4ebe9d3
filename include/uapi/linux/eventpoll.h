#ifndef _UAPI_LINUX_EVENTPOLL_H
#define _UAPI_LINUX_EVENTPOLL_H

/* epoll(7)'s ABI: the EPOLL* event bits are the POLL* ones (linux/poll.h). */
#include <linux/types.h>
#include <uapi/linux/fcntl.h>

#define EPOLL_CLOEXEC O_CLOEXEC

#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

/* Flags of epoll_event.events that change how the item is reported. */
#define EPOLLEXCLUSIVE (1U << 28)
#define EPOLLWAKEUP (1U << 29)
#define EPOLLONESHOT (1U << 30)
#define EPOLLET (1U << 31)

/* Packed on x86_64: 12 bytes, data at offset 4. */
struct epoll_event {
	u32 events;
	u64 data;
} __attribute__((packed));

#endif /* _UAPI_LINUX_EVENTPOLL_H */
