/*
 * Interval timers: setitimer/getitimer and alarm.
 *
 * ITIMER_REAL counts wall-clock (monotonic) time on an hrtimer in the
 * process's signal_struct; each expiry sends SIGALRM to the process and
 * re-arms the timer if it has an interval.  ITIMER_VIRTUAL and
 * ITIMER_PROF (process CPU time) are not implemented: -EINVAL, logged
 * once.
 */
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>

#include "../signal_internal.h"

/*
 * ITIMER_REAL expired (hardirq context): SIGALRM to the thread group,
 * and again after it_real_incr if it is periodic.
 */
enum hrtimer_restart it_real_fn(struct hrtimer *timer)
{
	struct signal_struct *sig =
		container_of(timer, struct signal_struct, real_timer);

	kill_pid_info(SIGALRM, SEND_SIG_PRIV, sig->leader_pid);
	if (!sig->it_real_incr)
		return HRTIMER_NORESTART;
	hrtimer_forward_now(timer, sig->it_real_incr);
	return HRTIMER_RESTART;
}

static struct timeval ktime_to_timeval(ktime_t kt)
{
	struct timespec64 ts = ns_to_timespec64(kt);

	return (struct timeval){ .tv_sec = ts.tv_sec,
				 .tv_usec = ts.tv_nsec / NSEC_PER_USEC };
}

static bool timeval_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < USEC_PER_SEC;
}

static ktime_t timeval_to_ktime(const struct timeval *tv)
{
	return ktime_set(tv->tv_sec, tv->tv_usec * NSEC_PER_USEC);
}

/* ITIMER_REAL as seen now; siglock held. */
static void get_real_timer(struct signal_struct *sig, struct itimerval *value)
{
	ktime_t rem = 0;

	if (hrtimer_active(&sig->real_timer)) {
		rem = hrtimer_get_remaining(&sig->real_timer);
		if (rem <= 0) /* about to fire: report the least, as Linux */
			rem = NSEC_PER_USEC;
	}
	value->it_value = ktime_to_timeval(rem);
	value->it_interval = ktime_to_timeval(sig->it_real_incr);
}

static int itimer_unsupported(int which)
{
	if (which == ITIMER_VIRTUAL || which == ITIMER_PROF)
		pr_info_once(
			"linnet: ITIMER_VIRTUAL/ITIMER_PROF are not supported\n");
	return -EINVAL;
}

/**
 * do_getitimer - the timer @which of current's process.
 *
 * Returns 0 or -EINVAL.
 */
int do_getitimer(int which, struct itimerval *value)
{
	struct sighand_struct *sighand = current->sighand;

	if (which != ITIMER_REAL)
		return itimer_unsupported(which);
	spin_lock_irq(&sighand->siglock);
	get_real_timer(current->signal, value);
	spin_unlock_irq(&sighand->siglock);
	return 0;
}

/**
 * do_setitimer - arm or disarm the timer @which of current's process.
 * @value: the new value (it_value 0 disarms)
 * @ovalue: receives the old one, or NULL
 *
 * Process context.  Returns 0 or -EINVAL.
 */
int do_setitimer(int which, struct itimerval *value, struct itimerval *ovalue)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *sig = current->signal;
	struct hrtimer *timer = &sig->real_timer;
	ktime_t expires;

	if (which != ITIMER_REAL)
		return itimer_unsupported(which);
	if (!timeval_valid(&value->it_value) ||
	    !timeval_valid(&value->it_interval))
		return -EINVAL;
again:
	spin_lock_irq(&sighand->siglock);
	if (ovalue)
		get_real_timer(sig, ovalue);
	/* The callback takes no lock of ours, but may be running. */
	if (hrtimer_try_to_cancel(timer) < 0) {
		spin_unlock_irq(&sighand->siglock);
		hrtimer_cancel(timer);
		goto again;
	}
	expires = timeval_to_ktime(&value->it_value);
	if (expires) {
		sig->it_real_incr = timeval_to_ktime(&value->it_interval);
		hrtimer_start(timer, expires, HRTIMER_MODE_REL);
	} else {
		sig->it_real_incr = 0;
	}
	spin_unlock_irq(&sighand->siglock);
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval __user *, value)
{
	struct itimerval get;
	int ret = do_getitimer(which, &get);

	if (!ret && copy_to_user(value, &get, sizeof(get)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE3(setitimer, int, which, struct itimerval __user *, value,
		struct itimerval __user *, ovalue)
{
	struct itimerval set, get;
	int ret;

	/* As Linux: a NULL new value disarms (with a warning there). */
	if (value) {
		if (copy_from_user(&set, value, sizeof(set)))
			return -EFAULT;
	} else {
		memset(&set, 0, sizeof(set));
	}
	ret = do_setitimer(which, &set, ovalue ? &get : NULL);
	if (!ret && ovalue && copy_to_user(ovalue, &get, sizeof(get)))
		ret = -EFAULT;
	return ret;
}

/**
 * alarm_setitimer - alarm(2): SIGALRM in @seconds, 0 cancels.
 *
 * Returns the seconds left of the previous alarm, rounded to nearest
 * and at least 1 if one was pending.
 */
static unsigned int alarm_setitimer(unsigned int seconds)
{
	struct itimerval it_new = { 0 }, it_old;

	it_new.it_value.tv_sec = seconds;
	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	if ((!it_old.it_value.tv_sec && it_old.it_value.tv_usec) ||
	    it_old.it_value.tv_usec >= 500000)
		it_old.it_value.tv_sec++;
	return it_old.it_value.tv_sec;
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	return alarm_setitimer(seconds);
}
