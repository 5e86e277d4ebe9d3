/*
 * System information, identity and limits: uname, sysinfo, getrusage,
 * getrandom, umask, rlimits, the setuid family, groups, capabilities,
 * the sched_* calls, priorities, getcpu, arch_prctl.
 */
#include "ut_util.h"
#include <sched.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

/* linux/capability.h */
#define LINUX_CAPABILITY_VERSION_3 0x20080522
#define CAP_SYS_ADMIN 21
struct cap_header {
	unsigned int version;
	int pid;
};
struct cap_data {
	unsigned int effective, permitted, inheritable;
};

/* musl stubs the sched_*scheduler/param calls out (ENOSYS): raw ones. */
#define sched_getscheduler(pid) syscall(SYS_sched_getscheduler, pid)
#define sched_setscheduler(pid, pol, p) \
	syscall(SYS_sched_setscheduler, pid, pol, p)
#define sched_getparam(pid, p) syscall(SYS_sched_getparam, pid, p)
#define sched_setparam(pid, p) syscall(SYS_sched_setparam, pid, p)

/* asm/prctl.h */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

UTEST(uname_says_linux_x86_64)
{
	struct utsname u;

	UT_ASSERT_EQ(uname(&u), 0);
	UT_EXPECT_EQ(strcmp(u.sysname, "Linux"), 0);
	UT_EXPECT_EQ(strcmp(u.machine, "x86_64"), 0);
	UT_EXPECT(u.release[0] >= '3' && u.release[0] <= '9');
	UT_EXPECT(strchr(u.release, '.') != NULL);
	UT_EXPECT(u.version[0] != 0);
	UT_EXPECT(u.nodename[0] != 0);
	UT_EXPECT_ERRNO(syscall(SYS_uname, UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_uname, ut_ro_page()), EFAULT);
}

UTEST(sethostname_needs_privilege)
{
	ut_become_nobody();
	UT_EXPECT_ERRNO(sethostname("x", 1), EPERM);
}

UTEST(sysinfo_reports_memory_uptime_procs)
{
	struct sysinfo si;

	UT_ASSERT_EQ(sysinfo(&si), 0);
	UT_EXPECT(si.mem_unit >= 1);
	UT_EXPECT(si.totalram > 0);
	UT_EXPECT(si.freeram > 0 && si.freeram < si.totalram);
	UT_EXPECT((unsigned long long)si.totalram * si.mem_unit >=
		  (64ULL << 20));
	UT_EXPECT(si.uptime > 0);
	UT_EXPECT(si.procs >= 2);
	UT_EXPECT_ERRNO(syscall(SYS_sysinfo, UT_KERNEL_PTR), EFAULT);
}

static void spin_ms(int ms)
{
	long long end = ut_now_ns() + ms * 1000000LL;
	volatile unsigned long x = 0;

	while (ut_now_ns() < end)
		x++;
}

UTEST(getrusage_self_thread_and_errors)
{
	struct rusage ru;

	spin_ms(30);
	UT_ASSERT_EQ(getrusage(RUSAGE_SELF, &ru), 0);
	UT_EXPECT(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 ||
		  ru.ru_stime.tv_usec > 0);
	UT_ASSERT_EQ(getrusage(RUSAGE_THREAD, &ru), 0);
	UT_EXPECT(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 ||
		  ru.ru_stime.tv_usec > 0);
	UT_EXPECT_ERRNO(getrusage(5, &ru), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_getrusage, RUSAGE_SELF, UT_KERNEL_PTR),
			EFAULT);
}

UTEST(getrandom_fills_buffers_and_checks_flags)
{
	unsigned char a[32], b[32];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	UT_ASSERT_EQ(getrandom(a, sizeof(a), 0), 32);
	UT_ASSERT_EQ(getrandom(b, sizeof(b), GRND_NONBLOCK), 32);
	UT_EXPECT(memcmp(a, b, 32) != 0);
	UT_EXPECT_EQ(getrandom(b, 16, GRND_RANDOM), 16);
	UT_EXPECT_EQ(getrandom(b, 0, 0), 0);
	UT_EXPECT_ERRNO(getrandom(a, 8, 0x100), EINVAL);
	UT_EXPECT_ERRNO(getrandom(UT_KERNEL_PTR, 8, 0), EFAULT);
	UT_EXPECT_ERRNO(getrandom(ut_ro_page(), 8, 0), EFAULT);
}

