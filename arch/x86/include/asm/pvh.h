#ifndef _ASM_X86_PVH_H
#define _ASM_X86_PVH_H

#include <linux/types.h>

/*
 * What a PVH loader (QEMU's -kernel, Xen) hands the kernel in %ebx:
 * the layout of Xen's public hvm_start_info, all physical addresses.
 */
#define XEN_HVM_START_MAGIC_VALUE 0x336ec578

struct hvm_start_info {
	u32 magic;
	u32 version; /* memmap_* exist from version 1 */
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type; /* the E820 type numbers */
	u32 reserved;
};

#endif /* _ASM_X86_PVH_H */
