#ifndef _LINUX_DEVPTS_FS_H
#define _LINUX_DEVPTS_FS_H

/*
 * The pty slave nodes (/dev/pts/N) and their index allocator.  Until
 * the VFS provides mountable filesystems, the nodes are created in
 * devtmpfs as "pts/N" (fs/devpts/inode.c).
 */
#include <linux/types.h>

#define NR_UNIX98_PTY_MAX 1024
#define UNIX98_PTY_MASTER_MAJOR 128
#define UNIX98_PTY_SLAVE_MAJOR 136

int devpts_new_index(void);
void devpts_kill_index(int idx);
int devpts_pty_new(int index);
void devpts_pty_kill(int index);

#endif /* _LINUX_DEVPTS_FS_H */
