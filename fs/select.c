/*
 * poll(2), ppoll(2), select(2) and pselect6(2).
 *
 * All four ask each file's ->poll for its ready events with a
 * poll_table whose callback (__pollwait) hangs an entry on every wait
 * queue the file names.  If nothing is ready the task sleeps until one
 * of those queues is woken with an interesting event (pollwake), the
 * timeout passes or a signal comes, and then asks every file again;
 * once something is ready the callback is switched off (_qproc = NULL)
 * so the second pass only collects.  poll_freewait() takes every entry
 * off its queue and drops the file references before returning.
 *
 *	task ──> poll_wqueues ──> entry[file A, A->rd_wait] ──┐
 *	                          entry[file B, B->wr_wait] ──┼─> pollwake()
 *	                          (more in poll_table_page) ──┘   wakes task
 *
 * Timeouts are absolute CLOCK_MONOTONIC times (end_time) slept on with
 * an hrtimer.  A signal ends the wait with -ERESTARTNOHAND (restart if
 * no handler runs); poll(2) with a timeout restarts through the
 * restart block so the time already waited is not waited again.
 * select/pselect6/ppoll write the time left back to the user (Linux's
 * x86_64 behaviour), and turn a restart into EINTR if they cannot.
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/poll.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/mm.h>
#include <uapi/linux/time_types.h>

#define __FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[__FD_SETSIZE / (8 * sizeof(long))];
} fd_set;

struct poll_table_entry {
	struct file *filp;
	__poll_t key;
	struct wait_queue_entry wait;
	wait_queue_head_t *wait_address;
};

/* Entries past the inline ones, a page at a time. */
struct poll_table_page {
	struct poll_table_page *next;
	struct poll_table_entry *entry; /* the next free one */
	struct poll_table_entry entries[];
};

#define POLL_TABLE_FULL(table)                 \
	((unsigned long)((table)->entry + 1) > \
	 PAGE_SIZE + (unsigned long)(table))

#define N_INLINE_POLL_ENTRIES 18

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	int triggered; /* a wake-up came since the last look */
	int error; /* -ENOMEM from __pollwait */
	int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

enum poll_time_type {
	PT_TIMEVAL = 0,
	PT_OLD_TIMEVAL = 1,
	PT_TIMESPEC = 2,
	PT_OLD_TIMESPEC = 3,
};

static int get_timespec64(struct timespec64 *ts,
			  const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	return 0;
}

static int put_timespec64(const struct timespec64 *ts,
			  struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec,
					 .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

/* @a + @b, saturating at TIME64_MAX instead of overflowing. */
static struct timespec64 timespec64_add_safe(struct timespec64 a,
					     struct timespec64 b)
{
	struct timespec64 res;

	res.tv_sec = a.tv_sec + b.tv_sec;
	res.tv_nsec = a.tv_nsec + b.tv_nsec;
	if (res.tv_nsec >= NSEC_PER_SEC) {
		res.tv_sec++;
		res.tv_nsec -= NSEC_PER_SEC;
	}
	if (res.tv_sec < a.tv_sec || res.tv_sec < b.tv_sec) {
		res.tv_sec = TIME64_MAX;
		res.tv_nsec = 0;
	}
	return res;
}

/**
 * poll_select_set_timeout - turn a relative timeout into an end time.
 * @to: receives the absolute CLOCK_MONOTONIC end (0,0 for "don't wait")
 * @sec: seconds
 * @nsec: nanoseconds
 *
 * Returns 0, or -EINVAL for a negative or non-normalised time.
 */
int poll_select_set_timeout(struct timespec64 *to, s64 sec, long nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };

	if (!timespec64_valid(&ts))
		return -EINVAL;
	if (!sec && !nsec) {
		to->tv_sec = 0;
		to->tv_nsec = 0;
	} else {
		ktime_get_ts64(to);
		*to = timespec64_add_safe(*to, ts);
	}
	return 0;
}

