#ifndef _ASM_X86_STACKTRACE_H
#define _ASM_X86_STACKTRACE_H

#include <linux/types.h>

bool on_exception_stack(unsigned long addr, unsigned long *lo,
			unsigned long *hi);

/* A frame-pointer frame: what `push %rbp; mov %rsp, %rbp` leaves. */
struct stack_frame {
	struct stack_frame *next_frame;
	unsigned long return_address;
};

#endif /* _ASM_X86_STACKTRACE_H */
