#ifndef _UAPI_LINUX_RANDOM_H
#define _UAPI_LINUX_RANDOM_H

#include <asm-generic/ioctl.h>

/* getrandom(2) flags */
#define GRND_NONBLOCK 0x0001 /* EAGAIN instead of waiting for the seed */
#define GRND_RANDOM 0x0002 /* /dev/random semantics (same pool now) */
#define GRND_INSECURE 0x0004 /* never wait, even before the seed */

/* /dev/random ioctls (Linux's numbers) */
#define RNDGETENTCNT _IOR('R', 0x00, int)

#endif /* _UAPI_LINUX_RANDOM_H */
