#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

#include <linux/bug.h>

/*
 * CONFIG_DEBUG_VM, as Kconfig would set it: 1 (the debug build) checks
 * the memory manager's own invariants where they cost time, 0 (make
 * KCONFIG=release) trusts them.  VM_WARN_ON_ONCE() evaluates nothing
 * when it is off.
 */
#ifndef CONFIG_DEBUG_VM
#define CONFIG_DEBUG_VM 1
#endif

#if CONFIG_DEBUG_VM
#define VM_WARN_ON_ONCE(cond) WARN_ON_ONCE(cond)
#else
#define VM_WARN_ON_ONCE(cond) ((void)sizeof(!!(cond)))
#endif

#endif /* _LINUX_MMDEBUG_H */
