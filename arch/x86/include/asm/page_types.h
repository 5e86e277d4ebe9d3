#ifndef _ASM_X86_PAGE_TYPES_H
#define _ASM_X86_PAGE_TYPES_H

#include <linux/const.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PMD_SHIFT 21
#define PMD_SIZE (_AC(1, UL) << PMD_SHIFT)
#define PUD_SHIFT 30
#define PGDIR_SHIFT 39

/* DESIGN.md §3 / seed 000: the x86_64 kernel address space. */
#define __PAGE_OFFSET _AC(0xffff880000000000, UL) /* direct map of RAM */
#define __START_KERNEL_map _AC(0xffffffff80000000, UL) /* kernel image */
#define VMALLOC_START _AC(0xffffc90000000000, UL)
#define VMEMMAP_START _AC(0xffffea0000000000, UL)
#define MODULES_VADDR _AC(0xffffffffa0000000, UL)
#define TASK_SIZE_MAX _AC(0x00007ffffffff000, UL)

/* The kernel image is loaded at this physical address (2 MiB aligned). */
#define LOAD_PHYSICAL_ADDR _AC(0x200000, UL)

#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER) /* 16 KiB, seed 003 */
#define IRQ_STACK_SIZE THREAD_SIZE
#define EXCEPTION_STACK_SIZE PAGE_SIZE

#endif /* _ASM_X86_PAGE_TYPES_H */
