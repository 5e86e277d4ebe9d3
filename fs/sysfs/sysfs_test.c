/*
 * ktest "sysfs": the tree through a kern_mount of sysfs -- the tty,
 * mem and cpu entries the drivers made, cttyhack's console/active,
 * class links, and kobjects, attributes and devices that come and go.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <ktest/test.h>

static struct file_system_type *sysfs_type;
static struct vfsmount *sysfs_mnt;

static int sysfs_test_init(struct ktest *test)
{
	sysfs_type = get_fs_type("sysfs");
	if (!sysfs_type)
		return -ENODEV;
	sysfs_mnt = kern_mount(sysfs_type);
	return IS_ERR(sysfs_mnt) ? PTR_ERR(sysfs_mnt) : 0;
}

static void sysfs_test_exit(struct ktest *test)
{
	if (!IS_ERR_OR_NULL(sysfs_mnt))
		kern_unmount(sysfs_mnt);
	sysfs_mnt = NULL;
	if (sysfs_type)
		put_filesystem(sysfs_type);
}

static struct file *s_open(const char *name, int flags)
{
	struct path root = { .mnt = sysfs_mnt, .dentry = sysfs_mnt->mnt_root };

	return file_open_root(&root, name, flags, 0);
}

static ssize_t s_read(const char *name, char *buf, size_t size)
{
	struct file *f = s_open(name, O_RDONLY);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	if (n >= 0)
		buf[n] = '\0';
	fput(f);
	return n;
}

static ssize_t s_write(const char *name, const char *s)
{
	struct file *f = s_open(name, O_WRONLY);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, s, strlen(s), &pos);
	fput(f);
	return n;
}

/* The body of the symlink @name, into @buf; 0 or -errno. */
static int s_readlink(const char *name, char *buf, size_t size)
{
	struct file *f = s_open(name, O_PATH | O_NOFOLLOW);
	const char *body;
	void *cookie;

	if (IS_ERR(f))
		return PTR_ERR(f);
	body = vfs_get_link(f->f_path.dentry, &cookie);
	if (!IS_ERR(body))
		strscpy(buf, body, size);
	kfree(cookie);
	fput(f);
	return IS_ERR(body) ? PTR_ERR(body) : 0;
}

