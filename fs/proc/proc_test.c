/*
 * ktest "procfs": the proc filesystem read through kernel_read() on a
 * kern_mount of it, as a program would read /proc -- Linux's formats
 * (stat's 52 fields, status keys in order), pid directories that
 * follow tasks, seq_file reads of any size and at any offset, sysctl
 * writes and their checks, access to another process's files, magic
 * fd links, and removal of entries.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/proc_fs.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include "../vfs_test.h"
#include "internal.h"

static struct vfsmount *proc_mnt;

static int procfs_init(struct ktest *test)
{
	int err = vfs_test_enter(test, NULL);

	if (err)
		return err;
	proc_mnt = kern_mount(&proc_fs_type);
	return IS_ERR(proc_mnt) ? PTR_ERR(proc_mnt) : 0;
}

static void procfs_exit(struct ktest *test)
{
	if (!IS_ERR_OR_NULL(proc_mnt))
		kern_unmount(proc_mnt);
	proc_mnt = NULL;
	vfs_test_exit(test);
}

static struct file *p_open(const char *name, int flags)
{
	struct path root = { .mnt = proc_mnt, .dentry = proc_mnt->mnt_root };

	return file_open_root(&root, name, flags, 0);
}

/* Read all of @name into @buf (NUL-terminated); the length or -errno. */
static ssize_t p_read(const char *name, char *buf, size_t size)
{
	struct file *f = p_open(name, O_RDONLY);
	loff_t pos = 0;
	ssize_t n, total = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	while (total < (ssize_t)size - 1) {
		n = kernel_read(f, buf + total, size - 1 - total, &pos);
		if (n <= 0) {
			if (n < 0)
				total = n;
			break;
		}
		total += n;
	}
	if (total >= 0)
		buf[total] = '\0';
	fput(f);
	return total;
}

static ssize_t p_write(const char *name, const char *s)
{
	struct file *f = p_open(name, O_WRONLY);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, s, strlen(s), &pos);
	fput(f);
	return n;
}

static int count_fields(const char *s)
{
	int n = 0;

	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		n++;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n')
			s++;
	}
	return n;
}

static void procfs_test_self_stat_has_52_fields(struct ktest *test)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	char expect[32];
	const char *rparen;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GT(test, p_read("self/stat", buf, PAGE_SIZE), 0);
	snprintf(expect, sizeof(expect), "%d (", current->pid);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, expect, strlen(expect)));
	rparen = strrchr(buf, ')');
	KTEST_ASSERT_NOT_NULL(test, rparen);
	/* pid and (comm) are two; the comm may hold spaces. */
	KTEST_EXPECT_EQ(test, count_fields(rparen + 1) + 2, 52);
	KTEST_EXPECT_TRUE(test, strchr("RSDTtXZPI", rparen[2]) != NULL);
	KTEST_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	/* The thread's own file has the same shape. */
	snprintf(expect, sizeof(expect), "self/task/%d/stat", current->pid);
	KTEST_ASSERT_GT(test, p_read(expect, buf, PAGE_SIZE), 0);
	rparen = strrchr(buf, ')');
	KTEST_ASSERT_NOT_NULL(test, rparen);
	KTEST_EXPECT_EQ(test, count_fields(rparen + 1) + 2, 52);
	KTEST_ASSERT_GT(test, p_read("self/statm", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, count_fields(buf), 7);
	kfree(buf);
}

static const char *const status_keys[] = {
	"Name",	  "Umask",  "State",  "Tgid",	"Ngid",	  "Pid",
	"PPid",	  "TracerPid", "Uid", "Gid",	"FDSize", "Groups",
	"Threads", "SigQ",  "SigPnd", "ShdPnd", "SigBlk", "SigIgn",
	"SigCgt", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb",
	"NoNewPrivs", "Cpus_allowed", "Cpus_allowed_list",
	"voluntary_ctxt_switches", "nonvoluntary_ctxt_switches",
};