/*
 * The end of select/pselect6/ppoll: put the signal mask back (unless a
 * handler is about to run with it) and write the time left to @p.
 */
static int poll_select_finish(struct timespec64 *end_time, void __user *p,
			      enum poll_time_type pt_type, int ret)
{
	struct timespec64 rts;

	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!p)
		return ret;
	if (!end_time->tv_sec && !end_time->tv_nsec)
		return ret;
	ktime_get_ts64(&rts);
	rts = ns_to_timespec64(timespec64_to_ns(end_time) -
			       timespec64_to_ns(&rts));
	if (rts.tv_sec < 0)
		rts.tv_sec = rts.tv_nsec = 0;
	if (pt_type == PT_TIMEVAL) {
		struct __kernel_old_timeval rtv = {
			.tv_sec = rts.tv_sec,
			.tv_usec = rts.tv_nsec / NSEC_PER_USEC,
		};

		if (!copy_to_user(p, &rtv, sizeof(rtv)))
			return ret;
	} else if (!put_timespec64(&rts, p)) {
		return ret;
	}
	/*
	 * The time left could not be written (read-only memory): a restart
	 * would wait the whole timeout again, so report EINTR instead.
	 */
	if (ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

/* -- the poll table ------------------------------------------------- */

static int __pollwake(struct wait_queue_entry *wait, unsigned int mode,
		      int sync, void *key)
{
	struct poll_wqueues *pwq = wait->private;
	struct wait_queue_entry dummy = { .private = pwq->polling_task };

	/*
	 * triggered is set before the wake-up; the sleeper sets its state
	 * before testing triggered (poll_schedule_timeout), so either it
	 * sees the flag or it is woken.
	 */
	smp_wmb();
	pwq->triggered = 1;
	return default_wake_function(&dummy, mode, sync, key);
}

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync,
		    void *key)
{
	struct poll_table_entry *entry =
		container_of(wait, struct poll_table_entry, wait);

	/* A wake-up that names its events wakes only those who want them. */
	if (key && !(key_to_poll(key) & entry->key))
		return 0;
	return __pollwake(wait, mode, sync, key);
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return p->inline_entries + p->inline_index++;
	if (!table || POLL_TABLE_FULL(table)) {
		struct poll_table_page *new_table;

		new_table =
			(struct poll_table_page *)__get_free_page(GFP_KERNEL);
		if (!new_table) {
			p->error = -ENOMEM;
			return NULL;
		}
		new_table->entry = new_table->entries;
		new_table->next = table;
		p->table = new_table;
		table = new_table;
	}
	return table->entry++;
}

/* The poll_table callback: queue an entry on @wait_address. */
static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->key = p->_key;
	init_waitqueue_func_entry(&entry->wait, pollwake);
	entry->wait.private = pwq;
	add_wait_queue(wait_address, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, __pollwait);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

/* Off every queue, every file reference dropped, every page freed. */
static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;
	int i;

	for (i = 0; i < pwq->inline_index; i++)
		free_poll_entry(pwq->inline_entries + i);
	while (p) {
		struct poll_table_entry *entry = p->entry;
		struct poll_table_page *old;

		while (entry > p->entries)
			free_poll_entry(--entry);
		old = p;
		p = p->next;
		free_page((unsigned long)old);
	}
}

/*
 * Sleep until a queue we are on is woken or *@expires (absolute
 * monotonic; NULL: no limit) passes.  Returns 0 on timeout, -EINTR
 * otherwise.
 */
static int poll_schedule_timeout(struct poll_wqueues *pwq, int state,
				 ktime_t *expires)
{
	int rc = -EINTR;

	set_current_state(state);
	if (!pwq->triggered)
		rc = schedule_hrtimeout_range(expires, 0, HRTIMER_MODE_ABS);
	__set_current_state(TASK_RUNNING);
	/* Pairs with __pollwake(): clear before the next look at the files. */
	smp_store_mb(pwq->triggered, 0);
	return rc;
}