static void sysfs_test_tty_and_console(struct ktest *test)
{
	char buf[128];

	/* ktest boots with console=ttyS0, the line cttyhack must find. */
	KTEST_ASSERT_GT(test, s_read("class/tty/console/active", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "ttyS0\n");
	KTEST_ASSERT_GT(test, s_read("class/tty/ttyS0/dev", buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "4:64\n");
	KTEST_ASSERT_GT(test, s_read("class/tty/ttyS0/uevent", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "MAJOR=4\nMINOR=64\nDEVNAME=ttyS0\n");
	KTEST_ASSERT_GT(test, s_read("class/tty/console/dev", buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "5:1\n");
	KTEST_ASSERT_EQ(test, s_readlink("class/tty/ttyS0", buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "../../devices/virtual/tty/ttyS0");
	KTEST_ASSERT_EQ(test, s_readlink("devices/virtual/tty/ttyS0/subsystem",
					 buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "../../../../class/tty");
	KTEST_EXPECT_EQ(test, s_read("class/tty/nosuch/dev", buf, sizeof(buf)),
			-ENOENT);
}

static void sysfs_test_mem_and_cpu(struct ktest *test)
{
	char buf[64];

	KTEST_ASSERT_GT(test, s_read("class/mem/null/dev", buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "1:3\n");
	KTEST_ASSERT_GT(test, s_read("class/mem/zero/dev", buf, sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "1:5\n");
	KTEST_ASSERT_GT(test, s_read("devices/system/cpu/online", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_EQ(test, buf[0], '0');
	KTEST_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	KTEST_ASSERT_GT(test, s_read("devices/system/cpu/possible", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_EQ(test, buf[0], '0');
	KTEST_EXPECT_EQ(test, s_read("devices/system/cpu/cpu0/nosuch", buf,
				     sizeof(buf)), -ENOENT);
	/* Directories: they open (O_DIRECTORY), and reading them fails. */
	KTEST_EXPECT_LT(test, s_read("block", buf, sizeof(buf)), 0);
	KTEST_EXPECT_LT(test, s_read("kernel", buf, sizeof(buf)), 0);
	KTEST_EXPECT_LT(test, s_read("fs", buf, sizeof(buf)), 0);
	KTEST_EXPECT_LT(test, s_read("devices/system/cpu/cpu0", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_NE(test, s_read("devices/system/cpu/cpu0", buf,
				     sizeof(buf)), -ENOENT);
}

static int ktest_value = 42;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *a,
			  char *buf)
{
	return sysfs_emit(buf, "%d\n", ktest_value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *a,
			   const char *buf, size_t count)
{
	int v, err = kstrtoint(buf, 10, &v);

	if (err)
		return err;
	ktest_value = v;
	return count;
}

static struct kobj_attribute value_attr = __ATTR_RW(value);

/* A kobject with an attribute appears, reads and writes, and goes. */
static void sysfs_test_kobject_attribute(struct ktest *test)
{
	struct kobject *kobj = kobject_create_and_add("ktest", kernel_kobj);
	char buf[32];

	KTEST_ASSERT_NOT_NULL(test, kobj);
	KTEST_ASSERT_EQ(test, sysfs_create_file(kobj, &value_attr.attr), 0);
	KTEST_EXPECT_EQ(test, sysfs_create_file(kobj, &value_attr.attr),
			-EEXIST);
	KTEST_ASSERT_GT(test, s_read("kernel/ktest/value", buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "42\n");
	KTEST_EXPECT_EQ(test, s_write("kernel/ktest/value", "7\n"), 2);
	KTEST_EXPECT_EQ(test, ktest_value, 7);
	KTEST_EXPECT_EQ(test, s_write("kernel/ktest/value", "x"), -EINVAL);
	KTEST_EXPECT_EQ(test, ktest_value, 7);
	KTEST_EXPECT_NULL(test, kobject_create_and_add("ktest", kernel_kobj));
	kobject_put(kobj);
	KTEST_EXPECT_EQ(test, s_read("kernel/ktest/value", buf, sizeof(buf)),
			-ENOENT);
	ktest_value = 42;
}

/* device_create/device_destroy: the device and its class link. */
static void sysfs_test_device_create_destroy(struct ktest *test)
{
	struct class *cls = class_create("ktestclass");
	struct device *dev;
	char buf[64];

	KTEST_ASSERT_FALSE(test, IS_ERR(cls));
	dev = device_create(cls, NULL, MKDEV(240, 7), NULL, "kt%d", 1);
	KTEST_ASSERT_FALSE(test, IS_ERR(dev));
	KTEST_EXPECT_STREQ(test, dev_name(dev), "kt1");
	KTEST_EXPECT_TRUE(test, IS_ERR(device_create(cls, NULL, MKDEV(240, 8),
						     NULL, "kt1")));
	KTEST_ASSERT_GT(test, s_read("class/ktestclass/kt1/dev", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "240:7\n");
	KTEST_ASSERT_GT(test, s_read("devices/virtual/ktestclass/kt1/uevent",
				     buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "MAJOR=240\nMINOR=7\nDEVNAME=kt1\n");
	/* A '/' in a name becomes '!' in sysfs, as "pts/0" would. */
	dev = device_create(cls, NULL, MKDEV(240, 9), NULL, "sub/kt");
	KTEST_ASSERT_FALSE(test, IS_ERR(dev));
	KTEST_ASSERT_GT(test, s_read("class/ktestclass/sub!kt/uevent", buf,
				     sizeof(buf)), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, "DEVNAME=sub/kt\n") != NULL);
	device_destroy(cls, MKDEV(240, 9));
	device_destroy(cls, MKDEV(240, 7));
	KTEST_EXPECT_EQ(test, s_read("class/ktestclass/kt1/dev", buf,
				     sizeof(buf)), -ENOENT);
	KTEST_EXPECT_EQ(test, s_read("devices/virtual/ktestclass/kt1/dev", buf,
				     sizeof(buf)), -ENOENT);
	device_destroy(cls, MKDEV(240, 7)); /* already gone: nothing */
	class_destroy(cls);
	KTEST_EXPECT_EQ(test, s_read("class/ktestclass", buf, sizeof(buf)),
			-ENOENT);
}

static struct ktest_case sysfs_test_cases[] = {
	KTEST_CASE(sysfs_test_tty_and_console),
	KTEST_CASE(sysfs_test_mem_and_cpu),
	KTEST_CASE(sysfs_test_kobject_attribute),
	KTEST_CASE(sysfs_test_device_create_destroy),
	{}
};

static struct ktest_suite sysfs_test_suite = {
	.name = "sysfs",
	.init = sysfs_test_init,
	.exit = sysfs_test_exit,
	.test_cases = sysfs_test_cases,
};
ktest_suite(sysfs_test_suite);
