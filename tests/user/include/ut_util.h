#ifndef _UT_UTIL_H
#define _UT_UTIL_H

/*
 * Helpers shared by the user tests (tests/user/NAME_test.c), on top of
 * ktest_user.h: bad pointers for EFAULT cases, dropping root, a private
 * scratch directory, waiting for a child, a monotonic clock.
 *
 * A program calls ut_workdir() in main() before utest_main(): every case
 * then runs in a fresh world-writable directory under /tmp (so the cases
 * that drop to nobody can use it too), and ut_workdir_cleanup() removes
 * it at the end.  Cases use relative names, distinct per case.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "ktest_user.h"

/*
 * musl-gcc has no Linux UAPI headers: the few numbers the tests need, from
 * Linux's include/uapi (linux/futex.h, linux/capability.h, linux/fs.h).
 */
#ifndef FUTEX_WAIT
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif

/* The start of Linnet's (and Linux's) direct map: never user memory. */
#define UT_KERNEL_PTR ((void *)0xffff880000000000UL)
#define UT_NOBODY 65534

static char ut_workdir_path[64];

static int ut_rm_one(const char *path, const struct stat *st, int type,
		     struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static inline void ut_workdir_cleanup(void)
{
	if (!ut_workdir_path[0])
		return;
	if (chdir("/") == 0)
		nftw(ut_workdir_path, ut_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Make and enter /tmp/<name>.XXXXXX (mode 0777); exit 1 if impossible. */
static inline void ut_workdir(const char *name)
{
	snprintf(ut_workdir_path, sizeof(ut_workdir_path), "/tmp/%s.XXXXXX",
		 name);
	if (!mkdtemp(ut_workdir_path) || chmod(ut_workdir_path, 0777) ||
	    chdir(ut_workdir_path)) {
		printf("# cannot make a work directory under /tmp: %s\n",
		       strerror(errno));
		exit(1);
	}
}

/* In a case's child: drop every privilege (uid/gid 65534, no groups). */
static inline void ut_become_nobody(void)
{
	gid_t none[1];

	if (getuid() != 0)
		UT_SKIP("needs root to switch to nobody");
	UT_ASSERT_EQ(setgroups(0, none), 0);
	UT_ASSERT_EQ(setgid(UT_NOBODY), 0);
	UT_ASSERT_EQ(setuid(UT_NOBODY), 0);
	UT_ASSERT_EQ(geteuid(), UT_NOBODY);
}

/*
 * True in the test initramfs (tests/user/init.sh exports UT_VM=1), where
 * nothing else runs.  Cases that measure global state (free memory) must
 * pass there; on a shared host, where other processes and a balloon
 * driver move free memory around, they may skip instead.
 */
static inline int ut_in_test_vm(void)
{
	return getenv("UT_VM") != NULL;
}

static inline void ut_require_root(void)
{
	if (geteuid() != 0)
		UT_SKIP("needs root");
}

/* Zeroed memory shared with the children we fork (results, flags). */
static inline void *ut_shared(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	UT_ASSERT(p != MAP_FAILED);
	return p;
}

/* A page that is mapped read-only (for EFAULT on writes). */
static inline void *ut_ro_page(void)
{
	void *p =
		mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	UT_ASSERT(p != MAP_FAILED);
	return p;
}

/* An address that was mapped and is not any more. */
static inline void *ut_unmapped(void)
{
	void *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	UT_ASSERT(p != MAP_FAILED);
	UT_ASSERT_EQ(munmap(p, 3 * 4096), 0);
	return (char *)p + 4096;
}

static inline long long ut_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Wait for @pid; return its raw status (asserts on waitpid failure). */
static inline int ut_wait(pid_t pid)
{
	int status;
	pid_t r;

	do
		r = waitpid(pid, &status, 0);
	while (r < 0 && errno == EINTR);
	UT_ASSERT_EQ(r, pid);
	return status;
}

/* The child's exit code, or 1000 + signal if it was killed. */
static inline int ut_wait_code(pid_t pid)
{
	int st = ut_wait(pid);

	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 1000 + WTERMSIG(st);
	return -1;
}

/*
 * waitpid(@pid, @status, @flags | WNOHANG) until it reports something or
 * @ms milliseconds pass; returns waitpid's result, 0 on timeout.
 */
static inline pid_t ut_wait_timeout(pid_t pid, int *status, int flags, int ms)
{
	long long end = ut_now_ns() + ms * 1000000LL;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, flags | WNOHANG);
		if (r != 0 && !(r < 0 && errno == EINTR))
			return r;
		if (ut_now_ns() > end)
			return 0;
		usleep(1000);
	}
}

/* Kill and reap a child that a failed case left behind. */
static inline void ut_kill_reap(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* Write a whole file; assert it worked. */
static inline void ut_write_file(const char *path, const char *data, int mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	size_t len = strlen(data);

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, data, len), (long)len);
	UT_ASSERT_EQ(close(fd), 0);
}

/* Read up to @size - 1 bytes of a file into @buf, NUL-terminated; -1 on
 * error. */
static inline long ut_read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < size - 1 &&
	       (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = 0;
	return total;
}

#endif /* _UT_UTIL_H */
