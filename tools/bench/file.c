/*
 * Files on tmpfs (the bench /init mounts one on /tmp; $TMPDIR wins).
 *
 *	file_create	open(O_CREAT) + write 4 KiB + close + unlink;
 *			files per second
 *	file_read64k	pread() 64 KiB at offset 0 of a file in the page
 *			cache; MiB/s
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define SMALL_FILE 4096
#define READ_SIZE (64 * 1024)

static char buf[READ_SIZE];

static u64 bench_file_create(u64 iters, void *arg)
{
	const char *path = bench_path("create");
	u64 i, t = now_ns();
	int fd;

	for (i = 0; i < iters; i++) {
		fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
		if (fd < 0)
			return bench_error("create %s: %s", path,
					   strerror(errno));
		if (write(fd, buf, SMALL_FILE) != SMALL_FILE) {
			close(fd);
			return bench_error("write 4 KiB: %s", strerror(errno));
		}
		close(fd);
		if (unlink(path))
			return bench_error("unlink %s: %s", path,
					   strerror(errno));
	}
	return now_ns() - t;
}

/* The file to read: filled once, so its pages are in the cache. */
static int cached_file(void)
{
	static int fd = -1;
	const char *path;

	if (fd >= 0)
		return fd;
	path = bench_path("read");
	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	unlink(path);
	memset(buf, 'r', sizeof(buf));
	if (write(fd, buf, READ_SIZE) != READ_SIZE) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static u64 bench_file_read(u64 iters, void *arg)
{
	int fd = cached_file();
	u64 i, t;

	if (fd < 0)
		return bench_error("make a 64 KiB file: %s", strerror(errno));
	t = now_ns();
	for (i = 0; i < iters; i++)
		if (pread(fd, buf, READ_SIZE, 0) != READ_SIZE)
			return bench_error("pread 64 KiB: %s", strerror(errno));
	return now_ns() - t;
}

static const struct bench benches[] = {
	{ .name = "file_create",
	  .fn = bench_file_create,
	  .unit = BENCH_PER_SEC,
	  .rate_unit = "files/s" },
	{ .name = "file_read64k",
	  .fn = bench_file_read,
	  .unit = BENCH_MIBPS,
	  .bytes = READ_SIZE },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
