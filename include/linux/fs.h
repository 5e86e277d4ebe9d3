#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * The VFS objects (seeds 001 and 004): super_block, inode, dentry
 * (linux/dcache.h) and file, each with its table of operations.  A
 * filesystem embeds struct inode in its own inode and gets back with
 * container_of; a driver hangs its state off file->private_data.
 *
 * This header is the contract between the VFS (fs/) and its users
 * (drivers/tty, drivers/char, fs/proc, pipes, exec): the fields below
 * are named and typed as in Linux.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/wait.h>
#include <linux/time64.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/path.h>
#include <linux/xarray.h>
#include <linux/dcache.h>
#include <linux/capability.h>
#include <uapi/linux/fcntl.h>

struct file;
struct inode;
struct dentry;
struct super_block;
struct vfsmount;
struct vm_area_struct;
struct poll_table_struct;
struct kstat;
struct kstatfs;
struct iattr;
struct page;
struct address_space;
struct file_system_type;
struct pipe_inode_info;
struct cdev;
struct seq_file;
struct iov_iter;
struct file_lock;
struct file_lock_context;
struct vm_fault;

typedef unsigned int fmode_t;
typedef unsigned int __poll_t;

/* file->f_mode: how the file was opened, as seen by the VFS. */
#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
#define FMODE_EXEC ((fmode_t)0x20)
#define FMODE_ATOMIC_POS ((fmode_t)0x8000)
#define FMODE_PATH ((fmode_t)0x4000)
#define FMODE_CAN_READ ((fmode_t)0x20000)
#define FMODE_CAN_WRITE ((fmode_t)0x40000)
#define FMODE_STREAM ((fmode_t)0x200000)
#define FMODE_OPENED ((fmode_t)0x80000)
#define FMODE_CREATED ((fmode_t)0x100000)
#define FMODE_NOWAIT ((fmode_t)0x8000000)

/* Permission mask bits for inode_permission(). */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
#define MAY_APPEND 0x8
#define MAY_ACCESS 0x10
#define MAY_OPEN 0x20
#define MAY_CHDIR 0x40
#define MAY_NOT_BLOCK 0x80

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX SEEK_HOLE

#define MAX_LFS_FILESIZE ((loff_t)0x7fffffffffffffffLL)

/* getdents: the filesystem calls dir_emit() for each entry. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *, const char *, int, loff_t, u64,
			  unsigned int);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/* d_type values in getdents64 (S_IFMT >> 12). */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14

static inline bool dir_emit(struct dir_context *ctx, const char *name,
			    int namelen, u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/*
 * One read or write in progress: the file, the position to use (f_pos,
 * or pread's offset) and flags.  ->read_iter/->write_iter take it with
 * a struct iov_iter that says where the bytes are (user iovecs or
 * kernel buffers: kernel_read goes through the same code as read(2)).
 */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags; /* IOCB_* */
};

#define IOCB_APPEND (1 << 1)
#define IOCB_DSYNC (1 << 2)
#define IOCB_SYNC (1 << 5)
#define IOCB_NOWAIT (1 << 7)

/*
 * ->read and ->write take user pointers (character devices, pipes);
 * ->read_iter and ->write_iter take an iov_iter (files in the page
 * cache).  The VFS prefers ->read/->write when set, as Linux does.
 */
