#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

/*
 * uname(2)'s names (kernel/sys.c).  "Linux" as the system name, so
 * that C libraries and scripts treat Linnet as the Linux it imitates.
 */
#include <linux/types.h>

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

#define UTS_SYSNAME "Linux"
#define UTS_NODENAME "(none)"
#define UTS_RELEASE "6.1.0-linnet"
#define UTS_VERSION "#1 SMP PREEMPT " __DATE__ " " __TIME__
#define UTS_MACHINE "x86_64"
#define UTS_DOMAINNAME "(none)"

struct rw_semaphore;
/* Writers of the names (sethostname, /proc/sys/kernel) hold it. */
extern struct rw_semaphore uts_sem;

struct new_utsname *utsname(void);

#endif /* _LINUX_UTSNAME_H */
