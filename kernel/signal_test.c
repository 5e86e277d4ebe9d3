/*
 * Signal tests.  User mode does not exist yet, so the receiving side
 * runs in kernel threads: the test thread itself (pid 1, whose handlers
 * and mask each case saves and restores) or thread groups made with
 * kernel_thread(CLONE_THREAD) that call get_signal() in a loop as the
 * return to user mode would.  Handlers are fake user addresses: only
 * get_signal()'s choice is checked here; frames are arch/x86's tests.
 */
#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/time_types.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <ktest/syscall.h>
#include <ktest/test.h>
#include <ktest/user.h>

#define FAKE_HANDLER ((__sighandler_t)0x401000)

/* What each case changes in current, put back by signal_test_exit(). */
struct signal_test_saved {
	struct k_sigaction action[_NSIG];
	sigset_t blocked;
	struct rlimit sigpending;
};

static int signal_test_init(struct ktest *test)
{
	struct signal_test_saved *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	spin_lock_irq(&current->sighand->siglock);
	memcpy(s->action, current->sighand->action, sizeof(s->action));
	s->blocked = current->blocked;
	s->sigpending = current->signal->rlim[RLIMIT_SIGPENDING];
	spin_unlock_irq(&current->sighand->siglock);
	test->priv = s;
	return 0;
}

static void signal_test_exit(struct ktest *test)
{
	struct signal_test_saved *s = test->priv;

	flush_signals(current);
	spin_lock_irq(&current->sighand->siglock);
	memcpy(current->sighand->action, s->action, sizeof(s->action));
	current->blocked = s->blocked;
	current->signal->rlim[RLIMIT_SIGPENDING] = s->sigpending;
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
	kfree(s);
}

static void set_handler(int sig, __sighandler_t handler, unsigned long flags)
{
	struct k_sigaction ka = { .sa = { .sa_handler = handler,
					  .sa_flags = flags } };

	do_sigaction(sig, &ka, NULL);
}

static int send_info(int sig, int code, int pid, int val, struct task_struct *t,
		     enum pid_type type)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = code;
	info.si_pid = pid;
	info.si_int = val;
	return do_send_sig_info(sig, &info, t, type);
}

static int dequeue(kernel_siginfo_t *info)
{
	enum pid_type type;
	int sig;

	spin_lock_irq(&current->sighand->siglock);
	sig = dequeue_signal(current, &current->blocked, info, &type);
	spin_unlock_irq(&current->sighand->siglock);
	return sig;
}

/* Dequeue whatever is pending, blocked or not. */
static int dequeue_any(kernel_siginfo_t *info)
{
	sigset_t none = { { 0 } };
	enum pid_type type;
	int sig;

	spin_lock_irq(&current->sighand->siglock);
	sig = dequeue_signal(current, &none, info, &type);
	spin_unlock_irq(&current->sighand->siglock);
	return sig;
}

static bool pending_in(const struct sigpending *p, int sig)
{
	return sigismember(&p->signal, sig);
}

static void signal_test_siginfo_layout(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, sizeof(siginfo_t), 128);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_code), 8);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_pid), 16);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_uid), 20);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_status), 24);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_utime), 32);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_stime), 40);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_value), 24);
	KTEST_EXPECT_EQ(test, offsetof(siginfo_t, si_addr), 16);
	KTEST_EXPECT_EQ(test, sizeof(struct sigaction), 32);
}

static void signal_test_standard_signals_coalesce(struct ktest *test)
{
	kernel_siginfo_t info;

	set_handler(SIGUSR1, FAKE_HANDLER, 0);
	KTEST_EXPECT_EQ(
		test,
		send_info(SIGUSR1, SI_QUEUE, 111, 1, current, PIDTYPE_PID), 0);
	KTEST_EXPECT_EQ(
		test,
		send_info(SIGUSR1, SI_QUEUE, 222, 2, current, PIDTYPE_PID), 0);
	KTEST_EXPECT_TRUE(test, signal_pending(current));
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGUSR1);
	KTEST_EXPECT_EQ(test, info.si_pid, 111); /* the first one stays */
	KTEST_EXPECT_EQ(test, dequeue(&info), 0);
	KTEST_EXPECT_FALSE(test, signal_pending(current));
}

static void signal_test_rt_signals_queue_in_order(struct ktest *test)
{
	kernel_siginfo_t info;
	int i;

	set_handler(SIGRTMIN + 1, FAKE_HANDLER, SA_SIGINFO);
	for (i = 1; i <= 3; i++)
		KTEST_EXPECT_EQ(test,
				send_info(SIGRTMIN + 1, SI_QUEUE, 7, i, current,
					  PIDTYPE_TGID),
				0);
	for (i = 1; i <= 3; i++) {
		KTEST_EXPECT_EQ(test, dequeue(&info), SIGRTMIN + 1);
		KTEST_EXPECT_EQ(test, info.si_int, i);
		KTEST_EXPECT_EQ(test, info.si_code, SI_QUEUE);
	}
	KTEST_EXPECT_EQ(test, dequeue(&info), 0);
}

