/*
 * Stand-ins for functions other parts of the process work provide.
 * TODO(merge): each is __weak; the real one replaces it at link time,
 * and this file can go once all are merged.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>

#include "sys_internal.h"

/*
 * TODO(merge): kernel/exit.c (fork/exit/wait work) defines the real
 * do_group_exit(); this one has its semantics for kernel threads.
 */
void __weak do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	spin_lock_irq(&current->sighand->siglock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	spin_unlock_irq(&current->sighand->siglock);
	do_exit(exit_code);
}

/*
 * TODO(merge): the VFS work keeps the umask in current->fs; until then
 * one umask for everybody, starting at Linux's 0022.
 */
static int stub_umask = 0022;

int __weak umask_exchange(int mask)
{
	return __atomic_exchange_n(&stub_umask, mask, __ATOMIC_SEQ_CST);
}
