#ifndef _KTEST_USER_H
#define _KTEST_USER_H

/*
 * User-space tests: one static program per syscall family, built with
 * musl-gcc -static and run by the test /init (tests/user/init.sh).
 * Each case runs in a forked child, so a crash fails that case only.
 * The program prints its cases as a KTAP subtest indented two spaces;
 * /init prints the program's own result line after it exits.
 *
 *	UTEST(read_after_unlink_while_open)
 *	{
 *		UT_EXPECT_EQ(1 + 1, 2);
 *	}
 *	static const struct utest tests[] = {
 *		UTEST_CASE(read_after_unlink_while_open),
 *	};
 *	int main(void)
 *	{
 *		return utest_main("fs", tests, ARRAY_SIZE(tests));
 *	}
 *
 * A case fails on a failed UT_EXPECT* (it goes on) or UT_ASSERT* (it
 * stops), on a signal, on any exit status but 0, or when it runs longer
 * than UT_CASE_TIMEOUT seconds; UT_SKIP("why") skips.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define UT_SKIP_STATUS 77
/* Seconds a case may run before it is killed and failed. */
#ifndef UT_CASE_TIMEOUT
#define UT_CASE_TIMEOUT 30
#endif

struct utest {
	const char *name;
	void (*fn)(void);
};

static int ut_failed;

#define UTEST(fn) static void fn(void)
/* clang-format off */
#define UTEST_CASE(fn) { #fn, fn }
/* clang-format on */

#define __UT_FAIL(fatal, ...)                                \
	do {                                                 \
		printf("    # %s:%d: ", __FILE__, __LINE__); \
		printf(__VA_ARGS__);                         \
		printf("\n");                                \
		ut_failed = 1;                               \
		if (fatal) {                                 \
			fflush(stdout);                      \
			_exit(1);                            \
		}                                            \
	} while (0)

#define UT_EXPECT(c)                                     \
	do {                                             \
		if (!(c))                                \
			__UT_FAIL(0, "expected %s", #c); \
	} while (0)
#define UT_ASSERT(c)                                     \
	do {                                             \
		if (!(c))                                \
			__UT_FAIL(1, "asserted %s", #c); \
	} while (0)

#define __UT_CMP(fatal, a, op, b)                                         \
	do {                                                              \
		long long _ut_a = (long long)(a), _ut_b = (long long)(b); \
		if (!(_ut_a op _ut_b))                                    \
			__UT_FAIL(fatal,                                  \
				  "expected %s %s %s, got %lld and %lld"  \
				  " (errno %d)",                          \
				  #a, #op, #b, _ut_a, _ut_b, errno);      \
	} while (0)

#define UT_EXPECT_EQ(a, b) __UT_CMP(0, a, ==, b)
#define UT_EXPECT_NE(a, b) __UT_CMP(0, a, !=, b)
#define UT_EXPECT_GE(a, b) __UT_CMP(0, a, >=, b)
#define UT_ASSERT_EQ(a, b) __UT_CMP(1, a, ==, b)
#define UT_ASSERT_NE(a, b) __UT_CMP(1, a, !=, b)
/* A call failing with an errno: UT_EXPECT_ERRNO(read(-1, b, 1), EBADF) */
#define UT_EXPECT_ERRNO(call, err)                                        \
	do {                                                              \
		errno = 0;                                                \
		long _ut_r = (long)(call);                                \
		int _ut_e = errno;                                        \
		if (_ut_r != -1 || _ut_e != (err))                        \
			__UT_FAIL(0,                                      \
				  "expected %s to fail with %s, got %ld " \
				  "errno %d",                             \
				  #call, #err, _ut_r, _ut_e);             \
	} while (0)

#define UT_SKIP(reason)                            \
	do {                                       \
		printf("    # SKIP %s\n", reason); \
		fflush(stdout);                    \
		_exit(UT_SKIP_STATUS);             \
	} while (0)

static void ut_on_alarm(int sig)
{
	(void)sig; /* only interrupts the parent's waitpid */
}

/* Wait for a case; kill it after UT_CASE_TIMEOUT seconds (a hung case
 * fails alone instead of stalling the whole boot). */
static inline pid_t ut_wait_case(pid_t pid, int *status)
{
	pid_t r;

	alarm(UT_CASE_TIMEOUT);
	r = waitpid(pid, status, 0);
	alarm(0);
	if (r < 0 && errno == EINTR) {
		printf("    # timeout: killed after %d s\n", UT_CASE_TIMEOUT);
		kill(pid, SIGKILL);
		r = waitpid(pid, status, 0);
	}
	return r;
}

static inline int utest_main(const char *suite, const struct utest *t, int n)
{
	struct sigaction sa;
	int i, status, failures = 0;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ut_on_alarm; /* no SA_RESTART */
	sigaction(SIGALRM, &sa, NULL);
	printf("  KTAP version 1\n  # Subtest: %s\n  1..%d\n", suite, n);
	for (i = 0; i < n; i++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			signal(SIGALRM, SIG_DFL);
			t[i].fn();
			fflush(stdout);
			_exit(ut_failed);
		}
		if (pid < 0 || ut_wait_case(pid, &status) != pid) {
			printf("    # fork/waitpid failed: %s\n",
			       strerror(errno));
			status = 1 << 8;
		}
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			printf("  ok %d %s\n", i + 1, t[i].name);
		} else if (WIFEXITED(status) &&
			   WEXITSTATUS(status) == UT_SKIP_STATUS) {
			printf("  ok %d %s # SKIP\n", i + 1, t[i].name);
		} else {
			if (WIFSIGNALED(status))
				printf("    # killed by signal %d\n",
				       WTERMSIG(status));
			printf("  not ok %d %s\n", i + 1, t[i].name);
			failures++;
		}
	}
	fflush(stdout);
	return failures ? 1 : 0;
}

#endif /* _KTEST_USER_H */
