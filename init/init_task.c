/*
 * init_task: the first task, statically built (seed 003).  It runs
 * start_kernel() on init_thread_union and becomes CPU 0's idle task.
 */
#include <linux/sched.h>

union thread_union init_thread_union __section(".data..init_task")
	__aligned(THREAD_SIZE);

struct task_struct init_task = {
	.state = 0,
	.stack = &init_thread_union,
	.pid = 0,
	.tgid = 0,
	.comm = "swapper/0",
};
