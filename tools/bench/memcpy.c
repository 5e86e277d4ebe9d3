/*
 * The control: memcpy() of 64 MiB in user space, MiB/s.  The kernel
 * takes no part once the buffers are faulted in, so Linnet/Linux should
 * be 1.0; if it is not, the difference is in how the run was set up
 * (page sizes, where the buffers landed), not in system calls.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define COPY_SIZE (64ul << 20)

static u64 bench_memcpy(u64 iters, void *arg)
{
	static char *src, *dst;
	u64 i, t;

	if (!src) {
		src = malloc(COPY_SIZE);
		dst = malloc(COPY_SIZE);
		if (!src || !dst)
			return bench_error("malloc 64 MiB: %s",
					   strerror(errno));
		memset(src, 's', COPY_SIZE);
		memset(dst, 'd', COPY_SIZE);
	}
	t = now_ns();
	for (i = 0; i < iters; i++) {
		memcpy(dst, src, COPY_SIZE);
		/* Keep the compiler from dropping or merging the copies. */
		__asm__ volatile("" : : "r"(dst) : "memory");
	}
	return now_ns() - t;
}

static const struct bench benches[] = {
	{ .name = "memcpy_bw",
	  .fn = bench_memcpy,
	  .unit = BENCH_MIBPS,
	  .bytes = COPY_SIZE },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, benches,
			  sizeof(benches) / sizeof(benches[0]));
}