static void signal_test_synchronous_then_lowest_first(struct ktest *test)
{
	kernel_siginfo_t info;

	set_handler(SIGUSR2, FAKE_HANDLER, 0);
	set_handler(SIGINT, FAKE_HANDLER, 0);
	set_handler(SIGSEGV, FAKE_HANDLER, 0);
	send_sig(SIGUSR2, current, 1);
	send_sig(SIGINT, current, 1);
	force_sig_fault(SIGSEGV, SEGV_MAPERR, (void __user *)0x1234);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGSEGV);
	KTEST_EXPECT_EQ(test, info.si_code, SEGV_MAPERR);
	KTEST_EXPECT_PTR_EQ(test, info.si_addr, (void *)0x1234);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGINT);
	KTEST_EXPECT_EQ(test, info.si_code, SI_KERNEL);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGUSR2);
	KTEST_EXPECT_EQ(test, dequeue(&info), 0);
}

static void signal_test_blocked_stays_pending(struct ktest *test)
{
	kernel_siginfo_t info;
	sigset_t set;

	set_handler(SIGUSR1, FAKE_HANDLER, 0);
	siginitset(&set, sigmask(SIGUSR1) | sigmask(SIGKILL));
	set_current_blocked(&set);
	KTEST_EXPECT_FALSE(test, sigismember(&current->blocked, SIGKILL));
	send_sig(SIGUSR1, current, 1);
	KTEST_EXPECT_FALSE(test, signal_pending(current));
	KTEST_EXPECT_TRUE(test, pending_in(&current->signal->shared_pending,
					   SIGUSR1));
	KTEST_EXPECT_EQ(test, dequeue(&info), 0);
	siginitset(&set, sigmask(SIGUSR1));
	KTEST_EXPECT_EQ(test, sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	KTEST_EXPECT_TRUE(test, signal_pending(current));
	KTEST_EXPECT_EQ(test, sigprocmask(42, &set, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGUSR1);
}

static void signal_test_ignored_signals_are_dropped(struct ktest *test)
{
	sigset_t set;

	set_handler(SIGUSR1, SIG_IGN, 0);
	send_sig(SIGUSR1, current, 1);
	KTEST_EXPECT_FALSE(test, pending_in(&current->signal->shared_pending,
					    SIGUSR1));
	set_handler(SIGCHLD, SIG_DFL, 0); /* default: ignore */
	send_sig(SIGCHLD, current, 1);
	KTEST_EXPECT_FALSE(test, pending_in(&current->signal->shared_pending,
					    SIGCHLD));

	/* A blocked signal is kept, until its handler becomes SIG_IGN. */
	siginitset(&set, sigmask(SIGUSR2));
	set_current_blocked(&set);
	set_handler(SIGUSR2, SIG_DFL, 0);
	send_sig(SIGUSR2, current, 1);
	KTEST_EXPECT_TRUE(test, pending_in(&current->signal->shared_pending,
					   SIGUSR2));
	set_handler(SIGUSR2, SIG_IGN, 0);
	KTEST_EXPECT_FALSE(test, pending_in(&current->signal->shared_pending,
					    SIGUSR2));
}

static void signal_test_sigaction_rules(struct ktest *test)
{
	struct k_sigaction act = { .sa = { .sa_handler = FAKE_HANDLER } };
	struct k_sigaction old;

	KTEST_EXPECT_EQ(test, do_sigaction(SIGKILL, &act, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sigaction(SIGSTOP, &act, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sigaction(0, &act, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sigaction(_NSIG + 1, &act, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sigaction(SIGKILL, NULL, &old), 0);
	KTEST_EXPECT_PTR_EQ(test, old.sa.sa_handler, SIG_DFL);

	/* Unknown flags are cleared; SIGKILL never enters sa_mask. */
	act.sa.sa_flags = SA_SIGINFO | SA_UNSUPPORTED | 0x100;
	siginitset(&act.sa.sa_mask, sigmask(SIGKILL) | sigmask(SIGINT));
	KTEST_EXPECT_EQ(test, do_sigaction(SIGUSR1, &act, NULL), 0);
	KTEST_EXPECT_EQ(test, do_sigaction(SIGUSR1, NULL, &old), 0);
	KTEST_EXPECT_EQ(test, old.sa.sa_flags, SA_SIGINFO);
	KTEST_EXPECT_EQ(test, old.sa.sa_mask.sig[0], sigmask(SIGINT));
	KTEST_EXPECT_PTR_EQ(test, old.sa.sa_handler, FAKE_HANDLER);
}

static void signal_test_resethand_and_get_signal(struct ktest *test)
{
	struct ksignal ksig;

	set_handler(SIGUSR1, FAKE_HANDLER, SA_RESETHAND | SA_SIGINFO);
	send_sig(SIGUSR1, current, 1);
	KTEST_ASSERT_TRUE(test, get_signal(&ksig));
	KTEST_EXPECT_EQ(test, ksig.sig, SIGUSR1);
	KTEST_EXPECT_PTR_EQ(test, ksig.ka.sa.sa_handler, FAKE_HANDLER);
	KTEST_EXPECT_PTR_EQ(test,
			    current->sighand->action[SIGUSR1 - 1].sa.sa_handler,
			    SIG_DFL);
	KTEST_EXPECT_FALSE(test, get_signal(&ksig));

	/* The handler's mask: sa_mask plus the signal unless SA_NODEFER. */
	ksig.sig = SIGUSR1;
	ksig.ka.sa.sa_flags = 0;
	siginitset(&ksig.ka.sa.sa_mask, sigmask(SIGINT));
	signal_setup_done(0, &ksig, 0);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0],
			sigmask(SIGINT) | sigmask(SIGUSR1));
}

static void signal_test_rt_queue_limit(struct ktest *test)
{
	struct user_struct *user = current_real_cred()->user;
	unsigned long limit = atomic_read(&user->sigpending) + 2;
	kernel_siginfo_t info;

	set_handler(SIGRTMIN, FAKE_HANDLER, SA_SIGINFO);
	spin_lock_irq(&current->sighand->siglock);
	current->signal->rlim[RLIMIT_SIGPENDING].rlim_cur = limit;
	spin_unlock_irq(&current->sighand->siglock);
	KTEST_EXPECT_EQ(
		test, send_info(SIGRTMIN, SI_QUEUE, 1, 1, current, PIDTYPE_PID),
		0);
	KTEST_EXPECT_EQ(
		test, send_info(SIGRTMIN, SI_QUEUE, 1, 2, current, PIDTYPE_PID),
		0);
	/* sigqueue() fails; kill() may exceed the limit, as in Linux. */
	KTEST_EXPECT_EQ(
		test, send_info(SIGRTMIN, SI_QUEUE, 1, 3, current, PIDTYPE_PID),
		-EAGAIN);
	KTEST_EXPECT_EQ(
		test, send_info(SIGRTMIN, SI_USER, 1, 4, current, PIDTYPE_PID),
		0);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGRTMIN);
	KTEST_EXPECT_EQ(test, info.si_int, 1);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGRTMIN);
	KTEST_EXPECT_EQ(test, info.si_int, 2);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGRTMIN);
	KTEST_EXPECT_EQ(test, info.si_code, SI_USER);
	KTEST_EXPECT_EQ(test, dequeue(&info), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&user->sigpending), limit - 2);
}

