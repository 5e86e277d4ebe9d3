#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <linux/types.h>

extern unsigned int tsc_khz;

void tsc_early_init(void);
void tsc_init(void);
u64 tsc_cycles_to_ns(u64 cycles);
u64 pit_measure(u64 (*read)(void), unsigned int ms);

#endif /* _ASM_X86_TSC_H */
