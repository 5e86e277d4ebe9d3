#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

/*
 * Turning the user's PROT_* and MAP_* bits into VM_* flags.  The low
 * three PROT bits and VM_READ/WRITE/EXEC share their values, which
 * BUILD_BUG_ON in mm/mmap.c checks.
 */
#include <linux/mm.h>
#include <uapi/linux/mman.h>

static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

static inline unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0);
}

#endif /* _LINUX_MMAN_H */
