/*
 * The address space: mmap/munmap/mprotect/mremap/brk/madvise, fault
 * signals with their si_code and si_addr, stack growth up to
 * RLIMIT_STACK, memory returned after exit, file mappings, COW sharing.
 */
#include "ut_util.h"
#include <setjmp.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#define PG 4096UL

/* -- fault probing: touch an address in a child, report the signal -------- */

struct fault {
	int signo, code;
	void *addr;
	long depth;
};

static struct fault *fr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	fr->signo = sig;
	fr->code = si->si_code;
	fr->addr = si->si_addr;
	_exit(0);
}

static void catch_faults(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

/* Read (or write) one byte at @addr in a child: the signal it got, or 0. */
static struct fault probe(void *addr, int write)
{
	pid_t pid;
	int code;

	memset(fr, 0, sizeof(*fr));
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		catch_faults();
		if (write)
			*(volatile char *)addr = 1;
		else
			(void)*(volatile char *)addr;
		_exit(0);
	}
	code = ut_wait_code(pid);
	UT_ASSERT_EQ(code, 0);
	return *fr;
}

#define EXPECT_FAULT(where, write, sig, si_code)            \
	do {                                                \
		struct fault _f = probe((where), (write));  \
		UT_EXPECT_EQ(_f.signo, sig);                \
		UT_EXPECT_EQ(_f.code, si_code);             \
		UT_EXPECT_EQ((long)_f.addr, (long)(where)); \
	} while (0)
#define EXPECT_NO_FAULT(where, write) \
	UT_EXPECT_EQ(probe((where), (write)).signo, 0)

static char *map_anon(size_t len, int prot)
{
	char *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	UT_ASSERT(p != MAP_FAILED);
	return p;
}

/* -- cases --------------------------------------------------------------- */

UTEST(mmap_anonymous_is_zeroed_and_writable)
{
	char *p = map_anon(16 * PG, PROT_READ | PROT_WRITE);
	size_t i;

	UT_EXPECT_EQ((unsigned long)p % PG, 0);
	for (i = 0; i < 16 * PG; i++)
		if (p[i])
			break;
	UT_EXPECT_EQ(i, 16 * PG);
	memset(p, 0x5a, 16 * PG);
	UT_EXPECT_EQ(p[16 * PG - 1], 0x5a);
	UT_EXPECT_EQ(munmap(p, 16 * PG), 0);
}

UTEST(mmap_bad_arguments)
{
	char *p = map_anon(PG, PROT_READ);

	UT_EXPECT(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0) == MAP_FAILED &&
		  errno == EINVAL);
	UT_EXPECT(mmap(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0) ==
			  MAP_FAILED &&
		  errno == EINVAL);
	UT_EXPECT(mmap(p + 1, PG, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		       0) == MAP_FAILED &&
		  errno == EINVAL);
	UT_EXPECT(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 1000, 0) ==
			  MAP_FAILED &&
		  errno == EBADF);
	UT_EXPECT(mmap(NULL, -PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0) == MAP_FAILED &&
		  errno == ENOMEM);
	UT_EXPECT_ERRNO(munmap(p + 1, PG), EINVAL);
	UT_EXPECT_ERRNO(munmap(p, 0), EINVAL);
	/* (musl's mprotect rounds the start down: use the raw call) */
	UT_EXPECT_ERRNO(syscall(SYS_mprotect, p + 1, PG, PROT_READ), EINVAL);
	UT_EXPECT_ERRNO(mprotect(ut_unmapped(), PG, PROT_READ), ENOMEM);
	UT_EXPECT_ERRNO(madvise(p, PG, 12345), EINVAL);
}