static void signal_test_init_ignores_default_signals(struct ktest *test)
{
	if (current->pid != 1 ||
	    !(current->signal->flags & SIGNAL_UNKILLABLE)) {
		ktest_skip(test, "not running as init");
		return;
	}
	set_handler(SIGTERM, SIG_DFL, 0);
	send_sig(SIGTERM, current, 0);
	send_sig(SIGKILL, current, 0); /* from user space: dropped */
	KTEST_EXPECT_FALSE(test, signal_pending(current));
	set_handler(SIGTERM, FAKE_HANDLER, 0);
	send_sig(SIGTERM, current, 0);
	KTEST_EXPECT_TRUE(test, signal_pending(current));
}

static void signal_test_stop_and_cont_cancel_each_other(struct ktest *test)
{
	struct sigpending *shared = &current->signal->shared_pending;
	sigset_t set;

	siginitset(&set, sigmask(SIGTSTP) | sigmask(SIGCONT));
	set_current_blocked(&set);
	send_sig(SIGTSTP, current, 1);
	KTEST_EXPECT_TRUE(test, pending_in(shared, SIGTSTP));
	send_sig(SIGCONT, current, 1);
	KTEST_EXPECT_FALSE(test, pending_in(shared, SIGTSTP));
	KTEST_EXPECT_TRUE(test, pending_in(shared, SIGCONT));
	send_sig(SIGTSTP, current, 1);
	KTEST_EXPECT_FALSE(test, pending_in(shared, SIGCONT));
}

/* --- kill permissions ------------------------------------------------ */

