/*
 * What every benchmark program of tools/bench shares: the clock, the
 * calibration that makes each repetition last long enough, the median of
 * the repetitions and the one line printed per figure:
 *
 *	BENCH <name> <value> <unit>
 *
 * The programs are static Linux binaries (musl-gcc -static).  They run in
 * the `make bench` initramfs on Linnet and on Linux, and on the host for
 * the smoke test.
 */
#ifndef _BENCH_BENCH_H
#define _BENCH_BENCH_H

#include <sched.h>
#include <stdint.h>

typedef uint64_t u64;

/* A body's return value when it could not measure (bench_error()). */
#define BENCH_ERROR UINT64_MAX

/*
 * How a figure is printed, from the median nanoseconds per operation.
 * Costs (smaller is better) and rates (larger is better); report.py
 * turns a rate's ratio around so that < 1 always means Linnet wins.
 */
enum bench_unit {
	BENCH_NS, /* ns per operation */
	BENCH_US, /* us per operation */
	BENCH_MIBPS, /* MiB/s, with bench.bytes per operation */
	BENCH_PER_SEC, /* operations per second ("files/s") */
};

/*
 * A body runs @iters operations and returns the nanoseconds they took,
 * or BENCH_ERROR.  It reads the clock itself, so that setting up (a
 * fork, a mapping) can stay outside the measurement.
 */
typedef u64 (*bench_fn)(u64 iters, void *arg);

struct bench {
	const char *name; /* "null_syscall" */
	bench_fn fn;
	void *arg;
	enum bench_unit unit;
	const char *rate_unit; /* BENCH_PER_SEC: "files/s" */
	u64 bytes; /* BENCH_MIBPS: bytes per operation */
};

u64 now_ns(void);
u64 bench_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *bench_path(const char *name);
const char *bench_sibling(const char *prog);
int pin_to_one_cpu(cpu_set_t *saved);
void unpin_cpu(const cpu_set_t *saved);
int bench_main(int argc, char **argv, const struct bench *table, int n);

#endif /* _BENCH_BENCH_H */
