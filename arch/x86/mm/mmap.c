/*
 * Where mmap areas start (Linux's x86 layout without randomisation):
 * below the stack, leaving room for it to grow to its rlimit plus the
 * guard gap, and never less than 128 MiB nor more than 5/6 of the
 * address space.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/resource.h>
#include <asm/processor.h>

#define SIZE_128M (128UL << 20)

static unsigned long mmap_base(unsigned long stack_limit)
{
	unsigned long gap = stack_limit;
	unsigned long pad = stack_guard_gap;
	unsigned long gap_max = TASK_SIZE / 6 * 5;

	if (gap + pad > gap)
		gap += pad;
	gap = clamp(gap, SIZE_128M, gap_max);
	return PAGE_ALIGN(TASK_SIZE - gap);
}

/**
 * arch_pick_mmap_layout - set @mm's mmap_base for its stack limit.
 * @mm: a new address space (exec, mm_alloc)
 * @rlim_stack: the RLIMIT_STACK the program will run with, or NULL for
 *	the default 8 MiB
 *
 * An unlimited stack rlimit gets the largest gap (5/6 of the space).
 */
void arch_pick_mmap_layout(struct mm_struct *mm, struct rlimit *rlim_stack)
{
	unsigned long lim = rlim_stack ? rlim_stack->rlim_cur : _STK_LIM;

	mm->mmap_base = mmap_base(lim);
	mm->task_size = TASK_SIZE;
}
