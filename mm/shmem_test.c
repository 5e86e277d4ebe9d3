/*
 * ktest "tmpfs": the size= and nr_inodes= limits (ENOSPC), statfs
 * numbers, remount, fallocate, and MAP_SHARED-style page faults through
 * the vm_operations.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include "../fs/vfs_test.h"

static int tmpfs_init(struct ktest *test)
{
	return vfs_test_enter(test, "size=16k,nr_inodes=4,mode=0750");
}

static void tmpfs_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

static void tmpfs_test_statfs(struct ktest *test)
{
	struct kstatfs st;
	struct kstat kst;

	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_type, TMPFS_MAGIC);
	KTEST_EXPECT_EQ(test, st.f_bsize, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, st.f_blocks, 4);
	KTEST_EXPECT_EQ(test, st.f_bfree, 4);
	KTEST_EXPECT_EQ(test, st.f_bavail, 4);
	KTEST_EXPECT_EQ(test, st.f_files, 4);
	KTEST_EXPECT_EQ(test, st.f_ffree, 3); /* the root is one */
	KTEST_EXPECT_EQ(test, st.f_namelen, 255);
	KTEST_EXPECT_TRUE(test, st.f_flags & ST_RELATIME);
	KTEST_ASSERT_EQ(test, t_stat(".", &kst), 0);
	KTEST_EXPECT_EQ(test, kst.mode, S_IFDIR | 0750);
}

static void tmpfs_test_size_limit(struct ktest *test)
{
	char *buf = kzalloc(5 * PAGE_SIZE, GFP_KERNEL);
	struct kstatfs st;
	struct file *f;
	int fd;

	KTEST_ASSERT_NOT_NULL(test, buf);
	fd = t_open("f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	/* 20 KiB into 16: a short write, then ENOSPC. */
	KTEST_EXPECT_EQ(test, t_write(fd, buf, 5 * PAGE_SIZE), 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, t_write(fd, buf, 1), -ENOSPC);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 0);
	/* Rewriting pages already there needs no new space. */
	KTEST_EXPECT_EQ(test, t_pread(fd, buf, PAGE_SIZE, 0), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, t_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, t_write(fd, buf, 2 * PAGE_SIZE), 2 * PAGE_SIZE);
	/* Truncating gives the space back. */
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, PAGE_SIZE, 0), 0);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 3);
	/* fallocate reserves; past the limit it fails. */
	f = fget(fd);
	KTEST_ASSERT_NOT_NULL(test, f);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 2 * PAGE_SIZE), 0);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 2);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 10 * PAGE_SIZE), -ENOSPC);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0x10, 0, 1), -EOPNOTSUPP);
	fput(f);
	t_close(fd);
	KTEST_EXPECT_EQ(test, t_unlink("f"), 0);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 4);
	kfree(buf);
}

static void tmpfs_test_inode_limit(struct ktest *test)
{
	struct kstatfs st;

	KTEST_EXPECT_EQ(test, t_mkfile("a", ""), 0);
	KTEST_EXPECT_EQ(test, t_mkdir("b", 0755), 0);
	KTEST_EXPECT_EQ(test, t_symlink("a", "c"), 0);
	KTEST_EXPECT_EQ(test, t_mkfile("d", ""), -ENOSPC);
	KTEST_EXPECT_EQ(test, t_mkdir("e", 0755), -ENOSPC);
	KTEST_EXPECT_EQ(test, t_symlink("a", "f"), -ENOSPC);
	/* A hard link counts as an inode in tmpfs, as on Linux. */
	KTEST_EXPECT_EQ(test, t_link("a", "a2"), -ENOSPC);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_ffree, 0);
	KTEST_EXPECT_EQ(test, t_unlink("c"), 0);
	KTEST_EXPECT_EQ(test, t_mkfile("d", ""), 0);
}

