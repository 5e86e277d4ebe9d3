/*
 * ktest "file_io": reading and writing through the page cache, O_APPEND,
 * truncation, lseek (SEEK_DATA/SEEK_HOLE), directories read with
 * iterate_dir, O_TMPFILE, O_PATH, sendfile.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include "vfs_test.h"

static int file_io_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void file_io_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

/* A repeatable pattern byte for offset @i. */
static u8 pat(loff_t i)
{
	return (u8)(i * 7 + (i >> 12));
}

static void file_io_test_page_cache_rw(struct ktest *test)
{
	const size_t len = 3 * PAGE_SIZE + 100;
	u8 *buf = kmalloc(len, GFP_KERNEL), *back = kmalloc(len, GFP_KERNEL);
	struct page *page;
	struct file *f;
	size_t i;
	int fd;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_NOT_NULL(test, back);
	for (i = 0; i < len; i++)
		buf[i] = pat(i);
	fd = t_open("f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	/* Write across page boundaries from an odd offset. */
	KTEST_EXPECT_EQ(test, t_write(fd, buf, 10), 10);
	KTEST_EXPECT_EQ(test, t_write(fd, buf + 10, len - 10), len - 10);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_CUR), len);
	memset(back, 0, len);
	KTEST_EXPECT_EQ(test, t_pread(fd, back, len, 0), len);
	KTEST_EXPECT_MEMEQ(test, back, buf, len);
	/* Reads stop at the end of the file. */
	KTEST_EXPECT_EQ(test, t_pread(fd, back, 100, len - 40), 40);
	KTEST_EXPECT_EQ(test, t_pread(fd, back, 100, len + 5), 0);
	/* The data is in the page cache, page by page. */
	f = fget(fd);
	KTEST_ASSERT_NOT_NULL(test, f);
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 4);
	page = find_get_page(f->f_mapping, 1);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, ((u8 *)page_address(page))[5],
			pat(PAGE_SIZE + 5));
	KTEST_EXPECT_TRUE(test, PageUptodate(page));
	KTEST_EXPECT_PTR_EQ(test, page->mapping, f->f_mapping);
	put_page(page);
	KTEST_EXPECT_NULL(test, find_get_page(f->f_mapping, 4));
	fput(f);
	t_close(fd);
	kfree(buf);
	kfree(back);
}

static void file_io_test_holes_read_zero(struct ktest *test)
{
	u8 buf[64];
	struct kstat st;
	int fd, i;

	fd = t_open("sparse", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 5 * PAGE_SIZE, SEEK_SET),
			5 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, t_write(fd, "end", 3), 3);
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.size, 5 * PAGE_SIZE + 3);
	KTEST_EXPECT_EQ(test, st.blocks, PAGE_SIZE / 512);
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_pread(fd, buf, sizeof(buf), 2 * PAGE_SIZE),
			sizeof(buf));
	for (i = 0; i < (int)sizeof(buf); i++)
		if (buf[i])
			break;
	KTEST_EXPECT_EQ(test, i, sizeof(buf));
	/* The hole is a hole, the data is data. */
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_DATA), 5 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_HOLE), 0);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 5 * PAGE_SIZE, SEEK_HOLE),
			5 * PAGE_SIZE + 3);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 5 * PAGE_SIZE + 3, SEEK_DATA),
			-ENXIO);
	KTEST_EXPECT_EQ(test, t_lseek(fd, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(test, t_lseek(fd, -3, SEEK_END), 5 * PAGE_SIZE);
	t_close(fd);
}

static void file_io_test_append(struct ktest *test)
{
	char buf[32];
	int a, b;

	KTEST_ASSERT_EQ(test, t_mkfile("log", "start:"), 0);
	a = t_open("log", O_WRONLY | O_APPEND, 0);
	b = t_open("log", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT_GE(test, a, 0);
	KTEST_ASSERT_GE(test, b, 0);
	/* Each write goes to the end, wherever f_pos was. */
	KTEST_EXPECT_EQ(test, t_lseek(a, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, t_write(a, "A1", 2), 2);
	KTEST_EXPECT_EQ(test, t_write(b, "B1", 2), 2);
	KTEST_EXPECT_EQ(test, t_write(a, "A2", 2), 2);
	KTEST_EXPECT_EQ(test, t_lseek(a, 0, SEEK_CUR), 12);
	t_close(a);
	t_close(b);
	a = t_open("log", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, a, 0);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_read(a, buf, sizeof(buf)), 12);
	KTEST_EXPECT_STREQ(test, buf, "start:A1B1A2");
	t_close(a);
}

static void file_io_test_truncate(struct ktest *test)
{
	struct kstat st;
	char buf[16];
	int fd, ro;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "0123456789"), 0);
	KTEST_EXPECT_EQ(test, do_sys_truncate(getname_kernel("f"), 4), 0);
	KTEST_ASSERT_EQ(test, t_stat("f", &st), 0);
	KTEST_EXPECT_EQ(test, st.size, 4);
	/* Growing again brings zeroes, not the old bytes. */
	KTEST_EXPECT_EQ(test, do_sys_truncate(getname_kernel("f"), 8), 0);
	fd = t_open("f", O_RDWR, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, t_read(fd, buf, sizeof(buf)), 8);
	KTEST_EXPECT_MEMEQ(test, buf, "0123\0\0\0\0", 8);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 2, 0), 0);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, -1, 0), -EINVAL);
	ro = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, ro, 0);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(ro, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(12345, 0, 0), -EBADF);
	t_close(ro);
	t_close(fd);
	KTEST_EXPECT_EQ(test, do_sys_truncate(getname_kernel("f"), -1),
			-EINVAL);
	KTEST_ASSERT_EQ(test, t_mkdir("d", 0755), 0);
	KTEST_EXPECT_EQ(test, do_sys_truncate(getname_kernel("d"), 0), -EISDIR);
	/* O_TRUNC empties the file on open. */
	fd = t_open("f", O_WRONLY | O_TRUNC, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.size, 0);
	t_close(fd);
}

