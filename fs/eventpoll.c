/*
 * epoll: a set of watched files, kept between calls, that reports the
 * ready ones without asking every file each time.
 *
 * An epoll file (struct eventpoll) holds one epitem per (file, fd)
 * watched, in a red-black tree.  Adding an item polls its file once
 * with a poll_table whose callback (ep_ptable_queue_proc) hangs an
 * eppoll_entry on every wait queue the file names; from then on a
 * wake-up of one of those queues runs ep_poll_callback, which puts the
 * item on the ready list and wakes epoll_wait:
 *
 *	pipe->rd_wait ──> eppoll_entry ──> ep_poll_callback()
 *	                                      │ rdllist += epi
 *	                                      v
 *	epoll_wait() <── ep->wq          (ep->poll_wait: epoll in epoll,
 *	  └ ep_send_events(): poll each      poll/select on the epoll fd)
 *	    ready item again, copy out
 *
 * Level-triggered items go back on the ready list after being reported
 * (the next epoll_wait polls them again and drops them if no longer
 * ready); EPOLLET items only come back with the next wake-up;
 * EPOLLONESHOT items are disarmed (events cleared) until EPOLL_CTL_MOD.
 * EPOLLEXCLUSIVE items queue exclusively so one wake-up of a shared
 * source wakes one of several epoll sets.
 *
 * Locks, outermost first:
 *	epmutex		changes of epoll-in-epoll links (ELOOP check),
 *			ep_free, eventpoll_release_file
 *	ep->mtx		the tree and the items (one epoll set); taken
 *			nested by depth when an epoll set polls another
 *	ep->lock	the ready list and epi->event (irq-safe: wake-ups
 *			may come from interrupts)
 * An item holds no reference on its file: the file's last fput() calls
 * eventpoll_release_file(), which removes its items first.
 */
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/eventpoll.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/rbtree.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <uapi/linux/time_types.h>

/* Flags of the events word that are not events. */
#define EP_PRIVATE_BITS (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EPOLLINOUT_BITS (EPOLLIN | EPOLLOUT)
#define EPOLLEXCLUSIVE_OK_BITS                                           \
	(EPOLLINOUT_BITS | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET | \
	 EPOLLEXCLUSIVE)

/* Epoll sets nest at most this deep (as Linux). */
#define EP_MAX_NESTS 4

#define EP_MAX_EVENTS (INT_MAX / sizeof(struct epoll_event))

struct epoll_filefd {
	struct file *file;
	int fd;
};

/* One wait queue an item's file is watched through. */
struct eppoll_entry {
	struct eppoll_entry *next;
	struct epitem *base;
	struct wait_queue_entry wait;
	wait_queue_head_t *whead;
};

struct epitem {
	struct rb_node rbn; /* in ep->rbr, keyed by ffd */
	struct list_head rdllink; /* in ep->rdllist when ready; else empty */
	struct epoll_filefd ffd;
	struct eppoll_entry *pwqlist;
	struct eventpoll *ep;
	struct hlist_node fllink; /* in ffd.file->f_ep */
	struct epoll_event event;
};

struct eventpoll {
	struct mutex mtx;
	wait_queue_head_t wq; /* epoll_wait() sleepers */
	wait_queue_head_t poll_wait; /* pollers of the epoll file itself */
	spinlock_t lock;
	struct list_head rdllist;
	struct rb_root rbr;
	struct file *file;
	u8 nests; /* depth of the wake-up running on poll_wait */
};

/* The callback's view of an item being added. */
struct ep_pqueue {
	poll_table pt;
	struct epitem *epi; /* NULL once an allocation failed */
};

static DEFINE_MUTEX(epmutex);
static const struct file_operations eventpoll_fops;

