/*
 * The static hello the exec benchmarks start (proc.c): the smallest
 * complete program, so that they measure the kernel's exec and exit,
 * not a C library's start-up.
 */
#include <unistd.h>

int main(void)
{
	static const char msg[] = "Hello, world\n";

	return write(1, msg, sizeof(msg) - 1) == sizeof(msg) - 1 ? 0 : 1;
}