UTEST(munmap_middle_splits_the_mapping)
{
	char *p = map_anon(3 * PG, PROT_READ | PROT_WRITE);

	memset(p, 1, 3 * PG);
	UT_ASSERT_EQ(munmap(p + PG, PG), 0);
	EXPECT_NO_FAULT(p, 1);
	EXPECT_NO_FAULT(p + 2 * PG, 1);
	EXPECT_FAULT(p + PG + 8, 0, SIGSEGV, SEGV_MAPERR);
	UT_EXPECT_EQ(p[2 * PG], 1);
	/* Unmapping a range that holds holes is fine. */
	UT_EXPECT_EQ(munmap(p, 3 * PG), 0);
	EXPECT_FAULT(p, 0, SIGSEGV, SEGV_MAPERR);
}

UTEST(prot_none_access_gives_segv_accerr_with_address)
{
	char *p = map_anon(2 * PG, PROT_NONE);

	EXPECT_FAULT(p + 100, 0, SIGSEGV, SEGV_ACCERR);
	EXPECT_FAULT(p + PG + 3, 1, SIGSEGV, SEGV_ACCERR);
}

UTEST(write_to_read_only_gives_segv_accerr)
{
	char *p = map_anon(PG, PROT_READ);

	EXPECT_NO_FAULT(p, 0);
	EXPECT_FAULT(p + 5, 1, SIGSEGV, SEGV_ACCERR);
}

UTEST(unmapped_access_gives_segv_maperr)
{
	char *u = ut_unmapped();

	EXPECT_FAULT(u + 17, 0, SIGSEGV, SEGV_MAPERR);
	EXPECT_FAULT(u + 17, 1, SIGSEGV, SEGV_MAPERR);
	EXPECT_FAULT((char *)16, 0, SIGSEGV, SEGV_MAPERR);
	/* A kernel address from user mode: SIGSEGV, never a kernel read. */
	UT_EXPECT_EQ(probe(UT_KERNEL_PTR, 0).signo, SIGSEGV);
}

UTEST(mprotect_changes_and_splits_permissions)
{
	char *p = map_anon(3 * PG, PROT_READ | PROT_WRITE);

	memset(p, 7, 3 * PG);
	UT_ASSERT_EQ(mprotect(p + PG, PG, PROT_READ), 0);
	EXPECT_NO_FAULT(p, 1);
	EXPECT_FAULT(p + PG, 1, SIGSEGV, SEGV_ACCERR);
	EXPECT_NO_FAULT(p + 2 * PG, 1);
	UT_EXPECT_EQ(p[PG], 7); /* contents kept */
	UT_ASSERT_EQ(mprotect(p, 3 * PG, PROT_NONE), 0);
	EXPECT_FAULT(p + 2 * PG, 0, SIGSEGV, SEGV_ACCERR);
	UT_ASSERT_EQ(mprotect(p, 3 * PG, PROT_READ | PROT_WRITE), 0);
	UT_EXPECT_EQ(p[2 * PG], 7);
	UT_EXPECT_ERRNO(mprotect(p, PG, 0x100), EINVAL);
}