struct file_operations {
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	int (*iterate_shared)(struct file *, struct dir_context *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, void *id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, loff_t, loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
	long (*fallocate)(struct file *, int mode, loff_t offset, loff_t len);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long,
					   unsigned long, unsigned long,
					   unsigned long);
	ssize_t (*splice_read)(struct file *, loff_t *,
			       struct pipe_inode_info *, size_t, unsigned int);
	int (*lock)(struct file *, int, void *);
	int (*flock)(struct file *, int, void *);
	const char *name; /* for /proc/linnet diagnostics; optional */
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *, struct dentry *, unsigned int);
	const char *(*get_link)(struct dentry *, struct inode *, void **cookie);
	int (*permission)(struct inode *, int);
	int (*readlink)(struct dentry *, char __user *, int);
	int (*create)(struct inode *, struct dentry *, umode_t, bool);
	int (*link)(struct dentry *, struct inode *, struct dentry *);
	int (*unlink)(struct inode *, struct dentry *);
	int (*symlink)(struct inode *, struct dentry *, const char *);
	int (*mkdir)(struct inode *, struct dentry *, umode_t);
	int (*rmdir)(struct inode *, struct dentry *);
	int (*mknod)(struct inode *, struct dentry *, umode_t, dev_t);
	int (*rename)(struct inode *, struct dentry *, struct inode *,
		      struct dentry *, unsigned int);
	int (*setattr)(struct dentry *, struct iattr *);
	int (*getattr)(const struct path *, struct kstat *, u32, unsigned int);
	int (*tmpfile)(struct inode *, struct file *, umode_t);
};

struct address_space_operations {
	int (*read_folio)(struct file *, struct page *);
	int (*writepage)(struct page *, void *wbc);
	int (*write_begin)(struct file *, struct address_space *, loff_t,
			   unsigned int, struct page **, void **);
	int (*write_end)(struct file *, struct address_space *, loff_t,
			 unsigned int, unsigned int, struct page *, void *);
	bool (*dirty_folio)(struct address_space *, struct page *);
};

/*
 * The page cache of one inode: pages keyed by index (page offset in the
 * file), in an xarray-like tree (lib/xarray.c when it exists; fs/ owns
 * the representation).
 */
struct address_space {
	struct inode *host;
	struct xarray i_pages; /* index -> page; under i_lock */
	spinlock_t i_lock;
	unsigned long nrpages;
	gfp_t gfp_mask;
	const struct address_space_operations *a_ops;
	struct list_head i_mmap; /* VMAs mapping this (shared mappings) */
	struct rw_semaphore i_mmap_rwsem;
	void *private_data;
};

struct inode {
	umode_t i_mode;
	unsigned short i_opflags;
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_flags; /* S_* below */
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	unsigned long i_ino;
	unsigned int i_nlink;
	dev_t i_rdev;
	loff_t i_size;
	struct timespec64 i_atime;
	struct timespec64 i_mtime;
	struct timespec64 i_ctime;
	spinlock_t i_lock; /* i_state, i_count changes under it */
	unsigned short i_bytes;
	u8 i_blkbits;
	blkcnt_t i_blocks;
	unsigned long i_state; /* I_* */
	struct rw_semaphore i_rwsem; /* inode_lock(): directory ops, writes */
	struct hlist_node i_hash;
	struct list_head i_sb_list;
	struct list_head i_lru;
	struct hlist_head i_dentry; /* aliases */
	atomic_t i_count;
	atomic_t i_writecount;
	u64 i_version;
	const struct file_operations *i_fop;
	struct address_space i_data;
	union {
		struct pipe_inode_info *i_pipe;
		struct cdev *i_cdev;
		char *i_link;
	};
	u32 i_generation;
	struct file_lock_context *i_flctx; /* POSIX locks (fs/locks.c) */
	void *i_private;
};

/* inode->i_flags */
#define S_SYNC (1 << 0)
#define S_NOATIME (1 << 1)
#define S_APPEND (1 << 2)
#define S_IMMUTABLE (1 << 3)
#define S_DEAD (1 << 4)
#define S_PRIVATE (1 << 9)

/* inode->i_state */
#define I_NEW (1 << 3)
#define I_FREEING (1 << 5)
#define I_CLEAR (1 << 6)
#define I_DIRTY_SYNC (1 << 0)
#define I_DIRTY_PAGES (1 << 2)
#define I_WILL_FREE (1 << 4)

/* i_rwsem subclasses, for lockdep, when two are held at once. */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

