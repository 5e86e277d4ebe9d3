#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

/* Sizes the ABI fixes (uapi linux/limits.h). */
#define NGROUPS_MAX 65536
#define ARG_MAX 131072 /* bytes of args + environ for exec */
#define LINK_MAX 127
#define MAX_CANON 255
#define MAX_INPUT 255
#define NAME_MAX 255 /* chars in a file name */
#define PATH_MAX 4096 /* chars in a path name including nul */
#define PIPE_BUF 4096 /* bytes in atomic write to a pipe */
#define XATTR_NAME_MAX 255
#define XATTR_SIZE_MAX 65536
#define XATTR_LIST_MAX 65536
#define RTSIG_MAX 32

#endif /* _UAPI_LINUX_LIMITS_H */
