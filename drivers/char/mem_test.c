/*
 * ktests of the memory devices (/dev/null, zero, full, random,
 * urandom, kmsg), getrandom(2), the ChaCha20 block function and
 * syslog(2), all through their file operations or syscall bodies with
 * user buffers.
 */
#include <ktest/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/string.h>

#include "ktest_util.h"

#define KADDR ((char __user *)0xffff880000000000UL) /* not user memory */

void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3],
		    u8 out[64]);

static char __user *ubuf;

static int mem_suite_init(struct ktest *test)
{
	ubuf = ktest_dev_user_map(test);
	return 0;
}

static void mem_suite_exit(struct ktest *test)
{
	ktest_dev_user_unmap();
}

static ssize_t fread(struct file *f, char __user *p, size_t n)
{
	loff_t pos = 0;

	return f->f_op->read(f, p, n, &pos);
}

static ssize_t fwrite(struct file *f, const char __user *p, size_t n)
{
	loff_t pos = 0;

	return f->f_op->write(f, p, n, &pos);
}

/* The "prio" before the first comma of a kmsg record. */
static int sscanf_prio(const char *s, unsigned int *prio)
{
	char *end;

	*prio = simple_strtoul(s, &end, 10);
	return end != s && *end == ',';
}

static bool all_bytes(const char *p, char c, size_t n)
{
	while (n--)
		if (*p++ != c)
			return false;
	return true;
}

