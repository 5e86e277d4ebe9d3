/*
 * Making processes.
 *
 *	fork_exit	fork(); the child _exit()s; the parent waitpid()s
 *	fork_exec	the same, the child execve()s the static hello
 *	sh_c		posix_spawn() of "/bin/sh -c hello", then waitpid()
 *
 * hello is found beside this program (bench_sibling()); its output goes
 * to /dev/null.  musl's posix_spawn() is clone(CLONE_VM | CLONE_VFORK)
 * and an exec of busybox sh, which execs hello in turn.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

static int devnull = -1;

static int open_devnull(void)
{
	if (devnull < 0)
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	return devnull;
}

/* Wait for @pid; 0 when it exited with status 0. */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static const char *hello_path(void)
{
	static const char *path;

	if (!path)
		path = bench_sibling("hello");
	return path;
}

/* The child's half of bench_fork(): exec @prog, or exit if it is NULL. */
static void child(const char *prog)
{
	char *argv[] = { (char *)prog, NULL };

	if (prog) {
		dup2(devnull, 1);
		execve(prog, argv, environ);
		_exit(127);
	}
	_exit(0);
}

/* @arg: NULL for fork+exit, non-NULL for fork+execve(hello). */
static u64 bench_fork(u64 iters, void *arg)
{
	const char *prog = arg ? hello_path() : NULL;
	u64 i, t;
	pid_t pid;

	if (open_devnull() < 0)
		return bench_error("open /dev/null: %s", strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++) {
		pid = fork();
		if (pid < 0)
			return bench_error("fork: %s", strerror(errno));
		if (pid == 0)
			child(prog);
		if (reap(pid))
			return bench_error("%s failed in the child",
					   prog ? prog : "_exit(0)");
	}
	return now_ns() - t;
}

static u64 bench_sh_c(u64 iters, void *arg)
{
	char *argv[] = { "sh", "-c", (char *)hello_path(), NULL };
	posix_spawn_file_actions_t fa;
	u64 i, t;
	pid_t pid;
	int err = 0;

	if (open_devnull() < 0)
		return bench_error("open /dev/null: %s", strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, devnull, 1);
	t = now_ns();
	for (i = 0; i < iters && !err; i++) {
		err = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
		if (!err && reap(pid))
			err = -1;
	}
	t = now_ns() - t;
	posix_spawn_file_actions_destroy(&fa);
	if (err > 0)
		return bench_error("posix_spawn /bin/sh: %s", strerror(err));
	if (err)
		return bench_error("/bin/sh -c %s failed", argv[2]);
	return t;
}

static const struct bench benches[] = {
	{ .name = "fork_exit", .fn = bench_fork, .unit = BENCH_US },
	{ .name = "fork_exec",
	  .fn = bench_fork,
	  .arg = "exec",
	  .unit = BENCH_US },
	{ .name = "sh_c", .fn = bench_sh_c, .unit = BENCH_US },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