/* Does line-start "@key:\t" occur in @s at or after *@from?  Advance. */
static bool find_key(const char *s, const char *key, const char **from)
{
	size_t len = strlen(key);
	const char *p = *from;

	while (p && *p) {
		if (!strncmp(p, key, len) && p[len] == ':' && p[len + 1] == '\t') {
			*from = p + len;
			return true;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return false;
}

static void procfs_test_status_keys_in_order(struct ktest *test)
{
	char *buf = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	const char *from;
	char line[32];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GT(test, p_read("self/status", buf, 2 * PAGE_SIZE), 0);
	from = buf;
	for (i = 0; i < ARRAY_SIZE(status_keys); i++)
		if (!find_key(buf, status_keys[i], &from))
			ktest_fail(test, __FILE__, __LINE__,
				   "status: %s missing or out of order",
				   status_keys[i]);
	snprintf(line, sizeof(line), "\nPid:\t%d\n", current->pid);
	KTEST_EXPECT_TRUE(test, strstr(buf, line) != NULL);
	KTEST_EXPECT_TRUE(test, strstr(buf, "\nUid:\t0\t0\t0\t0\n") != NULL);
	kfree(buf);
}

static int sleeper_fn(void *unused)
{
	while (!kthread_should_stop())
		msleep(5);
	return 0;
}

struct name_search {
	struct dir_context ctx;
	const char *want;
	bool found;
	int count;
};

static bool name_search_actor(struct dir_context *ctx, const char *name,
			      int len, loff_t off, u64 ino, unsigned int type)
{
	struct name_search *s = container_of(ctx, struct name_search, ctx);

	s->count++;
	if (len == (int)strlen(s->want) && !memcmp(name, s->want, len))
		s->found = true;
	return true;
}

/* Does directory @dir of the proc mount list @name? */
static bool p_lists(struct ktest *test, const char *dir, const char *name)
{
	struct name_search s = { .ctx.actor = name_search_actor, .want = name };
	struct file *f = p_open(*dir ? dir : ".", O_RDONLY | O_DIRECTORY);

	if (IS_ERR(f)) {
		ktest_info(test, "open %s: %ld", dir, PTR_ERR(f));
		return false;
	}
	iterate_dir(f, &s.ctx);
	fput(f);
	return s.found;
}

static void procfs_test_pid_dir_follows_task(struct ktest *test)
{
	struct task_struct *t = kthread_run(sleeper_fn, NULL, "ktest-proc");
	char name[32], pidname[16], *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	pid_t pid;
	int i;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	pid = t->pid;
	snprintf(pidname, sizeof(pidname), "%d", pid);
	snprintf(name, sizeof(name), "%d/stat", pid);
	KTEST_EXPECT_GT(test, p_read(name, buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, "(ktest-proc)") != NULL);
	KTEST_EXPECT_TRUE(test, p_lists(test, "", pidname));
	snprintf(name, sizeof(name), "%d/comm", pid);
	KTEST_EXPECT_GT(test, p_read(name, buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "ktest-proc\n");
	snprintf(name, sizeof(name), "%d/task", pid);
	KTEST_EXPECT_TRUE(test, p_lists(test, name, pidname));
	kthread_stop(t);
	/* The pid goes when the exited thread is released. */
	snprintf(name, sizeof(name), "%d/stat", pid);
	for (i = 0; i < 200 && p_read(name, buf, PAGE_SIZE) > 0; i++)
		msleep(5);
	KTEST_EXPECT_EQ(test, p_read(name, buf, PAGE_SIZE), -ENOENT);
	KTEST_EXPECT_FALSE(test, p_lists(test, "", pidname));
	KTEST_EXPECT_EQ(test, p_read("0/stat", buf, PAGE_SIZE), -ENOENT);
	KTEST_EXPECT_EQ(test, p_read("99999999/stat", buf, PAGE_SIZE), -ENOENT);
	KTEST_EXPECT_EQ(test, p_read("1x/stat", buf, PAGE_SIZE), -ENOENT);
	kfree(buf);
}

/* A file read 1, 7 and 4096 bytes at a time, and by pread, is the same. */
static void procfs_test_seq_read_any_size(struct ktest *test)
{
	static const size_t sizes[] = { 1, 7, 4096 };
	char *whole = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	char *part = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	ssize_t len;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, whole);
	KTEST_ASSERT_NOT_NULL(test, part);
	len = p_read("cpuinfo", whole, 4 * PAGE_SIZE);
	KTEST_ASSERT_GT(test, len, 100);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct file *f = p_open("cpuinfo", O_RDONLY);
		loff_t pos = 0;
		ssize_t total = 0, n;

		KTEST_ASSERT_FALSE(test, IS_ERR(f));
		while ((n = kernel_read(f, part + total, sizes[i], &pos)) > 0)
			total += n;
		KTEST_EXPECT_EQ(test, total, len);
		KTEST_EXPECT_TRUE(test, !memcmp(part, whole, len));
		/* pread from the middle replays up to it. */
		pos = len / 2;
		n = kernel_read(f, part, 16, &pos);
		KTEST_EXPECT_EQ(test, n, min_t(ssize_t, 16, len - len / 2));
		KTEST_EXPECT_TRUE(test, !memcmp(part, whole + len / 2, n));
		KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), -EINVAL);
		KTEST_EXPECT_EQ(test, vfs_llseek(f, 3, SEEK_SET), 3);
		fput(f);
	}
	kfree(whole);
	kfree(part);
}

