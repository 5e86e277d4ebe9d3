/*
 * Changing attributes: who may chmod, chown, truncate or set times, and
 * the side effects POSIX asks for (fs/attr.c in Linux).
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/resource.h>
#include "internal.h"

static bool chown_ok(const struct inode *inode, uid_t uid)
{
	if (current_fsuid() == inode->i_uid && uid == inode->i_uid)
		return true;
	return capable(CAP_CHOWN);
}

static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	if (current_fsuid() == inode->i_uid &&
	    (in_group_p(gid) || gid == inode->i_gid))
		return true;
	return capable(CAP_CHOWN);
}

/**
 * setattr_prepare - may the caller make the change @attr describes?
 * @dentry: the file
 * @attr: the change; ATTR_MODE may lose S_ISGID here
 *
 * The owner (or CAP_CHOWN) may give a file to a group it is in; only
 * CAP_CHOWN gives it to another user.  chmod needs ownership or
 * CAP_FOWNER, and a non-member without CAP_FSETID cannot keep
 * S_ISGID.  Explicit times need ownership; "now" needs write access.
 * Returns 0, -EPERM, -EFBIG (size over the limits).
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_SIZE) {
		int error = inode_newsize_ok(inode, attr->ia_size);

		if (error)
			return error;
	}
	if (ia_valid & ATTR_FORCE)
		return 0;
	if ((ia_valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	if ((ia_valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	if (ia_valid & ATTR_MODE) {
		gid_t gid = (ia_valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!inode_owner_or_capable(inode))
			return -EPERM;
		if (!in_group_p(gid) && !capable(CAP_FSETID))
			attr->ia_mode &= ~S_ISGID;
	}
	if (ia_valid & (ATTR_MTIME_SET | ATTR_ATIME_SET | ATTR_TIMES_SET)) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
	}
	return 0;
}

/**
 * inode_newsize_ok - may @inode grow (or shrink) to @offset bytes?
 *
 * -EFBIG over RLIMIT_FSIZE (a process limit, when the task has one;
 * the task also gets SIGXFSZ, as from a write) or the filesystem's
 * maximum; -EINVAL for a negative size.
 */
int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	if (offset < 0)
		return -EINVAL;
	if (inode->i_size < offset) {
		if (current->signal) {
			unsigned long limit = rlimit(RLIMIT_FSIZE);

			if (limit != RLIM_INFINITY && offset > limit) {
				send_sig(SIGXFSZ, current, 0);
				return -EFBIG;
			}
		}
		if (offset > inode->i_sb->s_maxbytes)
			return -EFBIG;
	}
	return 0;
}

/**
 * setattr_copy - copy the checked attributes into the inode.
 *
 * Caller holds the inode lock.  A non-member without CAP_FSETID loses
 * S_ISGID on chmod.
 */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (ia_valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode;

		if (!in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
		inode->i_mode = (inode->i_mode & S_IFMT) | (mode & ~S_IFMT);
	}
}

/* chown and writes by non-owners drop set-user-ID and set-group-ID. */
static unsigned int should_remove_suid(struct inode *inode, unsigned int valid)
{
	umode_t mode = inode->i_mode;
	unsigned int kill = 0;

	if (!S_ISREG(mode))
		return 0;
	if (mode & S_ISUID)
		kill = ATTR_KILL_SUID;
	/* S_ISGID without group exec means mandatory locking: keep it. */
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= ATTR_KILL_SGID;
	if (kill && (valid & (ATTR_UID | ATTR_GID)))
		return kill;
	if (kill && !capable(CAP_FSETID))
		return kill;
	return 0;
}

/**
 * notify_change - apply @attr to @dentry's inode.
 * @dentry: the file; its inode is locked by the caller
 * @attr: the change
 * @delegated: unused (no leases)
 *
 * Fills in ctime, turns chown into "and drop S_ISUID/S_ISGID", checks
 * with setattr_prepare (through ->setattr or simple_setattr).
 */
int notify_change(struct dentry *dentry, struct iattr *attr,
		  struct inode **delegated)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	unsigned int ia_valid = attr->ia_valid;

	if ((ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID | ATTR_TIMES_SET)) &&
	    (IS_IMMUTABLE(inode) || IS_APPEND(inode)))
		return -EPERM;
	attr->ia_ctime = now;
	if (!(ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if (!(ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	ia_valid = attr->ia_valid |= ATTR_CTIME;
	if (ia_valid &
	    (ATTR_UID | ATTR_GID | ATTR_KILL_SUID | ATTR_KILL_SGID)) {
		unsigned int kill = should_remove_suid(inode, ia_valid);

		if (ia_valid & (ATTR_KILL_SUID | ATTR_KILL_SGID))
			kill &= ia_valid | ATTR_UID | ATTR_GID;
		if (kill) {
			if (!(ia_valid & ATTR_MODE))
				attr->ia_mode = inode->i_mode;
			if (kill & ATTR_KILL_SUID)
				attr->ia_mode &= ~S_ISUID;
			if (kill & ATTR_KILL_SGID)
				attr->ia_mode &= ~S_ISGID;
			attr->ia_valid |= ATTR_MODE;
		}
	}
	attr->ia_valid &= ~(ATTR_KILL_SUID | ATTR_KILL_SGID);
	if (inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

/**
 * file_remove_privs - a write to a set-user-ID (or set-group-ID
 * executable) file by someone without CAP_FSETID clears those bits.
 * @file: the file being written; its inode is locked
 *
 * Returns 0 or the setattr error.
 */
int file_remove_privs(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	struct inode *inode = file_inode(file);
	unsigned int kill = should_remove_suid(inode, 0);
	struct iattr attr = { .ia_valid = ATTR_FORCE };

	if (!kill)
		return 0;
	attr.ia_valid |= kill;
	return notify_change(dentry, &attr, NULL);
}
