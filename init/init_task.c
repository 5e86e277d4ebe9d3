/*
 * init_task: the first task, statically built (seed 003).  It runs
 * start_kernel() on init_thread_union and becomes CPU 0's idle task.
 */
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm_types.h>
#include <linux/sched.h>

union thread_union init_thread_union __section(".data..init_task")
	__aligned(THREAD_SIZE);

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.stack = &init_thread_union,
	.usage = ATOMIC_INIT(2),
	.flags = PF_KTHREAD,
	.prio = DEFAULT_PRIO,
	.static_prio = DEFAULT_PRIO,
	.normal_prio = DEFAULT_PRIO,
	.policy = SCHED_NORMAL,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.cpus_mask = { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL },
	.nr_cpus_allowed = NR_CPUS,
	.mm = NULL,
	.active_mm = &init_mm,
	.pid = 0,
	.tgid = 0,
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.comm = "swapper/0",
	.real_cred = &init_cred,
	.cred = &init_cred,
	.fs = &init_fs,
	.files = &init_files,
};
