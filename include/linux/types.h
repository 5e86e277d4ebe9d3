#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * The freestanding headers every C11 compiler ships (no libc involved)
 * give size_t, NULL, offsetof, bool and va_list; they also let lib/
 * build unchanged for the host unit tests.
 */
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s32 __s32;
typedef s64 __s64;

typedef long ssize_t;
typedef long long loff_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int umode_t;
typedef unsigned int dev_t;
typedef u64 blkcnt_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* _LINUX_TYPES_H */
