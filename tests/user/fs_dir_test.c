/*
 * Directories and the namespace: mkdir/rmdir, getdents64, rename and
 * renameat2 flags, link counts, symlink/readlink, chdir/getcwd/chroot,
 * mknod and FIFOs, mount/umount2 (tmpfs size limits, bind, read-only,
 * noexec, EXDEV, EBUSY), statfs.
 */
#include "ut_util.h"
#include <dirent.h>
#include <limits.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#define TMPFS_MAGIC 0x01021994

struct ut_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/*
 * Mount cases run in a mount namespace of their own when the kernel has
 * one (the host: nothing leaks out), else in the global one (Linnet's
 * initramfs, where we are alone) and clean up after themselves.
 */
static void private_mounts(void)
{
	ut_require_root();
	if (unshare(CLONE_NEWNS) == 0)
		mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

/* Names found by getdents64 in @path, "name/" for directories, sorted
 * by their order of appearance, joined with spaces into @out. */
static int list_dir(const char *path, char *out, size_t size, int bufsize)
{
	char buf[4096];
	int fd = open(path, O_RDONLY | O_DIRECTORY), n, entries = 0;

	UT_ASSERT(fd >= 0);
	out[0] = 0;
	while ((n = syscall(SYS_getdents64, fd, buf, bufsize)) > 0) {
		for (int off = 0; off < n;) {
			struct ut_dirent64 *d = (void *)(buf + off);

			if (strlen(out) + strlen(d->d_name) + 3 < size) {
				strcat(out, d->d_name);
				if (d->d_type == DT_DIR)
					strcat(out, "/");
				strcat(out, " ");
			}
			UT_ASSERT(d->d_reclen > 0);
			off += d->d_reclen;
			entries++;
		}
	}
	UT_EXPECT_EQ(n, 0);
	close(fd);
	return entries;
}

UTEST(mkdir_rmdir_and_their_errors)
{
	struct stat st, parent0, parent1;

	UT_ASSERT_EQ(stat(".", &parent0), 0);
	UT_ASSERT_EQ(mkdir("d1", 0755), 0);
	UT_ASSERT_EQ(stat(".", &parent1), 0);
	UT_EXPECT_EQ(parent1.st_nlink, parent0.st_nlink + 1); /* d1/.. */
	UT_ASSERT_EQ(stat("d1", &st), 0);
	UT_EXPECT(S_ISDIR(st.st_mode));
	UT_EXPECT_EQ(st.st_nlink, 2);
	UT_EXPECT_ERRNO(mkdir("d1", 0755), EEXIST);
	UT_EXPECT_ERRNO(mkdir("nope/d", 0755), ENOENT);
	ut_write_file("d1/file", "x", 0644);
	UT_EXPECT_ERRNO(rmdir("d1"), ENOTEMPTY);
	UT_EXPECT_ERRNO(rmdir("d1/file"), ENOTDIR);
	UT_EXPECT_ERRNO(unlink("d1"), EISDIR);
	UT_EXPECT_ERRNO(rmdir("d1/."), EINVAL);
	UT_EXPECT_ERRNO(rmdir("nope"), ENOENT);
	UT_ASSERT_EQ(unlink("d1/file"), 0);
	UT_EXPECT_EQ(rmdir("d1"), 0);
	UT_EXPECT_ERRNO(stat("d1", &st), ENOENT);
	UT_ASSERT_EQ(stat(".", &parent1), 0);
	UT_EXPECT_EQ(parent1.st_nlink, parent0.st_nlink);
	/* mkdirat and unlinkat(AT_REMOVEDIR) */
	UT_ASSERT_EQ(mkdirat(AT_FDCWD, "d2", 0700), 0);
	UT_EXPECT_ERRNO(unlinkat(AT_FDCWD, "d2", 0), EISDIR);
	UT_EXPECT_EQ(unlinkat(AT_FDCWD, "d2", AT_REMOVEDIR), 0);
	UT_EXPECT_ERRNO(unlinkat(AT_FDCWD, "x", 0x1), EINVAL);
}

UTEST(getdents64_lists_every_entry_once)
{
	char out[1024];
	int n;

	UT_ASSERT_EQ(mkdir("ls", 0755), 0);
	ut_write_file("ls/alpha", "", 0644);
	ut_write_file("ls/beta", "", 0644);
	UT_ASSERT_EQ(mkdir("ls/sub", 0755), 0);
	UT_ASSERT_EQ(symlink("alpha", "ls/lnk"), 0);
	n = list_dir("ls", out, sizeof(out), 4096);
	UT_EXPECT_EQ(n, 6);
	UT_EXPECT(strstr(out, "./ ") != NULL);
	UT_EXPECT(strstr(out, "../ ") != NULL);
	UT_EXPECT(strstr(out, "alpha ") != NULL);
	UT_EXPECT(strstr(out, "beta ") != NULL);
	UT_EXPECT(strstr(out, "sub/ ") != NULL);
	UT_EXPECT(strstr(out, "lnk ") != NULL);
	/* A buffer that fits one entry at a time gives the same set. */
	UT_EXPECT_EQ(list_dir("ls", out, sizeof(out), 32), 6);
}

UTEST(getdents64_many_entries_and_errors)
{
	char name[32], out[8192], buf[64];
	int fd, n;

	UT_ASSERT_EQ(mkdir("many", 0755), 0);
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "many/entry-%03d", i);
		ut_write_file(name, "", 0644);
	}
	n = list_dir("many", out, sizeof(out), 1024);
	UT_EXPECT_EQ(n, 302);
	UT_EXPECT(strstr(out, "entry-000 ") && strstr(out, "entry-299 "));
	fd = open("many", O_RDONLY | O_DIRECTORY);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_ERRNO(syscall(SYS_getdents64, fd, buf, 8), EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_getdents64, fd, UT_KERNEL_PTR, 4096),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_getdents64, -1, buf, 64), EBADF);
	close(fd);
	fd = open("many/entry-000", O_RDONLY);
	UT_EXPECT_ERRNO(syscall(SYS_getdents64, fd, buf, 64), ENOTDIR);
	/* Removed entries disappear from the listing. */
	UT_ASSERT_EQ(unlink("many/entry-007"), 0);
	n = list_dir("many", out, sizeof(out), 4096);
	UT_EXPECT_EQ(n, 301);
	UT_EXPECT(strstr(out, "entry-007 ") == NULL);
}

