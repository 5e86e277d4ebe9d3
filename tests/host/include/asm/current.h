#ifndef _HOST_ASM_CURRENT_H
#define _HOST_ASM_CURRENT_H

/* Host-test shim: current is the task the test program points at. */
#include <linux/percpu.h>

struct task_struct;

extern struct task_struct *current_task;

#define current current_task

#endif /* _HOST_ASM_CURRENT_H */
