#ifndef _ASM_X86_PROTO_H
#define _ASM_X86_PROTO_H

#include <linux/linkage.h>

/* The target of the syscall instruction (MSR_LSTAR), entry_64.S. */
asmlinkage void entry_SYSCALL_64(void);

#endif /* _ASM_X86_PROTO_H */
