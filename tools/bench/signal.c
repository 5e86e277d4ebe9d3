/*
 * Signals.
 *
 *	sigaction	install a SIGUSR1 handler; ns per call
 *	signal_rt	kill() this process with SIGUSR1: the kernel builds
 *			the signal frame, the handler runs, rt_sigreturn
 *			comes back; ns per round trip
 *
 * kill(), not raise(): musl's raise() blocks every signal around the
 * tkill, three system calls where one will do.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	caught++;
}

static u64 bench_sigaction(u64 iters, void *arg)
{
	struct sigaction sa;
	u64 i, t;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	t = now_ns();
	for (i = 0; i < iters; i++)
		if (sigaction(SIGUSR1, &sa, NULL))
			return bench_error("sigaction: %s", strerror(errno));
	return now_ns() - t;
}

static u64 bench_signal_rt(u64 iters, void *arg)
{
	struct sigaction sa;
	pid_t self = getpid();
	u64 i, t;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL))
		return bench_error("sigaction: %s", strerror(errno));
	caught = 0;
	t = now_ns();
	for (i = 0; i < iters; i++)
		kill(self, SIGUSR1);
	t = now_ns() - t;
	if ((u64)caught != iters)
		return bench_error("%llu signals sent, %llu handled",
				   (unsigned long long)iters,
				   (unsigned long long)caught);
	return t;
}

static const struct bench benches[] = {
	{ .name = "sigaction", .fn = bench_sigaction },
	{ .name = "signal_rt", .fn = bench_signal_rt },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
