#ifndef _HOST_ASM_PAGE_TYPES_H
#define _HOST_ASM_PAGE_TYPES_H

/*
 * Host-test shim: the kernel's constants, except that the struct page
 * array lives in a host buffer.  A test that uses pfn_to_page() defines
 * host_vmemmap_base (the address of the struct page of pfn 0).
 */
#include "../../../../arch/x86/include/asm/page_types.h"

extern unsigned long host_vmemmap_base;

#undef VMEMMAP_START
#define VMEMMAP_START host_vmemmap_base

#endif /* _HOST_ASM_PAGE_TYPES_H */
