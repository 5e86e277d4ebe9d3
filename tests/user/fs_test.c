/*
 * Files: open flags, read/write and their positioned and vectored
 * forms, lseek, the stat family and statx, truncate, unlink while open,
 * permissions as nobody, chmod/chown/utimensat, and path errors.
 * Everything happens in a scratch directory under /tmp.
 */
#include "ut_util.h"
#include <limits.h>
#include <sys/resource.h>
#include <sys/uio.h>

static int make_file(const char *name, const char *data, int mode)
{
	ut_write_file(name, data, mode);
	return 0;
}

UTEST(o_creat_o_excl_fails_with_eexist)
{
	int fd = open("excl", O_CREAT | O_EXCL | O_WRONLY, 0644);

	UT_ASSERT(fd >= 0);
	close(fd);
	UT_EXPECT_ERRNO(open("excl", O_CREAT | O_EXCL | O_WRONLY, 0644),
			EEXIST);
	/* Even through a dangling symlink: O_EXCL does not follow. */
	UT_ASSERT_EQ(symlink("nowhere", "dangling"), 0);
	UT_EXPECT_ERRNO(open("dangling", O_CREAT | O_EXCL | O_WRONLY, 0644),
			EEXIST);
	/* Without O_EXCL the dangling link's target is created. */
	fd = open("dangling", O_CREAT | O_WRONLY, 0644);
	UT_EXPECT(fd >= 0);
	UT_EXPECT_EQ(access("nowhere", F_OK), 0);
	UT_EXPECT_ERRNO(open("missing", O_RDONLY), ENOENT);
	UT_EXPECT_ERRNO(open("missing/x", O_RDONLY | O_CREAT, 0644), ENOENT);
}

UTEST(o_trunc_empties_and_creat_makes_files)
{
	struct stat st;
	int fd;

	make_file("trunc", "0123456789", 0644);
	fd = open("trunc", O_WRONLY | O_TRUNC);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_size, 0);
	close(fd);
	fd = creat("creat", 0600);
	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(write(fd, "x", 1), 1);
	UT_EXPECT_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	UT_EXPECT_ERRNO(read(fd, &st, 1), EBADF);
}

UTEST(o_append_two_processes_never_overwrite)
{
	enum { RECS = 500, LEN = 16 };
	char rec[LEN + 1], buf[LEN];
	int counts[2] = { 0, 0 }, bad = 0;
	struct stat st;
	pid_t pids[2];
	int fd;

	close(open("append", O_CREAT | O_WRONLY | O_TRUNC, 0644));
	for (int w = 0; w < 2; w++) {
		pids[w] = fork();
		UT_ASSERT(pids[w] >= 0);
		if (pids[w] == 0) {
			int f = open("append", O_WRONLY | O_APPEND);

			snprintf(rec, sizeof(rec), "writer-%d-record\n", w);
			for (int i = 0; i < RECS; i++)
				if (write(f, rec, LEN) != LEN)
					_exit(1);
			_exit(0);
		}
	}
	for (int w = 0; w < 2; w++)
		UT_EXPECT_EQ(ut_wait_code(pids[w]), 0);
	UT_ASSERT_EQ(stat("append", &st), 0);
	UT_EXPECT_EQ(st.st_size, 2 * RECS * LEN);
	fd = open("append", O_RDONLY);
	UT_ASSERT(fd >= 0);
	while (read(fd, buf, LEN) == LEN) {
		if (!memcmp(buf, "writer-0-record\n", LEN))
			counts[0]++;
		else if (!memcmp(buf, "writer-1-record\n", LEN))
			counts[1]++;
		else
			bad++;
	}
	UT_EXPECT_EQ(bad, 0);
	UT_EXPECT_EQ(counts[0], RECS);
	UT_EXPECT_EQ(counts[1], RECS);
}

UTEST(o_append_writes_at_end_even_after_lseek)
{
	char buf[16];
	int fd;

	make_file("app2", "abc", 0644);
	fd = open("app2", O_RDWR | O_APPEND);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(lseek(fd, 0, SEEK_SET), 0);
	UT_ASSERT_EQ(write(fd, "XY", 2), 2);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 5);
	UT_ASSERT_EQ(pread(fd, buf, 5, 0), 5);
	UT_EXPECT_EQ(memcmp(buf, "abcXY", 5), 0);
}