UTEST(umask_masks_new_file_modes)
{
	struct stat st;
	int fd;

	umask(022);
	UT_EXPECT_EQ(umask(027), 022);
	fd = open("umask-file", O_CREAT | O_WRONLY, 0666);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_mode & 0777, 0640);
	UT_ASSERT_EQ(mkdir("umask-dir", 0777), 0);
	UT_ASSERT_EQ(stat("umask-dir", &st), 0);
	UT_EXPECT_EQ(st.st_mode & 0777, 0750);
	/* Only the permission bits are kept. */
	UT_EXPECT_EQ(umask(0777777), 027);
	UT_EXPECT_EQ(umask(0), 0777);
}

UTEST(rlimit_get_set_and_errors)
{
	struct rlimit rl, bad;

	UT_ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	UT_EXPECT(rl.rlim_cur > 3 && rl.rlim_cur <= rl.rlim_max);
	UT_ASSERT_EQ(getrlimit(RLIMIT_STACK, &rl), 0);
	UT_EXPECT(rl.rlim_cur >= 128 * 1024);
	UT_ASSERT_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
	UT_ASSERT_EQ(getrlimit(RLIMIT_NPROC, &rl), 0);
	UT_ASSERT_EQ(getrlimit(RLIMIT_AS, &rl), 0);
	UT_ASSERT_EQ(getrlimit(RLIMIT_DATA, &rl), 0);
	bad.rlim_cur = 100;
	bad.rlim_max = 50;
	UT_EXPECT_ERRNO(setrlimit(RLIMIT_NOFILE, &bad), EINVAL);
	UT_EXPECT_ERRNO(getrlimit(1000, &rl), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_getrlimit, RLIMIT_NOFILE, UT_KERNEL_PTR),
			EFAULT);
	rl.rlim_cur = 64;
	rl.rlim_max = 128;
	UT_ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	UT_ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &bad), 0);
	UT_EXPECT_EQ(bad.rlim_cur, 64);
	UT_EXPECT_EQ(bad.rlim_max, 128);
}

UTEST(prlimit64_reads_and_writes_in_one_call)
{
	struct rlimit new_rl = { 32, 256 }, old;

	UT_ASSERT_EQ(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &new_rl, &old),
		     0);
	UT_EXPECT(old.rlim_cur > 3);
	UT_ASSERT_EQ(
		syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &old), 0);
	UT_EXPECT_EQ(old.rlim_cur, 32);
	UT_EXPECT_EQ(old.rlim_max, 256);
	UT_EXPECT_ERRNO(syscall(SYS_prlimit64, 0x3ffffff, RLIMIT_NOFILE, NULL,
				&old),
			ESRCH);
}

UTEST(rlimit_raising_hard_limit_needs_privilege)
{
	struct rlimit rl = { 50, 100 };
	pid_t parent = getppid();

	UT_ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	ut_become_nobody();
	rl.rlim_max = 200;
	UT_EXPECT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
	/* Lowering is allowed, and so is raising cur up to max. */
	rl.rlim_cur = 90;
	rl.rlim_max = 90;
	UT_EXPECT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	/* Another user's process is out of reach. */
	UT_EXPECT_ERRNO(syscall(SYS_prlimit64, parent, RLIMIT_NOFILE, NULL,
				&rl),
			EPERM);
}

