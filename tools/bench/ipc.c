/*
 * Context switches and pipes.
 *
 *	ctx_switch_pipe		two processes on one CPU pass a byte back and
 *				forth through two pipes (lmbench's lat_ctx
 *				with 0 KiB of work); ns per switch, i.e.
 *				half a round trip, pipe calls included
 *	ctx_switch_futex	two threads of one process on one CPU take
 *				turns through a futex word; ns per switch
 *				(no address-space change, no pipe)
 *	pipe_lat		the pipe round trip again, unpinned: on -smp 2
 *				the scheduler may place the two processes on
 *				two CPUs and wake across them; ns per round
 *				trip, as lmbench's lat_pipe
 *	pipe_bw			a child writes 64 KiB chunks into a pipe, the
 *				parent reads them; MiB/s
 *
 * Pinning uses sched_setaffinity(); a kernel without it is measured
 * unpinned.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* <linux/futex.h>'s values; musl-gcc sees no kernel headers. */
#define FUTEX_WAIT_PRIVATE (0 | 128)
#define FUTEX_WAKE_PRIVATE (1 | 128)

#define CHUNK (64 * 1024)

static char chunk[CHUNK];

/* -- pipe ping-pong ------------------------------------------------------- */

/* The child's half: echo each byte until the parent closes its end. */
static void echo_child(int in, int out)
{
	char c;

	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			break;
	_exit(0);
}

/* Time @iters round trips of one byte, out through @out, back by @in. */
static u64 time_round_trips(int out, int in, u64 iters)
{
	u64 i, t = now_ns();
	char c = 'x';

	for (i = 0; i < iters; i++)
		if (write(out, &c, 1) != 1 || read(in, &c, 1) != 1)
			return bench_error("pipe ping-pong: %s",
					   strerror(errno));
	return now_ns() - t;
}

/* @iters round trips between this process and a child; ns. */
static u64 ping_pong(u64 iters)
{
	int down[2], up[2];
	pid_t pid;
	u64 t;

	if (pipe(down))
		return bench_error("pipe: %s", strerror(errno));
	if (pipe(up)) {
		t = bench_error("pipe: %s", strerror(errno));
		goto out_close_down;
	}
	pid = fork();
	if (pid < 0) {
		t = bench_error("fork: %s", strerror(errno));
		goto out_close_up;
	}
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		echo_child(down[0], up[1]);
	}
	t = time_round_trips(down[1], up[0], iters);
	/* The child reads end-of-file and exits. */
	close(down[1]);
	down[1] = -1;
	waitpid(pid, NULL, 0);
out_close_up:
	close(up[0]);
	close(up[1]);
out_close_down:
	close(down[0]);
	if (down[1] >= 0)
		close(down[1]);
	return t;
}

static u64 bench_ctx_pipe(u64 iters, void *arg)
{
	cpu_set_t saved;
	int pinned = pin_to_one_cpu(&saved) == 0;
	u64 ns;

	/* One round trip is two switches. */
	ns = ping_pong((iters + 1) / 2);
	if (pinned)
		unpin_cpu(&saved);
	return ns;
}

static u64 bench_pipe_lat(u64 iters, void *arg)
{
	return ping_pong(iters);
}

/* -- futex ping-pong ------------------------------------------------------ */

/*
 * turn says who runs: 0 the main thread, 1 the partner.  Each side sets
 * the other's value, wakes it, and sleeps until the value is its own
 * again; on one CPU every hand-over is one switch.
 */
static atomic_int turn;
static atomic_int stop;

static void futex_wait(atomic_int *word, int val)
{
	syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

static void futex_wake(atomic_int *word)
{
	syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* Hand the turn to @to and sleep until it comes back as @mine. */
static void hand_over(int to, int mine)
{
	atomic_store(&turn, to);
	futex_wake(&turn);
	while (atomic_load(&turn) != mine)
		futex_wait(&turn, to);
}

static void *partner(void *unused)
{
	while (atomic_load(&turn) != 1)
		futex_wait(&turn, 0);
	while (!atomic_load(&stop))
		hand_over(0, 1);
	return NULL;
}

static u64 bench_ctx_futex(u64 iters, void *arg)
{
	cpu_set_t saved;
	int pinned = pin_to_one_cpu(&saved) == 0;
	pthread_t th;
	u64 i, t;
	int err;

	atomic_store(&turn, 0);
	atomic_store(&stop, 0);
	err = pthread_create(&th, NULL, partner, NULL);
	if (err) {
		if (pinned)
			unpin_cpu(&saved);
		return bench_error("pthread_create: %s", strerror(err));
	}
	t = now_ns();
	for (i = 0; i < (iters + 1) / 2; i++)
		hand_over(1, 0);
	t = now_ns() - t;
	atomic_store(&stop, 1);
	atomic_store(&turn, 1);
	futex_wake(&turn);
	pthread_join(th, NULL);
	if (pinned)
		unpin_cpu(&saved);
	return t;
}

/* -- pipe bandwidth ------------------------------------------------------- */

/* Write chunks until the reader goes away (EPIPE). */
static void writer_child(int out)
{
	signal(SIGPIPE, SIG_IGN);
	while (write(out, chunk, CHUNK) > 0)
		;
	_exit(0);
}

/* Read exactly CHUNK bytes; 0 on success. */
static int read_chunk(int in)
{
	size_t got = 0;
	ssize_t n;

	while (got < CHUNK) {
		n = read(in, chunk + got, CHUNK - got);
		if (n <= 0)
			return -1;
		got += n;
	}
	return 0;
}

static u64 bench_pipe_bw(u64 iters, void *arg)
{
	u64 i, t;
	int p[2];
	pid_t pid;

	if (pipe(p))
		return bench_error("pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return bench_error("fork: %s", strerror(errno));
	}
	if (pid == 0) {
		close(p[0]);
		writer_child(p[1]);
	}
	close(p[1]);
	t = now_ns();
	for (i = 0; i < iters; i++)
		if (read_chunk(p[0]))
			break;
	t = i < iters ? bench_error("pipe read: %s", strerror(errno)) :
			now_ns() - t;
	close(p[0]);
	waitpid(pid, NULL, 0);
	return t;
}

static const struct bench benches[] = {
	{ .name = "ctx_switch_pipe", .fn = bench_ctx_pipe },
	{ .name = "ctx_switch_futex", .fn = bench_ctx_futex },
	{ .name = "pipe_lat", .fn = bench_pipe_lat },
	{ .name = "pipe_bw",
	  .fn = bench_pipe_bw,
	  .unit = BENCH_MIBPS,
	  .bytes = CHUNK },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
