/*
 * ktest "mounts": mounting tmpfs and ramfs, crossing mounts, umount's
 * EBUSY and MNT_DETACH, bind mounts, read-only/noexec/nodev, remount,
 * MS_MOVE, and the /proc/mounts and /proc/filesystems formats.
 */
#include <linux/seq_file.h>
#include <uapi/linux/mount.h>
#include "vfs_test.h"

static int mounts_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void mounts_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

static void mounts_test_mount_and_umount(struct ktest *test)
{
	struct kstat st, dst;

	KTEST_ASSERT_EQ(test, t_mkdir("m", 0755), 0);
	KTEST_ASSERT_EQ(test, t_stat("m", &dst), 0);
	KTEST_ASSERT_EQ(test, init_mount("none", "m", "ramfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(test, t_stat("m", &st), 0);
	KTEST_EXPECT_NE(test, st.dev, dst.dev);
	KTEST_EXPECT_EQ(test, t_mkfile("m/inside", "x"), 0);
	KTEST_EXPECT_EQ(test, t_stat("m/inside", &st), 0);
	/* ".." from the mounted root is the directory holding "m". */
	KTEST_EXPECT_EQ(test, t_stat("m/..", &st), 0);
	KTEST_EXPECT_EQ(test, st.dev, dst.dev);
	KTEST_EXPECT_EQ(test, init_umount("m", 0), 0);
	KTEST_EXPECT_EQ(test, t_stat("m/inside", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_stat("m", &st), 0);
	KTEST_EXPECT_EQ(test, st.dev, dst.dev);
	/* Not a mount point, not a directory, no such type. */
	KTEST_EXPECT_EQ(test, init_umount("m", 0), -EINVAL);
	KTEST_EXPECT_EQ(test, init_umount("m", 0x100), -EINVAL);
	KTEST_EXPECT_EQ(test, init_mount("none", "m", "nosuchfs", 0, NULL),
			-ENODEV);
	KTEST_ASSERT_EQ(test, t_mkfile("file", "x"), 0);
	KTEST_EXPECT_EQ(test, init_mount("none", "file", "tmpfs", 0, NULL),
			-ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mount("none", "nope", "tmpfs", 0, NULL),
			-ENOENT);
	KTEST_EXPECT_EQ(test,
			init_mount("none", "m", "tmpfs", 0, "size=1k,bogus=1"),
			-EINVAL);
	KTEST_EXPECT_EQ(test, init_umount("/", 0), -EINVAL);
}

static void mounts_test_busy_and_detach(struct ktest *test)
{
	struct kstat st;
	char buf[8];
	int fd;

	KTEST_ASSERT_EQ(test, t_mkdir("m", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", "m", "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("m/f", "busy"), 0);
	fd = t_open("m/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, init_umount("m", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, init_umount("m", MNT_FORCE), -EBUSY);
	/* A cwd inside makes it busy too. */
	KTEST_ASSERT_EQ(test, t_close(fd), 0);
	KTEST_ASSERT_EQ(test, t_chdir("m"), 0);
	KTEST_EXPECT_EQ(test, init_umount("/ktest-vfs/m", 0), -EBUSY);
	KTEST_ASSERT_EQ(test, t_chdir(".."), 0);
	/* A submount makes it busy. */
	KTEST_ASSERT_EQ(test, t_mkdir("m/sub", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("s", "m/sub", "ramfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(test, init_umount("m", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, init_umount("m/sub", 0), 0);
	/* MNT_DETACH: gone from the tree at once, alive for its users. */
	fd = t_open("m/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, init_umount("m", MNT_DETACH), 0);
	KTEST_EXPECT_EQ(test, t_stat("m/f", &st), -ENOENT);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_read(fd, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(test, buf, "busy");
	t_close(fd); /* the last user: the tmpfs goes away now */
}

static void mounts_test_bind(struct ktest *test)
{
	struct kstat a, b;

	KTEST_ASSERT_EQ(test, t_mkdir("src", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("src/sub", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("dst", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("src/sub/f", "x"), 0);
	KTEST_ASSERT_EQ(test, init_mount("src/sub", "dst", NULL, MS_BIND, NULL),
			0);
	KTEST_ASSERT_EQ(test, t_stat("src/sub/f", &a), 0);
	KTEST_ASSERT_EQ(test, t_stat("dst/f", &b), 0);
	KTEST_EXPECT_EQ(test, a.ino, b.ino);
	KTEST_EXPECT_EQ(test, a.dev, b.dev);
	KTEST_EXPECT_EQ(test, t_mkfile("dst/g", "y"), 0);
	KTEST_EXPECT_EQ(test, t_stat("src/sub/g", &a), 0);
	/* Crossing mounts: rename and link between the two say EXDEV. */
	KTEST_EXPECT_EQ(test, t_rename("dst/g", "src/g", 0), -EXDEV);
	KTEST_EXPECT_EQ(test, t_link("dst/g", "src/g2"), -EXDEV);
	/* A read-only bind: the same files, no writing through it. */
	KTEST_EXPECT_EQ(test,
			init_mount(NULL, "dst", NULL,
				   MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
			0);
	KTEST_EXPECT_EQ(test, t_mkfile("dst/h", "z"), -EROFS);
	KTEST_EXPECT_EQ(test, t_open("dst/f", O_WRONLY, 0), -EROFS);
	KTEST_EXPECT_EQ(test, t_mkfile("src/sub/h", "z"), 0);
	KTEST_EXPECT_EQ(test, init_umount("dst", 0), 0);
	KTEST_EXPECT_EQ(test, t_stat("dst/f", &b), -ENOENT);
	KTEST_EXPECT_EQ(test, init_mount("nope", "dst", NULL, MS_BIND, NULL),
			-ENOENT);
}

static void mounts_test_flags(struct ktest *test)
{
	struct kstat st;
	int fd;

	KTEST_ASSERT_EQ(test, t_mkdir("m", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", "m", "tmpfs", MS_RDONLY, NULL),
			0);
	KTEST_EXPECT_EQ(test, t_mkfile("m/f", "x"), -EROFS);
	KTEST_EXPECT_EQ(test, t_mkdir("m/d", 0755), -EROFS);
	KTEST_EXPECT_EQ(test, init_mount(NULL, "m", NULL, MS_REMOUNT, NULL), 0);
	KTEST_EXPECT_EQ(test, t_mkfile("m/f", "x"), 0);
	KTEST_EXPECT_EQ(test, init_chmod("m/f", 0755), 0);
	KTEST_EXPECT_EQ(test,
			init_mount(NULL, "m", NULL,
				   MS_REMOUNT | MS_NOEXEC | MS_NODEV, NULL),
			0);
	/* noexec: nothing there may be executed. */
	KTEST_EXPECT_EQ(test,
			do_faccessat(AT_FDCWD, getname_kernel("m/f"),
				     1 /* X_OK */, 0),
			-EACCES);
	/* nodev: device nodes can be made but not opened. */
	KTEST_EXPECT_EQ(test,
			init_mknod("m/null", S_IFCHR | 0666,
				   new_encode_dev(MKDEV(1, 3))),
			0);
	KTEST_EXPECT_EQ(test, t_stat("m/null", &st), 0);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(1, 3));
	KTEST_EXPECT_EQ(test, t_open("m/null", O_RDWR, 0), -EACCES);
	KTEST_EXPECT_EQ(test, init_mount(NULL, "m", NULL, MS_REMOUNT, NULL), 0);
	KTEST_EXPECT_EQ(test,
			do_faccessat(AT_FDCWD, getname_kernel("m/f"),
				     1 /* X_OK */, 0),
			0);
	/* Without nodev the open reaches the char-device layer. */
	fd = t_open("m/null", O_RDWR, 0);
	KTEST_EXPECT_NE(test, fd, -EACCES);
	if (fd >= 0)
		close_fd(fd); /* /dev/null exists: the open worked */
	KTEST_EXPECT_EQ(test, init_umount("m", 0), 0);
}

static void mounts_test_move(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkdir("a", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("b", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", "a", "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("a/f", "x"), 0);
	KTEST_EXPECT_EQ(test, init_mount("a", "b", NULL, MS_MOVE, NULL), 0);
	KTEST_EXPECT_EQ(test, t_stat("a/f", &st), -ENOENT);
	KTEST_EXPECT_EQ(test, t_stat("b/f", &st), 0);
	/* Not into itself. */
	KTEST_ASSERT_EQ(test, t_mkdir("b/in", 0755), 0);
	KTEST_EXPECT_EQ(test, init_mount("b", "b/in", NULL, MS_MOVE, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(test, init_umount("b", 0), 0);
}

static void mounts_test_needs_cap(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, t_mkdir("m", 0777), 0);
	vfs_test_become_user(test);
	KTEST_EXPECT_EQ(test, init_mount("t", "m", "tmpfs", 0, NULL), -EPERM);
	KTEST_EXPECT_EQ(test, init_umount("/ktest-vfs", 0), -EPERM);
}

static bool contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static void mounts_test_proc_format(struct ktest *test)
{
	char *buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	struct seq_file m;
	struct path root;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, t_mkdir("with space", 0755), 0);
	KTEST_ASSERT_EQ(test,
			init_mount("mytmp", "with space", "tmpfs",
				   MS_NOSUID | MS_NODEV,
				   "size=64k,mode=0700,nr_inodes=50"),
			0);
	seq_buf_init(&m, buf, PAGE_SIZE - 1);
	get_fs_root(current->fs, &root);
	mounts_proc_show(&m, &root);
	path_put(&root);
	KTEST_EXPECT_TRUE(test, contains(buf, "rootfs / rootfs rw"));
	KTEST_EXPECT_TRUE(test,
			  contains(buf, "tmpfs /ktest-vfs tmpfs rw,relatime"));
	KTEST_EXPECT_TRUE(
		test,
		contains(
			buf,
			"mytmp /ktest-vfs/with\\040space tmpfs rw,nosuid,nodev,relatime,size=64k,nr_inodes=50,mode=700 0 0\n"));
	if (!contains(buf, "with\\040space"))
		ktest_info(test, "%s", buf);
	memset(buf, 0, PAGE_SIZE);
	seq_buf_init(&m, buf, PAGE_SIZE - 1);
	filesystems_proc_show(&m);
	KTEST_EXPECT_TRUE(test, contains(buf, "nodev\ttmpfs\n"));
	KTEST_EXPECT_TRUE(test, contains(buf, "nodev\tramfs\n"));
	KTEST_EXPECT_TRUE(test, contains(buf, "nodev\tdevtmpfs\n"));
	KTEST_EXPECT_EQ(test, init_umount("with space", 0), 0);
	kfree(buf);
}

static struct ktest_case mounts_test_cases[] = {
	KTEST_CASE(mounts_test_mount_and_umount),
	KTEST_CASE(mounts_test_busy_and_detach),
	KTEST_CASE(mounts_test_bind),
	KTEST_CASE(mounts_test_flags),
	KTEST_CASE(mounts_test_move),
	KTEST_CASE(mounts_test_needs_cap),
	KTEST_CASE(mounts_test_proc_format),
	{}
};

static struct ktest_suite mounts_test_suite = {
	.name = "mounts",
	.init = mounts_init,
	.exit = mounts_exit,
	.test_cases = mounts_test_cases,
};
ktest_suite(mounts_test_suite);
