#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

/*
 * The kernel's random numbers (drivers/char/random.c): a ChaCha20
 * generator seeded from the CPU's RDSEED/RDRAND when present, TSC
 * jitter and interrupt timing.  Every function here works in any
 * context and never sleeps; before the generator is seeded the output
 * is as good as the boot entropy (a warning is printed once).
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/linux/random.h>

struct file_operations;

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
u64 get_random_u64(void);

static inline unsigned long get_random_long(void)
{
	return get_random_u64();
}

/* Entropy sources. */
void add_interrupt_randomness(int irq);
void add_device_randomness(const void *buf, size_t len);

/* Is the generator seeded?  Sleeps until it is: 0 or -ERESTARTSYS. */
bool rng_is_initialized(void);
int wait_for_random_bytes(void);

/*
 * getrandom(2) without the syscall: fills user memory at @ubuf.
 * Returns the bytes written, or -EINVAL (bad flags), -EAGAIN
 * (GRND_NONBLOCK before seeding), -EFAULT, -ERESTARTSYS.
 */
ssize_t do_getrandom(char __user *ubuf, size_t len, unsigned int flags);

/* /proc/sys/kernel/random/boot_id: a UUID fixed for this boot. */
const char *random_boot_id(void);

extern const struct file_operations random_fops, urandom_fops;

#endif /* _LINUX_RANDOM_H */
