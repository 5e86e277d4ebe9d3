/*
 * ktest "locks": POSIX record locks between two owners (two
 * files_structs, as two processes have), splitting and merging ranges,
 * release on close, F_SETLKW waiting in another thread, and EDEADLK.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/filelock.h>
#include <linux/kthread.h>
#include "vfs_test.h"

static struct files_struct *owner_a, *owner_b;

static int locks_test_init(struct ktest *test)
{
	int err = vfs_test_enter(test, NULL);

	owner_a = current->files;
	owner_b = NULL;
	return err;
}

static void locks_test_exit(struct ktest *test)
{
	current->files = owner_a;
	if (owner_b)
		put_files_struct(owner_b);
	owner_b = NULL;
	vfs_test_exit(test);
}

/* Process B: a copy of A's table, so the same fd numbers work. */
static void make_owner_b(struct ktest *test)
{
	int err;

	owner_b = dup_fd(owner_a, &err);
	KTEST_ASSERT_NOT_NULL(test, owner_b);
}

static void as(struct files_struct *owner)
{
	current->files = owner;
}

static int setlk(int fd, unsigned int cmd, short type, loff_t start, loff_t len)
{
	struct flock fl = { .l_type = type,
			    .l_whence = SEEK_SET,
			    .l_start = start,
			    .l_len = len };
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = fcntl_setlk(fd, f, cmd, &fl);
	fput(f);
	return err;
}

static int getlk(int fd, struct flock *fl)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = fcntl_getlk(f, F_GETLK, fl);
	fput(f);
	return err;
}

static int open_rw(struct ktest *test)
{
	int fd = t_open("f", O_CREAT | O_RDWR, 0644);

	KTEST_ASSERT_GE(test, fd, 0);
	return fd;
}

static void locks_test_conflict_between_owners(struct ktest *test)
{
	struct flock fl;
	int fd = open_rw(test);

	make_owner_b(test);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 100), 0);
	/* The owner itself may relock and test freely. */
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 50, 10), 0);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 50, 10), -EAGAIN);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_RDLCK, 99, 1), -EAGAIN);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_RDLCK, 100, 10), 0);
	fl = (struct flock){ .l_type = F_WRLCK,
			     .l_whence = SEEK_SET,
			     .l_start = 10,
			     .l_len = 5 };
	KTEST_EXPECT_EQ(test, getlk(fd, &fl), 0);
	KTEST_EXPECT_EQ(test, fl.l_type, F_WRLCK);
	KTEST_EXPECT_EQ(test, fl.l_start, 0);
	KTEST_EXPECT_EQ(test, fl.l_len, 100);
	KTEST_EXPECT_EQ(test, fl.l_pid, current->tgid);
	as(owner_a);
	/* A sees B's read lock only when it asks for a write lock. */
	fl = (struct flock){ .l_type = F_RDLCK,
			     .l_whence = SEEK_SET,
			     .l_start = 100,
			     .l_len = 1 };
	KTEST_EXPECT_EQ(test, getlk(fd, &fl), 0);
	KTEST_EXPECT_EQ(test, fl.l_type, F_UNLCK);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 100), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	as(owner_a);
	KTEST_EXPECT_EQ(test, locks_count(), 0);
	t_close(fd);
}

/*
 *	A: [0 ........... 99] WR
 *	A unlocks [40, 59]:   [0..39] WR  [60..99] WR
 *	B may lock [40, 59], not a byte of the rest.
 */
static void locks_test_split_and_merge(struct ktest *test)
{
	int fd = open_rw(test);

	make_owner_b(test);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 100), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 40, 20), 0);
	KTEST_EXPECT_EQ(test, locks_count(), 2);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 40, 20), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 39, 1), -EAGAIN);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 60, 1), -EAGAIN);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	as(owner_a);
	/* Adjacent ranges of one type merge into one lock. */
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 40, 20), 0);
	KTEST_EXPECT_EQ(test, locks_count(), 1);
	/* A different type in the middle splits it in three. */
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_RDLCK, 10, 10), 0);
	KTEST_EXPECT_EQ(test, locks_count(), 3);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_RDLCK, 10, 10), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_RDLCK, 9, 2), -EAGAIN);
	as(owner_a);
	t_close(fd); /* A's close drops A's locks... */
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 30, 0), 0);
	KTEST_EXPECT_EQ(test, close_fd(fd), 0); /* ...and B's, B's */
	as(owner_a);
	KTEST_EXPECT_EQ(test, locks_count(), 0);
}

static void locks_test_close_any_fd_releases(struct ktest *test)
{
	int fd = open_rw(test), other;

	other = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, other, 0);
	make_owner_b(test);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 0), 0);
	/* POSIX: closing any fd of the file drops the process's locks. */
	KTEST_EXPECT_EQ(test, t_close(other), 0);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 0), 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	as(owner_a);
	t_close(fd);
}