/** is_file_epoll - whether @f is an epoll file. */
bool is_file_epoll(const struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

static int ep_cmp_ffd(const struct epoll_filefd *p1,
		      const struct epoll_filefd *p2)
{
	if (p1->file != p2->file)
		return p1->file > p2->file ? 1 : -1;
	return p1->fd - p2->fd;
}

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	struct epoll_filefd ffd = { .file = file, .fd = fd };
	struct rb_node *rbp = ep->rbr.rb_node;

	while (rbp) {
		struct epitem *epi = rb_entry(rbp, struct epitem, rbn);
		int kcmp = ep_cmp_ffd(&ffd, &epi->ffd);

		if (kcmp > 0)
			rbp = rbp->rb_right;
		else if (kcmp < 0)
			rbp = rbp->rb_left;
		else
			return epi;
	}
	return NULL;
}

static void ep_rbtree_insert(struct eventpoll *ep, struct epitem *epi)
{
	struct rb_node **p = &ep->rbr.rb_node, *parent = NULL;

	while (*p) {
		struct epitem *epic = rb_entry(*p, struct epitem, rbn);

		parent = *p;
		if (ep_cmp_ffd(&epi->ffd, &epic->ffd) > 0)
			p = &parent->rb_right;
		else
			p = &parent->rb_left;
	}
	rb_link_node(&epi->rbn, parent, p);
	rb_insert_color(&epi->rbn, &ep->rbr);
}

static bool ep_events_available(struct eventpoll *ep)
{
	return !list_empty_careful(&ep->rdllist);
}

/*
 * Wake the pollers of @ep's file.  This runs inside the wake-up of the
 * queue @epi's file was woken on, which for epoll-in-epoll is another
 * set's poll_wait: the subclass is the nesting depth so lockdep sees
 * the chain of poll_wait locks as ordered.
 */
static void ep_poll_safewake(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;
	u8 nests = 1;

	if (is_file_epoll(epi->ffd.file)) {
		struct eventpoll *ep_src = epi->ffd.file->private_data;

		nests = ep_src->nests;
	}
	local_irq_save(flags);
	spin_lock_nested(&ep->poll_wait.lock, nests);
	ep->nests = nests + 1;
	wake_up_locked_poll(&ep->poll_wait, EPOLLIN);
	ep->nests = 0;
	spin_unlock(&ep->poll_wait.lock);
	local_irq_restore(flags);
}

/* Ready: on the ready list and epoll_wait woken.  ep->lock held. */
static bool __ep_mark_ready(struct eventpoll *ep, struct epitem *epi)
{
	if (list_empty(&epi->rdllink))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	wake_up(&ep->wq);
	return waitqueue_active(&ep->poll_wait);
}

/*
 * The wake function of every watched queue: the file may have events
 * for us.  Runs with that queue's lock held, in any context.  Returns
 * non-zero if it counts as a wake-up for an exclusive (EPOLLEXCLUSIVE)
 * entry.
 */
static int ep_poll_callback(struct wait_queue_entry *wait, unsigned int mode,
			    int sync, void *key)
{
	struct eppoll_entry *pwq =
		container_of(wait, struct eppoll_entry, wait);
	struct epitem *epi = pwq->base;
	struct eventpoll *ep = epi->ep;
	__poll_t pollflags = key_to_poll(key);
	bool pwake = false;
	unsigned long flags;
	int ewake = 0;

	spin_lock_irqsave(&ep->lock, flags);
	/* Disarmed by EPOLLONESHOT: nothing to report until MOD. */
	if (!(epi->event.events & ~EP_PRIVATE_BITS))
		goto out_unlock;
	/* A wake-up that names its events and none of ours. */
	if (pollflags && !(pollflags & epi->event.events))
		goto out_unlock;
	if (epi->event.events & EPOLLEXCLUSIVE) {
		switch (pollflags & EPOLLINOUT_BITS) {
		case EPOLLIN:
			ewake = !!(epi->event.events & EPOLLIN);
			break;
		case EPOLLOUT:
			ewake = !!(epi->event.events & EPOLLOUT);
			break;
		case 0:
			ewake = 1;
			break;
		}
	}
	pwake = __ep_mark_ready(ep, epi);
out_unlock:
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		ep_poll_safewake(ep, epi);
	if (!(epi->event.events & EPOLLEXCLUSIVE))
		ewake = 1;
	return ewake;
}