UTEST(o_directory_and_directory_opens)
{
	make_file("plain", "x", 0644);
	UT_ASSERT_EQ(mkdir("dir", 0755), 0);
	UT_EXPECT_ERRNO(open("plain", O_RDONLY | O_DIRECTORY), ENOTDIR);
	UT_EXPECT(open("dir", O_RDONLY | O_DIRECTORY) >= 0);
	UT_EXPECT_ERRNO(open("dir", O_WRONLY), EISDIR);
	UT_EXPECT_ERRNO(open("dir", O_RDWR), EISDIR);
	UT_EXPECT_ERRNO(open("dir", O_CREAT | O_WRONLY, 0644), EISDIR);
	UT_EXPECT_ERRNO(open("plain/", O_RDONLY), ENOTDIR);
	UT_EXPECT_ERRNO(open("plain/x", O_RDONLY), ENOTDIR);
	{
		int fd = open("dir", O_RDONLY);
		char b;

		UT_ASSERT(fd >= 0);
		UT_EXPECT_ERRNO(read(fd, &b, 1), EISDIR);
	}
}

UTEST(o_nofollow_on_a_symlink_fails_with_eloop)
{
	struct stat st;
	int fd;

	make_file("target", "t", 0644);
	UT_ASSERT_EQ(symlink("target", "link"), 0);
	UT_EXPECT_ERRNO(open("link", O_RDONLY | O_NOFOLLOW), ELOOP);
	UT_EXPECT(open("target", O_RDONLY | O_NOFOLLOW) >= 0);
	/* With O_PATH the link itself is opened. */
	fd = open("link", O_PATH | O_NOFOLLOW);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fstatat(fd, "", &st, AT_EMPTY_PATH), 0);
	UT_EXPECT(S_ISLNK(st.st_mode));
}

UTEST(o_path_fd_can_stat_but_not_read)
{
	struct stat st;
	char b;
	int fd;

	make_file("pathfile", "abc", 0644);
	fd = open("pathfile", O_PATH);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_size, 3);
	UT_EXPECT_ERRNO(read(fd, &b, 1), EBADF);
	UT_EXPECT_ERRNO(write(fd, &b, 1), EBADF);
	/* A directory O_PATH fd works as a dirfd. */
	UT_ASSERT_EQ(mkdir("pdir", 0755), 0);
	make_file("pdir/inner", "i", 0644);
	fd = open("pdir", O_PATH | O_DIRECTORY);
	UT_ASSERT(fd >= 0);
	UT_EXPECT(openat(fd, "inner", O_RDONLY) >= 0);
}

UTEST(o_tmpfile_is_unnamed_until_linked)
{
	char buf[8];
	struct stat st;
	int fd = open(".", O_TMPFILE | O_RDWR, 0600);

	if (fd < 0 && errno == EOPNOTSUPP)
		UT_SKIP("this filesystem has no O_TMPFILE");
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "tmp", 3), 3);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_nlink, 0);
	UT_ASSERT_EQ(pread(fd, buf, 3, 0), 3);
	UT_EXPECT_EQ(memcmp(buf, "tmp", 3), 0);
	UT_EXPECT_EQ(linkat(fd, "", AT_FDCWD, "linked-tmp", AT_EMPTY_PATH), 0);
	UT_EXPECT_EQ(stat("linked-tmp", &st), 0);
	UT_EXPECT_EQ(st.st_size, 3);
	/* O_TMPFILE needs write access and a directory. */
	UT_EXPECT_ERRNO(open(".", O_TMPFILE | O_RDONLY, 0600), EINVAL);
}

UTEST(read_write_lseek_and_holes)
{
	char buf[32];
	int fd = open("rw", O_RDWR | O_CREAT | O_TRUNC, 0644);

	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(write(fd, "hello world", 11), 11);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 11);
	UT_EXPECT_EQ(lseek(fd, 6, SEEK_SET), 6);
	UT_EXPECT_EQ(read(fd, buf, 32), 5);
	UT_EXPECT_EQ(memcmp(buf, "world", 5), 0);
	UT_EXPECT_EQ(read(fd, buf, 32), 0); /* EOF */
	UT_EXPECT_EQ(lseek(fd, -5, SEEK_END), 6);
	UT_EXPECT_EQ(lseek(fd, -1, SEEK_CUR), 5);
	UT_EXPECT_ERRNO(lseek(fd, -100, SEEK_CUR), EINVAL);
	UT_EXPECT_ERRNO(lseek(fd, 0, 42), EINVAL);
	/* Writing past the end leaves a hole of zeros. */
	UT_EXPECT_EQ(lseek(fd, 8192, SEEK_SET), 8192);
	UT_EXPECT_EQ(write(fd, "E", 1), 1);
	UT_EXPECT_EQ(pread(fd, buf, 4, 4000), 4);
	UT_EXPECT(buf[0] == 0 && buf[3] == 0);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_END), 8193);
	UT_EXPECT_EQ(write(fd, buf, 0), 0);
}

