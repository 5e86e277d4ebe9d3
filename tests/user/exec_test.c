/*
 * execve/execveat: argv, envp and the aux vector seen by the new image,
 * close-on-exec, signal dispositions across exec, #! scripts, and the
 * errors (ENOEXEC, EACCES, ENOENT, ENOTDIR, EFAULT, E2BIG).
 *
 * The image executed is this program itself, found through argv[0] (an
 * absolute path under /tests in the initramfs), with "--helper MODE" as
 * its first arguments; in that mode it checks what it was handed and
 * exits with 0 when everything matched, or with the number of the first
 * check that failed.
 */
#include "ut_util.h"
#include <elf.h>
#include <limits.h>
#include <pthread.h>
#include <sys/auxv.h>

static char self[PATH_MAX];
extern char **environ;

/* -- helper side: runs in the new image --------------------------------- */

static int helper_args(int argc, char **argv)
{
	static const char *want[] = { "", "--helper", "args", "a b", "", "c" };
	const char *execfn = argv[0]; /* the caller passes the exec'd path */
	unsigned char *rnd;
	Elf64_Phdr *ph;
	unsigned long phnum, i, loads = 0;

	if (argc != 6)
		return 10;
	if (execfn[0] != '/')
		return 17;
	for (i = 1; i < 6; i++)
		if (strcmp(argv[i], want[i]))
			return 11 + i;
	if (!environ[0] || strcmp(environ[0], "UT_A=1") || !environ[1] ||
	    strcmp(environ[1], "UT_B=two words") || environ[2])
		return 20;
	if (getauxval(AT_PAGESZ) != 4096)
		return 21;
	rnd = (unsigned char *)getauxval(AT_RANDOM);
	if (!rnd)
		return 22;
	for (i = 0; i < 16 && !rnd[i]; i++)
		;
	if (i == 16) /* 16 zero bytes are not random */
		return 23;
	if (!getauxval(AT_EXECFN) ||
	    strcmp((char *)getauxval(AT_EXECFN), execfn))
		return 24;
	ph = (Elf64_Phdr *)getauxval(AT_PHDR);
	phnum = getauxval(AT_PHNUM);
	if (!ph || !phnum || getauxval(AT_PHENT) != sizeof(Elf64_Phdr))
		return 25;
	for (i = 0; i < phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			loads++;
	if (!loads)
		return 26;
	if (!getauxval(AT_ENTRY))
		return 27;
	if (getauxval(AT_UID) != getuid() || getauxval(AT_EUID) != geteuid() ||
	    getauxval(AT_GID) != getgid() || getauxval(AT_EGID) != getegid())
		return 28;
	if (getauxval(AT_SECURE) != 0)
		return 29;
	return 0;
}

static int helper_fds(char **argv)
{
	int closed = atoi(argv[3]), open_fd = atoi(argv[4]);

	if (fcntl(closed, F_GETFD) != -1 || errno != EBADF)
		return 30;
	if (fcntl(open_fd, F_GETFD) != 0)
		return 31;
	return 0;
}

static int helper_signals(void)
{
	struct sigaction sa;
	sigset_t set;

	/* A caught signal is reset to SIG_DFL ... */
	if (sigaction(SIGUSR1, NULL, &sa) || sa.sa_handler != SIG_DFL)
		return 40;
	/* ... an ignored one stays ignored ... */
	if (sigaction(SIGUSR2, NULL, &sa) || sa.sa_handler != SIG_IGN)
		return 41;
	/* ... and the blocked mask and pending signals are kept. */
	if (sigprocmask(SIG_BLOCK, NULL, &set) || !sigismember(&set, SIGINT))
		return 42;
	if (sigpending(&set) || !sigismember(&set, SIGINT))
		return 43;
	return 0;
}

static int helper(int argc, char **argv)
{
	const char *mode = argv[2];

	if (!strcmp(mode, "args"))
		return helper_args(argc, argv);
	if (!strcmp(mode, "fds"))
		return helper_fds(argv);
	if (!strcmp(mode, "signals"))
		return helper_signals();
	if (!strcmp(mode, "pid")) /* argv[3]: the pid we must still have */
		return getpid() == atoi(argv[3]) && gettid() == getpid() ? 0 :
									   50;
	if (!strcmp(mode, "exit"))
		return atoi(argv[3]);
	return 99;
}

/* -- test side ------------------------------------------------------------ */

/* Fork, exec self in helper @mode with @extra args, return exit code. */
static int run_helper(const char *mode, const char *a3, const char *a4)
{
	char *argv[] = { "helper",   "--helper", (char *)mode,
			 (char *)a3, (char *)a4, NULL };
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		execv(self, argv);
		_exit(127);
	}
	return ut_wait_code(pid);
}