UTEST(rlimit_nproc_stops_fork_for_a_user)
{
	struct rlimit rl = { 1, 1 };
	pid_t pid;

	ut_become_nobody();
	/* Count nobody's processes: we are one, maybe others exist. */
	UT_ASSERT_EQ(setrlimit(RLIMIT_NPROC, &rl), 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	UT_EXPECT_EQ(pid, -1);
	UT_EXPECT_EQ(errno, EAGAIN);
}

UTEST(setresuid_and_saved_ids)
{
	uid_t r, e, s;

	ut_require_root();
	UT_ASSERT_EQ(setresuid(1000, 1001, 0), 0);
	UT_ASSERT_EQ(getresuid(&r, &e, &s), 0);
	UT_EXPECT(r == 1000 && e == 1001 && s == 0);
	UT_EXPECT_EQ(getuid(), 1000);
	UT_EXPECT_EQ(geteuid(), 1001);
	/* The saved 0 lets us back to euid 0 ... */
	UT_EXPECT_EQ(seteuid(0), 0);
	UT_EXPECT_EQ(geteuid(), 0);
	/* ... and as root setuid sets all three. */
	UT_EXPECT_EQ(setuid(2000), 0);
	UT_ASSERT_EQ(getresuid(&r, &e, &s), 0);
	UT_EXPECT(r == 2000 && e == 2000 && s == 2000);
	/* Now unprivileged: only our own ids. */
	UT_EXPECT_ERRNO(setuid(0), EPERM);
	UT_EXPECT_ERRNO(seteuid(1000), EPERM);
	UT_EXPECT_ERRNO(setresuid(-1, 0, -1), EPERM);
	UT_EXPECT_EQ(setreuid(-1, 2000), 0);
	UT_EXPECT_EQ(setuid(2000), 0);
}

UTEST(setreuid_swaps_and_setfsuid)
{
	uid_t r, e, s;

	ut_require_root();
	UT_ASSERT_EQ(setresuid(0, 0, 0), 0);
	UT_ASSERT_EQ(setreuid(1000, 1001), 0);
	UT_ASSERT_EQ(getresuid(&r, &e, &s), 0);
	/* Setting the real uid also sets saved to the new effective. */
	UT_EXPECT(r == 1000 && e == 1001 && s == 1001);
	/* Unprivileged: real and effective may be swapped. */
	UT_EXPECT_EQ(setreuid(1001, 1000), 0);
	UT_ASSERT_EQ(getresuid(&r, &e, &s), 0);
	UT_EXPECT(r == 1001 && e == 1000);
	UT_EXPECT_ERRNO(setreuid(5, -1), EPERM);
	/* setfsuid returns the old fsuid (which follows euid). */
	UT_EXPECT_EQ(syscall(SYS_setfsuid, -1), 1000);
}

UTEST(setgid_family_rules)
{
	gid_t r, e, s;

	ut_require_root();
	UT_ASSERT_EQ(setresgid(100, 101, 102), 0);
	UT_ASSERT_EQ(getresgid(&r, &e, &s), 0);
	UT_EXPECT(r == 100 && e == 101 && s == 102);
	UT_EXPECT_EQ(getgid(), 100);
	UT_EXPECT_EQ(getegid(), 101);
	UT_ASSERT_EQ(setuid(UT_NOBODY), 0);
	/* Unprivileged: setegid to one of real/effective/saved only. */
	UT_EXPECT_EQ(setegid(102), 0);
	UT_EXPECT_ERRNO(setegid(5), EPERM);
	UT_EXPECT_ERRNO(setgid(0), EPERM);
	UT_EXPECT_ERRNO(setresgid(0, -1, -1), EPERM);
}

UTEST(getgroups_setgroups)
{
	gid_t set[3] = { 10, 20, 30 }, got[8];

	ut_require_root();
	UT_ASSERT_EQ(setgroups(3, set), 0);
	UT_EXPECT_EQ(getgroups(0, NULL), 3);
	UT_ASSERT_EQ(getgroups(8, got), 3);
	UT_EXPECT(got[0] == 10 && got[1] == 20 && got[2] == 30);
	UT_EXPECT_ERRNO(getgroups(1, got), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_getgroups, 8, UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_setgroups, 3, UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(setgroups(100000, set), EINVAL);
	UT_ASSERT_EQ(setgroups(0, set), 0);
	UT_EXPECT_EQ(getgroups(0, NULL), 0);
	ut_become_nobody();
	UT_EXPECT_ERRNO(setgroups(3, set), EPERM);
}

UTEST(capget_root_has_caps_nobody_has_none)
{
	struct cap_header h = { LINUX_CAPABILITY_VERSION_3, 0 };
	struct cap_data d[2];

	ut_require_root();
	memset(d, 0, sizeof(d));
	UT_ASSERT_EQ(syscall(SYS_capget, &h, d), 0);
	UT_EXPECT(d[0].effective & (1u << CAP_SYS_ADMIN));
	UT_EXPECT(d[0].permitted & (1u << CAP_SYS_ADMIN));
	/* An unknown version: EINVAL and the preferred one written back. */
	h.version = 0x12345678;
	UT_EXPECT_ERRNO(syscall(SYS_capget, &h, d), EINVAL);
	UT_EXPECT_EQ(h.version, LINUX_CAPABILITY_VERSION_3);
	UT_EXPECT_ERRNO(syscall(SYS_capget, UT_KERNEL_PTR, d), EFAULT);
	ut_become_nobody();
	h.version = LINUX_CAPABILITY_VERSION_3;
	h.pid = 0;
	UT_ASSERT_EQ(syscall(SYS_capget, &h, d), 0);
	UT_EXPECT_EQ(d[0].effective, 0);
	UT_EXPECT_EQ(d[0].permitted, 0);
	/* And capset cannot raise them. */
	d[0].effective = d[0].permitted = 1u << CAP_SYS_ADMIN;
	UT_EXPECT_ERRNO(syscall(SYS_capset, &h, d), EPERM);
}

UTEST(sched_policy_priorities_and_rt_as_root)
{
	struct sched_param p = { .sched_priority = 0 };

	UT_EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
	UT_EXPECT_EQ(sched_get_priority_max(SCHED_FIFO), 99);
	UT_EXPECT_EQ(sched_get_priority_min(SCHED_FIFO), 1);
	UT_EXPECT_EQ(sched_get_priority_max(SCHED_RR), 99);
	UT_EXPECT_EQ(sched_get_priority_max(SCHED_OTHER), 0);
	UT_EXPECT_EQ(sched_get_priority_min(SCHED_OTHER), 0);
	UT_EXPECT_ERRNO(sched_get_priority_max(1234), EINVAL);
	UT_ASSERT_EQ(sched_getparam(0, &p), 0);
	UT_EXPECT_EQ(p.sched_priority, 0);
	UT_EXPECT_ERRNO(sched_setscheduler(0, 1234, &p), EINVAL);
	p.sched_priority = 0;
	UT_EXPECT_ERRNO(sched_setscheduler(0, SCHED_FIFO, &p), EINVAL);
	p.sched_priority = 100;
	UT_EXPECT_ERRNO(sched_setscheduler(0, SCHED_FIFO, &p), EINVAL);
	UT_EXPECT_ERRNO(sched_getscheduler(0x3ffffff), ESRCH);
	ut_require_root();
	p.sched_priority = 10;
	UT_ASSERT_EQ(sched_setscheduler(0, SCHED_FIFO, &p), 0);
	UT_EXPECT_EQ(sched_getscheduler(0), SCHED_FIFO);
	p.sched_priority = 0;
	UT_ASSERT_EQ(sched_getparam(0, &p), 0);
	UT_EXPECT_EQ(p.sched_priority, 10);
	p.sched_priority = 20;
	UT_EXPECT_EQ(sched_setparam(0, &p), 0);
	UT_ASSERT_EQ(sched_getparam(0, &p), 0);
	UT_EXPECT_EQ(p.sched_priority, 20);
	p.sched_priority = 0;
	UT_EXPECT_EQ(sched_setscheduler(0, SCHED_OTHER, &p), 0);
	UT_EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

UTEST(sched_rt_needs_privilege)
{
	struct sched_param p = { .sched_priority = 10 };

	ut_become_nobody();
	UT_EXPECT_ERRNO(sched_setscheduler(0, SCHED_FIFO, &p), EPERM);
	/* And another user's process is out of reach. */
	p.sched_priority = 0;
	UT_EXPECT_ERRNO(sched_setscheduler(1, SCHED_OTHER, &p), EPERM);
}

UTEST(sched_rr_interval_and_yield)
{
	struct sched_param p = { .sched_priority = 5 };
	struct timespec ts = { -1, -1 };

	UT_EXPECT_EQ(sched_yield(), 0);
	UT_ASSERT_EQ(sched_rr_get_interval(0, &ts), 0);
	UT_EXPECT(ts.tv_sec >= 0 && ts.tv_nsec >= 0);
	UT_EXPECT_ERRNO(syscall(SYS_sched_rr_get_interval, 0, UT_KERNEL_PTR),
			EFAULT);
	ut_require_root();
	UT_ASSERT_EQ(sched_setscheduler(0, SCHED_RR, &p), 0);
	UT_ASSERT_EQ(sched_rr_get_interval(0, &ts), 0);
	UT_EXPECT(ts.tv_sec > 0 || ts.tv_nsec > 0); /* a real time slice */
	UT_EXPECT_EQ(sched_yield(), 0);
}

UTEST(sched_affinity_one_cpu_mask)
{
	cpu_set_t set, got;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned cpu = 99, node = 99;
	int first = -1;

	UT_ASSERT_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
	UT_EXPECT(CPU_COUNT(&set) >= 1);
	UT_EXPECT(CPU_COUNT(&set) <= ncpu);
	for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (CPU_ISSET(i, &set))
			first = i;
	CPU_ZERO(&got);
	CPU_SET(first, &got);
	UT_ASSERT_EQ(sched_setaffinity(0, sizeof(got), &got), 0);
	sched_yield();
	UT_ASSERT_EQ(syscall(SYS_getcpu, &cpu, &node, NULL), 0);
	UT_EXPECT_EQ(cpu, first);
	UT_EXPECT_EQ(sched_getcpu(), first);
	UT_ASSERT_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
	UT_EXPECT_EQ(CPU_COUNT(&set), 1);
	CPU_ZERO(&got);
	UT_EXPECT_ERRNO(sched_setaffinity(0, sizeof(got), &got), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_sched_getaffinity, 0, 1, &set), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_sched_getaffinity, 0, sizeof(set),
				UT_KERNEL_PTR),
			EFAULT);
}

UTEST(getcpu_is_within_online_cpus)
{
	unsigned cpu = 99;

	UT_ASSERT_EQ(syscall(SYS_getcpu, &cpu, NULL, NULL), 0);
	UT_EXPECT(cpu < (unsigned)sysconf(_SC_NPROCESSORS_ONLN));
	UT_EXPECT_ERRNO(syscall(SYS_getcpu, UT_KERNEL_PTR, NULL, NULL), EFAULT);
}

UTEST(nice_and_priority_rules)
{
	int base;

	errno = 0;
	base = getpriority(PRIO_PROCESS, 0);
	UT_ASSERT_EQ(errno, 0);
	UT_EXPECT_EQ(nice(3), base + 3);
	UT_EXPECT_EQ(getpriority(PRIO_PROCESS, 0), base + 3);
	UT_EXPECT_EQ(setpriority(PRIO_PROCESS, getpid(), 10), 0);
	UT_EXPECT_EQ(getpriority(PRIO_PROCESS, getpid()), 10);
	/* Clamped to 19. */
	UT_EXPECT_EQ(nice(100), 19);
	UT_EXPECT_ERRNO(setpriority(42, 0, 0), EINVAL);
	UT_EXPECT_ERRNO(getpriority(PRIO_PROCESS, 0x3ffffff), ESRCH);
	ut_become_nobody();
	/* Lowering the nice value needs privilege. */
	UT_EXPECT_ERRNO(setpriority(PRIO_PROCESS, 0, 5), EACCES);
	UT_EXPECT_ERRNO(setpriority(PRIO_PROCESS, 1, 19), EPERM);
}

UTEST(arch_prctl_fs_and_gs)
{
	unsigned long fs = 0, fs0, gs = 0;

	UT_ASSERT_EQ(syscall(SYS_arch_prctl, ARCH_GET_FS, &fs), 0);
	__asm__ volatile("mov %%fs:0, %0" : "=r"(fs0));
	/* musl's thread pointer points to itself */
	UT_EXPECT(fs != 0);
	UT_EXPECT_EQ(fs, fs0);
	UT_ASSERT_EQ(syscall(SYS_arch_prctl, ARCH_SET_GS, 0x12345000UL), 0);
	UT_ASSERT_EQ(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs), 0);
	UT_EXPECT_EQ(gs, 0x12345000UL);
	/* SET_FS to the same value keeps libc working. */
	UT_EXPECT_EQ(syscall(SYS_arch_prctl, ARCH_SET_FS, fs), 0);
	UT_EXPECT_ERRNO(syscall(SYS_arch_prctl, 0x9999, 0), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_arch_prctl, ARCH_GET_FS, UT_KERNEL_PTR),
			EFAULT);
	/* A non-canonical base is refused. */
	UT_EXPECT_ERRNO(syscall(SYS_arch_prctl, ARCH_SET_GS,
				0x8000000000000000UL),
			EPERM);
}