/* The poll_table callback while adding an item: watch @whead. */
static void ep_ptable_queue_proc(struct file *file, wait_queue_head_t *whead,
				 poll_table *pt)
{
	struct ep_pqueue *epq = container_of(pt, struct ep_pqueue, pt);
	struct epitem *epi = epq->epi;
	struct eppoll_entry *pwq;

	if (!epi)
		return;
	pwq = kmalloc(sizeof(*pwq), GFP_KERNEL);
	if (!pwq) {
		epq->epi = NULL;
		return;
	}
	init_waitqueue_func_entry(&pwq->wait, ep_poll_callback);
	pwq->whead = whead;
	pwq->base = epi;
	if (epi->event.events & EPOLLEXCLUSIVE)
		add_wait_queue_exclusive(whead, &pwq->wait);
	else
		add_wait_queue(whead, &pwq->wait);
	pwq->next = epi->pwqlist;
	epi->pwqlist = pwq;
}

static __poll_t __ep_eventpoll_poll(struct file *file, poll_table *wait,
				    int depth);

/* The events of @epi's file that it watches for. */
static __poll_t ep_item_poll(struct epitem *epi, poll_table *pt, int depth)
{
	struct file *file = epi->ffd.file;
	__poll_t res;

	pt->_key = epi->event.events;
	if (!is_file_epoll(file))
		res = vfs_poll(file, pt);
	else
		res = __ep_eventpoll_poll(file, pt, depth);
	return res & epi->event.events;
}

/* Take @epi off the ready list; returns whether it was on it. */
static bool ep_unready(struct eventpoll *ep, struct epitem *epi)
{
	bool was;

	spin_lock_irq(&ep->lock);
	was = !list_empty(&epi->rdllink);
	list_del_init(&epi->rdllink);
	spin_unlock_irq(&ep->lock);
	return was;
}

static void ep_requeue(struct eventpoll *ep, struct epitem *epi)
{
	spin_lock_irq(&ep->lock);
	if (list_empty(&epi->rdllink))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	spin_unlock_irq(&ep->lock);
}

/*
 * Move the ready list to @txlist for a scan (ep->mtx held).  An item is
 * taken off @txlist before it is polled, so a wake-up during the poll
 * puts it back on the ready list rather than being lost.
 */
static void ep_start_scan(struct eventpoll *ep, struct list_head *txlist)
{
	spin_lock_irq(&ep->lock);
	list_splice_init(&ep->rdllist, txlist);
	spin_unlock_irq(&ep->lock);
}

/* The rest of @txlist goes back at the head of the ready list. */
static void ep_done_scan(struct eventpoll *ep, struct list_head *txlist)
{
	spin_lock_irq(&ep->lock);
	list_splice(txlist, &ep->rdllist);
	if (!list_empty(&ep->rdllist))
		wake_up(&ep->wq); /* another waiter may take the rest */
	spin_unlock_irq(&ep->lock);
}

/* ->poll of an epoll file: readable if one of its items is ready. */
static __poll_t __ep_eventpoll_poll(struct file *file, poll_table *wait,
				    int depth)
{
	struct eventpoll *ep = file->private_data;
	struct epitem *epi, *tmp;
	LIST_HEAD(txlist);
	__poll_t res = 0;
	poll_table pt;

	init_poll_funcptr(&pt, NULL);
	poll_wait(file, &ep->poll_wait, wait);
	mutex_lock_nested(&ep->mtx, depth);
	ep_start_scan(ep, &txlist);
	list_for_each_entry_safe(epi, tmp, &txlist, rdllink) {
		ep_unready(ep, epi);
		if (ep_item_poll(epi, &pt, depth + 1)) {
			ep_requeue(ep, epi);
			res = EPOLLIN | EPOLLRDNORM;
			break;
		}
	}
	ep_done_scan(ep, &txlist);
	mutex_unlock(&ep->mtx);
	return res;
}

static __poll_t ep_eventpoll_poll(struct file *file, poll_table *wait)
{
	return __ep_eventpoll_poll(file, wait, 0);
}