static void file_io_test_mode_checks(struct ktest *test)
{
	char buf[4];
	int wr, rd;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "abc"), 0);
	wr = t_open("f", O_WRONLY, 0);
	rd = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, wr, 0);
	KTEST_ASSERT_GE(test, rd, 0);
	KTEST_EXPECT_EQ(test, t_read(wr, buf, 1), -EBADF);
	KTEST_EXPECT_EQ(test, t_write(rd, "x", 1), -EBADF);
	KTEST_EXPECT_EQ(test, t_read(1000, buf, 1), -EBADF);
	KTEST_EXPECT_EQ(test, t_close(1000), -EBADF);
	t_close(wr);
	t_close(rd);
	/* O_PATH: a handle for *at() calls, not for I/O. */
	rd = t_open("f", O_PATH, 0);
	KTEST_ASSERT_GE(test, rd, 0);
	KTEST_EXPECT_NULL(test, fget(rd));
	KTEST_EXPECT_EQ(test, t_read(rd, buf, 1), -EBADF);
	t_close(rd);
}

struct dir_names {
	struct dir_context ctx;
	char names[16][8];
	int n;
	int stop_after; /* emit this many per call, then say "full" */
	int this_call;
};

static bool collect_name(struct dir_context *ctx, const char *name, int len,
			 loff_t pos, u64 ino, unsigned int type)
{
	struct dir_names *d = container_of(ctx, struct dir_names, ctx);

	if (d->stop_after && d->this_call == d->stop_after)
		return false;
	if (d->n < 16 && len < 8) {
		memcpy(d->names[d->n], name, len);
		d->names[d->n][len] = '\0';
	}
	d->n++;
	d->this_call++;
	return true;
}

static int count_name(const struct dir_names *d, const char *name)
{
	int i, c = 0;

	for (i = 0; i < d->n && i < 16; i++)
		c += !strcmp(d->names[i], name);
	return c;
}

static void file_io_test_getdents(struct ktest *test)
{
	static const char *const files[] = { "a", "b", "c", "d", "e" };
	struct dir_names d = { .ctx.actor = collect_name };
	unsigned int i;
	int fd;

	KTEST_ASSERT_EQ(test, t_mkdir("dir", 0755), 0);
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		char path[16];

		snprintf(path, sizeof(path), "dir/%s", files[i]);
		KTEST_ASSERT_EQ(test, t_mkfile(path, "x"), 0);
	}
	fd = t_open("dir", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	{
		struct file *f = fget(fd);

		KTEST_ASSERT_NOT_NULL(test, f);
		KTEST_EXPECT_EQ(test, iterate_dir(f, &d.ctx), 0);
		KTEST_EXPECT_EQ(test, d.n, 7);
		KTEST_EXPECT_EQ(test, count_name(&d, "."), 1);
		KTEST_EXPECT_EQ(test, count_name(&d, ".."), 1);
		for (i = 0; i < ARRAY_SIZE(files); i++)
			KTEST_EXPECT_EQ(test, count_name(&d, files[i]), 1);
		/* At the end: nothing more. */
		d.n = 0;
		KTEST_EXPECT_EQ(test, iterate_dir(f, &d.ctx), 0);
		KTEST_EXPECT_EQ(test, d.n, 0);
		/* From the start again, two at a time, removing as we go
		 * (rm -r): each entry is seen exactly once. */
		KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_SET), 0);
		d.stop_after = 2;
		for (;;) {
			int before = d.n, j;

			d.this_call = 0;
			KTEST_ASSERT_EQ(test, iterate_dir(f, &d.ctx), 0);
			if (d.n == before)
				break;
			for (j = before; j < d.n; j++) {
				char path[16];

				if (d.names[j][0] == '.')
					continue;
				snprintf(path, sizeof(path), "dir/%s",
					 d.names[j]);
				KTEST_EXPECT_EQ(test, t_unlink(path), 0);
			}
		}
		KTEST_EXPECT_EQ(test, d.n, 7);
		for (i = 0; i < ARRAY_SIZE(files); i++)
			KTEST_EXPECT_EQ(test, count_name(&d, files[i]), 1);
		fput(f);
	}
	t_close(fd);
	KTEST_EXPECT_EQ(test, t_rmdir("dir"), 0);
	/* Not a directory: iterate_dir says so. */
	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	fd = t_open("f", O_RDONLY, 0);
	{
		struct file *f = fget(fd);

		KTEST_EXPECT_EQ(test, iterate_dir(f, &d.ctx), -ENOTDIR);
		fput(f);
	}
	t_close(fd);
}