/* -- select --------------------------------------------------------- */

#define POLLIN_SET (EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET (EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET (EPOLLPRI)

#define FDS_BITPERLONG (8 * sizeof(long))
#define FDS_LONGS(nr) (((nr) + FDS_BITPERLONG - 1) / FDS_BITPERLONG)
#define FDS_BYTES(nr) (FDS_LONGS(nr) * sizeof(long))

/* The three sets asked for and the three answered, each n bits. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static int get_fd_set(unsigned long nr, void __user *ufdset,
		      unsigned long *fdset)
{
	nr = FDS_BYTES(nr);
	if (ufdset)
		return copy_from_user(fdset, ufdset, nr) ? -EFAULT : 0;
	memset(fdset, 0, nr);
	return 0;
}

static int set_fd_set(unsigned long nr, void __user *ufdset,
		      unsigned long *fdset)
{
	if (ufdset)
		return copy_to_user(ufdset, fdset, FDS_BYTES(nr)) ? -EFAULT : 0;
	return 0;
}

/*
 * One more than the highest fd named in any set, or -EBADF if one of
 * them is not open.
 */
static int max_select_fd(unsigned long n, struct fd_set_bits *fds)
{
	struct files_struct *files = current->files;
	unsigned long i;
	int max = 0;

	spin_lock(&files->file_lock);
	for (i = 0; i < n; i++) {
		unsigned long w = i / BITS_PER_LONG;
		unsigned long bit = 1UL << (i % BITS_PER_LONG);
		struct fdtable *fdt = files_fdtable(files);

		if (!((fds->in[w] | fds->out[w] | fds->ex[w]) & bit))
			continue;
		if (i >= fdt->max_fds || !test_bit(i, fdt->open_fds)) {
			max = -EBADF;
			break;
		}
		max = i + 1;
	}
	spin_unlock(&files->file_lock);
	return max;
}

static void wait_key_set(poll_table *wait, unsigned long in, unsigned long out,
			 unsigned long bit)
{
	wait->_key = POLLEX_SET;
	if (in & bit)
		wait->_key |= POLLIN_SET;
	if (out & bit)
		wait->_key |= POLLOUT_SET;
}

/* Ask the files of one word of the sets; returns how many are ready. */
static int select_poll_word(struct fd_set_bits *fds, unsigned long w, int n,
			    poll_table *wait)
{
	unsigned long in = fds->in[w], out = fds->out[w], ex = fds->ex[w];
	unsigned long res_in = 0, res_out = 0, res_ex = 0;
	unsigned long all = in | out | ex;
	int j, count = 0;

	for (j = 0; j < BITS_PER_LONG && all; j++) {
		unsigned long bit = 1UL << j;
		int fd = w * BITS_PER_LONG + j;
		__poll_t mask = EPOLLNVAL;
		struct fd f;

		if (fd >= n)
			break;
		if (!(bit & all))
			continue;
		f = fdget(fd);
		if (f.file) {
			wait_key_set(wait, in, out, bit);
			mask = vfs_poll(f.file, wait);
			fdput(f);
		}
		if ((mask & POLLIN_SET) && (in & bit)) {
			res_in |= bit;
			count++;
			wait->_qproc = NULL;
		}
		if ((mask & POLLOUT_SET) && (out & bit)) {
			res_out |= bit;
			count++;
			wait->_qproc = NULL;
		}
		if ((mask & POLLEX_SET) && (ex & bit)) {
			res_ex |= bit;
			count++;
			wait->_qproc = NULL;
		}
	}
	fds->res_in[w] = res_in;
	fds->res_out[w] = res_out;
	fds->res_ex[w] = res_ex;
	return count;
}

static int do_select(int n, struct fd_set_bits *fds,
		     struct timespec64 *end_time)
{
	struct poll_wqueues table;
	ktime_t expire, *to = NULL;
	int retval, timed_out = 0;
	poll_table *wait;