static void ep_unregister_pollwait(struct epitem *epi)
{
	struct eppoll_entry *pwq = epi->pwqlist;

	while (pwq) {
		struct eppoll_entry *next = pwq->next;

		remove_wait_queue(pwq->whead, &pwq->wait);
		kfree(pwq);
		pwq = next;
	}
	epi->pwqlist = NULL;
}

/* Link @epi into its file's list of watches (allocated on first use). */
static int ep_attach_file(struct epitem *epi)
{
	struct file *file = epi->ffd.file;
	struct hlist_head *head = kmalloc(sizeof(*head), GFP_KERNEL);

	if (!head)
		return -ENOMEM;
	INIT_HLIST_HEAD(head);
	spin_lock(&file->f_lock);
	if (!file->f_ep) {
		WRITE_ONCE(file->f_ep, head);
		head = NULL;
	}
	hlist_add_head(&epi->fllink, file->f_ep);
	spin_unlock(&file->f_lock);
	kfree(head);
	return 0;
}

static void ep_detach_file(struct epitem *epi)
{
	struct file *file = epi->ffd.file;
	struct hlist_head *head = NULL;

	spin_lock(&file->f_lock);
	hlist_del(&epi->fllink);
	if (hlist_empty(file->f_ep)) {
		head = file->f_ep;
		WRITE_ONCE(file->f_ep, NULL);
	}
	spin_unlock(&file->f_lock);
	kfree(head);
}

/*
 * Remove an item: off its queues first (no callback runs after that),
 * then off the file, the tree and the ready list.  ep->mtx held.
 */
static void ep_remove(struct eventpoll *ep, struct epitem *epi)
{
	ep_unregister_pollwait(epi);
	ep_detach_file(epi);
	rb_erase(&epi->rbn, &ep->rbr);
	ep_unready(ep, epi);
	kfree(epi);
}

static void ep_free(struct eventpoll *ep)
{
	struct rb_node *rbp;

	mutex_lock(&epmutex);
	mutex_lock(&ep->mtx);
	while ((rbp = rb_first(&ep->rbr)))
		ep_remove(ep, rb_entry(rbp, struct epitem, rbn));
	mutex_unlock(&ep->mtx);
	mutex_unlock(&epmutex);
	kfree(ep);
}

static int ep_eventpoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;

	if (ep)
		ep_free(ep);
	return 0;
}

static const struct file_operations eventpoll_fops = {
	.release = ep_eventpoll_release,
	.poll = ep_eventpoll_poll,
	.llseek = noop_llseek,
	.name = "eventpoll",
};

/**
 * eventpoll_release_file - remove a dying file from every epoll set.
 * @file: a file whose last reference is gone (f_ep non-NULL)
 *
 * Process context, from the final fput(), before ->release.
 */
void eventpoll_release_file(struct file *file)
{
	mutex_lock(&epmutex);
	while (file->f_ep && !hlist_empty(file->f_ep)) {
		struct epitem *epi =
			hlist_entry(file->f_ep->first, struct epitem, fllink);
		struct eventpoll *ep = epi->ep;

		mutex_lock(&ep->mtx);
		ep_remove(ep, epi);
		mutex_unlock(&ep->mtx);
	}
	mutex_unlock(&epmutex);
}

static struct eventpoll *ep_alloc(void)
{
	struct eventpoll *ep = kzalloc(sizeof(*ep), GFP_KERNEL);

	if (!ep)
		return NULL;
	mutex_init(&ep->mtx);
	spin_lock_init(&ep->lock);
	init_waitqueue_head(&ep->wq);
	init_waitqueue_head(&ep->poll_wait);
	INIT_LIST_HEAD(&ep->rdllist);
	ep->rbr = RB_ROOT;
	return ep;
}

