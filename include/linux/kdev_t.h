#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

/*
 * Device numbers inside the kernel: 12 bits of major, 20 of minor.
 * User space sees a different encoding (new_encode_dev) in stat and
 * mknod; convert at the syscall boundary.
 */
#include <linux/types.h>

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

/* The user encoding: minor low 8 bits, major 12 bits, minor high 12. */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned major = MAJOR(dev);
	unsigned minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned major = (dev & 0xfff00) >> 8;
	unsigned minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

/* stat's 64-bit st_dev/st_rdev (glibc's makedev layout). */
static inline u64 huge_encode_dev(dev_t dev)
{
	return new_encode_dev(dev);
}

#endif /* _LINUX_KDEV_T_H */
