#ifndef _UAPI_LINUX_TERMIOS_H
#define _UAPI_LINUX_TERMIOS_H

/* Terminal interface: attributes, ioctls, window size, disciplines. */
#include <asm-generic/termbits.h>
#include <asm-generic/ioctls.h>

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* Line disciplines (TIOCSETD); only N_TTY exists here. */
#define N_TTY 0

#endif /* _UAPI_LINUX_TERMIOS_H */