/* Become uid @uid without capabilities; returns the old cred to restore. */
static const struct cred *become_user(uid_t uid)
{
	const struct cred *old = get_cred(current_cred());
	struct cred *new = prepare_creds();

	new->uid = new->euid = new->suid = new->fsuid = uid;
	new->cap_effective = new->cap_permitted = CAP_EMPTY_SET;
	commit_creds(new);
	return old;
}

static void restore_creds(const struct cred *old)
{
	commit_creds((struct cred *)old);
}

static void signal_test_kill_permission(struct ktest *test)
{
	struct task_struct *t = current; /* target: uid 0 */
	const struct cred *old;
	pid_t sid = current->signal->session;

	KTEST_EXPECT_EQ(
		test, group_send_sig_info(0, SEND_SIG_NOINFO, t, PIDTYPE_TGID),
		0);
	/* Same thread group: always allowed. */
	old = become_user(1000);
	KTEST_EXPECT_EQ(
		test, group_send_sig_info(0, SEND_SIG_NOINFO, t, PIDTYPE_TGID),
		0);
	restore_creds(old);

	/* Another process: kthreadd, uid 0, is out of reach of uid 1000. */
	t = find_get_task_by_pid(2);
	KTEST_ASSERT_NOT_NULL(test, t);
	old = become_user(1000);
	KTEST_EXPECT_EQ(test,
			group_send_sig_info(SIGUSR1, SEND_SIG_NOINFO, t,
					    PIDTYPE_TGID),
			-EPERM);
	/* SIGCONT is allowed within the session. */
	KTEST_EXPECT_EQ(test,
			group_send_sig_info(SIGCONT, SEND_SIG_NOINFO, t,
					    PIDTYPE_TGID),
			task_session_nr(t) == sid ? 0 : -EPERM);
	/* The kernel needs no permission. */
	KTEST_EXPECT_EQ(test,
			group_send_sig_info(0, SEND_SIG_PRIV, t, PIDTYPE_TGID),
			0);
	KTEST_EXPECT_EQ(test,
			group_send_sig_info(_NSIG + 1, SEND_SIG_PRIV, t,
					    PIDTYPE_TGID),
			-EINVAL);
	restore_creds(old);
	put_task_struct(t);
	KTEST_EXPECT_EQ(test, current_uid(), 0);
}

/* --- thread groups ---------------------------------------------------- */

/*
 * A thread group of kernel threads that behave like user threads
 * returning to user mode: take signals with get_signal(), count what
 * they get, and stop or die as the default actions say.
 */
struct sig_group {
	struct task_struct *thread[2];
	atomic_t started;
	atomic_t got[2][_NSIG + 1];
	bool block_usr1[2];
	bool quit;
	int killable_ret; /* of thread 1's killable sleep, when asked */
	bool sleep_killable;
	bool saw_fatal;
	wait_queue_head_t wq;
};

static void sig_group_loop(struct sig_group *g, int idx)
{
	struct ksignal ksig;

	while (!READ_ONCE(g->quit)) {
		if (idx == 1 && READ_ONCE(g->sleep_killable)) {
			g->killable_ret =
				wait_event_killable(g->wq, READ_ONCE(g->quit));
			g->saw_fatal = fatal_signal_pending(current);
			WRITE_ONCE(g->sleep_killable, false);
		}
		if (signal_pending(current) && get_signal(&ksig))
			atomic_inc(&g->got[idx][ksig.sig]);
		schedule_timeout_interruptible(1);
	}
}

static void sig_group_setup_self(struct sig_group *g, int idx)
{
	sigset_t set;
	int i;

	sigemptyset(&set);
	if (g->block_usr1[idx])
		sigaddset(&set, SIGUSR1);
	set_current_blocked(&set);
	g->thread[idx] = current;
	get_task_struct(current);
	/* kthreadd's SIG_IGN everywhere: back to defaults, USR* caught. */
	if (idx == 0) {
		for (i = 1; i <= _NSIG; i++) {
			if (sig_kernel_only(i))
				continue;
			set_handler(i, SIG_DFL, 0);
		}
		set_handler(SIGUSR1, FAKE_HANDLER, 0);
		set_handler(SIGUSR2, FAKE_HANDLER, 0);
	}
	atomic_inc(&g->started);
}

static int sig_group_thread(void *arg)
{
	struct sig_group *g = arg;

	sig_group_setup_self(g, 1);
	sig_group_loop(g, 1);
	return 0;
}

static int sig_group_leader(void *arg)
{
	struct sig_group *g = arg;

	sig_group_setup_self(g, 0);
	if (kernel_thread(sig_group_thread, g, CLONE_THREAD | CLONE_SIGHAND) <
	    0)
		atomic_inc(&g->started); /* the test sees thread[1] NULL */
	sig_group_loop(g, 0);
	return 0;
}