UTEST(readdir_via_libc)
{
	DIR *d;
	struct dirent *e;
	int files = 0;

	UT_ASSERT_EQ(mkdir("rd", 0755), 0);
	ut_write_file("rd/one", "", 0644);
	ut_write_file("rd/two", "", 0644);
	d = opendir("rd");
	UT_ASSERT(d != NULL);
	while ((e = readdir(d)))
		files += e->d_name[0] != '.';
	closedir(d);
	UT_EXPECT_EQ(files, 2);
}

UTEST(rename_files_over_existing_and_errors)
{
	struct stat a, b;
	char buf[8];

	ut_write_file("ra", "AAA", 0644);
	ut_write_file("rb", "B", 0644);
	UT_ASSERT_EQ(stat("ra", &a), 0);
	UT_ASSERT_EQ(rename("ra", "rb"), 0);
	UT_EXPECT_ERRNO(stat("ra", &b), ENOENT);
	UT_ASSERT_EQ(stat("rb", &b), 0);
	UT_EXPECT_EQ(b.st_ino, a.st_ino);
	UT_EXPECT_EQ(ut_read_file("rb", buf, sizeof(buf)), 3);
	/* Renaming onto itself (or a hard link of itself) does nothing. */
	UT_EXPECT_EQ(rename("rb", "rb"), 0);
	UT_ASSERT_EQ(link("rb", "rb-link"), 0);
	UT_EXPECT_EQ(rename("rb", "rb-link"), 0);
	UT_EXPECT_EQ(stat("rb", &b), 0);
	UT_EXPECT_ERRNO(rename("nope", "x"), ENOENT);
	UT_EXPECT_ERRNO(rename("rb", "nope/x"), ENOENT);
	UT_EXPECT_ERRNO(rename("rb/x", "y"), ENOTDIR);
	UT_EXPECT_ERRNO(rename(NULL, "y"), EFAULT);
}

