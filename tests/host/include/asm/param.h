#ifndef _HOST_ASM_PARAM_H
#define _HOST_ASM_PARAM_H

/* Host shim: the kernel's HZ. */
#include <asm-generic/param.h>

#endif /* _HOST_ASM_PARAM_H */