UTEST(pread_pwrite_leave_the_offset_alone)
{
	char buf[8];
	int fd = open("pos", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int p[2];

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "abcdef", 6), 6);
	UT_ASSERT_EQ(lseek(fd, 2, SEEK_SET), 2);
	UT_EXPECT_EQ(pwrite(fd, "XY", 2, 4), 2);
	UT_EXPECT_EQ(pread(fd, buf, 6, 0), 6);
	UT_EXPECT_EQ(memcmp(buf, "abcdXY", 6), 0);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 2);
	UT_EXPECT_EQ(pread(fd, buf, 6, 100), 0);
	UT_EXPECT_ERRNO(pread(fd, buf, 1, -1), EINVAL);
	UT_ASSERT_EQ(pipe(p), 0);
	UT_EXPECT_ERRNO(pread(p[0], buf, 1, 0), ESPIPE);
	UT_EXPECT_ERRNO(pwrite(p[1], buf, 1, 0), ESPIPE);
	UT_EXPECT_ERRNO(lseek(p[0], 0, SEEK_SET), ESPIPE);
}

UTEST(readv_writev_preadv_pwritev)
{
	char a[3], b[4], c[5];
	struct iovec wv[3] = { { "one", 3 }, { "", 0 }, { "twothree", 8 } };
	struct iovec rv[3] = { { a, 3 }, { b, 4 }, { c, 5 } };
	int fd = open("vec", O_RDWR | O_CREAT | O_TRUNC, 0644);

	UT_ASSERT(fd >= 0);
	UT_EXPECT_EQ(writev(fd, wv, 3), 11);
	UT_ASSERT_EQ(lseek(fd, 0, SEEK_SET), 0);
	UT_EXPECT_EQ(readv(fd, rv, 3), 11);
	UT_EXPECT(!memcmp(a, "one", 3) && !memcmp(b, "twot", 4) &&
		  !memcmp(c, "hree", 4));
	UT_EXPECT_EQ(pwritev(fd, wv, 1, 20), 3);
	UT_EXPECT_EQ(preadv(fd, rv, 1, 20), 3);
	UT_EXPECT_EQ(memcmp(a, "one", 3), 0);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 11);
	UT_EXPECT_ERRNO(writev(fd, wv, -1), EINVAL);
	UT_EXPECT_ERRNO(writev(fd, wv, 1025), EINVAL);
	wv[1].iov_base = UT_KERNEL_PTR;
	wv[1].iov_len = 4;
	UT_EXPECT_ERRNO(writev(fd, &wv[1], 1), EFAULT);
	UT_EXPECT_ERRNO(readv(fd, UT_KERNEL_PTR, 1), EFAULT);
}

UTEST(seek_data_and_seek_hole)
{
	int fd = open("sparse", O_RDWR | O_CREAT | O_TRUNC, 0644);
	off_t hole;

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(pwrite(fd, "d", 1, 0), 1);
	UT_EXPECT_EQ(lseek(fd, 0, SEEK_DATA), 0);
	hole = lseek(fd, 0, SEEK_HOLE);
	UT_EXPECT(hole >= 1); /* at the latest, EOF is a hole */
	UT_EXPECT_ERRNO(lseek(fd, 10, SEEK_DATA), ENXIO);
	UT_EXPECT_ERRNO(lseek(fd, 10, SEEK_HOLE), ENXIO);
}