static inline void inode_lock_nested(struct inode *inode, unsigned subclass)
{
	down_write_nested(&inode->i_rwsem, subclass);
}

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

static inline void inode_lock_shared(struct inode *inode)
{
	down_read(&inode->i_rwsem);
}

static inline void inode_unlock_shared(struct inode *inode)
{
	up_read(&inode->i_rwsem);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t i_size)
{
	WRITE_ONCE(inode->i_size, i_size);
}

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

/*
 * An open file: shared by every fd that dup() made of it, and by
 * fork's copies of the fd table; one f_pos among them all.
 */
struct file {
	struct path f_path;
	struct inode *f_inode; /* cached f_path.dentry->d_inode */
	const struct file_operations *f_op;
	spinlock_t f_lock; /* f_flags, f_ep */
	atomic_long_t f_count;
	unsigned int f_flags; /* O_* from open(), minus the creation bits */
	fmode_t f_mode;
	struct mutex f_pos_lock;
	loff_t f_pos;
	const struct cred *f_cred;
	u64 f_version;
	void *private_data;
	struct address_space *f_mapping;
	struct hlist_head *f_ep; /* epoll watches of this file */
	struct llist_node f_llist; /* on the delayed fput list */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

struct file_system_type {
	const char *name;
	int fs_flags;
#define FS_REQUIRES_DEV 1
#define FS_USERNS_MOUNT 8
	struct dentry *(*mount)(struct file_system_type *, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *);
	struct file_system_type *next;
	struct hlist_head fs_supers;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *);
	void (*free_inode)(struct inode *);
	void (*dirty_inode)(struct inode *, int flags);
	int (*write_inode)(struct inode *, void *wbc);
	int (*drop_inode)(struct inode *);
	void (*evict_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	int (*sync_fs)(struct super_block *sb, int wait);
	int (*statfs)(struct dentry *, struct kstatfs *);
	int (*remount_fs)(struct super_block *, int *, char *);
	int (*show_options)(struct seq_file *, struct dentry *);
};

struct super_block {
	struct list_head s_list; /* all superblocks */
	dev_t s_dev;
	unsigned char s_blocksize_bits;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags; /* SB_* */
	unsigned long s_magic;
	struct dentry *s_root;
	struct rw_semaphore s_umount;
	int s_count;
	atomic_t s_active;
	struct hlist_node s_instances;
	struct list_head s_inodes; /* all inodes */
	spinlock_t s_inode_list_lock;
	struct list_head s_mounts;
	const struct dentry_operations *s_d_op; /* default for new dentries */
	char s_id[32];
	void *s_fs_info; /* the filesystem's private info */
	u32 s_time_gran;
	struct mutex s_vfs_rename_mutex;
};

/* sb->s_flags: the MS_* bits that apply per superblock. */
#define SB_RDONLY 1
#define SB_NOSUID 2
#define SB_NODEV 4
#define SB_NOEXEC 8
#define SB_SYNCHRONOUS 16
#define SB_SILENT 32768
#define SB_NOATIME 1024
#define SB_KERNMOUNT (1 << 22)
#define SB_ACTIVE (1 << 30)
#define SB_NOUSER (1 << 31)

/* Character devices (fs/char_dev.c). */
int register_chrdev_region(dev_t from, unsigned count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops);
static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

extern const struct file_operations def_chr_fops;

/* Stock llseek and friends (fs/read_write.c, fs/libfs.c). */
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);

/* Reference counting of struct file (fs/file_table.c). */
struct file *get_file(struct file *f);
void fput(struct file *file);

/* Kernel-internal file I/O (fs/open.c, fs/read_write.c). */
struct file *filp_open(const char *filename, int flags, umode_t mode);
int filp_close(struct file *filp, void *id);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);

/*
 * A change of attributes (chmod, chown, truncate, utimes), checked by
 * setattr_prepare() and applied by ->setattr (fs/attr.c).
 */
struct iattr {
	unsigned int ia_valid; /* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
	struct file *ia_file; /* ftruncate: the open file */
};

