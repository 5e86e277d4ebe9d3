#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/percpu.h>

void smp_setup_processor_id(void);

#endif /* _LINUX_SMP_H */