UTEST(rename_directories)
{
	struct stat st;

	UT_ASSERT_EQ(mkdir("da", 0755), 0);
	UT_ASSERT_EQ(mkdir("da/inner", 0755), 0);
	UT_ASSERT_EQ(mkdir("db", 0755), 0);
	UT_ASSERT_EQ(mkdir("dfull", 0755), 0);
	ut_write_file("dfull/f", "", 0644);
	ut_write_file("file", "", 0644);
	/* Into itself or its own subdirectory: EINVAL. */
	UT_EXPECT_ERRNO(rename("da", "da/inner/da"), EINVAL);
	UT_EXPECT_ERRNO(rename("da", "da/x"), EINVAL);
	/* Directory over a non-empty directory: ENOTEMPTY (or EEXIST). */
	errno = 0;
	UT_EXPECT_EQ(rename("da", "dfull"), -1);
	UT_EXPECT(errno == ENOTEMPTY || errno == EEXIST);
	/* Directory and file do not replace each other. */
	UT_EXPECT_ERRNO(rename("da", "file"), ENOTDIR);
	UT_EXPECT_ERRNO(rename("file", "db"), EISDIR);
	/* Over an empty directory it works. */
	UT_ASSERT_EQ(rename("da", "db"), 0);
	UT_ASSERT_EQ(stat("db/inner", &st), 0);
	UT_EXPECT(S_ISDIR(st.st_mode));
	UT_EXPECT_ERRNO(stat("da", &st), ENOENT);
	/* Moving a directory fixes its "..". */
	UT_ASSERT_EQ(rename("db/inner", "dfull/moved"), 0);
	UT_ASSERT_EQ(stat("dfull/moved/..", &st), 0);
	{
		struct stat df;

		UT_ASSERT_EQ(stat("dfull", &df), 0);
		UT_EXPECT_EQ(st.st_ino, df.st_ino);
		UT_EXPECT_EQ(df.st_nlink, 3);
	}
	UT_EXPECT_ERRNO(rename(".", "x"), EBUSY);
}

UTEST(renameat2_noreplace_and_exchange)
{
	char buf[8];

	ut_write_file("xa", "a", 0644);
	ut_write_file("xb", "b", 0644);
	UT_EXPECT_ERRNO(syscall(SYS_renameat2, AT_FDCWD, "xa", AT_FDCWD, "xb",
				RENAME_NOREPLACE),
			EEXIST);
	UT_EXPECT_EQ(syscall(SYS_renameat2, AT_FDCWD, "xa", AT_FDCWD, "xc",
			     RENAME_NOREPLACE),
		     0);
	UT_EXPECT_EQ(syscall(SYS_renameat2, AT_FDCWD, "xc", AT_FDCWD, "xb",
			     RENAME_EXCHANGE),
		     0);
	ut_read_file("xb", buf, sizeof(buf));
	UT_EXPECT_EQ(buf[0], 'a');
	ut_read_file("xc", buf, sizeof(buf));
	UT_EXPECT_EQ(buf[0], 'b');
	UT_EXPECT_ERRNO(syscall(SYS_renameat2, AT_FDCWD, "xc", AT_FDCWD,
				"missing", RENAME_EXCHANGE),
			ENOENT);
	UT_EXPECT_ERRNO(syscall(SYS_renameat2, AT_FDCWD, "xc", AT_FDCWD, "xb",
				RENAME_EXCHANGE | RENAME_NOREPLACE),
			EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_renameat2, AT_FDCWD, "xc", AT_FDCWD, "xb",
				0x100),
			EINVAL);
	/* A file and a directory can be exchanged. */
	UT_ASSERT_EQ(mkdir("xd", 0755), 0);
	UT_EXPECT_EQ(syscall(SYS_renameat2, AT_FDCWD, "xc", AT_FDCWD, "xd",
			     RENAME_EXCHANGE),
		     0);
	UT_EXPECT_EQ(access("xc/.", F_OK), 0);
}

