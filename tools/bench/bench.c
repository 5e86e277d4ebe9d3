/*
 * The measuring loop every tools/bench program shares (see bench.h).
 *
 * For each benchmark: calibrate, by growing the iteration count until
 * one run lasts an eighth of the target time, and scale the count to the
 * target plus a tenth; then run the repetitions, each of which must last
 * at least the target (a shorter one, after a lucky stretch, is run again
 * with a larger count); print the median of the per-operation times.
 * The calibration runs double as the warm-up.
 *
 * usage: PROG [-t SECONDS] [-r REPS] [-l] [NAME...]
 *	-t	minimum time of one repetition (default 0.2)
 *	-r	repetitions, the median is reported (default 5)
 *	-l	list the benchmarks and exit
 *	NAME	run only these benchmarks
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define DEFAULT_TARGET_NS 200000000ull
#define DEFAULT_REPS 5
#define MAX_REPS 99
#define MAX_RETRIES 5
/* Past this count a clock that has not moved is broken, not fast. */
#define MAX_ITERS (1ull << 40)

static u64 target_ns = DEFAULT_TARGET_NS;
static int reps = DEFAULT_REPS;
static const char *argv0 = "";
static char errmsg[256];

/**
 * now_ns() - CLOCK_MONOTONIC in nanoseconds.
 *
 * Under `-icount shift=0` this is the guest's instruction count; under
 * plain TCG it follows the host's clock.
 */
u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

/**
 * bench_error() - record why a body could not measure.
 * @fmt: printf format of the reason
 *
 * Return: BENCH_ERROR, so that a body can `return bench_error(...)`.
 */
u64 bench_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errmsg, sizeof(errmsg), fmt, ap);
	va_end(ap);
	return BENCH_ERROR;
}

/**
 * bench_path() - a scratch file name of this process, in $TMPDIR or /tmp.
 * @name: what the file is for ("stat")
 *
 * Return: a string that lives until the program exits.
 */
const char *bench_path(const char *name)
{
	const char *dir = getenv("TMPDIR");
	char *path;

	if (!dir || !*dir)
		dir = "/tmp";
	if (asprintf(&path, "%s/bench.%d.%s", dir, (int)getpid(), name) < 0)
		abort();
	return path;
}

/**
 * bench_sibling() - the path of another program in this program's folder.
 * @prog: its file name ("hello")
 */
const char *bench_sibling(const char *prog)
{
	const char *slash = strrchr(argv0, '/');
	int len = slash ? (int)(slash - argv0) : 1;
	char *path;

	if (asprintf(&path, "%.*s/%s", len, slash ? argv0 : ".", prog) < 0)
		abort();
	return path;
}

/**
 * pin_to_one_cpu() - keep this task (and what it forks or creates from
 * now on) on the first CPU it may use.
 * @saved: filled with the affinity to give back through unpin_cpu()
 *
 * Return: 0, or -errno when the kernel has no affinity calls (the caller
 * measures unpinned then).
 */
int pin_to_one_cpu(cpu_set_t *saved)
{
	cpu_set_t one;
	int cpu;

	if (sched_getaffinity(0, sizeof(*saved), saved))
		return -errno;
	for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, saved); cpu++)
		;
	CPU_ZERO(&one);
	CPU_SET(cpu < CPU_SETSIZE ? cpu : 0, &one);
	if (sched_setaffinity(0, sizeof(one), &one))
		return -errno;
	return 0;
}

/**
 * unpin_cpu() - undo pin_to_one_cpu().
 * @saved: the affinity it saved
 */
void unpin_cpu(const cpu_set_t *saved)
{
	sched_setaffinity(0, sizeof(*saved), saved);
}

/* How many iterations take @want ns, when @iters took @ns. */
static u64 scale_iters(u64 iters, u64 ns, u64 want)
{
	long double n = (long double)iters * want / (ns ? ns : 1) + 1;

	if (n > MAX_ITERS)
		return MAX_ITERS;
	return (u64)n > iters ? (u64)n : iters + 1;
}