#define ATTR_MODE (1 << 0)
#define ATTR_UID (1 << 1)
#define ATTR_GID (1 << 2)
#define ATTR_SIZE (1 << 3)
#define ATTR_ATIME (1 << 4)
#define ATTR_MTIME (1 << 5)
#define ATTR_CTIME (1 << 6)
#define ATTR_ATIME_SET (1 << 7)
#define ATTR_MTIME_SET (1 << 8)
#define ATTR_FORCE (1 << 9) /* skip the permission checks */
#define ATTR_KILL_SUID (1 << 11)
#define ATTR_KILL_SGID (1 << 12)
#define ATTR_FILE (1 << 13)
#define ATTR_OPEN (1 << 15) /* truncation from open(O_TRUNC) */
#define ATTR_TIMES_SET (1 << 16)
#define ATTR_TOUCH (1 << 17)

/* Mode tests on an inode. */
#define IS_RDONLY(inode) ((inode)->i_sb->s_flags & SB_RDONLY)
#define IS_APPEND(inode) ((inode)->i_flags & S_APPEND)
#define IS_IMMUTABLE(inode) ((inode)->i_flags & S_IMMUTABLE)
#define IS_DEADDIR(inode) ((inode)->i_flags & S_DEAD)
#define IS_NOATIME(inode) ((inode)->i_flags & S_NOATIME)

#define NAME_MAX 255 /* a path component, without the NUL */
#define PATH_MAX 4096 /* a whole path, with the NUL */
#define MAXSYMLINKS 40

/* Filesystem types and superblocks (fs/filesystems.c, fs/super.c). */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
void put_filesystem(struct file_system_type *fs);
void filesystems_proc_show(struct seq_file *m);
struct dentry *
mount_nodev(struct file_system_type *fs_type, int flags, void *data,
	    int (*fill_super)(struct super_block *, void *, int));
struct super_block *sget_nodev(struct file_system_type *type, int flags);
void deactivate_super(struct super_block *sb);
void deactivate_locked_super(struct super_block *sb);
void generic_shutdown_super(struct super_block *sb);
void kill_anon_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
int sync_filesystem(struct super_block *sb);
void ksys_sync(void);
void iterate_supers(void (*f)(struct super_block *, void *), void *arg);

/* Inodes (fs/inode.c). */
struct inode *new_inode(struct super_block *sb);
struct inode *iget_locked(struct super_block *sb, unsigned long ino);
struct inode *ilookup(struct super_block *sb, unsigned long ino);
void unlock_new_inode(struct inode *inode);
void iget_failed(struct inode *inode);
void insert_inode_hash(struct inode *inode);
void remove_inode_hash(struct inode *inode);
void ihold(struct inode *inode);
void iput(struct inode *inode);
void clear_inode(struct inode *inode);
int generic_delete_inode(struct inode *inode);
void evict_inodes(struct super_block *sb);
unsigned int get_next_ino(void);
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
struct timespec64 current_time(struct inode *inode);
void mark_inode_dirty(struct inode *inode);
int file_update_time(struct file *file);
void touch_atime(const struct path *path);
bool inode_owner_or_capable(const struct inode *inode);
void inode_init(void);

/* Permission (fs/namei.c) and attributes (fs/attr.c). */
int generic_permission(struct inode *inode, int mask);
int inode_permission(struct inode *inode, int mask);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int inode_newsize_ok(const struct inode *inode, loff_t offset);
int notify_change(struct dentry *dentry, struct iattr *attr,
		  struct inode **delegated);
int simple_setattr(struct dentry *dentry, struct iattr *iattr);
int file_remove_privs(struct file *file);

/* Directory operations with the checks (fs/namei.c). */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
	      dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir,
	     struct dentry *new_dentry, struct inode **delegated);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry,
	       struct inode **delegated);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry,
	       unsigned int flags);
