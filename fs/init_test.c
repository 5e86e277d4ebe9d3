/*
 * ktest "init_syscalls": the kernel-string file calls the initramfs
 * unpacker uses (linux/init_syscalls.h), and devtmpfs node creation.
 */
#include <linux/devtmpfs.h>
#include "vfs_test.h"

static int init_syscalls_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void init_syscalls_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

static void init_syscalls_test_unpack_like(struct ktest *test)
{
	struct timespec64 ts[2] = { { 1000, 0 }, { 2000, 500 } };
	struct kstat st;
	char buf[8];
	struct file *f;
	loff_t pos = 0;

	/* What a cpio newc unpacker does, entry by entry. */
	KTEST_EXPECT_EQ(test, init_mkdir("bin", 0755), 0);
	f = filp_open("bin/busybox", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, kernel_write(f, "\177ELF", 4, &pos), 4);
	KTEST_EXPECT_EQ(test, filp_close(f, NULL), 0);
	KTEST_EXPECT_EQ(test, init_symlink("busybox", "bin/sh"), 0);
	KTEST_EXPECT_EQ(test, init_link("bin/busybox", "bin/ash"), 0);
	KTEST_EXPECT_EQ(test,
			init_mknod("console", S_IFCHR | 0600,
				   new_encode_dev(MKDEV(5, 1))),
			0);
	KTEST_EXPECT_EQ(test, init_mknod("fifo", S_IFIFO | 0644, 0), 0);
	KTEST_EXPECT_EQ(test, init_chown("bin/busybox", 10, 20, 0), 0);
	KTEST_EXPECT_EQ(test, init_chmod("bin/busybox", 04755), 0);
	KTEST_EXPECT_EQ(test, init_utimes("bin/busybox", ts), 0);
	KTEST_ASSERT_EQ(test, init_stat("bin/sh", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 04755);
	KTEST_EXPECT_EQ(test, st.uid, 10);
	KTEST_EXPECT_EQ(test, st.gid, 20);
	KTEST_EXPECT_EQ(test, st.nlink, 2);
	KTEST_EXPECT_EQ(test, st.size, 4);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, 2000);
	KTEST_EXPECT_EQ(test, st.mtime.tv_nsec, 500);
	KTEST_EXPECT_EQ(test, st.atime.tv_sec, 1000);
	KTEST_ASSERT_EQ(test, init_stat("console", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0600);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(5, 1));
	KTEST_ASSERT_EQ(test, init_stat("bin/sh", &st, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, init_eaccess("bin/sh"), 0);
	/* Opening the device node reaches the char-device layer. */
	f = filp_open("console", O_RDWR, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(f)); /* the tty layer serves 5:1 */
	if (!IS_ERR(f))
		fput(f);
	/* chown by root drops set-user-ID. */
	KTEST_EXPECT_EQ(test, init_chown("bin/busybox", 0, 0, 0), 0);
	KTEST_ASSERT_EQ(test, init_stat("bin/busybox", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode & 07777, 0755);
	/* Reading it back with kernel_read (what exec does). */
	f = filp_open("bin/sh", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	pos = 1;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 3);
	KTEST_EXPECT_MEMEQ(test, buf, "ELF", 3);
	KTEST_EXPECT_EQ(test, pos, 4);
	filp_close(f, NULL);
	/* Opening for exec wants an x bit and a regular file. */
	{
		struct filename *name = getname_kernel("bin/sh");

		f = vfs_open_exec(AT_FDCWD, name, 0);
		KTEST_EXPECT_FALSE(test, IS_ERR(f));
		if (!IS_ERR(f)) {
			KTEST_EXPECT_TRUE(test, f->f_mode & FMODE_EXEC);
			fput(f);
		}
		KTEST_EXPECT_EQ(test, init_chmod("bin/busybox", 0644), 0);
		f = vfs_open_exec(AT_FDCWD, name, 0);
		KTEST_EXPECT_EQ(test, PTR_ERR(f), -EACCES);
		f = vfs_open_exec(AT_FDCWD, name, AT_SYMLINK_NOFOLLOW);
		KTEST_EXPECT_EQ(test, PTR_ERR(f), -ELOOP);
		putname(name);
		name = getname_kernel("bin");
		f = vfs_open_exec(AT_FDCWD, name, 0);
		KTEST_EXPECT_EQ(test, PTR_ERR(f), -EACCES);
		putname(name);
	}
	KTEST_EXPECT_EQ(test, init_unlink("bin/ash"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("bin"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, init_unlink("bin/sh"), 0);
	KTEST_EXPECT_EQ(test, init_unlink("bin/busybox"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("bin"), 0);
	KTEST_EXPECT_EQ(test, init_mknod("bad", S_IFDIR | 0755, 0), -EPERM);
	KTEST_EXPECT_EQ(test, init_mknod("bad", 0170000, 0), -EINVAL);
}

static void init_syscalls_test_chroot(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_mkdir("newroot", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir("newroot/etc", 0755), 0);
	KTEST_ASSERT_EQ(test, init_chdir("newroot"), 0);
	KTEST_ASSERT_EQ(test, init_chroot("."), 0);
	KTEST_EXPECT_EQ(test, init_stat("/etc", &st, 0), 0);
	KTEST_EXPECT_EQ(test, init_stat("/newroot", &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, init_chroot("/nope"), -ENOENT);
	set_fs_root(current->fs, &vfs_env.saved_fs->root);
}

static void init_syscalls_test_devtmpfs(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_mkdir("dev", 0755), 0);
	KTEST_ASSERT_EQ(test,
			init_mount("devtmpfs", "dev", "devtmpfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(test,
			devtmpfs_create_node("ktest0", S_IFCHR | 0620,
					     MKDEV(4, 64)),
			0);
	KTEST_EXPECT_EQ(test,
			devtmpfs_create_node("ktest0", S_IFCHR | 0620,
					     MKDEV(4, 64)),
			-EEXIST);
	KTEST_EXPECT_EQ(test,
			devtmpfs_create_node("ktpts/7", S_IFCHR | 0600,
					     MKDEV(136, 7)),
			0);
	KTEST_EXPECT_EQ(test, devtmpfs_create_node("plain", S_IFREG | 0600, 0),
			-EINVAL);
	/* The nodes show in every mount of devtmpfs, root-owned. */
	KTEST_ASSERT_EQ(test, init_stat("dev/ktest0", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0620);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(4, 64));
	KTEST_EXPECT_EQ(test, st.uid, 0);
	KTEST_ASSERT_EQ(test, init_stat("dev/ktpts/7", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(136, 7));
	KTEST_EXPECT_EQ(test, init_stat("dev/ktpts", &st, 0), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(st.mode));
	KTEST_EXPECT_EQ(test, devtmpfs_delete_node("ktpts/7"), 0);
	KTEST_EXPECT_EQ(test, devtmpfs_delete_node("ktpts/7"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_stat("dev/ktpts/7", &st, 0), -ENOENT);
	/* Directories: /dev/pts is there from boot, before any pty. */
	KTEST_EXPECT_EQ(test, init_stat("dev/pts", &st, 0), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(st.mode));
	KTEST_EXPECT_EQ(test, devtmpfs_create_dir("pts"), 0);
	KTEST_EXPECT_EQ(test, devtmpfs_create_dir("ktdir/sub"), 0);
	KTEST_EXPECT_EQ(test, init_stat("dev/ktdir/sub", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(test, devtmpfs_create_dir("ktest0"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_rmdir("dev/ktdir/sub"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("dev/ktdir"), 0);
	KTEST_EXPECT_EQ(test, devtmpfs_delete_node("ktest0"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("dev/ktpts"), 0);
	KTEST_EXPECT_EQ(test, init_umount("dev", 0), 0);
}

static struct ktest_case init_syscalls_test_cases[] = {
	KTEST_CASE(init_syscalls_test_unpack_like),
	KTEST_CASE(init_syscalls_test_chroot),
	KTEST_CASE(init_syscalls_test_devtmpfs),
	{}
};

static struct ktest_suite init_syscalls_test_suite = {
	.name = "init_syscalls",
	.init = init_syscalls_init,
	.exit = init_syscalls_exit,
	.test_cases = init_syscalls_test_cases,
};
ktest_suite(init_syscalls_test_suite);
