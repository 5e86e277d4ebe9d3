#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

/*
 * Clock ids of clock_gettime(2) and friends, and the time structures of
 * the syscalls, as Linux numbers and lays them out for x86_64.
 */
#include <linux/types.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11
#define MAX_CLOCKS 16

/* clock_nanosleep flags */
#define TIMER_ABSTIME 0x01

/* setitimer(2) */
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct itimerval {
	struct timeval it_interval; /* period, or 0 for one shot */
	struct timeval it_value; /* until the next expiry; 0 = disarmed */
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#endif /* _UAPI_LINUX_TIME_H */