	retval = max_select_fd(n, fds);
	if (retval < 0)
		return retval;
	n = retval;
	poll_initwait(&table);
	wait = &table.pt;
	if (end_time && !end_time->tv_sec && !end_time->tv_nsec) {
		wait->_qproc = NULL;
		timed_out = 1;
	}
	retval = 0;
	for (;;) {
		unsigned long w;

		for (w = 0; w < FDS_LONGS(n); w++)
			retval += select_poll_word(fds, w, n, wait);
		wait->_qproc = NULL;
		if (retval || timed_out || signal_pending(current))
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (end_time && !to) {
			expire = timespec64_to_ktime(*end_time);
			to = &expire;
		}
		if (!poll_schedule_timeout(&table, TASK_INTERRUPTIBLE, to))
			timed_out = 1;
	}
	poll_freewait(&table);
	return retval;
}

/* Fits six sets of 256 fds on the stack before allocating. */
#define SELECT_STACK_ALLOC 256

/*
 * core_sys_select - select(2) after the timeout was decoded.
 * @n: one more than the highest fd to look at
 * @inp: the read set, or NULL
 * @outp: the write set, or NULL
 * @exp: the exceptions set, or NULL
 * @end_time: the absolute end, (0,0) to not wait, NULL to wait forever
 *
 * Process context.  Returns the number of bits set in the answered
 * sets, or -EINVAL (n < 0), -EFAULT, -EBADF (a closed fd in a set),
 * -ENOMEM, -ERESTARTNOHAND (a signal came first).
 */
