/*
 * ktest "dcache": lookups through the hash, negative dentries on the
 * LRU and their pruning, renames (d_move), ancestry, and the names
 * d_path and getcwd build.
 */
#include <linux/dcache.h>
#include "vfs_test.h"

static int dcache_test_init(struct ktest *test)
{
	return vfs_test_enter(test, NULL);
}

static void dcache_test_exit(struct ktest *test)
{
	vfs_test_exit(test);
}

static struct dentry *cwd_dentry(void)
{
	return current->fs->pwd.dentry;
}

static struct dentry *lookup_name(struct dentry *dir, const char *name)
{
	struct qstr q = QSTR_INIT(name, strlen(name));

	return d_hash_and_lookup(dir, &q);
}

static void dcache_test_lookup_finds_created(struct ktest *test)
{
	struct dentry *d;
	struct kstat st;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "x"), 0);
	KTEST_ASSERT_EQ(test, t_stat("f", &st), 0);
	d = lookup_name(cwd_dentry(), "f");
	KTEST_ASSERT_NOT_NULL(test, d);
	KTEST_ASSERT_NOT_NULL(test, d->d_inode);
	KTEST_EXPECT_EQ(test, d->d_inode->i_ino, st.ino);
	KTEST_EXPECT_PTR_EQ(test, d->d_parent, cwd_dentry());
	/* Pinned by tmpfs (1) and by us (1). */
	KTEST_EXPECT_EQ(test, d_count(d), 2);
	dput(d);
	KTEST_EXPECT_EQ(test, t_unlink("f"), 0);
	/* tmpfs does not cache negative entries: nothing to find. */
	KTEST_EXPECT_NULL(test, lookup_name(cwd_dentry(), "f"));
}

