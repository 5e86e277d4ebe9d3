#ifndef _LINUX_SCHED_JOBCTL_H
#define _LINUX_SCHED_JOBCTL_H

/*
 * task->jobctl: a thread's part in a group stop (kernel/signal.c).
 * The low 16 bits keep the stop signal's number.
 */
#define JOBCTL_STOP_SIGMASK 0xffff

#define JOBCTL_STOP_DEQUEUED_BIT 16 /* a stop signal was dequeued */
#define JOBCTL_STOP_PENDING_BIT 17 /* this thread must stop */
#define JOBCTL_STOP_CONSUME_BIT 18 /* and count in group_stop_count */
#define JOBCTL_STOPPED_BIT 26 /* it is stopped */

#define JOBCTL_STOP_DEQUEUED (1UL << JOBCTL_STOP_DEQUEUED_BIT)
#define JOBCTL_STOP_PENDING (1UL << JOBCTL_STOP_PENDING_BIT)
#define JOBCTL_STOP_CONSUME (1UL << JOBCTL_STOP_CONSUME_BIT)
#define JOBCTL_STOPPED (1UL << JOBCTL_STOPPED_BIT)

#define JOBCTL_PENDING_MASK JOBCTL_STOP_PENDING

#endif /* _LINUX_SCHED_JOBCTL_H */
