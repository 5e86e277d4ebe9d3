/*
 * /proc/<pid>/stat, status and statm in Linux's formats: what ps, top
 * and free parse.  Times are in clock ticks of USER_HZ (100 a second)
 * whatever HZ is; memory sizes in pages (stat, statm) or kB (status).
 */
#include <linux/capability.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/user.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include "internal.h"

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* The one-letter states and their names, as Linux lists them. */
static const char *const task_state_array[] = {
	"R (running)", /* 0 */
	"S (sleeping)", /* 1 */
	"D (disk sleep)", /* 2 */
	"T (stopped)", /* 4 */
	"t (tracing stop)", /* 8 */
	"X (dead)", /* 0x10 */
	"Z (zombie)", /* 0x20 */
	"P (parked)", /* 0x40 */
	"I (idle)", /* TASK_IDLE: uninterruptible, not counted as load */
};

/** get_task_state - @tsk's "X (name)" state string. */
const char *get_task_state(struct task_struct *tsk)
{
	unsigned int state = READ_ONCE(tsk->__state);
	int exit_state = READ_ONCE(tsk->exit_state);

	if (exit_state & EXIT_ZOMBIE)
		return task_state_array[6];
	if (exit_state & EXIT_DEAD)
		return task_state_array[5];
	if ((state & TASK_IDLE) == TASK_IDLE)
		return task_state_array[8];
	if (state & __TASK_TRACED)
		return task_state_array[4];
	if (state & __TASK_STOPPED)
		return task_state_array[3];
	if (state & TASK_PARKED)
		return task_state_array[7];
	if (state & TASK_UNINTERRUPTIBLE)
		return task_state_array[2];
	if (state & TASK_INTERRUPTIBLE)
		return task_state_array[1];
	return task_state_array[0];
}

/* The pid of @task's parent process, 0 for the first ones. */
static pid_t task_ppid(struct task_struct *task)
{
	unsigned long flags;
	pid_t ppid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (task->pid && task->real_parent != task)
		ppid = task->real_parent->tgid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}

/* The signal numbers @t's group ignores and catches, as masks. */
static void collect_sigign_sigcatch(struct task_struct *t, sigset_t *ign,
				    sigset_t *catch)
{
	struct k_sigaction *k = t->sighand->action;
	int i;

	sigemptyset(ign);
	sigemptyset(catch);
	for (i = 1; i <= _NSIG; ++i, ++k) {
		if (k->sa.sa_handler == SIG_IGN)
			sigaddset(ign, i);
		else if (k->sa.sa_handler != SIG_DFL)
			sigaddset(catch, i);
	}
}

/* Everything about signals that stat and status show, under siglock. */
struct task_sigs {
	sigset_t pending, shpending, blocked, ignored, caught;
	int num_threads;
	unsigned long qsize, qlim;
	bool valid;
};

static void task_sig_info(struct task_struct *p, struct task_sigs *s)
{
	unsigned long flags;

	memset(s, 0, sizeof(*s));
	if (!lock_task_sighand(p, &flags))
		return;
	s->pending = p->pending.signal;
	s->shpending = p->signal->shared_pending.signal;
	s->blocked = p->blocked;
	collect_sigign_sigcatch(p, &s->ignored, &s->caught);
	s->num_threads = p->signal->nr_threads;
	s->qlim = p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
	s->valid = true;
	unlock_task_sighand(p, &flags);
	s->qsize = atomic_read(&p->real_cred->user->sigpending);
}

/* The controlling tty's device number and foreground group. */
static void task_tty(struct task_struct *task, unsigned int *tty_nr,
		     int *tty_pgrp)
{
	struct tty_struct *tty = READ_ONCE(task->signal->tty);

	*tty_nr = 0;
	*tty_pgrp = -1;
	if (tty && tty->driver) {
		dev_t dev = MKDEV(tty->driver->major,
				  tty->driver->minor_start + tty->index);

		*tty_nr = new_encode_dev(dev);
		*tty_pgrp = READ_ONCE(tty->pgrp);
	}
}

/* @task's CPU time, and with @whole its whole group's (live + exited). */
static void task_cputime(struct task_struct *task, bool whole, u64 *ut,
			 u64 *st)
{
	struct task_struct *t;
	unsigned long flags;

	*ut = task->utime;
	*st = task->stime;
	if (!whole || !lock_task_sighand(task, &flags))
		return;
	*ut = task->signal->utime;
	*st = task->signal->stime;
	for_each_thread(task, t) {
		*ut += t->utime;
		*st += t->stime;
	}
	unlock_task_sighand(task, &flags);
}

static void render_sigset_t(struct seq_file *m, const char *header,
			    const sigset_t *set)
{
	seq_printf(m, "%s%016lx\n", header, set->sig[0]);
}

