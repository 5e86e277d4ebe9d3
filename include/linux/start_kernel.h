#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

extern const char linux_banner[];
extern bool early_boot_irqs_disabled;

__noreturn void start_kernel(void);

#endif /* _LINUX_START_KERNEL_H */
