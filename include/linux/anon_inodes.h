#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

/*
 * Files with no inode of their own (eventfd, epoll, signalfd, ...):
 * they share one inode of the internal anon_inodefs and differ by
 * their file_operations and private_data (fs/anon_inodes.c).
 */
struct file;
struct file_operations;

struct file *anon_inode_getfile(const char *name,
				const struct file_operations *fops, void *priv,
				int flags);
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags);

#endif /* _LINUX_ANON_INODES_H */
