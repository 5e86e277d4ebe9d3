/*
 * The vDSO's clocks: clock_gettime, gettimeofday, time and getcpu
 * answered in user mode from the vvar page and the TSC (see
 * include/vdso/datapage.h).  This file is compiled as position-
 * independent user code into vdso.so, which the kernel maps into every
 * process and announces with AT_SYSINFO_EHDR; libc finds the
 * __vdso_* symbols there.  Whatever the page cannot answer (other
 * clocks, no TSC) falls back to the real syscall.
 */
#include <vdso/datapage.h>

typedef unsigned long long u64;

struct timespec_user {
	long tv_sec;
	long tv_nsec;
};

struct timeval_user {
	long tv_sec;
	long tv_usec;
};

struct timezone_user {
	int tz_minuteswest;
	int tz_dsttime;
};

/* Placed by vdso.lds one page below the vDSO's text. */
extern volatile struct vdso_data vvar_data
	__attribute__((visibility("hidden")));

#define NR_gettimeofday 96
#define NR_time 201
#define NR_clock_gettime 228
#define NR_getcpu 309

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#define NSEC_PER_SEC 1000000000ULL

static long vsyscall2(long nr, long a, long b)
{
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "0"(nr), "D"(a), "S"(b)
		     : "rcx", "r11", "memory");
	return ret;
}

/* lfence keeps rdtsc from running ahead of the seq read. */
static inline u64 rdtsc_ordered(void)
{
	unsigned int lo, hi;

	asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi)::"memory");
	return ((u64)hi << 32) | lo;
}

/*
 * CLOCK_MONOTONIC in ns and the two offsets, read consistently.
 * Returns 0, or -1 if there is no user-readable clock.
 */
static int vdso_read(u64 *mono, long long *offs_real, long long *offs_boot,
		     int coarse)
{
	unsigned int seq;

	do {
		u64 delta = 0;

		seq = vvar_data.seq;
		if (seq & 1) {
			asm volatile("pause");
			continue;
		}
		asm volatile("" ::: "memory");
		if (vvar_data.clock_mode != VDSO_CLOCKMODE_TSC)
			return -1;
		if (!coarse) {
			delta = (rdtsc_ordered() - vvar_data.cycle_last) &
				vvar_data.mask;
			/* Another CPU's TSC a little behind: no time. */
			if (delta > (vvar_data.mask >> 1))
				delta = 0;
		}
		*mono = vvar_data.mono_ns +
			(u64)(((unsigned __int128)delta * vvar_data.mult +
			       vvar_data.frac) >>
			      vvar_data.shift);
		*offs_real = vvar_data.offs_real;
		*offs_boot = vvar_data.offs_boot;
		asm volatile("" ::: "memory");
	} while ((seq & 1) || seq != vvar_data.seq);
	return 0;
}

int __vdso_clock_gettime(int clock, struct timespec_user *ts)
{
	long long offs_real, offs_boot;
	u64 ns;
	int coarse = clock == CLOCK_REALTIME_COARSE ||
		     clock == CLOCK_MONOTONIC_COARSE;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		break;
	default:
		return vsyscall2(NR_clock_gettime, clock, (long)ts);
	}
	if (vdso_read(&ns, &offs_real, &offs_boot, coarse))
		return vsyscall2(NR_clock_gettime, clock, (long)ts);
	if (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)
		ns += offs_real;
	else if (clock == CLOCK_BOOTTIME)
		ns += offs_boot;
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

int __vdso_gettimeofday(struct timeval_user *tv, struct timezone_user *tz)
{
	long long offs_real, offs_boot;
	u64 ns;

	if (vdso_read(&ns, &offs_real, &offs_boot, 0))
		return vsyscall2(NR_gettimeofday, (long)tv, (long)tz);
	if (tv) {
		ns += offs_real;
		tv->tv_sec = ns / NSEC_PER_SEC;
		tv->tv_usec = ns % NSEC_PER_SEC / 1000;
	}
	if (tz) {
		tz->tz_minuteswest = vvar_data.tz_minuteswest;
		tz->tz_dsttime = vvar_data.tz_dsttime;
	}
	return 0;
}

long __vdso_time(long *t)
{
	long long offs_real, offs_boot;
	u64 ns;
	long sec;

	if (vdso_read(&ns, &offs_real, &offs_boot, 1))
		return vsyscall2(NR_time, (long)t, 0);
	sec = (ns + offs_real) / NSEC_PER_SEC;
	if (t)
		*t = sec;
	return sec;
}

/*
 * The CPU number is the limit of a per-CPU GDT descriptor the kernel
 * sets up for user mode (Linux's CPUNODE segment): lsl reads it without
 * a syscall.
 */
#define CPUNODE_SEG (15 * 8 + 3)

long __vdso_getcpu(unsigned *cpu, unsigned *node, void *unused)
{
	unsigned int p;

	asm volatile("lsl %1, %0" : "=r"(p) : "r"(CPUNODE_SEG));
	if (cpu)
		*cpu = p & 0xfff;
	if (node)
		*node = p >> 12;
	return 0;
}

/* The unprefixed names, as Linux's vDSO also exports them. */
int clock_gettime(int, struct timespec_user *)
	__attribute__((weak, alias("__vdso_clock_gettime")));
int gettimeofday(struct timeval_user *, struct timezone_user *)
	__attribute__((weak, alias("__vdso_gettimeofday")));
long time(long *) __attribute__((weak, alias("__vdso_time")));
long getcpu(unsigned *, unsigned *, void *)
	__attribute__((weak, alias("__vdso_getcpu")));
