#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

/* poll(2)'s array element (the POLL* bits are in <linux/poll.h>). */
struct pollfd {
	int fd;
	short events;
	short revents;
};

#endif /* _UAPI_LINUX_POLL_H */