static int do_epoll_create(int flags)
{
	struct eventpoll *ep;
	struct file *file;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = ep_alloc();
	if (!ep)
		return -ENOMEM;
	fd = get_unused_fd_flags(O_RDWR | (flags & O_CLOEXEC));
	if (fd < 0) {
		kfree(ep);
		return fd;
	}
	file = anon_inode_getfile("[eventpoll]", &eventpoll_fops, ep,
				  O_RDWR | (flags & O_CLOEXEC));
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		kfree(ep);
		return PTR_ERR(file);
	}
	ep->file = file;
	fd_install(fd, file);
	return fd;
}

SYSCALL_DEFINE1(epoll_create1, int, flags)
{
	return do_epoll_create(flags);
}

SYSCALL_DEFINE1(epoll_create, int, size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(0);
}

/*
 * Would watching @to from @ep close a cycle, or nest deeper than
 * EP_MAX_NESTS?  epmutex held, so no epoll-in-epoll link changes.
 */
static bool ep_loop_check_proc(struct eventpoll *ep, struct eventpoll *to,
			       int depth)
{
	struct rb_node *rbp;
	bool loop = false;

	if (to == ep || depth > EP_MAX_NESTS)
		return true;
	mutex_lock_nested(&to->mtx, depth);
	for (rbp = rb_first(&to->rbr); rbp && !loop; rbp = rb_next(rbp)) {
		struct epitem *epi = rb_entry(rbp, struct epitem, rbn);

		if (is_file_epoll(epi->ffd.file))
			loop = ep_loop_check_proc(
				ep, epi->ffd.file->private_data, depth + 1);
	}
	mutex_unlock(&to->mtx);
	return loop;
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *event,
		     struct file *tfile, int fd)
{
	struct epitem *epi = kzalloc(sizeof(*epi), GFP_KERNEL);
	struct ep_pqueue epq;
	bool pwake = false;
	__poll_t revents;
	int err;

	if (!epi)
		return -ENOMEM;
	INIT_LIST_HEAD(&epi->rdllink);
	epi->ep = ep;
	epi->ffd.file = tfile;
	epi->ffd.fd = fd;
	epi->event = *event;
	err = ep_attach_file(epi);
	if (err) {
		kfree(epi);
		return err;
	}
	ep_rbtree_insert(ep, epi);
	epq.epi = epi;
	init_poll_funcptr(&epq.pt, ep_ptable_queue_proc);
	revents = ep_item_poll(epi, &epq.pt, 1);
	if (!epq.epi) {
		ep_remove(ep, epi);
		return -ENOMEM;
	}
	if (revents) {
		spin_lock_irq(&ep->lock);
		pwake = __ep_mark_ready(ep, epi);
		spin_unlock_irq(&ep->lock);
	}
	if (pwake)
		ep_poll_safewake(ep, epi);
	return 0;
}

static int ep_modify(struct eventpoll *ep, struct epitem *epi,
		     const struct epoll_event *event)
{
	bool pwake = false;
	poll_table pt;

	init_poll_funcptr(&pt, NULL);
	spin_lock_irq(&ep->lock);
	epi->event.events = event->events;
	epi->event.data = event->data;
	spin_unlock_irq(&ep->lock);
	/*
	 * The new events are published (the lock above) before the file
	 * is asked: a wake-up after this poll sees them in the callback.
	 */
	if (ep_item_poll(epi, &pt, 1)) {
		spin_lock_irq(&ep->lock);
		pwake = __ep_mark_ready(ep, epi);
		spin_unlock_irq(&ep->lock);
	}
	if (pwake)
		ep_poll_safewake(ep, epi);
	return 0;
}

/* The checks of epoll_ctl that need no lock. */
static int ep_ctl_check(struct file *epf, struct file *tf, int op,
			const struct epoll_event *epds)
{
	if (!tf->f_op->poll)
		return -EPERM; /* regular files and the like */
	if (epf == tf || !is_file_epoll(epf))
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && (epds->events & EPOLLEXCLUSIVE)) {
		if (op == EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == EPOLL_CTL_ADD &&
		    (is_file_epoll(tf) ||
		     (epds->events & ~EPOLLEXCLUSIVE_OK_BITS)))
			return -EINVAL;
	}
	return 0;
}