static void tmpfs_test_remount(struct ktest *test)
{
	char *buf = kzalloc(2 * PAGE_SIZE, GFP_KERNEL);
	struct kstatfs st;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, t_mkfile("f", ""), 0);
	{
		int fd = t_open("f", O_WRONLY, 0);

		KTEST_EXPECT_EQ(test, t_write(fd, buf, 2 * PAGE_SIZE),
				2 * PAGE_SIZE);
		t_close(fd);
	}
	/* Smaller than what is in use: refused. */
	KTEST_EXPECT_EQ(test,
			init_mount(NULL, "/ktest-vfs", NULL, MS_REMOUNT,
				   "size=4k"),
			-EINVAL);
	KTEST_EXPECT_EQ(
		test,
		init_mount(NULL, "/ktest-vfs", NULL, MS_REMOUNT, "size=1m"), 0);
	KTEST_ASSERT_EQ(test, user_statfs_kern(".", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_blocks, (1 << 20) / PAGE_SIZE);
	KTEST_EXPECT_EQ(test, st.f_bfree, (1 << 20) / PAGE_SIZE - 2);
	KTEST_EXPECT_EQ(test,
			init_mount(NULL, "/ktest-vfs", NULL, MS_REMOUNT,
				   "nr_inodes=1"),
			-EINVAL);
	kfree(buf);
}

static void tmpfs_test_fault(struct ktest *test)
{
	struct vm_area_struct vma = {};
	struct vm_fault vmf = {};
	struct file *f;
	char c = 'Q';
	int fd;

	fd = t_open("m", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 3 * PAGE_SIZE, 0), 0);
	f = fget(fd);
	KTEST_ASSERT_NOT_NULL(test, f);
	vma.vm_file = f;
	vma.vm_flags = VM_READ | VM_WRITE | VM_SHARED | VM_MAYWRITE;
	KTEST_ASSERT_EQ(test, f->f_op->mmap(f, &vma), 0);
	KTEST_ASSERT_NOT_NULL(test, vma.vm_ops);
	/* A fault in a hole makes the page (and accounts it). */
	vmf.vma = &vma;
	vmf.pgoff = 1;
	KTEST_ASSERT_EQ(test, vma.vm_ops->fault(&vmf), 0);
	KTEST_ASSERT_NOT_NULL(test, vmf.page);
	/* What the mapping writes, read(2) sees: one page cache. */
	((char *)page_address(vmf.page))[10] = 'Q';
	put_page(vmf.page);
	c = 0;
	KTEST_EXPECT_EQ(test, t_pread(fd, &c, 1, PAGE_SIZE + 10), 1);
	KTEST_EXPECT_EQ(test, c, 'Q');
	/* Past the end of the file: SIGBUS. */
	vmf.pgoff = 3;
	vmf.page = NULL;
	KTEST_EXPECT_EQ(test, vma.vm_ops->fault(&vmf), VM_FAULT_SIGBUS);
	KTEST_EXPECT_NULL(test, vmf.page);
	/* Past the size limit: SIGBUS too (16k = 4 pages, 3 in use). */
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 8 * PAGE_SIZE, 0), 0);
	vmf.pgoff = 0;
	KTEST_EXPECT_EQ(test, vma.vm_ops->fault(&vmf), 0);
	put_page(vmf.page);
	vmf.pgoff = 2;
	KTEST_EXPECT_EQ(test, vma.vm_ops->fault(&vmf), 0);
	put_page(vmf.page);
	vmf.pgoff = 3;
	KTEST_EXPECT_EQ(test, vma.vm_ops->fault(&vmf), 0);
	put_page(vmf.page);
	vmf.pgoff = 4;
	KTEST_EXPECT_EQ(test, vma.vm_ops->fault(&vmf), VM_FAULT_SIGBUS);
	fput(f);
	t_close(fd);
}

static struct ktest_case tmpfs_test_cases[] = {
	KTEST_CASE(tmpfs_test_statfs),	    KTEST_CASE(tmpfs_test_size_limit),
	KTEST_CASE(tmpfs_test_inode_limit), KTEST_CASE(tmpfs_test_remount),
	KTEST_CASE(tmpfs_test_fault),	    {}
};

static struct ktest_suite tmpfs_test_suite = {
	.name = "tmpfs",
	.init = tmpfs_init,
	.exit = tmpfs_exit,
	.test_cases = tmpfs_test_cases,
};
ktest_suite(tmpfs_test_suite);