UTEST(map_fixed_replaces_existing_pages)
{
	char *p = map_anon(3 * PG, PROT_READ | PROT_WRITE), *q;

	memset(p, 'a', 3 * PG);
	q = mmap(p + PG, PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	UT_ASSERT(q == p + PG);
	UT_EXPECT_EQ(p[0], 'a');
	UT_EXPECT_EQ(q[0], 0);
	UT_EXPECT_EQ(p[2 * PG], 'a');
}

UTEST(map_fixed_noreplace_fails_with_eexist)
{
	char *p = map_anon(2 * PG, PROT_READ | PROT_WRITE), *q;

	p[0] = 'k';
	q = mmap(p, PG, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	UT_EXPECT(q == MAP_FAILED);
	UT_EXPECT_EQ(errno, EEXIST);
	UT_EXPECT_EQ(p[0], 'k');
	/* A free range is taken at exactly that address. */
	UT_ASSERT_EQ(munmap(p + PG, PG), 0);
	q = mmap(p + PG, PG, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	UT_EXPECT(q == p + PG);
}

UTEST(map_populate_makes_pages_resident)
{
	size_t n = 32, i, resident = 0;
	unsigned char vec[32];
	char *p = mmap(NULL, n * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	UT_ASSERT(p != MAP_FAILED);
	UT_ASSERT_EQ(mincore(p, n * PG, vec), 0);
	for (i = 0; i < n; i++)
		resident += vec[i] & 1;
	UT_EXPECT_EQ(resident, n);
	UT_EXPECT_ERRNO(mincore(ut_unmapped(), PG, vec), ENOMEM);
}

UTEST(madvise_dontneed_zeroes_anonymous_pages)
{
	char *p = map_anon(4 * PG, PROT_READ | PROT_WRITE);

	memset(p, 0x33, 4 * PG);
	UT_ASSERT_EQ(madvise(p + PG, 2 * PG, MADV_DONTNEED), 0);
	UT_EXPECT_EQ(p[0], 0x33);
	UT_EXPECT_EQ(p[PG], 0);
	UT_EXPECT_EQ(p[3 * PG - 1], 0);
	UT_EXPECT_EQ(p[3 * PG], 0x33);
	/* The range stays mapped and usable. */
	p[PG] = 1;
	UT_EXPECT_EQ(p[PG], 1);
}

UTEST(mremap_grows_shrinks_and_moves_keeping_data)
{
	char *p = map_anon(2 * PG, PROT_READ | PROT_WRITE), *q, *fixed;

	memset(p, 'm', 2 * PG);
	q = mremap(p, 2 * PG, 64 * PG, MREMAP_MAYMOVE);
	UT_ASSERT(q != MAP_FAILED);
	UT_EXPECT_EQ(q[2 * PG - 1], 'm');
	UT_EXPECT_EQ(q[2 * PG], 0); /* the new part is zero */
	q[63 * PG] = 'e';
	/* Shrinking in place keeps the address. */
	UT_EXPECT(mremap(q, 64 * PG, PG, 0) == q);
	UT_EXPECT_EQ(q[0], 'm');
	EXPECT_FAULT(q + PG, 0, SIGSEGV, SEGV_MAPERR);
	/* MREMAP_FIXED moves to a chosen address, unmapping the old one. */
	fixed = map_anon(PG, PROT_READ);
	q = mremap(q, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, fixed);
	UT_ASSERT(q == fixed);
	UT_EXPECT_EQ(fixed[0], 'm');
	UT_EXPECT(mremap(q, PG, PG, 0x40) == MAP_FAILED && errno == EINVAL);
	UT_EXPECT(mremap(q + 1, PG, PG, 0) == MAP_FAILED && errno == EINVAL);
	/* Without MAYMOVE, growing needs the next pages free ... */
	p = map_anon(3 * PG, PROT_READ | PROT_WRITE);
	UT_ASSERT_EQ(munmap(p + PG, 2 * PG), 0);
	UT_EXPECT(mremap(p, PG, 3 * PG, 0) == p);
	UT_EXPECT_EQ(p[3 * PG - 1], 0);
	/* ... and fails with ENOMEM when they are taken. */
	UT_ASSERT_EQ(mprotect(p + 2 * PG, PG, PROT_READ), 0);
	UT_EXPECT(mremap(p, 2 * PG, 3 * PG, 0) == MAP_FAILED &&
		  errno == ENOMEM);
}

UTEST(brk_grows_and_shrinks_the_heap)
{
	unsigned long cur = syscall(SYS_brk, 0), got;
	char *heap;

	UT_ASSERT(cur > 0);
	got = syscall(SYS_brk, cur + 64 * PG);
	UT_ASSERT_EQ(got, cur + 64 * PG);
	heap = (char *)((cur + PG - 1) & ~(PG - 1));
	UT_EXPECT_EQ(heap[0], 0);
	memset(heap, 1, 32 * PG);
	UT_EXPECT_EQ(syscall(SYS_brk, 0), cur + 64 * PG);
	/* Shrinking gives the pages back. */
	UT_EXPECT_EQ(syscall(SYS_brk, cur), cur);
	EXPECT_FAULT(heap + 16 * PG, 0, SIGSEGV, SEGV_MAPERR);
	/* An impossible break leaves it unchanged. */
	UT_EXPECT_EQ(syscall(SYS_brk, 0x10), cur);
	UT_EXPECT_EQ(syscall(SYS_brk, 0x7ffffffff000UL * 2), cur);
}

static volatile long rec_depth;

#pragma GCC diagnostic ignored "-Winfinite-recursion"
__attribute__((noinline)) static long recurse(long n)
{
	volatile char frame[1024];

	frame[0] = (char)n;
	rec_depth = n;
	return recurse(n + 1) + frame[0];
}

static void on_stack_overflow(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	fr->signo = sig;
	fr->code = si->si_code;
	fr->depth = rec_depth;
	_exit(0);
}

UTEST(stack_growth_stops_at_rlimit_stack_with_sigsegv)
{
	pid_t pid;

	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 1 << 20, 1 << 20 };
		stack_t ss;
		struct sigaction sa;

		ss.ss_sp = malloc(64 * 1024);
		ss.ss_size = 64 * 1024;
		ss.ss_flags = 0;
		if (!ss.ss_sp || sigaltstack(&ss, NULL))
			_exit(2);
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_stack_overflow;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
		sigaction(SIGSEGV, &sa, NULL);
		if (setrlimit(RLIMIT_STACK, &rl))
			_exit(3);
		recurse(0);
		_exit(4);
	}
	UT_ASSERT_EQ(ut_wait_code(pid), 0);
	UT_EXPECT_EQ(fr->signo, SIGSEGV);
	/* The stack grew to about 1 MiB (minus what was in use), no more. */
	UT_EXPECT_GE(fr->depth, 512);
	UT_EXPECT(fr->depth <= 1100);
}

static long free_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return -1;
	return (long)si.freeram * si.mem_unit;
}

/* One try of the 256 MiB test: 1 if free memory dropped and came back. */
static int map_touch_once(long size, long slack)
{
	long before, during, after = 0;
	int tries, c2p[2], p2c[2];
	char b;
	pid_t pid;

	UT_ASSERT_EQ(pipe(c2p), 0);
	UT_ASSERT_EQ(pipe(p2c), 0);
	before = free_bytes();
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(1);
		for (long off = 0; off < size; off += PG)
			p[off] = 1;
		write(c2p[1], "t", 1);
		read(p2c[0], &b, 1);
		_exit(0); /* exit unmaps it */
	}
	UT_ASSERT_EQ(read(c2p[0], &b, 1), 1);
	during = free_bytes();
	write(p2c[1], "x", 1);
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	/* Freeing may be deferred a little: poll for up to a second. */
	for (tries = 0; tries < 50; tries++) {
		after = free_bytes();
		if (after > before - slack)
			break;
		usleep(20000);
	}
	close(c2p[0]);
	close(c2p[1]);
	close(p2c[0]);
	close(p2c[1]);
	printf("    # free MiB: %ld before, %ld with 256 MiB touched, %ld "
	       "after exit\n",
	       before >> 20, during >> 20, after >> 20);
	/* The touched pages were really taken, and all came back. */
	return before - during > size - slack && after > before - slack;
}

