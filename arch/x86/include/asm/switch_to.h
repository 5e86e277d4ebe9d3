#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

#include <linux/linkage.h>

struct task_struct;

/*
 * What a task that is not running leaves at the top of its saved
 * stack: the callee-saved registers __switch_to_asm pushed, and the
 * address it will return to (into __schedule, or ret_from_fork for a
 * task that never ran).
 */
struct inactive_task_frame {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bx;
	unsigned long bp;
	unsigned long ret_addr;
};

/*
 * Switch stacks from @prev to @next; returns, on @next's stack, the
 * task that ran before (for finish_task_switch).
 */
asmlinkage struct task_struct *__switch_to_asm(struct task_struct *prev,
					       struct task_struct *next,
					       unsigned long *prev_sp,
					       unsigned long next_sp);
asmlinkage struct task_struct *__switch_to(struct task_struct *prev,
					   struct task_struct *next);
asmlinkage void ret_from_fork(void);
asmlinkage void schedule_tail(struct task_struct *prev);

#define switch_to(prev, next) \
	__switch_to_asm((prev), (next), &(prev)->thread.sp, (next)->thread.sp)

#endif /* _ASM_X86_SWITCH_TO_H */
