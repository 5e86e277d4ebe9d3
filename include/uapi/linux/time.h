#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

/*
 * Clock ids of clock_gettime(2) and friends, as Linux numbers them.
 * The time syscalls add struct timespec and the rest of this header.
 */
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

#endif /* _UAPI_LINUX_TIME_H */
