#ifndef _HOST_ASM_PROCESSOR_H
#define _HOST_ASM_PROCESSOR_H

/* Host-test shim: what generic headers need of <asm/processor.h>. */
#include <linux/compiler.h>

static inline void cpu_relax(void)
{
	__builtin_ia32_pause();
}

#endif /* _HOST_ASM_PROCESSOR_H */
