#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/time64.h>

time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec);

struct itimerval;
/* kernel/time/itimer.c; only ITIMER_REAL. */
int do_getitimer(int which, struct itimerval *value);
int do_setitimer(int which, struct itimerval *value, struct itimerval *ovalue);

#endif /* _LINUX_TIME_H */
