/*
 * x86-64 task state: building a new task's first stack frame and the
 * C half of the context switch.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss_rw);

/**
 * copy_thread - give a new kernel thread its first stack frame.
 * @p: the new task, with its stack allocated
 * @fn: the function it will run
 * @arg: its argument
 *
 * The stack is laid out so that the first switch to @p "returns" into
 * ret_from_fork, which calls fn(arg) (passed in rbx and r12):
 *
 *	top of stack ->	struct pt_regs (zeroed: the user frame, later)
 *			struct inactive_task_frame { ..., ret_from_fork }
 *	thread.sp ->
 */
int copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE;
	struct pt_regs *regs = (struct pt_regs *)top - 1;
	struct inactive_task_frame *frame =
		(struct inactive_task_frame *)regs - 1;

	memset(regs, 0, sizeof(*regs));
	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	frame->bx = (unsigned long)fn;
	frame->r12 = (unsigned long)arg;
	frame->bp = 0; /* ends frame-pointer backtraces */
	p->thread.sp = (unsigned long)frame;
	p->thread.fsbase = p->thread.gsbase = 0;
	return 0;
}

/**
 * __switch_to - the C half of a context switch, on @next's stack.
 *
 * Irqs off, rq locked.  Points the TSS at @next's stack for entries
 * from user mode and makes @next current.  Returns @prev.
 */
asmlinkage __visible struct task_struct *__switch_to(struct task_struct *prev,
						     struct task_struct *next)
{
	this_cpu_ptr(&cpu_tss_rw)->sp0 =
		(unsigned long)next->stack + THREAD_SIZE;
	this_cpu_write(current_task, next);
	return prev;
}
