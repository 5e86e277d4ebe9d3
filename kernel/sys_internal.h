#ifndef _KERNEL_SYS_INTERNAL_H
#define _KERNEL_SYS_INTERNAL_H

/* kernel/sys.c's helpers, shared with its tests and the sched syscalls. */
#include <linux/types.h>
#include <linux/resource.h>
#include <linux/sched/coredump.h>
#include <uapi/linux/resource.h>

struct task_struct;

#define NGROUPS_MAX 65536

long __sys_setuid(uid_t uid);
long __sys_setreuid(uid_t ruid, uid_t euid);
long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long __sys_setfsuid(uid_t uid);
long __sys_setgid(gid_t gid);
long __sys_setregid(gid_t rgid, gid_t egid);
long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long __sys_setfsgid(gid_t gid);

int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       struct rlimit *new, struct rlimit *old);
void do_sysinfo(struct sysinfo *info);
int getrusage(struct task_struct *p, int who, struct rusage *r);
bool can_nice(const struct task_struct *p, long nice);
int sched_setscheduler_checked(struct task_struct *p, int policy, int prio);

#endif /* _KERNEL_SYS_INTERNAL_H */
