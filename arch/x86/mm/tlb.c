/*
 * TLB flushing.  All CPUs share the kernel half of the page tables, but
 * each caches translations in its own TLB: after a kernel mapping is
 * removed or weakened, every online CPU must drop it, not only the one
 * that changed the PTE.  The others are asked with an IPI and the
 * caller waits until all have flushed ("TLB shootdown"); only then may
 * the pages behind the old mapping be reused.
 */
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/page_types.h>
#include <asm/tlbflush.h>

/*
 * Past this many pages, one full flush is cheaper than an invlpg per
 * page (Linux's default ceiling, tuned on real hardware).
 */
static unsigned long tlb_single_page_flush_ceiling = 33;

struct flush_tlb_info {
	unsigned long start;
	unsigned long end;
};

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

/* This CPU's part; also the IPI's function (irqs off there). */
static void do_kernel_range_flush(void *data)
{
	const struct flush_tlb_info *info = data;
	unsigned long addr = info->start & PAGE_MASK;
	unsigned long nr = (info->end - addr + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (nr > tlb_single_page_flush_ceiling) {
		flush_tlb_all_local();
		return;
	}
	for (; nr; nr--, addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

/**
 * flush_tlb_kernel_range - drop stale TLB entries of kernel addresses
 * @start: first address of the range
 * @end: end of the range (exclusive)
 *
 * Kernel mappings are global (_PAGE_GLOBAL), so a CR3 write would keep
 * them: either invlpg each page or flush everything, global entries
 * included.  Returns once every online CPU has done so.  With one CPU
 * online, any context; with more, process context with irqs enabled
 * (the IPIs must be able to cross while we wait for them).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .start = start, .end = end };

	if (end <= start)
		return;
	if (num_online_cpus() > 1)
		on_each_cpu(do_kernel_range_flush, &info, 1);
	else
		do_kernel_range_flush(&info);
}
