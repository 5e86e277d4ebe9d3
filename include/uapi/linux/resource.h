#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

/*
 * getrusage, getpriority, prlimit64, times and sysinfo structures, as
 * the x86_64 ABI lays them out.
 */
#include <linux/types.h>
#include <uapi/linux/time.h>

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_BOTH (-2) /* kernel internal */
#define RUSAGE_THREAD 1

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss; /* KiB */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#define PRIO_MIN (-20)
#define PRIO_MAX 20
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

#define RLIM64_INFINITY (~0ULL)

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

/* times(2), in clock ticks (USER_HZ) */
struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

#define SI_LOAD_SHIFT 16

/* sysinfo(2): 112 bytes */
struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	u16 procs;
	u16 pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

#endif /* _UAPI_LINUX_RESOURCE_H */