UTEST(execve_passes_argv_envp_and_auxv)
{
	char *argv[] = { self, "--helper", "args", "a b", "", "c", NULL };
	char *envp[] = { "UT_A=1", "UT_B=two words", NULL };
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(127);
	}
	/* A nonzero code names the helper check that failed. */
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(execve_keeps_pid_and_exit_status)
{
	char pid_s[16];
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		char *argv[] = { "h", "--helper", "pid", pid_s, NULL };

		snprintf(pid_s, sizeof(pid_s), "%d", getpid());
		execv(self, argv);
		_exit(127);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
	UT_EXPECT_EQ(run_helper("exit", "37", NULL), 37);
}

UTEST(close_on_exec_fds_are_closed)
{
	char a[16], b[16];
	int cloexec = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int keep = open("/dev/null", O_RDONLY);
	int later = open("/dev/null", O_RDONLY);

	UT_ASSERT(cloexec >= 0 && keep >= 0 && later >= 0);
	UT_ASSERT_EQ(fcntl(later, F_SETFD, FD_CLOEXEC), 0);
	snprintf(a, sizeof(a), "%d", cloexec);
	snprintf(b, sizeof(b), "%d", keep);
	UT_EXPECT_EQ(run_helper("fds", a, b), 0);
	snprintf(a, sizeof(a), "%d", later);
	UT_EXPECT_EQ(run_helper("fds", a, b), 0);
}

static void on_usr1(int sig)
{
	(void)sig;
}

UTEST(exec_resets_handlers_keeps_ignored_mask_and_pending)
{
	char *argv[] = { "h", "--helper", "signals", NULL };
	sigset_t set;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		/* (fork itself clears pending signals: set up after it) */
		signal(SIGUSR1, on_usr1);
		signal(SIGUSR2, SIG_IGN);
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		raise(SIGINT); /* stays pending across exec */
		execv(self, argv);
		_exit(127);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

static void *exec_from_thread(void *arg)
{
	char *argv[] = { "h", "--helper", "pid", arg, NULL };

	execv(self, argv);
	_exit(127);
}

UTEST(exec_from_secondary_thread_keeps_tgid)
{
	static char pid_s[16];
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		pthread_t t;

		snprintf(pid_s, sizeof(pid_s), "%d", getpid());
		if (pthread_create(&t, NULL, exec_from_thread, pid_s))
			_exit(126);
		for (;;)
			pause();
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 0);
}

UTEST(vfork_then_exec_resumes_parent)
{
	char *argv[] = { "h", "--helper", "exit", "12", NULL };
	pid_t pid = vfork();

	if (pid == 0) {
		execv(self, argv);
		_exit(127);
	}
	UT_ASSERT(pid > 0);
	UT_EXPECT_EQ(ut_wait_code(pid), 12);
}

UTEST(execveat_empty_path_runs_an_fd)
{
	char *argv[] = { "h", "--helper", "exit", "21", NULL };
	int fd = open(self, O_RDONLY);
	pid_t pid;

	UT_ASSERT(fd >= 0);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		syscall(SYS_execveat, fd, "", argv, environ, AT_EMPTY_PATH);
		_exit(errno == ENOSYS ? 77 : 127);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 21);
}

static int exec_errno(const char *path, char **argv)
{
	char *dflt[] = { (char *)path, NULL };

	errno = 0;
	if (execve(path, argv ? argv : dflt, environ) == 0)
		return 0;
	return errno;
}

UTEST(exec_garbage_file_fails_with_enoexec)
{
	int fd = open("garbage", O_WRONLY | O_CREAT | O_TRUNC, 0755);

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "this is no ELF\n\1\2\3\4\5\6\7", 22), 22);
	close(fd);
	UT_EXPECT_EQ(exec_errno("garbage", NULL), ENOEXEC);
	/* An ELF magic with a truncated header is no better. */
	ut_write_file("short-elf", "\177ELF\2\1\1", 0755);
	UT_EXPECT_EQ(exec_errno("short-elf", NULL), ENOEXEC);
	/* A 32-bit-class or foreign-machine header is refused too. */
	{
		Elf64_Ehdr eh;

		memset(&eh, 0, sizeof(eh));
		memcpy(eh.e_ident, ELFMAG, SELFMAG);
		eh.e_ident[EI_CLASS] = ELFCLASS64;
		eh.e_ident[EI_DATA] = ELFDATA2LSB;
		eh.e_ident[EI_VERSION] = EV_CURRENT;
		eh.e_type = ET_EXEC;
		eh.e_machine = EM_AARCH64;
		eh.e_version = EV_CURRENT;
		eh.e_ehsize = sizeof(eh);
		eh.e_phentsize = sizeof(Elf64_Phdr);
		fd = open("arm-elf", O_WRONLY | O_CREAT | O_TRUNC, 0755);
		UT_ASSERT(fd >= 0);
		UT_ASSERT_EQ(write(fd, &eh, sizeof(eh)), (long)sizeof(eh));
		close(fd);
		UT_EXPECT_EQ(exec_errno("arm-elf", NULL), ENOEXEC);
	}
}