UTEST(hard_links_count_and_share_the_inode)
{
	struct stat a, b;

	ut_write_file("l1", "data", 0644);
	UT_ASSERT_EQ(link("l1", "l2"), 0);
	UT_ASSERT_EQ(linkat(AT_FDCWD, "l1", AT_FDCWD, "l3", 0), 0);
	UT_ASSERT_EQ(stat("l1", &a), 0);
	UT_ASSERT_EQ(stat("l3", &b), 0);
	UT_EXPECT_EQ(a.st_nlink, 3);
	UT_EXPECT_EQ(a.st_ino, b.st_ino);
	ut_write_file("l2", "changed", 0644);
	UT_ASSERT_EQ(stat("l1", &a), 0);
	UT_EXPECT_EQ(a.st_size, 7);
	UT_ASSERT_EQ(unlink("l1"), 0);
	UT_ASSERT_EQ(stat("l2", &b), 0);
	UT_EXPECT_EQ(b.st_nlink, 2);
	UT_EXPECT_ERRNO(link("l2", "l3"), EEXIST);
	UT_EXPECT_ERRNO(link("nope", "l4"), ENOENT);
	UT_ASSERT_EQ(mkdir("ldir", 0755), 0);
	UT_EXPECT_ERRNO(link("ldir", "ldir2"), EPERM);
	/* linkat follows a symlink only with AT_SYMLINK_FOLLOW. */
	UT_ASSERT_EQ(symlink("l2", "lsym"), 0);
	UT_ASSERT_EQ(linkat(AT_FDCWD, "lsym", AT_FDCWD, "lsym-hard", 0), 0);
	UT_ASSERT_EQ(lstat("lsym-hard", &a), 0);
	UT_EXPECT(S_ISLNK(a.st_mode));
	UT_ASSERT_EQ(linkat(AT_FDCWD, "lsym", AT_FDCWD, "l2-hard",
			    AT_SYMLINK_FOLLOW),
		     0);
	UT_ASSERT_EQ(lstat("l2-hard", &a), 0);
	UT_EXPECT(S_ISREG(a.st_mode));
	UT_EXPECT_EQ(a.st_nlink, 3);
}

