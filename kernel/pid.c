/*
 * Process IDs: a bitmap of used numbers, handed out cyclically from
 * the last one given (so a freed pid is not reused at once), and a hash
 * table from pid to task.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/hashtable.h>
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define PID_MAX_DEFAULT 32768
#define RESERVED_PIDS 300 /* wrap-around restarts above these */

int pid_max = PID_MAX_DEFAULT;
static DECLARE_BITMAP(pidmap, PID_MAX_DEFAULT);
static int last_pid;
static DEFINE_HASHTABLE(pid_hash, 9);
DEFINE_SPINLOCK(pidmap_lock);

/**
 * alloc_pid - the next free pid for @p, recorded in the hash.
 *
 * Any context that may take a spinlock.  Returns the pid or -EAGAIN
 * when all are in use.
 */
int alloc_pid(struct task_struct *p)
{
	unsigned long flags;
	int pid;

	spin_lock_irqsave(&pidmap_lock, flags);
	pid = find_next_zero_bit(pidmap, pid_max, last_pid + 1);
	if (pid >= pid_max)
		pid = find_next_zero_bit(pidmap, pid_max, RESERVED_PIDS);
	if (pid >= pid_max) {
		spin_unlock_irqrestore(&pidmap_lock, flags);
		return -EAGAIN;
	}
	__set_bit(pid, pidmap);
	last_pid = pid;
	p->pid = pid;
	hash_add(pid_hash, &p->pid_link, pid);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

/** free_pid - give @p's pid back and unhash @p. */
void free_pid(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	hash_del(&p->pid_link);
	__clear_bit(p->pid, pidmap);
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

/**
 * exchange_pids - @a and @b trade pid numbers (exec by a non-leader
 * thread takes over its leader's pid, which is the process's tgid).
 */
void exchange_pids(struct task_struct *a, struct task_struct *b)
{
	unsigned long flags;
	pid_t tmp;

	spin_lock_irqsave(&pidmap_lock, flags);
	hash_del(&a->pid_link);
	hash_del(&b->pid_link);
	tmp = a->pid;
	a->pid = b->pid;
	b->pid = tmp;
	hash_add(pid_hash, &a->pid_link, a->pid);
	hash_add(pid_hash, &b->pid_link, b->pid);
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

/**
 * find_task_by_pid - the task with pid @nr, or NULL.
 *
 * The task may exit as soon as this returns unless the caller knows it
 * cannot; find_get_task_by_pid() returns it with a reference.
 */
struct task_struct *find_task_by_pid(pid_t nr)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	hash_for_each_possible(pid_hash, p, pid_link, nr)
		if (p->pid == nr)
			found = p;
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return found;
}

/** find_get_task_by_pid - find_task_by_pid() plus a reference (put_task_struct). */
struct task_struct *find_get_task_by_pid(pid_t nr)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	hash_for_each_possible(pid_hash, p, pid_link, nr)
		if (p->pid == nr) {
			found = p;
			get_task_struct(p);
		}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return found;
}

/** pid_init - reserve pid 0 (the idle tasks). */
void pid_init(void)
{
	__set_bit(0, pidmap);
}