static bool wait_until(bool (*cond)(void *), void *arg)
{
	int i;

	for (i = 0; i < 1000; i++) {
		if (cond(arg))
			return true;
		schedule_timeout_uninterruptible(1);
	}
	return false;
}

static bool group_started(void *arg)
{
	return atomic_read(&((struct sig_group *)arg)->started) == 2;
}

static bool group_exited(void *arg)
{
	struct sig_group *g = arg;

	return READ_ONCE(g->thread[0]->exit_state) &&
	       READ_ONCE(g->thread[1]->exit_state) &&
	       !READ_ONCE(g->thread[0]->on_cpu) &&
	       !READ_ONCE(g->thread[1]->on_cpu);
}

static bool group_stopped(void *arg)
{
	struct sig_group *g = arg;

	return (g->thread[0]->signal->flags & SIGNAL_STOP_STOPPED) &&
	       READ_ONCE(g->thread[0]->__state) == TASK_STOPPED &&
	       READ_ONCE(g->thread[1]->__state) == TASK_STOPPED;
}

static bool group_running(void *arg)
{
	struct sig_group *g = arg;

	return READ_ONCE(g->thread[0]->__state) != TASK_STOPPED &&
	       READ_ONCE(g->thread[1]->__state) != TASK_STOPPED;
}

static struct sig_group *sig_group_start(struct ktest *test)
{
	struct sig_group *g = kzalloc(sizeof(*g), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, g);
	init_waitqueue_head(&g->wq);
	g->block_usr1[0] = true;
	if (kernel_thread(sig_group_leader, g, 0) < 0) {
		kfree(g);
		KTEST_ASSERT_TRUE(test, !"kernel_thread failed");
	}
	if (!wait_until(group_started, g) || !g->thread[1]) {
		KTEST_EXPECT_TRUE(test, !"thread group did not start");
		WRITE_ONCE(g->quit, true);
		return NULL;
	}
	return g;
}

/* End the group (SIGKILL if @kill, else let the threads return). */
static void sig_group_end(struct ktest *test, struct sig_group *g, bool kill)
{
	if (kill)
		KTEST_EXPECT_EQ(test, kill_pid(g->thread[0]->tgid, SIGKILL, 1),
				0);
	else
		WRITE_ONCE(g->quit, true);
	KTEST_EXPECT_TRUE(test, wait_until(group_exited, g));
	if (kill) {
		KTEST_EXPECT_EQ(test, g->thread[0]->exit_code, SIGKILL);
		KTEST_EXPECT_EQ(test, g->thread[1]->exit_code, SIGKILL);
	}
	put_task_struct(g->thread[0]);
	put_task_struct(g->thread[1]);
	kfree(g);
}

static void
signal_test_group_signal_goes_to_unblocking_thread(struct ktest *test)
{
	struct sig_group *g = sig_group_start(test);
	int i;

	if (!g)
		return;
	KTEST_EXPECT_EQ(test, g->thread[0]->signal->nr_threads, 2);
	KTEST_EXPECT_EQ(test, g->thread[1]->tgid, g->thread[0]->tgid);
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_EQ(test, kill_pid(g->thread[0]->pid, SIGUSR1, 0),
				0);
		schedule_timeout_uninterruptible(2);
	}
	/* The leader blocks SIGUSR1: only thread 1 may take it. */
	KTEST_EXPECT_EQ(test, atomic_read(&g->got[0][SIGUSR1]), 0);
	KTEST_EXPECT_GE(test, atomic_read(&g->got[1][SIGUSR1]), 1);
	sig_group_end(test, g, false);
}

static void signal_test_sigkill_kills_whole_group(struct ktest *test)
{
	struct sig_group *g = sig_group_start(test);

	if (g)
		sig_group_end(test, g, true);
}

static void signal_test_sigkill_ends_killable_sleep(struct ktest *test)
{
	struct sig_group *g = sig_group_start(test);

	if (!g)
		return;
	WRITE_ONCE(g->sleep_killable, true);
	schedule_timeout_uninterruptible(3);
	/* A plain signal does not end a killable sleep. */
	kill_pid(g->thread[0]->tgid, SIGUSR2, 1);
	schedule_timeout_uninterruptible(3);
	KTEST_EXPECT_TRUE(test, READ_ONCE(g->sleep_killable));
	sig_group_end(test, g, true);
}

/*
 * The killable sleeper's results live in @g, which sig_group_end()
 * frees; check them in a variant that keeps @g.
 */
