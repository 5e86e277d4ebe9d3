#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

typedef s64 time64_t;
typedef s64 ktime_t;
typedef int clockid_t;

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L

#define TIME64_MAX ((s64) ~((u64)1 << 63))

/* A point in time or a duration: seconds and nanoseconds (< 1e9). */
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	return (s64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* Floor division: a negative @nsec gives tv_nsec in [0, 1e9) too. */
static inline struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts;
	s64 rem = nsec % NSEC_PER_SEC;

	ts.tv_sec = nsec / NSEC_PER_SEC;
	if (rem < 0) {
		ts.tv_sec--;
		rem += NSEC_PER_SEC;
	}
	ts.tv_nsec = rem;
	return ts;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       ts->tv_nsec < NSEC_PER_SEC;
}

/* <0, 0 or >0 as @a is before, equal to or after @b. */
static inline int timespec64_compare(const struct timespec64 *a,
				     const struct timespec64 *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

#endif /* _LINUX_TIME64_H */
