/*
 * The cheapest system calls: the entry and exit path, a character
 * device, and path lookup on tmpfs.
 *
 *	null_syscall	getppid()
 *	read_devzero	read() of 1 byte from /dev/zero
 *	write_devnull	write() of 1 byte to /dev/null
 *	stat		stat() of a tmpfs file
 *	fstat		fstat() of an open tmpfs file
 *	open_close	open() + close() of a tmpfs file
 *
 * The tmpfs files live in $TMPDIR or /tmp (the bench /init mounts a
 * tmpfs there).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

static u64 bench_getppid(u64 iters, void *arg)
{
	u64 i, t = now_ns();

	for (i = 0; i < iters; i++)
		getppid();
	return now_ns() - t;
}

/* @arg: "/dev/zero" to read from, or "/dev/null" to write to. */
static u64 bench_rw_byte(u64 iters, void *arg)
{
	const char *dev = arg;
	int wr = !strcmp(dev, "/dev/null");
	char c = 0;
	u64 i, t;
	int fd;

	fd = open(dev, wr ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return bench_error("open %s: %s", dev, strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++) {
		if ((wr ? write(fd, &c, 1) : read(fd, &c, 1)) != 1) {
			close(fd);
			return bench_error("%s %s: %s", wr ? "write" : "read",
					   dev, strerror(errno));
		}
	}
	t = now_ns() - t;
	close(fd);
	return t;
}

/* The tmpfs file the path benchmarks look up, made on first use. */
static const char *scratch_file(void)
{
	static const char *made;
	const char *path;
	int fd, n;

	if (made)
		return made;
	path = bench_path("file");
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return NULL;
	n = write(fd, "bench\n", 6);
	close(fd);
	if (n == 6)
		made = path;
	return made;
}

static u64 bench_stat(u64 iters, void *arg)
{
	const char *path = scratch_file();
	struct stat st;
	u64 i, t;

	if (!path)
		return bench_error("create a tmpfs file: %s", strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++)
		if (stat(path, &st))
			return bench_error("stat %s: %s", path,
					   strerror(errno));
	return now_ns() - t;
}

static u64 bench_fstat(u64 iters, void *arg)
{
	const char *path = scratch_file();
	struct stat st;
	u64 i, t;
	int fd;

	if (!path || (fd = open(path, O_RDONLY)) < 0)
		return bench_error("open a tmpfs file: %s", strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++)
		fstat(fd, &st);
	t = now_ns() - t;
	close(fd);
	return t;
}

static u64 bench_open_close(u64 iters, void *arg)
{
	const char *path = scratch_file();
	u64 i, t;
	int fd;

	if (!path)
		return bench_error("create a tmpfs file: %s", strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return bench_error("open %s: %s", path,
					   strerror(errno));
		close(fd);
	}
	return now_ns() - t;
}

static const struct bench benches[] = {
	{ .name = "null_syscall", .fn = bench_getppid },
	{ .name = "read_devzero", .fn = bench_rw_byte, .arg = "/dev/zero" },
	{ .name = "write_devnull", .fn = bench_rw_byte, .arg = "/dev/null" },
	{ .name = "stat", .fn = bench_stat },
	{ .name = "fstat", .fn = bench_fstat },
	{ .name = "open_close", .fn = bench_open_close },
};

int main(int argc, char **argv)
{
	int ret = bench_main(argc, argv, benches,
			     sizeof(benches) / sizeof(benches[0]));

	unlink(bench_path("file"));
	return ret;
}