/* Linux's "%*pb": 32-bit hex groups, most significant first, commas. */
static void render_cpumask(struct seq_file *m, const struct cpumask *mask)
{
	unsigned int nbits = nr_cpu_ids;
	int chunk = (int)((nbits + 31) / 32) - 1;

	for (; chunk >= 0; chunk--) {
		unsigned int bits = min(32U, nbits - chunk * 32);
		u32 val = 0;
		unsigned int b;

		for (b = 0; b < bits; b++)
			if (cpumask_test_cpu(chunk * 32 + b, mask))
				val |= 1U << b;
		if (chunk * 32 + 32 > nbits)
			seq_printf(m, "%0*x", (int)((bits + 3) / 4), val);
		else
			seq_printf(m, "%08x", val);
		if (chunk)
			seq_putc(m, ',');
	}
}

/* Linux's "%*pbl": "0-3,5". */
static void render_cpumask_list(struct seq_file *m, const struct cpumask *mask)
{
	unsigned int cpu = 0, nbits = nr_cpu_ids;
	bool first = true;

	while (cpu < nbits) {
		unsigned int end;

		if (!cpumask_test_cpu(cpu, mask)) {
			cpu++;
			continue;
		}
		for (end = cpu; end + 1 < nbits && cpumask_test_cpu(end + 1, mask);
		     end++)
			;
		seq_printf(m, first ? "%u" : ",%u", cpu);
		if (end > cpu)
			seq_printf(m, "-%u", end);
		first = false;
		cpu = end + 1;
	}
}

static void task_name(struct seq_file *m, struct task_struct *p)
{
	char comm[TASK_COMM_LEN];

	get_task_comm(comm, p);
	seq_puts(m, "Name:\t");
	seq_escape(m, comm, "\n");
	seq_putc(m, '\n');
}

static void task_state(struct seq_file *m, struct task_struct *p)
{
	const struct cred *cred = get_task_cred(p);
	struct group_info *gi = cred->group_info;
	unsigned int max_fds = 0;
	int umask = -1, g;
	pid_t ppid = task_ppid(p);

	task_lock(p);
	if (p->fs)
		umask = p->fs->umask;
	if (p->files)
		max_fds = p->files->fdt->max_fds;
	task_unlock(p);
	if (umask >= 0)
		seq_printf(m, "Umask:\t%#04o\n", umask);
	seq_printf(m, "State:\t%s\n", get_task_state(p));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		   p->tgid, p->pid, ppid);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", cred->uid, cred->euid,
		   cred->suid, cred->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", cred->gid, cred->egid,
		   cred->sgid, cred->fsgid);
	seq_printf(m, "FDSize:\t%u\nGroups:\t", max_fds);
	for (g = 0; gi && g < gi->ngroups; g++)
		seq_printf(m, "%u ", gi->gid[g]);
	seq_putc(m, '\n');
	put_cred(cred);
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   p->tgid, p->pid, p->signal->pgrp, p->signal->session);
}

static void task_sig(struct seq_file *m, struct task_struct *p)
{
	struct task_sigs s;

	task_sig_info(p, &s);
	seq_printf(m, "Threads:\t%d\n", s.num_threads);
	seq_printf(m, "SigQ:\t%lu/%lu\n", s.qsize, s.qlim);
	render_sigset_t(m, "SigPnd:\t", &s.pending);
	render_sigset_t(m, "ShdPnd:\t", &s.shpending);
	render_sigset_t(m, "SigBlk:\t", &s.blocked);
	render_sigset_t(m, "SigIgn:\t", &s.ignored);
	render_sigset_t(m, "SigCgt:\t", &s.caught);
}

static void task_cap(struct seq_file *m, struct task_struct *p)
{
	const struct cred *cred = get_task_cred(p);

	seq_printf(m, "CapInh:\t%016llx\n", cred->cap_inheritable.val);
	seq_printf(m, "CapPrm:\t%016llx\n", cred->cap_permitted.val);
	seq_printf(m, "CapEff:\t%016llx\n", cred->cap_effective.val);
	seq_printf(m, "CapBnd:\t%016llx\n", cred->cap_bset.val);
	seq_printf(m, "CapAmb:\t%016llx\n", cred->cap_ambient.val);
	put_cred(cred);
}

static void task_cpus_allowed(struct seq_file *m, struct task_struct *p)
{
	const struct cpumask *mask = (const struct cpumask *)p->cpus_mask;

	seq_puts(m, "Cpus_allowed:\t");
	render_cpumask(m, mask);
	seq_puts(m, "\nCpus_allowed_list:\t");
	render_cpumask_list(m, mask);
	seq_puts(m, "\nMems_allowed:\t1\nMems_allowed_list:\t0\n");
}

/**
 * proc_pid_status - /proc/<pid>/status: "Key:\tvalue" lines in Linux's
 * order (Name, Umask, State, ids, Vm*, signals, capabilities, CPUs,
 * context switches).
 */
int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm;

	task_name(m, task);
	task_state(m, task);
	mm = get_task_mm(task);
	if (mm) {
		task_mem(m, mm);
		mmput(mm);
	}
	seq_puts(m, "CoreDumping:\t0\n");
	task_sig(m, task);
	task_cap(m, task);
	seq_printf(m, "NoNewPrivs:\t%d\n", task->no_new_privs);
	seq_puts(m, "Seccomp:\t0\nSeccomp_filters:\t0\n");
	task_cpus_allowed(m, task);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n"
		      "nonvoluntary_ctxt_switches:\t%lu\n",
		   task->nvcsw, task->nivcsw);
	return 0;
}