/* ADD/DEL/MOD under ep->mtx. */
static int __do_epoll_ctl(struct eventpoll *ep, int op, struct file *tf, int fd,
			  struct epoll_event *epds)
{
	struct epitem *epi = ep_find(ep, tf, fd);

	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi)
			return -EEXIST;
		epds->events |= EPOLLERR | EPOLLHUP;
		return ep_insert(ep, epds, tf, fd);
	case EPOLL_CTL_DEL:
		if (!epi)
			return -ENOENT;
		ep_remove(ep, epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (!epi)
			return -ENOENT;
		if (epi->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		epds->events |= EPOLLERR | EPOLLHUP;
		return ep_modify(ep, epi, epds);
	}
	return -EINVAL;
}

/**
 * do_epoll_ctl - epoll_ctl(2) with the event already copied in.
 * @epfd: the epoll set
 * @op: EPOLL_CTL_ADD, EPOLL_CTL_DEL or EPOLL_CTL_MOD
 * @fd: the file to watch
 * @epds: the events and data (unused for DEL)
 *
 * Process context.  Returns 0 or -EBADF, -EPERM (@fd cannot be polled),
 * -EINVAL, -EEXIST, -ENOENT, -ELOOP, -ENOMEM.
 */
int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds)
{
	struct eventpoll *ep;
	bool nested = false;
	struct fd f, tf;
	int error = -EBADF;

	f = fdget(epfd);
	if (!f.file)
		return -EBADF;
	tf = fdget(fd);
	if (!tf.file)
		goto out_fput;
	/* No autosleep here: EPOLLWAKEUP is accepted and ignored. */
	epds->events &= ~EPOLLWAKEUP;
	error = ep_ctl_check(f.file, tf.file, op, epds);
	if (error)
		goto out_tgt_fput;
	ep = f.file->private_data;
	/* Links between epoll sets change only under epmutex. */
	if (is_file_epoll(tf.file)) {
		nested = true;
		mutex_lock(&epmutex);
		error = -ELOOP;
		if (op == EPOLL_CTL_ADD &&
		    ep_loop_check_proc(ep, tf.file->private_data, 1))
			goto out_unlock;
	}
	mutex_lock(&ep->mtx);
	error = __do_epoll_ctl(ep, op, tf.file, fd, epds);
	mutex_unlock(&ep->mtx);
out_unlock:
	if (nested)
		mutex_unlock(&epmutex);
out_tgt_fput:
	fdput(tf);
out_fput:
	fdput(f);
	return error;
}

SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd,
		struct epoll_event __user *, event)
{
	struct epoll_event epds = { 0 };

	if (op != EPOLL_CTL_DEL && copy_from_user(&epds, event, sizeof(epds)))
		return -EFAULT;
	return do_epoll_ctl(epfd, op, fd, &epds);
}

/*
 * Report up to @maxevents ready items.  Returns how many, or -EFAULT
 * if the first could not be copied out (it stays ready then).
 */
static int ep_send_events(struct eventpoll *ep,
			  struct epoll_event __user *events, int maxevents)
{
	struct epitem *epi, *tmp;
	LIST_HEAD(txlist);
	poll_table pt;
	int res = 0;

	init_poll_funcptr(&pt, NULL);
	mutex_lock(&ep->mtx);
	ep_start_scan(ep, &txlist);
	list_for_each_entry_safe(epi, tmp, &txlist, rdllink) {
		struct epoll_event ev;

		if (res >= maxevents)
			break;
		ep_unready(ep, epi);
		ev.events = ep_item_poll(epi, &pt, 1);
		if (!ev.events)
			continue;
		ev.data = epi->event.data;
		if (copy_to_user(events, &ev, sizeof(ev))) {
			ep_requeue(ep, epi);
			if (!res)
				res = -EFAULT;
			break;
		}
		events++;
		res++;
		spin_lock_irq(&ep->lock);
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET) &&
			 list_empty(&epi->rdllink))
			/* Level-triggered: look again next time. */
			list_add_tail(&epi->rdllink, &ep->rdllist);
		spin_unlock_irq(&ep->lock);
	}
	ep_done_scan(ep, &txlist);
	mutex_unlock(&ep->mtx);
	return res;
}