UTEST(stat_fstat_lstat_fstatat_fields)
{
	struct stat a, b, l;
	int fd;

	make_file("st", "12345", 0640);
	UT_ASSERT_EQ(chmod("st", 0640), 0);
	UT_ASSERT_EQ(symlink("st", "st-link"), 0);
	UT_ASSERT_EQ(stat("st", &a), 0);
	UT_EXPECT(S_ISREG(a.st_mode));
	UT_EXPECT_EQ(a.st_mode & 07777, 0640);
	UT_EXPECT_EQ(a.st_nlink, 1);
	UT_EXPECT_EQ(a.st_size, 5);
	UT_EXPECT_EQ(a.st_uid, geteuid());
	UT_EXPECT(a.st_ino != 0);
	UT_EXPECT(a.st_blksize > 0);
	UT_EXPECT(a.st_mtime > 1577836800);
	fd = open("st", O_RDONLY);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fstat(fd, &b), 0);
	UT_EXPECT_EQ(b.st_ino, a.st_ino);
	UT_EXPECT_EQ(b.st_dev, a.st_dev);
	/* stat follows the link, lstat does not. */
	UT_ASSERT_EQ(stat("st-link", &b), 0);
	UT_EXPECT_EQ(b.st_ino, a.st_ino);
	UT_ASSERT_EQ(lstat("st-link", &l), 0);
	UT_EXPECT(S_ISLNK(l.st_mode));
	UT_EXPECT_EQ(l.st_size, 2);
	UT_EXPECT(l.st_ino != a.st_ino);
	UT_ASSERT_EQ(fstatat(AT_FDCWD, "st-link", &b, AT_SYMLINK_NOFOLLOW), 0);
	UT_EXPECT_EQ(b.st_ino, l.st_ino);
	UT_ASSERT_EQ(fstatat(fd, "", &b, AT_EMPTY_PATH), 0);
	UT_EXPECT_EQ(b.st_ino, a.st_ino);
	UT_EXPECT_ERRNO(fstatat(fd, "", &b, 0), ENOENT);
	UT_EXPECT_ERRNO(fstatat(AT_FDCWD, "st", &b, 0x8000000), EINVAL);
	UT_EXPECT_ERRNO(fstatat(fd, "x", &b, 0), ENOTDIR);
	UT_EXPECT_ERRNO(fstat(-1, &b), EBADF);
	UT_EXPECT_ERRNO(syscall(SYS_fstat, fd, UT_KERNEL_PTR), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_stat, UT_KERNEL_PTR, &b), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_stat, NULL, &b), EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_stat, "st", ut_ro_page()), EFAULT);
	/* The directory: S_IFDIR and at least 2 links. */
	UT_ASSERT_EQ(stat(".", &b), 0);
	UT_EXPECT(S_ISDIR(b.st_mode));
	UT_EXPECT_GE(b.st_nlink, 2);
}

/* include/uapi/linux/stat.h */
struct ut_statx_ts {
	long long tv_sec;
	unsigned int tv_nsec;
	int reserved;
};
struct ut_statx {
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, pad0;
	unsigned long long stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct ut_statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	unsigned int stx_rdev_major, stx_rdev_minor;
	unsigned int stx_dev_major, stx_dev_minor;
	unsigned long long spare[14];
};
#define UT_STATX_BASIC_STATS 0x7ffU

UTEST(statx_basic_stats)
{
	struct ut_statx sx;
	struct stat st;

	make_file("sx", "123456789", 0604);
	UT_ASSERT_EQ(chmod("sx", 0604), 0);
	UT_ASSERT_EQ(stat("sx", &st), 0);
	memset(&sx, 0xff, sizeof(sx));
	UT_ASSERT_EQ(syscall(SYS_statx, AT_FDCWD, "sx", 0, UT_STATX_BASIC_STATS,
			     &sx),
		     0);
	UT_EXPECT_EQ(sx.stx_mask & 0x7f, 0x7f); /* type..size, at least */
	UT_EXPECT_EQ(sx.stx_mode, S_IFREG | 0604);
	UT_EXPECT_EQ(sx.stx_size, 9);
	UT_EXPECT_EQ(sx.stx_nlink, 1);
	UT_EXPECT_EQ(sx.stx_ino, st.st_ino);
	UT_EXPECT_EQ(sx.stx_mtime.tv_sec, st.st_mtime);
	UT_EXPECT_ERRNO(syscall(SYS_statx, AT_FDCWD, "sx", 0x40000000,
				UT_STATX_BASIC_STATS, &sx),
			EINVAL);
	UT_EXPECT_ERRNO(syscall(SYS_statx, AT_FDCWD, "sx", 0,
				UT_STATX_BASIC_STATS, UT_KERNEL_PTR),
			EFAULT);
	UT_EXPECT_ERRNO(syscall(SYS_statx, AT_FDCWD, "nope", 0,
				UT_STATX_BASIC_STATS, &sx),
			ENOENT);
}

UTEST(unlinked_open_file_stays_readable)
{
	char buf[16];
	struct stat st;
	int fd;

	make_file("doomed", "still here", 0644);
	fd = open("doomed", O_RDWR);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(unlink("doomed"), 0);
	UT_EXPECT_ERRNO(access("doomed", F_OK), ENOENT);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_nlink, 0);
	UT_EXPECT_EQ(pread(fd, buf, 10, 0), 10);
	UT_EXPECT_EQ(memcmp(buf, "still here", 10), 0);
	UT_EXPECT_EQ(pwrite(fd, "!", 1, 10), 1);
	UT_EXPECT_EQ(pread(fd, buf, 11, 0), 11);
	/* A new file of the same name is a different inode. */
	make_file("doomed", "new", 0644);
	{
		struct stat n;

		UT_ASSERT_EQ(stat("doomed", &n), 0);
		UT_EXPECT(n.st_ino != st.st_ino || n.st_dev != st.st_dev);
		UT_EXPECT_EQ(n.st_size, 3);
	}
}

