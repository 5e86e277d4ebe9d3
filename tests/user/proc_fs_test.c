/*
 * procfs in Linux's formats, as busybox and libc parse them:
 * /proc/self/{status,stat,cmdline,maps,fd,comm,exe,cwd,environ,limits,
 * task}, /proc/<pid>/stat states, meminfo, uptime, loadavg, mounts,
 * cpuinfo, version, filesystems, sys/kernel, and the global statistics
 * files (stat, vmstat, buddyinfo, slabinfo, interrupts).
 */
#include "ut_util.h"
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

static char self_path[PATH_MAX];
static int self_argc;
static char **self_argv;
static char text[65536];

static const char *proc_read(const char *path)
{
	long n = ut_read_file(path, text, sizeof(text));

	if (n < 0)
		__UT_FAIL(1, "cannot read %s: %s", path, strerror(errno));
	return text;
}

/* The value after "Key:" on its own line, or NULL. */
static const char *field(const char *buf, const char *key)
{
	size_t len = strlen(key);
	const char *p = buf;

	while (p && *p) {
		if (!strncmp(p, key, len) && p[len] == ':') {
			p += len + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			return p;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

UTEST(self_status_name_pid_ppid_vmrss_uid)
{
	const char *s = proc_read("/proc/self/status"), *v;

	v = field(s, "Name");
	UT_ASSERT(v != NULL);
	UT_EXPECT_EQ(strncmp(v, "proc_fs_test\n", 13), 0);
	v = field(s, "Pid");
	UT_ASSERT(v != NULL);
	UT_EXPECT_EQ(atoi(v), getpid());
	v = field(s, "PPid");
	UT_ASSERT(v != NULL);
	UT_EXPECT_EQ(atoi(v), getppid());
	v = field(s, "Tgid");
	UT_EXPECT(v && atoi(v) == getpid());
	v = field(s, "State");
	UT_EXPECT(v && v[0] == 'R');
	v = field(s, "VmRSS");
	UT_ASSERT(v != NULL);
	UT_EXPECT(atol(v) > 0);
	UT_EXPECT(strstr(v, " kB\n") != NULL);
	v = field(s, "Uid");
	UT_ASSERT(v != NULL);
	UT_EXPECT_EQ(atoi(v), getuid());
	v = field(s, "Threads");
	UT_EXPECT(v && atoi(v) == 1);
}

/* Fields of /proc/<pid>/stat: pid, comm, state, ppid. */
static int parse_stat(const char *path, int *pid, char *comm, char *state,
		      int *ppid)
{
	const char *s = proc_read(path), *open, *close;

	open = strchr(s, '(');
	close = strrchr(s, ')'); /* comm may hold ')' itself */
	if (!open || !close || close < open)
		return -1;
	*pid = atoi(s);
	memcpy(comm, open + 1, close - open - 1);
	comm[close - open - 1] = 0;
	return sscanf(close + 1, " %c %d", state, ppid) == 2 ? 0 : -1;
}

UTEST(self_stat_pid_comm_state_ppid)
{
	char comm[64], state;
	int pid, ppid;

	UT_ASSERT_EQ(parse_stat("/proc/self/stat", &pid, comm, &state, &ppid),
		     0);
	UT_EXPECT_EQ(pid, getpid());
	UT_EXPECT_EQ(strcmp(comm, "proc_fs_test"), 0);
	UT_EXPECT_EQ(state, 'R');
	UT_EXPECT_EQ(ppid, getppid());
	/* 52 fields in Linux 6.1; busybox ps reads up to ~40. */
	{
		int fields = 0;

		for (const char *p = strrchr(text, ')'); p && *p; p++)
			if (*p == ' ')
				fields++;
		UT_EXPECT_GE(fields + 2, 44);
	}
}

UTEST(other_process_states_sleeping_stopped_zombie)
{
	char path[64], comm[64], state = '?';
	int pid_seen, ppid, st;
	pid_t pid = fork();

	UT_ASSERT(pid >= 0);
	if (pid == 0) {
		for (;;)
			pause();
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	usleep(20000);
	UT_ASSERT_EQ(parse_stat(path, &pid_seen, comm, &state, &ppid), 0);
	UT_EXPECT_EQ(pid_seen, pid);
	UT_EXPECT_EQ(ppid, getpid());
	UT_EXPECT_EQ(state, 'S');
	kill(pid, SIGSTOP);
	UT_ASSERT_EQ(ut_wait_timeout(pid, &st, WUNTRACED, 10000), pid);
	UT_ASSERT_EQ(parse_stat(path, &pid_seen, comm, &state, &ppid), 0);
	UT_EXPECT_EQ(state, 'T');
	kill(pid, SIGKILL);
	{
		siginfo_t si;

		UT_ASSERT_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	}
	UT_ASSERT_EQ(parse_stat(path, &pid_seen, comm, &state, &ppid), 0);
	UT_EXPECT_EQ(state, 'Z');
	ut_wait(pid);
	UT_EXPECT_ERRNO(open(path, O_RDONLY), ENOENT);
}

UTEST(self_cmdline_is_nul_separated_argv)
{
	long n = ut_read_file("/proc/self/cmdline", text, sizeof(text));
	long off = 0;

	UT_ASSERT(n > 0);
	for (int i = 0; i < self_argc; i++) {
		UT_ASSERT(off < n);
		UT_EXPECT_EQ(strcmp(text + off, self_argv[i]), 0);
		off += strlen(self_argv[i]) + 1;
	}
	UT_EXPECT_EQ(off, n);
}

UTEST(self_maps_lists_stack_binary_and_new_mappings)
{
	char want[64];
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const char *s;

	UT_ASSERT(p != MAP_FAILED);
	s = proc_read("/proc/self/maps");
	UT_EXPECT(strstr(s, "[stack]\n") != NULL);
	UT_EXPECT(strstr(s, self_path) != NULL);
	UT_EXPECT(strstr(s, " r-xp ") != NULL);
	snprintf(want, sizeof(want), "%lx-%lx rw-p ", (unsigned long)p,
		 (unsigned long)p + 8192);
	UT_EXPECT(strstr(s, want) != NULL);
	UT_ASSERT_EQ(mprotect(p, 4096, PROT_READ), 0);
	s = proc_read("/proc/self/maps");
	snprintf(want, sizeof(want), "%lx-%lx r--p ", (unsigned long)p,
		 (unsigned long)p + 4096);
	UT_EXPECT(strstr(s, want) != NULL);
}

UTEST(self_fd_links_name_the_open_files)
{
	char link[64], target[PATH_MAX], cwd[PATH_MAX];
	int fd, found = 0;
	DIR *d;
	struct dirent *e;
	long n;

	ut_write_file("fd-target", "x", 0644);
	fd = open("fd-target", O_RDONLY);
	UT_ASSERT(fd >= 0);
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	UT_ASSERT(n > 0);
	target[n] = 0;
	UT_EXPECT_EQ(strncmp(target, cwd, strlen(cwd)), 0);
	UT_EXPECT_EQ(strcmp(target + strlen(cwd), "/fd-target"), 0);
	/* Reading through the link opens the same file. */
	UT_EXPECT_EQ(ut_read_file(link, cwd, sizeof(cwd)), 1);
	d = opendir("/proc/self/fd");
	UT_ASSERT(d != NULL);
	while ((e = readdir(d)))
		if (atoi(e->d_name) == fd && e->d_name[0] != '.')
			found = 1;
	closedir(d);
	UT_EXPECT(found);
	UT_EXPECT_ERRNO(open("/proc/self/fd/999", O_RDONLY), ENOENT);
}

UTEST(self_links_exe_cwd_and_self)
{
	char buf[PATH_MAX], cwd[PATH_MAX], pid[16];
	long n;

	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	UT_ASSERT(n > 0);
	buf[n] = 0;
	UT_EXPECT_EQ(strcmp(buf, self_path), 0);
	n = readlink("/proc/self/cwd", buf, sizeof(buf) - 1);
	UT_ASSERT(n > 0);
	buf[n] = 0;
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	UT_EXPECT_EQ(strcmp(buf, cwd), 0);
	n = readlink("/proc/self", buf, sizeof(buf) - 1);
	UT_ASSERT(n > 0);
	buf[n] = 0;
	snprintf(pid, sizeof(pid), "%d", getpid());
	UT_EXPECT_EQ(strcmp(buf, pid), 0);
}

UTEST(self_comm_environ_limits)
{
	long n;

	UT_ASSERT_EQ(prctl(PR_SET_NAME, "renamed"), 0);
	proc_read("/proc/self/comm");
	UT_EXPECT_EQ(strcmp(text, "renamed\n"), 0);
	UT_EXPECT(field(proc_read("/proc/self/status"), "Name") != NULL);
	UT_EXPECT_EQ(strncmp(field(text, "Name"), "renamed\n", 8), 0);
	setenv("UT_PROC_ENV", "1", 1); /* not in the kernel's copy */
	n = ut_read_file("/proc/self/environ", text, sizeof(text));
	UT_EXPECT(n >= 0);
	if (getenv("PATH")) {
		int found = 0;

		for (long off = 0; off < n; off += strlen(text + off) + 1)
			found |= !strncmp(text + off, "PATH=", 5);
		UT_EXPECT(found);
	}
	proc_read("/proc/self/limits");
	UT_EXPECT(strstr(text, "Max open files") != NULL);
	UT_EXPECT(strstr(text, "Max stack size") != NULL);
}

static void *sleeper(void *arg)
{
	(void)arg;
	pause();
	return NULL;
}

UTEST(self_task_lists_threads)
{
	pthread_t t;
	DIR *d;
	struct dirent *e;
	int tasks = 0;
	const char *v;

	UT_ASSERT_EQ(pthread_create(&t, NULL, sleeper, NULL), 0);
	usleep(10000);
	d = opendir("/proc/self/task");
	UT_ASSERT(d != NULL);
	while ((e = readdir(d)))
		tasks += e->d_name[0] != '.';
	closedir(d);
	UT_EXPECT_EQ(tasks, 2);
	v = field(proc_read("/proc/self/status"), "Threads");
	UT_EXPECT(v && atoi(v) == 2);
}

static long meminfo_kb(const char *key)
{
	const char *v = field(text, key);

	return v ? atol(v) : -1;
}

UTEST(meminfo_total_and_free_match_sysinfo)
{
	struct sysinfo si;
	long total, freekb, avail;

	proc_read("/proc/meminfo");
	total = meminfo_kb("MemTotal");
	freekb = meminfo_kb("MemFree");
	avail = meminfo_kb("MemAvailable");
	UT_EXPECT(total > 0);
	UT_EXPECT(freekb > 0 && freekb <= total);
	UT_EXPECT(avail >= 0 && avail <= total);
	UT_EXPECT(meminfo_kb("Buffers") >= 0);
	UT_EXPECT(meminfo_kb("Cached") >= 0);
	UT_EXPECT(meminfo_kb("SwapTotal") >= 0);
	UT_ASSERT_EQ(sysinfo(&si), 0);
	UT_EXPECT_EQ(total, (long)((unsigned long long)si.totalram *
				   si.mem_unit / 1024));
}

UTEST(uptime_and_loadavg_formats)
{
	double up = -1, idle = -1, l1 = -1, l5 = -1, l15 = -1;
	int running = -1, total = -1, last = -1;
	struct sysinfo si;

	UT_ASSERT_EQ(sscanf(proc_read("/proc/uptime"), "%lf %lf", &up, &idle),
		     2);
	UT_ASSERT_EQ(sysinfo(&si), 0);
	UT_EXPECT(up > 0);
	UT_EXPECT(idle >= 0);
	UT_EXPECT(up - si.uptime > -2 && up - si.uptime < 2);
	UT_ASSERT_EQ(sscanf(proc_read("/proc/loadavg"), "%lf %lf %lf %d/%d %d",
			    &l1, &l5, &l15, &running, &total, &last),
		     6);
	UT_EXPECT(l1 >= 0 && l5 >= 0 && l15 >= 0);
	UT_EXPECT(running >= 1 && running <= total);
	UT_EXPECT(last > 0);
}

UTEST(mounts_show_root_and_proc)
{
	const char *s = proc_read("/proc/mounts");
	int root = 0, proc = 0;

	for (const char *line = s; line && *line;) {
		char dev[64], dir[256], type[64];

		if (sscanf(line, "%63s %255s %63s", dev, dir, type) == 3) {
			root |= !strcmp(dir, "/");
			proc |= !strcmp(dir, "/proc") && !strcmp(type, "proc");
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	UT_EXPECT(root);
	UT_EXPECT(proc);
	/* /proc/self/mounts is the same list. */
	UT_EXPECT(strstr(proc_read("/proc/self/mounts"), " /proc proc ") !=
		  NULL);
}

UTEST(cpuinfo_has_one_processor_line_per_online_cpu)
{
	const char *s = proc_read("/proc/cpuinfo");
	int cpus = 0;

	for (const char *p = s; (p = strstr(p, "processor")); p++)
		if (p == s || p[-1] == '\n')
			cpus++;
	UT_EXPECT_EQ(cpus, sysconf(_SC_NPROCESSORS_ONLN));
	UT_EXPECT(strstr(s, "vendor_id") != NULL);
	UT_EXPECT(strstr(s, "flags") != NULL);
}

UTEST(version_filesystems_and_sys_kernel)
{
	struct utsname u;
	char buf[256];

	UT_ASSERT_EQ(uname(&u), 0);
	UT_EXPECT_EQ(strncmp(proc_read("/proc/version"), "Linux version ", 14),
		     0);
	UT_EXPECT(strstr(text, u.release) != NULL);
	proc_read("/proc/filesystems");
	UT_EXPECT(strstr(text, "\ttmpfs\n") != NULL);
	UT_EXPECT(strstr(text, "nodev\tproc\n") != NULL);
	ut_read_file("/proc/sys/kernel/ostype", buf, sizeof(buf));
	UT_EXPECT_EQ(strcmp(buf, "Linux\n"), 0);
	ut_read_file("/proc/sys/kernel/osrelease", buf, sizeof(buf));
	UT_EXPECT_EQ(strncmp(buf, u.release, strlen(u.release)), 0);
	ut_read_file("/proc/sys/kernel/hostname", buf, sizeof(buf));
	UT_EXPECT_EQ(strncmp(buf, u.nodename, strlen(u.nodename)), 0);
	UT_EXPECT(ut_read_file("/proc/sys/kernel/pid_max", buf, sizeof(buf)) >
		  0);
	UT_EXPECT(atoi(buf) >= 32768);
}

UTEST(global_statistics_files_have_live_data)
{
	unsigned long long user, nice, sys, idle;

	UT_ASSERT_EQ(sscanf(proc_read("/proc/stat"), "cpu %llu %llu %llu %llu",
			    &user, &nice, &sys, &idle),
		     4);
	UT_EXPECT(user + sys + idle > 0);
	UT_EXPECT(strstr(text, "\nctxt ") != NULL);
	UT_EXPECT(strstr(text, "\nprocesses ") != NULL);
	UT_EXPECT(strstr(proc_read("/proc/vmstat"), "nr_free_pages ") != NULL);
	UT_EXPECT(strstr(proc_read("/proc/buddyinfo"), "zone") != NULL);
	UT_EXPECT(strstr(text, "Normal") != NULL || strstr(text, "DMA32"));
	UT_EXPECT(strstr(proc_read("/proc/interrupts"), "CPU0") != NULL);
	ut_require_root();
	UT_EXPECT(strstr(proc_read("/proc/slabinfo"), "slabinfo - version") !=
		  NULL);
}

UTEST(missing_pids_and_files_are_enoent)
{
	UT_EXPECT_ERRNO(open("/proc/999999/stat", O_RDONLY), ENOENT);
	UT_EXPECT_ERRNO(open("/proc/self/no-such-file", O_RDONLY), ENOENT);
}

static const struct utest tests[] = {
	UTEST_CASE(self_status_name_pid_ppid_vmrss_uid),
	UTEST_CASE(self_stat_pid_comm_state_ppid),
	UTEST_CASE(other_process_states_sleeping_stopped_zombie),
	UTEST_CASE(self_cmdline_is_nul_separated_argv),
	UTEST_CASE(self_maps_lists_stack_binary_and_new_mappings),
	UTEST_CASE(self_fd_links_name_the_open_files),
	UTEST_CASE(self_links_exe_cwd_and_self),
	UTEST_CASE(self_comm_environ_limits),
	UTEST_CASE(self_task_lists_threads),
	UTEST_CASE(meminfo_total_and_free_match_sysinfo),
	UTEST_CASE(uptime_and_loadavg_formats),
	UTEST_CASE(mounts_show_root_and_proc),
	UTEST_CASE(cpuinfo_has_one_processor_line_per_online_cpu),
	UTEST_CASE(version_filesystems_and_sys_kernel),
	UTEST_CASE(global_statistics_files_have_live_data),
	UTEST_CASE(missing_pids_and_files_are_enoent),
};

int main(int argc, char **argv)
{
	int ret;

	self_argc = argc;
	self_argv = argv;
	if (!realpath(argv[0], self_path))
		return 1;
	ut_workdir("procfs");
	ret = utest_main("proc_fs", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
