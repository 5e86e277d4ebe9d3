#ifndef _ASM_X86_STRING_H
#define _ASM_X86_STRING_H

/*
 * The string functions x86 provides itself (arch/x86/lib/memcpy_64.S);
 * lib/string.c builds its portable versions of the others only.
 */
#define __HAVE_ARCH_MEMCPY 1
#define __HAVE_ARCH_MEMSET 1

#endif /* _ASM_X86_STRING_H */
