#ifndef _LINUX_STRINGHASH_H
#define _LINUX_STRINGHASH_H

/*
 * Hashing names for the dentry cache.  The salt is the parent dentry, so
 * the same name in two directories lands in different buckets.
 */
#include <linux/types.h>
#include <linux/hash.h>

static inline unsigned long partial_name_hash(unsigned long c,
					      unsigned long prev)
{
	return (prev + (c << 4) + (c >> 4)) * 11;
}

/* The last step: fold the running value into the 32-bit hash. */
static inline unsigned int end_name_hash(unsigned long hash)
{
	return (unsigned int)hash_64(hash, 32);
}

/* One byte at a time; the path walk hashes as it scans (hash_name). */
static inline unsigned int full_name_hash(const void *salt, const char *name,
					  unsigned int len)
{
	unsigned long hash = (unsigned long)salt;

	while (len--)
		hash = partial_name_hash((unsigned char)*name++, hash);
	return end_name_hash(hash);
}

#endif /* _LINUX_STRINGHASH_H */