UTEST(map_touch_256mib_then_exit_returns_every_page)
{
	const long size = 256L << 20, slack = 24L << 20;
	int i;

	if (free_bytes() < size + (64L << 20))
		UT_SKIP("less than 320 MiB free");
	if (ut_in_test_vm()) {
		UT_EXPECT(map_touch_once(size, slack));
		return;
	}
	for (i = 0; i < 3; i++)
		if (map_touch_once(size, slack))
			return;
	UT_SKIP("free memory does not follow our pages on this shared host");
}

UTEST(rlimit_as_limits_mmap)
{
	struct rlimit rl = { 64L << 20, RLIM_INFINITY };

	UT_ASSERT_EQ(setrlimit(RLIMIT_AS, &rl), 0);
	UT_EXPECT(mmap(NULL, 128L << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0) == MAP_FAILED &&
		  errno == ENOMEM);
}

UTEST(file_map_shared_writes_reach_the_file_private_do_not)
{
	char buf[16];
	char *shared, *priv;
	int fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0644);

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(ftruncate(fd, 2 * PG), 0);
	UT_ASSERT_EQ(pwrite(fd, "hello", 5, 0), 5);
	shared = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	priv = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	UT_ASSERT(shared != MAP_FAILED && priv != MAP_FAILED);
	UT_EXPECT_EQ(memcmp(shared, "hello", 5), 0);
	UT_EXPECT_EQ(memcmp(priv, "hello", 5), 0);
	/* A shared store is seen by read() and by other mappings. */
	memcpy(shared + PG, "SHARED", 6);
	UT_ASSERT_EQ(pread(fd, buf, 6, PG), 6);
	UT_EXPECT_EQ(memcmp(buf, "SHARED", 6), 0);
	UT_EXPECT_EQ(memcmp(priv + PG, "SHARED", 6), 0);
	/* A private store is not. */
	memcpy(priv, "PRIV", 4);
	UT_ASSERT_EQ(pread(fd, buf, 5, 0), 5);
	UT_EXPECT_EQ(memcmp(buf, "hello", 5), 0);
	UT_EXPECT_EQ(memcmp(shared, "hello", 5), 0);
	/* write() is seen through the shared mapping. */
	UT_ASSERT_EQ(pwrite(fd, "W", 1, 1), 1);
	UT_EXPECT_EQ(shared[1], 'W');
	UT_EXPECT_EQ(msync(shared, 2 * PG, MS_SYNC), 0);
	close(fd);
	/* The mapping outlives the fd. */
	UT_EXPECT_EQ(shared[0], 'h');
}