static void locks_test_bad_requests(struct ktest *test)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = 9 };
	struct file *f;
	int ro;

	KTEST_ASSERT_EQ(test, t_mkfile("f", "0123456789"), 0);
	ro = t_open("f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, ro, 0);
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, F_WRLCK, 0, 1), -EBADF);
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, F_RDLCK, 0, 1), 0);
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, 7, 0, 1), -EINVAL);
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, F_RDLCK, -5, 1), -EINVAL);
	/* A negative length locks the bytes before l_start. */
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, F_RDLCK, 5, -5), 0);
	KTEST_EXPECT_EQ(test, setlk(ro, F_SETLK, F_RDLCK, 5, -6), -EINVAL);
	f = fget(ro);
	KTEST_EXPECT_EQ(test, fcntl_setlk(ro, f, F_SETLK, &fl), -EINVAL);
	fl.l_whence = SEEK_END;
	fl.l_start = -2;
	fl.l_len = 2;
	fl.l_type = F_RDLCK;
	KTEST_EXPECT_EQ(test, fcntl_setlk(ro, f, F_SETLK, &fl), 0);
	fput(f);
	t_close(ro);
	KTEST_EXPECT_EQ(test, locks_count(), 0);
}

struct waiter_arg {
	struct files_struct *files;
	int fd;
	loff_t start, len;
	int result;
	struct completion done;
	struct completion release;
};

static int lock_waiter(void *data)
{
	struct waiter_arg *a = data;
	struct files_struct *saved = current->files;

	current->files = a->files;
	a->result = setlk(a->fd, F_SETLKW, F_WRLCK, a->start, a->len);
	complete(&a->done);
	wait_for_completion(&a->release);
	if (!a->result)
		setlk(a->fd, F_SETLK, F_UNLCK, a->start, a->len);
	current->files = saved;
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static struct task_struct *start_waiter(struct ktest *test,
					struct waiter_arg *a, int fd,
					loff_t start, loff_t len)
{
	struct task_struct *k;

	a->files = owner_b;
	a->fd = fd;
	a->start = start;
	a->len = len;
	a->result = 1;
	init_completion(&a->done);
	init_completion(&a->release);
	k = kthread_run(lock_waiter, a, "ktest-lockw");
	KTEST_ASSERT_FALSE(test, IS_ERR(k));
	return k;
}

static void locks_test_setlkw_waits(struct ktest *test)
{
	struct waiter_arg a;
	struct task_struct *k;
	int fd = open_rw(test);

	make_owner_b(test);
	KTEST_ASSERT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	k = start_waiter(test, &a, fd, 5, 10);
	msleep(20);
	KTEST_EXPECT_FALSE(test, completion_done(&a.done));
	KTEST_EXPECT_EQ(test, a.result, 1);
	/* Our unlock lets it through. */
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 10), 0);
	wait_for_completion(&a.done);
	KTEST_EXPECT_EQ(test, a.result, 0);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 10), -EAGAIN);
	complete(&a.release);
	kthread_stop(k);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	t_close(fd);
}

/*
 * A holds [0,9], B holds [10,19]; B waits for [0,9].  A asking to wait
 * for [10,19] would wait for B, which waits for A: EDEADLK.
 */
static void locks_test_deadlock(struct ktest *test)
{
	struct waiter_arg a;
	struct task_struct *k;
	int fd = open_rw(test);

	make_owner_b(test);
	KTEST_ASSERT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	as(owner_b);
	KTEST_ASSERT_EQ(test, setlk(fd, F_SETLK, F_WRLCK, 10, 10), 0);
	as(owner_a);
	k = start_waiter(test, &a, fd, 0, 10);
	msleep(20);
	KTEST_EXPECT_FALSE(test, completion_done(&a.done));
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLKW, F_WRLCK, 10, 10), -EDEADLK);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 10), 0);
	wait_for_completion(&a.done);
	KTEST_EXPECT_EQ(test, a.result, 0);
	complete(&a.release);
	kthread_stop(k);
	as(owner_b);
	KTEST_EXPECT_EQ(test, setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	as(owner_a);
	t_close(fd);
}

static struct ktest_case locks_test_cases[] = {
	KTEST_CASE(locks_test_conflict_between_owners),
	KTEST_CASE(locks_test_split_and_merge),
	KTEST_CASE(locks_test_close_any_fd_releases),
	KTEST_CASE(locks_test_bad_requests),
	KTEST_CASE(locks_test_setlkw_waits),
	KTEST_CASE(locks_test_deadlock),
	{}
};

static struct ktest_suite locks_test_suite = {
	.name = "locks",
	.init = locks_test_init,
	.exit = locks_test_exit,
	.test_cases = locks_test_cases,
};
ktest_suite(locks_test_suite);