static void signal_test_sigkill_wakes_killable_sleeper(struct ktest *test)
{
	struct sig_group *g = sig_group_start(test);
	int ret;
	bool fatal;

	if (!g)
		return;
	WRITE_ONCE(g->sleep_killable, true);
	schedule_timeout_uninterruptible(3);
	KTEST_EXPECT_EQ(test, kill_pid(g->thread[0]->tgid, SIGKILL, 1), 0);
	KTEST_EXPECT_TRUE(test, wait_until(group_exited, g));
	ret = g->killable_ret;
	fatal = g->saw_fatal;
	KTEST_EXPECT_EQ(test, ret, -ERESTARTSYS);
	KTEST_EXPECT_TRUE(test, fatal);
	put_task_struct(g->thread[0]);
	put_task_struct(g->thread[1]);
	kfree(g);
}

static void signal_test_job_control_stop_continue(struct ktest *test)
{
	struct sig_group *g;
	kernel_siginfo_t info;
	pid_t tgid;
	sigset_t set;

	/* Become a parent that hears SIGCHLD (but keep it blocked). */
	set_handler(SIGCHLD, FAKE_HANDLER, SA_SIGINFO);
	siginitset(&set, sigmask(SIGCHLD));
	set_current_blocked(&set);
	g = sig_group_start(test);
	if (!g)
		return;
	tgid = g->thread[0]->tgid;

	KTEST_EXPECT_EQ(test, kill_pid(tgid, SIGSTOP, 1), 0);
	KTEST_EXPECT_TRUE(test, wait_until(group_stopped, g));
	KTEST_EXPECT_EQ(test, g->thread[0]->signal->group_stop_count, 0);
	KTEST_EXPECT_EQ(test, g->thread[0]->signal->group_exit_code, SIGSTOP);
	KTEST_EXPECT_EQ(test, dequeue_any(&info), SIGCHLD);
	KTEST_EXPECT_EQ(test, info.si_code, CLD_STOPPED);
	KTEST_EXPECT_EQ(test, info.si_status, SIGSTOP);
	KTEST_EXPECT_EQ(test, info.si_pid, tgid);

	/* Stopped threads take no signals but SIGKILL and SIGCONT. */
	kill_pid(tgid, SIGUSR2, 1);
	schedule_timeout_uninterruptible(3);
	KTEST_EXPECT_TRUE(test, group_stopped(g));

	KTEST_EXPECT_EQ(test, kill_pid(tgid, SIGCONT, 1), 0);
	KTEST_EXPECT_TRUE(test, wait_until(group_running, g));
	schedule_timeout_uninterruptible(3);
	KTEST_EXPECT_EQ(test, dequeue_any(&info), SIGCHLD);
	KTEST_EXPECT_EQ(test, info.si_code, CLD_CONTINUED);
	KTEST_EXPECT_EQ(test, info.si_status, SIGCONT);
	KTEST_EXPECT_TRUE(test,
			  g->thread[0]->signal->flags & SIGNAL_STOP_CONTINUED);
	/* The SIGUSR2 sent while stopped is delivered now. */
	KTEST_EXPECT_EQ(test,
			atomic_read(&g->got[0][SIGUSR2]) +
				atomic_read(&g->got[1][SIGUSR2]),
			1);
	sig_group_end(test, g, true);
}

static struct ktest_case signal_test_cases[] = {
	KTEST_CASE(signal_test_siginfo_layout),
	KTEST_CASE(signal_test_standard_signals_coalesce),
	KTEST_CASE(signal_test_rt_signals_queue_in_order),
	KTEST_CASE(signal_test_synchronous_then_lowest_first),
	KTEST_CASE(signal_test_blocked_stays_pending),
	KTEST_CASE(signal_test_ignored_signals_are_dropped),
	KTEST_CASE(signal_test_sigaction_rules),
	KTEST_CASE(signal_test_resethand_and_get_signal),
	KTEST_CASE(signal_test_rt_queue_limit),
	KTEST_CASE(signal_test_init_ignores_default_signals),
	KTEST_CASE(signal_test_stop_and_cont_cancel_each_other),
	KTEST_CASE(signal_test_kill_permission),
	KTEST_CASE(signal_test_group_signal_goes_to_unblocking_thread),
	KTEST_CASE(signal_test_sigkill_kills_whole_group),
	KTEST_CASE(signal_test_sigkill_ends_killable_sleep),
	KTEST_CASE(signal_test_sigkill_wakes_killable_sleeper),
	KTEST_CASE(signal_test_job_control_stop_continue),
	{}
};

static struct ktest_suite signal_test_suite = {
	.name = "signal",
	.init = signal_test_init,
	.exit = signal_test_exit,
	.test_cases = signal_test_cases,
};
ktest_suite(signal_test_suite);

