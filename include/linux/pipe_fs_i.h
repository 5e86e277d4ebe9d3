#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

/*
 * A pipe (fs/pipe.c): a ring of page buffers between writers and
 * readers.  Writers fill slot `head`, readers drain slot `tail`; both
 * only grow (unsigned wrap is fine) and the slot index is the counter
 * masked by ring_size - 1:
 *
 *	      tail               head
 *	       v                  v
 *	[ . . [A][B][C] . . . . . . ]   occupancy = head - tail = 3
 *
 * The ring is full at max_usage occupied slots (max_usage <= ring_size,
 * both powers of two; F_SETPIPE_SZ changes them).  mutex guards the
 * ring and the counters; rd_wait and wr_wait hold sleeping readers and
 * writers and the poll/epoll entries of the read and write ends.
 *
 * An anonymous pipe lives on an inode of the internal pipefs mount; a
 * FIFO on the inode of its name (inode->i_pipe, created by the first
 * open and freed when the last open file goes, counted by files).
 */
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/wait.h>

struct page;
struct file;
struct inode;

#define PIPE_DEF_BUFFERS 16

/* pipe_buffer->flags */
#define PIPE_BUF_FLAG_PACKET 0x08 /* a message of a packet-mode pipe */
#define PIPE_BUF_FLAG_CAN_MERGE 0x10 /* later writes may append to it */

/**
 * struct pipe_buffer - one slot of the ring
 * @page: the data's page (owned by the slot)
 * @offset: where the unread data starts in @page
 * @len: how many unread bytes
 * @flags: PIPE_BUF_FLAG_*
 */
struct pipe_buffer {
	struct page *page;
	unsigned int offset;
	unsigned int len;
	unsigned int flags;
};

/**
 * struct pipe_inode_info - the shared state of a pipe or FIFO
 * @mutex: guards everything below but the wait queues
 * @rd_wait: readers waiting for data, and poll entries of read ends
 * @wr_wait: writers waiting for room, and poll entries of write ends
 * @head: the slot the next write fills
 * @tail: the slot the next read drains
 * @max_usage: occupied slots at which the pipe counts as full
 * @ring_size: slots in @bufs (a power of two)
 * @readers: open files that can read
 * @writers: open files that can write
 * @files: open files of any kind on it (frees it at zero)
 * @r_counter: opens for reading so far (FIFO open waits on it)
 * @w_counter: opens for writing so far
 * @poll_usage: someone polled it: wake readers on every write (EPOLLET)
 * @tmp_page: a free page kept for the next write
 * @bufs: the ring
 */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;
	wait_queue_head_t wr_wait;
	unsigned int head;
	unsigned int tail;
	unsigned int max_usage;
	unsigned int ring_size;
	unsigned int readers;
	unsigned int writers;
	unsigned int files;
	unsigned int r_counter;
	unsigned int w_counter;
	bool poll_usage;
	struct page *tmp_page;
	struct pipe_buffer *bufs;
};

static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return head == tail;
}

static inline unsigned int pipe_occupancy(unsigned int head, unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_full(unsigned int head, unsigned int tail,
			     unsigned int limit)
{
	return pipe_occupancy(head, tail) >= limit;
}

/* The largest size an unprivileged F_SETPIPE_SZ may ask (pipe-max-size). */
extern unsigned int pipe_max_size;

void pipe_lock(struct pipe_inode_info *pipe);
void pipe_unlock(struct pipe_inode_info *pipe);
struct pipe_inode_info *alloc_pipe_info(void);
void free_pipe_info(struct pipe_inode_info *pipe);
struct pipe_inode_info *get_pipe_info(struct file *file, bool for_splice);
int create_pipe_files(struct file **res, int flags);
int do_pipe_flags(int __user *fildes, int flags);
unsigned int round_pipe_size(unsigned long size);
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
struct ctl_table;
int proc_dopipe_max_size(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

#endif /* _LINUX_PIPE_FS_I_H */
