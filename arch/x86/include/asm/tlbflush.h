#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/processor.h>

/* Drop this CPU's TLB entry for one kernel address. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/*
 * Drop every TLB entry of this CPU, global ones included: toggling
 * CR4.PGE does that, a CR3 write alone keeps global entries.
 */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = __read_cr4();

	if (cr4 & X86_CR4_PGE) {
		__write_cr4(cr4 & ~X86_CR4_PGE);
		__write_cr4(cr4);
	} else {
		write_cr3(__read_cr3());
	}
}

/*
 * Make a change to kernel mappings in [start, end) visible on every
 * CPU: a local flush, plus a shootdown IPI to the others once more
 * than one CPU is online (arch/x86/mm/tlb.c).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif /* _ASM_X86_TLBFLUSH_H */
