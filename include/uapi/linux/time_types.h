#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

/* Time structures of the x86_64 syscall ABI (all fields 64-bit). */
#include <linux/types.h>

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;
	struct __kernel_timespec it_value;
};

typedef long __kernel_old_time_t;

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

#endif /* _UAPI_LINUX_TIME_TYPES_H */
