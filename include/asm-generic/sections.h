#ifndef _ASM_GENERIC_SECTIONS_H
#define _ASM_GENERIC_SECTIONS_H

#include <linux/types.h>

/* Boundaries of the kernel image, from the linker script. */
extern char _text[], _etext[];
extern char _sinittext[], _einittext[];
extern char __init_text_begin[], __init_text_end[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[];
extern char __init_begin[], __init_end[];
extern char __bss_start[], __bss_stop[];
extern char _end[];
extern char __per_cpu_load[], __per_cpu_start[], __per_cpu_end[];

static inline bool is_kernel_text(unsigned long addr)
{
	return (addr >= (unsigned long)_text && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)_sinittext &&
		addr < (unsigned long)_einittext);
}

#endif /* _ASM_GENERIC_SECTIONS_H */
