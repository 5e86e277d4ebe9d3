/*
 * devpts, minimal: the allocator of pty numbers and the /dev/pts/N
 * nodes.  Linux's devpts is a filesystem of its own (one instance per
 * "mount -t devpts", with newinstance, gid= and mode= options); here
 * the nodes are made in devtmpfs as "pts/N" with Linux's default mode
 * 0600, which serves the single-instance case until the VFS can mount
 * a devpts filesystem type.
 */
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/cdev.h>
#include <linux/devpts_fs.h>
#include <linux/devtmpfs.h>
#include <linux/errno.h>
#include <linux/find.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/stat.h>

static DECLARE_BITMAP(pty_index_map, NR_UNIX98_PTY_MAX);
static DEFINE_MUTEX(allocated_ptys_lock);

/** devpts_new_index - the lowest free pty number, or -ENOSPC. */
int devpts_new_index(void)
{
	unsigned long idx;

	mutex_lock(&allocated_ptys_lock);
	idx = find_first_zero_bit(pty_index_map, NR_UNIX98_PTY_MAX);
	if (idx < NR_UNIX98_PTY_MAX)
		set_bit(idx, pty_index_map);
	mutex_unlock(&allocated_ptys_lock);
	return idx < NR_UNIX98_PTY_MAX ? (int)idx : -ENOSPC;
}

void devpts_kill_index(int idx)
{
	mutex_lock(&allocated_ptys_lock);
	clear_bit(idx, pty_index_map);
	mutex_unlock(&allocated_ptys_lock);
}

static void pts_name(int index, char *buf, size_t size)
{
	snprintf(buf, size, "pts/%d", index);
}

/** devpts_pty_new - make /dev/pts/@index for a new pty pair. */
int devpts_pty_new(int index)
{
	char name[16];

	pts_name(index, name, sizeof(name));
	return devtmpfs_create_node(name, S_IFCHR | 0600,
				    MKDEV(UNIX98_PTY_SLAVE_MAJOR, 0) + index);
}

/** devpts_pty_kill - remove /dev/pts/@index (its master closed). */
void devpts_pty_kill(int index)
{
	char name[16];

	pts_name(index, name, sizeof(name));
	devtmpfs_delete_node(name);
}

/*
 * /dev/pts exists from boot, as where Linux mounts devpts: programs
 * look for it before any pty is open, and it is not made by (nor left
 * behind after) the first ptmx open.
 */
static int __init devpts_init(void)
{
	int err = devtmpfs_create_dir("pts");

	if (err)
		pr_err("devpts: cannot make /dev/pts: %d\n", err);
	return err;
}
fs_initcall(devpts_init);