UTEST(symlink_and_readlink)
{
	char buf[64];
	struct stat st;

	UT_ASSERT_EQ(mkdir("sl", 0755), 0);
	ut_write_file("sl/target", "T", 0644);
	UT_ASSERT_EQ(symlink("target", "sl/rel"), 0); /* relative to sl/ */
	UT_ASSERT_EQ(symlink("sl", "sl-dir"), 0);
	UT_EXPECT_EQ(stat("sl/rel", &st), 0);
	UT_EXPECT_EQ(st.st_size, 1);
	UT_EXPECT_EQ(stat("sl-dir/target", &st), 0);
	UT_EXPECT_EQ(stat("sl-dir/", &st), 0);
	UT_EXPECT(S_ISDIR(st.st_mode));
	memset(buf, 'x', sizeof(buf));
	UT_EXPECT_EQ(readlink("sl/rel", buf, sizeof(buf)), 6);
	UT_EXPECT_EQ(memcmp(buf, "targetx", 7), 0); /* no NUL added */
	UT_EXPECT_EQ(readlink("sl/rel", buf, 3), 3); /* truncated */
	UT_EXPECT_EQ(memcmp(buf, "tar", 3), 0);
	UT_EXPECT_EQ(readlinkat(AT_FDCWD, "sl-dir", buf, sizeof(buf)), 2);
	UT_EXPECT_ERRNO(readlink("sl/target", buf, sizeof(buf)), EINVAL);
	/* (musl special-cases a zero size: the raw call) */
	UT_EXPECT_ERRNO(syscall(SYS_readlink, "sl/rel", buf, 0), EINVAL);
	UT_EXPECT_ERRNO(readlink("nope", buf, sizeof(buf)), ENOENT);
	UT_EXPECT_ERRNO(readlink("sl/rel", UT_KERNEL_PTR, 64), EFAULT);
	UT_EXPECT_ERRNO(symlink("x", "sl/rel"), EEXIST);
	UT_EXPECT_ERRNO(symlink("", "empty-link"), ENOENT);
	/* A dangling link: lstat works, stat does not. */
	UT_ASSERT_EQ(symlink("/does/not/exist", "dangle"), 0);
	UT_EXPECT_EQ(lstat("dangle", &st), 0);
	UT_EXPECT_ERRNO(stat("dangle", &st), ENOENT);
	/* Unlinking the link leaves the target. */
	UT_ASSERT_EQ(unlink("sl/rel"), 0);
	UT_EXPECT_EQ(access("sl/target", F_OK), 0);
}

UTEST(chdir_fchdir_getcwd)
{
	char base[PATH_MAX], cwd[PATH_MAX], small[4];
	int fd;

	UT_ASSERT(getcwd(base, sizeof(base)) != NULL);
	UT_ASSERT_EQ(mkdir("c1", 0755), 0);
	UT_ASSERT_EQ(mkdir("c1/c2", 0755), 0);
	UT_ASSERT_EQ(chdir("c1/c2"), 0);
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	UT_EXPECT_EQ(strncmp(cwd, base, strlen(base)), 0);
	UT_EXPECT_EQ(strcmp(cwd + strlen(base), "/c1/c2"), 0);
	UT_ASSERT_EQ(chdir(".."), 0);
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	UT_EXPECT_EQ(strcmp(cwd + strlen(base), "/c1"), 0);
	fd = open("c2", O_RDONLY | O_DIRECTORY);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(chdir("/"), 0);
	UT_ASSERT_EQ(fchdir(fd), 0);
	UT_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	UT_EXPECT_EQ(strcmp(cwd + strlen(base), "/c1/c2"), 0);
	UT_EXPECT(getcwd(small, sizeof(small)) == NULL && errno == ERANGE);
	UT_EXPECT_ERRNO(syscall(SYS_getcwd, UT_KERNEL_PTR, 4096), EFAULT);
	ut_write_file("afile", "", 0644);
	UT_EXPECT_ERRNO(chdir("afile"), ENOTDIR);
	UT_EXPECT_ERRNO(chdir("nope"), ENOENT);
	UT_EXPECT_ERRNO(fchdir(open("afile", O_RDONLY)), ENOTDIR);
	UT_EXPECT_ERRNO(fchdir(-1), EBADF);
	/* The cwd can be removed under us: getcwd then fails. */
	UT_ASSERT_EQ(mkdir("gone", 0755), 0);
	UT_ASSERT_EQ(chdir("gone"), 0);
	UT_ASSERT_EQ(rmdir("../gone"), 0);
	UT_EXPECT(getcwd(cwd, sizeof(cwd)) == NULL && errno == ENOENT);
}

UTEST(chdir_needs_search_permission)
{
	UT_ASSERT_EQ(mkdir("private", 0700), 0);
	ut_become_nobody();
	UT_EXPECT_ERRNO(chdir("private"), EACCES);
}