static int core_sys_select(int n, fd_set __user *inp, fd_set __user *outp,
			   fd_set __user *exp, struct timespec64 *end_time)
{
	long stack_fds[SELECT_STACK_ALLOC / sizeof(long)];
	struct fd_set_bits fds;
	unsigned int max_fds;
	size_t size, alloc_size;
	void *bits;
	int ret;

	if (n < 0)
		return -EINVAL;
	spin_lock(&current->files->file_lock);
	max_fds = files_fdtable(current->files)->max_fds;
	spin_unlock(&current->files->file_lock);
	if (n > max_fds)
		n = max_fds;
	size = FDS_BYTES(n);
	bits = stack_fds;
	alloc_size = 6 * size;
	if (alloc_size > sizeof(stack_fds)) {
		bits = kvmalloc(alloc_size, GFP_KERNEL);
		if (!bits)
			return -ENOMEM;
	}
	fds.in = bits;
	fds.out = bits + size;
	fds.ex = bits + 2 * size;
	fds.res_in = bits + 3 * size;
	fds.res_out = bits + 4 * size;
	fds.res_ex = bits + 5 * size;
	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (ret)
		goto out;
	memset(fds.res_in, 0, 3 * size);
	ret = do_select(n, &fds, end_time);
	if (ret < 0)
		goto out;
	if (!ret) {
		if (signal_pending(current)) {
			ret = -ERESTARTNOHAND;
			goto out;
		}
	}
	if (set_fd_set(n, inp, fds.res_in) ||
	    set_fd_set(n, outp, fds.res_out) || set_fd_set(n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	if (bits != stack_fds)
		kvfree(bits);
	return ret;
}

static int kern_select(int n, fd_set __user *inp, fd_set __user *outp,
		       fd_set __user *exp,
		       struct __kernel_old_timeval __user *tvp)
{
	struct timespec64 end_time, *to = NULL;
	struct __kernel_old_timeval tv;
	int ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		to = &end_time;
		if (poll_select_set_timeout(
			    to, tv.tv_sec + (tv.tv_usec / USEC_PER_SEC),
			    (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(&end_time, tvp, PT_TIMEVAL, ret);
}

SYSCALL_DEFINE5(select, int, n, fd_set __user *, inp, fd_set __user *, outp,
		fd_set __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	return kern_select(n, inp, outp, exp, tvp);
}

/* pselect6's sixth argument points at this pair. */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

static long do_pselect(int n, fd_set __user *inp, fd_set __user *outp,
		       fd_set __user *exp, struct __kernel_timespec __user *tsp,
		       const sigset_t __user *sigmask, size_t sigsetsize)
{
	struct timespec64 ts, end_time, *to = NULL;
	int ret;

	if (tsp) {
		if (get_timespec64(&ts, tsp))
			return -EFAULT;
		to = &end_time;
		if (poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(&end_time, tsp, PT_TIMESPEC, ret);
}

SYSCALL_DEFINE6(pselect6, int, n, fd_set __user *, inp, fd_set __user *, outp,
		fd_set __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct sigset_argpack x = { NULL, 0 };

	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	return do_pselect(n, inp, outp, exp, tsp, x.p, x.size);
}

/* -- poll ----------------------------------------------------------- */

/* The user's array, copied in page-sized pieces. */
struct poll_list {
	struct poll_list *next;
	int len;
	struct pollfd entries[];
};

#define POLLFD_PER_PAGE \
	((PAGE_SIZE - sizeof(struct poll_list)) / sizeof(struct pollfd))
#define N_STACK_PPS \
	((sizeof(long[32]) - sizeof(struct poll_list)) / sizeof(struct pollfd))

/*
 * One pollfd: a negative fd is skipped (revents 0), a closed one gets
 * POLLNVAL, otherwise what the file says of the events asked (POLLERR
 * and POLLHUP are always reported).
 */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	__poll_t mask = 0, filter;
	int fd = pollfd->fd;
	struct fd f;

	if (fd < 0)
		goto out;
	mask = EPOLLNVAL;
	f = fdget(fd);
	if (!f.file)
		goto out;
	filter = (__poll_t)(u16)pollfd->events | EPOLLERR | EPOLLHUP;
	pwait->_key = filter;
	mask = vfs_poll(f.file, pwait) & filter;
	fdput(f);
out:
	pollfd->revents = (short)mask;
	return mask;
}

static int do_poll(struct poll_list *list, struct poll_wqueues *wait,
		   struct timespec64 *end_time)
{
	poll_table *pt = &wait->pt;
	ktime_t expire, *to = NULL;
	int timed_out = 0, count = 0;

	if (end_time && !end_time->tv_sec && !end_time->tv_nsec) {
		pt->_qproc = NULL;
		timed_out = 1;
	}
	for (;;) {
		struct poll_list *walk;

		for (walk = list; walk; walk = walk->next) {
			struct pollfd *pfd = walk->entries;
			struct pollfd *pfd_end = pfd + walk->len;

			for (; pfd != pfd_end; pfd++) {
				if (do_pollfd(pfd, pt)) {
					count++;
					pt->_qproc = NULL;
				}
			}
		}
		pt->_qproc = NULL;
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -ERESTARTNOHAND;
		}
		if (count || timed_out)
			break;
		if (end_time && !to) {
			expire = timespec64_to_ktime(*end_time);
			to = &expire;
		}
		if (!poll_schedule_timeout(wait, TASK_INTERRUPTIBLE, to))
			timed_out = 1;
	}
	return count;
}

static void free_poll_list(struct poll_list *head)
{
	struct poll_list *walk = head->next;

	while (walk) {
		struct poll_list *next = walk->next;

		kfree(walk);
		walk = next;
	}
}

/* Copy @nfds pollfds in behind @head (which holds the first ones). */
static int copy_poll_list(struct poll_list *head, struct pollfd __user *ufds,
			  unsigned int nfds)
{
	struct poll_list *walk = head;
	unsigned int todo = nfds, len;

	len = min_t(unsigned int, nfds, N_STACK_PPS);
	for (;;) {
		walk->next = NULL;
		walk->len = len;
		if (!len)
			break;
		if (copy_from_user(walk->entries, ufds + nfds - todo,
				   sizeof(struct pollfd) * walk->len))
			return -EFAULT;
		todo -= walk->len;
		if (!todo)
			break;
		len = min_t(unsigned int, todo, POLLFD_PER_PAGE);
		walk = walk->next = kmalloc(sizeof(struct poll_list) +
						    sizeof(struct pollfd) * len,
					    GFP_KERNEL);
		if (!walk)
			return -ENOMEM;
	}
	return 0;
}

static int copy_poll_results(struct poll_list *head, struct pollfd __user *ufds)
{
	struct poll_list *walk;

	for (walk = head; walk; walk = walk->next) {
		int j;

		for (j = 0; j < walk->len; j++, ufds++)
			if (put_user(walk->entries[j].revents, &ufds->revents))
				return -EFAULT;
	}
	return 0;
}

/**
 * do_sys_poll - poll(2) after the timeout was decoded.
 * @ufds: the user's array
 * @nfds: its length (at most RLIMIT_NOFILE)
 * @end_time: the absolute end, (0,0) to not wait, NULL to wait forever
 *
 * Process context.  Returns the number of entries with revents set, or
 * -EINVAL, -EFAULT, -ENOMEM, -ERESTARTNOHAND.
 */
int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		struct timespec64 *end_time)
{
	long stack_pps[sizeof(long[32]) / sizeof(long)];
	struct poll_list *const head = (struct poll_list *)stack_pps;
	struct poll_wqueues table;
	int err, fdcount;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	err = copy_poll_list(head, ufds, nfds);
	if (err)
		goto out_fds;
	poll_initwait(&table);
	fdcount = do_poll(head, &table, end_time);
	poll_freewait(&table);
	err = copy_poll_results(head, ufds);
	if (!err)
		err = fdcount;
out_fds:
	free_poll_list(head);
	return err;
}

static long do_restart_poll(struct restart_block *restart_block)
{
	struct pollfd __user *ufds = restart_block->poll.ufds;
	int nfds = restart_block->poll.nfds;
	struct timespec64 *to = NULL, end_time;
	int ret;

	if (restart_block->poll.has_timeout) {
		end_time.tv_sec = restart_block->poll.tv_sec;
		end_time.tv_nsec = restart_block->poll.tv_nsec;
		to = &end_time;
	}
	ret = do_sys_poll(ufds, nfds, to);
	if (ret == -ERESTARTNOHAND) {
		restart_block->fn = do_restart_poll;
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int,
		timeout_msecs)
{
	struct timespec64 end_time, *to = NULL;
	struct restart_block *restart_block;
	int ret;

	if (timeout_msecs >= 0) {
		to = &end_time;
		poll_select_set_timeout(to, timeout_msecs / MSEC_PER_SEC,
					NSEC_PER_MSEC *
						(timeout_msecs % MSEC_PER_SEC));
	}
	ret = do_sys_poll(ufds, nfds, to);
	if (ret != -ERESTARTNOHAND)
		return ret;
	/* Restart with the same end time, not the whole timeout again. */
	restart_block = &current->restart_block;
	restart_block->poll.ufds = ufds;
	restart_block->poll.nfds = nfds;
	restart_block->poll.has_timeout = to != NULL;
	if (to) {
		restart_block->poll.tv_sec = end_time.tv_sec;
		restart_block->poll.tv_nsec = end_time.tv_nsec;
	}
	restart_block->fn = do_restart_poll;
	return -ERESTART_RESTARTBLOCK;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *,
		sigmask, size_t, sigsetsize)
{
	struct timespec64 ts, end_time, *to = NULL;
	int ret;

	if (tsp) {
		if (get_timespec64(&ts, tsp))
			return -EFAULT;
		to = &end_time;
		if (poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, to);
	return poll_select_finish(&end_time, tsp, PT_TIMESPEC, ret);
}
