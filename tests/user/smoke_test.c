/*
 * The first user test: the few syscalls every later test relies on
 * (write to the console, getpid, fork/exit/wait through utest_main).
 */
#include <fcntl.h>
#include <unistd.h>
#include "ktest_user.h"

UTEST(getpid_is_positive)
{
	UT_EXPECT(getpid() > 0);
}

UTEST(write_to_stdout_returns_length)
{
	UT_EXPECT_EQ(write(1, "    # hello from user space\n", 28), 28);
}

UTEST(close_bad_fd_fails_with_ebadf)
{
	UT_EXPECT_ERRNO(close(-1), EBADF);
}

UTEST(open_missing_file_fails_with_enoent)
{
	UT_EXPECT_ERRNO(open("/no/such/file", O_RDONLY), ENOENT);
}

static const struct utest tests[] = {
	UTEST_CASE(getpid_is_positive),
	UTEST_CASE(write_to_stdout_returns_length),
	UTEST_CASE(close_bad_fd_fails_with_ebadf),
	UTEST_CASE(open_missing_file_fails_with_enoent),
};

int main(void)
{
	return utest_main("smoke", tests, ARRAY_SIZE(tests));
}