UTEST(chroot_confines_path_lookup)
{
	struct stat root, dotdot, marker;

	ut_require_root();
	UT_ASSERT_EQ(mkdir("jail", 0755), 0);
	ut_write_file("jail/marker", "m", 0644);
	UT_ASSERT_EQ(chroot("jail"), 0);
	UT_ASSERT_EQ(chdir("/"), 0);
	UT_EXPECT_EQ(stat("/marker", &marker), 0);
	/* ".." of the new root is the root itself. */
	UT_ASSERT_EQ(stat("/", &root), 0);
	UT_ASSERT_EQ(stat("/../..", &dotdot), 0);
	UT_EXPECT_EQ(root.st_ino, dotdot.st_ino);
	UT_EXPECT_ERRNO(chroot("/marker"), ENOTDIR);
	UT_EXPECT_ERRNO(chroot("/nope"), ENOENT);
	ut_become_nobody();
	UT_EXPECT_ERRNO(chroot("/"), EPERM);
}

UTEST(mknod_fifo_and_devices)
{
	struct stat st;
	char buf[8];
	int r, w;

	UT_ASSERT_EQ(mknod("fifo", S_IFIFO | 0644, 0), 0);
	UT_ASSERT_EQ(stat("fifo", &st), 0);
	UT_EXPECT(S_ISFIFO(st.st_mode));
	UT_EXPECT_ERRNO(mkfifo("fifo", 0644), EEXIST);
	r = open("fifo", O_RDONLY | O_NONBLOCK);
	UT_ASSERT(r >= 0);
	w = open("fifo", O_WRONLY);
	UT_ASSERT(w >= 0);
	UT_EXPECT_EQ(write(w, "fifo", 4), 4);
	UT_EXPECT_EQ(read(r, buf, sizeof(buf)), 4);
	UT_EXPECT_EQ(memcmp(buf, "fifo", 4), 0);
	UT_EXPECT_ERRNO(read(r, buf, 1), EAGAIN);
	close(w);
	UT_EXPECT_EQ(read(r, buf, 1), 0); /* no writer: EOF */
	/* A writer without a reader, non-blocking: ENXIO. */
	UT_ASSERT_EQ(mkfifo("fifo2", 0644), 0);
	UT_EXPECT_ERRNO(open("fifo2", O_WRONLY | O_NONBLOCK), ENXIO);
	UT_EXPECT_ERRNO(mknod("bad", 0170000 | 0644, 0), EINVAL);
	ut_require_root();
	UT_ASSERT_EQ(mknod("mynull", S_IFCHR | 0666, makedev(1, 3)), 0);
	UT_ASSERT_EQ(stat("mynull", &st), 0);
	UT_EXPECT(S_ISCHR(st.st_mode));
	UT_EXPECT_EQ(major(st.st_rdev), 1);
	UT_EXPECT_EQ(minor(st.st_rdev), 3);
	w = open("mynull", O_WRONLY);
	UT_ASSERT(w >= 0);
	UT_EXPECT_EQ(write(w, "gone", 4), 4);
	ut_become_nobody();
	UT_EXPECT_ERRNO(mknod("mynull2", S_IFCHR | 0666, makedev(1, 3)), EPERM);
}

UTEST(tmpfs_size_limit_gives_enospc)
{
	char chunk[4096];
	struct statfs sf;
	long total = 0, n;
	int fd;

	private_mounts();
	UT_ASSERT_EQ(mkdir("small", 0755), 0);
	UT_ASSERT_EQ(mount("tmpfs", "small", "tmpfs", 0, "size=64k"), 0);
	UT_ASSERT_EQ(statfs("small", &sf), 0);
	UT_EXPECT_EQ(sf.f_type, TMPFS_MAGIC);
	UT_EXPECT_EQ((long)sf.f_blocks * sf.f_bsize, 64 * 1024);
	fd = open("small/fill", O_WRONLY | O_CREAT, 0644);
	UT_ASSERT(fd >= 0);
	memset(chunk, 'z', sizeof(chunk));
	while ((n = write(fd, chunk, sizeof(chunk))) > 0 && total < (1 << 20))
		total += n;
	UT_EXPECT_EQ(n, -1);
	UT_EXPECT_EQ(errno, ENOSPC);
	UT_EXPECT(total > 0 && total <= 64 * 1024);
	close(fd);
	/* Deleting gives the space back. */
	UT_ASSERT_EQ(unlink("small/fill"), 0);
	fd = open("small/again", O_WRONLY | O_CREAT, 0644);
	UT_EXPECT_EQ(write(fd, chunk, sizeof(chunk)), 4096);
	close(fd);
	UT_EXPECT_EQ(umount("small"), 0);
	UT_EXPECT_ERRNO(access("small/again", F_OK), ENOENT);
}

