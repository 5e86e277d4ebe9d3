#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

#include <linux/device.h>
#include <linux/mutex.h>

/* Guards every class's device list. */
extern struct mutex class_mutex;

int devices_init(void);
int classes_init(void);
void cpu_dev_init(void);
struct kobject *class_virtual_dir(struct class *cls);

#endif /* _DRIVERS_BASE_BASE_H */