static void file_io_test_tmpfile(struct ktest *test)
{
	struct kstat st;
	char buf[8];
	int fd;

	KTEST_EXPECT_EQ(test, t_open(".", O_TMPFILE | O_RDONLY, 0600), -EINVAL);
	fd = t_open(".", O_TMPFILE | O_RDWR, 0600);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, t_write(fd, "tmp", 3), 3);
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 0);
	/* linkat(fd, "", AT_EMPTY_PATH) gives it a name. */
	KTEST_EXPECT_EQ(test,
			do_linkat(fd, getname_kernel(""), AT_FDCWD,
				  getname_kernel("named"), AT_EMPTY_PATH),
			0);
	t_close(fd);
	KTEST_ASSERT_EQ(test, t_stat("named", &st), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 1);
	fd = t_open("named", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, t_read(fd, buf, sizeof(buf)), 3);
	t_close(fd);
	/* Without a link it vanishes at close. */
	fd = t_open(".", O_TMPFILE | O_WRONLY | O_EXCL, 0600);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test,
			do_linkat(fd, getname_kernel(""), AT_FDCWD,
				  getname_kernel("never"), AT_EMPTY_PATH),
			-ENOENT);
	t_close(fd);
}

static void file_io_test_sendfile(struct ktest *test)
{
	char buf[16];
	loff_t pos = 2;
	int in, out;

	KTEST_ASSERT_EQ(test, t_mkfile("src", "0123456789"), 0);
	in = t_open("src", O_RDONLY, 0);
	out = t_open("dst", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, in, 0);
	KTEST_ASSERT_GE(test, out, 0);
	KTEST_EXPECT_EQ(test, do_sendfile(out, in, &pos, 5, MAX_LFS_FILESIZE),
			5);
	KTEST_EXPECT_EQ(test, pos, 7);
	/* With no offset it reads from (and moves) in's position. */
	KTEST_EXPECT_EQ(test, do_sendfile(out, in, NULL, 100, MAX_LFS_FILESIZE),
			10);
	KTEST_EXPECT_EQ(test, t_lseek(in, 0, SEEK_CUR), 10);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, t_pread(out, buf, sizeof(buf), 0), 15);
	KTEST_EXPECT_MEMEQ(test, buf, "234560123456789", 15);
	KTEST_EXPECT_EQ(test, do_sendfile(in, out, NULL, 1, MAX_LFS_FILESIZE),
			-EBADF);
	KTEST_EXPECT_EQ(test, do_sendfile(out, 999, NULL, 1, MAX_LFS_FILESIZE),
			-EBADF);
	t_close(in);
	t_close(out);
}

static struct ktest_case file_io_test_cases[] = {
	KTEST_CASE(file_io_test_page_cache_rw),
	KTEST_CASE(file_io_test_holes_read_zero),
	KTEST_CASE(file_io_test_append),
	KTEST_CASE(file_io_test_truncate),
	KTEST_CASE(file_io_test_mode_checks),
	KTEST_CASE(file_io_test_getdents),
	KTEST_CASE(file_io_test_tmpfile),
	KTEST_CASE(file_io_test_sendfile),
	{}
};

static struct ktest_suite file_io_test_suite = {
	.name = "file_io",
	.init = file_io_init,
	.exit = file_io_exit,
	.test_cases = file_io_test_cases,
};
ktest_suite(file_io_test_suite);