UTEST(cross_mount_rename_and_link_fail_with_exdev)
{
	private_mounts();
	UT_ASSERT_EQ(mkdir("mnt-x", 0755), 0);
	UT_ASSERT_EQ(mount("tmpfs", "mnt-x", "tmpfs", 0, NULL), 0);
	ut_write_file("outside", "o", 0644);
	UT_EXPECT_ERRNO(rename("outside", "mnt-x/inside"), EXDEV);
	UT_EXPECT_ERRNO(link("outside", "mnt-x/inside"), EXDEV);
	UT_EXPECT_EQ(umount("mnt-x"), 0);
}

UTEST(umount_busy_and_lazy_detach)
{
	int fd;

	private_mounts();
	UT_ASSERT_EQ(mkdir("mnt-b", 0755), 0);
	UT_ASSERT_EQ(mount("tmpfs", "mnt-b", "tmpfs", 0, NULL), 0);
	fd = open("mnt-b/held", O_CREAT | O_RDWR, 0644);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_ERRNO(umount2("mnt-b", 0), EBUSY);
	close(fd);
	UT_ASSERT_EQ(chdir("mnt-b"), 0);
	UT_EXPECT_ERRNO(umount2("../mnt-b", 0), EBUSY);
	UT_ASSERT_EQ(chdir(".."), 0);
	fd = open("mnt-b/held", O_RDWR);
	UT_ASSERT(fd >= 0);
	/* MNT_DETACH: gone from the tree, the open file still works. */
	UT_EXPECT_EQ(umount2("mnt-b", MNT_DETACH), 0);
	UT_EXPECT_ERRNO(access("mnt-b/held", F_OK), ENOENT);
	UT_EXPECT_EQ(write(fd, "x", 1), 1);
	UT_EXPECT_ERRNO(umount2("mnt-b", 0), EINVAL); /* not a mount point */
	UT_EXPECT_ERRNO(umount2("nope", 0), ENOENT);
	UT_EXPECT_ERRNO(umount2("mnt-b", 0x100), EINVAL);
}

UTEST(mount_flags_rdonly_noexec_bind_remount)
{
	char *argv[] = { "s", NULL };

	private_mounts();
	UT_ASSERT_EQ(mkdir("mnt-f", 0755), 0);
	UT_ASSERT_EQ(mount("tmpfs", "mnt-f", "tmpfs", MS_NOEXEC, NULL), 0);
	ut_write_file("mnt-f/script", "#!/bin/sh\nexit 0\n", 0755);
	UT_EXPECT_ERRNO(execve("mnt-f/script", argv, NULL), EACCES);
	/* A bind mount shows the same files elsewhere. */
	UT_ASSERT_EQ(mkdir("mnt-bind", 0755), 0);
	UT_ASSERT_EQ(mount("mnt-f", "mnt-bind", NULL, MS_BIND, NULL), 0);
	UT_EXPECT_EQ(access("mnt-bind/script", F_OK), 0);
	/* Read-only by remount: writes fail with EROFS. */
	UT_ASSERT_EQ(mount(NULL, "mnt-f", NULL, MS_REMOUNT | MS_RDONLY, NULL),
		     0);
	UT_EXPECT_ERRNO(open("mnt-f/new", O_CREAT | O_WRONLY, 0644), EROFS);
	UT_EXPECT_ERRNO(open("mnt-f/script", O_WRONLY), EROFS);
	UT_EXPECT_ERRNO(mkdir("mnt-f/d", 0755), EROFS);
	UT_EXPECT_ERRNO(unlink("mnt-f/script"), EROFS);
	UT_EXPECT_EQ(access("mnt-f/script", R_OK), 0);
	UT_EXPECT_ERRNO(access("mnt-f/script", W_OK), EROFS);
	UT_EXPECT_EQ(umount("mnt-bind"), 0);
	UT_EXPECT_EQ(umount("mnt-f"), 0);
}

