#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <stddef.h>
#include <linux/compiler.h>

struct file_operations;

/*
 * A message's level is its first two bytes: KERN_SOH then a digit, as
 * in Linux, so "KERN_ERR "text"" concatenates at compile time.
 */
#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7

#define CONSOLE_LOGLEVEL_DEFAULT 7
#define CONSOLE_LOGLEVEL_QUIET 4
#define MESSAGE_LOGLEVEL_DEFAULT 4

extern int console_loglevel;
extern int oops_in_progress; /* set while an oops is printed */

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);
size_t log_buf_read(unsigned long long *seq, char *buf, size_t size);
int printk_emit(int facility, int level, const char *text, size_t len);

/* syslog(2) actions (kernel/printk/printk.c: do_syslog). */
#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD 9
#define SYSLOG_ACTION_SIZE_BUFFER 10
#define SYSLOG_FROM_READER 0
#define SYSLOG_FROM_PROC 1
int do_syslog(int type, char __user *buf, int len, int source);
/* /dev/kmsg (1,11), served by drivers/char/mem.c. */
extern const struct file_operations kmsg_fops;
void dump_stack(void);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)

/* Say it the first time only (a static flag per call site). */
#define printk_once(fmt, ...)                        \
	({                                           \
		static bool __print_once;            \
		bool __ret = !__print_once;          \
		if (!__print_once) {                 \
			__print_once = true;         \
			printk(fmt, ##__VA_ARGS__);  \
		}                                    \
		__ret;                               \
	})
#define pr_warn_once(fmt, ...) \
	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Print only the first time this line is reached (unsupported flags). */
#ifndef printk_once
#define printk_once(fmt, ...)                          \
	({                                             \
		static bool __print_once;              \
		bool __ret_print_once = !__print_once; \
		if (!__print_once) {                   \
			__print_once = true;           \
			printk(fmt, ##__VA_ARGS__);    \
		}                                      \
		__ret_print_once;                      \
	})
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) \
	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#endif

#endif /* _LINUX_PRINTK_H */
