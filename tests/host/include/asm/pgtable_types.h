#ifndef _HOST_ASM_PGTABLE_TYPES_H
#define _HOST_ASM_PGTABLE_TYPES_H

/* Host-test shim: page-table entry types are plain C; use the kernel's. */
#include "../../../../arch/x86/include/asm/pgtable_types.h"

#endif /* _HOST_ASM_PGTABLE_TYPES_H */
