#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

/* open() flags and fcntl() commands: the ABI values, plus kernel masks. */
#include <uapi/linux/fcntl.h>

/* The open() flags we know; anything else in open() is ignored, as Linux. */
#define VALID_OPEN_FLAGS                                                   \
	(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY |      \
	 O_TRUNC | O_APPEND | O_NDELAY | O_NONBLOCK | __O_SYNC | O_DSYNC | \
	 FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW |      \
	 O_NOATIME | O_CLOEXEC | O_PATH | __O_TMPFILE)

/* What O_PATH keeps; everything else is dropped for an O_PATH open. */
#define O_PATH_FLAGS (O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/* faccessat2 flags */
#define AT_EACCESS_MASK (AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)

#endif /* _LINUX_FCNTL_H */
