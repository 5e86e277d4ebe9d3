#ifndef _LINUX_RWLOCK_TYPES_H
#define _LINUX_RWLOCK_TYPES_H

/* Part of <linux/spinlock_types.h>, which includes it at its end. */
#include <linux/spinlock_types.h>

/*
 * A reader-writer spinlock (seed 001: "读/共享/S 锁，写/排它/X 锁").
 * @cnts counts the readers in units of RW_READER_BIAS above two writer
 * bits: RW_WRITER_LOCKED while a writer holds the lock, and
 * RW_WRITER_WAITING while one waits for the readers to drain, which
 * turns new readers away so that readers cannot starve a writer.
 * @wait_lock, a ticket lock, lines the contended lockers up in order.
 */
typedef struct {
	u32 cnts;
	arch_spinlock_t wait_lock;
} arch_rwlock_t;

#define RW_WRITER_LOCKED 0x1U
#define RW_WRITER_WAITING 0x2U
#define RW_WRITER_MASK 0x3U
#define RW_READER_BIAS 0x4U

#define __ARCH_RW_LOCK_UNLOCKED                                   \
	{                                                         \
		.cnts = 0, .wait_lock = __ARCH_SPIN_LOCK_UNLOCKED \
	}

typedef struct {
	arch_rwlock_t raw_lock;
	struct lockdep_map dep_map; /* empty without CONFIG_LOCKDEP */
} rwlock_t;

#if CONFIG_LOCKDEP
#define RW_DEP_MAP_INIT(lockname) .dep_map = { .name = #lockname },
#else
#define RW_DEP_MAP_INIT(lockname)
#endif

#define __RW_LOCK_INITIALIZER(lockname)                                        \
	{                                                                      \
		.raw_lock = __ARCH_RW_LOCK_UNLOCKED, RW_DEP_MAP_INIT(lockname) \
	}
#define __RW_LOCK_UNLOCKED(lockname) ((rwlock_t)__RW_LOCK_INITIALIZER(lockname))

#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_INITIALIZER(x)

#endif /* _LINUX_RWLOCK_TYPES_H */
