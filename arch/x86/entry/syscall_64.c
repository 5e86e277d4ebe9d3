/*
 * The x86_64 syscall table, in Linux's numbering.
 *
 * scripts/syscalltbl.py turns the UAPI unistd_64.h into one
 * __SYSCALL(nr, name) line per syscall; this file expands that list
 * three times: a weak declaration of each __x64_sys_<name>, the table of
 * their addresses, and their names.  A syscall nobody defined with
 * SYSCALL_DEFINEn stays an undefined weak symbol, so its slot is NULL
 * and do_syscall_64() answers -ENOSYS through sys_ni_syscall_nr(),
 * which remembers who asked (/proc/linnet/unimplemented).
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <asm/syscall.h>

#define __SYSCALL(nr, sym) long __x64_sys_##sym(const struct pt_regs *) __weak;
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = __x64_sys_##sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = #sym,
const char *const sys_call_names[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

/*
 * How often each unimplemented number was called.  Numbers past the
 * table (or holes in it) are counted together: a program probing with
 * random numbers must not grow kernel memory.
 */
static atomic_t unimplemented_calls[NR_syscalls];
static atomic_t out_of_range_calls;

/**
 * sys_ni_syscall_nr - the answer to a syscall nobody implemented.
 * @nr: the syscall number, already truncated to 32 bits
 *
 * Logs the first call of each number (with the caller's name and pid)
 * and counts every call.  Process context.  Returns -ENOSYS.
 */
long sys_ni_syscall_nr(unsigned int nr)
{
	struct task_struct *tsk = current;

	if (nr >= NR_syscalls || !sys_call_names[nr]) {
		if (atomic_inc_return(&out_of_range_calls) == 1)
			pr_info("linnet: unknown syscall %u by %s[%d]\n", nr,
				tsk->comm, tsk->pid);
		return -ENOSYS;
	}
	if (atomic_inc_return(&unimplemented_calls[nr]) == 1)
		pr_info("linnet: unimplemented syscall %s (%u) by %s[%d]\n",
			sys_call_names[nr], nr, tsk->comm, tsk->pid);
	return -ENOSYS;
}

/**
 * show_unimplemented_syscalls - list the unimplemented syscalls called.
 * @m: the seq_file of /proc/linnet/unimplemented
 *
 * One "name number count" line per syscall that returned -ENOSYS for
 * lack of an implementation, then the count of unknown numbers.
 */
void show_unimplemented_syscalls(struct seq_file *m)
{
	unsigned int nr;

	for (nr = 0; nr < NR_syscalls; nr++) {
		int n = atomic_read(&unimplemented_calls[nr]);

		if (n)
			seq_printf(m, "%s %u %d\n", sys_call_names[nr], nr, n);
	}
	seq_printf(m, "unknown numbers: %d\n",
		   atomic_read(&out_of_range_calls));
}