/*
 * Wait for events until *@timeout (absolute monotonic; (0,0) means do
 * not wait, NULL forever).  Returns the count, 0 on timeout, -EINTR on
 * a signal (epoll_wait is never restarted), -EFAULT.
 */
static int ep_poll(struct eventpoll *ep, struct epoll_event __user *events,
		   int maxevents, struct timespec64 *timeout)
{
	ktime_t expires, *to = NULL;
	bool timed_out = false;
	int res;

	if (timeout && (timeout->tv_sec | timeout->tv_nsec)) {
		expires = timespec64_to_ktime(*timeout);
		to = &expires;
	} else if (timeout) {
		timed_out = true;
	}
	for (;;) {
		DEFINE_WAIT(wait);

		if (ep_events_available(ep)) {
			res = ep_send_events(ep, events, maxevents);
			if (res)
				return res;
		}
		if (timed_out)
			return 0;
		if (signal_pending(current))
			return -EINTR;
		prepare_to_wait_exclusive(&ep->wq, &wait, TASK_INTERRUPTIBLE);
		/* Queued with the state set: a later callback wakes us. */
		if (!ep_events_available(ep) && !signal_pending(current))
			timed_out = !schedule_hrtimeout_range(to, 0,
							      HRTIMER_MODE_ABS);
		finish_wait(&ep->wq, &wait);
	}
}

static int do_epoll_wait(int epfd, struct epoll_event __user *events,
			 int maxevents, struct timespec64 *to)
{
	struct fd f;
	int error;

	if (maxevents <= 0 || maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!access_ok(events, maxevents * sizeof(struct epoll_event)))
		return -EFAULT;
	f = fdget(epfd);
	if (!f.file)
		return -EBADF;
	error = -EINVAL;
	if (is_file_epoll(f.file))
		error = ep_poll(f.file->private_data, events, maxevents, to);
	fdput(f);
	return error;
}

/* A timeout in ms as the end time ep_poll() wants (NULL: < 0, forever). */
static struct timespec64 *ep_timeout_to_timespec(struct timespec64 *to, long ms)
{
	if (ms < 0)
		return NULL;
	poll_select_set_timeout(to, ms / MSEC_PER_SEC,
				NSEC_PER_MSEC * (ms % MSEC_PER_SEC));
	return to;
}

SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events, int,
		maxevents, int, timeout)
{
	struct timespec64 to;

	return do_epoll_wait(epfd, events, maxevents,
			     ep_timeout_to_timespec(&to, timeout));
}

static int do_epoll_pwait(int epfd, struct epoll_event __user *events,
			  int maxevents, struct timespec64 *to,
			  const sigset_t __user *sigmask, size_t sigsetsize)
{
	int error = set_user_sigmask(sigmask, sigsetsize);

	if (error)
		return error;
	error = do_epoll_wait(epfd, events, maxevents, to);
	/* Interrupted: the handler runs with the temporary mask. */
	restore_saved_sigmask_unless(error == -EINTR);
	return error;
}

SYSCALL_DEFINE6(epoll_pwait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 to;

	return do_epoll_pwait(epfd, events, maxevents,
			      ep_timeout_to_timespec(&to, timeout), sigmask,
			      sigsetsize);
}

SYSCALL_DEFINE6(epoll_pwait2, int, epfd, struct epoll_event __user *, events,
		int, maxevents, const struct __kernel_timespec __user *,
		timeout, const sigset_t __user *, sigmask, size_t, sigsetsize)
{
	struct timespec64 ts, *to = NULL;
	struct __kernel_timespec kts;

	if (timeout) {
		if (copy_from_user(&kts, timeout, sizeof(kts)))
			return -EFAULT;
		to = &ts;
		if (poll_select_set_timeout(to, kts.tv_sec, kts.tv_nsec))
			return -EINVAL;
	}
	return do_epoll_pwait(epfd, events, maxevents, to, sigmask, sigsetsize);
}
