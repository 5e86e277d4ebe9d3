/*
 * Virtual memory.
 *
 *	page_fault	write one byte to each page of a fresh 64 MiB
 *			anonymous mapping; ns per fault (the mmap and
 *			munmap are outside the clock)
 *	mmap_munmap	mmap() and munmap() 1 MiB, untouched; ns per pair
 *	cow_fault	after fork(), the child writes to each page of
 *			16 MiB its parent had filled; ns per fault, timed
 *			in the child
 *
 * Linux 6.1 as Debian builds it backs anonymous memory with transparent
 * huge pages ("always"), which would turn 16384 faults into 32: both
 * fault benchmarks ask for small pages with MADV_NOHUGEPAGE (a kernel
 * that rejects the advice has no huge pages to avoid).
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define PAGE 4096
#define FAULT_MAP (64ul << 20)
#define COW_MAP (16ul << 20)
#define MMAP_SIZE (1ul << 20)

static char *map_small_pages(size_t size)
{
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	madvise(p, size, MADV_NOHUGEPAGE);
	return p;
}

/* Write to @pages pages from @p on; ns. */
static u64 touch_pages(char *p, u64 pages)
{
	u64 i, t = now_ns();

	for (i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	return now_ns() - t;
}

static u64 bench_page_fault(u64 iters, void *arg)
{
	u64 n, done = 0, ns = 0;
	char *p;

	while (done < iters) {
		n = iters - done;
		if (n > FAULT_MAP / PAGE)
			n = FAULT_MAP / PAGE;
		p = map_small_pages(FAULT_MAP);
		if (!p)
			return bench_error("mmap 64 MiB: %s", strerror(errno));
		ns += touch_pages(p, n);
		munmap(p, FAULT_MAP);
		done += n;
	}
	return ns;
}

static u64 bench_mmap_munmap(u64 iters, void *arg)
{
	u64 i, t = now_ns();
	void *p;

	for (i = 0; i < iters; i++) {
		p = mmap(NULL, MMAP_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return bench_error("mmap 1 MiB: %s", strerror(errno));
		munmap(p, MMAP_SIZE);
	}
	return now_ns() - t;
}

/*
 * One fork whose child writes to @pages pages of @p and sends back how
 * long that took through a pipe.  Return ns, or BENCH_ERROR.
 */
static u64 cow_round(char *p, u64 pages)
{
	int fds[2];
	pid_t pid;
	u64 ns;

	if (pipe(fds))
		return bench_error("pipe: %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		ns = touch_pages(p, pages);
		_exit(write(fds[1], &ns, sizeof(ns)) == sizeof(ns) ? 0 : 1);
	}
	/* Closed here, so a dead child reads as end-of-file. */
	close(fds[1]);
	if (pid < 0)
		ns = bench_error("fork: %s", strerror(errno));
	else if (read(fds[0], &ns, sizeof(ns)) != sizeof(ns))
		ns = bench_error("the child died before it reported");
	if (pid > 0)
		waitpid(pid, NULL, 0);
	close(fds[0]);
	return ns;
}

static u64 bench_cow_fault(u64 iters, void *arg)
{
	static char *region;
	u64 n, t, done = 0, ns = 0;

	if (!region) {
		region = map_small_pages(COW_MAP);
		if (!region)
			return bench_error("mmap 16 MiB: %s", strerror(errno));
		memset(region, 1, COW_MAP);
	}
	while (done < iters) {
		n = iters - done;
		if (n > COW_MAP / PAGE)
			n = COW_MAP / PAGE;
		t = cow_round(region, n);
		if (t == BENCH_ERROR)
			return t;
		ns += t;
		done += n;
	}
	return ns;
}

static const struct bench benches[] = {
	{ .name = "page_fault", .fn = bench_page_fault },
	{ .name = "mmap_munmap", .fn = bench_mmap_munmap },
	{ .name = "cow_fault", .fn = bench_cow_fault },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
