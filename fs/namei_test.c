/*
 * ktest "namei": the path walk and the directory operations, with the
 * errors Linux gives.  Each case runs in a fresh tmpfs (fs/vfs_test.h).
 */
#include <linux/capability.h>
#include <linux/sched/signal.h>
#include <uapi/linux/stat.h>
#include "vfs_test.h"

static int namei_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void namei_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

static void namei_test_enoent(struct ktest *test)
{
	struct kstat st;

	KTEST_EXPECT_EQ(test, t_stat("nope", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_stat("nope/x", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_stat("", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_open("nope", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, t_unlink("nope"), -ENOENT);
	KTEST_EXPECT_EQ(test, t_rmdir("nope"), -ENOENT);
	KTEST_EXPECT_EQ(test, t_mkdir("nope/d", 0755), -ENOENT);
	KTEST_EXPECT_EQ(test, t_rename("nope", "x", 0), -ENOENT);
	/* A dangling symlink: the target is missing. */
	KTEST_ASSERT_EQ(test, t_symlink("missing", "dangling"), 0);
	KTEST_EXPECT_EQ(test, t_stat("dangling", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_lstat("dangling", &st), 0);
	KTEST_EXPECT_EQ(test, t_symlink("", "empty"), -ENOENT);
}

static void namei_test_enotdir(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "data"), 0);
	KTEST_EXPECT_EQ(test, t_stat("f/x", &st), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_stat("f/", &st), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_open("f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_mkdir("f/d", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_chdir("f"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_rmdir("f"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_unlink("f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_unlink("f"), 0);
}

static void namei_test_eexist(struct ktest *test)
{
	int fd;

	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_EXPECT_EQ(test, t_mkdir("d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, t_mkdir(".", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, t_mkdir("..", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, t_symlink("x", "d"), -EEXIST);
	fd = t_open("f", O_CREAT | O_EXCL | O_WRONLY, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	t_close(fd);
	KTEST_EXPECT_EQ(test, t_open("f", O_CREAT | O_EXCL | O_WRONLY, 0644),
			-EEXIST);
	KTEST_EXPECT_EQ(test, t_link("f", "d"), -EEXIST);
	/* O_EXCL does not follow a final symlink, even a dangling one. */
	KTEST_ASSERT_EQ(test, t_symlink("nowhere", "ln"), 0);
	KTEST_EXPECT_EQ(test, t_open("ln", O_CREAT | O_EXCL | O_WRONLY, 0644),
			-EEXIST);
	/* Without O_EXCL the dangling link's target is created. */
	fd = t_open("ln", O_CREAT | O_WRONLY, 0644);
	KTEST_EXPECT_GE(test, fd, 0);
	if (fd >= 0)
		t_close(fd);
	KTEST_EXPECT_EQ(test, t_unlink("nowhere"), 0);
}

static void namei_test_eisdir(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	KTEST_EXPECT_EQ(test, t_open("d", O_WRONLY, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, t_open("d", O_RDWR, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, t_open("d", O_CREAT | O_WRONLY, 0644), -EISDIR);
	KTEST_EXPECT_EQ(test, t_open("new/", O_CREAT | O_WRONLY, 0644),
			-EISDIR);
	KTEST_EXPECT_EQ(test, t_open(".", O_CREAT | O_WRONLY, 0644), -EISDIR);
	KTEST_EXPECT_EQ(test, t_unlink("d"), -EISDIR);
	KTEST_EXPECT_EQ(test, t_unlink("."), -EISDIR);
	KTEST_EXPECT_EQ(test, t_rename("f", "d", 0), -EISDIR);
	/* A directory opened read-only is fine. */
	KTEST_EXPECT_EQ(test, t_close(t_open("d", O_RDONLY, 0)), 0);
}

/* A chain l0 -> l1 -> ... -> l<n> -> "f". */
static void make_chain(struct ktest *test, const char *prefix, int n)
{
	char name[16], target[16];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s%d", prefix, i);
		if (i == n - 1)
			strscpy(target, "f", sizeof(target));
		else
			snprintf(target, sizeof(target), "%s%d", prefix, i + 1);
		KTEST_ASSERT_EQ(test, t_symlink(target, name), 0);
	}
}

static void namei_test_eloop(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	KTEST_ASSERT_EQ(test, t_symlink("loop2", "loop1"), 0);
	KTEST_ASSERT_EQ(test, t_symlink("loop1", "loop2"), 0);
	KTEST_EXPECT_EQ(test, t_stat("loop1", &st), -ELOOP);
	KTEST_EXPECT_EQ(test, t_stat("loop1/x", &st), -ELOOP);
	KTEST_EXPECT_EQ(test, t_lstat("loop1", &st), 0);
	/* 40 links in one walk are fine, the 41st is one too many. */
	make_chain(test, "a", 40);
	KTEST_EXPECT_EQ(test, t_stat("a0", &st), 0);
	make_chain(test, "b", 41);
	KTEST_EXPECT_EQ(test, t_stat("b0", &st), -ELOOP);
	/* O_NOFOLLOW refuses a final symlink. */
	KTEST_EXPECT_EQ(test, t_open("a39", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	KTEST_EXPECT_EQ(test, t_close(t_open("a39", O_RDONLY, 0)), 0);
}

static void namei_test_enametoolong(struct ktest *test)
{
	char *name = kmalloc(PATH_MAX + 2, GFP_KERNEL);
	struct kstat st;
	int i;

	KTEST_ASSERT_NOT_NULL(test, name);
	memset(name, 'a', 256);
	name[256] = '\0';
	KTEST_EXPECT_EQ(test, t_stat(name, &st), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(test, t_mkdir(name, 0755), -ENAMETOOLONG);
	name[255] = '\0';
	KTEST_EXPECT_EQ(test, t_stat(name, &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_mkdir(name, 0755), 0);
	KTEST_EXPECT_EQ(test, t_stat(name, &st), 0);
	KTEST_EXPECT_EQ(test, t_rmdir(name), 0);
	/* 4095 bytes is a path; 4096 (no room for the NUL) is not. */
	for (i = 0; i < PATH_MAX - 1; i += 2) {
		name[i] = '.';
		name[i + 1] = '/';
	}
	name[PATH_MAX - 1] = '\0'; /* "././.../." 4095 bytes */
	KTEST_EXPECT_EQ(test, strlen(name), PATH_MAX - 1);
	KTEST_EXPECT_EQ(test, t_stat(name, &st), 0);
	name[PATH_MAX - 1] = '.';
	name[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(test, t_stat(name, &st), -ENAMETOOLONG);
	kfree(name);
}

static void namei_test_trailing_slash(struct ktest *test)
{
	struct kstat st;

	KTEST_EXPECT_EQ(test, t_mkdir("d/", 0755), 0);
	KTEST_EXPECT_EQ(test, t_stat("d/", &st), 0);
	KTEST_EXPECT_EQ(test, t_stat("d//", &st), 0);
	KTEST_ASSERT_EQ(test, t_symlink("d", "ld"), 0);
	/* A trailing slash follows the link even for lstat. */
	KTEST_EXPECT_EQ(test, t_lstat("ld/", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(st.mode));
	KTEST_EXPECT_EQ(test, t_lstat("ld", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, t_rmdir("d/"), 0);
	/* "name/" cannot create a non-directory. */
	KTEST_EXPECT_EQ(test,
			do_mknodat(AT_FDCWD, getname_kernel("g/"),
				   S_IFREG | 0644, 0),
			-ENOENT);
}

static void namei_test_dots_and_mounts(struct ktest *test)
{
	struct kstat here, root, up, top;

	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_stat(".", &here), 0);
	KTEST_ASSERT_EQ(test, t_stat("d/..", &up), 0);
	KTEST_EXPECT_EQ(test, up.ino, here.ino);
	KTEST_EXPECT_EQ(test, up.dev, here.dev);
	/* ".." from the root of the test mount crosses into rootfs. */
	KTEST_ASSERT_EQ(test, t_stat("..", &up), 0);
	KTEST_ASSERT_EQ(test, t_stat("/", &root), 0);
	KTEST_EXPECT_EQ(test, up.ino, root.ino);
	KTEST_EXPECT_EQ(test, up.dev, root.dev);
	KTEST_EXPECT_NE(test, up.dev, here.dev);
	/* ".." at "/" stays at "/". */
	KTEST_ASSERT_EQ(test, t_stat("/../../..", &top), 0);
	KTEST_EXPECT_EQ(test, top.ino, root.ino);
	/* Walking down through the mount point lands in the tmpfs. */
	KTEST_ASSERT_EQ(test, t_stat("/ktest-vfs/d/../.", &up), 0);
	KTEST_EXPECT_EQ(test, up.ino, here.ino);
	KTEST_EXPECT_EQ(test, up.dev, here.dev);
}

static void namei_test_symlinks(struct ktest *test)
{
	char buf[64];
	int fd, n;

	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("d/target", "hello"), 0);
	KTEST_ASSERT_EQ(test, t_symlink("d/target", "rel"), 0);
	KTEST_ASSERT_EQ(test, t_symlink("/ktest-vfs/d", "abs"), 0);
	KTEST_ASSERT_EQ(test, t_symlink("../d", "d/up"), 0);
	fd = t_open("rel", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	n = t_read(fd, buf, sizeof(buf));
	KTEST_EXPECT_EQ(test, n, 5);
	KTEST_EXPECT_MEMEQ(test, buf, "hello", 5);
	t_close(fd);
	/* Links in the middle of a path, relative and absolute. */
	fd = t_open("abs/up/up/target", O_RDONLY, 0);
	KTEST_EXPECT_GE(test, fd, 0);
	if (fd >= 0)
		t_close(fd);
	n = do_readlinkat(AT_FDCWD, getname_kernel("rel"), buf, sizeof(buf));
	KTEST_EXPECT_EQ(test, n, 8);
	KTEST_EXPECT_MEMEQ(test, buf, "d/target", 8);
	/* Truncated to the buffer, no NUL added. */
	n = do_readlinkat(AT_FDCWD, getname_kernel("rel"), buf, 3);
	KTEST_EXPECT_EQ(test, n, 3);
	KTEST_EXPECT_EQ(test,
			do_readlinkat(AT_FDCWD, getname_kernel("d"), buf,
				      sizeof(buf)),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_readlinkat(AT_FDCWD, getname_kernel("rel"), buf, 0),
			-EINVAL);
}

static void namei_test_dirfd(struct ktest *test)
{
	struct kstat st;
	struct filename *empty;
	int dfd, fd, ffd;

	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	dfd = t_open("d", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, dfd, 0);
	fd = t_openat(dfd, "x", O_CREAT | O_WRONLY, 0600);
	KTEST_EXPECT_GE(test, fd, 0);
	t_close(fd);
	KTEST_EXPECT_EQ(test, t_stat("d/x", &st), 0);
	ffd = t_open("d/x", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, ffd, 0);
	KTEST_EXPECT_EQ(test, t_openat(ffd, "y", O_RDONLY, 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_openat(999, "y", O_RDONLY, 0), -EBADF);
	/* An absolute name ignores the dirfd. */
	fd = t_openat(999, "/ktest-vfs/d/x", O_RDONLY, 0);
	KTEST_EXPECT_GE(test, fd, 0);
	if (fd >= 0)
		t_close(fd);
	/* AT_EMPTY_PATH: "" names the fd's own file. */
	empty = getname_kernel("");
	KTEST_EXPECT_EQ(test,
			vfs_statx(ffd, empty, AT_EMPTY_PATH, &st,
				  STATX_BASIC_STATS),
			0);
	KTEST_EXPECT_TRUE(test, S_ISREG(st.mode));
	KTEST_EXPECT_EQ(test, vfs_statx(ffd, empty, 0, &st, STATX_BASIC_STATS),
			-ENOENT);
	putname(empty);
	t_close(ffd);
	t_close(dfd);
}

/* Non-root: mode bits decide. */
static void namei_test_eacces(struct ktest *test)
{
	struct kstat st;
	int fd;

	KTEST_ASSERT_EQ(test, t_mkdir("priv", 0700), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("priv/x", "x"), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("ro", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("secret", "s"), 0);
	KTEST_ASSERT_EQ(test, init_chmod("secret", 0600), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("rootfile", "r"), 0);
	KTEST_ASSERT_EQ(test, init_chmod("rootfile", 0666), 0);
	/* Root may do all of it (CAP_DAC_OVERRIDE). */
	fd = t_open("secret", O_RDWR, 0);
	KTEST_EXPECT_GE(test, fd, 0);
	t_close(fd);
	vfs_test_become_user(test);
	KTEST_EXPECT_EQ(test, t_stat("priv/x", &st), -EACCES);
	KTEST_EXPECT_EQ(test, t_open("secret", O_RDONLY, 0), -EACCES);
	KTEST_EXPECT_EQ(test, t_mkdir("ro/d", 0755), -EACCES);
	KTEST_EXPECT_EQ(test, t_chdir("priv"), -EACCES);
	KTEST_EXPECT_EQ(test, init_chmod("secret", 0777), -EPERM);
	KTEST_EXPECT_EQ(test, init_chown("rootfile", 1000, 1000, 0), -EPERM);
	/* The test root is 1777: anyone may create, only owners remove. */
	KTEST_EXPECT_EQ(test, t_mkfile("mine", "m"), 0);
	KTEST_EXPECT_EQ(test, t_unlink("rootfile"), -EPERM);
	KTEST_EXPECT_EQ(test, t_rename("rootfile", "stolen", 0), -EPERM);
	KTEST_EXPECT_EQ(test, t_unlink("mine"), 0);
	/* Writable by all: writing is fine, chmod is not. */
	fd = t_open("rootfile", O_WRONLY, 0);
	KTEST_EXPECT_GE(test, fd, 0);
	if (fd >= 0)
		t_close(fd);
	KTEST_EXPECT_EQ(test,
			do_faccessat(AT_FDCWD, getname_kernel("secret"),
				     4 /* R_OK */, 0),
			-EACCES);
	KTEST_EXPECT_EQ(test,
			do_faccessat(AT_FDCWD, getname_kernel("rootfile"),
				     2 /* W_OK */, 0),
			0);
}

static void namei_test_rmdir_errors(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("d/f", "x"), 0);
	KTEST_EXPECT_EQ(test, t_rmdir("d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, t_rmdir("d/."), -EINVAL);
	KTEST_EXPECT_EQ(test, t_rmdir("d/.."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, t_rmdir("/"), -EBUSY);
	KTEST_EXPECT_EQ(test, t_unlink("d/f"), 0);
	KTEST_EXPECT_EQ(test, t_rmdir("d"), 0);
	KTEST_EXPECT_EQ(test, t_rmdir("d"), -ENOENT);
}

static void namei_test_exdev(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	KTEST_EXPECT_EQ(test, t_rename("f", "/ktest-exdev", 0), -EXDEV);
	KTEST_EXPECT_EQ(test, t_link("f", "/ktest-exdev"), -EXDEV);
}

static void namei_test_cwd_removed(struct ktest *test)
{
	char buf[64];

	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_chdir("d"), 0);
	KTEST_EXPECT_EQ(test, get_cwd_kernel(buf, sizeof(buf)), 13);
	KTEST_EXPECT_STREQ(test, buf, "/ktest-vfs/d");
	KTEST_EXPECT_EQ(test, get_cwd_kernel(buf, 5), -ERANGE);
	KTEST_EXPECT_EQ(test, t_rmdir("../d"), 0);
	KTEST_EXPECT_EQ(test, get_cwd_kernel(buf, sizeof(buf)), -ENOENT);
	/* Nothing can be created in a removed directory. */
	KTEST_EXPECT_EQ(test, t_mkfile("x", "x"), -ENOENT);
	KTEST_EXPECT_EQ(test, t_chdir(".."), 0);
}

/* rename(2) ---------------------------------------------------------- */

static void read_file(struct ktest *test, const char *path, char *buf,
		      size_t size)
{
	int fd = t_open(path, O_RDONLY, 0);
	ssize_t n;

	memset(buf, 0, size);
	KTEST_ASSERT_GE(test, fd, 0);
	n = t_read(fd, buf, size - 1);
	KTEST_EXPECT_GE(test, n, 0);
	t_close(fd);
}

static void rename_test_over_file(struct ktest *test)
{
	struct kstat st;
	char buf[16];
	int fd;

	KTEST_ASSERT_EQ(test, t_mkfile("a", "AAA"), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("b", "BBB"), 0);
	fd = t_open("b", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, t_rename("a", "b", 0), 0);
	KTEST_EXPECT_EQ(test, t_stat("a", &st), -ENOENT);
	read_file(test, "b", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "AAA");
	/* The replaced file lives on for the fd that has it open. */
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_read(fd, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(test, buf, "BBB");
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 0);
	t_close(fd);
}

static void rename_test_into_own_subtree(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, t_mkdir("a", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("a/b", 0755), 0);
	KTEST_EXPECT_EQ(test, t_rename("a", "a/b/c", 0), -EINVAL);
	KTEST_EXPECT_EQ(test, t_rename("a", "a/c", 0), -EINVAL);
	/* Over one of its own ancestors. */
	KTEST_EXPECT_EQ(test, t_rename("a/b", "a", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, t_rename("a/b", "a/b", 0), 0);
}

static void rename_test_directories(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkdir("full", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("full/f", "x"), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("empty", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("src", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("file", "x"), 0);
	KTEST_EXPECT_EQ(test, t_rename("src", "full", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, t_rename("src", "file", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_rename("file", "empty", 0), -EISDIR);
	KTEST_EXPECT_EQ(test, t_rename("file/", "x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, t_rename(".", "x", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, t_rename("x", "..", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, t_rename("src", "empty", 0), 0);
	KTEST_EXPECT_EQ(test, t_stat("src", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_stat("empty", &st), 0);
	/* Moving a directory moves its ".." link between parents. */
	KTEST_ASSERT_EQ(test, t_mkdir("p1", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("p2", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("p1/sub", 0755), 0);
	KTEST_ASSERT_EQ(test, t_stat("p1", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 3);
	KTEST_EXPECT_EQ(test, t_rename("p1/sub", "p2/sub/", 0), 0);
	KTEST_ASSERT_EQ(test, t_stat("p1", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 2);
	KTEST_ASSERT_EQ(test, t_stat("p2", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 3);
	KTEST_EXPECT_EQ(test, t_stat("p2/sub/..", &st), 0);
}

static void rename_test_flags(struct ktest *test)
{
	char buf[16];

	KTEST_ASSERT_EQ(test, t_mkfile("a", "AAA"), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("b", "BBB"), 0);
	KTEST_EXPECT_EQ(test, t_rename("a", "b", RENAME_NOREPLACE), -EEXIST);
	KTEST_EXPECT_EQ(test,
			t_rename("a", "b", RENAME_NOREPLACE | RENAME_EXCHANGE),
			-EINVAL);
	KTEST_EXPECT_EQ(test, t_rename("a", "b", 0x80), -EINVAL);
	KTEST_EXPECT_EQ(test, t_rename("a", "c", RENAME_EXCHANGE), -ENOENT);
	KTEST_EXPECT_EQ(test, t_rename("a", "b", RENAME_EXCHANGE), 0);
	read_file(test, "a", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "BBB");
	read_file(test, "b", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "AAA");
	KTEST_EXPECT_EQ(test, t_rename("a", "c", RENAME_NOREPLACE), 0);
	/* Two names of one inode: rename is a no-op, both stay. */
	KTEST_ASSERT_EQ(test, t_link("c", "d"), 0);
	KTEST_EXPECT_EQ(test, t_rename("c", "d", 0), 0);
	read_file(test, "c", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "BBB");
}

static void rename_test_long_names(struct ktest *test)
{
	/* Longer than DNAME_INLINE_LEN: the dcache keeps them apart. */
	const char *l1 = "a-name-much-longer-than-the-inline-dentry-name-1";
	const char *l2 = "a-name-much-longer-than-the-inline-dentry-name-2";
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkfile(l1, "1"), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("s", "2"), 0);
	KTEST_EXPECT_EQ(test, t_rename(l1, "s2", 0), 0);
	KTEST_EXPECT_EQ(test, t_rename("s", l2, 0), 0);
	KTEST_EXPECT_EQ(test, t_rename(l2, l1, RENAME_NOREPLACE), 0);
	KTEST_EXPECT_EQ(test, t_rename("s2", l1, RENAME_EXCHANGE), 0);
	KTEST_EXPECT_EQ(test, t_stat(l1, &st), 0);
	KTEST_EXPECT_EQ(test, st.size, 1);
	KTEST_EXPECT_EQ(test, t_stat("s2", &st), 0);
	KTEST_EXPECT_EQ(test, t_stat(l2, &st), -ENOENT);
}

/* Hard links and unlink ------------------------------------------------- */

static void links_test_nlink_counts(struct ktest *test)
{
	struct kstat st, st2;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "data"), 0);
	KTEST_ASSERT_EQ(test, t_stat("f", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 1);
	KTEST_ASSERT_EQ(test, t_link("f", "g"), 0);
	KTEST_ASSERT_EQ(test, t_stat("g", &st2), 0);
	KTEST_EXPECT_EQ(test, st2.nlink, 2);
	KTEST_EXPECT_EQ(test, st2.ino, st.ino);
	KTEST_EXPECT_EQ(test, t_unlink("f"), 0);
	KTEST_ASSERT_EQ(test, t_stat("g", &st2), 0);
	KTEST_EXPECT_EQ(test, st2.nlink, 1);
	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, t_stat("d", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 2);
	KTEST_EXPECT_EQ(test, t_link("d", "d2"), -EPERM);
	KTEST_ASSERT_EQ(test, t_mkdir("d/e", 0755), 0);
	KTEST_ASSERT_EQ(test, t_stat("d", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 3);
	KTEST_EXPECT_EQ(test, t_rmdir("d/e"), 0);
	KTEST_ASSERT_EQ(test, t_stat("d", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 2);
	/* link() does not follow a symlink; its new name is the link. */
	KTEST_ASSERT_EQ(test, t_symlink("g", "sl"), 0);
	KTEST_EXPECT_EQ(test, t_link("sl", "sl2"), 0);
	KTEST_ASSERT_EQ(test, t_lstat("sl2", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, st.nlink, 2);
}

static void links_test_unlink_open_file(struct ktest *test)
{
	struct kstatfs before, during, after;
	struct kstat st;
	char buf[16];
	int fd;

	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &before), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("f", "still here"), 0);
	fd = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, t_unlink("f"), 0);
	KTEST_EXPECT_EQ(test, t_stat("f", &st), -ENOENT);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_read(fd, buf, sizeof(buf)), 10);
	KTEST_EXPECT_STREQ(test, buf, "still here");
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 0);
	/* A new file of the same name is a different inode. */
	KTEST_ASSERT_EQ(test, t_mkfile("f", "new"), 0);
	KTEST_ASSERT_EQ(test, t_unlink("f"), 0);
	/* The inode and its page are still accounted while open... */
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &during), 0);
	KTEST_EXPECT_EQ(test, during.f_ffree, before.f_ffree - 1);
	KTEST_EXPECT_EQ(test, during.f_bfree, before.f_bfree - 1);
	t_close(fd);
	/* ...and freed by the last close. */
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &after), 0);
	KTEST_EXPECT_EQ(test, after.f_ffree, before.f_ffree);
	KTEST_EXPECT_EQ(test, after.f_bfree, before.f_bfree);
}

static struct ktest_case rename_test_cases[] = {
	KTEST_CASE(rename_test_over_file),
	KTEST_CASE(rename_test_into_own_subtree),
	KTEST_CASE(rename_test_directories),
	KTEST_CASE(rename_test_flags),
	KTEST_CASE(rename_test_long_names),
	KTEST_CASE(links_test_nlink_counts),
	KTEST_CASE(links_test_unlink_open_file),
	{}
};

static struct ktest_suite rename_test_suite = {
	.name = "rename",
	.init = namei_init,
	.exit = namei_exit,
	.test_cases = rename_test_cases,
};
ktest_suite(rename_test_suite);

static struct ktest_case namei_test_cases[] = {
	KTEST_CASE(namei_test_enoent),
	KTEST_CASE(namei_test_enotdir),
	KTEST_CASE(namei_test_eexist),
	KTEST_CASE(namei_test_eisdir),
	KTEST_CASE(namei_test_eloop),
	KTEST_CASE(namei_test_enametoolong),
	KTEST_CASE(namei_test_trailing_slash),
	KTEST_CASE(namei_test_dots_and_mounts),
	KTEST_CASE(namei_test_symlinks),
	KTEST_CASE(namei_test_dirfd),
	KTEST_CASE(namei_test_eacces),
	KTEST_CASE(namei_test_rmdir_errors),
	KTEST_CASE(namei_test_exdev),
	KTEST_CASE(namei_test_cwd_removed),
	{}
};

static struct ktest_suite namei_test_suite = {
	.name = "namei",
	.init = namei_init,
	.exit = namei_exit,
	.test_cases = namei_test_cases,
};
ktest_suite(namei_test_suite);
