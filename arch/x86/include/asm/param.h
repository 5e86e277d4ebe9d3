#ifndef _ASM_X86_PARAM_H
#define _ASM_X86_PARAM_H

#include <asm-generic/param.h>

#endif /* _ASM_X86_PARAM_H */
