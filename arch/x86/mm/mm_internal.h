#ifndef _ARCH_X86_MM_MM_INTERNAL_H
#define _ARCH_X86_MM_MM_INTERNAL_H

/* What the files of arch/x86/mm/ (and their tests) share. */
#include <linux/types.h>

struct pt_regs;

/* si_code values of fault signals (uapi asm-generic/siginfo.h). */
#ifndef SEGV_MAPERR
#define SEGV_MAPERR 1 /* no mapping at the address */
#define SEGV_ACCERR 2 /* the mapping forbids the access */
#endif
#ifndef BUS_ADRERR
#define BUS_ADRERR 2 /* no such page behind a mapping */
#endif

/* fault.c */
int resolve_user_fault(struct pt_regs *regs, unsigned long error_code,
		       unsigned long address, int *code);

#endif /* _ARCH_X86_MM_MM_INTERNAL_H */