/* --- the syscalls, with arguments on test user pages ------------------ */

KTEST_DECLARE_SYSCALL(rt_sigaction);
KTEST_DECLARE_SYSCALL(rt_sigprocmask);
KTEST_DECLARE_SYSCALL(rt_sigpending);
KTEST_DECLARE_SYSCALL(rt_sigsuspend);
KTEST_DECLARE_SYSCALL(rt_sigtimedwait);
KTEST_DECLARE_SYSCALL(rt_sigqueueinfo);
KTEST_DECLARE_SYSCALL(kill);
KTEST_DECLARE_SYSCALL(tkill);
KTEST_DECLARE_SYSCALL(tgkill);
KTEST_DECLARE_SYSCALL(sigaltstack);
KTEST_DECLARE_SYSCALL(pause);

static void sigsys_test_exit(struct ktest *test)
{
	ktest_user_unmap(test);
	current->restore_sigmask = false;
	signal_test_exit(test);
}

static void sigsys_test_sigaction_and_mask(struct ktest *test)
{
	struct sigaction __user *u = ktest_user_map(test, 1);
	struct sigaction *k = ktest_user_kaddr(u);
	sigset_t __user *us = (void __user *)(u + 2);
	sigset_t *ks = ktest_user_kaddr(us);

	k[0] = (struct sigaction){ .sa_handler = FAKE_HANDLER,
				   .sa_flags = SA_RESTORER | SA_SIGINFO };
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigaction, SIGUSR1, u, u + 1, 4),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigaction, SIGKILL, u, NULL, 8),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigaction, 0, NULL, u + 1, 8),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigaction, SIGUSR1, 0x1000, NULL, 8),
			-EFAULT);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigaction, SIGUSR1, u, NULL, 8),
			0);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(rt_sigaction, SIGUSR1, NULL, u + 1, 8), 0);
	KTEST_EXPECT_PTR_EQ(test, k[1].sa_handler, FAKE_HANDLER);
	KTEST_EXPECT_EQ(test, k[1].sa_flags, SA_RESTORER | SA_SIGINFO);

	siginitset(&ks[0],
		   sigmask(SIGUSR1) | sigmask(SIGKILL) | sigmask(SIGSTOP));
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigprocmask, SIG_BLOCK, us, us + 1, 4),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigprocmask, 7, us, us + 1, 8),
			-EINVAL);
	KTEST_EXPECT_EQ(
		test, KTEST_SYSCALL(rt_sigprocmask, SIG_BLOCK, 0x1000, NULL, 8),
		-EFAULT);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigprocmask, SIG_BLOCK, us, us + 1, 8),
			0);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_EQ(
		test,
		KTEST_SYSCALL(rt_sigprocmask, SIG_SETMASK, NULL, us + 1, 8), 0);
	KTEST_EXPECT_EQ(test, ks[1].sig[0], sigmask(SIGUSR1));

	/* Pending but blocked shows in rt_sigpending. */
	send_sig(SIGUSR1, current, 1);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigpending, us + 2, 16, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigpending, us + 2, 8, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ks[2].sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigpending, 0x1000, 8, 0, 0),
			-EFAULT);
}

static void sigsys_test_kill_family(struct ktest *test)
{
	siginfo_t __user *u = ktest_user_map(test, 1);
	siginfo_t *k = ktest_user_kaddr(u);
	kernel_siginfo_t info;

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(kill, 1, 65, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(kill, INT_MIN, SIGUSR1, 0, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(kill, 99999, 0, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(kill, -99999, SIGUSR1, 0, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(kill, current->tgid, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(tkill, 0, SIGUSR1, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(tgkill, 0, 1, SIGUSR1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(tgkill, 2, current->pid, 0, 0),
			-ESRCH); /* not that process's thread */

	/* tkill: SI_TKILL with our ids, to the thread. */
	set_handler(SIGUSR2, FAKE_HANDLER, SA_SIGINFO);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(tkill, current->pid, SIGUSR2, 0, 0),
			0);
	KTEST_EXPECT_TRUE(test, pending_in(&current->pending, SIGUSR2));
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGUSR2);
	KTEST_EXPECT_EQ(test, info.si_code, SI_TKILL);
	KTEST_EXPECT_EQ(test, info.si_pid, current->tgid);

	/* sigqueue may not forge kernel codes for another process. */
	memset(k, 0, sizeof(*k));
	k->si_code = SI_USER;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigqueueinfo, 2, SIGUSR2, u, 0),
			-EPERM);
	k->si_code = SI_QUEUE;
	k->si_int = 77;
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigqueueinfo, current->tgid, SIGUSR2,
				      u, 0),
			0);
	KTEST_EXPECT_EQ(test, dequeue(&info), SIGUSR2);
	KTEST_EXPECT_EQ(test, info.si_int, 77);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigqueueinfo, current->tgid, SIGUSR2,
				      0x1000, 0),
			-EFAULT);
}

