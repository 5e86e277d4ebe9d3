/*
 * ktests of the character device registry and misc devices: claiming
 * numbers (static, dynamic, overlaps), opening through def_chr_fops,
 * and the /proc/devices text.
 */
#include <ktest/test.h>
#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../drivers/char/ktest_util.h"

static int opened;
static const void *opened_priv;

static int test_open(struct inode *inode, struct file *file)
{
	opened = iminor(inode) + 1;
	opened_priv = file->private_data;
	return 0;
}

static const struct file_operations test_fops = {
	.open = test_open,
	.name = "chrdev_test",
};

static void chrdev_test_regions(struct ktest *test)
{
	dev_t a, b;

	/* 240: "local/experimental use" in Linux's list. */
	KTEST_ASSERT_EQ(test, register_chrdev_region(MKDEV(240, 0), 4, "t1"),
			0);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(240, 0), 4, "t2"),
			-EBUSY);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(240, 3), 2, "t3"),
			-EBUSY);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(240, 4), 2, "t4"),
			0);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(0, 0), 1, "t5"),
			-EINVAL);
	unregister_chrdev_region(MKDEV(240, 4), 2);
	unregister_chrdev_region(MKDEV(240, 0), 4);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(240, 0), 1, "t6"),
			0);
	unregister_chrdev_region(MKDEV(240, 0), 1);

	/* Dynamic majors: distinct, from 254 down, not the fixed ones. */
	KTEST_ASSERT_EQ(test, alloc_chrdev_region(&a, 0, 2, "dyn1"), 0);
	KTEST_ASSERT_EQ(test, alloc_chrdev_region(&b, 5, 1, "dyn2"), 0);
	KTEST_EXPECT_NE(test, MAJOR(a), MAJOR(b));
	KTEST_EXPECT_LE(test, MAJOR(a), 254);
	KTEST_EXPECT_GE(test, MAJOR(a), 234);
	KTEST_EXPECT_EQ(test, MINOR(b), 5);
	unregister_chrdev_region(b, 1);
	unregister_chrdev_region(a, 2);
}

static void chrdev_test_open(struct ktest *test)
{
	struct cdev cdev;
	struct file *f;
	int major;

	/* Nothing serves the number: ENXIO. */
	f = ktest_chrdev_open(MKDEV(240, 7), O_RDONLY);
	KTEST_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);

	cdev_init(&cdev, &test_fops);
	KTEST_ASSERT_EQ(test, cdev_add(&cdev, MKDEV(240, 0), 8), 0);
	KTEST_EXPECT_EQ(test, cdev_add(&cdev, MKDEV(240, 7), 1), -EBUSY);
	opened = 0;
	f = ktest_chrdev_open(MKDEV(240, 7), O_RDONLY);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, opened, 8);
	if (!IS_ERR(f))
		KTEST_EXPECT_PTR_EQ(test, f->f_op, &test_fops);
	ktest_chrdev_close(f);
	cdev_del(&cdev);
	f = ktest_chrdev_open(MKDEV(240, 7), O_RDONLY);
	KTEST_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);

	/* __register_chrdev: numbers and a cdev in one, dynamic major. */
	major = __register_chrdev(0, 0, 4, "dyn3", &test_fops);
	KTEST_ASSERT_GT(test, major, 0);
	KTEST_EXPECT_EQ(test,
			__register_chrdev(major, 0, 4, "again", &test_fops),
			-EBUSY);
	opened = 0;
	f = ktest_chrdev_open(MKDEV(major, 2), O_RDONLY);
	KTEST_EXPECT_EQ(test, opened, 3);
	ktest_chrdev_close(f);
	__unregister_chrdev(major, 0, 4, "dyn3");
}

static void chrdev_test_proc_devices(struct ktest *test)
{
	struct seq_file m;
	char *buf = kzalloc(4096, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, buf);
	seq_buf_init(&m, buf, 4095);
	KTEST_ASSERT_EQ(
		test, register_chrdev_region(MKDEV(240, 0), 1, "ktestdev"), 0);
	chrdev_show(&m);
	unregister_chrdev_region(MKDEV(240, 0), 1);
	buf[m.count] = 0;
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "Character devices:\n", 19));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  1 mem\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  4 ttyS\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  5 /dev/tty\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  5 /dev/console\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  5 /dev/ptmx\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n 10 misc\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n128 ptm\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n136 pts/\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n240 ktestdev\n"));
	/* Sorted by major. */
	KTEST_EXPECT_LT(test, strstr(buf, " 1 mem"), strstr(buf, "10 misc"));
	kfree(buf);
}

static void chrdev_test_misc(struct ktest *test)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR,
				.name = "ktest_a",
				.fops = &test_fops };
	struct miscdevice b = { .minor = MISC_DYNAMIC_MINOR,
				.name = "ktest_b",
				.fops = &test_fops };
	struct miscdevice c = { .minor = 200,
				.name = "ktest_c",
				.fops = &test_fops };
	struct file *f;

	KTEST_ASSERT_EQ(test, misc_register(&a), 0);
	KTEST_EXPECT_EQ(test, misc_register(&b), 0);
	KTEST_EXPECT_NE(test, a.minor, MISC_DYNAMIC_MINOR);
	KTEST_EXPECT_NE(test, a.minor, b.minor);
	KTEST_EXPECT_EQ(test, misc_register(&c), 0);
	{
		struct miscdevice d = { .minor = 200,
					.name = "ktest_d",
					.fops = &test_fops };

		KTEST_EXPECT_EQ(test, misc_register(&d), -EBUSY);
	}
	opened = 0;
	opened_priv = NULL;
	f = ktest_chrdev_open(MKDEV(MISC_MAJOR, b.minor), O_RDONLY);
	KTEST_EXPECT_EQ(test, opened, b.minor + 1);
	KTEST_EXPECT_PTR_EQ(test, opened_priv, &b); /* misc sets it */
	ktest_chrdev_close(f);
	misc_deregister(&c);
	misc_deregister(&b);
	misc_deregister(&a);
	KTEST_EXPECT_EQ(test, a.minor, MISC_DYNAMIC_MINOR);
	f = ktest_chrdev_open(MKDEV(MISC_MAJOR, 200), O_RDONLY);
	KTEST_EXPECT_EQ(test, PTR_ERR(f), -ENODEV);
}

static struct ktest_case chrdev_test_cases[] = {
	KTEST_CASE(chrdev_test_regions),
	KTEST_CASE(chrdev_test_open),
	KTEST_CASE(chrdev_test_proc_devices),
	KTEST_CASE(chrdev_test_misc),
	{}
};

static struct ktest_suite chrdev_test_suite = {
	.name = "chrdev",
	.test_cases = chrdev_test_cases,
};
ktest_suite(chrdev_test_suite);
