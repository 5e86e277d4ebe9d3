#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

/*
 * BUG_ON: carrying on would corrupt memory; oops and die.
 * WARN_ON: something is wrong but the kernel can go on; print a
 * backtrace and return the condition so callers can bail out.
 */
__noreturn void __bug(const char *file, int line);
/* @fmt may be NULL (WARN_ON); so no __printf checking here. */
void __warn(const char *file, int line, const char *fmt, ...);

#define BUG() __bug(__FILE__, __LINE__)
#define BUG_ON(cond)                \
	do {                        \
		if (unlikely(cond)) \
			BUG();      \
	} while (0)

#define WARN(cond, fmt, ...)                                            \
	({                                                              \
		bool __ret_warn = !!(cond);                             \
		if (unlikely(__ret_warn))                               \
			__warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
		unlikely(__ret_warn);                                   \
	})

#define WARN_ON(cond) WARN(cond, NULL)

#define WARN_ONCE(cond, fmt, ...)                                       \
	({                                                              \
		static bool __warned;                                   \
		bool __ret_once = !!(cond);                             \
		if (unlikely(__ret_once && !__warned)) {                \
			__warned = true;                                \
			__warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
		}                                                       \
		unlikely(__ret_once);                                   \
	})

#define WARN_ON_ONCE(cond) WARN_ONCE(cond, NULL)

/* Counts WARN hits, so tests can check that a warning fired. */
extern unsigned long warn_count;

#endif /* _LINUX_BUG_H */