static void dcache_test_same_name_two_dirs(struct ktest *test)
{
	struct dentry *a, *b, *da, *db;

	KTEST_ASSERT_EQ(test, t_mkdir("a", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("b", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("a/x", "1"), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("b/x", "2"), 0);
	da = lookup_name(cwd_dentry(), "a");
	db = lookup_name(cwd_dentry(), "b");
	KTEST_ASSERT_NOT_NULL(test, da);
	KTEST_ASSERT_NOT_NULL(test, db);
	a = lookup_name(da, "x");
	b = lookup_name(db, "x");
	KTEST_EXPECT_NOT_NULL(test, a);
	KTEST_EXPECT_NOT_NULL(test, b);
	KTEST_EXPECT_TRUE(test, a != b);
	if (a && b)
		KTEST_EXPECT_NE(test, a->d_inode->i_ino, b->d_inode->i_ino);
	/* Ancestry. */
	KTEST_EXPECT_TRUE(test, is_subdir(a, da));
	KTEST_EXPECT_TRUE(test, is_subdir(a, cwd_dentry()));
	KTEST_EXPECT_FALSE(test, is_subdir(a, db));
	KTEST_EXPECT_FALSE(test, is_subdir(da, a));
	KTEST_EXPECT_PTR_EQ(test, d_ancestor(cwd_dentry(), a), da);
	KTEST_EXPECT_NULL(test, d_ancestor(db, a));
	dput(a);
	dput(b);
	dput(da);
	dput(db);
}

/*
 *	before:  dir ("neg" unknown)        LRU: ...
 *	d_add(neg, NULL), dput:  dir -> neg (count 0)   LRU: neg, ...
 *	prune_dcache:            dir                    LRU: ...
 */
static void dcache_test_negative_lru(struct ktest *test)
{
	unsigned long unused = dcache_unused_count();
	struct dentry *dir = cwd_dentry();
	struct dentry *d, *again;

	d = d_alloc_name(dir, "neg");
	KTEST_ASSERT_NOT_NULL(test, d);
	d_add(d, NULL);
	KTEST_EXPECT_FALSE(test, d_unhashed(d));
	dput(d);
	/* Cached with no users: on the LRU, still found by lookups. */
	KTEST_EXPECT_EQ(test, dcache_unused_count(), unused + 1);
	again = lookup_name(dir, "neg");
	KTEST_EXPECT_PTR_EQ(test, again, d);
	if (again) {
		KTEST_EXPECT_EQ(test, d_count(again), 1);
		KTEST_EXPECT_TRUE(test, d_is_negative(again));
		dput(again);
	}
	/* A second negative one, then the shrinker frees both. */
	d = d_alloc_name(dir, "neg2");
	KTEST_ASSERT_NOT_NULL(test, d);
	d_add(d, NULL);
	dput(d);
	KTEST_EXPECT_EQ(test, dcache_unused_count(), unused + 2);
	KTEST_EXPECT_GE(test, prune_dcache(ULONG_MAX), 2);
	KTEST_EXPECT_EQ(test, dcache_unused_count(), 0);
	KTEST_EXPECT_NULL(test, lookup_name(dir, "neg"));
	KTEST_EXPECT_NULL(test, lookup_name(dir, "neg2"));
	/* shrink_dcache_sb only touches its superblock's. */
	d = d_alloc_name(dir, "neg3");
	KTEST_ASSERT_NOT_NULL(test, d);
	d_add(d, NULL);
	dput(d);
	shrink_dcache_sb(dir->d_sb);
	KTEST_EXPECT_NULL(test, lookup_name(dir, "neg3"));
}

static void dcache_test_unhashed_freed_at_last_put(struct ktest *test)
{
	struct dentry *dir = cwd_dentry(), *d;
	unsigned long unused = dcache_unused_count();

	d = d_alloc_name(dir, "drop");
	KTEST_ASSERT_NOT_NULL(test, d);
	d_add(d, NULL);
	d_drop(d);
	KTEST_EXPECT_NULL(test, lookup_name(dir, "drop"));
	dput(d); /* unhashed: freed, not cached */
	KTEST_EXPECT_EQ(test, dcache_unused_count(), unused);
}

static void dcache_test_d_move(struct ktest *test)
{
	struct dentry *d, *moved;
	unsigned long ino;

	KTEST_ASSERT_EQ(test, t_mkdir("dst", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkfile("old", "x"), 0);
	d = lookup_name(cwd_dentry(), "old");
	KTEST_ASSERT_NOT_NULL(test, d);
	ino = d->d_inode->i_ino;
	KTEST_ASSERT_EQ(
		test,
		t_rename("old", "dst/a-much-longer-new-name-that-is-not-inline",
			 0),
		0);
	/* The same dentry, under its new parent and name. */
	KTEST_EXPECT_STREQ(test, (const char *)d->d_name.name,
			   "a-much-longer-new-name-that-is-not-inline");
	KTEST_EXPECT_STREQ(test, (const char *)d->d_parent->d_name.name, "dst");
	KTEST_EXPECT_NULL(test, lookup_name(cwd_dentry(), "old"));
	moved = lookup_name(d->d_parent,
			    "a-much-longer-new-name-that-is-not-inline");
	KTEST_EXPECT_PTR_EQ(test, moved, d);
	if (moved) {
		KTEST_EXPECT_EQ(test, moved->d_inode->i_ino, ino);
		dput(moved);
	}
	dput(d);
}

static void dcache_test_d_path(struct ktest *test)
{
	char *buf = kmalloc(256, GFP_KERNEL);
	struct path path, root;
	char *p;
	int fd;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, t_mkdir("a", 0755), 0);
	KTEST_ASSERT_EQ(test, t_mkdir("a/b", 0755), 0);
	KTEST_ASSERT_EQ(test, kern_path("a/b", 0, &path), 0);
	p = d_path(&path, buf, 256);
	KTEST_EXPECT_FALSE(test, IS_ERR(p));
	if (!IS_ERR(p))
		KTEST_EXPECT_STREQ(test, p, "/ktest-vfs/a/b");
	KTEST_EXPECT_TRUE(test, IS_ERR(d_path(&path, buf, 8)));
	/* Seen from a root of /ktest-vfs/a. */
	KTEST_ASSERT_EQ(test, kern_path("a", 0, &root), 0);
	p = __d_path(&path, &root, buf, 256);
	KTEST_EXPECT_FALSE(test, IS_ERR_OR_NULL(p));
	if (!IS_ERR_OR_NULL(p))
		KTEST_EXPECT_STREQ(test, p, "/b");
	path_put(&path);
	/* Outside that root: not reachable. */
	KTEST_ASSERT_EQ(test, kern_path("/ktest-vfs", 0, &path), 0);
	KTEST_EXPECT_NULL(test, __d_path(&path, &root, buf, 256));
	path_put(&path);
	/* After chroot, a cwd outside the root is "(unreachable)". */
	set_fs_root(current->fs, &root);
	path_put(&root);
	KTEST_EXPECT_GT(test, get_cwd_kernel(buf, 256), 0);
	KTEST_EXPECT_STREQ(test, buf, "(unreachable)/ktest-vfs");
	KTEST_ASSERT_EQ(test, t_chdir("/b"), 0);
	KTEST_EXPECT_EQ(test, get_cwd_kernel(buf, 256), 3);
	KTEST_EXPECT_STREQ(test, buf, "/b");
	/* ".." cannot leave the chroot. */
	KTEST_ASSERT_EQ(test, t_chdir("../../.."), 0);
	KTEST_EXPECT_EQ(test, get_cwd_kernel(buf, 256), 2);
	KTEST_EXPECT_STREQ(test, buf, "/");
	/* Back to the real root for the rest. */
	KTEST_ASSERT_EQ(test, kern_path("/", 0, &root), 0);
	KTEST_ASSERT_EQ(test, kern_path("/", 0, &path), 0);
	path_put(&path);
	path_put(&root);
	set_fs_root(current->fs, &vfs_env.saved_fs->root);
	KTEST_ASSERT_EQ(test, t_chdir("/ktest-vfs"), 0);
	/* An open file whose name was removed. */
	fd = t_open("gone", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_ASSERT_EQ(test, t_unlink("gone"), 0);
	{
		struct file *f = fget(fd);

		p = d_path(&f->f_path, buf, 256);
		KTEST_EXPECT_FALSE(test, IS_ERR(p));
		if (!IS_ERR(p))
			KTEST_EXPECT_STREQ(test, p,
					   "/ktest-vfs/gone (deleted)");
		fput(f);
	}
	t_close(fd);
	kfree(buf);
}

static struct ktest_case dcache_test_cases[] = {
	KTEST_CASE(dcache_test_lookup_finds_created),
	KTEST_CASE(dcache_test_same_name_two_dirs),
	KTEST_CASE(dcache_test_negative_lru),
	KTEST_CASE(dcache_test_unhashed_freed_at_last_put),
	KTEST_CASE(dcache_test_d_move),
	KTEST_CASE(dcache_test_d_path),
	{}
};

static struct ktest_suite dcache_test_suite = {
	.name = "dcache",
	.init = dcache_test_init,
	.exit = dcache_test_exit,
	.test_cases = dcache_test_cases,
};
ktest_suite(dcache_test_suite);
