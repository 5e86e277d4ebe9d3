#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>

struct task_struct;

extern int pid_max;

int alloc_pid(struct task_struct *p);
void free_pid(struct task_struct *p);
pid_t pid_last(void);
void pid_init(void);

#endif /* _LINUX_PID_H */