int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen);
const char *vfs_get_link(struct dentry *dentry, void **cookie);

/* renameat2 flags */
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)

/* Opening and I/O (fs/open.c, fs/read_write.c). */
struct file *dentry_open(const struct path *path, int flags,
			 const struct cred *creds);
struct file *file_open_root(const struct path *root, const char *filename,
			    int flags, umode_t mode);
struct filename;
struct file *vfs_open_exec(int dfd, struct filename *name, int flags);
int vfs_open(const struct path *path, struct file *file);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs,
		struct file *filp);
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos,
		      int flags);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos,
		       int flags);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);
int rw_verify_area(int rw, struct file *file, const loff_t *ppos, size_t count);
ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count,
		    loff_t max);
int vfs_fsync(struct file *file, int datasync);
int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync);
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);
int generic_file_open(struct inode *inode, struct file *filp);
int vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg);

/* Attributes (fs/stat.c). */
void generic_fillattr(struct inode *inode, struct kstat *stat);
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags);
int vfs_fstat(int fd, struct kstat *stat);
int vfs_fstatat(int dfd, const char *filename, struct kstat *stat, int flags);
struct filename;
int vfs_statx(int dfd, struct filename *filename, int flags, struct kstat *stat,
	      u32 request_mask);

/* Directories (fs/readdir.c, fs/libfs.c). */
int iterate_dir(struct file *file, struct dir_context *ctx);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;
extern const struct dentry_operations simple_dentry_operations;
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int dcache_readdir(struct file *file, struct dir_context *ctx);
ssize_t generic_read_dir(struct file *filp, char __user *buf, size_t siz,
			 loff_t *ppos);
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     unsigned int flags);
int simple_instantiate(struct inode *dir, struct dentry *dentry,
		       struct inode *inode);
int simple_symlink_instantiate(struct inode *dir, struct dentry *dentry,
			       struct inode *inode, const char *symname);
int simple_tmpfile_instantiate(struct file *file, struct inode *inode);
int simple_link(struct dentry *old_dentry, struct inode *dir,
		struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags);
int simple_empty(struct dentry *dentry);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
int simple_getattr(const struct path *path, struct kstat *stat,
		   u32 request_mask, unsigned int query_flags);
const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    void **cookie);
int always_delete_dentry(const struct dentry *dentry);
int simple_write_begin(struct file *file, struct address_space *mapping,
		       loff_t pos, unsigned len, struct page **pagep,
		       void **fsdata);
int simple_write_end(struct file *file, struct address_space *mapping,
		     loff_t pos, unsigned len, unsigned copied,
		     struct page *page, void *fsdata);
extern const struct address_space_operations ram_aops;

/* The struct file cache (fs/file_table.c). */
struct file *alloc_empty_file(int flags, const struct cred *cred);
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt,
			       const char *name, int flags,
			       const struct file_operations *fops);
void flush_delayed_fput(void);
unsigned long get_nr_files(void);
void files_init(void);

/* Special files: hooks for the pipe and block-device code. */
extern const struct file_operations def_blk_fops;
extern const struct file_operations pipefifo_fops;
extern const struct file_operations bad_sock_fops;
/* F_GETPIPE_SZ/F_SETPIPE_SZ: -EINVAL until pipes replace this weak hook. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);

/* The root of the boot sequence (fs/dcache.c). */
void vfs_caches_init(void);

static inline bool execute_ok(const struct inode *inode)
{
	return (inode->i_mode & S_IXUGO) || S_ISDIR(inode->i_mode);
}

static inline void inode_inc_iversion(struct inode *inode)
{
	inode->i_version++;
}

/* O_* from open() to the FMODE_ access bits. */
#define OPEN_FMODE(flag) ((fmode_t)(((flag) + 1) & O_ACCMODE))

/* Bits of f_flags that open() keeps (creation flags are gone). */
#define O_FILE_KEEP_MASK (~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC))

#endif /* _LINUX_FS_H */