static void mem_test_null_zero_full(struct ktest *test)
{
	struct file *f;
	char *k;

	if (!ubuf)
		return;
	k = ktest_dev_user_kaddr(ubuf);
	f = ktest_chrdev_open(MKDEV(1, 3), O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, fread(f, ubuf, 100), 0);
	KTEST_EXPECT_EQ(test, fwrite(f, ubuf, 12345), 12345);
	KTEST_EXPECT_EQ(test, fwrite(f, KADDR, 10), 10); /* never looked at */
	f->f_pos = 77;
	KTEST_EXPECT_EQ(test, f->f_op->llseek(f, 5, SEEK_CUR), 0);
	ktest_chrdev_close(f);

	f = ktest_chrdev_open(MKDEV(1, 5), O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	memset(k, 0xaa, 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, fread(f, ubuf + 1, 2 * PAGE_SIZE + 5),
			2 * PAGE_SIZE + 5);
	KTEST_EXPECT_EQ(test, (u8)k[0], 0xaa);
	KTEST_EXPECT_TRUE(test, all_bytes(k + 1, 0, 2 * PAGE_SIZE + 5));
	KTEST_EXPECT_EQ(test, (u8)k[2 * PAGE_SIZE + 6], 0xaa);
	KTEST_EXPECT_EQ(test, fread(f, KADDR, 10), -EFAULT);
	/* Past the end of the mapping: what fits, then stop. */
	KTEST_EXPECT_EQ(test,
			fread(f, ubuf + KTEST_USER_PAGES * PAGE_SIZE - 10, 100),
			10);
	KTEST_EXPECT_EQ(test, fwrite(f, ubuf, 7), 7);
	{
		/* Mapping it is anonymous memory: no vm_ops, demand zero. */
		struct vm_area_struct vma = { .vm_ops = (void *)1 };

		KTEST_EXPECT_EQ(test, f->f_op->mmap(f, &vma), 0);
		KTEST_EXPECT_NULL(test, vma.vm_ops);
	}
	ktest_chrdev_close(f);

	f = ktest_chrdev_open(MKDEV(1, 7), O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, fwrite(f, ubuf, 1), -ENOSPC);
	memset(k, 0xaa, 16);
	KTEST_EXPECT_EQ(test, fread(f, ubuf, 16), 16);
	KTEST_EXPECT_TRUE(test, all_bytes(k, 0, 16));
	ktest_chrdev_close(f);

	/* Minors nobody serves. */
	KTEST_EXPECT_EQ(test, PTR_ERR(ktest_chrdev_open(MKDEV(1, 4), O_RDWR)),
			-ENXIO);
	KTEST_EXPECT_EQ(test, PTR_ERR(ktest_chrdev_open(MKDEV(1, 99), O_RDWR)),
			-ENXIO);
}

/* RFC 7539 2.3.2: the block function's test vector. */
static void mem_test_chacha20_vector(struct ktest *test)
{
	static const u8 expect[16] = { 0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b,
				       0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f,
				       0xa3, 0x20, 0x71, 0xc4 };
	static const u8 expect48[4] = { 0xb5, 0x12, 0x9c, 0xd1 };
	static const u8 expect60[4] = { 0xa2, 0x50, 0x3c, 0x4e };
	u32 key[8], nonce[3] = { 0x09000000, 0x4a000000, 0 };
	u8 out[64], *kb = (u8 *)key;

	for (int i = 0; i < 32; i++)
		kb[i] = i;
	chacha20_block(key, 1, nonce, out);
	KTEST_EXPECT_MEMEQ(test, out, expect, 16);
	KTEST_EXPECT_MEMEQ(test, out + 48, expect48, 4);
	KTEST_EXPECT_MEMEQ(test, out + 60, expect60, 4);
}

static void mem_test_getrandom(struct ktest *test)
{
	char *k;

	if (!ubuf)
		return;
	k = ktest_dev_user_kaddr(ubuf);
	KTEST_EXPECT_TRUE(test, rng_is_initialized());
	KTEST_EXPECT_EQ(test, do_getrandom(ubuf, 16, 0x8), -EINVAL);
	KTEST_EXPECT_EQ(test,
			do_getrandom(ubuf, 16, GRND_INSECURE | GRND_RANDOM),
			-EINVAL);
	KTEST_EXPECT_EQ(test, do_getrandom(KADDR, 16, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, do_getrandom(ubuf, 0, 0), 0);
	memset(k, 0, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, do_getrandom(ubuf, 32, GRND_NONBLOCK), 32);
	KTEST_EXPECT_EQ(test, do_getrandom(ubuf + 32, 32, GRND_RANDOM), 32);
	KTEST_EXPECT_EQ(test, do_getrandom(ubuf + 64, 32, GRND_INSECURE), 32);
	KTEST_EXPECT_FALSE(test, all_bytes(k, 0, 32));
	KTEST_EXPECT_FALSE(test, !memcmp(k, k + 32, 32)); /* fresh each time */
	KTEST_EXPECT_TRUE(test, all_bytes(k + 96, 0, 32)); /* no overrun */
	/* Partial copy up to the end of the mapping. */
	KTEST_EXPECT_EQ(test,
			do_getrandom(ubuf + KTEST_USER_PAGES * PAGE_SIZE - 5,
				     64, 0),
			5);
	KTEST_EXPECT_NE(test, get_random_u64(), get_random_u64());
	KTEST_EXPECT_EQ(test, strlen(random_boot_id()), 36);
	KTEST_EXPECT_EQ(test, random_boot_id()[14], '4');
}

static void mem_test_random_devices(struct ktest *test)
{
	struct file *f;
	char *k;

	if (!ubuf)
		return;
	k = ktest_dev_user_kaddr(ubuf);
	f = ktest_chrdev_open(MKDEV(1, 9), O_RDWR);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	memset(k, 0, 600);
	KTEST_EXPECT_EQ(test, fread(f, ubuf, 512), 512);
	KTEST_EXPECT_FALSE(test, all_bytes(k + 448, 0, 64));
	KTEST_EXPECT_EQ(test, fwrite(f, ubuf, 100), 100); /* mixed in */
	KTEST_EXPECT_EQ(test, fwrite(f, KADDR, 100), -EFAULT);
	ktest_chrdev_close(f);
	f = ktest_chrdev_open(MKDEV(1, 8), O_RDONLY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, fread(f, ubuf, 8), 8);
	KTEST_EXPECT_TRUE(test, vfs_poll(f, NULL) & EPOLLIN);
	ktest_chrdev_close(f);
}

/* /dev/kmsg: one record per read in Linux's format. */
static void mem_test_kmsg(struct ktest *test)
{
	struct file *r, *w;
	char *k, *semi;
	unsigned int prio;
	ssize_t n;

	if (!ubuf)
		return;
	k = ktest_dev_user_kaddr(ubuf);
	r = ktest_chrdev_open(MKDEV(1, 11), O_RDONLY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(r));
	w = ktest_chrdev_open(MKDEV(1, 11), O_WRONLY);
	KTEST_ASSERT_FALSE(test, IS_ERR(w));

	/* From the start: the oldest record first. */
	n = fread(r, ubuf, 1024);
	KTEST_EXPECT_GT(test, n, 0);
	KTEST_EXPECT_TRUE(test, k[0] >= '0' && k[0] <= '9');

	KTEST_EXPECT_EQ(test, r->f_op->llseek(r, 0, SEEK_END), 0);
	KTEST_EXPECT_EQ(test, r->f_op->llseek(r, 1, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(test, r->f_op->llseek(r, 0, 42), -EINVAL);
	KTEST_EXPECT_EQ(test, fread(r, ubuf, 1024), -EAGAIN);
	KTEST_EXPECT_EQ(test, vfs_poll(r, NULL) & EPOLLIN, 0);

	pr_err("kmsg ktest: tab\there\n");
	KTEST_EXPECT_TRUE(test, vfs_poll(r, NULL) & EPOLLIN);
	/* Too small for the record: EINVAL, and it is still there. */
	KTEST_EXPECT_EQ(test, fread(r, ubuf, 10), -EINVAL);
	n = fread(r, ubuf, 1024);
	KTEST_ASSERT_GT(test, n, 0);
	k[n] = 0;
	KTEST_EXPECT_TRUE(test, !strncmp(k, "3,", 2)); /* kernel, KERN_ERR */
	semi = strchr(k, ';');
	KTEST_ASSERT_NOT_NULL(test, semi);
	KTEST_EXPECT_EQ(test, semi[-1], '-');
	KTEST_EXPECT_STREQ(test, semi + 1, "kmsg ktest: tab\\x09here\n");

	/* A write is a message of the user facility; <N> sets the level. */
	memcpy(ktest_dev_user_kaddr(ubuf + PAGE_SIZE), "<5>from user", 12);
	KTEST_EXPECT_EQ(test, fwrite(w, ubuf + PAGE_SIZE, 12), 12);
	n = fread(r, ubuf, 1024);
	KTEST_ASSERT_GT(test, n, 0);
	k[n] = 0;
	KTEST_EXPECT_EQ(test, sscanf_prio(k, &prio), 1);
	KTEST_EXPECT_EQ(test, prio, 13); /* 1 << 3 | 5 */
	KTEST_EXPECT_STREQ(test, strchr(k, ';') + 1, "from user\n");
	KTEST_EXPECT_EQ(test, fwrite(w, KADDR, 5), -EFAULT);
	KTEST_EXPECT_EQ(test, fread(r, KADDR, 1024), -EAGAIN);

	/* The sequence numbers grow. */
	pr_info("kmsg ktest one\n");
	pr_info("kmsg ktest two\n");
	{
		unsigned long long s1, s2;
		char *c;

		fread(r, ubuf, 1024);
		c = strchr(k, ',');
		s1 = simple_strtoull(c + 1, NULL, 10);
		fread(r, ubuf, 1024);
		c = strchr(k, ',');
		s2 = simple_strtoull(c + 1, NULL, 10);
		KTEST_EXPECT_GT(test, s2, s1);
	}
	ktest_chrdev_close(w);
	ktest_chrdev_close(r);
}

static void mem_test_syslog(struct ktest *test)
{
	char *k, *tail;
	int n, saved = console_loglevel;

	if (!ubuf)
		return;
	k = ktest_dev_user_kaddr(ubuf);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0,
				  SYSLOG_FROM_READER),
			1 << 17);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_READ_ALL, NULL, 10,
				  SYSLOG_FROM_READER),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_READ_ALL, ubuf, -1,
				  SYSLOG_FROM_READER),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_READ_ALL, KADDR, 10,
				  SYSLOG_FROM_READER),
			-EFAULT);
	KTEST_EXPECT_EQ(test, do_syslog(42, NULL, 0, SYSLOG_FROM_READER),
			-EINVAL);

	pr_warn("syslog ktest marker\n");
	/* READ_ALL: the newest lines that fit, "<4>[time] text\n". */
	n = do_syslog(SYSLOG_ACTION_READ_ALL, ubuf, 3 * PAGE_SIZE,
		      SYSLOG_FROM_READER);
	KTEST_ASSERT_GT(test, n, 0);
	KTEST_EXPECT_LE(test, n, 3 * PAGE_SIZE);
	k[n] = 0;
	KTEST_EXPECT_EQ(test, k[n - 1], '\n');
	KTEST_EXPECT_EQ(test, k[0], '<');
	tail = strstr(k, "syslog ktest marker\n");
	KTEST_ASSERT_NOT_NULL(test, tail);
	KTEST_EXPECT_TRUE(test, !strncmp(tail - 19, "\n<4>[", 5));
	KTEST_EXPECT_EQ(test, tail[-2], ']');
	/* A small buffer gets only the last lines. */
	n = do_syslog(SYSLOG_ACTION_READ_ALL, ubuf, 100, SYSLOG_FROM_READER);
	KTEST_EXPECT_GT(test, n, 0);
	KTEST_EXPECT_LE(test, n, 100);

	/* CLEAR: READ_ALL starts after it. */
	KTEST_EXPECT_EQ(
		test,
		do_syslog(SYSLOG_ACTION_CLEAR, NULL, 0, SYSLOG_FROM_READER), 0);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_READ_ALL, ubuf, 1000,
				  SYSLOG_FROM_READER),
			0);
	pr_warn("after clear\n");
	n = do_syslog(SYSLOG_ACTION_READ_ALL, ubuf, 1000, SYSLOG_FROM_READER);
	k[n > 0 ? n : 0] = 0;
	KTEST_EXPECT_NOT_NULL(test, strstr(k, "after clear"));
	KTEST_EXPECT_NULL(test, strstr(k, "marker"));

	/* READ consumes; SIZE_UNREAD counts what is left. */
	KTEST_EXPECT_GT(test,
			do_syslog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0,
				  SYSLOG_FROM_READER),
			0);
	while (do_syslog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0,
			 SYSLOG_FROM_READER) > 0)
		KTEST_ASSERT_GT(test,
				do_syslog(SYSLOG_ACTION_READ, ubuf,
					  3 * PAGE_SIZE, SYSLOG_FROM_READER),
				0);
	pr_warn("to be read\n");
	n = do_syslog(SYSLOG_ACTION_READ, ubuf, 3 * PAGE_SIZE,
		      SYSLOG_FROM_READER);
	k[n > 0 ? n : 0] = 0;
	KTEST_EXPECT_TRUE(test, !strncmp(k, "<4>[", 4));
	KTEST_EXPECT_NOT_NULL(test, strstr(k, "] to be read\n"));
	/* A short READ returns part of a line and the rest next time. */
	pr_warn("0123456789\n");
	KTEST_EXPECT_EQ(
		test,
		do_syslog(SYSLOG_ACTION_READ, ubuf, 5, SYSLOG_FROM_READER), 5);
	n = do_syslog(SYSLOG_ACTION_READ, ubuf, 100, SYSLOG_FROM_READER);
	k[n > 0 ? n : 0] = 0;
	KTEST_EXPECT_NOT_NULL(test, strstr(k, "] 0123456789\n"));

	/* Console levels. */
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0,
				  SYSLOG_FROM_READER),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9,
				  SYSLOG_FROM_READER),
			-EINVAL);
	do_syslog(SYSLOG_ACTION_CONSOLE_OFF, NULL, 0, SYSLOG_FROM_READER);
	KTEST_EXPECT_EQ(test, console_loglevel, 1);
	do_syslog(SYSLOG_ACTION_CONSOLE_ON, NULL, 0, SYSLOG_FROM_READER);
	KTEST_EXPECT_EQ(test, console_loglevel, saved);
	KTEST_EXPECT_EQ(test,
			do_syslog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 3,
				  SYSLOG_FROM_READER),
			0);
	KTEST_EXPECT_EQ(test, console_loglevel, 3);
	console_loglevel = saved;
}

static struct ktest_case mem_test_cases[] = {
	KTEST_CASE(mem_test_null_zero_full),
	KTEST_CASE(mem_test_chacha20_vector),
	KTEST_CASE(mem_test_getrandom),
	KTEST_CASE(mem_test_random_devices),
	KTEST_CASE(mem_test_kmsg),
	KTEST_CASE(mem_test_syslog),
	{}
};

static struct ktest_suite mem_test_suite = {
	.name = "mem",
	.init = mem_suite_init,
	.exit = mem_suite_exit,
	.test_cases = mem_test_cases,
};
ktest_suite(mem_test_suite);
