#ifndef _VDSO_DATAPAGE_H
#define _VDSO_DATAPAGE_H

/*
 * The vvar page: what the kernel publishes for the vDSO to read the
 * clocks in user mode without a syscall.  The kernel writes it at every
 * timekeeping update under a sequence count (odd while writing); the
 * vDSO retries a read that overlapped a write.  It reads the TSC itself
 * and scales cycles since cycle_last exactly as the kernel's
 * timekeeper does, so both give the same answer.
 *
 * Shared by the kernel and the vDSO (built as user code): fixed-size
 * types only, no kernel headers.
 */

#define VDSO_CLOCKMODE_NONE 0 /* no user-readable clock: use the syscall */
#define VDSO_CLOCKMODE_TSC 1

struct vdso_data {
	unsigned int seq;
	int clock_mode;
	unsigned long long cycle_last; /* TSC at the last update */
	unsigned long long mask;
	unsigned int mult;
	unsigned int shift;
	unsigned long long mono_ns; /* CLOCK_MONOTONIC at cycle_last */
	unsigned long long frac; /* fraction of a ns, << shift */
	long long offs_real; /* REALTIME - MONOTONIC */
	long long offs_boot; /* BOOTTIME - MONOTONIC */
	int tz_minuteswest;
	int tz_dsttime;
};

#endif /* _VDSO_DATAPAGE_H */