static void sigsys_test_sigtimedwait(struct ktest *test)
{
	void __user *u = ktest_user_map(test, 1);
	sigset_t *ks = ktest_user_kaddr(u);
	siginfo_t *ki = ktest_user_kaddr(u + 64);
	struct __kernel_timespec *kt = ktest_user_kaddr(u + 256);
	ktime_t start;
	sigset_t set;

	siginitset(&set, sigmask(SIGUSR2));
	set_current_blocked(&set);
	*ks = set;
	*kt = (struct __kernel_timespec){ 0, 0 };
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, u, u + 64, u + 256, 8),
			-EAGAIN);
	kt->tv_nsec = 10 * NSEC_PER_MSEC;
	start = ktime_get();
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, u, u + 64, u + 256, 8),
			-EAGAIN);
	KTEST_EXPECT_GE(test, ktime_get() - start, 10 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], sigmask(SIGUSR2));

	send_sig(SIGUSR2, current, 1);
	memset(ki, 0xaa, sizeof(*ki));
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, u, u + 64, u + 256, 8),
			SIGUSR2);
	KTEST_EXPECT_EQ(test, ki->si_signo, SIGUSR2);
	KTEST_EXPECT_EQ(test, ki->si_code, SI_KERNEL);
	KTEST_EXPECT_EQ(test, ki->_si_pad[31], 0); /* tail zeroed */

	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, u, u + 64, u + 256, 4),
			-EINVAL);
	kt->tv_nsec = -1;
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, u, u + 64, u + 256, 8),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			KTEST_SYSCALL(rt_sigtimedwait, 0x1000, NULL, NULL, 8),
			-EFAULT);
}

static void sigsys_test_sigsuspend_and_pause(struct ktest *test)
{
	sigset_t __user *u = ktest_user_map(test, 1);
	sigset_t *k = ktest_user_kaddr(u);
	sigset_t set;

	set_handler(SIGUSR1, FAKE_HANDLER, 0);
	siginitset(&set, sigmask(SIGUSR1));
	set_current_blocked(&set);
	send_sig(SIGUSR1, current, 1);
	KTEST_EXPECT_FALSE(test, signal_pending(current));
	sigemptyset(k);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigsuspend, u, 4, 0, 0),
			-EINVAL);
	/* The pending signal ends the wait at once; the old mask is kept. */
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(rt_sigsuspend, u, 8, 0, 0),
			-ERESTARTNOHAND);
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], 0);
	KTEST_EXPECT_TRUE(test, current->restore_sigmask);
	KTEST_EXPECT_EQ(test, current->saved_sigmask.sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(pause, 0, 0, 0, 0),
			-ERESTARTNOHAND);
	restore_saved_sigmask();
	KTEST_EXPECT_EQ(test, current->blocked.sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_FALSE(test, current->restore_sigmask);
}

static void sigsys_test_sigaltstack(struct ktest *test)
{
	stack_t __user *u = ktest_user_map(test, 1);
	stack_t *k = ktest_user_kaddr(u);

	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sigaltstack, NULL, u + 1, 0, 0), 0);
	KTEST_EXPECT_EQ(test, k[1].ss_flags, SS_DISABLE);
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sigaltstack, 0x1000, NULL, 0, 0),
			-EFAULT);
	k[0] = (stack_t){ .ss_sp = (void __user *)0x20000000,
			  .ss_size = 8192,
			  .ss_flags = 5 };
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sigaltstack, u, NULL, 0, 0),
			-EINVAL);
	k[0].ss_flags = 0;
	k[0].ss_size = 100;
	KTEST_EXPECT_EQ(test, KTEST_SYSCALL(sigaltstack, u, NULL, 0, 0),
			-ENOMEM);
}

static struct ktest_case sigsys_test_cases[] = {
	KTEST_CASE(sigsys_test_sigaction_and_mask),
	KTEST_CASE(sigsys_test_kill_family),
	KTEST_CASE(sigsys_test_sigtimedwait),
	KTEST_CASE(sigsys_test_sigsuspend_and_pause),
	KTEST_CASE(sigsys_test_sigaltstack),
	{}
};

static struct ktest_suite sigsys_test_suite = {
	.name = "signal_syscalls",
	.init = signal_test_init,
	.exit = sigsys_test_exit,
	.test_cases = sigsys_test_cases,
};
ktest_suite(sigsys_test_suite);
