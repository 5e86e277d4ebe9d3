#ifndef _HOST_ASM_FPU_TYPES_H
#define _HOST_ASM_FPU_TYPES_H

/* Host-test shim: struct fpu (in thread_struct) is plain C; use the kernel's. */
#include "../../../../../arch/x86/include/asm/fpu/types.h"

#endif /* _HOST_ASM_FPU_TYPES_H */
