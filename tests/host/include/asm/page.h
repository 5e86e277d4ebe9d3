#ifndef _HOST_ASM_PAGE_H
#define _HOST_ASM_PAGE_H

/*
 * Host-test shim: "physical memory" is a host buffer that starts at
 * host_phys_base, so __va()/__pa() are offsets into it.  A test that
 * touches page contents defines host_phys_base.
 */
#include <linux/types.h>
#include <asm/page_types.h>

extern char *host_phys_base;

#define PAGE_OFFSET ((unsigned long)host_phys_base)
#define __pa(x) ((phys_addr_t)((unsigned long)(x)-PAGE_OFFSET))
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x) __pa(x)

#endif /* _HOST_ASM_PAGE_H */