UTEST(exec_errors_eacces_enoent_enotdir)
{
	ut_write_file("noexec", "#!/bin/sh\nexit 0\n", 0644);
	UT_EXPECT_EQ(exec_errno("noexec", NULL), EACCES);
	UT_ASSERT_EQ(mkdir("adir", 0755), 0);
	UT_EXPECT_EQ(exec_errno("adir", NULL), EACCES);
	UT_EXPECT_EQ(exec_errno("does-not-exist", NULL), ENOENT);
	UT_EXPECT_EQ(exec_errno("noexec/sub", NULL), ENOTDIR);
	UT_EXPECT_EQ(exec_errno("", NULL), ENOENT);
}

UTEST(exec_bad_pointers_fail_with_efault)
{
	char *bad_argv[] = { "x", UT_KERNEL_PTR, NULL };

	UT_EXPECT_ERRNO(syscall(SYS_execve, UT_KERNEL_PTR, NULL, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_execve, self, UT_KERNEL_PTR, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_execve, self, bad_argv, NULL), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_execve, self, ut_unmapped(), NULL), EFAULT);
}

UTEST(exec_as_nobody_needs_search_and_exec_permission)
{
	ut_write_file("rootonly", "#!/bin/sh\nexit 0\n", 0700);
	ut_become_nobody();
	UT_EXPECT_EQ(exec_errno("rootonly", NULL), EACCES);
}

UTEST(shebang_script_runs_interpreter_with_args)
{
	char *argv[] = { "script.sh", "arg1", NULL };
	char buf[256];
	pid_t pid;

	ut_write_file("script.sh",
		      "#!/bin/sh\necho \"$0 $1\" > script.out\nexit 3\n", 0755);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		execve("./script.sh", argv, environ);
		_exit(127);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 3);
	UT_ASSERT(ut_read_file("script.out", buf, sizeof(buf)) > 0);
	/* $0 is the path the kernel was given, not argv[0]. */
	UT_EXPECT_EQ(strcmp(buf, "./script.sh arg1\n"), 0);
}

UTEST(shebang_interpreter_argument_is_passed)
{
	char *argv[] = { "s", NULL };
	pid_t pid;

	/* "-e" reaches sh: the false makes it stop with status 1. */
	ut_write_file("script-e.sh", "#!/bin/sh -e\nfalse\nexit 0\n", 0755);
	pid = fork();
	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		execve("./script-e.sh", argv, environ);
		_exit(127);
	}
	UT_EXPECT_EQ(ut_wait_code(pid), 1);
}

UTEST(shebang_missing_interpreter_fails_with_enoent)
{
	ut_write_file("nointerp.sh", "#!/no/such/interpreter\n", 0755);
	UT_EXPECT_EQ(exec_errno("./nointerp.sh", NULL), ENOENT);
}

UTEST(huge_argv_fails_with_e2big)
{
	static char *argv[130];
	size_t len = 100 * 1024;
	char *big = malloc(len + 1), *huge = malloc(300 * 1024);
	int i;

	UT_ASSERT(big && huge);
	memset(big, 'a', len);
	big[len] = 0;
	argv[0] = "x";
	for (i = 1; i < 129; i++) /* 12.8 MB of arguments */
		argv[i] = big;
	argv[129] = NULL;
	UT_EXPECT_EQ(exec_errno(self, argv), E2BIG);
	/* One string longer than MAX_ARG_STRLEN (32 pages) is too much. */
	memset(huge, 'b', 300 * 1024 - 1);
	huge[300 * 1024 - 1] = 0;
	argv[1] = huge;
	argv[2] = NULL;
	UT_EXPECT_EQ(exec_errno(self, argv), E2BIG);
	/* The failed exec left us intact. */
	UT_EXPECT_EQ(big[len - 1], 'a');
}

static const struct utest tests[] = {
	UTEST_CASE(execve_passes_argv_envp_and_auxv),
	UTEST_CASE(execve_keeps_pid_and_exit_status),
	UTEST_CASE(close_on_exec_fds_are_closed),
	UTEST_CASE(exec_resets_handlers_keeps_ignored_mask_and_pending),
	UTEST_CASE(exec_from_secondary_thread_keeps_tgid),
	UTEST_CASE(vfork_then_exec_resumes_parent),
	UTEST_CASE(execveat_empty_path_runs_an_fd),
	UTEST_CASE(exec_garbage_file_fails_with_enoexec),
	UTEST_CASE(exec_errors_eacces_enoent_enotdir),
	UTEST_CASE(exec_bad_pointers_fail_with_efault),
	UTEST_CASE(exec_as_nobody_needs_search_and_exec_permission),
	UTEST_CASE(shebang_script_runs_interpreter_with_args),
	UTEST_CASE(shebang_interpreter_argument_is_passed),
	UTEST_CASE(shebang_missing_interpreter_fails_with_enoent),
	UTEST_CASE(huge_argv_fails_with_e2big),
};

int main(int argc, char **argv)
{
	int ret;

	if (argc >= 3 && !strcmp(argv[1], "--helper"))
		return helper(argc, argv);
	if (argv[0][0] == '/')
		snprintf(self, sizeof(self), "%s", argv[0]);
	else if (!realpath(argv[0], self))
		return 1;
	ut_workdir("exec");
	ret = utest_main("exec", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