/* The count for one repetition, or 0 when the body failed. */
static u64 calibrate(const struct bench *b)
{
	u64 iters = 1;
	u64 ns;

	for (;;) {
		ns = b->fn(iters, b->arg);
		if (ns == BENCH_ERROR)
			return 0;
		if (ns >= target_ns / 8)
			break;
		if (iters >= MAX_ITERS) {
			bench_error("the clock does not advance");
			return 0;
		}
		iters *= ns < target_ns / 64 ? 8 : 2;
	}
	return scale_iters(iters, ns, target_ns + target_ns / 10);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void print_figure(const struct bench *b, double ns_per_op)
{
	const char *unit = "ns";
	double v = ns_per_op;

	switch (b->unit) {
	case BENCH_NS:
		break;
	case BENCH_US:
		v = ns_per_op / 1e3;
		unit = "us";
		break;
	case BENCH_MIBPS:
		v = b->bytes / (ns_per_op / 1e9) / (1024.0 * 1024.0);
		unit = "MiB/s";
		break;
	case BENCH_PER_SEC:
		v = 1e9 / ns_per_op;
		unit = b->rate_unit;
		break;
	}
	printf("BENCH %s %.*f %s\n", b->name, v >= 100 ? 1 : 3, v, unit);
	fflush(stdout);
}

/* One repetition of at least target_ns; ns per operation, or < 0. */
static double repetition(const struct bench *b, u64 *iters)
{
	u64 ns = 0;
	int tries;

	for (tries = 0; tries <= MAX_RETRIES; tries++) {
		ns = b->fn(*iters, b->arg);
		if (ns == BENCH_ERROR)
			return -1;
		if (ns >= target_ns)
			break;
		*iters = scale_iters(*iters, ns, target_ns + target_ns / 10);
	}
	return (double)ns / *iters;
}

static int run_bench(const struct bench *b)
{
	double per_op[MAX_REPS];
	u64 iters;
	int i;

	errmsg[0] = '\0';
	iters = calibrate(b);
	for (i = 0; iters && i < reps; i++) {
		per_op[i] = repetition(b, &iters);
		if (per_op[i] < 0)
			iters = 0;
	}
	if (!iters) {
		printf("BENCH_FAIL %s %s\n", b->name,
		       errmsg[0] ? errmsg : "failed");
		fflush(stdout);
		return 1;
	}
	print_figure(b, median(per_op, reps));
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: %s [-t SECONDS] [-r REPS] [-l] [NAME...]\n",
		argv0);
	return 2;
}

static int parse_options(int argc, char **argv)
{
	double secs;
	int c;

	while ((c = getopt(argc, argv, "t:r:l")) != -1) {
		switch (c) {
		case 't':
			secs = strtod(optarg, NULL);
			if (!(secs > 0 && secs < 1000))
				return usage();
			target_ns = (u64)(secs * 1e9);
			break;
		case 'r':
			reps = atoi(optarg);
			if (reps < 1 || reps > MAX_REPS)
				return usage();
			break;
		case 'l':
			return -1;
		default:
			return usage();
		}
	}
	return 0;
}

static const struct bench *find_bench(const char *name,
				      const struct bench *table, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(table[i].name, name))
			return &table[i];
	return NULL;
}

/*
 * Address-space randomization places the stack and the mappings anew on
 * every run, and with them changes how many page tables a fork() copies:
 * fork_exit moved by 2% between two icount boots of Linux.  So run with
 * the layout fixed: turn randomization off and exec ourselves once more
 * (what we exec inherits it).  A kernel without personality() simply
 * has nothing to randomize.
 */
static void fix_address_space_layout(char **argv)
{
	int persona = personality(0xffffffff);

	if (persona == -1 || (persona & ADDR_NO_RANDOMIZE))
		return;
	if (personality(persona | ADDR_NO_RANDOMIZE) == -1)
		return;
	execv(argv[0], argv);
	/* Not a path we can exec (found through $PATH): stay randomized. */
}

/**
 * bench_main() - a benchmark program's main: options, then each chosen
 * benchmark of @table in turn.
 * @argc, @argv: main's
 * @table: the program's benchmarks
 * @n: how many
 *
 * Return: the exit status: 0, 1 if a benchmark failed, 2 on bad usage.
 */
int bench_main(int argc, char **argv, const struct bench *table, int n)
{
	const struct bench *b;
	int err, i, failed = 0;

	fix_address_space_layout(argv);
	argv0 = argv[0];
	setvbuf(stdout, NULL, _IOLBF, 0);
	err = parse_options(argc, argv);
	if (err < 0) {
		for (i = 0; i < n; i++)
			printf("%s\n", table[i].name);
		return 0;
	}
	if (err)
		return err;
	if (optind == argc) {
		for (i = 0; i < n; i++)
			failed |= run_bench(&table[i]);
		return failed;
	}
	for (i = optind; i < argc; i++) {
		b = find_bench(argv[i], table, n);
		if (!b) {
			fprintf(stderr, "%s: no benchmark %s\n", argv0,
				argv[i]);
			return 2;
		}
		failed |= run_bench(b);
	}
	return failed;
}
