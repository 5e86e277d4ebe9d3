/*
 * Inodes (seed 004): allocation, the (sb, ino) hash for filesystems
 * that find inodes by number, reference counting and eviction.
 *
 * An inode lives while i_count > 0.  At the last iput() it is evicted
 * (its pages dropped, the filesystem told, the memory freed) unless the
 * filesystem can find it again by number and it still has links: such
 * inodes stay hashed, unused, until their superblock goes away.  Our
 * in-memory filesystems never hash theirs, so for them the last iput
 * of an inode with no dentry left always frees it.
 *
 * inode_hash_lock guards the hash table and the 0 <-> 1 transitions of
 * i_count for hashed inodes; s_inode_list_lock the superblock's list.
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/hash.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/wait.h>
#include "internal.h"

#define I_HASH_BITS 10

static struct kmem_cache *inode_cachep;
static struct hlist_head inode_hashtable[1 << I_HASH_BITS];
static DEFINE_SPINLOCK(inode_hash_lock);
static DECLARE_WAIT_QUEUE_HEAD(inode_new_wait);

static const struct inode_operations empty_iops;
static const struct address_space_operations empty_aops;

static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_open_fops = { .open = no_open };

/*
 * Device and FIFO hooks: the char-device, block-device and pipe code
 * replace these with their real tables.
 */
const struct file_operations def_chr_fops __weak = { .open = no_open };
const struct file_operations def_blk_fops __weak = { .open = no_open };
const struct file_operations pipefifo_fops __weak = { .open = no_open };
const struct file_operations bad_sock_fops __weak = { .open = no_open };

static struct hlist_head *inode_hash(struct super_block *sb, unsigned long ino)
{
	return inode_hashtable +
	       hash_long((unsigned long)sb / 64 + ino, I_HASH_BITS);
}

static void inode_init_always(struct super_block *sb, struct inode *inode)
{
	inode->i_sb = sb;
	inode->i_blkbits = sb->s_blocksize_bits;
	inode->i_flags = 0;
	inode->i_opflags = 0;
	atomic_set(&inode->i_count, 1);
	inode->i_op = &empty_iops;
	inode->i_fop = &no_open_fops;
	inode->i_ino = 0;
	inode->i_nlink = 1;
	inode->i_uid = 0;
	inode->i_gid = 0;
	inode->i_mode = 0;
	atomic_set(&inode->i_writecount, 0);
	inode->i_size = 0;
	inode->i_blocks = 0;
	inode->i_bytes = 0;
	inode->i_generation = 0;
	inode->i_pipe = NULL;
	inode->i_rdev = 0;
	inode->i_state = 0;
	inode->i_version = 0;
	inode->i_flctx = NULL;
	inode->i_private = NULL;
	inode->i_atime = inode->i_mtime = inode->i_ctime =
		(struct timespec64){ 0, 0 };
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	mapping_init(&inode->i_data, inode);
	inode->i_data.a_ops = &empty_aops;
	inode->i_mapping = &inode->i_data;
	INIT_HLIST_NODE(&inode->i_hash);
	INIT_LIST_HEAD(&inode->i_sb_list);
	INIT_LIST_HEAD(&inode->i_lru);
	INIT_HLIST_HEAD(&inode->i_dentry);
}

static struct inode *alloc_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_alloc(inode_cachep, GFP_KERNEL);
	if (inode)
		inode_init_always(sb, inode);
	return inode;
}

static void destroy_inode(struct inode *inode)
{
	const struct super_operations *ops = inode->i_sb->s_op;

	locks_free_lock_context(inode);
	if (ops && ops->destroy_inode) {
		ops->destroy_inode(inode);
		return;
	}
	if (ops && ops->free_inode) {
		ops->free_inode(inode);
		return;
	}
	kmem_cache_free(inode_cachep, inode);
}

/** inode_sb_list_add - put @inode on its superblock's list of inodes. */
void inode_sb_list_add(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_inode_list_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
}

static void inode_sb_list_del(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_inode_list_lock);
	list_del_init(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
}

/**
 * get_next_ino - an inode number for filesystems that have none.
 *
 * Any context.  Never 0 (some programs treat ino 0 as "deleted").
 */
unsigned int get_next_ino(void)
{
	static atomic_t last_ino = ATOMIC_INIT(0);
	unsigned int ino;

	do {
		ino = atomic_inc_return(&last_ino);
	} while (!ino);
	return ino;
}

/**
 * new_inode - a fresh inode of @sb, with one reference.
 * @sb: the superblock
 *
 * Process context, may sleep.  The caller sets i_ino, i_mode and the
 * operations.  Returns NULL without memory.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = alloc_inode(sb);

	if (inode)
		inode_sb_list_add(inode);
	return inode;
}

/** clear_inode - mark an inode whose pages are gone as finished. */
void clear_inode(struct inode *inode)
{
	WARN_ON_ONCE(inode->i_data.nrpages);
	inode->i_state = I_FREEING | I_CLEAR;
}

