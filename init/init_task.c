/*
 * init_task: the first task, statically built (seed 003).  It runs
 * start_kernel() on init_thread_union and becomes CPU 0's idle task.
 */
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/*
 * init_task's signal state.  Every other task's is copied from it, so
 * these are also the boot rlimits (Linux's INIT_RLIMITS); fork_init()
 * sizes RLIMIT_NPROC and RLIMIT_SIGPENDING by memory (signals_init).
 */
struct signal_struct init_signals = {
	.sigcnt = REFCOUNT_INIT(1),
	.live = ATOMIC_INIT(1),
	.nr_threads = 1,
	.thread_head = LIST_HEAD_INIT(init_task.thread_node),
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.shared_pending = {
		.list = LIST_HEAD_INIT(init_signals.shared_pending.list),
	},
	.rlim = {
		[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },
		[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC] = { 0, 0 },
		[RLIMIT_NOFILE] = { INR_OPEN_CUR, INR_OPEN_MAX },
		[RLIMIT_MEMLOCK] = { 8 * 1024 * 1024, 8 * 1024 * 1024 },
		[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_SIGPENDING] = { 0, 0 },
		[RLIMIT_MSGQUEUE] = { 819200, 819200 },
		[RLIMIT_NICE] = { 0, 0 },
		[RLIMIT_RTPRIO] = { 0, 0 },
		[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
	},
};

struct sighand_struct init_sighand = {
	.count = REFCOUNT_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
	.signalfd_wqh =
		__WAIT_QUEUE_HEAD_INITIALIZER(init_sighand.signalfd_wqh),
};

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
	.signal = &init_signals,
	.sighand = &init_sighand,
	.thread_node = LIST_HEAD_INIT(init_signals.thread_head),
	.pending = {
		.list = LIST_HEAD_INIT(init_task.pending.list),
	},
	.sas_ss_flags = SS_DISABLE,
	.restart_block = { .fn = do_no_restart_syscall },
	.fs = &init_fs,
	.files = &init_files,
	.alloc_lock = __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
};