UTEST(file_map_errors_and_sigbus_past_eof)
{
	int fd = open("small", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int rd;
	char *p;

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "x", 1), 1);
	rd = open("small", O_RDONLY);
	UT_ASSERT(rd >= 0);
	/* A shared writable map needs a writable fd. */
	UT_EXPECT(mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, rd, 0) ==
			  MAP_FAILED &&
		  errno == EACCES);
	/* A directory cannot be mapped. */
	{
		int d = open(".", O_RDONLY | O_DIRECTORY);

		UT_EXPECT(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, d, 0) ==
				  MAP_FAILED &&
			  errno == ENODEV);
	}
	UT_EXPECT(mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 1) == MAP_FAILED &&
		  errno == EINVAL);
	p = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);
	UT_ASSERT(p != MAP_FAILED);
	UT_EXPECT_EQ(p[0], 'x');
	UT_EXPECT_EQ(p[PG - 1], 0); /* the tail of the last page is zero */
	EXPECT_FAULT(p + PG, 0, SIGBUS, BUS_ADRERR);
}

UTEST(fork_shares_pages_until_written)
{
	const long size = 64L << 20;
	char *p = map_anon(size, PROT_READ | PROT_WRITE);
	long base, shared, written;
	int c2p[2], p2c[2], ok = 0, tries;
	char b;
	pid_t pid;

	memset(p, 1, size);
	UT_ASSERT_EQ(pipe(c2p), 0);
	UT_ASSERT_EQ(pipe(p2c), 0);
	for (tries = 0; tries < (ut_in_test_vm() ? 1 : 3) && !ok; tries++) {
		base = free_bytes();
		pid = fork();
		UT_ASSERT(pid >= 0);
		if (pid == 0) {
			write(c2p[1], "f", 1);
			read(p2c[0], &b, 1);
			for (long off = 0; off < size; off += PG)
				p[off] = 2; /* now every page is copied */
			write(c2p[1], "w", 1);
			read(p2c[0], &b, 1);
			_exit(0);
		}
		read(c2p[0], &b, 1);
		shared = free_bytes();
		write(p2c[1], "x", 1);
		read(c2p[0], &b, 1);
		written = free_bytes();
		write(p2c[1], "x", 1);
		UT_EXPECT_EQ(ut_wait_code(pid), 0);
		/* fork copied page tables, not 64 MiB of data; the writes did. */
		ok = base - shared < (16L << 20) &&
		     shared - written > size - (16L << 20);
		if (!ok)
			printf("    # free: %ld before fork, %ld after, %ld after "
			       "writes\n",
			       base, shared, written);
	}
	if (!ok && !ut_in_test_vm())
		UT_SKIP("free memory does not follow our pages on this host");
	UT_EXPECT(ok);
	UT_EXPECT_EQ(p[0], 1);
}

