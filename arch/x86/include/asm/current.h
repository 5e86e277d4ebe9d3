#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <linux/percpu.h>

struct task_struct;

DECLARE_PER_CPU(struct task_struct *, current_task);

/* The running task: one %gs-relative load. */
static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#endif /* _ASM_X86_CURRENT_H */
