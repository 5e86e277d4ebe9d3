#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

/*
 * CONFIG_LOCKDEP, as Kconfig would set it: 1 builds the lock validator
 * (kernel/locking/lockdep.c) into every lock, 0 leaves no-op stubs and
 * lock structures without the map.  The host unit tests build with 0.
 */
#ifndef CONFIG_LOCKDEP
#define CONFIG_LOCKDEP 1
#endif

#if CONFIG_LOCKDEP

/*
 * A lock class is named by the address of a lock_class_key: one static
 * key per spin_lock_init()/mutex_init() call site, so every lock set up
 * by the same line of code is in the same class.  A statically
 * initialised lock (DEFINE_SPINLOCK) has no key; its own address names
 * its class.
 */
struct lock_class_key {
	char __one_byte;
};

struct lock_class;

/**
 * struct lockdep_map - what a lock carries for the validator
 * @key: its class key, or NULL for a statically initialised lock
 * @class_cache: its class (subclass 0), once looked up
 * @name: the name printed in reports ("&zone->lock")
 */
struct lockdep_map {
	struct lock_class_key *key;
	struct lock_class *class_cache;
	const char *name;
};

#else

struct lock_class_key {};

struct lockdep_map {};

#endif /* CONFIG_LOCKDEP */

#endif /* _LINUX_LOCKDEP_TYPES_H */