UTEST(syscalls_on_bad_user_buffers_fail_with_efault)
{
	int fd = open("/dev/zero", O_RDONLY);
	int nul = open("/dev/null", O_WRONLY);
	char *none = map_anon(PG, PROT_NONE);

	UT_ASSERT(fd >= 0 && nul >= 0);
	UT_EXPECT_ERRNO(read(fd, NULL, 16), EFAULT);
	UT_EXPECT_ERRNO(read(fd, UT_KERNEL_PTR, 16), EFAULT);
	UT_EXPECT_ERRNO(read(fd, ut_unmapped(), 16), EFAULT);
	UT_EXPECT_ERRNO(read(fd, ut_ro_page(), 16), EFAULT);
	UT_EXPECT_ERRNO(read(fd, none, 16), EFAULT);
	UT_EXPECT_ERRNO(read(fd, (void *)-4096L, 16), EFAULT);
	/* /dev/null's write never looks at the buffer, a pipe does. */
	{
		int p[2];

		UT_ASSERT_EQ(pipe(p), 0);
		UT_EXPECT_ERRNO(write(p[1], UT_KERNEL_PTR, 16), EFAULT);
		UT_EXPECT_ERRNO(write(p[1], none, 16), EFAULT);
	}
}

static const struct utest tests[] = {
	UTEST_CASE(mmap_anonymous_is_zeroed_and_writable),
	UTEST_CASE(mmap_bad_arguments),
	UTEST_CASE(munmap_middle_splits_the_mapping),
	UTEST_CASE(prot_none_access_gives_segv_accerr_with_address),
	UTEST_CASE(write_to_read_only_gives_segv_accerr),
	UTEST_CASE(unmapped_access_gives_segv_maperr),
	UTEST_CASE(mprotect_changes_and_splits_permissions),
	UTEST_CASE(map_fixed_replaces_existing_pages),
	UTEST_CASE(map_fixed_noreplace_fails_with_eexist),
	UTEST_CASE(map_populate_makes_pages_resident),
	UTEST_CASE(madvise_dontneed_zeroes_anonymous_pages),
	UTEST_CASE(mremap_grows_shrinks_and_moves_keeping_data),
	UTEST_CASE(brk_grows_and_shrinks_the_heap),
	UTEST_CASE(stack_growth_stops_at_rlimit_stack_with_sigsegv),
	UTEST_CASE(map_touch_256mib_then_exit_returns_every_page),
	UTEST_CASE(rlimit_as_limits_mmap),
	UTEST_CASE(file_map_shared_writes_reach_the_file_private_do_not),
	UTEST_CASE(file_map_errors_and_sigbus_past_eof),
	UTEST_CASE(fork_shares_pages_until_written),
	UTEST_CASE(syscalls_on_bad_user_buffers_fail_with_efault),
};

int main(void)
{
	int ret;

	/* Before any case: a case's munmap must not hit it. */
	fr = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		  -1, 0);
	if (fr == MAP_FAILED)
		return 1;
	ut_workdir("mm");
	ret = utest_main("mm", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
