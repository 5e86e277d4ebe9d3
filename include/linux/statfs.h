#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H

/* What ->statfs fills in; statfs(2) copies it out as struct statfs. */
#include <linux/types.h>

struct path;

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	struct {
		int val[2];
	} f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags; /* ST_* */
	long f_spare[4];
};

/* f_flags (statvfs's ST_*), from the mount flags. */
#define ST_RDONLY 0x0001
#define ST_NOSUID 0x0002
#define ST_NODEV 0x0004
#define ST_NOEXEC 0x0008
#define ST_SYNCHRONOUS 0x0010
#define ST_VALID 0x0020
#define ST_MANDLOCK 0x0040
#define ST_NOATIME 0x0400
#define ST_NODIRATIME 0x0800
#define ST_RELATIME 0x1000

int vfs_statfs(const struct path *path, struct kstatfs *buf);
int user_statfs_kern(const char *pathname, struct kstatfs *st);
int fd_statfs(int fd, struct kstatfs *st);

#endif /* _LINUX_STATFS_H */