UTEST(truncate_and_ftruncate)
{
	char buf[8];
	struct stat st;
	int fd, ro;

	make_file("tr", "abcdef", 0644);
	UT_ASSERT_EQ(truncate("tr", 3), 0);
	UT_ASSERT_EQ(stat("tr", &st), 0);
	UT_EXPECT_EQ(st.st_size, 3);
	fd = open("tr", O_RDWR);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(ftruncate(fd, 6), 0);
	UT_ASSERT_EQ(pread(fd, buf, 6, 0), 6);
	UT_EXPECT(!memcmp(buf, "abc", 3) && buf[3] == 0 && buf[5] == 0);
	UT_EXPECT_ERRNO(ftruncate(fd, -1), EINVAL);
	UT_EXPECT_ERRNO(truncate("tr", -1), EINVAL);
	ro = open("tr", O_RDONLY);
	UT_EXPECT_ERRNO(ftruncate(ro, 0), EINVAL);
	UT_ASSERT_EQ(mkdir("trdir", 0755), 0);
	UT_EXPECT_ERRNO(truncate("trdir", 0), EISDIR);
	UT_EXPECT_ERRNO(truncate("nope", 0), ENOENT);
	UT_EXPECT_ERRNO(ftruncate(-1, 0), EBADF);
}

static volatile sig_atomic_t sigxfsz_count;

static void count_sigxfsz(int sig)
{
	(void)sig;
	sigxfsz_count++;
}

/*
 * RLIMIT_FSIZE 10, file offset 6:
 *
 *	write "ghijkl"	| a b c d e f g h i j |		4 written, no signal
 *	write "x"	at 10 = the limit		EFBIG + SIGXFSZ
 *
 * Only a write that starts at or past the limit fails; one that crosses
 * it is shortened.  SIGXFSZ would dump core: caught, then ignored.
 */
UTEST(write_or_truncate_past_rlimit_fsize_raise_sigxfsz)
{
	struct rlimit rl = { .rlim_cur = 10, .rlim_max = 10 };
	struct sigaction sa = { .sa_handler = count_sigxfsz };
	struct stat st;
	int fd = open("fsize", O_RDWR | O_CREAT | O_TRUNC, 0644);

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(sigaction(SIGXFSZ, &sa, NULL), 0);
	UT_ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &rl), 0);
	UT_ASSERT_EQ(write(fd, "abcdef", 6), 6);
	UT_EXPECT_EQ(write(fd, "ghijkl", 6), 4);
	UT_EXPECT_EQ(sigxfsz_count, 0);
	UT_EXPECT_ERRNO(write(fd, "x", 1), EFBIG);
	UT_EXPECT_EQ(sigxfsz_count, 1);
	UT_EXPECT_ERRNO(pwrite(fd, "x", 1, 20), EFBIG);
	UT_EXPECT_EQ(sigxfsz_count, 2);
	/* Below the limit a write still goes in. */
	UT_EXPECT_EQ(pwrite(fd, "A", 1, 0), 1);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT_EQ(st.st_size, 10);
	/* Growing it past the limit by truncation raises SIGXFSZ too. */
	UT_EXPECT_ERRNO(ftruncate(fd, 11), EFBIG);
	UT_EXPECT_EQ(sigxfsz_count, 3);
	UT_EXPECT_EQ(ftruncate(fd, 5), 0);
	UT_EXPECT_EQ(sigxfsz_count, 3);
	/* Ignored, the signal is not delivered; the write still fails. */
	signal(SIGXFSZ, SIG_IGN);
	UT_EXPECT_ERRNO(write(fd, "x", 1), EFBIG);
	UT_EXPECT_EQ(sigxfsz_count, 3);
	close(fd);
}

UTEST(bad_fds_and_modes_fail_with_ebadf)
{
	char b = 0;
	int ro, wo;

	make_file("modes", "m", 0644);
	ro = open("modes", O_RDONLY);
	wo = open("modes", O_WRONLY);
	UT_ASSERT(ro >= 0 && wo >= 0);
	UT_EXPECT_ERRNO(write(ro, &b, 1), EBADF);
	UT_EXPECT_ERRNO(read(wo, &b, 1), EBADF);
	UT_EXPECT_ERRNO(read(-1, &b, 1), EBADF);
	UT_EXPECT_ERRNO(read(12345, &b, 1), EBADF);
	UT_EXPECT_ERRNO(write(INT_MAX, &b, 1), EBADF);
	UT_EXPECT_ERRNO(close(12345), EBADF);
	UT_EXPECT_EQ(close(ro), 0);
	UT_EXPECT_ERRNO(close(ro), EBADF);
	UT_EXPECT_ERRNO(fsync(ro), EBADF);
}

