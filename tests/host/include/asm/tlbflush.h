#ifndef _HOST_ASM_TLBFLUSH_H
#define _HOST_ASM_TLBFLUSH_H

/*
 * Host-test shim: no TLB and no control registers; the test program
 * defines flush_tlb_kernel_range() (and may record its calls).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif /* _HOST_ASM_TLBFLUSH_H */
