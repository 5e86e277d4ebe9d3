#ifndef _LINUX_MIGHT_SLEEP_H
#define _LINUX_MIGHT_SLEEP_H

#include <linux/compiler.h>

/*
 * CONFIG_DEBUG_ATOMIC_SLEEP, as Kconfig would set it (seed 002: "您应该
 * 始终使用编译内核时的 CONFIG_DEBUG_ATOMIC_SLEEP 选项").  0 makes
 * might_sleep() an empty annotation.  The host unit tests build with 0.
 */
#ifndef CONFIG_DEBUG_ATOMIC_SLEEP
#define CONFIG_DEBUG_ATOMIC_SLEEP 1
#endif

/*
 * might_sleep() - annotate a function that may sleep.
 *
 * Seed 000: "might_sleep()：断言当前上下文允许 sleep".  Every sleeping
 * primitive calls it on entry, before it knows whether it will have to
 * sleep, so a caller in atomic context (spinlock held, preemption or
 * irqs off, interrupt) is reported with a backtrace on every run, not
 * only on the rare one that blocks.  The kernel is preemptible, so
 * there is no reschedule point to add here.
 */
#if CONFIG_DEBUG_ATOMIC_SLEEP
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() ((void)0)
#endif

#define might_sleep_if(cond)           \
	do {                           \
		if (cond)              \
			might_sleep(); \
	} while (0)

#endif /* _LINUX_MIGHT_SLEEP_H */