static void procfs_test_global_formats(struct ktest *test)
{
	char *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	unsigned long a, b, c;
	const char *p;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GT(test, p_read("meminfo", buf, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "MemTotal:", 9));
	KTEST_ASSERT_GT(test, p_read("loadavg", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, count_fields(buf), 5);
	KTEST_EXPECT_TRUE(test, strchr(buf, '/') != NULL);
	KTEST_ASSERT_GT(test, p_read("uptime", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, count_fields(buf), 2);
	KTEST_ASSERT_GT(test, p_read("version", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "Linux version " UTS_RELEASE " ",
					 14 + strlen(UTS_RELEASE) + 1));
	KTEST_ASSERT_GT(test, p_read("stat", buf, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "cpu  ", 5));
	/* "cpu  user nice system ...": numbers after the label. */
	p = buf + 5;
	a = simple_strtoul(p, (char **)&p, 10);
	KTEST_EXPECT_EQ(test, *p, ' ');
	b = simple_strtoul(p, (char **)&p, 10);
	c = simple_strtoul(p, (char **)&p, 10);
	KTEST_EXPECT_EQ(test, *p, ' ');
	(void)a, (void)b, (void)c;
	for (p = "\ncpu0 \0\nintr \0\nctxt \0\nbtime \0\nprocesses \0"
		 "\nprocs_running \0\nprocs_blocked \0\nsoftirq \0";
	     *p; p += strlen(p) + 1)
		KTEST_EXPECT_TRUE(test, strstr(buf, p) != NULL);
	KTEST_ASSERT_GT(test, p_read("cpuinfo", buf, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "processor\t: 0\n", 14));
	KTEST_EXPECT_TRUE(test, strstr(buf, "\nflags\t\t: fpu") != NULL);
	KTEST_EXPECT_TRUE(test, strstr(buf, "\nbogomips\t: ") != NULL);
	KTEST_ASSERT_GT(test, p_read("filesystems", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, "nodev\tproc\n") != NULL);
	KTEST_ASSERT_GT(test, p_read("devices", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "Character devices:\n", 19));
	KTEST_EXPECT_TRUE(test, strstr(buf, "\n  1 mem\n") != NULL);
	KTEST_EXPECT_EQ(test, p_read("modules", buf, PAGE_SIZE), 0);
	KTEST_ASSERT_GT(test, p_read("mounts", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, " / rootfs ") != NULL);
	KTEST_ASSERT_GT(test, p_read("self/limits", buf, PAGE_SIZE), 0);
	p = "Limit                     Soft Limit           Hard Limit           Units     \n"
	    "Max cpu time              unlimited            unlimited            seconds   \n";
	KTEST_EXPECT_TRUE(test, !strncmp(buf, p, strlen(p)));
	KTEST_ASSERT_GT(test, p_read("sys/kernel/ostype", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "Linux\n");
	KTEST_ASSERT_GT(test, p_read("sys/kernel/random/boot_id", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, strlen(buf), 37);
	KTEST_EXPECT_EQ(test, p_read("nonexistent", buf, PAGE_SIZE), -ENOENT);
	kfree(buf);
}

/* /proc/self is current's tgid, and follows into its directory. */
static void procfs_test_self_link(struct ktest *test)
{
	struct file *f = p_open("self", O_PATH | O_NOFOLLOW);
	char want[16], *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	const char *body;
	void *cookie;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	body = vfs_get_link(f->f_path.dentry, &cookie);
	snprintf(want, sizeof(want), "%d", current->tgid);
	KTEST_EXPECT_FALSE(test, IS_ERR(body));
	if (!IS_ERR(body))
		KTEST_EXPECT_STREQ(test, body, want);
	kfree(cookie);
	fput(f);
	KTEST_ASSERT_GT(test, p_read("thread-self/status", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "Name:\t", 6));
	kfree(buf);
}

static void procfs_test_sysctl_write(struct ktest *test)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	char saved[__NEW_UTS_LEN + 2];

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GT(test, p_read("sys/kernel/hostname", saved, sizeof(saved)), 0);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/hostname", "ktest-host\n"), 11);
	KTEST_EXPECT_STREQ(test, utsname()->nodename, "ktest-host");
	KTEST_ASSERT_GT(test, p_read("sys/kernel/hostname", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "ktest-host\n");
	p_write("sys/kernel/hostname", saved);
	KTEST_EXPECT_EQ(test, strcmp(utsname()->nodename, "ktest-host") != 0, 1);
	/* Integers: not a number, out of range, too many. */
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/pid_max", "abc"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/pid_max", "10"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/pid_max", "40000"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/pid_max", "400 500"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/vm/overcommit_memory", "3"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/vm/overcommit_memory", "1\n"), 2);
	KTEST_ASSERT_GT(test, p_read("sys/vm/overcommit_memory", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "1\n");
	KTEST_EXPECT_EQ(test, p_write("sys/vm/overcommit_memory", "0"), 1);
	KTEST_EXPECT_EQ(test, p_write("sys/vm/drop_caches", "3"), 1);
	KTEST_EXPECT_EQ(test, p_write("sys/vm/drop_caches", "5"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/fs/pipe-max-size", "5000"), 4);
	KTEST_ASSERT_GT(test, p_read("sys/fs/pipe-max-size", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "8192\n");
	/* Linux rounds anything below a page up to one page. */
	KTEST_EXPECT_EQ(test, p_write("sys/fs/pipe-max-size", "0"), 1);
	KTEST_ASSERT_GT(test, p_read("sys/fs/pipe-max-size", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, buf, "4096\n");
	KTEST_EXPECT_EQ(test, p_write("sys/fs/pipe-max-size", "4294967295"),
			-EINVAL);
	KTEST_EXPECT_EQ(test, p_write("sys/fs/pipe-max-size", "1048576"), 7);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/ostype", "x"), -EACCES);
	KTEST_ASSERT_GT(test, p_read("sys/kernel/printk", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, count_fields(buf), 4);
	/* Not root: the mode says no, and so would the capability check. */
	vfs_test_become_user(test);
	KTEST_EXPECT_EQ(test, p_write("sys/kernel/hostname", "evil"), -EACCES);
	KTEST_EXPECT_GT(test, p_read("sys/kernel/hostname", buf, PAGE_SIZE), 0);
	kfree(buf);
}

/* Another user's process: environ, maps and fd/ are closed to us. */
static void procfs_test_other_users_files(struct ktest *test)
{
	struct task_struct *t = kthread_run(sleeper_fn, NULL, "ktest-root");
	char name[32], *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct file *f;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	vfs_test_become_user(test);
	snprintf(name, sizeof(name), "%d/environ", t->pid);
	KTEST_EXPECT_EQ(test, p_read(name, buf, PAGE_SIZE), -EACCES);
	snprintf(name, sizeof(name), "%d/maps", t->pid);
	KTEST_EXPECT_EQ(test, p_read(name, buf, PAGE_SIZE), -EACCES);
	snprintf(name, sizeof(name), "%d/fd", t->pid);
	f = p_open(name, O_RDONLY | O_DIRECTORY);
	KTEST_EXPECT_EQ(test, IS_ERR(f) ? PTR_ERR(f) : 0, -EACCES);
	if (!IS_ERR(f))
		fput(f);
	snprintf(name, sizeof(name), "%d/cwd/", t->pid);
	f = p_open(name, O_RDONLY | O_DIRECTORY);
	KTEST_EXPECT_EQ(test, IS_ERR(f) ? PTR_ERR(f) : 0, -EACCES);
	if (!IS_ERR(f))
		fput(f);
	/* stat and status stay readable by all. */
	snprintf(name, sizeof(name), "%d/status", t->pid);
	KTEST_EXPECT_GT(test, p_read(name, buf, PAGE_SIZE), 0);
	/* Our own process stays open to us. */
	KTEST_EXPECT_GE(test, p_read("self/maps", buf, PAGE_SIZE), 0);
	KTEST_EXPECT_GE(test, p_read("self/environ", buf, PAGE_SIZE), 0);
	/* Renaming another's thread is refused. */
	snprintf(name, sizeof(name), "%d/comm", t->pid);
	KTEST_EXPECT_LT(test, p_write(name, "x"), 0);
	kthread_stop(t);
	kfree(buf);
}

/* fd/N is a magic link: readlink names the file, open reaches it. */
static void procfs_test_fd_links(struct ktest *test)
{
	char name[32], want[64], *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	const char *body;
	struct file *f;
	void *cookie;
	int fd;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, t_mkfile("data", "hello"), 0);
	fd = t_open("data", O_RDONLY | O_CLOEXEC, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	snprintf(name, sizeof(name), "self/fd/%d", fd);
	f = p_open(name, O_PATH | O_NOFOLLOW);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	body = vfs_get_link(f->f_path.dentry, &cookie);
	snprintf(want, sizeof(want), "%s/data", vfs_env.dir);
	KTEST_EXPECT_FALSE(test, IS_ERR(body));
	if (!IS_ERR(body))
		KTEST_EXPECT_STREQ(test, body, want);
	kfree(cookie);
	fput(f);
	/* Opening the link opens the file itself, even once unlinked. */
	KTEST_ASSERT_EQ(test, t_unlink("data"), 0);
	KTEST_EXPECT_EQ(test, p_read(name, buf, PAGE_SIZE), 5);
	KTEST_EXPECT_STREQ(test, buf, "hello");
	snprintf(name, sizeof(name), "self/fdinfo/%d", fd);
	KTEST_ASSERT_GT(test, p_read(name, buf, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "pos:\t0\nflags:\t02000000\n", 23));
	KTEST_EXPECT_TRUE(test, strstr(buf, "\nmnt_id:\t") != NULL);
	t_close(fd);
	KTEST_EXPECT_EQ(test, p_read(name, buf, PAGE_SIZE), -ENOENT);
	/* cwd leads to the directory itself. */
	f = p_open("self/cwd/", O_RDONLY | O_DIRECTORY);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f)) {
		KTEST_EXPECT_PTR_EQ(test, f->f_path.dentry,
				    current->fs->pwd.dentry);
		fput(f);
	}
	kfree(buf);
}

static int ktest_entry_show(struct seq_file *m, void *v)
{
	seq_printf(m, "ktest %s\n", (const char *)m->private);
	return 0;
}

/* A removed entry disappears; a file still open keeps reading it. */
static void procfs_test_create_and_remove(struct ktest *test)
{
	struct proc_dir_entry *dir = proc_mkdir("ktest-dir", NULL);
	struct file *f;
	char buf[32];
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(test, dir);
	KTEST_ASSERT_NOT_NULL(test, proc_create_single_data("entry", 0444, dir,
							     ktest_entry_show,
							     "data"));
	KTEST_EXPECT_NULL(test, proc_mkdir("ktest-dir", NULL));
	KTEST_EXPECT_TRUE(test, p_lists(test, "", "ktest-dir"));
	KTEST_EXPECT_TRUE(test, p_lists(test, "ktest-dir", "entry"));
	f = p_open("ktest-dir/entry", O_RDONLY);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, remove_proc_subtree("ktest-dir", NULL), 0);
	KTEST_EXPECT_EQ(test, p_read("ktest-dir/entry", buf, sizeof(buf)),
			-ENOENT);
	KTEST_EXPECT_FALSE(test, p_lists(test, "", "ktest-dir"));
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 11);
	KTEST_EXPECT_TRUE(test, !memcmp(buf, "ktest data\n", 11));
	fput(f);
	KTEST_EXPECT_EQ(test, remove_proc_subtree("ktest-dir", NULL), -ENOENT);
}

static void procfs_test_comm_write(struct ktest *test)
{
	char saved[TASK_COMM_LEN], buf[32];

	get_task_comm(saved, current);
	KTEST_EXPECT_EQ(test, p_write("self/comm", "ktest-comm\n"), 11);
	KTEST_EXPECT_STREQ(test, current->comm, "ktest-comm");
	KTEST_ASSERT_GT(test, p_read("self/comm", buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "ktest-comm\n");
	set_task_comm(current, saved);
	KTEST_EXPECT_EQ(test, p_write("self/oom_score_adj", "500"), 3);
	KTEST_ASSERT_GT(test, p_read("self/oom_score_adj", buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "500\n");
	KTEST_EXPECT_EQ(test, p_write("self/oom_score_adj", "1001"), -EINVAL);
	KTEST_EXPECT_EQ(test, p_write("self/oom_score_adj", "0"), 1);
}

/* The number at *@pp after any blanks; *@pp moves past it. */
static unsigned long next_ul(const char **pp)
{
	while (**pp == ' ')
		(*pp)++;
	return simple_strtoul(*pp, (char **)pp, 10);
}

/* The 4th number of the "cpu" line of /proc/stat: idle ticks. */
static unsigned long stat_idle(struct ktest *test, char *buf, size_t size)
{
	const char *p = buf + 3;
	int i;

	if (p_read("stat", buf, size) <= 0)
		return 0;
	for (i = 0; i < 3; i++)
		next_ul(&p);
	return next_ul(&p);
}

/* Sleeping lets the CPU idle, and the idle column counts it. */
static void procfs_test_stat_counts_idle(struct ktest *test)
{
	char *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	unsigned long before, after, load;
	const char *p;
	int i;

	KTEST_ASSERT_NOT_NULL(test, buf);
	before = stat_idle(test, buf, 4 * PAGE_SIZE);
	msleep(100);
	after = stat_idle(test, buf, 4 * PAGE_SIZE);
	KTEST_EXPECT_GT(test, after, before);
	/* Load averages are small numbers, never a wrapped count. */
	KTEST_ASSERT_GT(test, p_read("loadavg", buf, PAGE_SIZE), 0);
	for (p = buf, i = 0; i < 3; i++) {
		load = next_ul(&p);
		KTEST_EXPECT_LT(test, load, 1000);
		KTEST_EXPECT_EQ(test, *p, '.');
		p++;
		next_ul(&p);
	}
	kfree(buf);
}

static struct ktest_case procfs_test_cases[] = {
	KTEST_CASE(procfs_test_self_stat_has_52_fields),
	KTEST_CASE(procfs_test_status_keys_in_order),
	KTEST_CASE(procfs_test_pid_dir_follows_task),
	KTEST_CASE(procfs_test_seq_read_any_size),
	KTEST_CASE(procfs_test_global_formats),
	KTEST_CASE(procfs_test_stat_counts_idle),
	KTEST_CASE(procfs_test_self_link),
	KTEST_CASE(procfs_test_sysctl_write),
	KTEST_CASE(procfs_test_other_users_files),
	KTEST_CASE(procfs_test_fd_links),
	KTEST_CASE(procfs_test_create_and_remove),
	KTEST_CASE(procfs_test_comm_write),
	{}
};

static struct ktest_suite procfs_test_suite = {
	.name = "procfs",
	.init = procfs_init,
	.exit = procfs_exit,
	.test_cases = procfs_test_cases,
};
ktest_suite(procfs_test_suite);