/* The address-space fields of stat: all 0 for a kernel thread. */
struct stat_mm {
	unsigned long vsize, rss, start_code, end_code, start_stack;
	unsigned long start_data, end_data, start_brk;
	unsigned long arg_start, arg_end, env_start, env_end;
};

static void task_stat_mm(struct task_struct *task, struct stat_mm *s)
{
	struct mm_struct *mm = get_task_mm(task);
	bool permitted = proc_may_access(task);

	memset(s, 0, sizeof(*s));
	if (!mm)
		return;
	s->vsize = task_vsize(mm);
	s->rss = get_mm_rss(mm);
	if (permitted) {
		s->start_code = mm->start_code;
		s->end_code = mm->end_code;
		s->start_stack = mm->start_stack;
		s->start_data = mm->start_data;
		s->end_data = mm->end_data;
		s->start_brk = mm->start_brk;
		s->arg_start = mm->arg_start;
		s->arg_end = mm->arg_end;
		s->env_start = mm->env_start;
		s->env_end = mm->env_end;
	}
	mmput(mm);
}

/*
 * The 52 fields of /proc/<pid>/stat (man 5 proc numbers them):
 * pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt
 * majflt cmajflt utime stime cutime cstime priority nice num_threads
 * itrealvalue starttime vsize rss rsslim startcode endcode startstack
 * kstkesp kstkeip signal blocked sigignore sigcatch wchan nswap cnswap
 * exit_signal processor rt_priority policy delayacct_blkio_ticks
 * guest_time cguest_time start_data end_data start_brk arg_start
 * arg_end env_start env_end exit_code.
 */
static int do_task_stat(struct seq_file *m, struct task_struct *task,
			bool whole)
{
	struct signal_struct *sig = task->signal;
	char comm[TASK_COMM_LEN];
	unsigned int tty_nr;
	struct task_sigs s;
	struct stat_mm sm;
	int tty_pgrp;
	u64 ut, st;
	bool permitted = proc_may_access(task);

	get_task_comm(comm, task);
	task_tty(task, &tty_nr, &tty_pgrp);
	task_sig_info(task, &s);
	task_cputime(task, whole, &ut, &st);
	task_stat_mm(task, &sm);

	seq_printf(m, "%d (%s) %c", task->pid, comm, get_task_state(task)[0]);
	seq_printf(m, " %d %d %d %u %d %u", task_ppid(task), sig->pgrp,
		   sig->session, tty_nr, tty_pgrp, task->flags);
	seq_printf(m, " %lu %lu %lu %lu", sig->min_flt, sig->cmin_flt,
		   sig->maj_flt, sig->cmaj_flt);
	seq_printf(m, " %llu %llu %llu %llu", nsec_to_clock_t(ut),
		   nsec_to_clock_t(st), nsec_to_clock_t(sig->cutime),
		   nsec_to_clock_t(sig->cstime));
	seq_printf(m, " %d %d %d 0 %llu", task->prio - MAX_RT_PRIO,
		   task_nice(task), s.num_threads,
		   nsec_to_clock_t(task->start_time));
	seq_printf(m, " %lu %lu %lu", sm.vsize, sm.rss,
		   sig->rlim[RLIMIT_RSS].rlim_cur);
	seq_printf(m, " %lu %lu %lu 0 0", sm.start_code, sm.end_code,
		   sm.start_stack);
	/* The signal masks as decimals, as Linux prints them (obsolete). */
	seq_printf(m, " %lu %lu %lu %lu", s.pending.sig[0] | s.shpending.sig[0],
		   s.blocked.sig[0], s.ignored.sig[0], s.caught.sig[0]);
	seq_printf(m, " %d 0 0 %d %d %u %u 0 0 0",
		   task_is_running(task) || task->exit_state ? 0 : 1,
		   task->exit_signal, task_cpu(task), task->rt_priority,
		   task->policy);
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu %d\n", sm.start_data,
		   sm.end_data, sm.start_brk, sm.arg_start, sm.arg_end,
		   sm.env_start, sm.env_end, permitted ? task->exit_code : 0);
	return 0;
}

/** proc_tid_stat - /proc/<pid>/task/<tid>/stat: the thread's own times. */
int proc_tid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, false);
}

/** proc_tgid_stat - /proc/<pid>/stat: times of the whole process. */
int proc_tgid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, true);
}

/**
 * proc_pid_statm - "size resident shared text lib data dt" in pages
 * (lib and dt are always 0 on Linux now).
 */
int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	unsigned long size = 0, resident = 0, shared = 0, text = 0, data = 0;
	struct mm_struct *mm = get_task_mm(task);

	if (mm) {
		size = task_statm(mm, &shared, &text, &data, &resident);
		mmput(mm);
	}
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", size, resident, shared,
		   text, data);
	return 0;
}
