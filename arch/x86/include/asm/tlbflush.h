#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/percpu.h>
#include <asm/processor.h>

struct mm_struct;
struct vm_area_struct;

/*
 * This CPU's view of user address spaces: the mm whose page tables CR3
 * holds.  A kernel thread borrowing an mm (lazy TLB) leaves it loaded.
 * A shootdown IPI for another mm finds nothing to do here.
 */
struct tlb_state {
	struct mm_struct *loaded_mm;
};
DECLARE_PER_CPU(struct tlb_state, cpu_tlbstate);

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

/* Drop this CPU's TLB entry for one user address (non-global). */
static inline void __flush_tlb_one_user(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/*
 * User mappings (arch/x86/mm/tlb.c).  After a user PTE was removed or
 * lost permissions, every CPU that may cache it -- those in
 * mm_cpumask(mm) that still have @mm loaded -- must drop it before the
 * page behind it is reused.  @freed_tables: page-table pages were
 * unlinked too, so paging-structure caches must go as well.  Process
 * context with irqs enabled once more than one CPU is online; the
 * caller may hold spinlocks (the IPIs still get through).
 */
#define TLB_FLUSH_ALL (~0UL)
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, unsigned int stride_shift,
			bool freed_tables);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_mm(struct mm_struct *mm);

#endif /* _ASM_X86_TLBFLUSH_H */