UTEST(path_errors_enoent_enotdir_enametoolong_eloop_efault)
{
	char longname[300], longpath[PATH_MAX + 10];

	make_file("f", "f", 0644);
	UT_EXPECT_ERRNO(open("", O_RDONLY), ENOENT);
	UT_EXPECT_ERRNO(open("no/such/dir", O_RDONLY), ENOENT);
	UT_EXPECT_ERRNO(open("f/child", O_RDONLY), ENOTDIR);
	UT_EXPECT_ERRNO(mkdir("f/child", 0755), ENOTDIR);
	memset(longname, 'n', 256);
	longname[256] = 0;
	UT_EXPECT_ERRNO(open(longname, O_RDONLY | O_CREAT, 0644), ENAMETOOLONG);
	longname[255] = 0; /* 255 is the limit and works */
	UT_EXPECT(open(longname, O_RDONLY | O_CREAT, 0644) >= 0);
	for (int i = 0; i < PATH_MAX + 8; i += 2) {
		longpath[i] = 'a';
		longpath[i + 1] = '/';
	}
	longpath[PATH_MAX + 8] = 0;
	UT_EXPECT_ERRNO(open(longpath, O_RDONLY), ENAMETOOLONG);
	/* "./././.../f", 4095 bytes and the NUL: the longest name works. */
	for (int i = 0; i < PATH_MAX - 2; i += 2) {
		longpath[i] = '.';
		longpath[i + 1] = '/';
	}
	longpath[PATH_MAX - 2] = 'f';
	longpath[PATH_MAX - 1] = 0;
	UT_EXPECT_EQ((long)strlen(longpath), (long)PATH_MAX - 1);
	UT_EXPECT_EQ(stat(longpath, &(struct stat){ 0 }), 0);
	longpath[PATH_MAX - 1] = 'x'; /* one more: no room for the NUL */
	longpath[PATH_MAX] = 0;
	UT_EXPECT_ERRNO(stat(longpath, &(struct stat){ 0 }), ENAMETOOLONG);
	UT_ASSERT_EQ(symlink("loop-b", "loop-a"), 0);
	UT_ASSERT_EQ(symlink("loop-a", "loop-b"), 0);
	UT_EXPECT_ERRNO(open("loop-a", O_RDONLY), ELOOP);
	UT_EXPECT_ERRNO(stat("loop-a/x", &(struct stat){ 0 }), ELOOP);
	UT_ASSERT_EQ(symlink("self", "self"), 0);
	UT_EXPECT_ERRNO(open("self", O_RDONLY | O_CREAT, 0644), ELOOP);
	UT_EXPECT_ERRNO(open(NULL, O_RDONLY), EFAULT);
	UT_EXPECT_ERRNO(open(UT_KERNEL_PTR, O_RDONLY), EFAULT);
	UT_EXPECT_ERRNO(open(ut_unmapped(), O_RDONLY), EFAULT);
}

UTEST(symlink_chain_within_limit_resolves)
{
	char from[16], to[16];
	struct stat st;

	make_file("chain0", "end", 0644);
	for (int i = 1; i <= 20; i++) {
		snprintf(from, sizeof(from), "chain%d", i);
		snprintf(to, sizeof(to), "chain%d", i - 1);
		UT_ASSERT_EQ(symlink(to, from), 0);
	}
	UT_EXPECT_EQ(stat("chain20", &st), 0);
	UT_EXPECT_EQ(st.st_size, 3);
	/* More than 40 nested links is ELOOP. */
	for (int i = 21; i <= 45; i++) {
		snprintf(from, sizeof(from), "chain%d", i);
		snprintf(to, sizeof(to), "chain%d", i - 1);
		UT_ASSERT_EQ(symlink(to, from), 0);
	}
	UT_EXPECT_ERRNO(stat("chain45", &st), ELOOP);
}

