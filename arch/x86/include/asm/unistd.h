#ifndef _ASM_X86_UNISTD_H
#define _ASM_X86_UNISTD_H

/*
 * The x86_64 syscall numbers (__NR_*) and NR_syscalls, generated into
 * build/generated/asm/ from the UAPI asm/unistd_64.h by
 * scripts/syscalltbl.py.
 */
#include <asm/unistd_64.h>
#include <asm/syscalls_64.h>

#endif /* _ASM_X86_UNISTD_H */
