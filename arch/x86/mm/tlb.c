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
#include <linux/mm_types.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/barrier.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

DEFINE_PER_CPU(struct tlb_state, cpu_tlbstate);

/*
 * Past this many pages, one full flush is cheaper than an invlpg per
 * page (Linux's default ceiling, tuned on real hardware).
 */
static unsigned long tlb_single_page_flush_ceiling = 33;

struct flush_tlb_info {
	struct mm_struct *mm; /* user flushes: whose entries */
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

/*
 * User flushes.  User entries are not global, so reloading CR3 drops
 * them all; below the ceiling, invlpg each page instead.  invlpg also
 * empties the paging-structure caches, so it covers freed page tables.
 */
static void flush_tlb_user_local(const struct flush_tlb_info *info)
{
	unsigned long addr = info->start & PAGE_MASK;
	unsigned long nr;

	if (info->end == TLB_FLUSH_ALL ||
	    (info->end - addr) >> PAGE_SHIFT > tlb_single_page_flush_ceiling) {
		write_cr3(__read_cr3());
		return;
	}
	nr = (info->end - addr + PAGE_SIZE - 1) >> PAGE_SHIFT;
	for (; nr; nr--, addr += PAGE_SIZE)
		__flush_tlb_one_user(addr);
}

/*
 * The IPI's function (irqs off).  A CPU that switched to another mm
 * since the initiator read mm_cpumask has nothing to do: its CR3 load
 * already dropped the entries.
 */
static void flush_tlb_func(void *data)
{
	const struct flush_tlb_info *info = data;

	if (this_cpu_read(cpu_tlbstate.loaded_mm) == info->mm)
		flush_tlb_user_local(info);
}

/* Is a CPU other than @cpu in @mask? */
static bool other_cpu_in(const struct cpumask *mask, unsigned int cpu)
{
	unsigned int i;

	for_each_cpu(i, mask)
		if (i != cpu)
			return true;
	return false;
}

/**
 * flush_tlb_mm_range - drop stale translations of @mm in [@start, @end).
 * @mm: the address space whose PTEs changed
 * @start: first address
 * @end: end (exclusive), or TLB_FLUSH_ALL
 * @stride_shift: PAGE_SHIFT (no huge pages yet)
 * @freed_tables: page-table pages were unlinked as well
 *
 * Flushes this CPU if it has @mm loaded, and sends a shootdown IPI to
 * every other CPU in mm_cpumask(@mm), waiting for all of them: when it
 * returns, no CPU can use the old entries, so the pages behind them may
 * be freed.  Irqs enabled when other CPUs may be involved; spinlocks may
 * be held.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, unsigned int stride_shift,
			bool freed_tables)
{
	struct flush_tlb_info info = { .mm = mm, .start = start, .end = end };
	unsigned int cpu;
	unsigned long flags;

	(void)stride_shift;
	if (freed_tables)
		info.end = TLB_FLUSH_ALL;
	cpu = get_cpu();
	if (this_cpu_read(cpu_tlbstate.loaded_mm) == mm) {
		local_irq_save(flags);
		flush_tlb_user_local(&info);
		local_irq_restore(flags);
	}
	/*
	 * The PTE changes must be visible before the mask is read; pairs
	 * with the locked bit-set in switch_mm() that precedes CR3's load.
	 */
	smp_mb();
	if (other_cpu_in(mm_cpumask(mm), cpu))
		smp_call_function_many(mm_cpumask(mm), flush_tlb_func, &info,
				       true);
	put_cpu();
}

/** flush_tlb_range - flush_tlb_mm_range() for part of one VMA. */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end, PAGE_SHIFT, false);
}

/** flush_tlb_page - flush one user page of @vma's mm everywhere. */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE, PAGE_SHIFT,
			   false);
}

/** flush_tlb_mm - flush all of @mm's user translations everywhere. */
void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, TLB_FLUSH_ALL, PAGE_SHIFT, true);
}