static void evict(struct inode *inode)
{
	const struct super_operations *ops = inode->i_sb->s_op;

	inode_sb_list_del(inode);
	if (ops && ops->evict_inode) {
		ops->evict_inode(inode);
	} else {
		truncate_inode_pages_final(&inode->i_data);
		clear_inode(inode);
	}
	remove_inode_hash(inode);
	wake_up_all(&inode_new_wait);
	destroy_inode(inode);
}

/** generic_delete_inode - ->drop_inode that never keeps an unused inode. */
int generic_delete_inode(struct inode *inode)
{
	return 1;
}

static bool generic_drop_inode(struct inode *inode)
{
	return !inode->i_nlink || hlist_unhashed(&inode->i_hash);
}

/** ihold - another reference to an inode the caller holds. */
void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}

/**
 * iput - drop a reference to an inode.
 * @inode: the inode, or NULL
 *
 * Process context, may sleep: the last reference evicts the inode
 * (unless it is hashed, linked and its superblock is alive: then it
 * stays cached for iget_locked).
 */
void iput(struct inode *inode)
{
	struct super_block *sb;
	bool drop;

	if (!inode)
		return;
	might_sleep();
	if (atomic_add_unless(&inode->i_count, -1, 1))
		return;
	sb = inode->i_sb;
	spin_lock(&inode_hash_lock);
	if (!atomic_dec_and_test(&inode->i_count)) {
		spin_unlock(&inode_hash_lock);
		return;
	}
	if (sb->s_op && sb->s_op->drop_inode)
		drop = sb->s_op->drop_inode(inode);
	else
		drop = generic_drop_inode(inode);
	if (!drop && (sb->s_flags & SB_ACTIVE)) {
		spin_unlock(&inode_hash_lock);
		return;
	}
	inode->i_state |= I_FREEING;
	spin_unlock(&inode_hash_lock);
	evict(inode);
}

/** insert_inode_hash - make @inode findable by (sb, i_ino). */
void insert_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	hlist_add_head(&inode->i_hash, inode_hash(inode->i_sb, inode->i_ino));
	spin_unlock(&inode_hash_lock);
}

/** remove_inode_hash - the reverse of insert_inode_hash(). */
void remove_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	hlist_del_init(&inode->i_hash);
	spin_unlock(&inode_hash_lock);
}

/* A hashed inode (sb, ino) with a new reference, or NULL.  Lock held. */
static struct inode *find_inode_fast(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	hlist_for_each_entry(inode, inode_hash(sb, ino), i_hash) {
		if (inode->i_ino != ino || inode->i_sb != sb)
			continue;
		if (inode->i_state & I_FREEING)
			continue;
		atomic_inc(&inode->i_count);
		return inode;
	}
	return NULL;
}

static void wait_on_new_inode(struct inode *inode)
{
	wait_event(inode_new_wait, !(READ_ONCE(inode->i_state) & I_NEW));
}

/**
 * ilookup - the cached inode (@sb, @ino) with a reference, or NULL.
 *
 * Process context; waits for an inode still being read in.
 */
struct inode *ilookup(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	spin_lock(&inode_hash_lock);
	inode = find_inode_fast(sb, ino);
	spin_unlock(&inode_hash_lock);
	if (inode)
		wait_on_new_inode(inode);
	return inode;
}

/**
 * iget_locked - find or make the inode (@sb, @ino).
 * @sb: the superblock
 * @ino: the inode number
 *
 * Process context.  A new inode comes back with I_NEW set: the caller
 * fills it in and calls unlock_new_inode() (or iget_failed()); others
 * asking for it meanwhile wait.  Returns NULL without memory.
 */
struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct inode *inode, *old;

	inode = ilookup(sb, ino);
	if (inode)
		return inode;
	inode = alloc_inode(sb);
	if (!inode)
		return NULL;
	spin_lock(&inode_hash_lock);
	old = find_inode_fast(sb, ino);
	if (old) {
		spin_unlock(&inode_hash_lock);
		destroy_inode(inode);
		wait_on_new_inode(old);
		return old;
	}
	inode->i_ino = ino;
	inode->i_state = I_NEW;
	hlist_add_head(&inode->i_hash, inode_hash(sb, ino));
	spin_unlock(&inode_hash_lock);
	inode_sb_list_add(inode);
	return inode;
}

/** unlock_new_inode - @inode from iget_locked() is ready. */
void unlock_new_inode(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	inode->i_state &= ~I_NEW;
	spin_unlock(&inode_hash_lock);
	wake_up_all(&inode_new_wait);
}

/** iget_failed - give up on an I_NEW inode that could not be read. */
void iget_failed(struct inode *inode)
{
	clear_nlink(inode);
	remove_inode_hash(inode);
	unlock_new_inode(inode);
	iput(inode);
}

/**
 * evict_inodes - free the unused cached inodes of a dying @sb.
 *
 * Process context, the superblock unmounted.
 */