static const struct utest tests[] = {
	UTEST_CASE(uname_says_linux_x86_64),
	UTEST_CASE(sethostname_needs_privilege),
	UTEST_CASE(sysinfo_reports_memory_uptime_procs),
	UTEST_CASE(getrusage_self_thread_and_errors),
	UTEST_CASE(getrandom_fills_buffers_and_checks_flags),
	UTEST_CASE(umask_masks_new_file_modes),
	UTEST_CASE(rlimit_get_set_and_errors),
	UTEST_CASE(prlimit64_reads_and_writes_in_one_call),
	UTEST_CASE(rlimit_raising_hard_limit_needs_privilege),
	UTEST_CASE(rlimit_nproc_stops_fork_for_a_user),
	UTEST_CASE(setresuid_and_saved_ids),
	UTEST_CASE(setreuid_swaps_and_setfsuid),
	UTEST_CASE(setgid_family_rules),
	UTEST_CASE(getgroups_setgroups),
	UTEST_CASE(capget_root_has_caps_nobody_has_none),
	UTEST_CASE(sched_policy_priorities_and_rt_as_root),
	UTEST_CASE(sched_rt_needs_privilege),
	UTEST_CASE(sched_rr_interval_and_yield),
	UTEST_CASE(sched_affinity_one_cpu_mask),
	UTEST_CASE(getcpu_is_within_online_cpus),
	UTEST_CASE(nice_and_priority_rules),
	UTEST_CASE(arch_prctl_fs_and_gs),
};

int main(void)
{
	int ret;

	ut_workdir("sys");
	ret = utest_main("sys", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
