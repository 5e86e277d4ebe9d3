/*
 * TLB flushing.  With one CPU running this is all local; the SMP issue
 * adds shootdown IPIs so every CPU drops the entries.
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <asm/page_types.h>
#include <asm/tlbflush.h>

/*
 * Past this many pages, one full flush is cheaper than an invlpg per
 * page (Linux's default ceiling, tuned on real hardware).
 */
static unsigned long tlb_single_page_flush_ceiling = 33;

/*
 * CR4 is read, changed and written back by __flush_tlb_all(); an
 * interrupt in between that touched CR4 would have its change undone.
 */
static void flush_tlb_all_local(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__flush_tlb_all();
	local_irq_restore(flags);
}

/**
 * flush_tlb_kernel_range - drop stale TLB entries of kernel addresses
 * @start: first address of the range
 * @end: end of the range (exclusive)
 *
 * Kernel mappings are global (_PAGE_GLOBAL), so a CR3 write would keep
 * them: either invlpg each page or flush everything, global entries
 * included.  Any context.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr = start & PAGE_MASK;
	unsigned long nr;

	if (end <= start)
		return;
	nr = (end - addr + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (nr > tlb_single_page_flush_ceiling) {
		flush_tlb_all_local();
		return;
	}
	for (; nr; nr--, addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}
