#ifndef _UAPI_LINUX_CAPABILITY_H
#define _UAPI_LINUX_CAPABILITY_H

/* capget(2)/capset(2) ABI (Linux's). */
#include <linux/types.h>

#define _LINUX_CAPABILITY_VERSION_1 0x19980330
#define _LINUX_CAPABILITY_U32S_1 1
#define _LINUX_CAPABILITY_VERSION_2 0x20071026 /* deprecated */
#define _LINUX_CAPABILITY_U32S_2 2
#define _LINUX_CAPABILITY_VERSION_3 0x20080522
#define _LINUX_CAPABILITY_U32S_3 2

struct __user_cap_header_struct {
	u32 version;
	int pid;
};

struct __user_cap_data_struct {
	u32 effective;
	u32 permitted;
	u32 inheritable;
};

#endif /* _UAPI_LINUX_CAPABILITY_H */