UTEST(mount_errors)
{
	private_mounts();
	UT_ASSERT_EQ(mkdir("mnt-e", 0755), 0);
	UT_EXPECT_ERRNO(mount("x", "mnt-e", "no-such-fs", 0, NULL), ENODEV);
	UT_EXPECT_ERRNO(mount("tmpfs", "nope", "tmpfs", 0, NULL), ENOENT);
	ut_write_file("mnt-file", "", 0644);
	UT_EXPECT_ERRNO(mount("tmpfs", "mnt-file/x", "tmpfs", 0, NULL),
			ENOTDIR);
	UT_EXPECT_ERRNO(mount("tmpfs", "mnt-e", "tmpfs", 0, "size=bogus"),
			EINVAL);
	UT_EXPECT_ERRNO(mount("tmpfs", "mnt-e", "tmpfs", 0, UT_KERNEL_PTR),
			EFAULT);
	ut_become_nobody();
	UT_EXPECT_ERRNO(mount("tmpfs", "mnt-e", "tmpfs", 0, NULL), EPERM);
	UT_EXPECT_ERRNO(umount("/"), EPERM);
}

UTEST(statfs_and_fstatfs)
{
	struct statfs a, b;
	int fd = open(".", O_RDONLY);

	UT_ASSERT_EQ(statfs(".", &a), 0);
	UT_ASSERT_EQ(fstatfs(fd, &b), 0);
	UT_EXPECT(a.f_bsize > 0);
	UT_EXPECT_EQ(a.f_namelen, 255);
	UT_EXPECT_EQ(a.f_type, b.f_type);
	UT_EXPECT(a.f_bfree <= a.f_blocks);
	UT_EXPECT_ERRNO(statfs("nope", &a), ENOENT);
	UT_EXPECT_ERRNO(syscall(SYS_statfs, ".", UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(fstatfs(-1, &a), EBADF);
}

static const struct utest tests[] = {
	UTEST_CASE(mkdir_rmdir_and_their_errors),
	UTEST_CASE(getdents64_lists_every_entry_once),
	UTEST_CASE(getdents64_many_entries_and_errors),
	UTEST_CASE(readdir_via_libc),
	UTEST_CASE(rename_files_over_existing_and_errors),
	UTEST_CASE(rename_directories),
	UTEST_CASE(renameat2_noreplace_and_exchange),
	UTEST_CASE(hard_links_count_and_share_the_inode),
	UTEST_CASE(symlink_and_readlink),
	UTEST_CASE(chdir_fchdir_getcwd),
	UTEST_CASE(chdir_needs_search_permission),
	UTEST_CASE(chroot_confines_path_lookup),
	UTEST_CASE(mknod_fifo_and_devices),
	UTEST_CASE(tmpfs_size_limit_gives_enospc),
	UTEST_CASE(cross_mount_rename_and_link_fail_with_exdev),
	UTEST_CASE(umount_busy_and_lazy_detach),
	UTEST_CASE(mount_flags_rdonly_noexec_bind_remount),
	UTEST_CASE(mount_errors),
	UTEST_CASE(statfs_and_fstatfs),
};

int main(void)
{
	int ret;

	umask(022);
	ut_workdir("fsdir");
	ret = utest_main("fs_dir", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
