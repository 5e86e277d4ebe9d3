#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/types.h>
#include <asm/page_types.h>

#define PAGE_OFFSET ((unsigned long)__PAGE_OFFSET)

extern phys_addr_t phys_base;

/* Physical address of a direct-map or kernel-image virtual address. */
static inline phys_addr_t __phys_addr(unsigned long x)
{
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map + phys_base;
	return x - PAGE_OFFSET;
}

#define __pa(x) __phys_addr((unsigned long)(x))
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x) ((phys_addr_t)((unsigned long)(x)-__START_KERNEL_map))

#endif /* _ASM_X86_PAGE_H */