UTEST(permissions_as_nobody)
{
	char b;

	make_file("secret", "s", 0600);
	make_file("public", "p", 0644);
	make_file("script", "#!/bin/sh\n", 0744);
	UT_ASSERT_EQ(mkdir("closed", 0700), 0);
	make_file("closed/inside", "i", 0644);
	UT_ASSERT_EQ(mkdir("rodir", 0755), 0);
	ut_become_nobody();
	UT_EXPECT_ERRNO(open("secret", O_RDONLY), EACCES);
	UT_EXPECT_ERRNO(access("secret", R_OK), EACCES);
	UT_EXPECT_EQ(access("secret", F_OK), 0);
	UT_EXPECT_EQ(access("public", R_OK), 0);
	UT_EXPECT_ERRNO(access("public", W_OK), EACCES);
	UT_EXPECT_ERRNO(open("public", O_WRONLY), EACCES);
	UT_EXPECT_ERRNO(access("script", X_OK), EACCES);
	/* No search permission on the directory. */
	UT_EXPECT_ERRNO(open("closed/inside", O_RDONLY), EACCES);
	UT_EXPECT_ERRNO(stat("closed/inside", &(struct stat){ 0 }), EACCES);
	/* No write permission on the directory. */
	UT_EXPECT_ERRNO(open("rodir/new", O_CREAT | O_WRONLY, 0644), EACCES);
	UT_EXPECT_ERRNO(mkdir("rodir/sub", 0755), EACCES);
	/* Unlinking needs write access to the directory, not the file. */
	UT_EXPECT_EQ(unlink("public"), 0);
	(void)b;
}

UTEST(root_bypasses_rw_but_needs_some_x_bit)
{
	ut_require_root();
	make_file("ro-file", "r", 0444);
	make_file("nox", "n", 0644);
	UT_EXPECT_EQ(access("ro-file", W_OK), 0);
	UT_EXPECT(open("ro-file", O_WRONLY) >= 0);
	UT_EXPECT_ERRNO(access("nox", X_OK), EACCES);
	UT_ASSERT_EQ(chmod("nox", 0744), 0);
	UT_EXPECT_EQ(access("nox", X_OK), 0);
}

UTEST(sticky_directory_protects_other_users_files)
{
	UT_ASSERT_EQ(mkdir("sticky", 01777), 0);
	UT_ASSERT_EQ(chmod("sticky", 01777), 0);
	make_file("sticky/roots", "r", 0666);
	ut_become_nobody();
	/* Writable directory, but the sticky bit keeps root's file. */
	UT_EXPECT_ERRNO(unlink("sticky/roots"), EPERM);
	UT_EXPECT_ERRNO(rename("sticky/roots", "sticky/mine"), EPERM);
	make_file("sticky/mine", "m", 0644);
	UT_EXPECT_EQ(unlink("sticky/mine"), 0);
}

UTEST(chmod_chown_and_their_permission_checks)
{
	struct stat st;
	int fd;

	make_file("own", "o", 0644);
	UT_ASSERT_EQ(chmod("own", 0600), 0);
	UT_ASSERT_EQ(stat("own", &st), 0);
	UT_EXPECT_EQ(st.st_mode & 07777, 0600);
	fd = open("own", O_RDONLY);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(fchmod(fd, 0640), 0);
	UT_ASSERT_EQ(fchmodat(AT_FDCWD, "own", 0604, 0), 0);
	UT_ASSERT_EQ(stat("own", &st), 0);
	UT_EXPECT_EQ(st.st_mode & 07777, 0604);
	UT_ASSERT_EQ(chown("own", 1000, 1001), 0);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT(st.st_uid == 1000 && st.st_gid == 1001);
	UT_ASSERT_EQ(fchown(fd, -1, 1002), 0);
	UT_ASSERT_EQ(stat("own", &st), 0);
	UT_EXPECT(st.st_uid == 1000 && st.st_gid == 1002);
	UT_ASSERT_EQ(symlink("own", "own-link"), 0);
	UT_ASSERT_EQ(lchown("own-link", 1003, 1003), 0);
	UT_ASSERT_EQ(lstat("own-link", &st), 0);
	UT_EXPECT_EQ(st.st_uid, 1003);
	UT_ASSERT_EQ(stat("own", &st), 0);
	UT_EXPECT_EQ(st.st_uid, 1000);
	UT_EXPECT_ERRNO(chmod("nope", 0644), ENOENT);
	make_file("roots", "r", 0644);
	ut_become_nobody();
	UT_EXPECT_ERRNO(chmod("roots", 0777), EPERM);
	UT_EXPECT_ERRNO(chown("roots", UT_NOBODY, UT_NOBODY), EPERM);
	UT_EXPECT_ERRNO(fchmod(fd, 0777), EPERM);
}

