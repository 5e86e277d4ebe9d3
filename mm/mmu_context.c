/*
 * Kernel threads working on a user address space: an AIO-style helper,
 * or a test that builds an mm and runs its user addresses through the
 * real fault path (copy_to_user & co. act on current->mm).
 */
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>

/**
 * kthread_use_mm - make @mm the current kernel thread's address space.
 * @mm: an mm the caller holds a user reference on (mm_users)
 *
 * Process context, a kernel thread without an mm of its own.  Until
 * kthread_unuse_mm(), current->mm is @mm and its page tables are
 * loaded, so user addresses resolve in it and fault through its VMAs.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active;

	WARN_ON_ONCE(!(tsk->flags & PF_KTHREAD) || tsk->mm);
	mmgrab(mm);
	local_irq_disable();
	active = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	switch_mm(active, mm, tsk);
	local_irq_enable();
	mmdrop(active);
}

/**
 * kthread_unuse_mm - undo kthread_use_mm().
 * @mm: the mm given to kthread_use_mm()
 *
 * Unlike a lazy-TLB switch this loads init_mm at once: the caller may
 * drop the last reference to @mm right after, and no CPU should still
 * be walking its page tables then.
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON_ONCE(tsk->mm != mm);
	mmgrab(&init_mm);
	local_irq_disable();
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	local_irq_enable();
	mmdrop(mm);
}