void evict_inodes(struct super_block *sb)
{
	struct inode *inode;

again:
	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		if (atomic_read(&inode->i_count) ||
		    (inode->i_state & I_FREEING))
			continue;
		spin_lock(&inode_hash_lock);
		if (atomic_read(&inode->i_count)) {
			spin_unlock(&inode_hash_lock);
			continue;
		}
		inode->i_state |= I_FREEING;
		spin_unlock(&inode_hash_lock);
		spin_unlock(&sb->s_inode_list_lock);
		evict(inode);
		goto again;
	}
	spin_unlock(&sb->s_inode_list_lock);
}

/** inode_is_busy_at_umount - does @sb still have inodes in use? */
bool inode_is_busy_at_umount(struct super_block *sb)
{
	bool busy;

	spin_lock(&sb->s_inode_list_lock);
	busy = !list_empty(&sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	return busy;
}

/**
 * inode_init_owner - owner and mode of a new inode, as POSIX says.
 * @inode: the new inode
 * @dir: the directory it is created in, or NULL
 * @mode: the requested mode (type and permissions)
 *
 * The owner is the creator's fsuid.  The group is the creator's fsgid,
 * or the directory's group if the directory is set-group-ID (and new
 * subdirectories inherit the bit).  A non-member without CAP_FSETID
 * does not get a set-group-ID executable.
 */
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

/**
 * inode_owner_or_capable - may the caller act as @inode's owner?
 *
 * chmod, utimes with explicit times, setting flags: the owner or a task
 * with CAP_FOWNER.
 */
bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable(CAP_FOWNER);
}

/**
 * init_special_inode - a device, FIFO or socket inode.
 * @inode: the inode
 * @mode: S_IFCHR, S_IFBLK, S_IFIFO or S_IFSOCK plus permissions
 * @rdev: the device number (kernel encoding)
 *
 * Opening it goes to the char/block device registry or the pipe code.
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &def_blk_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (S_ISSOCK(mode)) {
		inode->i_fop = &bad_sock_fops;
	} else {
		pr_debug(
			"init_special_inode: bogus i_mode (%o) for inode %lu\n",
			mode, inode->i_ino);
	}
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	if (!WARN_ON_ONCE(inode->i_nlink == 0))
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

/**
 * current_time - the time to stamp on @inode, in its filesystem's
 * granularity: the coarse clock (last tick), as Linux 6.1 stamps files.
 */
struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now;
	u32 gran = inode->i_sb->s_time_gran;

	ktime_get_coarse_real_ts64(&now);
	if (gran > 1 && gran < 1000000000)
		now.tv_nsec -= now.tv_nsec % gran;
	return now;
}

/** mark_inode_dirty - nothing to write back for in-memory filesystems. */
void mark_inode_dirty(struct inode *inode)
{
	inode->i_state |= I_DIRTY_SYNC;
}

/**
 * file_update_time - a write changes mtime and ctime.
 * @file: the file written
 *
 * Caller holds the inode lock.  Returns 0.
 */
int file_update_time(struct file *file)
{
	struct inode *inode = file_inode(file);

	inode->i_mtime = inode->i_ctime = current_time(inode);
	inode_inc_iversion(inode);
	return 0;
}

/*
 * relatime: update atime only if it is older than mtime or ctime, or
 * more than a day old -- enough for "has this been read since it
 * changed" without a write per read.
 */
static bool atime_needs_update(const struct path *path, struct inode *inode,
			       struct timespec64 now)
{
	struct vfsmount *mnt = path->mnt;

	if (IS_NOATIME(inode) || (inode->i_sb->s_flags & SB_NOATIME))
		return false;
	if (mnt->mnt_flags & MNT_NOATIME)
		return false;
	if ((mnt->mnt_flags & MNT_NODIRATIME) && S_ISDIR(inode->i_mode))
		return false;
	if (IS_RDONLY(inode) || __mnt_is_readonly(mnt))
		return false;
	if (!(mnt->mnt_flags & MNT_RELATIME))
		return true;
	if (timespec64_compare(&inode->i_mtime, &inode->i_atime) >= 0)
		return true;
	if (timespec64_compare(&inode->i_ctime, &inode->i_atime) >= 0)
		return true;
	return now.tv_sec - inode->i_atime.tv_sec >= 24 * 60 * 60;
}

/** touch_atime - a read of @path's inode updates its access time. */
void touch_atime(const struct path *path)
{
	struct inode *inode = path->dentry->d_inode;
	struct timespec64 now = current_time(inode);

	if (atime_needs_update(path, inode, now))
		inode->i_atime = now;
}

/** inode_init - the inode cache.  Boot. */
void __init inode_init(void)
{
	unsigned int i;

	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0,
					 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT,
					 NULL);
	for (i = 0; i < ARRAY_SIZE(inode_hashtable); i++)
		INIT_HLIST_HEAD(&inode_hashtable[i]);
}