UTEST(utimensat_sets_times)
{
	struct timespec ts[2] = { { 1000000000, 123 }, { 1100000000, 456 } };
	struct stat st;

	make_file("times", "t", 0644);
	UT_ASSERT_EQ(utimensat(AT_FDCWD, "times", ts, 0), 0);
	UT_ASSERT_EQ(stat("times", &st), 0);
	UT_EXPECT_EQ(st.st_atim.tv_sec, 1000000000);
	UT_EXPECT_EQ(st.st_mtim.tv_sec, 1100000000);
	/* UTIME_OMIT keeps one, UTIME_NOW sets the other to now. */
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	UT_ASSERT_EQ(utimensat(AT_FDCWD, "times", ts, 0), 0);
	UT_ASSERT_EQ(stat("times", &st), 0);
	UT_EXPECT_EQ(st.st_atim.tv_sec, 1000000000);
	UT_EXPECT(st.st_mtim.tv_sec > 1577836800);
	UT_EXPECT_EQ(utimensat(AT_FDCWD, "times", NULL, 0), 0);
	ts[0].tv_nsec = 1000000000;
	UT_EXPECT_ERRNO(utimensat(AT_FDCWD, "times", ts, 0), EINVAL);
	UT_EXPECT_ERRNO(utimensat(AT_FDCWD, "times", NULL, 0x4000), EINVAL);
	UT_EXPECT_ERRNO(utimensat(AT_FDCWD, "nope", NULL, 0), ENOENT);
	ts[0].tv_sec = 5;
	ts[0].tv_nsec = 0;
	ts[1] = ts[0];
	ut_become_nobody();
	/* Not the owner: explicit times need ownership. */
	UT_EXPECT_ERRNO(utimensat(AT_FDCWD, "times", ts, 0), EPERM);
}

UTEST(mtime_and_ctime_follow_writes)
{
	struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };
	struct stat st;
	int fd;

	make_file("mt", "a", 0644);
	UT_ASSERT_EQ(utimensat(AT_FDCWD, "mt", old, 0), 0);
	fd = open("mt", O_WRONLY | O_APPEND);
	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "b", 1), 1);
	UT_ASSERT_EQ(fstat(fd, &st), 0);
	UT_EXPECT(st.st_mtime > 1577836800);
	UT_EXPECT(st.st_ctime > 1577836800);
}

UTEST(sync_family_returns_success)
{
	int fd = open("syncme", O_RDWR | O_CREAT, 0644);

	UT_ASSERT(fd >= 0);
	UT_ASSERT_EQ(write(fd, "x", 1), 1);
	UT_EXPECT_EQ(fsync(fd), 0);
	UT_EXPECT_EQ(fdatasync(fd), 0);
	UT_EXPECT_EQ(syncfs(fd), 0);
	sync();
	UT_EXPECT_ERRNO(fsync(-1), EBADF);
	UT_EXPECT_ERRNO(syncfs(-1), EBADF);
}

static const struct utest tests[] = {
	UTEST_CASE(o_creat_o_excl_fails_with_eexist),
	UTEST_CASE(o_trunc_empties_and_creat_makes_files),
	UTEST_CASE(o_append_two_processes_never_overwrite),
	UTEST_CASE(o_append_writes_at_end_even_after_lseek),
	UTEST_CASE(o_directory_and_directory_opens),
	UTEST_CASE(o_nofollow_on_a_symlink_fails_with_eloop),
	UTEST_CASE(o_path_fd_can_stat_but_not_read),
	UTEST_CASE(o_tmpfile_is_unnamed_until_linked),
	UTEST_CASE(read_write_lseek_and_holes),
	UTEST_CASE(pread_pwrite_leave_the_offset_alone),
	UTEST_CASE(readv_writev_preadv_pwritev),
	UTEST_CASE(seek_data_and_seek_hole),
	UTEST_CASE(stat_fstat_lstat_fstatat_fields),
	UTEST_CASE(statx_basic_stats),
	UTEST_CASE(unlinked_open_file_stays_readable),
	UTEST_CASE(truncate_and_ftruncate),
	UTEST_CASE(write_or_truncate_past_rlimit_fsize_raise_sigxfsz),
	UTEST_CASE(bad_fds_and_modes_fail_with_ebadf),
	UTEST_CASE(path_errors_enoent_enotdir_enametoolong_eloop_efault),
	UTEST_CASE(symlink_chain_within_limit_resolves),
	UTEST_CASE(permissions_as_nobody),
	UTEST_CASE(root_bypasses_rw_but_needs_some_x_bit),
	UTEST_CASE(sticky_directory_protects_other_users_files),
	UTEST_CASE(chmod_chown_and_their_permission_checks),
	UTEST_CASE(utimensat_sets_times),
	UTEST_CASE(mtime_and_ctime_follow_writes),
	UTEST_CASE(sync_family_returns_success),
};

int main(void)
{
	int ret;

	umask(022);
	ut_workdir("fs");
	ret = utest_main("fs", tests, ARRAY_SIZE(tests));
	ut_workdir_cleanup();
	return ret;
}
