#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

/*
 * Miscellaneous character devices: all share major 10 and differ by
 * minor, fixed (Linux's list) or handed out by misc_register().
 */
#include <linux/types.h>
#include <linux/list.h>

struct file_operations;

#define MISC_MAJOR 10
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
	int minor; /* MISC_DYNAMIC_MINOR: pick one; set on return */
	const char *name; /* the /dev node's name */
	const struct file_operations *fops;
	struct list_head list;
	umode_t mode; /* node permissions; 0 means 0600 */
	bool dynamic; /* the minor was chosen by misc_register() */
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif /* _LINUX_MISCDEVICE_H */
