#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/*
 * The initial RAM disk the boot loader left in memory: direct-map
 * addresses set by setup_arch(), reserved in memblock until
 * populate_rootfs() has unpacked it and freed it (both become 0 then).
 */
extern unsigned long initrd_start, initrd_end;

void free_initrd_mem(unsigned long start, unsigned long end);

/* What populate_rootfs() did with it, for the tests and the log. */
struct initramfs_stats {
	bool done; /* populate_rootfs() ran on an initrd */
	const char *error; /* why unpacking failed, or NULL */
	unsigned long entries; /* cpio entries, trailers excluded */
	unsigned long in_bytes; /* size of the initrd */
	u64 out_bytes; /* uncompressed cpio bytes */
	u64 ns; /* time spent unpacking */
	int fs_error; /* first error from the file system (-ENOSYS: none) */
};

extern struct initramfs_stats initramfs_stats;

#endif /* _LINUX_INITRD_H */
